// End to end: headless Chromium (Debian's chromium) opens wss:// connections to loopback servers
// (expired certificate, healthy, refused) and its page emits what a page can see through
// `wsdiag collect`; `wsdiag probe --emit kafka` watches the same hosts; both go through Kafka and
// `wsdiag run --drain` into ClickHouse; `wsdiag retro` then attributes the browser's 1006s from the
// probe's evidence: 1015 cert_expired for the expired host, connection_refused (no TLS cause) for the
// refused one, nothing for the healthy one, whose chain the forecast lists with days to expiry.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RetroReport } from '../../../analyzers/retro/model.js';
import { CORRELATION_WINDOW_S } from '../../../dashboards/sql/correlation.js';
import { removeTestPki, testPki } from '../../support/certs.js';
import { freePort } from '../../support/free-port.js';
import { createSandbox, runCli, startCli, type Sandbox } from '../../support/pipeline-harness.js';
import { startServer, type RunningServer } from '../repro/servers.js';
import { pageHtml } from './browser-page.js';

const chromium = '/usr/bin/chromium';
const ATTEMPTS = 3;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
/** Longest the probe (two rounds, a second apart, 5 s timeout) and the page take together, with room to spare. */
const SCENARIO_S = 20;

/** Waits past the next correlation bucket boundary when the scenario could straddle it: the retro counts the
 *  evidence of the failures' own bucket, so two probe events split across a boundary would count 1 (seen in CI at 21:00:00). */
async function clearOfBucketBoundary(): Promise<void> {
  const bucketMs = CORRELATION_WINDOW_S * 1000;
  const untilNext = bucketMs - (Date.now() % bucketMs);
  if (untilNext < SCENARIO_S * 1000) await new Promise((r) => setTimeout(r, untilNext + 100));
}

/** base64 SHA-256 of the key's SubjectPublicKeyInfo: what --ignore-certificate-errors-spki-list takes. */
const spkiHash = (privateKeyPem: string) => createHash('sha256').update(createPublicKey(privateKeyPem).export({ type: 'spki', format: 'der' })).digest('base64');

let sandbox: Sandbox;
const servers: RunningServer[] = [];
let pageServer: Server;
let browser: ChildProcess | undefined;
let collector: ReturnType<typeof startCli> | undefined;
const profile = mkdtempSync(join(tmpdir(), 'wsdiag-chromium-'));
const urls = { expired: '', healthy: '', refused: '' };
let report: RetroReport;
let pageDone: URLSearchParams;
const timings: Record<string, number> = {};
let healthyChain: Array<{ position: number; role: string; days: number }> = [];
let browserRows: Array<{ target_url: string; outcome: string; close_code: number; attribution: string; cause: string; runtime_family: string }> = [];

beforeAll(async () => {
  const t0 = Date.now();
  const pki = await testPki();
  sandbox = await createSandbox('chromium', { partitions: 3 });
  for (const [name, spec] of [
    ['expired', { kind: 'wss', leaf: 'expired', ws: { perMessageDeflate: true } }],
    ['healthy', { kind: 'wss', leaf: 'valid', ws: { perMessageDeflate: true } }],
    ['refused', { kind: 'closed-port' }],
  ] as const) {
    const server = await startServer(pki, spec);
    servers.push(server);
    urls[name] = `wss://127.0.0.1:${server.port}/feed`;
  }

  const collectPort = await freePort();
  collector = startCli(['collect'], { ...sandbox.env, WSDIAG_COLLECT_PORT: String(collectPort) });
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`http://127.0.0.1:${collectPort}/v1/events`, { method: 'OPTIONS' }).then(() => true, () => false);
    if (up) break;
    await new Promise((r) => setTimeout(r, 100));
  }

  let finish: (q: URLSearchParams) => void = () => {};
  const done = new Promise<URLSearchParams>((resolve) => (finish = resolve));
  pageServer = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/done') {
      res.writeHead(204).end();
      return finish(url.searchParams);
    }
    if (url.pathname !== '/') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
      pageHtml({ targets: [urls.expired, urls.healthy, urls.refused], attempts: ATTEMPTS, collectorUrl: `http://127.0.0.1:${collectPort}/v1/events`, doneUrl: `http://127.0.0.1:${pagePort()}/done` }),
    );
  });
  await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
  const pagePort = () => (pageServer.address() as AddressInfo).port;
  timings.setup_s = (Date.now() - t0) / 1000;

  // The probe watches the same three hosts while the browser connects (two rounds, a second apart).
  await clearOfBucketBoundary();
  const probe = runCli(['probe', urls.expired, urls.healthy, urls.refused, '--ca', pki.rootCaPath, '--emit', 'kafka', '--every', '1s', '--count', '2', '--timeout', '5s'], sandbox.env);
  const tBrowser = Date.now();
  // Chromium trusts the healthy leaf's key only (not the test root, not the expired leaf).
  browser = spawn(chromium, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`,
    `--ignore-certificate-errors-spki-list=${spkiHash(pki.leaves.valid.key)}`,
    `http://127.0.0.1:${pagePort()}/`,
  ], { stdio: 'ignore' });
  pageDone = await Promise.race([done, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the page did not finish within 30 s')), 30_000))]);
  timings.browser_s = (Date.now() - tBrowser) / 1000;
  browser.kill('SIGKILL');
  const probed = await probe;
  expect(probed.code, probed.stderr).toBe(0);

  const tRun = Date.now();
  const run = await runCli(['run', '--drain'], sandbox.env);
  expect(run.code, run.stderr).toBe(0);
  timings.pipeline_s = (Date.now() - tRun) / 1000;
  const retro = await runCli(['retro', '--from', iso(t0 - 60_000), '--to', iso(Date.now() + 60_000), '--format', 'json'], sandbox.env);
  expect(retro.code, retro.stderr).toBe(0);
  report = JSON.parse(retro.stdout) as RetroReport;

  healthyChain = (
    await sandbox.clickhouse.query<{ position: number; role: string; days: string | number }>(
      `SELECT position, if(position = 0, 'leaf', if(cert_self_signed = 1, 'root', 'intermediate')) AS role,
         floor((toInt64(toUInt32(cert_not_after)) - toInt64(toUInt32(now()))) / 86400) AS days
       FROM ${sandbox.database}.certificate_chain WHERE target_host = '127.0.0.1' AND cert_issuer != '' AND cert_not_after > now()
       GROUP BY position, cert_self_signed, cert_not_after ORDER BY position, days`,
    )
  ).map((r) => ({ position: Number(r.position), role: r.role, days: Number(r.days) }));
  browserRows = await sandbox.clickhouse.query(
    `SELECT target_url, outcome, close_code, attribution, cause, runtime_family FROM ${sandbox.database}.events FINAL WHERE source_kind = 'client' ORDER BY target_url, ts`,
  );
  timings.total_s = (Date.now() - t0) / 1000;
}, 90_000);

afterAll(async () => {
  browser?.kill('SIGKILL');
  collector?.child.kill('SIGTERM');
  await collector?.done;
  await Promise.all(servers.map((s) => s.close()));
  await new Promise<void>((resolve) => (pageServer ? pageServer.close(() => resolve()) : resolve()));
  await sandbox?.cleanup();
  await removeTestPki();
  rmSync(profile, { recursive: true, force: true });
  process.stdout.write(`chromium e2e timings: ${JSON.stringify(timings)}\n`);
});

const target = (url: string) => new URL(url).host;
const correlatedFor = (url: string) => (report.correlated ?? []).filter((c) => c.target === target(url));

describe.skipIf(!existsSync(chromium))('headless Chromium → collect + probe → Kafka → run → retro', () => {
  it('the page reported every attempt: 1006 for the expired and refused hosts, a normal close for the healthy one', () => {
    expect(Object.fromEntries(pageDone)).toEqual({ status: '202', events: String(3 * ATTEMPTS) });
    const byUrl = (url: string) => browserRows.filter((r) => r.target_url === url);
    expect(byUrl(urls.expired).map((r) => [r.outcome, Number(r.close_code), r.cause])).toEqual(Array(ATTEMPTS).fill(['failed', 1006, 'unknown_failure']));
    expect(byUrl(urls.refused).map((r) => [r.outcome, Number(r.close_code), r.cause])).toEqual(Array(ATTEMPTS).fill(['failed', 1006, 'unknown_failure']));
    expect(byUrl(urls.healthy).map((r) => [r.outcome, Number(r.close_code), r.attribution])).toEqual(Array(ATTEMPTS).fill(['closed', 1000, 'none']));
    expect(new Set(browserRows.map((r) => r.runtime_family))).toEqual(new Set(['chrome']));
  });

  it('retro attributes the expired host\'s browser failures to 1015 cert_expired, citing the probe', () => {
    const [c] = correlatedFor(urls.expired);
    expect(c).toMatchObject({ failures: ATTEMPTS, attribution: '1015', cause: 'cert_expired', services: ['web-app'] });
    expect(c!.evidence).toMatchObject({ source_kind: 'probe', service: 'wsdiag-probe', attribution: '1015', cause: 'cert_expired', events: 2 });
    expect(c!.confidence).toBeLessThan(0.9);
    expect(report.correlated_summary!.by_cause).toContainEqual({ attribution: '1015', cause: 'cert_expired', events: ATTEMPTS + 2 });
    expect(report.summary.by_cause).toContainEqual({ attribution: '1015', cause: 'cert_expired', events: 2 });
  });

  it('invents no TLS cause for the refused host: its failures take the probe\'s connection_refused', () => {
    expect(correlatedFor(urls.refused)).toMatchObject([{ failures: ATTEMPTS, attribution: 'other', cause: 'connection_refused', evidence: { source_kind: 'probe' } }]);
  });

  it('attributes nothing to the healthy host', () => {
    expect(correlatedFor(urls.healthy)).toEqual([]);
    // 1015 in the whole window: the expired host's two probe events and its correlated browser failures only.
    expect(report.correlated_summary!.by_attribution['1015']).toBe(2 + ATTEMPTS);
    expect(report.summary.failures).toBe(2 * (2 + ATTEMPTS));
  });

  it('lists the healthy host\'s chain (leaf, intermediate, the root from the trust store) with days to expiry', () => {
    expect(healthyChain).toEqual([
      { position: 0, role: 'leaf', days: 364 },
      { position: 1, role: 'intermediate', days: 2999 },
      { position: 2, role: 'root', days: 3649 },
    ]);
  });
});
