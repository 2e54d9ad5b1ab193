// Round 17 (eng-b2, holdout-23's families outside the gateway, 1.5.54): an API's description of its own 1005/1006 is no reset,
// rustls' PeerIncompatible / PeerMisbehaved by their raising sites, hyper's failed shutdown a drop, a record MAC no cipher word,
// a packet size against its "max allowed" a message over the limit, a failed attempt's debug lines, OTP's crash report, and
// uWSGI's record of a 101. Texts are written for these tests in the shapes the stacks print; none is a held-out line.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { PEER_INCOMPATIBLE } from '../../../analyzers/vocabularies/rustls-peer.js';
import { onlyQuietLines, recordsServerFailure } from '../../../analyzers/server-log-levels.js';
import { event, verdictOf } from './event-builder.js';

const sc = { kind: 'client', service: 'feed', runtime: 'node 20 socketcluster-client 20' } as const;
const server = { kind: 'server', service: 'feed', runtime: 'rust axum 0.8' } as const;

describe("an API's description of its own 1006 before open", () => {
  const own = (text: string, extra: Partial<TelemetryEventInput> = {}): Partial<TelemetryEventInput> => ({
    source: sc,
    target: { url: 'ws://feed.example.test/socket' },
    error: { name: 'SocketProtocolError', code: 1006, message: text },
    close: { code: 1006, reason: text, on_wire: false },
    ...extra,
  });

  it.each([
    ['a hang-up wording', 'Socket hung up'],
    ['a drop wording', 'Connection dropped unexpectedly'],
  ] as const)('%s as reason and message, code 1006: unknown_failure (convention "A 1006 before the connection opened")', (_label, text) => {
    expect(verdictOf(own(text))).toBe('other/unknown_failure');
  });

  it("Node's \"socket hang up\" with ECONNRESET and no reason stays a reset", () => {
    expect(verdictOf({ source: sc, error: { name: 'Error', code: 'ECONNRESET', message: 'socket hang up' }, close: { code: 1006, on_wire: false } })).toBe('other/network_reset');
  });

  it('an errno in error.code: the text is the transport\'s, a reset', () => {
    expect(verdictOf(own('Socket hung up', { error: { name: 'Error', code: 'ECONNRESET', message: 'Socket hung up' } }))).toBe('other/network_reset');
  });

  it('a reason that differs from the message is not the code\'s description', () => {
    expect(verdictOf(own('Socket hung up', { close: { code: 1006, reason: 'peer reset the connection', on_wire: false } }))).toBe('other/network_reset');
  });

  it('after open, the same 1006 is an abnormal closure', () => {
    expect(verdictOf(own('Socket hung up', { outcome: 'closed', handshake: { status: 101 } }))).toBe('other/abnormal_closure');
  });

  it("a 1005's own description (\"closed without status code\") after open: a Close frame without a status, normal_closure", () => {
    const text = 'Socket closed without status code';
    expect(verdictOf({ source: sc, outcome: 'closed', error: { name: 'SocketProtocolError', code: 1005, message: text }, close: { code: 1005, reason: text, on_wire: false } })).toBe('none/normal_closure');
  });
});

describe("rustls' PeerIncompatible and PeerMisbehaved", () => {
  it.each(PEER_INCOMPATIBLE.map((row) => [row.variant, row.cause] as const))('peer is incompatible: %s → 1015/%s', (variant, cause) => {
    expect(verdictOf({ source: server, error: { message: `WARN tls: TLS handshake failed peer=10.0.0.9:50000 error=peer is incompatible: ${variant}` } })).toBe(`1015/${cause}`);
  });

  it('the Debug form reads the same', () => {
    expect(verdictOf({ error: { message: 'handshake: PeerIncompatible(SignatureAlgorithmsExtensionRequired)' } })).toBe('1015/tls_version_mismatch');
  });

  it('every row cites where rustls raises it', () => {
    for (const row of PEER_INCOMPATIBLE) expect(row.why).toMatch(/rustls/);
  });

  it('a misbehaving peer whose variant names a cipher suite: no cipher mismatch', () => {
    expect(verdictOf({ error: { message: 'TLS error: peer misbehaved: IllegalHelloRetryRequestWithUnofferedCipherSuite' } })).toBe('1015/tls_unknown');
  });
});

describe('a record MAC is no negotiated algorithm', () => {
  it.each([
    ["OTP's alert with its reason term", 'TLS server: In state wait_finished generated SERVER ALERT: Fatal - Bad Record MAC - {record_type_mismatch,21}'],
    ["OpenSSL's reason", 'SSL routines: tls handshake: decryption failed or bad record mac mismatch'],
  ] as const)('%s: tls_unknown, not cipher_mismatch', (_label, message) => {
    expect(verdictOf({ error: { message } })).toBe('1015/tls_unknown');
  });

  it('a MAC algorithm with no shared one in a TLS handshake is still a cipher mismatch', () => {
    expect(verdictOf({ error: { message: 'tls handshake failed: no shared mac algorithm' } })).toBe('1015/cipher_mismatch');
  });
});

describe('a server after its TLS handshake, before the upgrade', () => {
  const lines = (last: string): string => `2026-01-05T10:00:01.100Z DEBUG app: TLS handshake complete peer=10.0.0.9:50000 version=TLSv1_3\n${last}`;

  it("hyper's failed shutdown in a debug line of a failed attempt: network_reset", () => {
    expect(verdictOf({ source: server, error: { message: lines('2026-01-05T10:00:01.150Z DEBUG app: connection error peer=10.0.0.9:50000 error=error shutting down connection') } })).toBe('other/network_reset');
  });

  it('the same lines on an open session that ended: still quiet (connected stays connected)', () => {
    expect(verdictOf({ source: server, outcome: 'connected', handshake: { status: 101 }, error: { message: lines('2026-01-05T10:00:01.150Z DEBUG app: upgraded') } })).toBe('none/connected');
  });
});

describe('a frame over the receiver\'s limit', () => {
  it.each([
    ['a packet size against its max allowed', 'websocket: invalid packet size received: 70000, max allowed: 65536'],
    ['the maximum allowed', 'frame rejected: payload size 9000 bytes, maximum allowed 4096'],
  ] as const)('%s, on an open session: message_too_big', (_label, message) => {
    expect(verdictOf({ source: server, outcome: 'closed', handshake: { status: 101 }, target: { url: 'ws://feed.example.test/socket' }, error: { message } })).toBe('other/message_too_big');
  });
});

describe("Erlang/OTP's reports and uWSGI's request record", () => {
  const crash = ['=CRASH REPORT==== 5-Jan-2026::10:00:01.000000 ===', '  crasher:', '    initial call: my_ws:init/2', '    exception error: no match of right hand side value undefined'].join('\n');
  const killed = '=ERROR REPORT==== 5-Jan-2026::10:00:01.000000 ===\nRanch listener l0 had connection process started with my_tls:start_link/4 at <0.80.0> exit with reason: killed';

  it('a crash report is the server\'s own failure after open: server_error', () => {
    expect(recordsServerFailure(event({ source: server, error: { message: crash } }))).toBe(true);
    expect(verdictOf({ source: server, outcome: 'closed', handshake: { status: 101 }, error: { message: crash } })).toBe('other/server_error');
  });

  it('a process killed from outside is no failure of its code: a drop', () => {
    expect(recordsServerFailure(event({ source: server, error: { message: killed } }))).toBe(false);
    expect(verdictOf({ source: server, outcome: 'closed', handshake: { status: 101 }, error: { message: killed } })).toBe('other/abnormal_closure');
  });

  const record = (status: number): string =>
    `[pid: 4100|app: 0|req: 2/3] 10.0.0.9 () {30 vars in 400 bytes} [Mon Jan  5 10:00:01 2026] GET /feed => generated 12 bytes in 3 msecs (HTTP/1.1 ${status}) 4 headers in 160 bytes (1 switches on core 0)`;

  it("uWSGI's record of a 101 alone is quiet: a session the server closed ends normally", () => {
    expect(onlyQuietLines(record(101))).toBe(true);
    expect(verdictOf({ source: server, outcome: 'closed', target: { url: 'ws://feed.example.test/socket' }, handshake: { status: 101 }, close: { initiator: 'server', on_wire: false }, error: { message: record(101) } })).toBe('none/normal_closure');
  });

  it('a record of another status is the answer the request got, not quiet', () => {
    expect(onlyQuietLines(record(403))).toBe(false);
  });
});
