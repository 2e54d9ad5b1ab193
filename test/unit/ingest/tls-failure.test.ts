// Which socket errors mean "TLS will never work as configured" (report, do not retry), and the
// readable reason made from OpenSSL's error string. Codes as Node 20 reports them.
import { describe, expect, it } from 'vitest';
import { openSslReason, permanentTlsFailure } from '../../../ingest/tls-failure.js';

const errorWith = (code: string, message: string): Error => Object.assign(new Error(message), { code });

describe('permanentTlsFailure', () => {
  it.each([
    ['untrusted CA', 'SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain', 'peer certificate'],
    ['missing intermediate', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate', 'peer certificate'],
    ['issuer unknown', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'unable to get local issuer certificate', 'peer certificate'],
    ['expired', 'CERT_HAS_EXPIRED', 'certificate has expired', 'peer certificate'],
    ['wrong host (Node checkServerIdentity)', 'ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames", 'peer certificate'],
    ['peer refused our certificate', 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE', 'C0:error:0A000412:SSL routines:ssl3_read_bytes:sslv3 alert bad certificate:../ssl/record/rec_layer_s3.c:1601:SSL alert number 42', 'handshake'],
    ['peer wants a certificate (TLS 1.3)', 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 'C0:error:0A00045C:SSL routines:ssl3_read_bytes:tlsv13 alert certificate required:../ssl/record/rec_layer_s3.c:1605:SSL alert number 116', 'handshake'],
  ])('%s → %s', (_label, code, message, side) => {
    expect(permanentTlsFailure(errorWith(code, message))).toMatchObject({ code, side });
  });

  it.each([
    ['connection refused', errorWith('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9092')],
    ['connection reset', errorWith('ECONNRESET', 'read ECONNRESET')],
    ['timeout', errorWith('ETIMEDOUT', 'connect ETIMEDOUT')],
    ['no code', new Error('Connection timeout')],
    ['not an error', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
  ])('%s is not permanent', (_label, error) => {
    expect(permanentTlsFailure(error)).toBeUndefined();
  });

  it('finds the TLS error behind a wrapping error (error.cause)', () => {
    const wrapped = new Error('Connection error: unable to verify the first certificate', { cause: errorWith('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate') });
    expect(permanentTlsFailure(wrapped)?.code).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });
});

describe('openSslReason', () => {
  it.each([
    ['alert with number', '80ECECFC897F0000:error:0A000412:SSL routines:ssl3_read_bytes:sslv3 alert bad certificate:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number 42\n', 'sslv3 alert bad certificate (SSL alert number 42)'],
    ['reason only', 'C0:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:354:', 'wrong version number'],
    ['not an OpenSSL string', 'socket hang up', 'socket hang up'],
  ])('%s', (_label, message, expected) => {
    expect(openSslReason(message)).toBe(expected);
  });
});
