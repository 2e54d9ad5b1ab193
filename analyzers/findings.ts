// Turns a classifier's findings into its candidate: the most confident finding decides the cause,
// findings from other fields that agree with it add 0.02 each (max 0.99) and are cited as evidence.
import type { Attribution, Cause, Evidence } from '../schemas/classification.js';
import type { Candidate, Finding } from './candidate.js';

/** The evidence of the findings that agree with the decided cause, strongest first (stable at equal confidence). */
export function agreeingEvidence(findings: readonly Finding[], cause: Cause): Evidence[] {
  if (findings.length === 1) return [(findings[0] as Finding).evidence];
  // Usually one finding agrees: its evidence alone, without a sort.
  let first = -1;
  let count = 0;
  for (let i = 0; i < findings.length; i++) if ((findings[i] as Finding).cause === cause && count++ === 0) first = i;
  if (count === 0) return [];
  if (count === 1) return [(findings[first] as Finding).evidence];
  const agreeing: Finding[] = [];
  for (let i = first; i < findings.length; i++) {
    const finding = findings[i] as Finding;
    if (finding.cause !== cause) continue;
    // Insertion sort (a handful of findings): after the last one at least as confident, so ties keep their order.
    // Shifted in place: splice would allocate the (empty) array of removed elements on every insert.
    let at = agreeing.length;
    agreeing.push(finding);
    while (at > 0 && (agreeing[at - 1] as Finding).confidence < finding.confidence) {
      agreeing[at] = agreeing[at - 1] as Finding;
      at--;
    }
    agreeing[at] = finding;
  }
  const evidence: Evidence[] = [];
  for (let i = 0; i < agreeing.length; i++) evidence.push((agreeing[i] as Finding).evidence);
  return evidence;
}

/** A specific cause outranks the catch-all; otherwise the more confident finding (the earlier at a tie). */
function outranks(finding: Finding, best: Finding, catchAll: Cause | undefined): boolean {
  const general = finding.cause === catchAll;
  if (general !== (best.cause === catchAll)) return !general;
  return finding.confidence > best.confidence;
}

/** Distinct evidence kinds among the findings of `cause`: two rules on one text are one fact. */
function distinctKinds(findings: readonly Finding[], cause: Cause): number {
  let kinds = 0;
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i] as Finding;
    if (finding.cause !== cause) continue;
    let seen = false;
    for (let j = 0; j < i && !seen; j++) {
      const earlier = findings[j] as Finding;
      seen = earlier.cause === cause && earlier.evidence.kind === finding.evidence.kind;
    }
    if (!seen) kinds++;
  }
  return kinds;
}

export function strongestCandidate(
  attribution: Attribution,
  findings: readonly Finding[],
  remediation: Partial<Record<Cause, string>>,
  /**
   * A catch-all cause (tls_unknown: "TLS failed, cause not determinable") that never outranks a specific
   * cause: a wrapper's generic error name says less than the verify text it wraps, however sure it is.
   */
  catchAll?: Cause,
): Candidate | undefined {
  let best: Finding | undefined;
  for (const finding of findings) if (!best || outranks(finding, best, catchAll)) best = finding;
  if (!best) return undefined;
  const cause = best.cause;
  const confidence = findings.length === 1 ? best.confidence : Math.round(Math.min(0.99, best.confidence + 0.02 * (distinctKinds(findings, cause) - 1)) * 100) / 100;
  return { attribution, cause, confidence, findings, remediation: remediation[cause] ?? '', evidence: undefined };
}
