// The incident retrospective as data: built from the retro queries' rows (dashboards/sql/retro.ts),
// pure and deterministic (every list sorted), so both ClickHouse engines yield the same report.
import type { AttributionCountsRow, RetroRows } from '../../dashboards/sql/retro.js';
import { attributions, type Attribution } from '../../schemas/classification.js';
import { correlatedReports, withCorrelations, type CorrelatedReport } from './correlated.js';
import { remediationFor } from './remediation.js';

/** The retro queries' rows (64-bit counts may arrive as strings) and the window they cover. */
export interface RetroInput extends RetroRows {
  window: { fromS: number; toS: number; service?: string | undefined };
}
type Count = string | number;

export type ByAttribution = Record<Attribution, number>;
export interface Named {
  name: string;
  failures: number;
}
export interface BlastRadius {
  services: Named[];
  regions: Named[];
  hosts: Named[];
  runtimes: Named[];
}
export interface CauseReport {
  attribution: Attribution;
  cause: string;
  failures: number;
  /** First event with this cause in the window. */
  onset: string;
  /** Last event with this cause in the window. */
  last_failure: string;
  duration_s: number;
  /** Still failing in the last minute of the window, so no recovery was observed. */
  ongoing: boolean;
  blast_radius: BlastRadius;
}
export interface CertificateReport {
  subject: string;
  issuer: string;
  not_before: string;
  not_after: string;
  /** expired: before the window ended; expiring_soon: within 14 days after it; valid: later; unknown: the events carried no dates. */
  status: 'expired' | 'expiring_soon' | 'valid' | 'unknown';
  handshakes: number;
  failures: number;
  failures_by_cause: Array<{ attribution: Attribution; cause: string; failures: number; first: string; last: string }>;
  first_failure: string | null;
  last_failure: string | null;
  services: string[];
  regions: string[];
  hosts: string[];
  note: string;
}
export interface ExtensionReport {
  service: string;
  target_host: string;
  requested: string;
  negotiated: string;
  required: string;
  events: number;
  failures: number;
  causes: string[];
  first_seen: string;
  last_seen: string;
}
export interface RetroReport {
  window: { from: string; to: string; service: string | null };
  summary: { events: number; failures: number; failure_rate: number; by_attribution: ByAttribution; by_cause: Array<{ attribution: Attribution; cause: string; events: number }> };
  /** Per minute, or per hour on windows over two days (`timeline_step_s`); `minute` is the row's start. */
  timeline: Array<{ minute: string; events: number; failures: number; by_attribution: ByAttribution }>;
  timeline_step_s: number;
  causes: CauseReport[];
  blast_radius: BlastRadius;
  certificates: CertificateReport[];
  extensions: ExtensionReport[];
  violations: Array<{ violation: string; service: string; events: number; first_seen: string; last_seen: string }>;
  /**
   * Failures with no evidence of their own (a browser's 1006 on wss://), attributed from evidence about
   * the same target (correlated, lower confidence) or left unexplained. Present only when there are any.
   */
  correlated?: CorrelatedReport[];
  /**
   * The summary's counts with correlated failures moved from other/abnormal_closure to their likely
   * cause. `summary` itself stays the direct attribution, equal to the rollups, panels and alerts.
   */
  correlated_summary?: Pick<RetroReport['summary'], 'by_attribution' | 'by_cause'>;
  remediation: Array<{ item: string; detail: string }>;
}

const DAY_S = 86_400;
export const EXPIRY_HORIZON_S = 14 * DAY_S;

/** Epoch seconds → "2025-03-14T09:00:04Z". */
export const isoTime = (s: number): string => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
/** Epoch seconds → "2025-03-14 09:00:04" (UTC), for sentences. */
const readable = (s: number): string => isoTime(s).replace('T', ' ').replace('Z', '');
const n = (value: Count): number => Number(value);
const asAttribution = (value: string): Attribution => ((attributions as readonly string[]).includes(value) ? (value as Attribution) : 'other');
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function countsOf(row: AttributionCountsRow | undefined): { events: number; failures: number; by_attribution: ByAttribution } {
  return {
    events: n(row?.attempts ?? 0),
    failures: n(row?.failures ?? 0),
    by_attribution: { '1010': n(row?.a1010 ?? 0), '1015': n(row?.a1015 ?? 0), other: n(row?.other ?? 0), none: n(row?.none ?? 0) },
  };
}

/** Sums failures per value, largest first, then by name. */
function tally(rows: ReadonlyArray<{ failures: Count }>, key: (row: never) => string): Named[] {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(key(row as never), (totals.get(key(row as never)) ?? 0) + n(row.failures));
  return [...totals].map(([name, failures]) => ({ name, failures })).sort((a, b) => b.failures - a.failures || byName(a.name, b.name));
}

function blastRadius(rows: RetroInput['failureGroups']): BlastRadius {
  type G = RetroInput['failureGroups'][number];
  return {
    services: tally(rows, (r: G) => r.service),
    regions: tally(rows, (r: G) => r.region),
    hosts: tally(rows, (r: G) => r.target_host),
    runtimes: tally(rows, (r: G) => r.runtime_family),
  };
}

function certificateReports(input: RetroInput): CertificateReport[] {
  const groups = new Map<string, RetroInput['certificates'][number][]>();
  for (const row of input.certificates) {
    const key = JSON.stringify([row.cert_subject, row.cert_issuer, row.not_after]);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const reports: CertificateReport[] = [];
  for (const rows of groups.values()) {
    const first = rows[0]!;
    const failing = rows.filter((r) => r.attribution !== 'none');
    const failures = failing.reduce((sum, r) => sum + n(r.attempts), 0);
    // notAfter 0 is "not reported" (the column's default), never a certificate that expired in 1970.
    const status = first.not_after <= 0 ? 'unknown' : first.not_after < input.window.toS ? 'expired' : first.not_after < input.window.toS + EXPIRY_HORIZON_S ? 'expiring_soon' : 'valid';
    // Involved: it failed handshakes, or it is (about to be) out of date while clients still see it.
    if (failures === 0 && status === 'valid') continue;
    const firstFailure = failing.length ? Math.min(...failing.map((r) => r.first_seen)) : undefined;
    const lastFailure = failing.length ? Math.max(...failing.map((r) => r.last_seen)) : undefined;
    const union = (pick: (r: (typeof rows)[number]) => string[]) => [...new Set(rows.flatMap(pick))].sort(byName);
    const handshakes = rows.reduce((sum, r) => sum + n(r.attempts), 0);
    const expiry = status === 'unknown' ? 'dates unknown (the events carried none)' : status === 'expired' ? `expired ${readable(first.not_after)}` : `expires ${readable(first.not_after)} (${Math.floor((first.not_after - input.window.toS) / DAY_S)} days after the window)`;
    const seen = firstFailure !== undefined && lastFailure !== undefined
      ? `failures from ${readable(firstFailure)} to ${readable(lastFailure)} (${failures} of ${handshakes} handshakes)`
      : `seen in ${handshakes} handshakes, none failed`;
    reports.push({
      subject: first.cert_subject,
      issuer: first.cert_issuer,
      not_before: status === 'unknown' ? '' : isoTime(Math.min(...rows.map((r) => r.not_before))),
      not_after: status === 'unknown' ? '' : isoTime(first.not_after),
      status,
      handshakes,
      failures,
      failures_by_cause: failing
        .map((r) => ({ attribution: asAttribution(r.attribution), cause: r.cause, failures: n(r.attempts), first: isoTime(r.first_seen), last: isoTime(r.last_seen) }))
        .sort((a, b) => byName(a.attribution, b.attribution) || byName(a.cause, b.cause)),
      first_failure: firstFailure === undefined ? null : isoTime(firstFailure),
      last_failure: lastFailure === undefined ? null : isoTime(lastFailure),
      services: union((r) => r.services),
      regions: union((r) => r.regions),
      hosts: union((r) => r.hosts),
      note: `${expiry}, ${seen}`,
    });
  }
  return reports.sort((a, b) => byName(a.not_after, b.not_after) || byName(a.subject, b.subject) || byName(a.issuer, b.issuer));
}

/** The extension matrix of every service and host that had 1010 failures. */
function extensionReports(input: RetroInput): ExtensionReport[] {
  const affected = new Set(input.extensions.filter((r) => r.attribution === '1010').map((r) => JSON.stringify([r.service, r.target_host])));
  const cells = new Map<string, ExtensionReport & { firstS: number; lastS: number }>();
  for (const row of input.extensions) {
    if (!affected.has(JSON.stringify([row.service, row.target_host]))) continue;
    const key = JSON.stringify([row.service, row.target_host, row.requested, row.negotiated, row.required]);
    const cell = cells.get(key) ?? { service: row.service, target_host: row.target_host, requested: row.requested, negotiated: row.negotiated, required: row.required, events: 0, failures: 0, causes: [], first_seen: '', last_seen: '', firstS: Infinity, lastS: -Infinity };
    cell.events += n(row.attempts);
    if (row.attribution !== 'none') cell.failures += n(row.attempts);
    if (!cell.causes.includes(row.cause)) cell.causes = [...cell.causes, row.cause].sort(byName);
    cell.firstS = Math.min(cell.firstS, row.first_seen);
    cell.lastS = Math.max(cell.lastS, row.last_seen);
    cells.set(key, cell);
  }
  return [...cells.values()]
    .map(({ firstS, lastS, ...cell }) => ({ ...cell, first_seen: isoTime(firstS), last_seen: isoTime(lastS) }))
    .sort((a, b) => byName(a.service, b.service) || byName(a.target_host, b.target_host) || byName(a.requested, b.requested) || byName(a.negotiated, b.negotiated) || byName(a.required, b.required));
}

function remediation(causes: CauseReport[], certificates: CertificateReport[], violations: RetroReport['violations']): RetroReport['remediation'] {
  const items = [...causes]
    .sort((a, b) => b.failures - a.failures || byName(a.cause, b.cause))
    .map((c) => ({
      item: `${c.attribution} ${c.cause}: ${c.failures} failures (${c.blast_radius.services.map((s) => s.name).join(', ')}; ${c.blast_radius.regions.map((r) => r.name || '(no region)').join(', ')})`,
      detail: remediationFor(c.cause, c.blast_radius.hosts.map((h) => h.name)),
    }));
  for (const cert of certificates.filter((c) => c.status === 'expired' || c.status === 'expiring_soon')) {
    items.push({ item: `Certificate ${cert.subject} (${cert.issuer}) on ${cert.hosts.join(', ')}: ${cert.status === 'expired' ? 'expired' : 'expires'} ${cert.not_after}`, detail: remediationFor('cert_expired', cert.hosts) });
  }
  for (const v of violations) {
    items.push({ item: `Protocol violation ${v.violation} from ${v.service}: ${v.events} events`, detail: 'Fix the peer that sends this close code (RFC 6455 §7.4): update or configure the WebSocket library or proxy on that side.' });
  }
  return items;
}

export function buildRetro(input: RetroInput): RetroReport {
  const { fromS, toS, service } = input.window;
  const totals = countsOf(input.totals[0]);
  const correlated = correlatedReports(input.correlations ?? []);
  const causes: CauseReport[] = input.causes
    .filter((c) => c.attribution !== 'none')
    .map((c) => ({
      attribution: asAttribution(c.attribution),
      cause: c.cause,
      failures: n(c.attempts),
      onset: isoTime(c.first_seen),
      last_failure: isoTime(c.last_seen),
      duration_s: c.last_seen - c.first_seen,
      ongoing: c.last_seen >= toS - 60,
      blast_radius: blastRadius(input.failureGroups.filter((g) => g.attribution === c.attribution && g.cause === c.cause)),
    }))
    .sort((a, b) => byName(a.onset, b.onset) || byName(a.attribution, b.attribution) || byName(a.cause, b.cause));
  const certificates = certificateReports(input);
  const violations = input.violations
    .map((v) => ({ violation: v.violation, service: v.service, events: n(v.attempts), first_seen: isoTime(v.first_seen), last_seen: isoTime(v.last_seen) }))
    .sort((a, b) => byName(a.violation, b.violation) || byName(a.service, b.service));
  const summary = {
    events: totals.events,
    failures: totals.failures,
    failure_rate: totals.events ? Math.round((totals.failures / totals.events) * 1e6) / 1e6 : 0,
    by_attribution: totals.by_attribution,
    by_cause: input.causes
      .map((c) => ({ attribution: asAttribution(c.attribution), cause: c.cause, events: n(c.attempts) }))
      .sort((a, b) => byName(a.attribution, b.attribution) || b.events - a.events || byName(a.cause, b.cause)),
  };
  const items = remediation(causes, certificates, violations);
  for (const c of correlated) {
    if (c.attribution && c.cause && c.evidence) items.push({ item: `${c.target}: ${c.failures} failures without evidence of their own, likely ${c.attribution} ${c.cause} (correlated, confidence ${c.confidence})`, detail: `${c.evidence.detail}. ${remediationFor(c.cause)}` });
  }
  return {
    window: { from: isoTime(fromS), to: isoTime(toS), service: service ?? null },
    summary,
    timeline: [...input.timeline].sort((a, b) => a.minute - b.minute).map((row) => ({ minute: isoTime(row.minute), ...countsOf(row) })),
    timeline_step_s: input.timelineStepS ?? 60,
    causes,
    blast_radius: blastRadius(input.failureGroups),
    certificates,
    extensions: extensionReports(input),
    violations,
    ...(correlated.length ? { correlated, correlated_summary: withCorrelations({ by_attribution: summary.by_attribution, by_cause: summary.by_cause }, correlated) } : {}),
    remediation: items,
  };
}
