// Round 39 (r39-a, 1.5.117): an extension offer refused with any status the server answered itself (convention "An extension refused
// with any status"), a chained traceback's negotiation frame, an observer's view of an answer RFC 7692 does not oblige a client to
// fail on, the WebSocket headers named as a group in a 400, an own 1000 whose reason records a keepalive that ran out, and a close
// whose reason refuses a registered code. Texts are written for these tests from other libraries' wordings (ws's and Python
// websockets' parameter errors, websockets' permessage_deflate.py frames, aiohttp's Upgrade refusal, warp's and websockets'
// keepalive reasons, an older ws's close-code check); none is a held-out line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { emitter, verdictOf } from './event-builder.js';

const server = emitter('server');
const proxy = emitter('proxy');
const refused = (status: number, message: string, extra: Partial<TelemetryEventInput> = {}): Partial<TelemetryEventInput> => ({
  ...server,
  handshake: { status, request_extensions: 'permessage-deflate; server_max_window_bits=7', response_extensions: '' },
  error: { message },
  ...extra,
});

describe('an extension offer refused with any status the server answered itself', () => {
  it.each([
    ["ws's parameter check under a 500", refused(500, 'TypeError: Invalid value for parameter "server_max_window_bits": 7')],
    ["Python websockets' duplicate parameter under a 500", refused(500, 'websockets.exceptions.DuplicateParameter: duplicate parameter: client_max_window_bits')],
    ['an unknown parameter under a 422', refused(422, 'Unknown parameter "x-level" in Sec-WebSocket-Extensions offer')],
    ['the offer named invalid in a 500 page', refused(500, 'Internal Server Error', { labels: { response_body: 'invalid Sec-WebSocket-Extensions: server_max_window_bits out of range' } })],
  ] as const)('%s', (_label, overrides) => {
    expect(verdictOf(overrides)).toBe('1010/extension_params_rejected');
  });

  it.each([
    ["an application's exception under a 500", refused(500, 'RuntimeError: database pool exhausted'), 'other/http_rejected'],
    ["a proxy's 500 (a gateway's status for its upstream)", { ...refused(500, 'upstream prematurely closed connection'), ...proxy }, 'other/network_reset'],
    ['a 503 with no text of an extension', refused(503, 'Service Unavailable: draining'), 'other/http_rejected'],
    ['a 500 whose words are about a file extension', refused(500, 'ValueError: unknown file extension .tmpl'), 'other/http_rejected'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides as Partial<TelemetryEventInput>)).toBe(verdict);
  });
});

// A Python server's log: the negotiation's exception, then the handler's own failure while cleaning up.
const chained = (frame: string, source: string, exception: string): string =>
  `ERROR:app: Uncaught exception GET /ws\nTraceback (most recent call last):\n  File "/srv/app/server.py", line 88, in accept\n    await self.negotiate(request)\n  ${frame}\n    ${source}\n${exception}\nDuring handling of the above exception, another exception occurred:\nTraceback (most recent call last):\n  File "/srv/app/server.py", line 95, in accept\n    self.transport.close()\nAttributeError: 'NoneType' object has no attribute 'close'`;

describe("a chained traceback whose first exception was raised in the extension negotiation's code", () => {
  it('a parse error in permessage_deflate.py under a 500', () => {
    const log = chained('File "/srv/venv/lib/python3.12/site-packages/websockets/extensions/permessage_deflate.py", line 420, in process_request_params', 'server_max_window_bits = int(value)', "ValueError: invalid literal for int() with base 10: 'x'");
    expect(verdictOf({ ...refused(500, "ValueError: invalid literal for int() with base 10: 'x'"), labels: { server_log: log } })).toBe('1010/extension_params_rejected');
  });

  it.each([
    ["the same parse error in the application's own code", chained('File "/srv/app/handlers.py", line 17, in parse_user', 'user_id = int(value)', "ValueError: invalid literal for int() with base 10: 'x'"), 'other/http_rejected'],
    ['a negotiation frame that raised no parse error', chained('File "/srv/venv/lib/python3.12/site-packages/websockets/extensions/permessage_deflate.py", line 420, in process_request_params', 'self.pool.acquire()', 'TimeoutError'), 'other/http_rejected'],
  ] as const)('hard negative: %s', (_label, log, verdict) => {
    expect(verdictOf({ ...refused(500, 'Internal Server Error'), labels: { server_log: log } })).toBe(verdict);
  });
});

describe("an observer's view of a permessage-deflate answer (RFC 7692 §7: what every client must fail on)", () => {
  const open = (kind: typeof server | typeof proxy, request: string, response: string): Partial<TelemetryEventInput> => ({ ...kind, outcome: 'connected', handshake: { status: 101, request_extensions: request, response_extensions: response } });
  it.each([
    ["a server's answer without server_no_context_takeover", open(server, 'permessage-deflate; server_no_context_takeover', 'permessage-deflate'), 'none/connected'],
    ["a proxy's relayed answer without either no_context_takeover", open(proxy, 'permessage-deflate; server_no_context_takeover; client_no_context_takeover', 'permessage-deflate'), 'none/connected'],
    ["a server's answer with server_no_context_takeover echoed", open(server, 'permessage-deflate; server_no_context_takeover', 'permessage-deflate; server_no_context_takeover'), 'none/connected'],
  ] as const)('%s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides)).toBe(verdict);
  });

  it.each([
    ['client_max_window_bits answered to an offer without it (§7.1.2.2)', open(server, 'permessage-deflate; server_no_context_takeover', 'permessage-deflate; client_max_window_bits=10'), '1010/extension_params_rejected'],
    ['an unknown parameter answered', open(proxy, 'permessage-deflate; server_no_context_takeover', 'permessage-deflate; x-level=9'), '1010/extension_params_rejected'],
    [
      "a client's own failed event with the same headers (its replay stays: a client may refuse a server that keeps its context)",
      { target: { url: 'ws://app.example.test/ws' }, handshake: { status: 101, request_extensions: 'permessage-deflate; server_no_context_takeover', response_extensions: 'permessage-deflate' } },
      '1010/extension_params_rejected',
    ],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides as Partial<TelemetryEventInput>)).toBe(verdict);
  });
});

describe('a 400 whose texts name the WebSocket request headers, as a group or restricted to a value', () => {
  const bad = (status: number, body: string): Partial<TelemetryEventInput> => ({ ...server, handshake: { status }, labels: { response_body: body } });
  it.each([
    ['the headers named invalid', bad(400, 'Bad Request: invalid WebSocket handshake headers')],
    ['the header fields named missing', bad(400, 'websocket request header fields missing')],
    ["aiohttp's Upgrade restricted to websocket", bad(400, 'No WebSocket UPGRADE hdr: h2c\n Can "Upgrade" only to "WebSocket".')],
    ['the Upgrade field restricted in other words', bad(400, 'the "upgrade" header may only be websocket')],
  ] as const)('%s', (_label, overrides) => {
    expect(verdictOf(overrides)).toBe('other/protocol_error');
  });

  it.each([
    ['the same words beside a 403', bad(403, 'Missing WebSocket headers'), 'other/http_rejected'],
    ['a 400 about the body', bad(400, 'Bad Request: invalid JSON body'), 'other/http_rejected'],
    ['a 400 naming the headers with no verdict', bad(400, 'WebSocket headers received: 5'), 'other/http_rejected'],
    ['a 400 restricting the method, no header', bad(400, 'Only GET allowed'), 'other/http_rejected'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides)).toBe(verdict);
  });
});

describe("an emitter's own 1000 whose reason records that its keepalive ran out", () => {
  const closed = (kind: 'server' | 'client', initiator: 'server' | 'client', reason: string, code = 1000): Partial<TelemetryEventInput> => ({
    source: { kind, service: 's', runtime: 'test' },
    target: { url: 'ws://app.example.test/ws' },
    outcome: 'closed',
    handshake: { status: 101 },
    close: { code, initiator, on_wire: true, reason },
  });
  it.each([
    ["a server's own close, warp's reason", closed('server', 'server', 'keepalive timeout')],
    ["a server's own close, a pong that timed out", closed('server', 'server', 'pong timed out')],
    ["a client's own close, websockets' reason", closed('client', 'client', 'keepalive ping timeout')],
  ] as const)('%s', (_label, overrides) => {
    expect(verdictOf(overrides)).toBe('other/network_timeout');
  });

  it.each([
    ['the same 1000 received from the peer (convention 11)', closed('server', 'client', 'ping timed out'), 'none/normal_closure'],
    ["a client's record of the server's 1000", closed('client', 'server', 'keepalive timeout'), 'none/normal_closure'],
    ["a server's own 1000 with a routine reason", closed('server', 'server', 'session finished'), 'none/normal_closure'],
    ["a server's own 1001 for an idle session (going away stays)", closed('server', 'server', 'Connection Idle Timeout', 1001), 'none/going_away'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides)).toBe(verdict);
  });
});

describe('a clean close whose reason refuses a registered close code (convention 11: the refused code)', () => {
  const closed = (code: number, reason: string): Partial<TelemetryEventInput> => ({
    ...proxy,
    outcome: 'closed',
    handshake: { status: 101 },
    close: { code, initiator: 'server', on_wire: true, reason },
  });
  it.each([
    ['1014 refused, reported as 1001', closed(1001, 'invalid close code 1014 received'), 'other/server_error'],
    ['1012 refused, reported as 1000', closed(1000, 'Invalid WebSocket frame: invalid status code 1012'), 'other/service_restart'],
  ] as const)('%s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides)).toBe(verdict);
  });

  it.each([
    ['a code no frame may carry (1005)', closed(1001, 'Invalid WebSocket frame: invalid status code 1005'), 'none/going_away'],
    ['an HTTP status, no close code', closed(1001, 'invalid status code 404'), 'none/going_away'],
    ['a plain going-away reason', closed(1001, 'server shutting down'), 'none/going_away'],
  ] as const)('hard negative: %s', (_label, overrides, verdict) => {
    expect(verdictOf(overrides)).toBe(verdict);
  });
});
