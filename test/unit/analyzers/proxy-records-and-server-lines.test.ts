// Round 13 (holdout-19's proxy and server families in general form, 1.5.39): a proxy's access-log record of a tunnel with
// its numeric result code (3proxy's %E field, doc/html/howtoe.html "Log error codes reference"), and a server's own view
// of a session (its info/debug lines, its own error-level record after open, a 1005 from a Close frame without a status).
// Records are written for these tests in 3proxy's default format (src/proxy.h DEFLOGFORMAT); server lines in Python
// logging's level-prefix and pino's JSON shapes. None is a held-out line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { proxyResultTable } from '../../../analyzers/codes/proxy-result.js';
import { verdictOf } from './event-builder.js';

const proxy = { kind: 'proxy', service: 'edge', runtime: '3proxy 0.9.4' } as const;
const server = { kind: 'server', service: 'feed', runtime: 'python 3.12 uvicorn' } as const;
/** One record: time, service port, %E, user, client, target, bytes out/in, hops, text. */
const record = (code: string, target = '10.2.0.9:8080', bytesIn = 0, text = 'CONNECT api.example.test:8080 HTTP/1.1'): string =>
  `261204093011.417 3128 ${code} - 10.1.0.4:51234 ${target} 310 ${bytesIn} 0 ${text}`;
const failedRecord = (code: string, extra: Partial<TelemetryEventInput> = {}): Partial<TelemetryEventInput> => ({
  source: proxy,
  target: { url: 'ws://api.example.test:8080/ws' },
  error: { code, message: record(code) },
  ...extra,
});

describe("a proxy's access-log record of a tunnel: its result code field", () => {
  it.each([
    ['in a log label', { labels: { proxy_log: record('00000', '10.2.0.9:8080', 412) } }],
    ['in the error text', { error: { message: record('00000', '10.2.0.9:8080', 412) } }],
    ['in a label named log, from a port map', { labels: { log: record('00000', '10.2.0.9:8080', 412, '10.2.0.9') } }],
  ] as const)('the success code 0 on a closed tunnel is an orderly end (%s)', (_label, extra) => {
    expect(verdictOf({ source: proxy, outcome: 'closed', target: { url: 'ws://api.example.test:8080/ws' }, ...extra })).toBe('none/normal_closure');
  });

  it('a failure code on a tunnel that had opened is the drop after open, not an orderly end', () => {
    expect(verdictOf({ source: proxy, outcome: 'closed', target: { url: 'ws://api.example.test:8080/ws' }, error: { code: '00096', message: record('00096', '10.2.0.9:8080', 129) } })).toBe('other/abnormal_closure');
  });

  it.each([
    ['100 HOST NOT FOUND', '00100', 'other/dns_failure'],
    ['4 no username with auth=strong', '00004', 'other/http_auth_rejected'],
    ['6 wrong password', '00006', 'other/http_auth_rejected'],
    ['1 denied by ACL', '00001', 'other/http_rejected'],
    ['92 terminated by timeout', '00092', 'other/network_timeout'],
    ['96 dirty termination by the server', '00096', 'other/network_reset'],
    ['13 connect() failed: refused or unreachable, not said (convention 9)', '00013', 'other/unknown_failure'],
    ['8013 TLS handshake to the client failed, no reason', '08013', '1015/tls_unknown'],
  ] as const)('a failed attempt\'s record with %s', (_label, code, expected) => {
    expect(verdictOf(failedRecord(code))).toBe(expected);
  });

  it('every row cites 3proxy and has its number', () => {
    for (const row of proxyResultTable) {
      expect(row.source).toMatch(/3proxy/);
      expect(row.code).toBeTypeOf('number');
    }
  });
});

describe('plain numbers outside a proxy record stay unread', () => {
  it("a client's text in the record's shape is no proxy record", () => {
    expect(verdictOf({ error: { message: record('00100') } })).toBe('other/unknown_failure');
  });
  it('a proxy event with only the number, no record', () => {
    expect(verdictOf({ source: proxy, error: { code: '00100', message: 'upstream failed with 00100' } })).toBe('other/unknown_failure');
  });
  it("a record in a label that is no log (a note) is not read", () => {
    expect(verdictOf({ source: proxy, outcome: 'closed', target: { url: 'ws://api.example.test:8080/ws' }, labels: { note: record('00000', '10.2.0.9:8080', 412) } })).toBe('other/abnormal_closure');
  });
});

describe("a server's own view of a session", () => {
  const opened = { source: server, target: { url: 'ws://127.0.0.1:8000/ws' }, handshake: { status: 101 } } as const;
  const pino = (level: number, msg: string, extra = ''): string => `{"level":${level},"time":1796299400000,"pid":7,"hostname":"h"${extra},"msg":"${msg}"}`;

  it.each([
    ['Python level prefixes', 'INFO:     10.1.0.4:51234 - "WebSocket /ws" [accepted]\nINFO:     connection open'],
    ['pino info lines', pino(30, 'incoming request')],
    ['asyncio debug lines naming TLS classes', 'DEBUG:    <asyncio.sslproto.SSLProtocol object at 0x7f00> starts SSL handshake\nDEBUG:    <asyncio.sslproto.SSLProtocol object at 0x7f00>: SSL handshake took 3.1 ms\nINFO:     connection open'],
  ] as const)('info/debug lines of an open session are no error (%s)', (_label, message) => {
    expect(verdictOf({ ...opened, outcome: 'connected', error: { message } })).toBe('none/connected');
  });

  it.each([
    ['the server sent it', 'server'],
    ['the client sent it', 'client'],
  ] as const)('a 1005 read from a Close frame stays a breach beside info lines (%s): on_wire says the code came in the frame', (_label, initiator) => {
    expect(verdictOf({ ...opened, outcome: 'closed', close: { code: 1005, initiator, on_wire: true }, error: { message: pino(30, 'incoming request') } })).toBe('other/protocol_error');
  });

  it('a 1005 the API reported with only info lines is a clean close (convention 2)', () => {
    expect(verdictOf({ ...opened, outcome: 'closed', close: { code: 1005, initiator: 'unknown', on_wire: false }, error: { message: 'INFO:     connection open' } })).toBe('none/normal_closure');
  });

  it.each([
    ['an ASGI application exception', 'INFO:     connection open\nERROR:    Exception in ASGI application\nTraceback (most recent call last):\n  File "app.py", line 9, in app\nLookupError: no such room', undefined],
    ['a pino error record', `${pino(30, 'incoming request')}\n${pino(50, 'store offline', ',"err":{"type":"Error","message":"store offline"}')}`, 1006],
  ] as const)("the server's own error after open is a server error (%s)", (_label, message, code) => {
    expect(verdictOf({ ...opened, outcome: 'closed', error: { message }, ...(code ? { close: { code, on_wire: false } } : {}) })).toBe('other/server_error');
  });

  it('an error record that names a reset keeps the reset reading', () => {
    expect(verdictOf({ ...opened, outcome: 'closed', error: { message: 'ERROR:    Exception in ASGI application\nConnectionResetError: [Errno 104] Connection reset by peer' } })).toBe('other/abnormal_closure');
  });

  it('a reset after a handshake the debug lines report done is no TLS failure', () => {
    const message = 'DEBUG:    <asyncio.sslproto.SSLProtocol object at 0x7f00> starts SSL handshake\nDEBUG:    <asyncio.sslproto.SSLProtocol object at 0x7f00>: SSL handshake took 2.2 ms\nConnectionResetError: [Errno 104] Connection reset by peer';
    expect(verdictOf({ source: server, target: { url: 'wss://localhost:8443/ws' }, error: { name: 'ConnectionResetError', message } })).toBe('other/network_reset');
  });

  it('a reset during a handshake that never reported done stays a TLS failure', () => {
    const message = 'DEBUG:    <asyncio.sslproto.SSLProtocol object at 0x7f00> starts SSL handshake\nConnectionResetError: [Errno 104] Connection reset by peer';
    expect(verdictOf({ source: server, target: { url: 'wss://localhost:8443/ws' }, error: { name: 'ConnectionResetError', message } })).toBe('1015/tls_unknown');
  });

  it('the same info lines from a client are read as before (an error with nothing named)', () => {
    expect(verdictOf({ target: { url: 'ws://127.0.0.1:8000/ws' }, handshake: { status: 101 }, outcome: 'connected', error: { message: 'INFO:     connection open' } })).not.toBe('none/connected');
  });
});
