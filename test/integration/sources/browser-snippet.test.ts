// The browser snippet in real headless Chromium (Debian's `chromium`): a page on loopback opens a wss://
// connection to a server with an expired certificate and a healthy ws:// one; the snippet POSTs what the
// page saw to `wsdiag collect` (the built CLI), and the events are read back from Kafka.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { classify } from '../../../analyzers/classify.js';
import { telemetryEventSchema } from '../../../schemas/telemetry-event.js';
import { testPki } from '../../support/certs.js';
import { freePort } from '../../support/free-port.js';
import { createSandbox, readTopic, startCli, type Sandbox } from '../../support/pipeline-harness.js';
import { repoRoot } from '../../support/services.js';
import { startServer, type RunningServer } from '../repro/servers.js';

let sandbox: Sandbox;
let collector: { child: ChildProcess; done: Promise<unknown> };
let collectorUrl: string;
let page: Server;
let profileDir: string;
const servers: RunningServer[] = [];

const listen = (server: Server): Promise<number> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

beforeAll(async () => {
  sandbox = await createSandbox('browser', { partitions: 1 });
  const port = await freePort();
  collectorUrl = `http://127.0.0.1:${port}`;
  collector = startCli(['collect'], { ...sandbox.env, WSDIAG_COLLECT_PORT: String(port) });
  for (let i = 0; i < 100 && !(await fetch(`${collectorUrl}/healthz`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
  profileDir = await mkdtemp(join(tmpdir(), 'wsdiag-chromium-'));
});

afterAll(async () => {
  collector?.child.kill('SIGTERM');
  await collector?.done;
  await Promise.all(servers.map((s) => s.close()));
  await new Promise((r) => (page ? page.close(r) : r(undefined)));
  await rm(profileDir, { recursive: true, force: true });
  await sandbox?.cleanup();
});

it('a page reports a bare 1006 for the expired host and a clean connect/close for the healthy one', async () => {
  const pki = await testPki();
  const expired = await startServer(pki, { kind: 'wss', leaf: 'expired', ws: { perMessageDeflate: true } });
  const healthy = await startServer(pki, { kind: 'ws', ws: { perMessageDeflate: true } });
  servers.push(expired, healthy);
  const snippet = await readFile(join(repoRoot, 'instrument/browser-snippet.js'), 'utf8');
  const html = `<!doctype html><title>wsdiag</title>
<script>window.wsdiagConfig = { collector: '${collectorUrl}/v1/events', service: 'web', flushMs: 100 };</script>
<script src="/browser-snippet.js"></script>
<script>
  new WebSocket('wss://localhost:${expired.port}/feed');
  var good = new WebSocket('ws://127.0.0.1:${healthy.port}/feed');
  good.onopen = function () { good.close(1000, 'bye'); };
</script>`;
  page = createServer((req, res) => {
    if (req.url === '/browser-snippet.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(snippet);
    else res.writeHead(200, { 'content-type': 'text/html' }).end(html);
  });
  const pagePort = await listen(page);

  const chromium = spawn(
    'chromium',
    [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--user-data-dir=${profileDir}`, `http://127.0.0.1:${pagePort}/`,
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise((r) => chromium.once('exit', r));
  try {
    // The page keeps running: wait for the collector to have published the three events.
    for (let i = 0; i < 300; i++) {
      const metrics = await (await fetch(`${collectorUrl}/metrics`)).text();
      if (Number(/^wsdiag_collect_events_published_total (\d+)$/m.exec(metrics)?.[1] ?? 0) >= 3) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    chromium.kill('SIGTERM');
    await exited;
  }

  const records = await readTopic(sandbox.kafka, sandbox.topic, 3, 10_000);
  const events = records.map((r) => telemetryEventSchema.parse(JSON.parse(r.value?.toString() ?? '{}')));
  const byOutcome = Object.fromEntries(events.map((e) => [e.outcome, e]));
  expect(events.map((e) => e.outcome).sort()).toEqual(['closed', 'connected', 'failed']);
  expect(byOutcome.failed).toMatchObject({
    target: { url: `wss://localhost:${expired.port}/feed` },
    close: { code: 1006, on_wire: false, initiator: 'unknown' },
    labels: { was_clean: 'false' },
    source: { kind: 'client', service: 'web', user_agent: expect.stringContaining('Chrome/') },
  });
  expect(byOutcome.connected?.handshake?.response_extensions).toContain('permessage-deflate');
  expect(byOutcome.closed?.close).toEqual({ code: 1000, reason: 'bye', initiator: 'client', on_wire: true });
  // A bare 1006 is all a page can see; correlation with proxy or probe evidence about the host explains it.
  expect(classify(byOutcome.failed!)).toMatchObject({ attribution: 'other', cause: 'unknown_failure' }); // a 1006 before opening (engine 1.5.6)
  expect(classify(byOutcome.closed!)).toMatchObject({ attribution: 'none', cause: 'normal_closure' });
});
