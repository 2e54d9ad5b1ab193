// Findings of the code tables, in the shape every rule yields (SourcedFinding). The table rules of
// vocabulary.ts run in the vocabulary matcher's pass (after the runtime rules); here their hits are
// thinned to the causes they add, and the codes written as numbers (scanner.ts) are appended.
import { sourcedFinding, type SourcedFinding } from '../candidate.js';
import { matchText } from '../vocabularies/index.js';
import { codeRuleId } from './index.js';
import { scanCodeNumbers, type CodeMatch } from './scanner.js';

const CODE_RULE = 'codes.';
const SCRATCH: CodeMatch[] = [];

function numberFinding(kind: string, match: CodeMatch): SourcedFinding {
  const { row, matched } = match;
  const rule = codeRuleId(row);
  // A number is read through its context: a little less sure than the code's name.
  const confidence = Math.min(0.8, row.confidence);
  const evidence = { kind, detail: `"${matched.slice(0, 60)}" matched ${rule} (${row.names[0]}: ${row.meaning}) → ${row.cause}` };
  return sourcedFinding(rule, row.cause, confidence, evidence, row.ambiguity);
}

function named(out: readonly SourcedFinding[], from: number, to: number, finding: SourcedFinding): boolean {
  for (let i = from; i < to; i++) if ((out[i] as SourcedFinding).cause === finding.cause) return true;
  return false;
}

/**
 * After the rules of one text ran into `out` (from index `from`): keeps a code-table hit only for a
 * cause no earlier hit of the text names, then appends the numeric codes that add a cause.
 * `runtime` anchors a text that is a bare number (error.code = -9814 from an iOS client).
 */
export function addCodeFindings(kind: string, text: string, out: SourcedFinding[], from: number, runtime?: string): void {
  let write = from;
  for (let read = from; read < out.length; read++) {
    const finding = out[read] as SourcedFinding;
    if (finding.rule.startsWith(CODE_RULE) && named(out, from, write, finding)) continue;
    out[write++] = finding;
  }
  out.length = write;
  // Scratch reused across calls (JS runs one call at a time): most texts hold no numeric code.
  const matches = SCRATCH;
  matches.length = 0;
  scanCodeNumbers(text, matches, runtime);
  for (let i = 0; i < matches.length; i++) {
    const finding = numberFinding(kind, matches[i] as CodeMatch);
    if (!named(out, from, out.length, finding)) out.push(finding);
  }
  matches.length = 0;
  if (out.length === from && kind === 'error.code' && NODE_SSL_CODE.test(text)) out.push(nodeSslFinding(kind, text));
}

/**
 * Node's code for any OpenSSL error of a TLS socket, whatever library raised it (ERR_SSL_<REASON>: "asn1 encoding routines …
 * EVP lib" is ERR_SSL_EVP_LIB), read only where no table knows its reason: the TLS handshake failed, its cause not one the
 * code names (tls_unknown, below every reason the tables know).
 * @see https://nodejs.org/api/errors.html#openssl-error-codes
 */
const NODE_SSL_CODE = /^ERR_SSL_[A-Z0-9_]+$/;
function nodeSslFinding(kind: string, text: string): SourcedFinding {
  const evidence = { kind, detail: `"${text.slice(0, 60)}" is Node's code for an OpenSSL error of its TLS socket that no table names → tls_unknown (rule codes.node_ssl_error)` };
  return sourcedFinding('codes.node_ssl_error', 'tls_unknown', 0.45, evidence);
}

/** Every finding of one text, rules and numeric codes (the verify-code fallback and the tests read codes this way). */
export function codeFindings(kind: string, text: string, out: SourcedFinding[], runtime?: string): void {
  const from = out.length;
  matchText(kind, text, out);
  addCodeFindings(kind, text, out, from, runtime);
}
