// Issue 11, holdout-10's families in general form: a wrapper class name gives way to the cause its chain names; an
// HTTP reason phrase as an enum variant next to a status word is a refused upgrade; a TLS handshake that timed out is
// a network timeout. Texts are written for these tests in the shapes stacks print, not copied from the held-out sets.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../analyzers/classify.js';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { event } from './event-builder.js';

type Case = readonly [label: string, input: Partial<TelemetryEventInput>, attribution: string, cause: string];
const check = (input: Partial<TelemetryEventInput>) => classify(event(input));
const connect = 'java.net.ConnectException';

describe('a generic wrapper class name ranks below the cause its chain names', () => {
  it.each<Case>([
    ['PKIX in the chain', { error: { name: connect, message: `${connect}: handshake problem\nCaused by: sun.security.validator.ValidatorException: PKIX path building failed` } }, '1015', 'untrusted_ca'],
    ['BoringSSL alert reason in the message', { error: { name: connect, message: 'error:10000410:SSL routines:OPENSSL_internal:SSLV3_ALERT_HANDSHAKE_FAILURE' } }, '1015', 'cipher_mismatch'],
    ['a TLS failure in words only', { error: { name: connect, message: 'General SslEngine problem' } }, '1015', 'tls_unknown'],
    // Negatives: the wrapper alone, or with a message of the same cause, still stands.
    ['the wrapper alone', { error: { name: connect, message: 'wss://api.example.com:443' } }, 'other', 'connection_refused'],
    ['the wrapper with a refused connect', { error: { name: connect, message: 'Connection refused' } }, 'other', 'connection_refused'],
  ])('%s', (_label, input, attribution, cause) => {
    expect(check(input)).toMatchObject({ attribution, cause });
  });

  it('cites the chain, not the wrapper', () => {
    const result = check({ error: { name: connect, message: `${connect}\nCaused by: java.security.cert.CertificateExpiredException: NotAfter: Sat May 31 23:59:59 UTC 2025` } });
    expect(result.cause).toBe('cert_expired');
    expect(JSON.stringify(result.evidence)).not.toContain('java.connect_exception');
  });
});

describe('an HTTP reason phrase as an enum variant next to a status word', () => {
  it.each<Case>([
    ['StatusCodeError(Forbidden)', { error: { message: 'Other(StatusCodeError(Forbidden))' } }, 'other', 'http_rejected'],
    ['status: NotFound', { error: { message: 'upgrade failed, status: NotFound' } }, 'other', 'http_rejected'],
    ['response code InternalServerError', { error: { message: 'HandshakeError { response code: InternalServerError }' } }, 'other', 'http_rejected'],
  ])('%s', (_label, input, attribution, cause) => {
    expect(check(input)).toMatchObject({ attribution, cause });
  });

  it.each<Case>([
    // Negatives: no status word, or a close code named (1011 by name stays a close).
    ['a reason phrase alone', { error: { message: 'resource NotFound in cache' } }, 'other', 'unknown_failure'],
    ['a close code named InternalServerError', { error: { message: 'WebSocketCloseStatus.InternalServerError' } }, 'other', 'server_error'],
  ])('not %s', (_label, input, attribution, cause) => {
    expect(check(input)).toMatchObject({ attribution, cause });
  });
});

describe('a TLS handshake that timed out is a network timeout (project convention), not 1015', () => {
  it.each<Case>([
    ['did not complete within N s', { error: { message: 'TLS handshake did not complete within 3 s' } }, 'other', 'network_timeout'],
    ['timed out', { error: { name: 'timeout', message: 'SSL handshake did not complete within 1500 ms' } }, 'other', 'network_timeout'],
    // Negatives: a TLS cause named next to the timeout stands; a handshake that failed without time words stays 1015.
    ['handshake failed, no time', { error: { message: 'TLS handshake did not complete: peer sent garbage' } }, '1015', 'tls_unknown'],
  ])('%s', (_label, input, attribution, cause) => {
    expect(check(input)).toMatchObject({ attribution, cause });
  });
});

describe('a wrapper phrase gives way to the reason quoted in it', () => {
  const unclean = (reason: string) => `connection was closed uncleanly ("${reason}")`;
  it.each<Case>([
    ['a duplicated extension', { error: { message: unclean('multiple occurrence of a permessage-deflate extension') }, close: { code: 1006, reason: unclean('multiple occurrence of a permessage-deflate extension') } }, '1010', 'extension_params_rejected'],
    ['a malformed extension parameter', { error: { message: unclean("invalid value for extension parameter 'server_max_window_bits'") } }, '1010', 'extension_params_rejected'],
    // In another field: a verification error names the host mismatch; the close reason is the wrapper alone.
    ['a DNSMismatch in the error', { error: { name: 'VerificationError', message: "VerificationError(errors=[DNSMismatch(mismatched_id=DNS_ID(hostname=b'api.example.com'))])" }, close: { code: 1006, reason: unclean('peer dropped the TCP connection without previous WebSocket closing handshake') } }, '1015', 'hostname_mismatch'],
    // Negative: the wrapper with no other cause still says the session ended without a Close frame.
    ['the wrapper alone', { error: { message: unclean('peer dropped the TCP connection without previous WebSocket closing handshake') }, outcome: 'closed', close: { code: 1006 } }, 'other', 'abnormal_closure'],
  ])('%s', (_label, input, attribution, cause) => {
    expect(check(input)).toMatchObject({ attribution, cause });
  });

  it('a DNS failure is not a host name mismatch', () => {
    expect(check({ error: { message: 'getaddrinfo ENOTFOUND api.example.com (DNS lookup failed)' } })).toMatchObject({ attribution: 'other', cause: 'dns_failure' });
  });
});

describe('no TLS record: plaintext on a TLS port', () => {
  it.each<Case>([
    ['Netty, behind a wrapper class', { error: { name: 'java.net.ConnectException', message: 'not an SSL/TLS record: 485454502f312e31' } }, '1015', 'tls_unknown'],
    ['in other words', { error: { message: 'read failed: answer is not a TLS record' } }, '1015', 'tls_unknown'],
    // Negatives: a DNS record is no TLS record, nor is a record word far from the TLS word.
    ['a DNS record', { error: { message: 'no DNS record for tls.example.com' } }, 'other', 'unknown_failure'],
  ])('%s', (_label, input, attribution, cause) => {
    expect(check(input)).toMatchObject({ attribution, cause });
  });
});
