// The probe's pure parts: argument parsing, the response-head parser, the strict client's extension
// judgement, and the chain columns an event row gets.
import { describe, expect, it } from 'vitest';
import { parseDuration, parseProbeArgs } from '../../../cli/commands/probe.js';
import { chainFields } from '../../../ingest/event-row.js';
import { parseResponseHead } from '../../../ingest/probe-connection.js';
import { extensionProblem, receivedAlert } from '../../../ingest/probe-event.js';
import { telemetryEventSchema } from '../../../schemas/telemetry-event.js';

describe('parseDuration', () => {
  it.each([
    ['60s', 60_000],
    ['500ms', 500],
    ['2m', 120_000],
    ['1h', 3_600_000],
    ['15', 15_000],
    ['0s', undefined],
    ['soon', undefined],
  ])('%s → %s', (text, ms) => expect(parseDuration(text)).toBe(ms));
});

describe('parseProbeArgs', () => {
  const readFile = (path: string) => {
    if (path === 'ca.pem') return 'PEM';
    throw Object.assign(new Error('nope'), { code: 'ENOENT' });
  };
  it('reads URLs, period, CA, emit, TLS cap and required extensions', () => {
    const parsed = parseProbeArgs(['wss://a.example/x', 'ws://b:8080', '--every', '30s', '--ca', 'ca.pem', '--emit', 'kafka', '--tls-max', '1.2', '--require-extension', 'Permessage-Deflate'], readFile);
    expect(parsed).toMatchObject({
      ok: true,
      settings: { urls: ['wss://a.example/x', 'ws://b:8080'], everyMs: 30_000, emit: 'kafka', requiredExtensions: ['permessage-deflate'], target: { ca: 'PEM', tlsMaxVersion: 'TLSv1.2', timeoutMs: 10_000 } },
    });
  });
  it.each([
    ['no URL', [], 'at least one'],
    ['http URL', ['https://a'], 'not a ws://'],
    ['bad emit', ['wss://a', '--emit', 'file'], '--emit'],
    ['bad period', ['wss://a', '--every', 'often'], '--every'],
    ['bad TLS cap', ['wss://a', '--tls-max', '1.1'], '--tls-max'],
    ['missing CA file', ['wss://a', '--ca', 'missing.pem'], 'ENOENT'],
    ['unknown flag', ['wss://a', '--insecure'], 'unknown option'],
  ])('%s is refused', (_label, args, message) => {
    const parsed = parseProbeArgs(args, readFile);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toContain(message);
  });
});

describe('parseResponseHead', () => {
  it('reads the status and joins repeated headers', () => {
    expect(parseResponseHead('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nSec-WebSocket-Extensions: a\r\nsec-websocket-extensions: b')).toEqual({
      status: 101,
      headers: { upgrade: 'websocket', 'sec-websocket-extensions': 'a, b' },
    });
  });
  it('refuses what is not HTTP', () => expect(parseResponseHead('SSH-2.0-OpenSSH')).toBeUndefined());
});

describe('extensionProblem (a client that requires the extension)', () => {
  const offer = 'permessage-deflate; client_max_window_bits';
  it.each([
    ['nothing required', offer, '', [], undefined],
    ['negotiated', offer, 'permessage-deflate; client_max_window_bits=15', ['permessage-deflate'], undefined],
    ['missing', offer, '', ['permessage-deflate'], 'permessage-deflate required but not negotiated'],
    ['window bits out of range', offer, 'permessage-deflate; server_max_window_bits=7', ['permessage-deflate'], 'permessage-deflate response rejected: server_max_window_bits=7 is not an integer 8..15'],
  ])('%s', (_label, request, response, required, problem) => expect(extensionProblem(request, response, required)).toBe(problem));
});

describe('chainFields', () => {
  const event = (tls: unknown) => telemetryEventSchema.parse({ event_id: 'e', ts: 0, outcome: 'connected', source: { kind: 'probe', service: 's' }, target: { url: 'wss://h/' }, tls });
  it('maps tls.chain leaf first', () => {
    // Certificate dates as epoch ms (>= 1e11; smaller numbers would be epoch seconds).
    const notAfter = Date.UTC(2027, 0, 1);
    const notBefore = Date.UTC(2025, 0, 1, 0, 0, 1);
    const fields = chainFields(event({ chain: [{ subject: 'CN=h', issuer: 'CN=I', not_after: notAfter, self_signed: false }, { subject: 'CN=I', issuer: 'CN=R', not_before: notBefore }] }).tls);
    expect(fields).toEqual({ chain_subject: ['CN=h', 'CN=I'], chain_issuer: ['CN=I', 'CN=R'], chain_not_before: [0, notBefore / 1000], chain_not_after: [notAfter / 1000, 0], chain_self_signed: [0, -1] });
  });
  it('falls back to the peer certificate alone, and to nothing', () => {
    expect(chainFields(event({ peer_certificate: { subject: 'CN=h', not_after: 2000 } }).tls).chain_subject).toEqual(['CN=h']);
    expect(chainFields(event({ version: 'TLSv1.3' }).tls).chain_subject).toEqual([]);
    expect(chainFields(undefined).chain_not_after).toEqual([]);
  });
  it('accepts events with unknown fields next to the chain (v1 stays open)', () => {
    expect(() => event({ chain: [{ subject: 'CN=h', future_field: 1 }], future: true })).not.toThrow();
  });
});

describe('receivedAlert', () => {
  it.each([
    ['ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION', { alert: 'protocol_version', alert_direction: 'received' }],
    ['ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', { alert: 'handshake_failure', alert_direction: 'received' }],
    ['ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', { alert: 'certificate_required', alert_direction: 'received' }],
    ['ECONNREFUSED', undefined],
    [undefined, undefined],
  ])('%s', (code, tls) => expect(receivedAlert(code === undefined ? undefined : { code, message: 'x' })).toEqual(tls));
});
