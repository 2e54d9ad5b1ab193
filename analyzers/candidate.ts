// Shared shapes between the evidence tables, the classifiers and the engine: findings and candidates
// are plain data, built once with their evidence; the classifier interface every attribution implements.
import { causesByAttribution, type Attribution, type Cause, type Evidence } from '../schemas/classification.js';
import type { EvidenceContext } from './evidence-context.js';

/**
 * One classifier's answer for an event; the engine keeps the most confident one and cites the findings
 * that agree with its cause (evidence.ts), so losing candidates cost no evidence list.
 */
export interface Candidate {
  readonly attribution: Attribution;
  readonly cause: Cause;
  readonly confidence: number;
  /** Every finding the classifier weighed; those of `cause` are the evidence. */
  readonly findings: readonly Finding[];
  readonly remediation: string;
  /** The evidence, when the candidate is a constant built once (shared by every event it answers; never mutated). */
  readonly evidence?: Evidence[];
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
 * - `handshake`: handshake_failure-like texts: TLS version or cipher mismatch;
 * - `validity`: a validity-period failure that does not say which end ("validity check failed", NotTimeValid,
 *   ERR_CERT_DATE_INVALID): expired or not yet valid, decided by certificate dates against the event time;
 * - `answer`: a client's verdict on the upgrade's answer that names neither its status nor a header (gorilla's "bad
 *   handshake", Mongoose's "ws handshake error"): refused for the status the event records, a header failed the check
 *   (101), or, with no status, the event does not say which (unknown_failure; classifiers/other-failure/answer-read.ts);
 * - `session`: a carried protocol's reply error in words ("internal server error" with no HTTP word): the server's failure
 *   (server_error) once the upgrade succeeded, no evidence before it (classifiers/other-failure/classifier.ts).
 */
export type Ambiguity = 'issuer' | 'handshake' | 'validity' | 'answer' | 'session';

/** One matched fact with the cause it points to (a default when `ambiguity` is set) and its evidence. */
export interface Finding {
  readonly cause: Cause;
  readonly confidence: number;
  /** `evidence.kind` names the field that decided; corroboration counts distinct kinds. */
  readonly evidence: Evidence;
  readonly ambiguity?: Ambiguity;
}

/**
 * A finding read from the event before any classifier runs (a text rule, a code, a concept), tagged
 * with the attribution of its cause so each classifier takes its own without a lookup per finding.
 */
export interface SourcedFinding extends Finding {
  /** Id of the rule, table row or concept that produced it ("node.cert_has_expired", "verify_codes.10"). */
  readonly rule: string;
  readonly attribution: Attribution;
  /** Found by the generalising tier (analyzers/concepts/), not by an exact rule or code. */
  readonly concept?: true;
}

const attributionByCause = new Map<Cause, Attribution>();
for (const [attribution, causes] of Object.entries(causesByAttribution) as [Attribution, readonly Cause[]][])
  for (const cause of causes) attributionByCause.set(cause, attribution);

export function attributionOf(cause: Cause): Attribution {
  return attributionByCause.get(cause) as Attribution;
}

/**
 * A finding read before any classifier runs, in the one object shape all of them share: every key present (`undefined` where
 * absent), always in this order. The classifiers and the engine read findings in hot loops; built in five shapes (with or
 * without `ambiguity` and `concept`, keys in other orders) they made those reads megamorphic, which V8 makes from a fifth shape on.
 */
export function sourcedFinding(rule: string, cause: Cause, confidence: number, evidence: Evidence, ambiguity?: Ambiguity, concept?: true): SourcedFinding {
  return { rule, attribution: attributionOf(cause), cause, confidence, evidence, ambiguity, concept };
}

/** Causes that say only that something failed (TLS failed, cause unknown; failed, no evidence): a concept may refine them. */
const CATCH_ALL: ReadonlySet<Cause> = new Set<Cause>(['tls_unknown', 'unknown_failure']);

export function isCatchAll(cause: Cause): boolean {
  return CATCH_ALL.has(cause);
}

/** Appends the findings of `source` whose cause belongs to `attribution` to `out`. */
export function takeFindings(source: readonly SourcedFinding[], attribution: Attribution, out: Finding[]): void {
  for (let i = 0; i < source.length; i++) {
    const finding = source[i] as SourcedFinding;
    if (finding.attribution === attribution) out.push(finding);
  }
}

/** Whether any finding of `source` belongs to `attribution`. */
export function hasFindings(source: readonly SourcedFinding[], attribution: Attribution): boolean {
  for (let i = 0; i < source.length; i++) if ((source[i] as SourcedFinding).attribution === attribution) return true;
  return false;
}
