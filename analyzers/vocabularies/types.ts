// Shape of one runtime vocabulary: error texts and codes as a runtime prints them, each with the cause
// it points to and where the text was seen. Rules never use the `g` or `y` flag (no lastIndex state).
import type { Cause } from '../../schemas/classification.js';
import type { Ambiguity } from '../candidate.js';

/**
 * What the first capture group of a pattern holds, when the cause depends on it:
 * - `http_status`: the HTTP status of a refused upgrade (401/407 → http_auth_rejected, else http_rejected);
 * - `tls_alert`: a TLS alert name or number, looked up in the TLS alert table;
 * - `verify_code`: an OpenSSL verify result number, looked up in the verify code table.
 */
export type Capture = 'http_status' | 'tls_alert' | 'verify_code';

export interface VocabularyRule {
  /** Stable id "<vocabulary>.<what>", printed in evidence. */
  readonly id: string;
  readonly pattern: RegExp;
  /** The cause; with `capture` it is the fallback when the captured value is not in its table. */
  readonly cause: Cause;
  readonly confidence: number;
  readonly ambiguity?: Ambiguity;
  readonly capture?: Capture;
  /** Citation: RFC, URL, source file, or "reproduced: <command>". */
  readonly source: string;
  /** A text the runtime prints that this rule matches (a test runs every rule on its example). */
  readonly example: string;
  /**
   * The rule matches a generic wrapper class that a runtime or library puts on failures of many causes
   * (async-http-client wraps every failure in java.net.ConnectException): its finding stands only when the
   * event's texts name no other cause (text-findings.ts, dropWrappedBy).
   */
  readonly wrapper?: true;
}

export interface Vocabulary {
  /** Runtime family name as `runtimeFamily()` returns it, or a group name ("system", "openssl"). */
  readonly name: string;
  readonly rules: readonly VocabularyRule[];
}

type RuleOptions = Pick<VocabularyRule, 'example' | 'ambiguity' | 'capture' | 'wrapper'>;

/** Compact row constructor for the vocabulary tables: the last argument names the example and the options. */
export function rule(id: string, pattern: RegExp, cause: Cause, confidence: number, source: string, options: RuleOptions): VocabularyRule {
  return { id, pattern, cause, confidence, source, ...options };
}
