// Issue 11, round 41 (r41-b, 1.5.124): families in general form. A refused upgrade's quoted status line whose reason phrase names the
// extension (RFC 9112 §4: the reason phrase is the server's text), in the notations OkHttp, websocket-client and curl print; a close
// code restated with its reason in a client's text (a CloseEvent's fields dumped, "closed, <reason>") where the close carries the code
// alone (convention 11); a close without a Close frame stated of an attempt that never opened (convention "A 1006 before the
// connection opened"); a Go trace whose frame is the runtime's panic, however recovered (convention 17). Texts are written for these
// tests in the shapes the cited sources print (names and values changed); none is a line of a held-out set.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { quotedReasonPhrases } from '../../../analyzers/status-line-reason.js';
import { verdictOf } from './event-builder.js';

const server = { kind: 'server', service: 'test', runtime: 'go 1.22' } as const;

describe("a refused upgrade's quoted status line whose reason phrase names the extension (RFC 9112 §4)", () => {
  const refused = (status: number, where: 'message' | 'log', text: string): Partial<TelemetryEventInput> =>
    where === 'message' ? { handshake: { status }, error: { message: text } } : { handshake: { status }, labels: { client_log: text } };
  it.each([
    ["OkHttp's ProtocolException", 400, 'message', "java.net.ProtocolException: Expected HTTP 101 response but was '400 permessage-deflate: client_max_window_bits out of range'"],
    ["websocket-client's bad status, a 403", 403, 'message', "Handshake status 403 Sec-WebSocket-Extensions refused: unknown extension x-foo -+-+- {'content-length': '0'} -+-+- b''"],
    ["curl's verbose answer, a 500", 500, 'log', '* Connected to api.example.com\n< HTTP/1.1 500 Unsupported extension permessage-deflate parameter\n< Content-Length: 0'],
    ['a client log beside a TLS line of its own', 500, 'log', 'TLS session resumed\nresponse: HTTP/1.1 500 Could not negotiate permessage-deflate\nConnection: close'],
    ['a parameter named without the extension', 400, 'log', 'upgrade refused, answer: HTTP/1.1 400 Invalid server_max_window_bits in offer\nConnection: close'],
    ['an extension named with no verdict word', 500, 'log', '< HTTP/1.1 500 Failed to set up extension x-webkit-deflate-frame\n< Content-Length: 0'],
  ] as const)('%s', (_label, status, where, text) => {
    expect(verdictOf(refused(status, where, text))).toBe('1010/extension_params_rejected');
  });

  it.each([
    ["OkHttp's standard phrase", 400, 'message', "java.net.ProtocolException: Expected HTTP 101 response but was '400 Bad Request'", 'other/http_rejected'],
    ["websocket-client's standard phrase", 500, 'message', "Handshake status 500 Internal Server Error -+-+- {} -+-+- b''", 'other/http_rejected'],
    ['a 403 Forbidden', 403, 'log', '< HTTP/1.1 403 Forbidden\n< Content-Length: 0', 'other/http_rejected'],
    ['a phrase naming a missing key beside the extension', 400, 'log', '< HTTP/1.1 400 Missing Sec-WebSocket-Key (permessage-deflate offer ignored)', 'other/protocol_error'],
    ['a 401 naming a token', 401, 'log', '< HTTP/1.1 401 invalid token for permessage-deflate session', 'other/http_auth_rejected'],
    ["a gateway's 5xx (the upstream's failure)", 502, 'log', '< HTTP/1.1 502 upstream refused permessage-deflate', 'other/http_rejected'],
    ['the offer in the request, a standard phrase in the answer', 400, 'log', 'sent GET /ws with Sec-WebSocket-Extensions: permessage-deflate\n< HTTP/1.1 400 Bad Request', 'other/http_rejected'],
  ] as const)('hard negative: %s', (_label, status, where, text, verdict) => {
    expect(verdictOf(refused(status, where, text))).toBe(verdict);
  });

  it('reads no note (the maker\'s words)', () => {
    expect(verdictOf({ handshake: { status: 400 }, labels: { note: 'HTTP/1.1 400 permessage-deflate: invalid client_max_window_bits' } })).toBe('other/http_rejected');
  });

  it.each([
    ['a status line', 'HTTP/1.1 400 permessage-deflate: bad\r\nConnection: close', 400, ['permessage-deflate: bad']],
    ["another code's line", 'HTTP/1.1 502 Bad Gateway', 400, []],
    ["OkHttp's notation", "was '403 nope'", 403, []],
    ["OkHttp's full notation", "Expected HTTP 101 response but was '403 nope'", 403, ['nope']],
    ["websocket-client's notation", 'Handshake status 400 Bad Request -+-+- {}', 400, ['Bad Request']],
  ] as const)('quotedReasonPhrases: %s', (_label, text, status, phrases) => {
    expect(quotedReasonPhrases(text, status)).toEqual(phrases);
  });
});

describe("a close code restated with its reason in a client's text, the close carrying the code alone (convention 11)", () => {
  const closed = (code: number, extra: Partial<TelemetryEventInput>): Partial<TelemetryEventInput> => ({ outcome: 'closed', handshake: { status: 101 }, close: { code }, ...extra });
  it.each([
    ["a DOM CloseEvent's fields dumped", 4001, { error: { message: "WebSocket closed: CloseEvent { code: 4001, reason: 'Unauthorized', wasClean: true }" } }, 'other/http_auth_rejected'],
    ['code=/reason= fields, 4003 Forbidden', 4003, { error: { message: 'socket disconnected (code=4003, reason=Forbidden)' } }, 'other/unknown_failure'],
    ["a drop word beside the restated close: the close's words decide", 4100, { error: { message: "connection lost: code=4100 reason='session ended'" } }, 'none/normal_closure'],
    ['a 1005 restated with an empty reason', 1005, { error: { message: "disconnected: code: 1005, reason: ''" } }, 'none/normal_closure'],
    ["a pending request's error quoting the close's reason", 4001, { labels: { request_error: 'ConnectionError: connection was closed, Unauthorized' } }, 'other/http_auth_rejected'],
  ] as const)('%s', (_label, code, extra, verdict) => {
    expect(verdictOf(closed(code, extra))).toBe(verdict);
  });

  it.each([
    ['a 1006 restated stays the drop', 1006, { error: { message: "disconnected: code=1006 reason=''" } }, 'other/abnormal_closure'],
    ['a drop word with no restated close', 4001, { error: { message: 'socket disconnected' } }, 'other/abnormal_closure'],
    ["a note (the maker's words) is not read", 4001, { labels: { note: 'ConnectionError: connection was closed, Unauthorized' } }, 'none/normal_closure'],
  ] as const)('hard negative: %s', (_label, code, extra, verdict) => {
    expect(verdictOf(closed(code, extra))).toBe(verdict);
  });
});

describe('a close without a Close frame stated of an attempt that never opened: the 1006 before open (unknown_failure)', () => {
  it.each([
    ["websockets' ConnectionClosedError", { error: { message: 'ConnectionClosedError: no close frame received or sent' } }],
    ['in prose', { error: { message: 'connection closed without a close frame' } }],
    ['a stated 1006 with no drop named', { error: { message: 'WebSocket connection closed abnormally (1006) without a closing handshake' } }],
    ["beside the API's made-up 1006", { close: { code: 1006 }, error: { message: 'the connection ended without a Close frame' } }],
  ] as const)('%s', (_label, extra) => {
    expect(verdictOf(extra)).toBe('other/unknown_failure');
  });

  it.each([
    ['after open', { outcome: 'closed', handshake: { status: 101 }, error: { message: 'ConnectionClosedError: no close frame received or sent' } }, 'other/abnormal_closure'],
    ['an EOF named (the reset/EOF convention reads it)', { error: { message: 'websocket: close 1006 (abnormal closure): unexpected EOF' } }, 'other/abnormal_closure'],
    ["beside a gateway's answer", { handshake: { status: 502 }, error: { message: 'connection closed without a close frame' } }, 'other/abnormal_closure'],
  ] as const)('hard negative: %s', (_label, extra, verdict) => {
    expect(verdictOf(extra as Partial<TelemetryEventInput>)).toBe(verdict);
  });
});

describe("a Go trace whose frame is the runtime's panic, recovered by a middleware after open (convention 17)", () => {
  const opened = (message: string): Partial<TelemetryEventInput> => ({ source: server, outcome: 'closed', handshake: { status: 101 }, error: { message } });
  it('a recovered panic logged with debug.Stack()', () => {
    const trace = 'recovered from handler: assignment to entry in nil map\ngoroutine 57 [running]:\nruntime/debug.Stack()\n\t/usr/local/go/src/runtime/debug/stack.go:26 +0x5e\npanic({0x6e1b20?, 0x7c2f90?})\n\t/usr/local/go/src/runtime/panic.go:770 +0x132\nmain.wsHandler(...)\n\t/app/main.go:40 +0x1a';
    expect(verdictOf(opened(trace))).toBe('other/server_error');
  });
  it.each([
    ['a goroutine trace without a panic frame', 'recover: handler stopped\ngoroutine 9 [running]:\nmain.wsHandler(...)\n\t/app/main.go:40 +0x1a', 'other/abnormal_closure'],
    ['a reset beside a goroutine dump', 'read loop ended: read tcp 127.0.0.1:80: connection reset by peer\ngoroutine 9 [IO wait]:\ninternal/poll.runtime_pollWait(0x7f2a, 0x72)', 'other/abnormal_closure'],
  ])('hard negative: %s', (_label, message, verdict) => {
    expect(verdictOf(opened(message))).toBe(verdict);
  });
});
