// Issue 14 item 5: a browser's bare 1006 to a host whose nginx logged an expired upstream certificate is
// explained by that line. The nginx events come from the real log fixture through the built
// `wsdiag logs`; the retro's query-time correlation (dashboards/sql/correlation.ts) runs on ClickHouse 18.16.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { classify, CLASSIFIER_VERSION } from '../../../analyzers/classify.js';
import type { RetroReport } from '../../../analyzers/retro/model.js';
import { runRetro } from '../../../cli/commands/retro.js';
import { createRollupBuilder } from '../../../ingest/rollup-builder.js';
import { markAllMinutesSql } from '../../../schemas/clickhouse/rollups.js';
import { createClickHouseRunner } from '../../../ingest/clickhouse-client.js';
import { toEventRow } from '../../../ingest/event-row.js';
import { migrate } from '../../../ingest/migrate.js';
import { telemetryEventSchema, type TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { cliPath } from '../../support/cli-path.js';
import { servicesConfig } from '../../support/services.js';

const run = promisify(execFile);
const runner = createClickHouseRunner({ url: servicesConfig().clickhouseUrl, username: 'default', password: '', requestTimeoutMs: 60_000 });
const db = `wsdiag_srccorr_${process.pid}`;
const fixture = new URL('../../fixtures/sources/nginx-1.22.1-error.log', import.meta.url).pathname;
/** The fixture's expired-upstream line: nginx 1.22.1 logged it at 07:18:09 (UTC) for Host 127.0.0.1:39481. */
const loggedAt = Date.parse('2026-12-02T07:18:09Z');
let report: RetroReport;

const browser = (url: string, at: number, id: string): TelemetryEventInput => ({
  event_id: id,
  ts: at,
  outcome: 'failed',
  source: { kind: 'client', service: 'web', user_agent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36' },
  target: { url },
  close: { code: 1006, on_wire: false, initiator: 'unknown' },
});

beforeAll(async () => {
  // The proxy's lines were written in UTC; the CLI reads local times in its own zone.
  const { stdout } = await run(process.execPath, [cliPath, 'logs', '--format', 'nginx', '--service', 'edge-nginx', '--host', 'localhost', fixture], { env: { ...process.env, TZ: 'UTC' } });
  const proxyEvents = stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as TelemetryEventInput);
  const events = [
    ...proxyEvents,
    browser('wss://127.0.0.1:39481/ws', loggedAt + 40_000, 'browser-1'),
    browser('wss://127.0.0.1:39481/ws', loggedAt + 90_000, 'browser-2'),
    browser('wss://unrelated.example/ws', loggedAt + 60_000, 'browser-3'),
  ];
  await runner.command(`DROP DATABASE IF EXISTS ${db}`);
  await migrate(runner, { db, retentionDays: 0 });
  await runner.insert(
    `${db}.events`,
    events.map((input, i) => {
      const event = telemetryEventSchema.parse(input);
      return toEventRow(event, classify(event), { topic: 't', partition: 0, offset: String(i) }, loggedAt + 600_000, CLASSIFIER_VERSION);
    }),
  );
  // What the pipeline does after its writes: mark the minutes, build the rollups (docs/storage.md).
  await runner.command(markAllMinutesSql(db));
  await createRollupBuilder(runner, db).buildPending();
  const result = await runRetro(runner, db, ['--from', '2026-12-02T07:00:00Z', '--to', '2026-12-02T08:00:00Z', '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  report = JSON.parse(result.stdout) as RetroReport;
}, 120_000);

afterAll(async () => {
  await runner.command(`DROP DATABASE IF EXISTS ${db}`).catch(() => undefined);
  await runner.close();
});

it("attributes the browser's 1006 to the host's expired upstream certificate, citing the nginx line", () => {
  const [entry] = report.correlated!.filter((c) => c.target === '127.0.0.1:39481');
  expect(entry).toMatchObject({ failures: 2, attribution: '1015', cause: 'cert_expired', services: ['web'], evidence: { source_kind: 'proxy', service: 'edge-nginx', cause: 'cert_expired' } });
});

it('leaves a browser failure on a host no log line mentions unexplained', () => {
  expect(report.correlated!.filter((c) => c.target === 'unrelated.example:443')).toMatchObject([{ failures: 1, attribution: null }]);
});
