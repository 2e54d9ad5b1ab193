// Issue 11, holdout-11's 1015 families in general form (engine 1.5.17): GnuTLS certificate status numbers after a verify
// word in hex and decimal (never an HTTP status), GnuTLS error numbers in wrapper texts, the reset/EOF convention in both
// directions, "certificate does not match <host>", plaintext on a TLS port, and validity failures decided by dates.
// Texts are written for these tests in the shapes stacks print, not copied from the held-out sets.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../analyzers/classify.js';
import { gnutlsStatus, gnutlsStatusBits } from '../../../analyzers/codes/gnutls.js';
import { mbedtlsVerifyResult } from '../../../analyzers/codes/mbedtls.js';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { daysFromEvent, event, failedWithMessage } from './event-builder.js';

type Case = readonly [label: string, message: string, attribution: string, cause: string];
const outcome = (input: Partial<TelemetryEventInput>) => {
  const result = classify(event(input));
  return { attribution: result.attribution, cause: result.cause };
};

describe('GnuTLS certificate status bits (gnutls_certificate_status_t)', () => {
  it('decodes a status with GNUTLS_CERT_INVALID and known bits only, the issuer before the name before the dates', () => {
    expect(gnutlsStatus(0x402)?.row.cause).toBe('cert_expired');
    expect(gnutlsStatus(0x202)?.row.cause).toBe('cert_not_yet_valid');
    expect(gnutlsStatus(0x4002)?.row.cause).toBe('hostname_mismatch');
    expect(gnutlsStatus(0x442)?.flags).toEqual(['GNUTLS_CERT_SIGNER_NOT_FOUND', 'GNUTLS_CERT_EXPIRED', 'GNUTLS_CERT_INVALID']);
    expect(gnutlsStatus(0x442)?.row.cause).toBe('untrusted_ca');
    // No INVALID bit, an unused bit (0x10), or beyond the last flag: no status.
    expect(gnutlsStatus(0x400)).toBeUndefined();
    expect(gnutlsStatus(0x412)).toBeUndefined();
    expect(gnutlsStatus(1 << 22 | 2)).toBeUndefined();
  });

  it('has one row per flag, each bit once', () => {
    const bits = gnutlsStatusBits.map(([, bit]) => bit);
    expect(new Set(bits).size).toBe(bits.length);
    for (const [name, bit] of gnutlsStatusBits) expect(gnutlsStatus(bit | 2)?.flags).toContain(name);
  });

  it.each<Case>([
    ['hex, as Emacs prints it', 'TLS: certificate check for feed.example.org failed, verification code 4002', '1015', 'hostname_mismatch'],
    ['0x notation', 'gnutls: peer verification status 0x402', '1015', 'cert_expired'],
    ['decimal, as older Emacs printed it', 'Certificate validation failed api.example.com, verification code 514', '1015', 'cert_not_yet_valid'],
    ['decimal of EXPIRED|INVALID', 'x509 verification code 1026 for host api.example.com', '1015', 'cert_expired'],
    ['an unknown issuer in hex', 'tls handshake: verification code c2', '1015', 'untrusted_ca'],
  ])('%s', (_label, message, attribution, cause) => {
    expect(outcome({ error: { message } })).toEqual({ attribution, cause });
  });

  it('never reads the number after a verify word as an HTTP status', () => {
    // 404 is no GnuTLS status either (0x404 and 0x194 lack GNUTLS_CERT_INVALID or use an unused bit).
    const result = classify(failedWithMessage('TLS peer check: verification code 404'));
    expect(result.cause).not.toBe('http_rejected');
    expect(result.evidence.map((e) => e.detail).join(' ')).not.toContain('HTTP status');
  });

  it('keeps an OpenSSL verify result (a small number with its own meaning) unless the text names GnuTLS', () => {
    expect(outcome({ error: { message: 'certificate verification error code 62 (hostname)' } })).toEqual({ attribution: '1015', cause: 'hostname_mismatch' });
    expect(outcome({ error: { message: 'certificate verification error code 10' } })).toEqual({ attribution: '1015', cause: 'cert_expired' });
    // 0x22 = INVALID | REVOKED in GnuTLS; 22 is X509_V_ERR_CERT_CHAIN_TOO_LONG in OpenSSL (no cause of its own).
    expect(outcome({ error: { message: 'gnutls: certificate verification code 22' } })).toEqual({ attribution: '1015', cause: 'tls_unknown' });
  });
});

describe('GnuTLS error numbers in wrapper texts', () => {
  it.each<Case>([
    ['a pull error during the handshake is the handshake failing (the reset convention)', 'tls-client: GnuTLS error: handshake aborted (-54)', '1015', 'tls_unknown'],
    ['an unexpected packet (a plaintext answer)', 'gnutls error -15 while connecting to feed.example.org', '1015', 'tls_unknown'],
    ['an unsupported curve', 'GnuTLS failure: -322', '1015', 'cipher_mismatch'],
    ['its strerror text alone', 'handshake: The Diffie-Hellman prime sent by the server is not acceptable (not long enough).', '1015', 'cipher_mismatch'],
  ])('%s', (_label, message, attribution, cause) => {
    expect(outcome({ error: { message } })).toEqual({ attribution, cause });
  });
});

describe('the reset/EOF convention in both directions', () => {
  it.each<Case>([
    // A TLS library's error naming a reset or EOF: the TLS handshake failed, its cause not shown.
    ['an SSL error naming an EOF', 'ws-client: SSL error: EOF during negotiation', '1015', 'tls_unknown'],
    ['a TLS exception naming a reset', 'TlsException: connection reset by peer', '1015', 'tls_unknown'],
    ['an OpenSSL error naming a broken pipe', 'OpenSSL error: Broken pipe (os error 32)', '1015', 'tls_unknown'],
    // After the handshake, reading the upgrade's answer: the server dropped the request.
    ['EOF while reading the upgrade answer', 'client: read upgrade answer: SSL routines::unexpected eof while reading', 'other', 'network_reset'],
    ['reset while waiting for the HTTP response', 'waiting for HTTP response: TLS read: connection reset by peer', 'other', 'network_reset'],
    ['a TLS read call', 'SSL_read() returned 0: EOF (SSL error: the server closed)', 'other', 'network_reset'],
  ])('%s', (_label, message, attribution, cause) => {
    expect(outcome({ error: { message } })).toEqual({ attribution, cause });
  });

  it('says the handshake had completed', () => {
    const result = classify(failedWithMessage('parse response: error:0A000126:SSL routines::unexpected eof while reading'));
    expect(result.cause).toBe('network_reset');
    expect(result.evidence[0]?.detail).toContain('inferred.reset_after_tls_handshake');
  });

  it('lets a specific TLS cause in a text about the answer stand', () => {
    expect(outcome({ error: { message: 'reading response: certificate verify failed: certificate has expired' } })).toEqual({ attribution: '1015', cause: 'cert_expired' });
  });
});

describe('a certificate that does not match a host the text names', () => {
  it.each<Case>([
    ['a host name', "peer certificate doesn't match db.internal", '1015', 'hostname_mismatch'],
    ['an IP address', 'x509 cert does not match 10.0.0.5', '1015', 'hostname_mismatch'],
    ['localhost, quoted', 'TLS: the server certificate does not match "localhost"', '1015', 'hostname_mismatch'],
  ])('%s', (_label, message, attribution, cause) => {
    expect(outcome({ error: { message } })).toEqual({ attribution, cause });
  });

  it('is no host check when the certificate fails to match something else', () => {
    expect(classify(failedWithMessage('The certificate does not match the private key')).cause).not.toBe('hostname_mismatch');
    expect(classify(failedWithMessage("The certificate doesn't match the local copy (TOFU).")).cause).not.toBe('hostname_mismatch');
  });
});

describe('plaintext on a TLS port', () => {
  it('is a TLS failure without a version named', () => {
    expect(outcome({ error: { message: 'javax.net.ssl.SSLException: Unsupported or unrecognized SSL message' } })).toEqual({ attribution: '1015', cause: 'tls_unknown' });
  });
  it('is a version mismatch when the event names an obsolete version', () => {
    expect(outcome({ error: { message: 'Unsupported or unrecognized SSL message' }, tls: { version: 'TLSv1' } })).toEqual({ attribution: '1015', cause: 'tls_version_mismatch' });
  });
});

describe('validity failures that do not say which end', () => {
  const message = 'CertPathValidatorException: PKIX path validation failed: validity check failed';
  it('decides with the certificate dates', () => {
    expect(outcome({ error: { message }, tls: { peer_certificate: { not_before: daysFromEvent(30), not_after: daysFromEvent(400) } } }).cause).toBe('cert_not_yet_valid');
    expect(outcome({ error: { message }, tls: { peer_certificate: { not_before: daysFromEvent(-400), not_after: daysFromEvent(-3) } } }).cause).toBe('cert_expired');
  });
  it('decides with dates the text prints, against the event time', () => {
    expect(outcome({ error: { message: `${message} (NotBefore: 2031-03-01T00:00:00Z)` } }).cause).toBe('cert_not_yet_valid');
    expect(outcome({ error: { message: 'net::ERR_CERT_DATE_INVALID, certificate not valid after Jan  1 00:00:00 2024 GMT' } }).cause).toBe('cert_expired');
  });
  it('reads expired at the confidence of an undecided TLS failure without dates, and says so', () => {
    const result = classify(failedWithMessage(message));
    expect(result.cause).toBe('cert_expired');
    expect(result.confidence).toBeLessThanOrEqual(0.55);
    expect(result.evidence[0]?.detail).toContain('validity undecided');
  });
});

describe('table rows the audit added', () => {
  it.each<Case>([
    ['a .NET name-constraint flag', 'The remote certificate is invalid according to the validation procedure: HasNotPermittedNameConstraint', '1015', 'tls_unknown'],
    ['a .NET trust-list flag', 'X509Chain status: CtlNotSignatureValid', '1015', 'tls_unknown'],
    ['a Java PKIX reason', 'java.security.cert.CertPathValidatorException: reason UNRECOGNIZED_CRIT_EXT', '1015', 'tls_unknown'],
    ['a GnuTLS status sentence', 'TLS verify: The certificate chain does not match the intended purpose.', '1015', 'tls_unknown'],
  ])('%s', (_label, message, attribution, cause) => {
    expect(outcome({ error: { message } })).toEqual({ attribution, cause });
  });

  it('names the row in the evidence', () => {
    const result = classify(failedWithMessage('X509Chain status: CtlNotSignatureValid'));
    expect(result.evidence[0]?.detail).toContain('codes.dotnet.ctlnotsignaturevalid');
  });

  it('leaves a WebSocket extension error named like a .NET flag alone', () => {
    expect(classify(failedWithMessage('InvalidExtension: permessage-deflate answer malformed')).attribution).not.toBe('1015');
  });
});

describe('mbedTLS verify results and error numbers', () => {
  it('decodes MBEDTLS_X509_BADCERT_* flags, the issuer before the name before the dates', () => {
    expect(mbedtlsVerifyResult(0x08)?.row.cause).toBe('untrusted_ca');
    expect(mbedtlsVerifyResult(0x04)?.row.cause).toBe('hostname_mismatch');
    expect(mbedtlsVerifyResult(0x0200)?.row.cause).toBe('cert_not_yet_valid');
    expect(mbedtlsVerifyResult(0x0201)?.flags).toEqual(['MBEDTLS_X509_BADCERT_FUTURE', 'MBEDTLS_X509_BADCERT_EXPIRED']);
    // Zero, and a bit no flag uses (0x1000000), are no verify result.
    expect(mbedtlsVerifyResult(0)).toBeUndefined();
    expect(mbedtlsVerifyResult(0x1000000)).toBeUndefined();
  });

  it.each<Case>([
    ['a result in hex, as embedded clients print it', 'esp_tls_mbedtls: mbedtls_ssl_get_verify_result returned 0x8', '1015', 'untrusted_ca'],
    ['a result in decimal', 'mbed TLS: verification flags = 4 for sensor.example.net', '1015', 'hostname_mismatch'],
    ['a zero-padded result', 'mbedtls verify result 0x00000200', '1015', 'cert_not_yet_valid'],
    ['a fatal alert by its error number', 'mbedtls_ssl_handshake returned -0x7780', '1015', 'tls_unknown'],
    ['no TLS record by its text', 'mbedtls: SSL - An invalid SSL record was received', '1015', 'tls_unknown'],
  ])('%s', (_label, message, attribution, cause) => {
    expect(outcome({ error: { message } })).toEqual({ attribution, cause });
  });

  it('reads a small number as OpenSSL verify result unless the text names mbedTLS', () => {
    // 4 is X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE in OpenSSL; next to mbedTLS it is BADCERT_CN_MISMATCH.
    expect(outcome({ error: { message: 'certificate verify result 4' } }).cause).not.toBe('hostname_mismatch');
  });
});
