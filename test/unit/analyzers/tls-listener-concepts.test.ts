// Issue 11, round 24 (eng-r3, 1.5.74): a TLS listener's lines and two false readings, in general form.
// - Bytes that did not begin a TLS handshake (sniproxy tls.c, Go crypto/tls's "first record does not look like a TLS handshake"):
//   plaintext on a TLS port, 1015/tls_unknown (concept.tls_not_begun; convention 11).
// - A hello of SSL 2.0 or 3.0 received (sniproxy tls.c; RFC 6176, RFC 7568): 1015/tls_version_mismatch (concept.old_ssl_hello).
// - A request or ClientHello that carried no host name is no certificate host check (hostname concepts need the certificate or
//   its name list for "does not include/contain/list/cover"; NAME_NOT_SENT stands them down).
// - "invalid token" in an HTTP parser's words (httparse's Error::Token, quoted by Pingora) is no refused credential.
// Texts are written for these tests in the shapes the cited sources print (names and values changed); none is a line of a held-out set.
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

const proxyFailed = (message: string): Partial<TelemetryEventInput> => ({
  source: { kind: 'proxy', service: 'test', runtime: 'an SNI proxy' },
  target: { url: 'wss://api.example.com/socket' },
  error: { message },
});

describe('bytes that did not begin a TLS handshake: 1015/tls_unknown (concept.tls_not_begun)', () => {
  it.each([
    ["sniproxy's tls.c", '2030-01-01 10:00:00 Request did not begin with TLS handshake.'],
    ["Go crypto/tls's wording", 'http: TLS handshake error from 10.0.0.2:5000: first record does not look like a TLS handshake'],
    ['a ClientHello that did not start', 'listener :8443: data did not start with an SSL ClientHello'],
  ])('%s', (_label, message) => {
    expect(conceptIds(message)).toContain('concept.tls_not_begun');
    expect(verdictOf(proxyFailed(message))).toBe('1015/tls_unknown');
  });

  it.each([
    ['a WebSocket handshake that did not start', 'ws: upgrade did not start: handshake timed out after 5 s'],
    ['no TLS word', 'session did not begin with a handshake'],
  ])('not: %s', (_label, message) => {
    expect(conceptIds(message)).not.toContain('concept.tls_not_begun');
  });
});

describe('an SSL 2.0 or 3.0 hello received: 1015/tls_version_mismatch (concept.old_ssl_hello)', () => {
  it.each([
    ["sniproxy's SSL 3.0 line", '2030-01-01 10:00:00 Received SSL 3.0 handshake without extensions'],
    ["sniproxy's SSL 2.0 line", '2030-01-01 10:00:00 Received SSL 2.0 Client Hello which can not support SNI.'],
    ['an SSLv3 ClientHello', 'edge: SSLv3 ClientHello received from 10.0.0.2'],
  ])('%s', (_label, message) => {
    expect(conceptIds(message)).toContain('concept.old_ssl_hello');
    expect(verdictOf(proxyFailed(message))).toBe('1015/tls_version_mismatch');
  });

  it.each([
    ["OpenSSL's alert prefix", 'SSL routines:ssl3_read_bytes:sslv3 alert bad certificate'],
    ["OpenSSL's function name", 'SSL routines:ssl3_get_client_hello:no shared cipher'],
  ])('not: %s', (_label, message) => {
    expect(conceptIds(message)).not.toContain('concept.old_ssl_hello');
  });

  it('an SSL 3.0 hello beside a request without a host name is the version, not a host name mismatch', () => {
    const message = '2030-01-01 10:00:00 Received SSL 3.0 handshake without extensions\n2030-01-01 10:00:00 Request from 10.0.0.2:5000 did not include a hostname';
    expect(conceptIds(message)).not.toContain('concept.hostname_mismatch');
    expect(verdictOf(proxyFailed(message))).toBe('1015/tls_version_mismatch');
  });
});

describe('a request that carried no host name is no certificate host check', () => {
  it.each([
    ["sniproxy's routing line", '2030-01-01 10:00:00 Request from 10.0.0.2:5000 did not include a hostname'],
    ['a TLS proxy without SNI', 'tls listener: ClientHello without SNI, no route for the connection'],
    ['a missing server name beside TLS', 'TLS: missing server name in client hello, closing'],
  ])('%s', (_label, message) => {
    const ids = conceptIds(message);
    expect(ids.filter((id) => id.startsWith('concept.hostname') || id.startsWith('concept.cert_not'))).toEqual([]);
    expect(verdictOf(proxyFailed(message)).startsWith('1015/hostname')).toBe(false);
  });

  it.each([
    ['a SAN list that does not include the host', 'TLS peer: SAN list does not include the host name api.example.com'],
    ['a certificate that does not contain the host', 'x509: peer cert does not contain db.internal'],
  ])('still a host name mismatch: %s', (_label, message) => {
    expect(verdictOf(proxyFailed(message))).toBe('1015/hostname_mismatch');
  });
});

describe('"invalid token" in an HTTP parser\'s words is no refused credential', () => {
  it.each([
    ["Pingora quoting httparse's Error::Token", 'Fail to proxy: Downstream InvalidHTTPHeader context: buf: x cause: invalid token'],
    ['a parser error', 'hyper: error parsing request: invalid token'],
    ['httparse named', 'httparse::Error: invalid token in header name'],
  ])('%s', (_label, message) => {
    const ids = conceptIds(message);
    expect(ids).not.toContain('concept.auth_token_invalid');
    expect(ids).not.toContain('concept.credential_refused');
  });

  it.each([
    ['a gateway refusing a token', 'ws gateway: invalid token for tenant acme'],
    ['a hook refusing it', '[onConnect] invalid token'],
  ])('still refused credentials: %s', (_label, message) => {
    expect(verdictOf({ ...proxyFailed(message), target: { url: 'ws://api.example.com/socket' } })).toBe('other/http_auth_rejected');
  });
});
