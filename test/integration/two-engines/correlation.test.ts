// Query-time correlation on both engines: browser-like failures with no evidence of their own
// (1006 on wss://, never opened) are attributed from evidence about the same host:port within the
// window (probes first), with lower confidence; direct evidence always wins; no evidence leaves them
// unexplained; re-delivered copies count once; both engines return the same retro, byte for byte.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify, CLASSIFIER_VERSION } from '../../../analyzers/classify.js';
import type { RetroReport } from '../../../analyzers/retro/model.js';
import { runRetro } from '../../../cli/commands/retro.js';
import { dashboardQueries, expandSql, loadDashboards, withDatabase } from '../../../dashboards/panel-sql.js';
import { authoritySql } from '../../../dashboards/sql/correlation.js';
import { createClickHouseRunner } from '../../../ingest/clickhouse-client.js';
import { toEventRow } from '../../../ingest/event-row.js';
import { migrate } from '../../../ingest/migrate.js';
import { createRollupBuilder } from '../../../ingest/rollup-builder.js';
import { markAllMinutesSql } from '../../../schemas/clickhouse/rollups.js';
import { quoteString } from '../../../ingest/sql-escape.js';
import type { SqlRunner } from '../../../ingest/sql-runner.js';
import { telemetryEventSchema, type TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { createChdbRunner } from '../../support/chdb-runner.js';
import { servicesConfig } from '../../support/services.js';

type Engine = SqlRunner & { close(): Promise<void> };
const t0 = Date.parse('2026-11-30T10:00:00Z');
const min = 60_000;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
let seq = 0;

/** What a page can see: 1006, the URL, the user agent. */
const browser = (url: string, at: number, service = 'web-app'): TelemetryEventInput => ({
  event_id: `browser-${seq++}`,
  ts: at,
  outcome: 'failed',
  source: { kind: 'client', service, user_agent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36' },
  target: { url },
  close: { code: 1006, on_wire: false, initiator: 'unknown' },
  timing: { total_ms: 12 },
});
const probeExpired = (url: string, at: number): TelemetryEventInput => ({
  event_id: `probe-${seq++}`,
  ts: at,
  outcome: 'failed',
  source: { kind: 'probe', service: 'wsdiag-probe' },
  target: { url },
  tls: { verify_code: 'CERT_HAS_EXPIRED', peer_certificate: { subject: 'CN=a.example', not_after: t0 - 5 * 86_400_000 } },
  error: { code: 'CERT_HAS_EXPIRED', message: 'CERT_HAS_EXPIRED' },
});
const probeRefused = (url: string, at: number): TelemetryEventInput => ({
  event_id: `probe-${seq++}`,
  ts: at,
  outcome: 'failed',
  source: { kind: 'probe', service: 'wsdiag-probe' },
  target: { url },
  error: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 10.0.0.3:443' },
});
const clientWithText = (url: string, at: number, message: string, service = 'mobile-app'): TelemetryEventInput => ({
  event_id: `client-${seq++}`,
  ts: at,
  outcome: 'failed',
  source: { kind: 'client', service, runtime: 'okhttp 4.12' },
  target: { url },
  error: { message },
});

const A = 'wss://a.example/feed'; // probe: expired certificate
const A_OTHER_PORT = 'wss://a.example:8443/feed'; // same host, another server: no evidence
const B = 'wss://B.example:443/feed'; // only a client's error text (timeout); a probe far outside the window
const C = 'wss://c.example/feed'; // probe says refused, a client says expired: the probe wins
const D = 'wss://d.example/feed'; // nothing known
const E = 'wss://e.example/feed'; // a browser event with its own error text: direct evidence wins
const F = 'wss://f.example/feed'; // a browser failure stored by an engine before 1.5.6 (abnormal_closure), a probe: correlated all the same

const duplicate = browser(A, t0 + 2 * min);
const events: TelemetryEventInput[] = [
  ...[1, 2, 3, 4].map((m) => probeExpired(A, t0 + m * min)),
  browser(A, t0 + 1.5 * min), duplicate, browser(A, t0 + 3 * min), browser(A, t0 + 4.2 * min),
  browser(A_OTHER_PORT, t0 + 2 * min),
  clientWithText(B, t0 + 21 * min, 'java.net.SocketTimeoutException: connect timed out'),
  probeExpired(B, t0 + 2 * min),
  browser(B, t0 + 22 * min), browser(B, t0 + 23 * min),
  probeRefused(C, t0 + 5 * min),
  clientWithText(C, t0 + 5 * min, 'javax.net.ssl.SSLHandshakeException: PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed: certificate expired'),
  browser(C, t0 + 5.5 * min),
  browser(D, t0 + 30 * min),
  { ...browser(E, t0 + 6 * min), error: { message: "WebSocket connection to 'wss://e.example/feed' failed: net::ERR_CERT_DATE_INVALID" } },
  probeRefused(E, t0 + 6 * min),
  probeExpired(F, t0 + 7 * min),
];
const legacy = browser(F, t0 + 7.5 * min);

function rows(list: TelemetryEventInput[], firstOffset: number) {
  return list.map((input, i) => {
    const event = telemetryEventSchema.parse(input);
    return toEventRow(event, classify(event), { topic: 't', partition: 0, offset: String(firstOffset + i) }, t0 + 40 * min, CLASSIFIER_VERSION);
  });
}

/** A browser failure as engines before 1.5.6 stored it: other/abnormal_closure (1.5.6 says unknown_failure). */
function legacyRow(input: TelemetryEventInput, offset: number) {
  const [row] = rows([input], offset);
  expect(row).toMatchObject({ attribution: 'other', cause: 'unknown_failure' });
  return { ...row!, cause: 'abnormal_closure' };
}

const engines: Array<[string, () => Engine]> = [
  ['18.16', () => createClickHouseRunner({ url: servicesConfig().clickhouseUrl, username: 'default', password: '', requestTimeoutMs: 60_000 })],
  ['chdb', () => createChdbRunner()],
];
const reports = new Map<string, { json: string; md: string }>();
const runners = new Map<string, Engine>();
const db = `wsdiag_corr_${process.pid}`;

beforeAll(async () => {
  for (const [name, make] of engines) {
    const runner = make();
    runners.set(name, runner);
    await runner.command(`DROP DATABASE IF EXISTS ${db}`);
    await migrate(runner, { db, retentionDays: 0 });
    // Evidence after the failures it explains, and a re-delivered copy: order and copies must not matter.
    const failuresFirst = [...events].sort((a, b) => Number(a.event_id.startsWith('probe')) - Number(b.event_id.startsWith('probe')));
    await runner.insert(`${db}.events`, rows(failuresFirst, 0));
    await runner.insert(`${db}.events`, rows([duplicate], 1000));
    await runner.insert(`${db}.events`, [legacyRow(legacy, 2000)]);
    // What the pipeline does after its writes: mark the minutes, build the rollups (docs/storage.md).
    await runner.command(markAllMinutesSql(db));
    await createRollupBuilder(runner, db).buildPending();
    const args = ['--from', iso(t0), '--to', iso(t0 + 35 * min), '--format'];
    const json = await runRetro(runner, db, [...args, 'json']);
    const md = await runRetro(runner, db, [...args, 'md']);
    expect(json.code, json.stderr).toBe(0);
    reports.set(name, { json: json.stdout, md: md.stdout });
  }
}, 120_000);

afterAll(async () => {
  for (const runner of runners.values()) {
    await runner.command(`DROP DATABASE IF EXISTS ${db}`).catch(() => undefined);
    await runner.close();
  }
});

const report = (): RetroReport => JSON.parse(reports.get('18.16')!.json) as RetroReport;
const forTarget = (target: string) => report().correlated!.filter((c) => c.target === target);

describe('correlation in wsdiag retro (18.16 and chDB)', () => {
  it('both engines give the same retro, byte for byte', () => {
    expect(reports.get('chdb')!.json).toBe(reports.get('18.16')!.json);
    expect(reports.get('chdb')!.md).toBe(reports.get('18.16')!.md);
  });

  it('attributes the browser failures to 1015 cert_expired from the probe, once each, with lower confidence and cited evidence', () => {
    const [a] = forTarget('a.example:443');
    expect(a).toMatchObject({ failures: 4, attribution: '1015', cause: 'cert_expired', services: ['web-app'] });
    expect(a!.confidence).toBeGreaterThan(0.5);
    expect(a!.confidence).toBeLessThan(0.75);
    expect(a!.evidence).toMatchObject({ source_kind: 'probe', service: 'wsdiag-probe', attribution: '1015', cause: 'cert_expired', events: expect.any(Number) });
    expect(a!.evidence!.detail).toContain('probe wsdiag-probe saw 1015 cert_expired on a.example:443');
  });

  it('keeps another port of the same host apart', () => {
    expect(forTarget('a.example:8443')).toMatchObject([{ failures: 1, attribution: null, evidence: null }]);
  });

  it('uses any source that carries a cause when no probe is in the window (lower confidence still)', () => {
    const [b] = forTarget('b.example:443');
    expect(b).toMatchObject({ failures: 2, attribution: 'other', cause: 'network_timeout', evidence: { source_kind: 'client', service: 'mobile-app' } });
    expect(b!.confidence).toBeLessThanOrEqual(0.6);
  });

  it('prefers the probe over another source in the same window', () => {
    expect(forTarget('c.example:443')).toMatchObject([{ failures: 1, attribution: 'other', cause: 'connection_refused', evidence: { source_kind: 'probe' } }]);
  });

  it('leaves a failure with no evidence around it unexplained', () => {
    expect(forTarget('d.example:443')).toMatchObject([{ failures: 1, attribution: null, cause: null }]);
  });

  it('never correlates an event with evidence of its own (direct evidence wins)', () => {
    expect(forTarget('e.example:443')).toEqual([]);
    // Direct: 4 probes on A, 1 on B, the client on C, the browser on E, the probe on F; correlated: the 4 browser failures on A, the one on F.
    expect(report().summary.by_cause).toContainEqual({ attribution: '1015', cause: 'cert_expired', events: 4 + 1 + 1 + 1 + 1 });
    expect(report().correlated_summary!.by_cause).toContainEqual({ attribution: '1015', cause: 'cert_expired', events: 4 + 1 + 1 + 1 + 1 + 4 + 1 });
  });

  it('keeps the summary direct (as the rollups count) and moves correlated failures in correlated_summary', () => {
    // Since engine 1.5.6 a browser's 1006 before opening is unknown_failure; F's was stored as abnormal_closure.
    expect(report().summary.by_cause).toContainEqual({ attribution: 'other', cause: 'unknown_failure', events: 4 + 1 + 2 + 1 + 1 });
    expect(report().summary.by_cause).toContainEqual({ attribution: 'other', cause: 'abnormal_closure', events: 1 });
    const s = { ...report().correlated_summary!, failures: report().summary.failures };
    // 10 unexplained browser failures: 4 (A) + 2 (B) + 1 (C) + 1 (F) correlated, each moved out of its own cause; 1 (A:8443) + 1 (D) left as they were.
    expect(s.by_cause).toContainEqual({ attribution: 'other', cause: 'unknown_failure', events: 2 });
    expect(s.by_cause.filter((c) => c.cause === 'abnormal_closure')).toEqual([]);
    expect(s.by_cause).toContainEqual({ attribution: 'other', cause: 'network_timeout', events: 1 + 2 });
    expect(s.by_cause).toContainEqual({ attribution: 'other', cause: 'connection_refused', events: 2 + 1 });
    expect(s.failures).toBe(events.length + 1);
    expect(reports.get('18.16')!.md).toContain('## Failures without evidence of their own (correlated)');
  });

  it('the "Unexplained 1006 → likely cause" panel gives the same answer on both engines', async () => {
    const panel = dashboardQueries(loadDashboards().find((d) => d.uid === 'wsdiag-overview')!).find((q) => q.panelTitle === 'Unexplained 1006 → likely cause')!;
    const sql = withDatabase(expandSql(panel.query, { fromSeconds: t0 / 1000, toSeconds: (t0 + 35 * min) / 1000, intervalSeconds: 60, variables: { service: { all: false, values: ['web-app'] }, region: { all: true, options: [''] } } }), db);
    const answers = [];
    for (const runner of runners.values()) {
      const rows = await runner.query<{ authority: string; unexplained: string | number; cause: string; evidence_source_kind: string }>(sql);
      answers.push(rows.map((r) => `${r.authority} ${Number(r.unexplained)} ${r.cause || '-'} ${r.evidence_source_kind || '-'}`));
    }
    expect(answers[0]).toEqual(['a.example:443 4 cert_expired probe', 'a.example:8443 1 - -', 'b.example:443 2 network_timeout client', 'c.example:443 1 connection_refused probe', 'd.example:443 1 - -', 'f.example:443 1 cert_expired probe']);
    expect(answers[1]).toEqual(answers[0]);
  });

  it('computes host:port the same on both engines', async () => {
    const urls = ['wss://A.example/x', 'wss://a.example:443/', 'ws://a.example', 'wss://user@a.example:8443/p?q', 'wss://[::1]:9000/', 'WSS://h.example'];
    const sql = `SELECT ${authoritySql('u')} AS a FROM (SELECT arrayJoin([${urls.map(quoteString).join(', ')}]) AS u)`;
    for (const runner of runners.values()) {
      expect((await runner.query<{ a: string }>(sql)).map((r) => r.a)).toEqual(['a.example:443', 'a.example:443', 'a.example:80', 'a.example:8443', '[::1]:9000', 'h.example:443']);
    }
  });
});
