// Issue 11, round 22 (eng-g2, 1.5.67): three families in general form. A close stated without its cause (an empty or placeholder
// reason, a socket closed before it opened) is no reset (convention 9; CLOSE_NO_CAUSE stands concept.reset down, a reset in its own
// words still is one); ws's and Chromium's "closed before the connection was established" is unknown_failure, yielding to any other
// evidence; a proxy's own line naming a TLS handshake that failed is 1015 (concept.tls_log_handshake_failed), and a TLS certificate
// resolver (SNI, "look up certificate") is no DNS. Texts are written for these tests in the shapes the cited sources print (names and
// values changed); none is a line of a held-out set.
import { describe, expect, it } from 'vitest';
import type { SourcedFinding } from '../../../analyzers/candidate.js';
import { findConcepts } from '../../../analyzers/concepts/scanner.js';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

const conceptIds = (text: string): string[] => {
  const out: SourcedFinding[] = [];
  findConcepts('error.message', text, out);
  return out.map((finding) => finding.rule);
};

const clientFailed = (message: string, extra: Partial<TelemetryEventInput> = {}): Partial<TelemetryEventInput> => ({
  source: { kind: 'client', service: 'test', runtime: 'node 20 ws 8.18' },
  target: { url: 'wss://api.example.com/socket' },
  error: { message },
  ...extra,
});

const proxyFailed = (message: string): Partial<TelemetryEventInput> => ({
  source: { kind: 'proxy', service: 'test', runtime: 'rust 1.90 edge-proxy (rustls 0.23)' },
  target: { url: 'wss://api.example.com/socket' },
  error: { message },
});

describe('a close stated without its cause is no reset (CLOSE_NO_CAUSE)', () => {
  it.each([
    // A promise wrapper that formats the close event's reason and code when neither was set (JavaScript prints `undefined`).
    ['a placeholder reason and code', 'Socket closed with reason: undefined (undefined).'],
    ['a null reason', 'connection closed, reason: null'],
    ['no reason said', 'WebSocket connection closed (no reason)'],
    ['an empty reason', 'ws: socket closed, empty reason'],
  ])('%s: unknown_failure', (_label, message) => {
    expect(conceptIds(message)).not.toContain('concept.reset');
    expect(verdictOf(clientFailed(message))).toBe('other/unknown_failure');
  });

  it.each([
    ['a reset errno', 'read ECONNRESET; socket closed with reason: undefined'],
    ['a hang-up', 'socket hang up (connection closed, no reason)'],
    ['an EOF', 'unexpected EOF, stream closed without reason'],
    ["the peer's close", 'peer closed the connection, reason: none'],
  ])('a reset in its own words still is one: %s', (_label, message) => {
    expect(conceptIds(message)).toContain('concept.reset_named');
    expect(verdictOf(clientFailed(message))).toBe('other/network_reset');
  });

  it('a close without a placeholder reason stays a reset', () => {
    expect(conceptIds('socket closed while reading the answer')).toContain('concept.reset');
  });
});

describe('closed before the connection was established: never opened, no cause (unknown_failure, yielding)', () => {
  // ws lib/websocket.js close()/terminate() in CONNECTING: abortHandshake(this, this._req, 'WebSocket was closed before the connection was established').
  const wsText = 'WebSocket was closed before the connection was established';
  // Chromium's WebSocket close() in CONNECTING (the console's wording).
  const chromiumText = 'WebSocket is closed before the connection is established.';

  it.each([
    ['ws', wsText],
    ['Chromium', chromiumText],
  ])('%s: unknown_failure, not an after-open 1006', (_label, message) => {
    expect(verdictOf(clientFailed(message))).toBe('other/unknown_failure');
    expect(verdictOf(clientFailed(message, { close: { code: 1006, reason: '', on_wire: false } }))).toBe('other/unknown_failure');
  });

  it('a status the upgrade got decides', () => {
    expect(verdictOf(clientFailed(wsText, { handshake: { status: 403 } }))).toBe('other/http_rejected');
    expect(verdictOf(clientFailed(wsText, { handshake: { status: 401 } }))).toBe('other/http_auth_rejected');
  });

  it('the words of a close before open are no reset', () => {
    expect(conceptIds('socket closed before the connection was established')).not.toContain('concept.reset');
    // The peer's close named beside it still is a reset.
    expect(conceptIds('peer closed: socket closed before the connection was established')).toContain('concept.reset_named');
  });
});

describe("a proxy's own line naming a failed TLS handshake: 1015 (concept.tls_log_handshake_failed)", () => {
  it.each([
    // A rustls-based proxy logging its session's fields between the library tag and the failure (rustls Error Debug forms).
    ['a rustls General error', 'WARN edge RUSTLS Session(sni=None, alpn=None, version=None, peer="10.0.0.9:5000", listener=3) >>> Could not perform handshake: General("no certificates")'],
    ['a decode error', 'ERROR worker-1 TLS conn(id=4, peer=10.0.0.7:50122) -> could not perform handshake: Decode'],
    ['handshake failed, TLS named earlier', 'ssl listener 0.0.0.0:8443 conn 7 client 10.0.0.9 state=reading handshake failed: BadRecordType'],
  ])('%s: tls_unknown', (_label, message) => {
    expect(conceptIds(message)).toContain('concept.tls_log_handshake_failed');
    expect(verdictOf(proxyFailed(message))).toBe('1015/tls_unknown');
  });

  it("rustls' InvalidMessage(InvalidContentType) in its Debug form is a non-TLS record (rustls.invalid_content_type)", () => {
    expect(verdictOf(proxyFailed('tls session 12: error InvalidMessage(InvalidContentType)'))).toBe('1015/tls_unknown');
  });

  it.each([
    ['the WebSocket upgrade', 'TLS ok; WebSocket handshake failed: missing Sec-WebSocket-Accept'],
    ['an HTTP upgrade', 'tls terminated, http upgrade handshake failed'],
    ['no TLS word', 'mqtt: could not perform handshake: bad CONNACK'],
  ])('not %s', (_label, message) => {
    expect(conceptIds(message)).not.toContain('concept.tls_log_handshake_failed');
  });
});

describe('a TLS certificate resolver is no DNS (CERT_RESOLVER)', () => {
  it.each([
    ['a resolver that found no certificate for a missing SNI', 'ERROR TLS-RESOLVER >>> cannot look up certificate: no SNI from session'],
    ['a certificate resolver named', 'certificate resolver: no certificate for server name'],
  ])('%s', (_label, message) => {
    expect(conceptIds(message)).not.toContain('concept.dns');
  });

  it('a resolver failure about a host still is DNS', () => {
    expect(conceptIds('resolver: SERVFAIL for feed.example.com')).toContain('concept.dns');
  });
});
