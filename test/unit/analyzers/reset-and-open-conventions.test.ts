// The labelling conventions the engine follows (docs/attribution.md, Labelling conventions): where a reset or EOF
// happened (inside a TLS handshake the text names, before the upgrade's answer, after the connection opened), what a
// 1006 means before the connection opened, a 1002 that stands for a restart, and extension words after opening.
// Texts are written for these tests in the shapes stacks print, not copied from the held-out sets.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../analyzers/classify.js';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { event } from './event-builder.js';

type Case = readonly [label: string, input: Partial<TelemetryEventInput>, attribution: string, cause: string];
const check = (input: Partial<TelemetryEventInput>) => classify(event(input));
const wsUrl = { url: 'ws://api.example.com/socket' };

describe('reset or EOF: where it happened decides', () => {
  it.each<Case>([
    // Inside a TLS handshake the text names: the TLS handshake failed without its cause.
    ['reset inside SSL_connect', { error: { message: 'client: SSL_connect(): Connection reset by peer' } }, '1015', 'tls_unknown'],
    ['closed inside an Erlang ssl:connect', { error: { message: 'ssl:connect/3 -> {error,closed}' } }, '1015', 'tls_unknown'],
    ['closed inside an Elixir (ssl) connect', { error: { message: '** (ssl) connect failed: {:error, :closed}' } }, '1015', 'tls_unknown'],
    // No TLS word: a network reset, whatever the scenario's TLS truth.
    ['bare EOF', { error: { message: 'EOF' } }, 'other', 'network_reset'],
    ['a handshake not named TLS', { error: { message: 'handshake with upstream failed: connection reset by peer' } }, 'other', 'network_reset'],
    ['Erlang closed while waiting for the 101', { error: { message: 'ssl:recv/3 -> {error,closed}' } }, 'other', 'network_reset'],
    // A TLS word near a reset that is not a handshake: not 1015 (precision first on negatives).
    ['aiohttp prints its SSL context for every connect', { error: { message: 'Cannot connect to host api.example.com:443 ssl:<ssl.SSLContext object at 0x7f00> [Connection reset by peer]' } }, 'other', 'network_reset'],
    ['a TLS relay logs a reset on its TLS socket', { source: { kind: 'proxy', service: 'relay' }, error: { message: 'TLS fd: Connection reset by peer (104)' } }, 'other', 'network_reset'],
    // After the connection opened: an abnormal closure (1006).
    ['reset after a 101', { error: { message: 'fread(): SSL: Connection reset by peer' }, handshake: { status: 101 }, outcome: 'closed', close: { code: 1006 } }, 'other', 'abnormal_closure'],
    ['reset on a closed (opened) connection without a status', { outcome: 'closed', error: { message: 'Unable to read data from the transport connection: Connection reset by peer.' } }, 'other', 'abnormal_closure'],
    ['Erlang closed after the 101', { outcome: 'closed', handshake: { status: 101 }, error: { message: 'ssl:recv/3 -> {error,closed}' } }, 'other', 'abnormal_closure'],
  ])('%s', (_label, input, attribution, cause) => {
    const result = check(input);
    expect({ attribution: result.attribution, cause: result.cause }).toEqual({ attribution, cause });
  });

  it('says how it knew the connection had opened', () => {
    const result = check({ outcome: 'closed', error: { message: 'socket hang up: connection reset by peer' } });
    expect(result.evidence[0]?.detail).toContain('the outcome is closed (an open connection ended)');
  });
});

describe('1006 before the connection opened', () => {
  it.each<Case>([
    ['ws:// connect failed with only 1006', { target: wsUrl, close: { code: 1006 } }, 'other', 'unknown_failure'],
    ['wss:// connect failed with only 1006', { close: { code: 1006 } }, 'other', 'unknown_failure'],
    ['1006 on an opened connection stays an abnormal closure', { target: wsUrl, outcome: 'closed', close: { code: 1006 } }, 'other', 'abnormal_closure'],
    ['1006 after a 101 on a failed outcome stays an abnormal closure', { target: wsUrl, handshake: { status: 101 }, close: { code: 1006 } }, 'other', 'abnormal_closure'],
    ['a text with a cause still wins', { target: wsUrl, close: { code: 1006 }, error: { message: 'connect ECONNREFUSED 127.0.0.1:80' } }, 'other', 'connection_refused'],
  ])('%s', (_label, input, attribution, cause) => {
    const result = check(input);
    expect({ attribution: result.attribution, cause: result.cause }).toEqual({ attribution, cause });
  });
});

describe('a 1002 whose reason names a restart', () => {
  it.each<Case>([
    // The API's own 1002 (on_wire false) for a code it did not know; since 1.5.51 a 1002 not so marked is the Close frame's code.
    ['reason "service restart"', { outcome: 'closed', handshake: { status: 101 }, close: { code: 1002, reason: 'service restart', initiator: 'server', on_wire: false } }, 'other', 'service_restart'],
    ['reason "restarting, try later"', { outcome: 'closed', close: { code: 1002, reason: 'restarting, try later', on_wire: false } }, 'other', 'service_restart'],
    ['reason "please retry in 5s"', { outcome: 'closed', close: { code: 1002, reason: 'please retry in 5s', on_wire: false } }, 'other', 'service_restart'],
    ['a restart reason beside a 1002 not marked as the API\'s own: the code decides', { outcome: 'closed', close: { code: 1002, reason: 'restarting, try later', initiator: 'server' } }, 'other', 'protocol_error'],
    ['a 1002 with a framing reason stays a protocol error', { outcome: 'closed', close: { code: 1002, reason: 'invalid opcode 7' } }, 'other', 'protocol_error'],
    ['a 1011 naming a restart stays what its code says', { outcome: 'closed', close: { code: 1011, reason: 'restarting worker', on_wire: true } }, 'other', 'server_error'],
  ])('%s', (_label, input, attribution, cause) => {
    const result = check(input);
    expect({ attribution: result.attribution, cause: result.cause }).toEqual({ attribution, cause });
  });
});

describe('extension words and the session', () => {
  it.each<Case>([
    ['extension words after the session opened are about frames', { outcome: 'closed', handshake: { status: 101 }, error: { message: 'invalid extension' } }, 'other', 'protocol_error'],
    ['the same words on a failed connect are 1010', { error: { message: 'invalid extension' }, handshake: { request_extensions: 'permessage-deflate' } }, '1010', 'extension_params_rejected'],
    [
      'a client that closed 1000 with a reason naming the missing requirement failed on it',
      { outcome: 'closed', handshake: { status: 101, request_extensions: 'permessage-deflate', response_extensions: '', required_extensions: ['permessage-deflate'] }, close: { code: 1000, reason: 'permessage-deflate required', initiator: 'client', on_wire: true } },
      '1010',
      'extension_not_negotiated',
    ],
    [
      'a client that closed 1000 for its own reasons went on with the answer',
      { outcome: 'closed', handshake: { status: 101, request_extensions: 'permessage-deflate', response_extensions: '', required_extensions: ['permessage-deflate'] }, close: { code: 1000, reason: 'bye', initiator: 'client', on_wire: true } },
      'none',
      'normal_closure',
    ],
    ['"only 15 window size is supported" is a refused parameter', { error: { message: 'Only 15 window size is supported.' } }, '1010', 'extension_params_rejected'],
  ])('%s', (_label, input, attribution, cause) => {
    const result = check(input);
    expect({ attribution: result.attribution, cause: result.cause }).toEqual({ attribution, cause });
  });
});

describe('network causes worded by what did not arrive', () => {
  it.each<Case>([
    ['no answer within a stated time', { error: { message: 'handshake: no reply within 3000 ms' } }, 'other', 'network_timeout'],
    ['nothing received for a while', { error: { message: 'tls read: nothing received for 4000 ms' } }, 'other', 'network_timeout'],
    ['a read that failed without a cause', { target: wsUrl, error: { message: 'upstream: error reading response header from backend' } }, 'other', 'network_reset'],
    ['a read that failed with a timeout is the timeout', { target: wsUrl, error: { message: 'error reading status line: timed out' } }, 'other', 'network_timeout'],
    ['ECONNABORTED in words', { target: wsUrl, error: { message: 'recv: software caused connection abort' } }, 'other', 'network_reset'],
    ['a connection terminated unexpectedly', { target: wsUrl, error: { message: 'Connection terminated unexpectedly' } }, 'other', 'network_reset'],
    ['an ALPN failure is no refused connect', { error: { message: "failed to connect: server didn't offer h2 via ALPN" } }, 'other', 'unknown_failure'],
    ['a malformed subprotocol answer', { error: { message: 'HS: PROTOCOL malformed' } }, 'other', 'subprotocol_mismatch'],
  ])('%s', (_label, input, attribution, cause) => {
    const result = check(input);
    expect({ attribution: result.attribution, cause: result.cause }).toEqual({ attribution, cause });
  });
});

describe('socket and resolver errors written as numbers (errno-numbers.ts)', () => {
  it.each<Case>([
    ['Linux errno after "errno"', { error: { message: 'connect() failed: errno 111' } }, 'other', 'connection_refused'],
    ["Rust's os error notation", { error: { message: 'io error (os error 104)' } }, 'other', 'network_reset'],
    ['a BSD errno', { error: { message: 'socket: errno=61' } }, 'other', 'connection_refused'],
    ["Python's [Errno N]", { error: { message: '[Errno 110] while connecting' } }, 'other', 'network_timeout'],
    ['a getaddrinfo code', { error: { message: 'gaierror [Errno -2]' } }, 'other', 'dns_failure'],
    ['a Winsock code', { error: { message: 'socket error 10061' } }, 'other', 'connection_refused'],
    ['a Winsock name', { error: { message: 'WSAHOST_NOT_FOUND' } }, 'other', 'dns_failure'],
    ['an application error 111 is no errno', { error: { message: 'application error 111' } }, 'other', 'unknown_failure'],
    ['a port is no Winsock code', { error: { message: 'handshake with 127.0.0.1:10061 failed' } }, 'other', 'unknown_failure'],
    ['a longer number is no errno', { error: { message: 'errno 1110' } }, 'other', 'unknown_failure'],
  ])('%s', (_label, input, attribution, cause) => {
    const result = check(input);
    expect({ attribution: result.attribution, cause: result.cause }).toEqual({ attribution, cause });
  });
});

describe('close codes and proxies in texts', () => {
  const closed = { outcome: 'closed' as const, handshake: { status: 101 } };
  it.each<Case>([
    ['a close code after a close word', { ...closed, error: { message: 'websocket: close 1011 (internal server error): boom' } }, 'other', 'server_error'],
    ['a 1002 protesting a later-registered code names that code', { ...closed, error: { message: "closed with code 1002: invalid close code '1013'" } }, 'other', 'service_restart'],
    ['a close named in words', { ...closed, error: { message: 'CloseStatus: PolicyViolation' } }, 'other', 'policy_violation'],
    ['1001 in words is none', { ...closed, error: { message: 'peer: endpoint going away' } }, 'none', 'going_away'],
    ['a size limit exceeded', { ...closed, error: { message: 'frame length exceeds the configured maximum' } }, 'other', 'message_too_big'],
    ['a 4-digit number without a close word is no close code', { error: { message: 'request 1011 failed' } }, 'other', 'unknown_failure'],
    ['"Internal Server Error" alone is HTTP 500, not 1011', { error: { message: 'upgrade failed: HTTP 500 Internal Server Error' } }, 'other', 'http_rejected'],
    ['a proxy with no live upstream', { source: { kind: 'proxy', service: 'lb' }, handshake: { status: 502 }, error: { message: 'no live upstreams while connecting to upstream' } }, 'other', 'connection_refused'],
    ['an attempt to connect that failed', { source: { kind: 'proxy', service: 'lb' }, handshake: { status: 503 }, error: { message: 'WS: attempt to connect to 10.0.0.5:8080 (*) failed' } }, 'other', 'connection_refused'],
    ['an access-log line of a 101 on a closed connection', { source: { kind: 'proxy', service: 'lb' }, ...closed, error: { message: '10.0.0.1 - - [02/Dec/2026:10:00:00 +0000] "GET /ws HTTP/1.1" 101 0 "-" "node"' } }, 'none', 'normal_closure'],
  ])('%s', (_label, input, attribution, cause) => {
    const result = check(input);
    expect({ attribution: result.attribution, cause: result.cause }).toEqual({ attribution, cause });
  });
});

describe('holdout-9 families', () => {
  it.each<Case>([
    // Only a text that names TLS makes a reset a TLS failure: curl's code 35 alone does not.
    ['curl code 35 with a reset text naming no TLS', { error: { code: 35, message: 'curl: (35) Recv failure: Connection reset by peer' } }, 'other', 'network_reset'],
    ['the same with a TLS word', { error: { code: 35, message: 'curl: (35) OpenSSL SSL_connect: Connection reset by peer' } }, '1015', 'tls_unknown'],
    ['a client-sent 1002 defers to the subprotocol its text names', { handshake: { status: 101 }, close: { code: 1002, initiator: 'client', on_wire: true }, error: { message: "server did not accept subprotocol chat (got 'other')" } }, 'other', 'subprotocol_mismatch'],
    ['a 1002 naming the code it protested', { outcome: 'closed', handshake: { status: 101 }, close: { code: 1002, reason: 'Invalid close frame status code: 1013', initiator: 'client' } }, 'other', 'service_restart'],
    ['a certificate extension is no WebSocket extension', { error: { message: 'validation failed: Certificate is missing required extension 2.5.29.35' } }, '1015', 'tls_unknown'],
    ['ended without a Close frame is a 1006', { outcome: 'closed', handshake: { status: 101 }, error: { message: 'socket ended without a WebSocket Close frame' } }, 'other', 'abnormal_closure'],
    ['no address returned by the resolver', { error: { message: 'NoAddressReturned' } }, 'other', 'dns_failure'],
  ])('%s', (_label, input, attribution, cause) => {
    const result = check(input);
    expect({ attribution: result.attribution, cause: result.cause }).toEqual({ attribution, cause });
  });
});
