// The correlation over the correlation rollups (built as the pipeline builds them) answers exactly what
// the plain query over every raw event and evidence row answers, minute by minute: on both engines,
// over seeded traffic with many targets, buckets, sources, services and copies, for aligned and
// unaligned windows, two window sizes and a service filter; and the panel's SQL gives the same rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify, CLASSIFIER_VERSION } from '../../../analyzers/classify.js';
import { dashboardQueries, expandSql, loadDashboards, withDatabase } from '../../../dashboards/panel-sql.js';
import { correlationSql, type CorrelationQuery } from '../../../dashboards/sql/correlation.js';
import { createClickHouseRunner } from '../../../ingest/clickhouse-client.js';
import { toEventRow } from '../../../ingest/event-row.js';
import { migrate } from '../../../ingest/migrate.js';
import { createRollupBuilder } from '../../../ingest/rollup-builder.js';
import { markAllMinutesSql } from '../../../schemas/clickhouse/rollups.js';
import { bestPerBucketSql, EVIDENCE_BEST_TABLE, evidenceGroupsSql } from '../../../schemas/clickhouse/evidence-best.js';
import { quoteString } from '../../../ingest/sql-escape.js';
import type { SqlRunner } from '../../../ingest/sql-runner.js';
import { telemetryEventSchema, type TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { createChdbRunner } from '../../support/chdb-runner.js';
import { referenceCorrelationSql } from '../../support/correlation-reference.js';
import { servicesConfig } from '../../support/services.js';
import { seededRandom } from '../../../ingest/sample-traffic.js';

type Engine = SqlRunner & { close(): Promise<void> };
const t0S = Date.parse('2026-11-30T10:00:00Z') / 1000;
const HOURS = 6;

const urls = ['wss://a.example/feed', 'wss://A.example:443/x', 'wss://a.example:8443/feed', 'ws://a.example/feed', 'wss://b.example/', 'wss://user@c.example/p?q', 'wss://[::1]:9000/', 'wss://d.example/feed'];
const services = ['web-app', 'admin', 'mobile-app'];

function traffic(n: number): TelemetryEventInput[] {
  const random = seededRandom(13);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const events: TelemetryEventInput[] = [];
  for (let i = 0; i < n; i++) {
    const url = pick(urls);
    const ts = (t0S + Math.floor(random() * HOURS * 3600)) * 1000 + Math.floor(random() * 1000);
    const kind = random();
    const base = { event_id: `ev-${i}`, ts, target: { url }, region: pick(['eu', 'us']) };
    if (kind < 0.5) {
      events.push({ ...base, outcome: 'failed', source: { kind: 'client', service: pick(services), user_agent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36' }, close: { code: 1006, on_wire: false, initiator: 'unknown' } });
    } else if (kind < 0.62) {
      events.push({ ...base, outcome: 'failed', source: { kind: 'probe', service: 'wsdiag-probe' }, tls: { verify_code: 'CERT_HAS_EXPIRED', peer_certificate: { subject: 'CN=x', not_after: ts - 5 * 86_400_000 } }, error: { code: 'CERT_HAS_EXPIRED', message: 'CERT_HAS_EXPIRED' } });
    } else if (kind < 0.72) {
      events.push({ ...base, outcome: 'failed', source: { kind: 'probe', service: 'wsdiag-probe' }, error: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 10.0.0.3:443' } });
    } else if (kind < 0.86) {
      events.push({ ...base, outcome: 'failed', source: { kind: 'client', service: pick(services), runtime: 'okhttp 4.12' }, error: { message: pick(['java.net.SocketTimeoutException: connect timed out', 'javax.net.ssl.SSLHandshakeException: PKIX path building failed']) } });
    } else {
      events.push({ ...base, outcome: 'connected', source: { kind: 'client', service: pick(services) } });
    }
  }
  return events;
}

const engines: Array<[string, () => Engine]> = [
  ['18.16', () => createClickHouseRunner({ url: servicesConfig().clickhouseUrl, username: 'default', password: '', requestTimeoutMs: 60_000 })],
  ['chdb', () => createChdbRunner()],
];
const runners = new Map<string, Engine>();
const db = `wsdiag_corr_range_${process.pid}`;
const events = traffic(3000);

beforeAll(async () => {
  const rows = events.map((input, i) => {
    const event = telemetryEventSchema.parse(input);
    return toEventRow(event, classify(event), { topic: 't', partition: 0, offset: String(i) }, event.ts, CLASSIFIER_VERSION);
  });
  for (const [name, make] of engines) {
    const runner = make();
    runners.set(name, runner);
    await runner.command(`DROP DATABASE IF EXISTS ${db}`);
    await migrate(runner, { db, retentionDays: 0 });
    await runner.insert(`${db}.events`, rows);
    await runner.insert(`${db}.events`, rows.filter((_, i) => i % 7 === 0)); // re-delivered copies count once
    await runner.command(markAllMinutesSql(db));
    await createRollupBuilder(runner, db).buildPending();
  }
}, 180_000);

afterAll(async () => {
  for (const runner of runners.values()) {
    await runner.command(`DROP DATABASE IF EXISTS ${db}`).catch(() => undefined);
    await runner.close();
  }
});

const window = (fromS: number, toS: number, windowS: number, service?: string): CorrelationQuery => ({
  db,
  from: `toDateTime(${fromS})`,
  to: `toDateTime(${toS})`,
  timeFilter: `minute >= toDateTime(${fromS}) AND minute < toDateTime(${toS})`,
  windowS,
  ...(service ? { unexplainedFilter: `service = ${quoteString(service)}` } : {}),
});
/** The reference reads raw events: the same window on each event's minute. */
const onRaw = (q: CorrelationQuery): CorrelationQuery => ({ ...q, timeFilter: q.timeFilter.replaceAll('minute', 'toStartOfMinute(ts)') });
const cases: Array<[string, CorrelationQuery]> = [
  ['the whole traffic, 5-minute buckets', window(t0S - 600, t0S + HOURS * 3600 + 600, 300)],
  ['an unaligned window', window(t0S + 777, t0S + 2 * 3600 + 131, 300)],
  ['2-minute buckets', window(t0S + 1800, t0S + 4 * 3600, 120)],
  ['one service', window(t0S, t0S + HOURS * 3600, 300, 'admin')],
  ['a window with no failures', window(t0S - 7200, t0S - 3600, 300)],
];

describe('the correlation over its rollups equals the plain query over raw events (18.16 and chDB)', () => {
  it('the traffic has what the comparison needs: unexplained failures in many buckets and evidence around', async () => {
    const counts = await runners.get('18.16')!.query<{ u: string; e: string }>(`SELECT toString(uniqExactIf(event_id, cause IN ('abnormal_closure', 'unknown_failure') AND close_code = 1006)) AS u, toString(uniqExactIf(event_id, attribution != 'none' AND cause NOT IN ('abnormal_closure', 'unknown_failure'))) AS e FROM ${db}.events`);
    expect(Number(counts[0]!.u)).toBeGreaterThan(1000);
    expect(Number(counts[0]!.e)).toBeGreaterThan(800);
  });

  it.each(cases)('%s: the same rows as the reference, on both engines', async (_, q) => {
    const answers: string[][] = [];
    for (const runner of runners.values()) {
      const cheap = await runner.query<Record<string, unknown>>(correlationSql(q));
      const reference = await runner.query<Record<string, unknown>>(referenceCorrelationSql(onRaw(q)));
      expect(cheap.map((r) => JSON.stringify(r))).toEqual(reference.map((r) => JSON.stringify(r)));
      answers.push(cheap.map((r) => JSON.stringify(r)));
    }
    expect(answers[1]).toEqual(answers[0]);
    if (q.timeFilter.includes(`${t0S - 7200}`)) expect(answers[0]).toEqual([]);
    else expect(answers[0]!.filter((r) => !r.includes('"attribution":""')).length).toBeGreaterThan(5);
  });

  it('the hour builds hold the best evidence of every target and 5-minute bucket, which whole hours read', async () => {
    const pairs = `SELECT toString(count()) AS n FROM (SELECT DISTINCT authority, intDiv(toUInt32(minute), 300) AS b FROM ${db}.rollup_evidence_minute FINAL)`;
    const best = `SELECT toUInt32(bucket) AS b, authority, attribution, cause, source_kind, service, toString(events) AS n, toUInt32(last_seen) AS l FROM ${db}.${EVIDENCE_BEST_TABLE} FINAL ORDER BY b, authority`;
    const direct = `SELECT toUInt32(e_bucket) AS b, authority, tupleElement(top, 1) AS attribution, tupleElement(top, 2) AS cause, tupleElement(top, 3) AS source_kind, tupleElement(top, 4) AS service, toString(tupleElement(top, 5)) AS n, tupleElement(top, 6) AS l
FROM (${bestPerBucketSql(evidenceGroupsSql(`${db}.rollup_evidence_minute`, '', 300))}) ORDER BY b, authority`;
    for (const runner of runners.values()) {
      const rows = await runner.query<Record<string, unknown>>(best);
      expect(rows.length).toBe(Number((await runner.query<{ n: string }>(pairs))[0]!.n));
      expect(rows.length).toBeGreaterThan(HOURS * 12);
      expect(rows).toEqual(await runner.query<Record<string, unknown>>(direct));
    }
    expect(correlationSql(cases[0]![1])).toContain(`${db}.${EVIDENCE_BEST_TABLE} FINAL`);
    expect(correlationSql(cases[2]![1])).not.toContain(EVIDENCE_BEST_TABLE); // 2-minute buckets read minutes
  });

  it('the "Unexplained 1006" panel gives the reference rows (Grafana macros expanded)', async () => {
    const panel = dashboardQueries(loadDashboards().find((d) => d.uid === 'wsdiag-overview')!).find((q) => q.panelTitle === 'Unexplained 1006 → likely cause')!;
    const [fromS, toS] = [t0S + 300, t0S + 5 * 3600];
    const sql = withDatabase(expandSql(panel.query, { fromSeconds: fromS, toSeconds: toS, intervalSeconds: 60, variables: { service: { all: true, options: services }, region: { all: true, options: ['eu', 'us'] } } }), db);
    // The panel's time filter is $__timeFilter (from ≤ minute ≤ to) and its times are in ms.
    const reference = referenceCorrelationSql({ ...window(fromS, toS, 300), timeFilter: `toStartOfMinute(ts) >= toDateTime(${fromS}) AND toStartOfMinute(ts) <= toDateTime(${toS})` });
    for (const runner of runners.values()) {
      const rows = await runner.query<Record<string, unknown>>(sql);
      const expected = (await runner.query<Record<string, unknown>>(reference)).slice(0, 200);
      const asPanel = expected.map((r) => [r.authority, Number(r.bucket_start) * 1000, Number(r.unexplained), r.cause, r.evidence_source_kind, Number(r.evidence_last_seen) * 1000, r.confidence]);
      expect(rows.map((r) => [r.authority, Number(r.bucket_start_ms), Number(r.unexplained), r.cause, r.evidence_source_kind, Number(r.evidence_last_seen_ms), r.confidence])).toEqual(asPanel);
      expect(rows.length).toBeGreaterThan(20);
    }
  });
});
