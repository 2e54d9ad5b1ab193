// Failures without evidence of their own, attributed from correlated evidence (dashboards/sql/correlation.ts):
// grouped per target and likely cause for the retro, and the summary's counts moved from
// their own cause (other/abnormal_closure, or other/unknown_failure since engine 1.5.6) to the correlated cause. Pure and deterministic (sorted).
import type { CorrelationRow } from '../../dashboards/sql/correlation.js';
import { attributions, type Attribution } from '../../schemas/classification.js';

export interface CorrelatedReport {
  /** host:port the failures and the evidence are about. */
  target: string;
  host: string;
  failures: number;
  /** Of the failures, those whose own cause was unknown_failure (a 1006 before opening, engine 1.5.6); the rest abnormal_closure. */
  unknown_failures: number;
  first_failure: string;
  last_failure: string;
  services: string[];
  /** null: no evidence about the target within the window; the failures stay unexplained. */
  attribution: Attribution | null;
  cause: string | null;
  confidence: number;
  evidence: null | {
    source_kind: string;
    service: string;
    attribution: Attribution;
    cause: string;
    events: number;
    last_seen: string;
    detail: string;
  };
}

const isoTime = (s: number): string => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const asAttribution = (value: string): Attribution | null => ((attributions as readonly string[]).includes(value) ? (value as Attribution) : null);

export function correlatedReports(rows: readonly CorrelationRow[]): CorrelatedReport[] {
  type Acc = CorrelatedReport & { firstS: number; lastS: number; evidenceS: number };
  const groups = new Map<string, Acc>();
  for (const row of rows) {
    const attribution = asAttribution(row.attribution);
    const key = JSON.stringify([row.authority, row.attribution, row.cause, row.evidence_source_kind, row.evidence_service]);
    const failures = Number(row.unexplained);
    const acc = groups.get(key);
    if (acc) {
      acc.failures += failures;
      acc.unknown_failures += Number(row.unknown_failures);
      acc.firstS = Math.min(acc.firstS, row.first_seen);
      acc.lastS = Math.max(acc.lastS, row.last_seen);
      acc.services = [...new Set([...acc.services, ...row.services])].sort(byName);
      acc.confidence = Math.max(acc.confidence, Number(row.confidence));
      if (acc.evidence) acc.evidence.events = Math.max(acc.evidence.events, Number(row.evidence_events));
      acc.evidenceS = Math.max(acc.evidenceS, Number(row.evidence_last_seen));
      continue;
    }
    groups.set(key, {
      target: row.authority,
      host: row.target_host,
      failures,
      unknown_failures: Number(row.unknown_failures),
      first_failure: '',
      last_failure: '',
      services: [...row.services].sort(byName),
      attribution,
      cause: attribution ? row.cause : null,
      confidence: attribution ? Number(row.confidence) : 0,
      evidence: attribution
        ? { source_kind: row.evidence_source_kind, service: row.evidence_service, attribution, cause: row.cause, events: Number(row.evidence_events), last_seen: '', detail: '' }
        : null,
      firstS: row.first_seen,
      lastS: row.last_seen,
      evidenceS: Number(row.evidence_last_seen),
    });
  }
  return [...groups.values()]
    .map(({ firstS, lastS, evidenceS, ...report }) => {
      const evidence = report.evidence && {
        ...report.evidence,
        last_seen: isoTime(evidenceS),
        detail: `${report.evidence.source_kind} ${report.evidence.service} saw ${report.evidence.attribution} ${report.evidence.cause} on ${report.target} (${report.evidence.events} events, last ${isoTime(evidenceS)})`,
      };
      return { ...report, evidence, first_failure: isoTime(firstS), last_failure: isoTime(lastS) };
    })
    .sort((a, b) => byName(a.target, b.target) || byName(a.cause ?? '', b.cause ?? '') || byName(a.evidence?.service ?? '', b.evidence?.service ?? ''));
}

type Summary = { by_attribution: Record<Attribution, number>; by_cause: Array<{ attribution: Attribution; cause: string; events: number }> };

/**
 * Moves correlated failures from other/abnormal_closure or other/unknown_failure (what their own evidence said) to the
 * correlated attribution and cause; failures stays the same (they were failures either way).
 */
export function withCorrelations<S extends Summary>(summary: S, correlated: readonly CorrelatedReport[]): S {
  const byAttribution = { ...summary.by_attribution };
  const byCause = summary.by_cause.map((c) => ({ ...c }));
  const bump = (attribution: Attribution, cause: string, n: number) => {
    const row = byCause.find((c) => c.attribution === attribution && c.cause === cause);
    if (row) row.events += n;
    else byCause.push({ attribution, cause, events: n });
  };
  for (const c of correlated) {
    if (!c.attribution || !c.cause) continue;
    byAttribution.other -= c.failures;
    byAttribution[c.attribution] += c.failures;
    bump('other', 'abnormal_closure', -(c.failures - c.unknown_failures));
    bump('other', 'unknown_failure', -c.unknown_failures);
    bump(c.attribution, c.cause, c.failures);
  }
  return {
    ...summary,
    by_attribution: byAttribution,
    by_cause: byCause
      .filter((c) => c.events > 0)
      .sort((a, b) => byName(a.attribution, b.attribution) || b.events - a.events || byName(a.cause, b.cause)),
  };
}
