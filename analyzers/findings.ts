// Turns a classifier's findings into its candidate: the most confident finding decides the cause,
// findings from other fields that agree with it add 0.02 each (max 0.99) and are listed as evidence.
import type { Attribution, Cause } from '../schemas/classification.js';
import type { Candidate, Finding } from './candidate.js';

export function strongestCandidate(
  attribution: Attribution,
  findings: readonly Finding[],
  remediation: Partial<Record<Cause, string>>,
  /** A catch-all cause (tls_unknown) that loses ties against any specific cause. */
  catchAll?: Cause,
): Candidate | undefined {
  let best: Finding | undefined;
  for (const finding of findings) {
    if (
      !best ||
      finding.confidence > best.confidence ||
      (finding.confidence === best.confidence && best.cause === catchAll && finding.cause !== catchAll)
    )
      best = finding;
  }
  if (!best) return undefined;
  if (findings.length === 1)
    return { attribution, cause: best.cause, confidence: best.confidence, evidence: [best.evidence], remediation: remediation[best.cause] ?? '' };
  const cause = best.cause;
  const agreeing = findings.filter((finding) => finding.cause === cause).sort((a, b) => b.confidence - a.confidence);
  // Corroboration counts distinct fields: two rules matching the same text are one fact.
  const kinds = new Set(agreeing.map((finding) => finding.evidence.kind));
  const confidence = Math.min(0.99, best.confidence + 0.02 * (kinds.size - 1));
  return {
    attribution,
    cause,
    confidence: Math.round(confidence * 100) / 100,
    evidence: agreeing.map((finding) => finding.evidence),
    remediation: remediation[cause] ?? '',
  };
}
