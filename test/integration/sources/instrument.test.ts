// `wsdiag/instrument` on real loopback servers (the reproduction servers and test PKI): the events an
// instrumented `ws` client and Node's WHATWG WebSocket emit, validated as v1 and attributed.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WsWebSocket from 'ws';
import { classify } from '../../../analyzers/classify.js';
import { instrumentWs } from '../../../instrument/index.js';
import { telemetryEventSchema, type TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { testPki, type TestPki } from '../../support/certs.js';
import { repoRoot } from '../../support/services.js';
import { startServer, type RunningServer } from '../repro/servers.js';

const run = promisify(execFile);
let pki: TestPki;
const servers: Record<string, RunningServer> = {};

beforeAll(async () => {
  pki = await testPki();
  servers.valid = await startServer(pki, { kind: 'wss', leaf: 'valid', ws: { perMessageDeflate: true } });
  servers.expired = await startServer(pki, { kind: 'wss', leaf: 'expired', ws: { perMessageDeflate: true } });
  servers.wrongHost = await startServer(pki, { kind: 'wss', leaf: 'wrong_host', ws: { perMessageDeflate: true } });
  servers.tls13 = await startServer(pki, { kind: 'wss', leaf: 'valid', tls: { minVersion: 'TLSv1.3' }, ws: { perMessageDeflate: true } });
  servers.rejecting = await startServer(pki, { kind: 'ws', ws: { perMessageDeflate: false, rejectUpgrade: true } });
  servers.noDeflate = await startServer(pki, { kind: 'ws', ws: { perMessageDeflate: false } });
});

afterAll(async () => {
  await Promise.all(Object.values(servers).map((s) => s.close()));
});

/** Opens one instrumented connection, closes it once open, and returns the events it emitted. */
async function connect(url: string, options: WsWebSocket.ClientOptions = {}, required: string[] = []): Promise<TelemetryEventInput[]> {
  const events: TelemetryEventInput[] = [];
  const WebSocket = instrumentWs(WsWebSocket, { service: 'feed', emit: (e) => events.push(e), requiredExtensions: required });
  await new Promise<void>((resolve) => {
    const ws = new WebSocket(url, { ca: pki.rootCa, handshakeTimeout: 4000, ...options });
    // As an application that insists on an extension does: close with 1010 when it was not agreed (RFC 6455 §7.4.1).
    ws.on('open', () => (required.some((x) => !ws.extensions.includes(x)) ? ws.close(1010, 'permessage-deflate required') : ws.close(1000, 'bye')));
    ws.on('error', () => {});
    ws.on('close', () => resolve());
  });
  return events;
}

const attributed = (e: TelemetryEventInput) => {
  const c = classify(telemetryEventSchema.parse(e));
  return `${c.attribution}/${c.cause}`;
};

describe('instrumentWs (Node ws client)', () => {
  it('a healthy wss connection: connected with TLS facts and both extension headers, then a client close from the wire', async () => {
    const events = await connect(`wss://localhost:${servers.valid!.port}/feed`);
    expect(events.map((e) => e.outcome)).toEqual(['connected', 'closed']);
    const [connected, closed] = events as [TelemetryEventInput, TelemetryEventInput];
    expect(connected.connection_id).toBe(closed.connection_id);
    expect(connected.handshake).toMatchObject({ status: 101, request_extensions: expect.stringContaining('permessage-deflate'), response_extensions: expect.stringContaining('permessage-deflate') });
    expect(connected.tls).toMatchObject({ version: expect.stringMatching(/^TLSv1\.[23]$/), chain_length: 3, peer_certificate: { san: ['DNS:localhost', 'IP Address:127.0.0.1'] } });
    expect(closed.close).toEqual({ code: 1000, reason: 'bye', initiator: 'client', on_wire: true });
    expect(events.map(attributed)).toEqual(['none/connected', 'none/normal_closure']);
  });

  it.each([
    ['expired certificate', 'expired', {}, '1015/cert_expired', { error: { code: 'CERT_HAS_EXPIRED' }, tls: { verify_code: 'X509_V_ERR_CERT_HAS_EXPIRED' } }],
    ['wrong host', 'wrongHost', {}, '1015/hostname_mismatch', { error: { code: 'ERR_TLS_CERT_ALTNAME_INVALID' } }],
    ['TLS 1.3-only server, client capped at 1.2', 'tls13', { maxVersion: 'TLSv1.2' as const }, '1015/tls_version_mismatch', { close: { code: 1006, on_wire: false } }],
  ])('%s: one failed event with the error and TLS facts', async (_label, server, options, cause, shape) => {
    const events = await connect(`wss://localhost:${servers[server]!.port}/feed`, options);
    expect(events.map((e) => e.outcome)).toEqual(['failed']);
    expect(events[0]).toMatchObject(shape);
    expect(events.map(attributed)).toEqual([cause]);
  });

  it('an upgrade answered 403: the status is reported', async () => {
    const events = await connect(`ws://127.0.0.1:${servers.rejecting!.port}/feed`);
    expect(events[0]).toMatchObject({ outcome: 'failed', handshake: { status: 403 } });
    expect(events.map(attributed)).toEqual(['other/http_rejected']);
  });

  it('permessage-deflate required but not answered: the app closes with 1010, and the headers say why', async () => {
    const events = await connect(`ws://127.0.0.1:${servers.noDeflate!.port}/feed`, {}, ['permessage-deflate']);
    expect(events.map((e) => e.outcome)).toEqual(['connected', 'closed']);
    expect(events[1]).toMatchObject({ handshake: { response_extensions: '', required_extensions: ['permessage-deflate'] }, close: { code: 1010, initiator: 'client' } });
    expect(attributed(events[1]!)).toBe('1010/extension_not_negotiated');
  });
});

describe('instrumentWebSocket (Node global WebSocket, undici)', () => {
  it('reports a failed TLS attempt and a healthy connection from a Node 20 process with --experimental-websocket', async () => {
    const script = join(pki.dir, 'global-ws.mjs');
    await writeFile(
      script,
      `import { instrumentWebSocket } from ${JSON.stringify(join(repoRoot, 'dist/instrument/index.js'))};
const events = [];
const WebSocket = instrumentWebSocket({ service: 'feed', emit: (e) => events.push(e) });
// Node 20's undici fires no close after a failed opening handshake (readyState stays CONNECTING): the error ends it.
const once = (url) => new Promise((resolve) => { let opened = false; const ws = new WebSocket(url); ws.addEventListener('open', () => { opened = true; ws.close(1000, 'bye'); }); ws.addEventListener('error', () => { if (!opened) resolve(); }); ws.addEventListener('close', () => resolve()); });
await once('wss://localhost:${servers.expired!.port}/feed');
await once('wss://localhost:${servers.valid!.port}/feed');
process.stdout.write(events.map((e) => JSON.stringify(e)).join('\\n'));
`,
    );
    const { stdout } = await run(process.execPath, ['--experimental-websocket', '--no-warnings', script], { env: { ...process.env, NODE_EXTRA_CA_CERTS: pki.rootCaPath } });
    const events = stdout.split('\n').map((l) => JSON.parse(l) as TelemetryEventInput);
    expect(events.map((e) => e.outcome)).toEqual(['failed', 'connected', 'closed']);
    expect(events[0]).toMatchObject({ close: { code: 1006, on_wire: false } });
    expect(events[2]).toMatchObject({ close: { code: 1000, initiator: 'client' } });
    // What undici passes on for the failure decides how far the engine gets (recorded, not asserted: see the report).
    expect(events.map(attributed).slice(1)).toEqual(['none/connected', 'none/normal_closure']);
    // Node 20's undici says only "Received network error or non-101 status code": like a browser's bare 1006.
    expect(events[0]?.error?.message).toContain('Received network error');
    expect(attributed(events[0]!)).toMatch(/^other\//);
  });
});
