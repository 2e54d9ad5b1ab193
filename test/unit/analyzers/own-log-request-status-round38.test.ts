// Round 38 (eng-f1, 1.5.114): a client that raised nothing reads its own log's failure records (a traceback's last frame and
// exception, an error-level line); a client's request before its upgrade refused, read from its status label; asyncio's "Connect
// call failed" giving way to the errno stated with it; a 1011 not read from a Close frame whose reason names a keepalive missed; a
// data type refused in words (RFC 6455 §7.4.1, 1003). Texts are written for these tests from other libraries' wordings (CPython's
// socket and ssl tracebacks, uvloop's sslproto frame, gql's and websocket-client's log formats, Engine.IO/SockJS request names,
// warp's keepalive reason); none is a held-out line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const tb = (frame: string, source: string, exception: string): string =>
  `WARNING:app.client:! connect failed; retrying in 3 seconds\nTraceback (most recent call last):\n  File "/app/client.py", line 40, in run\n    await self.connect()\n  ${frame}\n    ${source}\n${exception}`;
const plain = { target: { url: 'ws://api.example.test/socket' } } as const;

describe("a client's own log read as its error text when it raised nothing", () => {
  it.each([
    ['a refused connect under a reconnect record', plain, tb('File "/usr/lib/python3.12/socket.py", line 852, in create_connection', 'sock.connect(sa)', 'ConnectionRefusedError: [Errno 111] Connection refused'), 'other/connection_refused'],
    ['a resolver failure', plain, tb('File "/usr/lib/python3.12/socket.py", line 963, in getaddrinfo', 'for res in _socket.getaddrinfo(host, port, family, type, proto, flags):', 'socket.gaierror: [Errno -3] Temporary failure in name resolution'), 'other/dns_failure'],
    ['a verify failure in ssl.py', {}, tb('File "/usr/lib/python3.12/ssl.py", line 1342, in do_handshake', 'self._sslobj.do_handshake()', 'ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate in certificate chain (_ssl.c:1000)'), '1015/untrusted_ca'],
    ["a reset raised in uvloop's handshake", {}, tb('File "uvloop/sslproto.pyx", line 535, in uvloop.loop.SSLProtocol._on_handshake_complete', 'raise handshake_exc', 'ConnectionResetError: [Errno 104] Connection reset by peer'), '1015/tls_unknown'],
    ['an error-level line', {}, 'INFO:gql.transport.websockets:connecting\nERROR:gql.transport.websockets:[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1000)', '1015/cert_expired'],
  ] as const)('%s', (_label, overrides, log, verdict) => {
    expect(verdictOf({ ...overrides, labels: { client_log: log } })).toBe(verdict);
  });

  it.each([
    ['routine lines only', { labels: { client_log: 'INFO:app.client:State change: disconnected -> connecting\nINFO:app.client:Performing negotiation' } }, 'other/unknown_failure'],
    ['a line with no level', { labels: { client_log: 'Error: connect ECONNREFUSED 127.0.0.1:8443' } }, 'other/unknown_failure'],
    ['the same traceback in a note', { labels: { note: tb('File "/usr/lib/python3.12/socket.py", line 852, in create_connection', 'sock.connect(sa)', 'ConnectionRefusedError: [Errno 111] Connection refused') } }, 'other/unknown_failure'],
    ['an error of its own decides', { error: { message: 'timed out during opening handshake' }, labels: { client_log: tb('File "/usr/lib/python3.12/socket.py", line 852, in create_connection', 'sock.connect(sa)', 'ConnectionRefusedError: [Errno 111] Connection refused') } }, 'other/network_timeout'],
    ['a session that opened', { outcome: 'connected', handshake: { status: 101 }, labels: { client_log: tb('File "/usr/lib/python3.12/socket.py", line 852, in create_connection', 'sock.connect(sa)', 'ConnectionRefusedError: [Errno 111] Connection refused') } }, 'none/connected'],
    ["a server's event: its client_log is another view, its own log is not read so", { source: { kind: 'server', service: 's', runtime: 'python 3.12' }, labels: { log: tb('File "/usr/lib/python3.12/ssl.py", line 1342, in do_handshake', 'self._sslobj.do_handshake()', 'ssl.SSLError: [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1000)') } }, 'other/unknown_failure'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf({ ...plain, ...(overrides as Partial<TelemetryEventInput>) })).toBe(verdict);
  });
});

describe("a client's request before its upgrade, refused (its status label)", () => {
  it.each([
    ['an Engine.IO polling request answered 503', { error: { name: 'TransportError', message: 'xhr poll error' }, labels: { poll_status: '503' } }, 'other/http_rejected'],
    ['a SockJS info request answered 401, no error text', { labels: { info_status_code: '401' } }, 'other/http_auth_rejected'],
    ['a bare number as the error', { error: { name: 'ConnectionError', message: '404' }, labels: { negotiate_status: '404' } }, 'other/http_rejected'],
  ] as const)('%s', (_label, overrides, verdict) => {
    expect(verdictOf({ ...plain, ...(overrides as Partial<TelemetryEventInput>) })).toBe(verdict);
  });

  it.each([
    ['a state word', { labels: { channel_status: 'CHANNEL_ERROR' } }, 'other/unknown_failure'],
    ['a success before a failure', { labels: { negotiate_status: '200' } }, 'other/unknown_failure'],
    ['a close status', { labels: { close_status: '403' } }, 'other/unknown_failure'],
    ["a server's event", { source: { kind: 'server', service: 's', runtime: 'node 20' }, labels: { negotiate_status: '401' } }, 'other/unknown_failure'],
    ['the upgrade answered itself', { handshake: { status: 502 }, labels: { negotiate_status: '401' } }, 'other/http_rejected'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf({ ...plain, ...(overrides as Partial<TelemetryEventInput>) })).toBe(verdict);
  });
});

describe("asyncio's \"Connect call failed\": the errno stated with it decides", () => {
  it.each([
    ['a reset in the chained cause', { error: { name: 'aiohttp.ClientConnectorError', message: "Cannot connect to host h:80 ssl:default [Connect call failed ('10.0.0.2', 80)]" }, labels: { cause_chain: "builtins.ConnectionResetError: [Errno 104] Connect call failed ('10.0.0.2', 80)" } }, 'other/network_reset'],
    ['a timeout in the message', { error: { message: "TimeoutError: [Errno 110] Connect call failed ('10.0.0.2', 80)" } }, 'other/network_timeout'],
    ['refused, errno 111', { error: { message: "ConnectionRefusedError: [Errno 111] Connect call failed ('10.0.0.2', 80)" } }, 'other/connection_refused'],
    ['the words alone', { error: { message: "[Connect call failed ('127.0.0.1', 9)]" } }, 'other/connection_refused'],
  ] as const)('%s', (_label, overrides, verdict) => {
    expect(verdictOf({ ...plain, ...(overrides as Partial<TelemetryEventInput>) })).toBe(verdict);
  });
});

describe('a 1011 not read from a Close frame whose reason names a keepalive missed', () => {
  const opened = { ...plain, outcome: 'closed', handshake: { status: 101 } } as const;
  it.each([
    ["a server's own close", { source: { kind: 'server', service: 's', runtime: 'rust warp' }, close: { code: 1011, initiator: 'server', reason: 'keepalive timeout' } }, 'other/network_timeout'],
    ["a client's, not on the wire", { close: { code: 1011, initiator: 'client', on_wire: false, reason: 'keepalive ping timeout' } }, 'other/network_timeout'],
  ] as const)('%s', (_label, overrides, verdict) => {
    expect(verdictOf({ ...opened, ...(overrides as Partial<TelemetryEventInput>) })).toBe(verdict);
  });

  it.each([
    ['read from a Close frame (convention 11)', { close: { code: 1011, initiator: 'server', on_wire: true, reason: 'keepalive ping timeout' } }, 'other/server_error'],
    ['another reason', { close: { code: 1011, initiator: 'client', on_wire: false, reason: 'internal error' } }, 'other/server_error'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf({ ...opened, ...(overrides as Partial<TelemetryEventInput>) })).toBe(verdict);
  });
});

describe('a data type refused in words (RFC 6455 §7.4.1, 1003)', () => {
  const opened = { ...plain, outcome: 'closed', handshake: { status: 101 } } as const;
  it.each([
    ['an unexpected binary frame', 'protocol violation: unexpected binary frame', 'other/protocol_error'],
    ['a non-binary message', 'Received non-binary message on a binary-only channel', 'other/protocol_error'],
  ] as const)('%s', (_label, message, verdict) => {
    expect(verdictOf({ ...opened, error: { message } })).toBe(verdict);
  });

  it('hard negative: a binary message named routinely', () => {
    expect(verdictOf({ ...opened, error: { message: 'socket closed after binary message of 12 bytes' } })).not.toBe('other/protocol_error');
  });
});
