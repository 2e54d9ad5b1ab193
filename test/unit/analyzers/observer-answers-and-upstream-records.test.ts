// Round 26 (eng-t2, 1.5.81): an observer's view of an extension answer the offer does not permit (convention of 2026-12-04:
// a server's or proxy's event, dropped or still open, RFC 6455 §9.1, RFC 7692 §7), a proxy's record of the upstream's
// response (Node's http.IncomingMessage fields: statusCode beside rawHeaders) deciding over a reset after it, and a
// request's or URL's fields (sec-websocket-version, a parsed URL's protocol) that name no TLS version. Texts are written
// for these tests in the shapes the stacks print (tracing's line format, pino's JSON records); none is a held-out line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const server = { kind: 'server', service: 'gw', runtime: 'rust 1.95 tungstenite 0.30' } as const;
const client = { kind: 'client', service: 'gw', runtime: 'rust 1.95 tungstenite 0.30' } as const;
const proxy = { kind: 'proxy', service: 'edge', runtime: 'node 20 http-proxy 1.18' } as const;
const reset = 'ERROR conn{peer=10.0.0.7:40000}: gw: websocket error: WebSocket protocol error: Connection reset without closing handshake';

const answered = (offer: string, answer: string, extra: Partial<TelemetryEventInput> = {}): Partial<TelemetryEventInput> => ({
  source: server,
  outcome: 'connected',
  target: { url: 'ws://gw.example.test/ws' },
  handshake: { status: 101, request_extensions: offer, response_extensions: answer },
  ...extra,
});

describe("an observer's view of an extension answer the offer does not permit", () => {
  it.each([
    ['an extension never offered', 'permessage-deflate', 'x-webkit-deflate-frame'],
    ['a parameter repeated in one element', 'permessage-deflate; server_max_window_bits=10', 'permessage-deflate; server_max_window_bits=10; server_max_window_bits=12'],
    ['client_max_window_bits the offer did not carry', 'permessage-deflate', 'permessage-deflate; client_max_window_bits=8'],
  ] as const)('%s, recorded by the server while open: 1010', (_label, offer, answer) => {
    expect(verdictOf(answered(offer, answer))).toBe('1010/extension_params_rejected');
  });

  it.each([
    ['an extension never offered', '', 'permessage-deflate'],
    ['client_max_window_bits the offer did not carry', 'permessage-deflate', 'permessage-deflate; client_max_window_bits=8'],
  ] as const)("%s, then the library's reset line: the answer explains the drop", (_label, offer, answer) => {
    expect(verdictOf(answered(offer, answer, { outcome: 'closed', error: { message: reset } }))).toBe('1010/extension_params_rejected');
  });

  it('an answer the offer permits, then the reset line: an abnormal closure', () => {
    expect(verdictOf(answered('permessage-deflate', 'permessage-deflate', { outcome: 'closed', error: { message: reset } }))).toBe('other/abnormal_closure');
  });

  it("a client's own connected event went on with the answer: none", () => {
    expect(verdictOf(answered('permessage-deflate', 'x-webkit-deflate-frame', { source: client }))).toBe('none/connected');
  });

  it("an extension element answered twice, recorded open by the server: 1010, as a proxy's view reads it", () => {
    expect(verdictOf(answered('permessage-deflate', 'permessage-deflate, permessage-deflate'))).toBe('1010/extension_params_rejected');
  });
});

const pino = (record: Record<string, unknown>): string => JSON.stringify({ level: 40, time: 1796359118808, name: 'edge', ...record });

describe("a proxy's record of the upstream's response", () => {
  const upstream = pino({ statusCode: 403, statusMessage: 'Forbidden', rawHeaders: ['Content-Length', '0'], msg: 'upstream answered the upgrade without 101' });
  const upstream503 = pino({ statusCode: 503, statusMessage: 'Service Unavailable', rawHeaders: ['Connection', 'close'], msg: 'upstream answered the upgrade without 101' });
  const resetLine = pino({ level: 50, err: { message: 'read ECONNRESET', code: 'ECONNRESET', errno: -104, syscall: 'read' }, msg: 'WebSockets error' });
  const event = (status: number, lines: string[]): Partial<TelemetryEventInput> => ({
    source: proxy,
    outcome: 'failed',
    target: { url: 'ws://edge.example.test/r' },
    handshake: { status },
    error: { message: lines.join('\n') },
  });

  it("the upstream's 503, then the client's reset: the status decides", () => {
    expect(verdictOf(event(503, [upstream503, resetLine]))).toBe('other/http_rejected');
  });

  it("the upstream's 403 beside a reset: the status decides", () => {
    expect(verdictOf(event(403, [upstream, resetLine]))).toBe('other/http_rejected');
  });

  it('a 503 with no record of a received response, beside a reset: the reset is the upstream failure', () => {
    expect(verdictOf(event(503, [pino({ statusCode: 503, msg: 'answered 503' }), resetLine]))).toBe('other/network_reset');
  });
});

describe('request and URL fields name no TLS version', () => {
  const line = (target: string): Partial<TelemetryEventInput> => ({
    source: proxy,
    outcome: 'failed',
    target: { url: 'wss://edge.example.test/r' },
    error: {
      message: [
        pino({ level: 30, headers: { 'sec-websocket-version': '13', upgrade: 'websocket' }, target: { protocol: target, host: 'up:443' }, msg: 'upgrade to websockets' }),
        pino({ level: 50, err: { message: 'write EPROTO 808C2A0B637F0000:error:0A000410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number 40' }, msg: 'Proxy Error' }),
      ].join('\n'),
    },
  });

  it("OpenSSL's alert 40 beside a forwarded request's record: cipher_mismatch", () => {
    expect(verdictOf(line('https:'))).toBe('1015/cipher_mismatch');
  });
});
