// `wsdiag probe` against real loopback servers (one per failure the probe must name), piped to
// `wsdiag classify -` exactly as a user would: each gives the right attribution and cause, and the
// healthy host's event carries the chain with the leaf's and the intermediate's expiry dates.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Classification } from '../../../schemas/classification.js';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { cliPath } from '../../support/cli-path.js';
import { removeTestPki, testPki, type TestPki } from '../../support/certs.js';
import { startServer, type RunningServer } from '../repro/servers.js';
import type { ServerSpec } from '../repro/scenarios.js';

const echo = { perMessageDeflate: true };
/** Camellia suites are outside Node's default cipher list (it ends in !CAMELLIA), so nothing is shared. */
const camelliaOnly = 'ECDHE-ECDSA-CAMELLIA128-SHA256';

type Case = { id: string; server: ServerSpec; flags: string[]; attribution: string; cause: string };
const wss = (leaf: Extract<ServerSpec, { kind: 'wss' }>['leaf'], extra: Partial<Extract<ServerSpec, { kind: 'wss' }>> = {}): ServerSpec => ({ kind: 'wss', leaf, ws: echo, ...extra });
const requireDeflate = ['--require-extension', 'permessage-deflate'];

const cases: Case[] = [
  { id: 'healthy', server: wss('valid'), flags: [], attribution: 'none', cause: 'connected' },
  { id: 'expired', server: wss('expired'), flags: [], attribution: '1015', cause: 'cert_expired' },
  { id: 'not yet valid', server: wss('not_yet_valid'), flags: [], attribution: '1015', cause: 'cert_not_yet_valid' },
  { id: 'self-signed', server: wss('self_signed'), flags: [], attribution: '1015', cause: 'self_signed' },
  { id: 'untrusted root sent', server: wss('untrusted_root'), flags: [], attribution: '1015', cause: 'untrusted_ca' },
  { id: 'untrusted intermediate', server: wss('untrusted_chain'), flags: [], attribution: '1015', cause: 'untrusted_ca' },
  { id: 'missing intermediate', server: wss('incomplete_chain'), flags: [], attribution: '1015', cause: 'incomplete_chain' },
  { id: 'wrong host', server: wss('wrong_host'), flags: [], attribution: '1015', cause: 'hostname_mismatch' },
  { id: 'TLS 1.3-only server, probe capped at 1.2', server: wss('valid', { tls: { minVersion: 'TLSv1.3' } }), flags: ['--tls-max', '1.2'], attribution: '1015', cause: 'tls_version_mismatch' },
  { id: 'no shared cipher', server: wss('valid', { tls: { maxVersion: 'TLSv1.2', ciphers: camelliaOnly } }), flags: [], attribution: '1015', cause: 'cipher_mismatch' },
  { id: 'permessage-deflate missing', server: { kind: 'ws', ws: { perMessageDeflate: false } }, flags: requireDeflate, attribution: '1010', cause: 'extension_not_negotiated' },
  { id: 'permessage-deflate bad parameters', server: { kind: 'ws', ws: echo, rawResponseExtensions: 'permessage-deflate; server_max_window_bits=7' }, flags: requireDeflate, attribution: '1010', cause: 'extension_params_rejected' },
  { id: 'connection refused', server: { kind: 'closed-port' }, flags: [], attribution: 'other', cause: 'connection_refused' },
];

/** Runs the built CLI; `input` goes to its stdin. */
function cli(args: string[], input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliPath, ...args], { env: { ...process.env, WSDIAG_LOG_LEVEL: 'warn' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

let pki: TestPki;
const servers: RunningServer[] = [];
const events = new Map<string, TelemetryEventInput>();
const results = new Map<string, Classification>();

beforeAll(async () => {
  pki = await testPki();
  const urls = new Map<string, string>();
  for (const c of cases) {
    const server = await startServer(pki, c.server);
    servers.push(server);
    urls.set(c.id, `${c.server.kind === 'ws' || c.server.kind === 'closed-port' ? 'ws' : 'wss'}://127.0.0.1:${server.port}/feed`);
  }
  // One probe run per flag set, many URLs each (as a user would list them).
  const groups = new Map<string, Case[]>();
  for (const c of cases) groups.set(c.flags.join(' '), [...(groups.get(c.flags.join(' ')) ?? []), c]);
  for (const group of groups.values()) {
    const probe = await cli(['probe', ...group.map((c) => urls.get(c.id)!), '--ca', pki.rootCaPath, '--timeout', '5s', ...group[0]!.flags]);
    expect(probe.code, probe.stderr).toBe(0);
    const classified = await cli(['classify', '-'], probe.stdout);
    expect(classified.code, classified.stderr).toBe(0);
    const lines = probe.stdout.trim().split('\n').map((l) => JSON.parse(l) as TelemetryEventInput);
    const answers = classified.stdout.trim().split('\n').map((l) => JSON.parse(l) as Classification);
    expect(lines).toHaveLength(group.length);
    group.forEach((c, i) => {
      expect(lines[i]!.target.url).toBe(urls.get(c.id));
      events.set(c.id, lines[i]!);
      results.set(c.id, answers[i]!);
    });
  }
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await removeTestPki();
});

describe('wsdiag probe | wsdiag classify -', () => {
  it.each(cases.map((c) => [c.id, c.attribution, c.cause] as const))('%s → %s %s', (id, attribution, cause) => {
    const event = events.get(id)!;
    expect(event.source).toMatchObject({ kind: 'probe', service: 'wsdiag-probe' });
    expect(results.get(id), JSON.stringify(event)).toMatchObject({ attribution, cause });
  });

  it('keeps the whole chain of a failing certificate: the expired leaf, its dates and the verify code', () => {
    const event = events.get('expired')!;
    expect(event.tls).toMatchObject({ verify_code: 'CERT_HAS_EXPIRED', chain_length: 3 });
    const [leaf, intermediate] = event.tls!.chain!;
    expect(Date.parse(String(leaf!.not_after))).toBeLessThan(Date.now() - 300 * 86_400_000);
    expect(intermediate).toMatchObject({ subject: 'O=wsdiag test, CN=wsdiag Test Intermediate CA', ca: true });
  });

  it('reports the healthy host with TLS facts, the answered extensions and days to expiry of leaf and intermediate', () => {
    const event = events.get('healthy')!;
    expect(event.outcome).toBe('connected');
    expect(event.tls).toMatchObject({ version: 'TLSv1.3', alpn: 'http/1.1', chain_length: 3 });
    expect(event.tls!.cipher).toMatch(/^TLS_/);
    expect(event.handshake).toMatchObject({ status: 101, request_extensions: 'permessage-deflate; client_max_window_bits' });
    expect(event.handshake!.response_extensions).toMatch(/^permessage-deflate/);
    const days = event.tls!.chain!.map((c) => Math.floor((Date.parse(String(c.not_after)) - Date.now()) / 86_400_000));
    // certs.ts: leaf valid 365 days from now, intermediate 3000, the root 3650 from its creation.
    expect(days.slice(0, 2)).toEqual([364, 2999]);
    expect(event.tls!.chain!.map((c) => c.self_signed)).toEqual([false, false, true]);
    expect(event.timing!.total_ms).toBeGreaterThanOrEqual(event.timing!.tls_ms!);
  });

  it('records the alert the server sent when the versions do not meet', () => {
    expect(events.get('TLS 1.3-only server, probe capped at 1.2')!.tls).toEqual({ alert: 'protocol_version', alert_direction: 'received' });
  });

  it('names the cipher the server insists on when no suite is shared', () => {
    expect(events.get('no shared cipher')!.error!.message).toContain(camelliaOnly);
  });

  it('invents no TLS facts for a refused connection', () => {
    const event = events.get('connection refused')!;
    expect(event.tls).toBeUndefined();
    expect(event.error).toMatchObject({ code: 'ECONNREFUSED' });
  });
});
