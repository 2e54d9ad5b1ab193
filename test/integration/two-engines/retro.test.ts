// The seeded incident on both engines (ClickHouse 18.16 server, current engine via chDB): migrate
// (twice), insert with ~3 % re-delivered copies while merges are stopped, then check every retro figure
// against numbers derived from the generator's scenario table, and that both engines agree exactly.
import { EVENT_IDS_TABLE, MIGRATION_STEPS_TABLE } from '../../../schemas/clickhouse/event-ids.js';
import { CERTIFICATE_CHAIN_TABLE } from '../../../schemas/clickhouse/certificate-chain.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClickHouseRunner } from '../../../ingest/clickhouse-client.js';
import { migrate } from '../../../ingest/migrate.js';
import { quoteString } from '../../../ingest/sql-escape.js';
import type { SqlRunner } from '../../../ingest/sql-runner.js';
import { rollupStorageNames } from '../../../schemas/clickhouse/rollups.js';
import { runRetro } from '../../../cli/commands/retro.js';
import { summaryText } from '../../../cli/commands/summary.js';
import type { RetroReport } from '../../../analyzers/retro/model.js';
import { createChdbRunner } from '../../support/chdb-runner.js';
import { insertSeededIncident } from '../../support/seed-clickhouse.js';
import { certificates, expectationOf, slots, window, type CertificateName } from '../../support/seeded-incident.js';
import { servicesConfig } from '../../support/services.js';

type Engine = SqlRunner & { close(): Promise<void> };
const engines: Array<[string, () => Engine]> = [
  ['ClickHouse 18.16 server', () => createClickHouseRunner({ url: servicesConfig().clickhouseUrl, username: 'default', password: '', requestTimeoutMs: 60_000 })],
  ['chDB (current engine)', () => createChdbRunner()],
];

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
const readable = (ms: number): string => iso(ms).replace('T', ' ').replace('Z', '');
const windowArgs = ['--from', iso(window.fromMs), '--to', iso(window.toMs)];

/** Every expected figure, straight from the scenario table (no ClickHouse involved). */
function expectedFrom(service?: string) {
  const all = slots()
    .filter((s) => service === undefined || s.stream.service === service)
    .map((slot) => ({ slot, e: expectationOf(slot) }));
  const failures = all.filter(({ e }) => e.attribution !== 'none');
  const count = <T>(items: T[], key: (t: T) => string) => {
    const m = new Map<string, number>();
    for (const item of items) m.set(key(item), (m.get(key(item)) ?? 0) + 1);
    return m;
  };
  const tally = (items: typeof all, key: (x: (typeof all)[number]) => string) =>
    [...count(items, key)].map(([name, n]) => ({ name, failures: n })).sort((a, b) => b.failures - a.failures || (a.name < b.name ? -1 : 1));
  const byAttribution = { '1010': 0, '1015': 0, other: 0, none: 0 };
  for (const { e } of all) byAttribution[e.attribution]++;
  const causes = [...count(failures, ({ e }) => `${e.attribution}/${e.cause}`).keys()].map((key) => {
    const members = failures.filter(({ e }) => `${e.attribution}/${e.cause}` === key);
    const times = members.map(({ slot }) => slot.tsMs);
    return {
      key,
      failures: members.length,
      onset: iso(Math.min(...times)),
      last_failure: iso(Math.max(...times)),
      blast_radius: {
        services: tally(members, ({ slot }) => slot.stream.service),
        regions: tally(members, ({ slot }) => slot.stream.region),
        hosts: tally(members, ({ slot }) => slot.stream.host),
        runtimes: tally(members, ({ slot }) => slot.stream.runtimeFamily),
      },
    };
  });
  const certificatesSeen = [...count(all.filter(({ e }) => e.certificate), ({ e }) => e.certificate!)].map(([name, handshakes]) => {
    const failing = all.filter(({ e }) => e.certificate === name && e.attribution !== 'none').map(({ slot }) => slot.tsMs);
    return { name: name as CertificateName, handshakes, failures: failing.length, first: failing.length ? Math.min(...failing) : undefined, last: failing.length ? Math.max(...failing) : undefined };
  });
  const withExtensions = all.filter(({ e }) => e.requested || e.negotiated || e.required);
  const extensionCells = [...count(withExtensions, ({ slot, e }) => JSON.stringify([slot.stream.service, slot.stream.host, e.requested, e.negotiated, e.required]))].map(([key, events]) => {
    const [svc, host, requested, negotiated, required] = JSON.parse(key) as string[];
    const failing = withExtensions.filter(({ slot, e }) => JSON.stringify([slot.stream.service, slot.stream.host, e.requested, e.negotiated, e.required]) === key && e.attribution !== 'none').length;
    return { service: svc, target_host: host, requested, negotiated, required, events, failures: failing };
  });
  const violations = [...count(all.flatMap(({ slot, e }) => e.violations.map((v) => ({ v, service: slot.stream.service }))), ({ v, service: s }) => `${v}|${s}`)].map(([key, events]) => {
    const [violation, svc] = key.split('|') as [string, string];
    return { violation, service: svc, events };
  });
  const minutes = count(all, ({ slot }) => iso(Math.floor(slot.tsMs / 60_000) * 60_000));
  const failingMinutes = count(failures, ({ slot }) => iso(Math.floor(slot.tsMs / 60_000) * 60_000));
  return { events: all.length, failures: failures.length, byAttribution, byCause: count(all, ({ e }) => `${e.attribution}/${e.cause}`), causes, certificatesSeen, extensionCells, violations, minutes, failingMinutes };
}

const reports = new Map<string, { all: string; marketFeed: string; markdown: string }>();

describe.each(engines)('%s: seeded incident', (engineName, makeRunner) => {
  const db = `wsdiag_t_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  let runner: Engine;
  let report: RetroReport;
  let inserted: { rows: number; redelivered: number };

  beforeAll(async () => {
    runner = makeRunner();
    await migrate(runner, { db, retentionDays: 0 });
    await migrate(runner, { db, retentionDays: 0 }); // idempotent: every statement is IF NOT EXISTS
    // Keep the raw copies apart so the re-delivered rows really are stored twice while we read.
    await runner.command(`SYSTEM STOP MERGES ${db}.events`);
    inserted = await insertSeededIncident(runner, db);
    const json = await runRetro(runner, db, [...windowArgs, '--format', 'json']);
    expect(json.stderr).toBe('');
    report = JSON.parse(json.stdout) as RetroReport;
    const marketFeed = await runRetro(runner, db, [...windowArgs, '--service', 'market-feed', '--format', 'json']);
    const markdown = await runRetro(runner, db, windowArgs);
    reports.set(engineName, { all: json.stdout, marketFeed: marketFeed.stdout, markdown: markdown.stdout });
  });

  afterAll(async () => {
    await runner?.command(`DROP DATABASE IF EXISTS ${db}`).catch(() => undefined);
    await runner?.close();
  });

  it('creates every rollup table, the certificates view and the build bookkeeping, and a third migrate changes nothing', async () => {
    await migrate(runner, { db, retentionDays: 0 });
    const tables = await runner.query<{ name: string }>(`SELECT name FROM system.tables WHERE database = ${quoteString(db)} ORDER BY name`);
    expect(tables.map((t) => t.name)).toEqual(['events', EVENT_IDS_TABLE, MIGRATION_STEPS_TABLE, ...rollupStorageNames, CERTIFICATE_CHAIN_TABLE].sort());
  });

  it('stores the re-delivered copies twice in raw events, yet counts each event once', async () => {
    const [raw] = await runner.query<{ rows: string; ids: string }>(`SELECT count() AS rows, uniqExact(event_id) AS ids FROM ${db}.events`);
    expect(inserted.redelivered / inserted.rows).toBeGreaterThan(0.025);
    expect(Number(raw?.rows)).toBe(inserted.rows + inserted.redelivered);
    expect(Number(raw?.ids)).toBe(inserted.rows);
    expect(report.summary.events).toBe(inserted.rows);
  });

  it('wsdiag summary reads the rollups and counts each event once', async () => {
    const want = expectedFrom();
    const text = await summaryText(runner, db);
    expect(text).toContain(`total distinct events: ${want.events}\n`);
    expect(text).toMatch(new RegExp(`^1015 +cert_expired +${want.byCause.get('1015/cert_expired')} `, 'm'));
  });

  it('summary: events, failures and by_attribution from the rollups equal the scenario table', () => {
    const want = expectedFrom();
    expect(report.summary.events).toBe(want.events);
    expect(report.summary.failures).toBe(want.failures);
    expect(report.summary.by_attribution).toEqual(want.byAttribution);
    expect(Object.fromEntries(report.summary.by_cause.map((c) => [`${c.attribution}/${c.cause}`, c.events]))).toEqual(Object.fromEntries(want.byCause));
    // The incident's headline numbers, spelled out: 3 streams × 80 attempts, 3 streams × 60 attempts.
    expect(report.summary.by_attribution['1015']).toBe(240);
    expect(report.summary.by_attribution['1010']).toBe(180);
  });

  it('timeline: attempts and failures per minute', () => {
    const want = expectedFrom();
    expect(report.timeline).toHaveLength(120);
    expect(Object.fromEntries(report.timeline.map((m) => [m.minute, m.events]))).toEqual(Object.fromEntries(want.minutes));
    expect(Object.fromEntries(report.timeline.filter((m) => m.failures > 0).map((m) => [m.minute, m.failures]))).toEqual(Object.fromEntries(want.failingMinutes));
  });

  it('onset, last failure and blast radius per cause', () => {
    const want = expectedFrom();
    expect(report.causes.map((c) => ({ key: `${c.attribution}/${c.cause}`, failures: c.failures, onset: c.onset, last_failure: c.last_failure, blast_radius: c.blast_radius })).sort((a, b) => (a.key < b.key ? -1 : 1))).toEqual(
      [...want.causes].sort((a, b) => (a.key < b.key ? -1 : 1)),
    );
    const expired = report.causes.find((c) => c.cause === 'cert_expired');
    expect(expired).toMatchObject({ onset: '2025-03-14T09:00:04Z', last_failure: '2025-03-14T09:39:54Z', ongoing: false });
    expect(report.causes.find((c) => c.cause === 'extension_not_negotiated')).toMatchObject({ onset: '2025-03-14T09:20:07Z', ongoing: false });
  });

  it('certificates: the expired one set against the onset, the one expiring within 14 days, nothing else', () => {
    const want = expectedFrom();
    const seen = (name: CertificateName) => want.certificatesSeen.find((c) => c.name === name)!;
    const expiring = seen('apiExpiring');
    const soon = seen('notifySoon');
    expect(report.certificates.map((c) => ({ subject: c.subject, not_after: c.not_after, status: c.status, handshakes: c.handshakes, failures: c.failures, note: c.note }))).toEqual([
      {
        subject: certificates.apiExpiring.subject,
        not_after: iso(certificates.apiExpiring.notAfterMs),
        status: 'expired',
        handshakes: expiring.handshakes,
        failures: expiring.failures,
        note: `expired ${readable(certificates.apiExpiring.notAfterMs)}, failures from ${readable(expiring.first!)} to ${readable(expiring.last!)} (${expiring.failures} of ${expiring.handshakes} handshakes)`,
      },
      {
        subject: certificates.notifySoon.subject,
        not_after: iso(certificates.notifySoon.notAfterMs),
        status: 'expiring_soon',
        handshakes: soon.handshakes,
        failures: 0,
        note: `expires ${readable(certificates.notifySoon.notAfterMs)} (10 days after the window), seen in ${soon.handshakes} handshakes, none failed`,
      },
    ]);
    expect(report.certificates[0]?.note).toMatch(/^expired 2025-03-14 09:00:00, failures from 2025-03-14 09:00:04 to /);
    expect(report.certificates[0]).toMatchObject({ services: ['market-feed'], regions: ['eu-west-1'], hosts: ['api.example.com'] });
  });

  it('extension matrix of the service with 1010 failures', () => {
    const want = expectedFrom();
    const key = (e: { service?: string; target_host?: string; requested?: string; negotiated?: string; required?: string }) => [e.service, e.target_host, e.requested, e.negotiated, e.required].join('|');
    const got = report.extensions.map(({ service, target_host, requested, negotiated, required, events, failures }) => ({ service, target_host, requested, negotiated, required, events, failures }));
    expect(got.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(want.extensionCells.sort((a, b) => key(a).localeCompare(key(b))));
    expect(report.extensions.find((e) => e.failures > 0)).toMatchObject({ service: 'collab-editor', requested: 'permessage-deflate', negotiated: '', required: 'permessage-deflate', failures: 180, causes: ['extension_not_negotiated'] });
  });

  it('protocol violations', () => {
    const want = expectedFrom();
    const key = (v: { violation: string; service: string }) => `${v.violation}|${v.service}`;
    const got = report.violations.map(({ violation, service, events }) => ({ violation, service, events }));
    expect(got.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(want.violations.sort((a, b) => key(a).localeCompare(key(b))));
    expect(got.length).toBeGreaterThan(0);
  });

  it('--service narrows every figure to that service', () => {
    const scoped = JSON.parse(reports.get(engineName)!.marketFeed) as RetroReport;
    const want = expectedFrom('market-feed');
    expect(scoped.window.service).toBe('market-feed');
    expect(scoped.summary).toMatchObject({ events: want.events, failures: want.failures, by_attribution: want.byAttribution });
    expect(scoped.causes.map((c) => c.cause)).toEqual(['cert_expired']);
    expect(scoped.extensions).toEqual([]);
  });

  it.each([
    ['quote and comment', "x' OR 1=1 --"],
    ['backslash before quote', "x\\' OR 1=1 --"],
    ['NUL byte', 'market-feed\u0000'],
    ['UNION', "' UNION SELECT 1 --"],
  ])('rejects a hostile --service (%s) before any SQL runs', async (_label, service) => {
    const result = await runRetro(runner, db, [...windowArgs, '--service', service]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/service/);
  });

  it.each([
    ['quote and comment', "x' OR 1=1 --"],
    ['backslashes', 'a\\b\\\\c\\'],
    ['NUL, newline, tab', 'a\u0000b\nc\td'],
    ['unicode', 'ümlaut–日本'],
  ])('quoteString round-trips %s through this engine unchanged', async (_label, value) => {
    const [row] = await runner.query<{ v: string; n: string | number }>(`SELECT ${quoteString(value)} AS v, length(${quoteString(value)}) AS n`);
    expect(row?.v).toBe(value);
    expect(Number(row?.n)).toBe(Buffer.byteLength(value));
  });
});

describe('both engines', () => {
  it('return byte-identical retro JSON and markdown', () => {
    const [a, b] = engines.map(([name]) => reports.get(name));
    expect(a && b).toBeTruthy();
    expect(b!.all).toBe(a!.all);
    expect(b!.marketFeed).toBe(a!.marketFeed);
    expect(b!.markdown).toBe(a!.markdown);
  });
});
