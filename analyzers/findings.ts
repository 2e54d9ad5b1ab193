// Turns a classifier's findings into its candidate: the most confident finding decides the cause,
// findings from other fields that agree with it add 0.02 each (max 0.99) and are listed as evidence.
// Evidence texts are built only for the candidate the engine chooses: most candidates lose.
import type { Attribution, Cause, Evidence } from '../schemas/classification.js';
import type { Ambiguity, Candidate, Finding } from './candidate.js';

/** Builds an evidence detail from raw values; a plain module-level function, so no closure per event. */
export type Describe<A, B, C> = (a: A, b: B, c: C) => string;

/** A finding whose evidence detail is described on first read from the raw values that decided it. */
class DescribedFinding implements Finding {
  private cited: Evidence | undefined;
  constructor(
    readonly cause: Cause,
    readonly confidence: number,
    readonly kind: string,
    readonly ambiguity: Ambiguity | undefined,
    private readonly describe: Describe<unknown, unknown, unknown>,
    private readonly a: unknown,
    private readonly b: unknown,
    private readonly c: unknown,
  ) {}

  get evidence(): Evidence {
    return (this.cited ??= { kind: this.kind, detail: this.describe(this.a, this.b, this.c) });
  }
}

/** A finding of `kind` whose detail is `describe(a, b, c)`, built only if the finding is cited. */
export function finding<A = undefined, B = undefined, C = undefined>(
  cause: Cause,
  confidence: number,
  kind: string,
  describe: Describe<A, B, C>,
  a?: A,
  b?: B,
  c?: C,
  ambiguity?: Ambiguity,
): Finding {
  return new DescribedFinding(cause, confidence, kind, ambiguity, describe as Describe<unknown, unknown, unknown>, a, b, c);
}

/** The findings that agree with the decided cause, strongest first (stable: equal confidences keep their order). */
function agreeingEvidence(findings: readonly Finding[], cause: Cause): Evidence[] {
  if (findings.length === 1) return [(findings[0] as Finding).evidence];
  const agreeing: Finding[] = [];
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i] as Finding;
    if (finding.cause !== cause) continue;
    // Insertion sort (a handful of findings): shift the weaker ones up, no splice.
    let at = agreeing.length;
    agreeing.push(finding);
    while (at > 0 && (agreeing[at - 1] as Finding).confidence < finding.confidence) {
      agreeing[at] = agreeing[at - 1] as Finding;
      at--;
    }
    agreeing[at] = finding;
  }
  const evidence: Evidence[] = new Array(agreeing.length);
  for (let i = 0; i < agreeing.length; i++) evidence[i] = (agreeing[i] as Finding).evidence;
  return evidence;
}

/** A decided candidate; its evidence and remediation are read only if the engine chooses it. */
class DecidedCandidate implements Candidate {
  private cited: Evidence[] | undefined;
  constructor(
    readonly attribution: Attribution,
    readonly cause: Cause,
    readonly confidence: number,
    private readonly findings: readonly Finding[],
    private readonly remediations: Partial<Record<Cause, string>>,
  ) {}

  get evidence(): Evidence[] {
    return (this.cited ??= agreeingEvidence(this.findings, this.cause));
  }

  get remediation(): string {
    return this.remediations[this.cause] ?? '';
  }
}

/** A specific cause outranks the catch-all; otherwise the more confident finding (the earlier at a tie). */
function outranks(finding: Finding, best: Finding, catchAll: Cause | undefined): boolean {
  const general = finding.cause === catchAll;
  if (general !== (best.cause === catchAll)) return !general;
  return finding.confidence > best.confidence;
}

export function strongestCandidate(
  attribution: Attribution,
  findings: readonly Finding[],
  remediation: Partial<Record<Cause, string>>,
  /** A catch-all cause (tls_unknown) that never outranks a specific cause. */
  catchAll?: Cause,
): Candidate | undefined {
  // A catch-all (tls_unknown: "TLS failed, cause not determinable") never beats a specific cause: a
  // wrapper's generic error name says less than the verify text it wraps, however sure it is that TLS failed.
  let best: Finding | undefined;
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i] as Finding;
    if (!best || outranks(finding, best, catchAll)) best = finding;
  }
  if (!best) return undefined;
  if (findings.length === 1) return new DecidedCandidate(attribution, best.cause, best.confidence, findings, remediation);
  const cause = best.cause;
  // Corroboration counts distinct fields among the agreeing findings: two rules on one text are one fact.
  let kinds = 0;
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i] as Finding;
    if (finding.cause !== cause) continue;
    let seen = false;
    for (let j = 0; j < i && !seen; j++) {
      const earlier = findings[j] as Finding;
      seen = earlier.cause === cause && earlier.kind === finding.kind;
    }
    if (!seen) kinds++;
  }
  const confidence = Math.min(0.99, best.confidence + 0.02 * (kinds - 1));
  return new DecidedCandidate(attribution, cause, Math.round(confidence * 100) / 100, findings, remediation);
}
