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
  // Agreeing evidence, strongest first; corroboration counts distinct fields: two rules on one text are one fact.
  const agreeing = findings.filter((finding) => finding.cause === cause);
  if (agreeing.length > 1) agreeing.sort((a, b) => b.confidence - a.confidence);
  const kinds: string[] = [];
  for (const finding of agreeing) if (!kinds.includes(finding.evidence.kind)) kinds.push(finding.evidence.kind);
  const confidence = Math.min(0.99, best.confidence + 0.02 * (kinds.length - 1));
  return {
    attribution,
    cause,
    confidence: Math.round(confidence * 100) / 100,
    evidence: agreeing.map((finding) => finding.evidence),
    remediation: remediation[cause] ?? '',
  };
}
