// The retro's correlated section from correlation rows: grouped per target and likely cause across
// buckets, evidence cited, and the summary's counts moved from their own cause (abnormal_closure or unknown_failure).
import { describe, expect, it } from 'vitest';
import { correlatedReports, withCorrelations } from '../../../analyzers/retro/correlated.js';
import type { CorrelationRow } from '../../../dashboards/sql/correlation.js';

const t = Date.parse('2026-11-30T10:00:00Z') / 1000;
const row = (over: Partial<CorrelationRow>): CorrelationRow => ({
  authority: 'a.example:443', target_host: 'a.example', bucket_start: t, unexplained: '3', unknown_failures: '0', first_seen: t + 10, last_seen: t + 200, services: ['web'],
  attribution: '1015', cause: 'cert_expired', evidence_source_kind: 'probe', evidence_service: 'wsdiag-probe', evidence_events: '4', evidence_last_seen: t + 100, confidence: 0.68,
  ...over,
});

describe('correlatedReports', () => {
  it('merges the buckets of one target and cause, citing the evidence', () => {
    const [a, ...rest] = correlatedReports([row({}), row({ bucket_start: t + 300, unexplained: 2, unknown_failures: 1, first_seen: t + 310, last_seen: t + 400, services: ['admin', 'web'], evidence_events: 5, evidence_last_seen: t + 350 })]);
    expect(rest).toEqual([]);
    expect(a).toEqual({
      target: 'a.example:443', host: 'a.example', failures: 5, unknown_failures: 1, first_failure: '2026-11-30T10:00:10Z', last_failure: '2026-11-30T10:06:40Z', services: ['admin', 'web'],
      attribution: '1015', cause: 'cert_expired', confidence: 0.68,
      evidence: { source_kind: 'probe', service: 'wsdiag-probe', attribution: '1015', cause: 'cert_expired', events: 5, last_seen: '2026-11-30T10:05:50Z', detail: 'probe wsdiag-probe saw 1015 cert_expired on a.example:443 (5 events, last 2026-11-30T10:05:50Z)' },
    });
  });
  it('keeps failures without evidence as unexplained', () => {
    expect(correlatedReports([row({ attribution: '', cause: '', evidence_source_kind: '', evidence_service: '', evidence_events: 0, evidence_last_seen: 0, confidence: 0 })])).toMatchObject([{ failures: 3, attribution: null, cause: null, confidence: 0, evidence: null }]);
  });
});

describe('withCorrelations', () => {
  const summary = {
    events: 20,
    failures: 8,
    by_attribution: { '1010': 0, '1015': 2, other: 6, none: 12 },
    by_cause: [
      { attribution: '1015' as const, cause: 'cert_expired', events: 2 },
      { attribution: 'other' as const, cause: 'abnormal_closure', events: 5 },
      { attribution: 'other' as const, cause: 'dns_failure', events: 1 },
    ],
  };
  it('moves correlated failures to their cause and leaves the unexplained where they were', () => {
    const reports = correlatedReports([row({}), row({ authority: 'b.example:443', attribution: '', cause: '', unexplained: 2 })]);
    expect(withCorrelations(summary, reports)).toEqual({
      ...summary,
      by_attribution: { '1010': 0, '1015': 5, other: 3, none: 12 },
      by_cause: [
        { attribution: '1015', cause: 'cert_expired', events: 5 },
        { attribution: 'other', cause: 'abnormal_closure', events: 2 },
        { attribution: 'other', cause: 'dns_failure', events: 1 },
      ],
    });
  });
  it('moves each failure out of its own cause: unknown_failure (engine 1.5.6 and later) or abnormal_closure (earlier rows)', () => {
    const mixed = { ...summary, by_cause: [...summary.by_cause, { attribution: 'other' as const, cause: 'unknown_failure', events: 2 }] };
    const reports = correlatedReports([row({ unexplained: 4, unknown_failures: 2 })]);
    expect(withCorrelations(mixed, reports).by_cause).toEqual([
      { attribution: '1015', cause: 'cert_expired', events: 6 },
      { attribution: 'other', cause: 'abnormal_closure', events: 3 },
      { attribution: 'other', cause: 'dns_failure', events: 1 },
    ]);
  });
});
