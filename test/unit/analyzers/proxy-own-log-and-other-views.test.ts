// Round 36 (eng-d2, 1.5.109): a proxy's own log under error lines that name no cause, the body an observer's front answered, another
// party's error label and its stated timeout beside an observer's drop, a close recorded with its had-error flag false, a proxy's
// codeless Close frame before a drop, and the answer's time in the timer's reading.
// Texts are written for these tests from other libraries' wordings (Go's net and crypto/x509 errors, Python's ssl and socket
// exceptions, Java's SocketTimeoutException, gorilla's upgrade refusals, Node's net.Socket 'close' flag); none is a
// held-out line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const proxy = { source: { kind: 'proxy', service: 'edge', runtime: 'edge-proxy 2.1' }, target: { url: 'ws://edge.example.test/ws' } } as const;
const server = { source: { kind: 'server', service: 'srv', runtime: 'srv 1.0' }, target: { url: 'ws://srv.example.test/ws' } } as const;
const noCauseLines = '2026-01-05 10:00:00 [ERROR] proxy: upstream api-1 failed, giving up\n2026-01-05 10:00:00 [ERROR] proxy: upstream api-1 failed, giving up';

describe("a proxy's own log states how the upstream failed where its error lines do not", () => {
  it.each([
    ["Go's refused dial in a debug line", '[DEBUG] dial tcp 10.0.0.7:8080: connect: connection refused', 'other/connection_refused'],
    ["Go's x509 unknown authority", '[DEBUG] upstream handshake: tls: failed to verify certificate: x509: certificate signed by unknown authority', '1015/untrusted_ca'],
    ["Python's hostname mismatch", "DEBUG upstream: ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, certificate is not valid for 'api-1.internal'.", '1015/hostname_mismatch'],
  ] as const)('%s', (_label, log, verdict) => {
    expect(verdictOf({ ...proxy, handshake: { status: 502 }, error: { message: noCauseLines }, labels: { proxy_log: log } })).toBe(verdict);
  });

  it.each([
    ['only a generalising word in the log', { ...proxy, handshake: { status: 502 }, error: { message: noCauseLines }, labels: { proxy_log: '[DEBUG] upstream connection closed' } }, 'other/unknown_failure'],
    ['error lines that name a cause of their own', { ...proxy, handshake: { status: 504 }, error: { message: '[ERROR] upstream read timed out' }, labels: { proxy_log: '[DEBUG] dial tcp 10.0.0.7:8080: connect: connection refused' } }, 'other/network_timeout'],
    ['a status that is no gateway status', { ...proxy, handshake: { status: 403 }, error: { message: noCauseLines }, labels: { proxy_log: '[DEBUG] dial tcp 10.0.0.7:8080: connect: connection refused' } }, 'other/http_rejected'],
    ["a client's own event", { handshake: { status: 502 }, error: { message: noCauseLines }, labels: { proxy_log: '[DEBUG] dial tcp 10.0.0.7:8080: connect: connection refused' } }, 'other/http_rejected'],
    ['the words in a note', { ...proxy, handshake: { status: 502 }, error: { message: noCauseLines }, labels: { note: 'dial tcp 10.0.0.7:8080: connect: connection refused' } }, 'other/unknown_failure'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides as Partial<TelemetryEventInput>)).toBe(verdict);
  });
});

describe("the body an observer's front answered names the request header it refused", () => {
  it.each([
    ["gorilla's Connection header", "websocket: the client is not using the websocket protocol: 'upgrade' token not found in 'Connection' header", 'other/protocol_error'],
    ["gorilla's Sec-WebSocket-Version header", "websocket: unsupported version: 13 not found in 'Sec-Websocket-Version' header", 'other/protocol_error'],
  ] as const)('%s', (_label, body, verdict) => {
    expect(verdictOf({ ...proxy, handshake: { status: 400 }, labels: { front_status_line: 'HTTP/1.1 400 Bad Request', front_body: body } })).toBe(verdict);
  });

  it.each([
    ['a body naming no header', { ...proxy, handshake: { status: 400 }, labels: { front_body: 'Bad Request' } }, 'other/http_rejected'],
    ['a 403 that gives its own reason', { ...proxy, handshake: { status: 403 }, labels: { front_body: "'upgrade' token not found in 'Connection' header" } }, 'other/http_rejected'],
    ["the request's own body", { ...proxy, handshake: { status: 400 }, labels: { front_request_body: "'upgrade' token not found in 'Connection' header" } }, 'other/http_rejected'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides as Partial<TelemetryEventInput>)).toBe(verdict);
  });
});

describe("another party's error, and its timeout beside an observer's drop", () => {
  it.each([
    ["Python's reset at the front", { ...proxy, labels: { driver_error: 'ConnectionResetError: [Errno 104] Connection reset by peer' } }, 'other/network_reset'],
    ["Java's read timeout at the front", { ...proxy, labels: { driver_error: 'java.net.SocketTimeoutException: Read timed out' } }, 'other/network_timeout'],
    ["the client's timer beside a server's EOF", { ...server, error: { message: 'websocket: read request: unexpected EOF' }, labels: { client_error: 'asyncio.exceptions.TimeoutError: timed out during opening handshake' } }, 'other/network_timeout'],
  ] as const)('%s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides as Partial<TelemetryEventInput>)).toBe(verdict);
  });

  it.each([
    ['the words in a note', { ...proxy, labels: { note: 'ConnectionResetError: [Errno 104] Connection reset by peer' } }, 'other/unknown_failure'],
    ["the observer's own cause decides", { ...proxy, error: { message: 'dial tcp 10.0.0.7:8080: connect: connection refused' }, labels: { driver_error: 'EOFError: connection closed' } }, 'other/connection_refused'],
    ['a timeout beside an answer the observer recorded', { ...server, handshake: { status: 400 }, error: { message: 'websocket: read request: unexpected EOF' }, labels: { client_error: 'TimeoutError: timed out' } }, 'other/http_rejected'],
    ["a client's own drop beside another's timeout", { error: { message: 'read ECONNRESET' }, labels: { peer_error: 'TimeoutError: timed out' } }, 'other/network_reset'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides as Partial<TelemetryEventInput>)).toBe(verdict);
  });
});

describe('a close recorded with its had-error flag false is no reset', () => {
  it.each([
    ["Node's flag after a socket's close", 'tunnel: socket closed, hadError=false'],
    ['the flag in brackets', 'upstream connection closed [false]'],
  ] as const)('%s', (_label, log) => {
    expect(verdictOf({ ...proxy, handshake: { status: 503 }, labels: { client_log: log } })).toBe('other/http_rejected');
  });

  it.each([
    ['the flag true', 'tunnel: socket closed, hadError=true', 'other/network_reset'],
    ['a close without the flag', 'upstream connection closed', 'other/network_reset'],
    ['a reset named beside the flag', 'socket closed, hadError=false\nread ECONNRESET', 'other/network_reset'],
  ] as const)('hard negative: %s', (_label, log, verdict) => {
    expect(verdictOf({ ...proxy, labels: { client_log: log } })).toBe(verdict);
  });
});

describe("a proxy's codeless Close frame before a drop in its lines", () => {
  const opened = { ...proxy, outcome: 'closed', handshake: { status: 101 } } as const;
  it.each([
    ['the client closed, the backend leg reset', { error: { message: 'backend: read tcp 10.0.0.2:4431->10.0.0.7:80: read: connection reset by peer' }, close: { code: 1005, initiator: 'client', on_wire: false } }, 'none/normal_closure'],
    ['the server closed, then an EOF', { error: { message: 'copy to client: unexpected EOF' }, close: { code: 1005, initiator: 'server', on_wire: false } }, 'none/normal_closure'],
  ] as const)('%s', (_label, overrides, verdict) => {
    expect(verdictOf({ ...opened, ...overrides } as Partial<TelemetryEventInput>)).toBe(verdict);
  });

  it.each([
    ["the proxy's own error code", { error: { code: 'ECONNRESET', message: 'proxy error: read ECONNRESET' }, close: { code: 1005, initiator: 'server', on_wire: false } }, 'other/abnormal_closure'],
    ['nobody named as closing', { error: { message: 'copy to client: unexpected EOF' }, close: { code: 1005, on_wire: false } }, 'other/abnormal_closure'],
    ["a client's own event", { source: { kind: 'client', service: 'c', runtime: 'c 1' }, error: { message: 'read: connection reset by peer' }, close: { code: 1005, initiator: 'server', on_wire: false } }, 'other/abnormal_closure'],
    ['a cause other than a drop', { error: { message: 'upstream: tls: failed to verify certificate: x509: certificate has expired or is not yet valid' }, close: { code: 1005, initiator: 'server', on_wire: false } }, '1015/cert_expired'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf({ ...opened, ...overrides } as Partial<TelemetryEventInput>)).toBe(verdict);
  });
});

describe("the answer's time in the timer's reading", () => {
  const unreadable = { ...proxy, handshake: { status: 502 }, error: { message: '[ERROR] upstream: error reading the answer' } } as const;
  it('an answer at 12 ms is no timer at 2 s', () => {
    expect(verdictOf({ ...unreadable, timing: { connect_ms: 0.2, upgrade_ms: 12, total_ms: 2000.4 } })).toBe('other/network_reset');
  });
  it('hard negative: no answer phase recorded keeps the whole attempt as the timer', () => {
    expect(verdictOf({ ...unreadable, timing: { total_ms: 2000.4 } })).toBe('other/network_timeout');
  });
});
