// Round 41 (r41-a, 1.5.123): holdout-48's misses read as families: an extension offer refused in a server's log by a count or a value
// given to a parameter that takes none (RFC 7692 §7.1.1.1), a validity failure whose printed chain names its end (OpenJDK
// BasicChecker.verifyValidity), an HTTP reader's data ending before any answer (the connection's EOF, convention 2), an HTTP start
// line called invalid (RFC 9112 §2.1), a server's own record that the peer's bytes did not parse (convention 17), a Close frame's
// reason that something "closed" (convention 11), and a handler's exception its server logged at error level (convention 17). Texts
// are written for these tests from other libraries' wordings and the RFCs; none is a held-out line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { classify } from '../../../analyzers/classify.js';
import { emitter, event, verdictOf } from './event-builder.js';

const server = emitter('server');
const client = emitter('client');
const secureClient = emitter('client', 'wss');
const opened = { status: 101, request_extensions: '', response_extensions: '' } as const;

describe('an extension offer refused in a server log line by a count or by a value its parameter takes none of (RFC 7692 §7.1.1.1)', () => {
  const refused = (line: string): Partial<TelemetryEventInput> => ({
    ...server,
    outcome: 'failed',
    handshake: { status: 400, request_extensions: 'permessage-deflate' },
    labels: { server_log: `10:00:00.001 WARN upgrade refused: ${line}\n10:00:00.002 INFO "GET /ws HTTP/1.1" 400 0` },
  });
  it.each([
    ['an extension given twice', 'Sec-WebSocket-Extensions: x-webkit-deflate-frame given twice'],
    ['an extension listed multiple times', 'permessage-deflate listed multiple times in the offer'],
    ["RFC 7692's own wording, a parameter that must not have a value", 'server_no_context_takeover must not have a value'],
    ['a parameter that does not take a value', 'permessage-deflate: client_no_context_takeover does not take a value'],
  ] as const)('%s', (_label, line) => {
    expect(verdictOf(refused(line))).toBe('1010/extension_params_rejected');
  });

  it.each([
    ['a count of attempts beside a compression word', 'compression level set; handshake retried twice'],
    ['a value word with nothing refused', 'permessage-deflate offer has a window of 15'],
  ] as const)('hard negative: %s', (_label, line) => {
    expect(verdictOf(refused(line))).toBe('other/http_rejected');
  });
});

describe("a validity failure that does not say which end, whose printed chain names it (OpenJDK BasicChecker.verifyValidity)", () => {
  const pkix = 'javax.net.ssl.SSLHandshakeException: PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed';
  const failed = (labels: Record<string, string>): Partial<TelemetryEventInput> => ({ ...secureClient, outcome: 'failed', error: { name: 'javax.net.ssl.SSLHandshakeException', message: pkix }, labels });
  it.each([
    ["OkHttp's logged stack trace, a leaf not yet valid", { client_log: `${pkix}\n\tat okhttp3.internal.connection.RealConnection.connectTls(RealConnection.kt:379)\nCaused by: java.security.cert.CertPathValidatorException: validity check failed\nCaused by: java.security.cert.CertificateNotYetValidException: NotBefore: Sat Jan 01 00:00:00 GMT 2028` }, '1015/cert_not_yet_valid'],
    ["Jetty's client log, an expired leaf", { log: `WARN o.e.j.w.c.WebSocketClient - ${pkix}\nCaused by: java.security.cert.CertificateExpiredException: NotAfter: Mon Jan 01 00:00:00 GMT 2024` }, '1015/cert_expired'],
    ['a recorded cause chain in an error label', { error_cause: `${pkix}\nCaused by: java.security.cert.CertificateNotYetValidException: NotBefore: Sat Jan 01 00:00:00 GMT 2028` }, '1015/cert_not_yet_valid'],
  ] as const)('%s', (_label, labels, verdict) => {
    expect(verdictOf(failed(labels))).toBe(verdict);
  });

  it('hard negative: without the chain it stays the undecided reading, expired at 0.55', () => {
    const result = classify(event(failed({ client_log: pkix })));
    expect([`${result.attribution}/${result.cause}`, result.confidence]).toEqual(['1015/cert_expired', 0.55]);
  });
});

describe("an HTTP reader's data that ended before any answer: the connection's EOF (convention 2)", () => {
  it.each([
    ['an HTTP parser class, "unexpected end of input"', 'com.example.http.HttpParseException', 'Unexpected end of input'],
    ['a malformed-response class, "unexpected end of data"', 'MalformedHttpResponseException', 'unexpected end of data'],
  ] as const)('%s', (_label, name, message) => {
    expect(verdictOf({ ...client, outcome: 'failed', error: { name, message } })).toBe('other/network_reset');
  });

  it.each([
    ["Python's codec error, a payload cut short", { ...client, outcome: 'failed', error: { name: 'UnicodeDecodeError', message: "'utf-8' codec can't decode byte 0xe2 in position 10: unexpected end of data" } }],
    ['an HTTP class after a 101: the data that ended was a frame', { ...client, outcome: 'failed', handshake: opened, error: { name: 'HttpDecoderException', message: 'Unexpected end of input' } }],
  ] as const)('hard negative: %s', (_label, overrides) => {
    expect(verdictOf(overrides as Partial<TelemetryEventInput>)).toBe('other/protocol_error');
  });
});

describe('an HTTP start line called invalid (RFC 9112 §2.1: start-line = request-line / status-line)', () => {
  it.each([
    ['a client reading an answer that is no HTTP', 'Malformed start line in response'],
    ['a parser naming the start-line', 'invalid HTTP start-line'],
  ] as const)('%s', (_label, message) => {
    expect(verdictOf({ ...client, outcome: 'failed', error: { message } })).toBe('other/protocol_error');
  });

  it('hard negative: a start line named with no verdict', () => {
    expect(verdictOf({ ...client, outcome: 'failed', error: { message: 'start line received, waiting for headers' } })).toBe('other/unknown_failure');
  });
});

describe("a server's own record that the peer's bytes of an open session did not parse (convention 17)", () => {
  const closed = (message: string, kind: typeof server | typeof client = server): Partial<TelemetryEventInput> => ({ ...kind, outcome: 'closed', handshake: opened, error: { message } });
  it.each([
    ['a JSON message that failed to parse', 'session 42: failed to parse client message, dropping session'],
    ["XMPP's stream error (RFC 6120 §4.9.3.13)", "<stream:error><not-well-formed xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>"],
    ['an Erlang exit term naming the parse error', '** Reason for termination ==\n** {parse_error,<<"<message to=">>}'],
  ] as const)('%s', (_label, message) => {
    expect(verdictOf(closed(message))).toBe('other/protocol_error');
  });

  it.each([
    ["the server's own configuration file", 'failed to parse config file /etc/chat/app.yml'],
    ['an error that names no parse failure', 'session 42 terminated'],
  ] as const)('hard negative: %s', (_label, message) => {
    expect(verdictOf(closed(message))).toBe('other/abnormal_closure');
  });

  it("hard negative: a client's own parse failure is no server's record", () => {
    expect(verdictOf(closed('failed to parse client message', client))).not.toBe('other/protocol_error');
  });
});

describe("a Close frame's reason that something closed states the close itself (convention 11)", () => {
  const close = (code: number, reason: string): Partial<TelemetryEventInput> => ({ ...client, outcome: 'closed', handshake: opened, close: { code, reason, on_wire: true, initiator: 'server' } });
  it.each([
    ['a tab closed', 4001, 'tab closed'],
    ['a document closed', 4100, 'document closed'],
  ] as const)('%s', (_label, code, reason) => {
    expect(verdictOf(close(code, reason))).toBe('none/normal_closure');
  });

  it.each([
    ['closed unexpectedly', 4001, 'closed unexpectedly'],
    ['closed beside an error word', 4002, 'room closed: internal error'],
  ] as const)('hard negative: %s', (_label, code, reason) => {
    expect(verdictOf(close(code, reason))).not.toBe('none/normal_closure');
  });
});

describe("a handler's exception its server logged at error level, beside a close the API gives the client (convention 17)", () => {
  const ended = (name: string, message: string, log: string, kind: typeof server | typeof client = server): Partial<TelemetryEventInput> => ({
    ...kind,
    outcome: 'closed',
    handshake: opened,
    close: { initiator: 'client' },
    error: { name, message },
    labels: { server_log: log },
  });
  it.each([
    ["logback's pattern with the thread, the exception on the next line", 'java.lang.NullPointerException', 'player state missing', '12:00:01.123 [vert.x-eventloop-thread-0] ERROR io.vertx.core.impl.ContextImpl - Unhandled exception\njava.lang.NullPointerException: player state missing'],
    ["log4j's pattern without a thread", 'RuntimeException', 'cache not warmed yet', '2026-01-01 10:00:00,123 ERROR [app.Handler] RuntimeException: cache not warmed yet'],
  ] as const)('%s', (_label, name, message, log) => {
    expect(verdictOf(ended(name, message, log))).toBe('other/server_error');
  });

  it.each([
    ['the same record at warning level', ended('RuntimeException', 'cache not warmed yet', '2026-01-01 10:00:00,123 WARN [app.Handler] RuntimeException: cache not warmed yet')],
    ["a client's event", ended('RuntimeException', 'cache not warmed yet', '2026-01-01 10:00:00,123 ERROR [app.Handler] RuntimeException: cache not warmed yet', client)],
  ] as const)('hard negative: %s', (_label, overrides) => {
    expect(verdictOf(overrides)).toBe('none/normal_closure');
  });
});
