// Shared shapes between the evidence tables, the classifiers and the engine: a candidate answer
// and the classifier interface every attribution implements.
import type { Attribution, Cause, Evidence } from '../schemas/classification.js';
import type { EvidenceContext } from './evidence-context.js';

/**
 * One classifier's answer for an event; the engine keeps the most confident one. `evidence` and
 * `remediation` may be getters: the engine reads them for the chosen candidate only.
 */
export interface Candidate {
  readonly attribution: Attribution;
  readonly cause: Cause;
  readonly confidence: number;
  readonly evidence: Evidence[];
  readonly remediation: string;
}

/** A pure function of the evidence context that answers only for its own attribution. */
export interface Classifier {
  /** Stable name, used in docs and tests only; the engine never branches on it. */
  readonly name: string;
  readonly attribution: Attribution;
  classify(context: EvidenceContext): Candidate | undefined;
}

/**
 * How a classifier resolves an ambiguous finding with the other fields of the event:
 * - `issuer`: "unable to get local issuer" and friends: untrusted CA, missing intermediate or self-signed;
 * - `handshake`: handshake_failure-like texts: TLS version or cipher mismatch.
 */
export type Ambiguity = 'issuer' | 'handshake';

/** One matched fact with the cause it points to (a default when `ambiguity` is set). */
export interface Finding {
  readonly cause: Cause;
  readonly confidence: number;
  readonly ambiguity?: Ambiguity;
  /** The field that decided (the evidence kind), known without building the evidence text. */
  readonly kind: string;
  /** May be built on first read: only the chosen candidate's findings are cited. */
  readonly evidence: Evidence;
}
