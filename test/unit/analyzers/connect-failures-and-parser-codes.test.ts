// Round 11 (engine 1.5.33): a failure to connect stated without its reason (docs/attribution.md "Labelling conventions"), a host
// under .invalid (RFC 6761 §6.4), a client's cancellation at its timer's bound, an answer called bad "from server" (a refused
// answer), and llhttp's parser codes as Node prints them. Texts are written for the tests or cited where a library prints them.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../analyzers/classify.js';
import { llhttpTable } from '../../../analyzers/codes/llhttp.js';
import { event, verdictOf } from './event-builder.js';

const failed = (message: string, extra: Parameters<typeof verdictOf>[0] = {}): string => verdictOf({ error: { message }, ...extra });

describe('a failure to connect stated without its reason is unknown_failure, low; a reason anywhere decides', () => {
  it.each([
    ['a bare "Unable to connect"', 'Unable to connect'],
    ['a script line after it', 'unable to connect at client.pl line 13.'],
    ['"connect failed"', 'ws client: connect failed'],
    ['"could not open a connection"', 'could not open a connection to feed.example.com'],
    ['.NET Framework\'s WebException text alone (the same for a 403 as for a refused connect)', 'Unable to connect to the remote server'],
  ])('%s', (_label, message) => {
    const result = classify(event({ error: { message } }));
    expect(`${result.attribution}/${result.cause}`).toBe('other/unknown_failure');
    expect(result.confidence).toBeLessThanOrEqual(0.35);
  });

  it.each([
    ['a refusal in the chain', 'Unable to connect to the remote server ---> System.Net.Sockets.SocketException: Connection refused', 'other/connection_refused'],
    ['ECONNREFUSED in the code field', 'Failed to connect', 'other/connection_refused', { error: { message: 'Failed to connect', code: 'ECONNREFUSED' } }],
    ['errno 111 in the text', 'connect failed: errno 111', 'other/connection_refused'],
    ['a timeout named', 'Unable to connect: connection timed out', 'other/network_timeout'],
    ['a resolver text', 'could not connect: Name or service not known', 'other/dns_failure'],
    ['curl\'s code 7 (CURLE_COULDNT_CONNECT: a refused or unreachable TCP connect)', "curl: (7) Failed to connect to feed.example.com port 443: Couldn't connect to server", 'other/connection_refused'],
    ['a connect named at the socket (the TCP connect itself, as curl\'s 7)', 'Error connecting socket', 'other/connection_refused'],
    ['a TLS failure named', 'Unable to connect: certificate verify failed', '1015/tls_unknown'],
  ] as const)('%s', (_label, message, expected, overrides?: Parameters<typeof verdictOf>[0]) => {
    expect(overrides ? verdictOf(overrides) : failed(message)).toBe(expected);
  });

  it('a status recorded beside it decides (the answer came)', () => {
    expect(failed('Unable to connect', { handshake: { status: 403 } })).toBe('other/http_rejected');
  });
});

describe('a host under .invalid named in a connect failure is a DNS failure (RFC 6761 §6.4: resolvers answer it negatively)', () => {
  it.each([
    ['a client\'s connect', 'Failed to connect to remote host feed.example.invalid:8443'],
    ['a proxy\'s backend', "can't connect to backend ws.lab.invalid: No such file or directory; no backend found"],
    ['an attempt that failed', 'attempt to connect to api.example.invalid:443 failed'],
  ])('%s', (_label, message) => {
    expect(failed(message)).toBe('other/dns_failure');
  });

  it.each([
    ['a host of another top-level name', 'Failed to connect to remote host feed.example.com:8443', 'other/unknown_failure'],
    ['a refusal named (an address was reached)', 'connect to feed.example.invalid failed: Connection refused', 'other/connection_refused'],
    ['a timeout named', 'connect to feed.example.invalid failed: timed out', 'other/network_timeout'],
    ['a .invalid host in a text that names no failure', 'connected to feed.example.invalid', undefined],
  ] as const)('not: %s', (_label, message, expected) => {
    if (expected) expect(failed(message)).toBe(expected);
    else expect(failed(message)).not.toBe('other/dns_failure');
  });
});

describe("a client's cancellation is its timer when the attempt ran to a whole-second bound", () => {
  it.each([
    ['IXWebSocket-style, at 5 s', 'Unable to connect to api.example.com on port 443, error: Cancellation requested', 5002, 'other/network_timeout'],
    ['.NET, at 10 s', 'The operation was canceled.', 10_004, 'other/network_timeout'],
    ['.NET, at 1.7 s: no timer bound', 'The operation was canceled.', 1712, 'other/unknown_failure'],
  ] as const)('%s', (_label, message, totalMs, expected) => {
    expect(failed(message, { timing: { total_ms: totalMs } })).toBe(expected);
  });

  it('no timing: the cancellation names no cause', () => {
    expect(failed('The operation was canceled.')).toBe('other/unknown_failure');
  });

  it("a proxy's cancelled upstream request is its client's going away, not its timer (Go's context canceled)", () => {
    const proxy = { source: { kind: 'proxy' as const, service: 'edge', runtime: 'go 1.22 net/http/httputil.ReverseProxy' } };
    expect(failed('Error connecting to backend: request cancelled', { ...proxy, timing: { total_ms: 10_002 } })).toBe('other/unknown_failure');
  });

  it('the TLS alert user_canceled stays a TLS failure', () => {
    expect(failed('SSL routines: tlsv1 alert user_canceled', { timing: { total_ms: 3001 } })).toMatch(/^1015\//);
  });
});

describe('an answer called bad "from server" was read and refused; an unreadable answer is read only in prose', () => {
  it.each([
    ['no status recorded', 'Bad response from server', {}, 'other/unknown_failure'],
    ['with its error name beside it', 'Bad response from server', { name: 'ReqResult::BadResponse' }, 'other/unknown_failure'],
    ['"invalid reply from peer"', 'invalid reply from peer', {}, 'other/unknown_failure'],
  ] as const)('%s', (_label, message, error, expected) => {
    expect(verdictOf({ error: { message, ...error } })).toBe(expected);
  });

  it('a status recorded decides', () => {
    expect(verdictOf({ error: { message: 'Bad response from server' }, handshake: { status: 401 } })).toBe('other/http_auth_rejected');
    expect(verdictOf({ error: { message: 'Bad response from server' }, handshake: { status: 101 } })).toBe('other/protocol_error');
  });

  it.each([
    ['an empty read, in prose', 'Invalid response', 'other/network_reset'],
    ['a parser\'s words, in prose', 'Bad HTTP message', 'other/network_reset'],
  ])('still a reset: %s', (_label, message, expected) => {
    expect(failed(message)).toBe(expected);
  });

  it('an error name alone (one identifier) says no read came back empty', () => {
    expect(verdictOf({ error: { name: 'BadResponse' } })).not.toBe('other/network_reset');
  });
});

describe("llhttp's error codes (Node's HTTP parser: code HPE_*, message \"Parse Error: <reason>\")", () => {
  it('every row cites llhttp and names a cause of its own', () => {
    for (const row of llhttpTable) {
      expect(row.source).toMatch(/github\.com\/nodejs\/llhttp/);
      expect(row.names[0]).toMatch(/^HPE_[A-Z_]+$/);
    }
  });

  it.each([
    ['another protocol on the port (the reason text)', { message: 'Parse Error: Expected HTTP/, RTSP/ or ICE/' }, 'other/protocol_error'],
    ['the code field', { message: 'Parse Error', code: 'HPE_INVALID_CONSTANT' }, 'other/protocol_error'],
    ['a bad status line', { message: 'Parse Error: Invalid status code' }, 'other/protocol_error'],
    ['a bad version', { message: 'Parse Error: Invalid major version' }, 'other/protocol_error'],
    ['a header character HTTP forbids', { message: 'Parse Error: Invalid header value char', code: 'HPE_INVALID_HEADER_TOKEN' }, 'other/protocol_error'],
    ['a truncated answer (llhttp_finish mid-message)', { message: 'Parse Error: Invalid EOF state' }, 'other/network_reset'],
    ['a truncated answer by code', { message: 'Parse Error', code: 'HPE_INVALID_EOF_STATE' }, 'other/network_reset'],
  ] as const)('%s', (_label, error, expected) => {
    expect(verdictOf({ error, target: { url: 'ws://api.example.com/socket' } })).toBe(expected);
  });

  it('beside a 1006 the API reports for a connect that never opened, the parser code decides', () => {
    const overrides = { error: { message: 'Parse Error: Expected HTTP/, RTSP/ or ICE/' }, close: { code: 1006, reason: '', on_wire: false } };
    expect(verdictOf(overrides)).toBe('other/protocol_error');
  });
});
