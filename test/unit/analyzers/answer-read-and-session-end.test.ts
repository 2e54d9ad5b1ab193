// Issue 11, round 6 (holdout-13's families in general form, 1.5.24): failures while reading the upgrade's answer (a reset
// or EOF, a timeout the timing shows, a malformed answer, a verdict on the answer decided by the status); opened sessions
// that end (no close at all, an API's 1006 next to an EOF, message-too-big reported as a drop); extension failures from
// the headers or a value error alone, and a client that went on with the answer is never 1010. Each text names where it
// comes from; texts from holdout-13 are its lab's reproductions (test/fixtures/holdout-13/README.md).
import { describe, expect, it } from 'vitest';
import { classify } from '../../../analyzers/classify.js';
import { blankTracebackCode } from '../../../analyzers/concepts/traceback.js';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { event } from './event-builder.js';

type Case = readonly [label: string, input: Partial<TelemetryEventInput>, attribution: string, cause: string];
const check = (input: Partial<TelemetryEventInput>) => classify(event(input));
const failedRead = (message: string, total_ms?: number): Partial<TelemetryEventInput> => ({ error: { message }, ...(total_ms === undefined ? {} : { timing: { total_ms } }) });
// Written for these tests in the shape CPython prints a traceback (no stack's text): the source line configures 8 s.
const pyRead = 'Traceback (most recent call last):\n  File "/app/probe.py", line 9, in <module>\n    conn.connect(timeout=8)\nOSError: failed reading the status line';
const opened = (extra: Partial<TelemetryEventInput>): Partial<TelemetryEventInput> => ({ outcome: 'closed', handshake: { status: 101 }, ...extra });

describe('a failure while reading the upgrade\'s answer: a reset, a timeout by its timing, or a malformed answer', () => {
  it.each<Case>([
    // IXWebSocket 11.4.6 (holdout-13 lab: server RST / FIN after the TLS handshake, before the 101).
    ['IXWebSocket, reset 25 ms in', failedRead('Failed reading HTTP status line from wss://localhost:48301/reset101', 25), 'other', 'network_reset'],
    // CPython http.client.RemoteDisconnected (Lib/http/client.py), niquests/urllib3 (holdout-13 lab).
    ['CPython http.client', { error: { name: 'niquests.exceptions.ConnectionError', message: 'Remote end closed connection without response' } }, 'other', 'network_reset'],
    // mitmproxy 8 reverse mode (holdout-13 lab: origin closes on the upgrade request).
    ['mitmproxy log line', { source: { kind: 'proxy', service: 'gw' }, error: { message: '127.0.0.1:34114: GET https://localhost:48501/cut\n << server closed connection' } }, 'other', 'network_reset'],
    // nginx error log (src/http/ngx_http_upstream.c: "upstream prematurely closed connection while reading response header").
    ['nginx upstream', failedRead('upstream prematurely closed connection while reading response header from upstream'), 'other', 'network_reset'],
    // Written in the shapes the brief lists (no stack named): reads that name no cause are resets unless their timing says otherwise.
    ['error reading response headers', failedRead('error reading response headers'), 'other', 'network_reset'],
    ['unexpected EOF while reading status', failedRead('unexpected EOF while reading status'), 'other', 'network_reset'],
  ])('reset: %s', (_label, input, attribution, cause) => {
    expect(check(input)).toMatchObject({ attribution, cause });
  });

  it.each<Case>([
    // IXWebSocket (holdout-13 lab: the server never answers; the client's 5 s handshake timeout ends it at 5001 ms).
    ['IXWebSocket at its 5 s timer', failedRead('Failed reading HTTP status line from wss://localhost:48301/hang', 5001), 'other', 'network_timeout'],
    ['a read that failed at 10 s', failedRead('error reading response headers', 10_003), 'other', 'network_timeout'],
    // A timeout the text configures where only the timing reads it (a traceback's source line, "timeout=8"), reached.
    ['reached the timeout its traceback configures', failedRead(pyRead, 8004), 'other', 'network_timeout'],
    // No evidence but the attempt's length at a whole second (faye, holdout-8: the client gave up at 5 s).
    ['no text, ended at 5 s', { timing: { total_ms: 5024 } }, 'other', 'network_timeout'],
  ])('timeout: %s', (_label, input, attribution, cause) => {
    expect(check(input)).toMatchObject({ attribution, cause });
  });

  it.each<Case>([
    // Hard negatives: a drop at an odd time, or before a configured timeout, stays a reset; a reset word is a fact whatever the time.
    ['2.4 s, no bound', failedRead('Failed reading HTTP status line', 2437), 'other', 'network_reset'],
    ['a whole 5 s, before the 8 s its traceback configures', failedRead(pyRead, 5001), 'other', 'network_reset'],
    ['an explicit reset at 5 s', failedRead('read: connection reset by peer', 5001), 'other', 'network_reset'],
    ['no text, 430 ms', { timing: { total_ms: 430 } }, 'other', 'unknown_failure'],
  ])('not a timeout: %s', (_label, input, attribution, cause) => {
    expect(check(input)).toMatchObject({ attribution, cause });
  });

  it.each<Case>([
    // Go net/http (src/net/http/transport.go: "malformed HTTP response %q"): bytes came that are no HTTP.
    ['Go net/http', failedRead('net/http: HTTP/1.x transport connection broken: malformed HTTP response "\\x15\\x03\\x01\\x00\\x02\\x02"'), 'other', 'protocol_error'],
    // quickws 0.2.2 (holdout-13 lab: a 101 with a wrong accept; the library misspells the field).
    ['quickws accept field', failedRead('The value of Sec-WebSocketAaccept field is invalid'), 'other', 'protocol_error'],
    // Written for this test: an answer said to be no HTTP at all.
    ['not valid HTTP', failedRead('response is not valid HTTP'), 'other', 'protocol_error'],
    // Hard negatives: an empty or cut answer stays a drop, also after a verb ("returned", "received"); the Protocol and
    // Extensions fields keep their own causes.
    ['invalid response (empty)', failedRead('Invalid response'), 'other', 'network_reset'],
    ['returned an incomplete response', failedRead('The server returned an invalid or incomplete HTTP response'), 'other', 'network_reset'],
    ['Sec-WebSocket-Protocol field', failedRead('The value of Sec-WebSocket-Protocol field is invalid'), 'other', 'subprotocol_mismatch'],
  ])('malformed: %s', (_label, input, attribution, cause) => {
    expect(check(input)).toMatchObject({ attribution, cause });
  });

  it.each<Case>([
    // gorilla/websocket ErrBadHandshake (client.go), in k6 and hertz-contrib/websocket (holdout-13 lab): a wrong accept. With no
    // status the event does not say whether a status or a header was refused (1.5.26, "a refused upgrade answer without its reason").
    ['k6, no status', failedRead('websocket: bad handshake'), 'other', 'unknown_failure'],
    ['hertz, status 101', { handshake: { status: 101 }, error: { message: 'websocket: bad handshake', name: '*errors.errorString' } }, 'other', 'protocol_error'],
    // Hard negatives: a status other than 101 in the event is the refusal (corpus-go-25, holdout13-hertz-26/28).
    ['status 403', { handshake: { status: 403 }, error: { message: 'websocket: bad handshake' } }, 'other', 'http_rejected'],
    ['status 401', { handshake: { status: 401 }, error: { message: 'websocket: bad handshake' } }, 'other', 'http_auth_rejected'],
    ['status 502', { handshake: { status: 502 }, error: { message: 'websocket: bad handshake' } }, 'other', 'http_rejected'],
  ])('bad handshake: %s', (_label, input, attribution, cause) => {
    expect(check(input)).toMatchObject({ attribution, cause });
  });
});

describe('an opened session that ends: no close at all is a drop, a clean close needs a code or a closing side', () => {
  it.each<Case>([
    // k6 1.8 k6/websockets (holdout-13 lab: origin RST / FIN 0.3 s after the 101; onclose with no code, no error).
    ['k6 probe, no code', opened({ source: { kind: 'probe', service: 'probe' }, handshake: { status: 101, response_extensions: '' } }), 'other', 'abnormal_closure'],
    // AnyEvent::WebSocket::Client 0.54 (holdout-12 lab: reset after the 101, finish with no code).
    ['AnyEvent, no code', opened({}), 'other', 'abnormal_closure'],
    // libwebsockets 4.1 (holdout-4: a close the API made up with nobody named).
    ['libwebsockets, initiator unknown', opened({ close: { initiator: 'unknown', on_wire: false } }), 'other', 'abnormal_closure'],
    // gorilla/websocket in k6 (holdout-13 lab): CloseError{1006, "unexpected EOF"} recorded as read from a frame.
    ['gorilla 1006 with unexpected EOF', opened({ error: { message: 'websocket: close 1006 (abnormal closure): unexpected EOF' }, close: { code: 1006, reason: 'unexpected EOF', initiator: 'client', on_wire: true } }), 'other', 'abnormal_closure'],
    // Squid 5.7 access log (holdout-13 lab): a tunnel that ended with an error code recorded.
    ['Squid tunnel with an error code', opened({ source: { kind: 'proxy', service: 'gw' }, target: { url: 'ws://localhost:48600/x' }, error: { code: 'ERR_CANNOT_FORWARD', message: '2026-12-02T22:08:08.827    304 127.0.0.1 TCP_TUNNEL/101 0 GET http://localhost/good/drop - FIRSTUP_PARENT/127.0.0.1:48501 err=ERR_CANNOT_FORWARD/-' } }), 'other', 'abnormal_closure'],
  ])('drop: %s', (_label, input, attribution, cause) => {
    expect(check(input)).toMatchObject({ attribution, cause });
  });

  it.each<Case>([
    // Hard negatives. websocket.el (holdout-11): the client closed, no code exposed, the closing side named.
    ['emacs websocket.el, client closed', { outcome: 'closed', close: { initiator: 'client' } }, 'none', 'normal_closure'],
    ['a Close frame without a status (1005)', opened({ close: { code: 1005, initiator: 'server', on_wire: false } }), 'none', 'normal_closure'],
    ['close 1000', opened({ close: { code: 1000, initiator: 'server', on_wire: true } }), 'none', 'normal_closure'],
    // A reason without a code: only a Close frame carries one (RFC 6455 §5.5.1).
    ['a reason, no code', opened({ close: { reason: 'bye' } }), 'none', 'normal_closure'],
    // Apache Traffic Server squid.log (holdout-8): a 101 tunnel's line with no error code is its orderly end.
    ['Traffic Server 101 line, no error', opened({ source: { kind: 'proxy', service: 'gw' }, handshake: undefined, error: { message: '234 127.0.0.1 TCP_MISS/101 193 GET wss://localhost:24206/ - DIRECT/localhost -' } }), 'none', 'normal_closure'],
    // A gorilla 1006 whose texts name no EOF or reset is still a code that must not be on the wire.
    ['1006 read from a frame, no drop named', opened({ close: { code: 1006, initiator: 'server', on_wire: true } }), 'other', 'protocol_error'],
  ])('not a drop: %s', (_label, input, attribution, cause) => {
    expect(check(input)).toMatchObject({ attribution, cause });
  });

  it.each<Case>([
    // gorilla/websocket ErrReadLimit (conn.go "websocket: read limit exceeded"), in hertz-contrib/websocket (holdout-13 lab).
    ['gorilla read limit', opened({ error: { message: 'websocket: read limit exceeded', name: '*errors.errorString' } }), 'other', 'message_too_big'],
    // wtx 0.46 (holdout-13 lab: set_max_payload_len(65536), a 2 MiB message).
    ['wtx VeryLargePayload', opened({ error: { message: 'WebSocketError(VeryLargePayload)' } }), 'other', 'message_too_big'],
    // ws for Node (lib/receiver.js: RangeError "Max payload size exceeded", WS_ERR_UNSUPPORTED_MESSAGE_LENGTH) reported with 1006.
    ['ws max payload with 1006', opened({ error: { message: 'Max payload size exceeded', code: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' }, close: { code: 1006, on_wire: false } }), 'other', 'message_too_big'],
    // A 1006 whose reason is the close code the session ended on (quickws reports its own 1009 so, holdout-13 README).
    ['1006, reason 1009', opened({ close: { code: 1006, reason: '1009', on_wire: false } }), 'other', 'message_too_big'],
    ['1006, reason "close 1002: protocol error"', opened({ close: { code: 1006, reason: 'close 1002: protocol error', on_wire: false } }), 'other', 'protocol_error'],
    // Hard negatives: a 1006 whose reason names 1000 or an EOF is a drop.
    ['1006, reason 1000', opened({ close: { code: 1006, reason: '1000', on_wire: false } }), 'other', 'abnormal_closure'],
    ['1006, reason unexpected EOF', opened({ close: { code: 1006, reason: 'unexpected EOF', on_wire: false } }), 'other', 'abnormal_closure'],
  ])('message too big and codes in the reason: %s', (_label, input, attribution, cause) => {
    expect(check(input)).toMatchObject({ attribution, cause });
  });
});

describe('1010 from the headers or a value error alone; a client that went on with the answer is never 1010', () => {
  const offer = 'no-masking, permessage-deflate; client_max_window_bits=12; server_max_window_bits=12; client_no_context_takeover; server_no_context_takeover';
  it.each<Case>([
    // wtx 0.46 (holdout-13 lab: the 101 answers server_max_window_bits=7; the answer itself is not recorded).
    ['wtx UnexpectedUint', { handshake: { request_extensions: offer }, error: { message: 'UnexpectedUint { received: 7 }' } }, '1010', 'extension_params_rejected'],
    ['invalid integer 20', { handshake: { request_extensions: 'permessage-deflate; server_max_window_bits=10' }, error: { message: 'invalid integer value: 20' } }, '1010', 'extension_params_rejected'],
    // Wrapper events with only the headers (hertz/quickws/k6 wrappers in holdout-13): a timeout text does not outrank them.
    ['required missing, 1010, a timeout text', { handshake: { status: 101, response_extensions: '', required_extensions: ['permessage-deflate'] }, close: { code: 1010, initiator: 'client', on_wire: true }, error: { message: 'context deadline exceeded' } }, '1010', 'extension_not_negotiated'],
    ['unoffered answer, 1010', { outcome: 'closed', handshake: { status: 101, request_extensions: 'permessage-deflate', response_extensions: 'x-webkit-deflate-frame', required_extensions: ['permessage-deflate'] }, close: { code: 1010, initiator: 'client', on_wire: false, reason: 'permessage-deflate required' } }, '1010', 'extension_params_rejected'],
    ['answer with none offered, failed after the 101', { handshake: { status: 101, request_extensions: '', response_extensions: 'permessage-deflate' }, error: { message: 'i/o timeout' } }, '1010', 'extension_params_rejected'],
    ['duplicated parameter, failed', { handshake: { status: 101, request_extensions: 'permessage-deflate', response_extensions: 'permessage-deflate; server_no_context_takeover; server_no_context_takeover' } }, '1010', 'extension_params_rejected'],
    // webkitgtk (holdout-6): a page that cannot send 1010 closes 4010 on a missing requirement.
    ['4010 from the client', { outcome: 'closed', handshake: { request_extensions: 'permessage-deflate', response_extensions: '', required_extensions: ['permessage-deflate'] }, close: { code: 4010, initiator: 'client', on_wire: true } }, '1010', 'extension_not_negotiated'],
  ])('1010: %s', (_label, input, attribution, cause) => {
    expect(check(input)).toMatchObject({ attribution, cause });
  });

  it.each<Case>([
    // quickws 0.2.2 (holdout-13 lab): deflate agreed, the client closed 1000 and reports the close as an error object.
    ['quickws closed 1000 with an error object', opened({ handshake: { status: 101, request_extensions: 'permessage-deflate; client_no_context_takeover; server_no_context_takeover', response_extensions: 'permessage-deflate' }, error: { message: '<quickws close: code:1000 msg:NormalClosure>' }, close: { code: 1000, initiator: 'client', on_wire: true } }), 'none', 'normal_closure'],
    // A session that went on and then dropped: the answer was accepted, whatever a replay finds.
    ['dropped later, answer replay would reject', opened({ handshake: { status: 101, request_extensions: 'permessage-deflate; server_no_context_takeover', response_extensions: 'permessage-deflate' }, close: { code: 1006, on_wire: false } }), 'other', 'abnormal_closure'],
    ['required missing, yet it went on and dropped', opened({ handshake: { status: 101, response_extensions: '', required_extensions: ['permessage-deflate'] }, close: { code: 1006, on_wire: false } }), 'other', 'abnormal_closure'],
    ['connected with an invalid answer', { outcome: 'connected', handshake: { status: 101, request_extensions: 'permessage-deflate', response_extensions: 'permessage-deflate; server_max_window_bits=7' } }, 'none', 'connected'],
    // Value errors that are no window bits: a valid window-bits number, or no window bits offered.
    ['value 12 is a valid window', { handshake: { request_extensions: offer }, error: { message: 'UnexpectedUint { received: 12 }' } }, 'other', 'unknown_failure'],
    ['no window bits offered', { handshake: { request_extensions: 'permessage-deflate' }, error: { message: 'UnexpectedUint { received: 7 }' } }, 'other', 'unknown_failure'],
    ['a status other than 101', { handshake: { status: 400, request_extensions: offer }, error: { message: 'invalid value 7' } }, 'other', 'http_rejected'],
  ])('not 1010: %s', (_label, input, attribution, cause) => {
    expect(check(input)).toMatchObject({ attribution, cause });
  });

  // wsproto 1.3 under niquests (holdout-13 lab): the innermost frame is wsproto/extensions.py; the source lines quote
  // "timeout=8", a keyword argument, not a timeout that happened.
  const traceback = (last: string) =>
    [
      'Traceback (most recent call last):',
      '  File "/app/nq.py", line 21, in <module>',
      '    r = s.get(url, verify="/app/root.crt", timeout=8, **kw)',
      '  File "/venv/lib/python3.11/site-packages/wsproto/extensions.py", line 146, in finalize',
      '    self.server_max_window_bits = int(bit.split("=", 1)[1].strip())',
      '                                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      last,
    ].join('\n');
  it.each<Case>([
    ['ValueError', { error: { name: 'ValueError', message: traceback("ValueError: invalid literal for int() with base 10: '\"1 0\"'") } }, '1010', 'extension_params_rejected'],
    ['IndexError', { error: { name: 'IndexError', message: traceback('IndexError: list index out of range') } }, '1010', 'extension_params_rejected'],
    // Hard negatives: the same frames after the session opened are about compressed messages; a traceback elsewhere names no extension.
    ['after open (frames, RFC 6455 §5.2)', opened({ error: { name: 'IndexError', message: traceback('IndexError: list index out of range') } }), 'other', 'protocol_error'],
    ['raised in the HTTP client', { error: { message: 'Traceback (most recent call last):\n  File "/app/nq.py", line 21, in <module>\n    r = s.get(url, timeout=8)\n  File "/venv/lib/python3.11/site-packages/urllib3/connection.py", line 80, in connect\n    raise ValueError(msg)\nValueError: bad port' } }, 'other', 'unknown_failure'],
  ])('traceback: %s', (_label, input, attribution, cause) => {
    expect(check(input)).toMatchObject({ attribution, cause });
  });

  it('blanks the quoted source lines of a traceback and keeps offsets', () => {
    const text = traceback('IndexError: list index out of range');
    const blanked = blankTracebackCode(text);
    expect(blanked).toHaveLength(text.length);
    expect(blanked).not.toContain('timeout=8');
    expect(blanked).toContain('line 146, in finalize');
    expect(blanked).toContain('IndexError: list index out of range');
  });
});
