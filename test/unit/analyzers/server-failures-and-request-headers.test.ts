// Round 16 (holdout-22's families in general form, 1.5.51): a server's own failure beside the 1000 it then sent (RFC 6455
// §7.4.1: the failure is 1011's), invalid UTF-8 beside a 1000 (§8.1: 1007's), dated log-level fields (quiet or error records),
// resolver words only with resolver context, a 400 naming a WebSocket request header and a refused 101 (§4.1/§4.2.1), OpenSSL's
// certificate-signature verify results, Node's ERR_SSL_<reason> code, and a 1002's restart reason only where the API made the
// code up. Texts are written for these tests in the shapes the stacks print; none is a held-out line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { onlyQuietLines, recordsServerFailure } from '../../../analyzers/server-log-levels.js';
import { verifyCodeRow } from '../../../analyzers/verify-codes.js';
import { event, verdictOf } from './event-builder.js';

const server = { kind: 'server', service: 'quotes', runtime: 'python 3.12 app' } as const;
const client = { kind: 'client', service: 'quotes', runtime: 'python 3.12 app' } as const;
const opened = (message: string, extra: Partial<TelemetryEventInput> = {}): Partial<TelemetryEventInput> => ({
  source: server,
  outcome: 'closed',
  target: { url: 'ws://quotes.example.test/live' },
  handshake: { status: 101 },
  close: { code: 1000, initiator: 'server', on_wire: true },
  error: { message },
  ...extra,
});
const traceback = ['Traceback (most recent call last):', '  File "/srv/app/handlers.py", line 12, in live', "    raise KeyError('account')", "KeyError: 'account'"].join('\n');

describe("a server's own failure beside the 1000 it then sent", () => {
  it.each([
    ['an error record after the date', `App 2026-01-05 10:00:01 +0000 ERROR: handler crashed for /live\n${traceback}`],
    ['logging.BASIC_FORMAT\'s ERROR:<logger>:', `ERROR:app.ws:handler for /live failed\n${traceback}`],
    ['a bare traceback (an uncaught exception)', traceback],
    ['a framework\'s "Exception occurred while handling"', "Exception occurred while handling uri: 'ws://quotes.example.test/live'"],
    ['log4j-style level after the time', '2026-01-05 10:00:01,120 SEVERE  endpoint threw java.lang.IllegalStateException'],
  ] as const)('%s: server_error', (_label, message) => {
    expect(verdictOf(opened(message))).toBe('other/server_error');
  });

  it('the client closing 1000 on a session that stopped answering: still the server\'s failure', () => {
    expect(verdictOf(opened(traceback, { close: { code: 1000, initiator: 'client', on_wire: true } }))).toBe('other/server_error');
  });

  it('an open session whose handler raised: server_error, not connected', () => {
    expect(verdictOf(opened(`ERROR:app.ws:handler for /live failed\n${traceback}`, { outcome: 'connected', close: undefined }))).toBe('other/server_error');
  });

  it.each([
    ['info lines only', 'App |2026-01-05 10:00:01 +0000 INFO: 10.0.0.7:5100  ws://quotes.example.test/live 1000 NORMAL from client'],
    ['a traceback under a DEBUG record (asyncio\'s transport shutdown)', `[2026-01-05 10:00:01 +0000] [42] [DEBUG] transport: fatal error on shutdown\n${traceback}`],
  ] as const)('%s: the 1000 stays normal', (_label, message) => {
    expect(verdictOf(opened(message))).toBe('none/normal_closure');
  });

  it("a client's traceback is not the server's failure", () => {
    expect(verdictOf(opened(traceback, { source: client }))).toBe('none/normal_closure');
    expect(recordsServerFailure(event({ source: client, error: { message: traceback } }))).toBe(false);
  });
});

describe('invalid UTF-8 from the peer beside a 1000', () => {
  it.each([
    ['a server', server, "Task exception: UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 3: invalid start byte"],
    ['a client', client, 'read loop: invalid UTF-8 in text message from peer'],
  ] as const)('in %s\'s lines: protocol_error (the 1007 family)', (_label, source, message) => {
    expect(verdictOf(opened(message, { source, close: { code: 1000, initiator: 'client', on_wire: true } }))).toBe('other/protocol_error');
  });
});

describe('dated log-level fields', () => {
  it.each([
    ['App |2026-01-05 10:00:01 +0000 INFO: 10.0.0.7:5100  ws://quotes.example.test/live', true],
    ['2026-01-05 10:00:01,120 DEBUG    Upgraded connection to WebSocket', true],
    ['DEBUG:asyncio:<SSLProtocol> SSL handshake took 3.1 ms', true],
    ['2026-01-05 10:00:01,120 ERROR    Exception inside application', false],
    ['INFO is not a level here: handshake failed', false],
  ] as const)('%s → quiet %s', (line, quiet) => {
    expect(onlyQuietLines(line)).toBe(quiet);
  });

  it('an open session whose server text is only an info access line stays connected', () => {
    expect(verdictOf(opened('App |2026-01-05 10:00:01 +0000 INFO: 10.0.0.7:5100  ws://quotes.example.test/live', { outcome: 'connected', close: undefined }))).toBe('none/connected');
  });
});

describe('resolver words need resolver context', () => {
  it.each([
    ['an application\'s own lookup', 'ValueError: price lookup failed', 'other/unknown_failure'],
    ['a lookup for a host', 'lookup failed for quotes.example.invalid', 'other/dns_failure'],
    ['a DNS lookup', 'client DNS lookup failed', 'other/dns_failure'],
    ['a resolver code', 'getaddrinfo EAI_AGAIN quotes.example.test', 'other/dns_failure'],
  ] as const)('%s', (_label, message, verdict) => {
    expect(verdictOf({ target: { url: 'ws://quotes.example.test/live' }, error: { message } })).toBe(verdict);
  });
});

describe('an upgrade request refused for its WebSocket header (RFC 6455 §4.2.1)', () => {
  const refused = (message: string, status = 400): Partial<TelemetryEventInput> => ({ source: server, target: { url: 'ws://quotes.example.test/live' }, handshake: { status }, error: { message } });
  it.each([
    ['a missing Sec-WebSocket-Key', 'upgrade refused: request has no valid Sec-WebSocket-Key header (missing)'],
    ['an unsupported version', 'opening handshake failed: WebSocket version 7 not supported'],
    ['a missing Upgrade header', 'bad request: missing Upgrade header'],
  ] as const)('a 400 naming %s: protocol_error', (_label, message) => {
    expect(verdictOf(refused(message))).toBe('other/protocol_error');
  });

  it('a 400 with no header named stays http_rejected', () => {
    expect(verdictOf(refused('request rejected by route guard'))).toBe('other/http_rejected');
  });

  it('a 403 naming a header stays an HTTP refusal', () => {
    expect(verdictOf(refused('missing Upgrade header', 403))).toBe('other/http_rejected');
  });
});

describe('a refused 101 stated in a text', () => {
  it.each([
    ['Unexpected server response: 101', 'other/protocol_error'],
    ['Unexpected server response: 502', 'other/http_rejected'],
  ] as const)('%s → %s', (message, verdict) => {
    expect(verdictOf({ target: { url: 'ws://quotes.example.test/live' }, error: { message } })).toBe(verdict);
  });
});

describe("OpenSSL's certificate-signature verify results (X509_STORE_CTX_get_error(3))", () => {
  it.each([
    [7, 'untrusted_ca'],
    [4, 'untrusted_ca'],
    [6, 'tls_unknown'],
    [8, 'tls_unknown'],
  ] as const)('verify %i → %s', (code, cause) => {
    expect(verifyCodeRow(code)?.cause).toBe(cause);
  });

  it('the text "certificate signature failure" names an untrusted issuer', () => {
    expect(verdictOf({ error: { message: 'certificate signature failure' } })).toBe('1015/untrusted_ca');
  });
});

describe("Node's ERR_SSL_<reason> code", () => {
  it('a reason no table names, on a failed TLS attempt: tls_unknown', () => {
    expect(verdictOf({ source: { kind: 'server', service: 'quotes', runtime: 'node 20' }, error: { code: 'ERR_SSL_SOME_FUTURE_REASON', message: 'handshake aborted' } })).toBe('1015/tls_unknown');
  });

  it('a reason the tables name keeps its own cause', () => {
    expect(verdictOf({ error: { code: 'ERR_SSL_NO_SHARED_CIPHER', message: 'no shared cipher' } })).toBe('1015/cipher_mismatch');
  });
});

describe('a 1002 whose reason names a restart', () => {
  const closed = (onWire: boolean | undefined): Partial<TelemetryEventInput> => ({
    outcome: 'closed',
    target: { url: 'ws://quotes.example.test/live' },
    close: { code: 1002, reason: 'restarting for deploy', initiator: 'server', ...(onWire === undefined ? {} : { on_wire: onWire }) },
  });
  it('made up by the API (on_wire false): the reason says the server meant a restart', () => {
    expect(verdictOf(closed(false))).toBe('other/service_restart');
  });
  it.each([[true], [undefined]] as const)('read as the Close frame\'s code (on_wire %s): protocol_error', (onWire) => {
    expect(verdictOf(closed(onWire))).toBe('other/protocol_error');
  });
});

describe('a malformed upgrade answer', () => {
  it.each([
    ['with the bytes that came quoted: another protocol on the port', 'transport: malformed HTTP response "\\x15\\x03\\x01\\x00\\x02"', 'other/protocol_error'],
    ['with nothing else: the client refused the answer, the event says not why', 'open connection to 10.0.0.5:80: malformed HTTP response', 'other/unknown_failure'],
  ] as const)('%s', (_label, message, verdict) => {
    expect(verdictOf({ target: { url: 'ws://quotes.example.test/live' }, error: { message } })).toBe(verdict);
  });

  it('with nothing else but a 101 recorded: a header of the answer failed the check', () => {
    expect(verdictOf({ target: { url: 'ws://quotes.example.test/live' }, handshake: { status: 101 }, error: { message: 'malformed HTTP response' } })).toBe('other/protocol_error');
  });
});
