// Platform code tables (analyzers/codes/): every row cited and mapped to a contract cause, every code
// recognised in the notations its stack prints, and numbers in unrelated texts left alone.
import { describe, expect, it } from 'vitest';
import type { SourcedFinding } from '../../../analyzers/candidate.js';
import { classify } from '../../../analyzers/classify.js';
import { allCodeRows, codeRuleId, platformCodeTables } from '../../../analyzers/codes/index.js';
import { unpackSslError } from '../../../analyzers/codes/openssl-reasons.js';
import { scanCodeNumbers, type CodeMatch } from '../../../analyzers/codes/scanner.js';
import { codeFindings } from '../../../analyzers/codes/findings.js';
import { alwaysRunRuleIds, matchVocabularies } from '../../../analyzers/vocabularies/index.js';
import { codesVocabulary } from '../../../analyzers/codes/vocabulary.js';
import { allCauses } from '../../../schemas/classification.js';
import { codeRuleSamples } from './code-samples.js';
import { event, failedWithMessage } from './event-builder.js';

describe('code tables', () => {
  it.each(allCodeRows.map((row) => [codeRuleId(row), row] as const))('%s cites a primary source and names a contract cause', (_id, row) => {
    expect(row.source).toMatch(/https:\/\/\S+/);
    expect(allCauses).toContain(row.cause);
    expect(row.confidence).toBeGreaterThan(0);
    expect(row.confidence).toBeLessThanOrEqual(1);
    expect(row.names.length).toBeGreaterThan(0);
  });

  it('rule ids are unique', () => {
    const ids = allCodeRows.map(codeRuleId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('a code means one thing within its source (one enum or header)', () => {
    for (const table of platformCodeTables) {
      const codes = table.flatMap((row) => (row.code === undefined ? [] : [`${row.source}:${row.code}`]));
      expect(new Set(codes).size, codes.join(' ')).toBe(codes.length);
    }
  });

  it('a name that two tables share points to the same cause', () => {
    const causeOf = new Map<string, string>();
    for (const row of allCodeRows)
      for (const name of row.names) {
        const known = causeOf.get(name.toUpperCase());
        if (known !== undefined) expect(`${name} → ${row.cause}`).toBe(`${name} → ${known}`);
        causeOf.set(name.toUpperCase(), row.cause);
      }
  });

  it.each(codeRuleSamples)('rule %s fires on "%s"', (id, text) => {
    expect(matchVocabularies([{ kind: 'error.message', text }]).map((finding) => finding.rule)).toContain(id);
  });

  it('no code rule runs on every text: each name is its own trigger word', () => {
    expect(alwaysRunRuleIds.filter((id) => id.startsWith('codes.'))).toEqual([]);
  });

  it('every codes rule has a sample', () => {
    const sampled = new Set(codeRuleSamples.map(([id]) => id));
    expect(codesVocabulary.rules.map((rule) => rule.id).filter((id) => !sampled.has(id))).toEqual([]);
  });
});

describe('packed OpenSSL / BoringSSL errors', () => {
  it.each([
    ['0A000086', 'openssl3', 134],
    ['0A00042E', 'openssl3', 1070],
    ['14090086', 'openssl1', 134],
    ['14094418', 'openssl1', 1048],
    ['1000007d', 'boringssl', 125],
    ['10000418', 'boringssl', 1048],
  ] as const)('error:%s is %s reason %i', (hex, library, reason) => {
    expect(unpackSslError(parseInt(hex, 16))).toEqual({ library, reason });
  });
  it.each(['12345678', '0606C06B', '80090325'])('error:%s is no SSL-library code', (hex) => {
    expect(unpackSslError(parseInt(hex, 16))).toBeUndefined();
  });
});

// [label, error text, attribution, cause]
const notations: readonly (readonly [string, string, string, string])[] = [
  ['alert number', 'tls: received alert 70', '1015', 'tls_version_mismatch'],
  ['alert number word', 'SSL_connect: fatal alert number 46 received', '1015', 'tls_unknown'],
  ['alert tuple', "ssl.SSLError: alert (2, 48) from peer", '1015', 'untrusted_ca'],
  ['alert name(number)', 'peer sent protocol_version(70)', '1015', 'tls_version_mismatch'],
  ['alert CamelCase', 'AlertReceived(AlertDescription.ProtocolVersion)', '1015', 'tls_version_mismatch'],
  ['alert SSLV3_ALERT_', 'SSLV3_ALERT_CERTIFICATE_EXPIRED', '1015', 'cert_expired'],
  ['alert TLSV1_ALERT_', 'TLSV1_ALERT_UNKNOWN_CA', '1015', 'untrusted_ca'],
  ['alert SSL_AD_', 'SSL_AD_HANDSHAKE_FAILURE', '1015', 'cipher_mismatch'],
  ['alert snake', 'handshake aborted: bad_certificate', '1015', 'tls_unknown'],
  ['alert rustls', 'received fatal alert: BadCertificate', '1015', 'tls_unknown'],
  ['alert GnuTLS name', 'tls: peer alert: Certificate is expired', '1015', 'cert_expired'],
  ['alert GnuTLS name with number', '*** Received alert [70]: Error in protocol version', '1015', 'tls_version_mismatch'],
  ['alert number in brackets', 'alert [48] from server', '1015', 'untrusted_ca'],
  ['legacy sigalg: a TLS 1.0/1.1-only peer', 'SSL_connect: legacy sigalg disallowed or unsupported', '1015', 'tls_version_mismatch'],
  ['legacy sigalg packed', 'error:0A00014D', '1015', 'tls_version_mismatch'],
  ['packed OpenSSL 3', 'C0D7B3E1F67F0000:error:0A000086', '1015', 'tls_unknown'],
  ['packed OpenSSL 3 alert', 'error:0A000412', '1015', 'tls_unknown'],
  ['packed OpenSSL 1.1 alert', 'error:14094418', '1015', 'untrusted_ca'],
  ['packed OpenSSL 1.1 reason', 'error:1408A0C1', '1015', 'cipher_mismatch'],
  ['packed BoringSSL', 'error:100000b8', '1015', 'cipher_mismatch'],
  ['SSL reason name', '[SSL: NO_SHARED_CIPHER]', '1015', 'cipher_mismatch'],
  ['SSL_R_ name', 'SSL_R_UNSUPPORTED_PROTOCOL', '1015', 'tls_version_mismatch'],
  ['verify number', 'SSL verify result: 10', '1015', 'cert_expired'],
  ['verify name', 'X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT', '1015', 'self_signed'],
  ['verify bare name', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', '1015', 'untrusted_ca'],
  ['SecureTransport name', 'errSSLPeerCertExpired', '1015', 'cert_expired'],
  ['SecureTransport number', 'Error Domain=NSOSStatusErrorDomain Code=-9843', '1015', 'hostname_mismatch'],
  ['Security framework', 'SecTrustEvaluateWithError: -67843', '1015', 'untrusted_ca'],
  ['NSURLError number', 'Error Domain=NSURLErrorDomain Code=-1204', '1015', 'cert_not_yet_valid'],
  ['NSURLError Swift', 'URLError(.serverCertificateHasUnknownRoot)', '1015', 'untrusted_ca'],
  ['SChannel name', 'SEC_E_CERT_EXPIRED', '1015', 'cert_expired'],
  ['SChannel hex', 'AuthenticationException (0x80090325)', '1015', 'untrusted_ca'],
  ['SChannel text', 'The target principal name is incorrect.', '1015', 'hostname_mismatch'],
  ['CryptoAPI signed', 'Win32Exception (-2146762495)', '1015', 'cert_expired'],
  ['CryptoAPI name', 'CERT_E_CN_NO_MATCH', '1015', 'hostname_mismatch'],
  ['WinINet name', 'ERROR_INTERNET_SEC_CERT_DATE_INVALID', '1015', 'cert_expired'],
  ['WinHTTP number', 'WinHttpSendRequest failed: 12038', '1015', 'hostname_mismatch'],
  ['NSS lower case', '(Error code: ssl_error_bad_cert_domain)', '1015', 'hostname_mismatch'],
  ['NSS number', 'PR_CONNECT_RESET_ERROR? no: NSS error -8181', '1015', 'cert_expired'],
  ['mozilla::pkix', 'MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE', '1015', 'cert_not_yet_valid'],
  ['GnuTLS name', 'GNUTLS_E_UNKNOWN_CIPHER_SUITE', '1015', 'cipher_mismatch'],
  ['GnuTLS number', 'gnutls_handshake() failed: -8', '1015', 'tls_version_mismatch'],
  ['GnuTLS text', 'Could not negotiate a supported cipher suite.', '1015', 'cipher_mismatch'],
  ['mbedTLS hex', 'mbedtls_ssl_handshake returned -0x6E80', '1015', 'tls_version_mismatch'],
  ['mbedTLS flag', 'MBEDTLS_X509_BADCERT_CN_MISMATCH', '1015', 'hostname_mismatch'],
  ['mbedTLS text', '! The certificate validity starts in the future', '1015', 'cert_not_yet_valid'],
  ['wolfSSL name', 'ASN_BEFORE_DATE_E', '1015', 'cert_not_yet_valid'],
  ['wolfSSL number', 'wolfSSL_connect error -322', '1015', 'hostname_mismatch'],
  ['wolfSSL text', 'ASN date error, current date after', '1015', 'cert_expired'],
  ['BearSSL name', 'BR_ERR_X509_NOT_TRUSTED', '1015', 'untrusted_ca'],
  ['BearSSL number', 'BearSSL engine error 56', '1015', 'hostname_mismatch'],
  ['BearSSL alert', 'BearSSL error 304 (received fatal alert)', '1015', 'untrusted_ca'],
  ['.NET chain flag', 'X509ChainStatusFlags.ExplicitDistrust', '1015', 'untrusted_ca'],
  ['Java reason', 'CertPathValidatorException: reason BasicReason.NOT_YET_VALID', '1015', 'cert_not_yet_valid'],
  ['Java PKIX reason', 'CertPathValidatorException: PKIXReason.NO_TRUST_ANCHOR', '1015', 'untrusted_ca'],
  ['Erlang bad_cert reason', '{error,{tls_alert,{handshake_failure,"... {bad_cert,hostname_check_failed}"}}}', '1015', 'hostname_mismatch'],
  ['Erlang self-signed peer', 'verify_fun: {bad_cert,selfsigned_peer}', '1015', 'self_signed'],
  ['GnuTLS status sentence', 'Status: The certificate is NOT trusted. The certificate chain uses not yet valid certificate.', '1015', 'cert_not_yet_valid'],
  ['mbedTLS socket error is no TLS failure', 'mbedtls_net_connect returned -0x0052', 'other', 'dns_failure'],
  ['curl exit code with a reset: the text names no TLS, so the reset stays a reset (reset/EOF convention)', 'curl: (35) Recv failure: Connection reset by peer', 'other', 'network_reset'],
  ['NSS text', 'Peer reports incompatible or unsupported protocol version.', '1015', 'tls_version_mismatch'],
  ['GnuTLS alert name as curl prints it', 'gnutls_handshake() failed: Handshake failed', '1015', 'cipher_mismatch'],
  ['GnuTLS transport error is no TLS cause', 'gnutls_record_recv(): Error in the pull function. (-54)', 'other', 'network_reset'],
  ['Cloudflare text', 'Error 525: SSL handshake failed', '1015', 'tls_unknown'],
  ['Cloudflare status in a runtime text', 'Unexpected response code: 526', '1015', 'tls_unknown'],
];

describe.each(notations)('%s', (_label, text, attribution, cause) => {
  it(`"${text}" → ${attribution}/${cause}`, () => {
    const result = classify(failedWithMessage(text));
    expect([result.attribution, result.cause]).toEqual([attribution, cause]);
  });
});

// Numbers that look like codes in texts that name no stack, and names used in ordinary words.
const unrelated: readonly string[] = [
  'listening on port 12037 failed: connection refused',
  'worker pid -151 exited',
  'retrying in 2148074277 ns',
  'offset -2146893019 out of range',
  'disk alert 70% full',
  'processed 525 messages then closed',
  'parser error:12345678 at line 4',
  'session EXPIRED, please log in',
  'BadCertificate',
  'internal_error while encoding frame',
  'code -0x2700?',
  'Handshake failed',
  'websocket handshake failed: see alert log',
  'Server requested unsupported protocol',
];

describe('numbers and words in unrelated texts', () => {
  it.each(unrelated)('"%s" is not a TLS failure', (text) => {
    expect(classify(failedWithMessage(text)).attribution).not.toBe('1015');
  });
});

describe('structured fields', () => {
  it.each([
    ['ios 17 URLSession', -9814, '1015', 'cert_expired'],
    ['swift starscream 4', -67843, '1015', 'untrusted_ca'],
    ['windows 11 winhttp', 12175, '1015', 'tls_unknown'],
    ['dotnet 8 on windows', -2146893016, '1015', 'cert_expired'],
    ['firefox 128', -8179, '1015', 'untrusted_ca'],
    ['node 20 ws 8.18', 12175, 'other', 'unknown_failure'],
    ['node 20 ws 8.18', -151, 'other', 'unknown_failure'],
  ] as const)('error.code from %s: %s → %s/%s', (runtime, code, attribution, cause) => {
    const result = classify(event({ source: { kind: 'client', service: 'test', runtime }, error: { code } }));
    expect([result.attribution, result.cause]).toEqual([attribution, cause]);
  });

  it.each([
    ['CERT_E_UNTRUSTEDROOT', 'untrusted_ca'],
    ['SEC_ERROR_EXPIRED_CERTIFICATE', 'cert_expired'],
    ['0x800B010F', 'hostname_mismatch'],
  ])('tls.verify_code %s from another stack → %s', (verify_code, cause) => {
    const result = classify(event({ tls: { verify_code } }));
    expect([result.attribution, result.cause, result.evidence[0]?.kind]).toEqual(['1015', cause, 'tls.verify_code']);
  });

  it.each([525, 526])('an upgrade answered %i is a TLS failure between the CDN and the origin', (status) => {
    const result = classify(event({ handshake: { status } }));
    expect([result.attribution, result.cause, result.evidence[0]?.kind]).toEqual(['1015', 'tls_unknown', 'handshake.status']);
  });

  it('an origin TLS status loses to the origin failure the proxy names', () => {
    const result = classify(event({ handshake: { status: 526 }, error: { message: 'origin certificate has expired (SEC_E_CERT_EXPIRED)' } }));
    expect([result.attribution, result.cause]).toEqual(['1015', 'cert_expired']);
  });
});

describe('scanner', () => {
  const scan = (text: string, runtime?: string): string[] => {
    const out: CodeMatch[] = [];
    scanCodeNumbers(text, out, runtime);
    return out.map((match) => `${match.row.names[0]}=${match.matched}`);
  };
  it.each([
    ['OSStatus -9814', undefined, ['errSSLCertExpired=-9814']],
    ['-9814', 'ios 17', ['errSSLCertExpired=-9814']],
    ['-9814', 'node 20', []],
    ['0x80090328L', undefined, ['SEC_E_CERT_EXPIRED=0x80090328L']],
    ['HResult=-2146893016', undefined, ['SEC_E_CERT_EXPIRED=-2146893016']],
    ['v1.12037 build 12037', undefined, []],
    ['error:0A000086 error:0A000086', undefined, ['CERTIFICATE_VERIFY_FAILED=error:0A000086']],
  ] as const)('%s (runtime %s) → %j', (text, runtime, expected) => {
    expect(scan(text, runtime)).toEqual(expected);
  });
});
