// OpenSSL vocabulary, shared by every stack linked against OpenSSL or BoringSSL (Node, Python, curl,
// nginx, HAProxy, Envoy, s_client): verify result texts and numbers, SSL routines reason strings, alerts.
import { verifyCodeTable } from '../verify-codes.js';
import { rule, type Vocabulary, type VocabularyRule } from './types.js';

const sslErr = 'OpenSSL crypto/err/openssl.txt (SSL reason strings) https://github.com/openssl/openssl/blob/master/crypto/err/openssl.txt';
const sClient = 'OpenSSL apps/lib/s_cb.c verify_callback ("verify error:num=%d:%s") and apps/s_client.c ("Verify return code") https://github.com/openssl/openssl/blob/master/apps/lib/s_cb.c';
const repro = 'reproduced: docs/reproductions.md (node-ws, node-probe, curl, python, openssl s_client against the test PKI)';
const boringssl = 'BoringSSL ssl/ssl_lib.cc and include/openssl/ssl.h reason names (e.g. CERTIFICATE_VERIFY_FAILED) https://github.com/google/boringssl/blob/main/include/openssl/ssl.h';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One phrase rule per verify result text, e.g. "certificate has expired" (Python, curl, Node messages, s_client). */
const verifyTextRules: VocabularyRule[] = verifyCodeTable
  .filter((row) => row.cause !== undefined && row.code !== 1)
  .map((row) => ({
    id: `openssl.verify_text.${row.name.toLowerCase()}`,
    // OpenSSL 1.1 printed "self signed", 3.0 "self-signed": both spellings, as separate alternatives.
    pattern: new RegExp(
      [row.text, row.text.replace('self-signed', 'self signed')]
        .filter((text, i, all) => all.indexOf(text) === i)
        .map((text) => `\\b${escape(text)}\\b(?! in certificate chain)`)
        .join('|'),
      'i',
    ),
    cause: row.cause ?? 'tls_unknown',
    confidence: Math.min(0.8, row.confidence ?? 0.6),
    ...(row.ambiguity ? { ambiguity: row.ambiguity } : {}),
    source: `${row.source} (X509_V_ERR_${row.name}); ${repro}`,
    example: `certificate verify failed: ${row.text}`,
  }));

const alertNames =
  'handshake failure|protocol version|unknown ca|certificate expired|bad certificate|certificate unknown|certificate revoked|unsupported certificate|insufficient security|internal error|illegal parameter|decode error|decrypt error|access denied|unrecognized name|certificate required|no application protocol|inappropriate fallback|unexpected message|bad record mac|record overflow';

export const opensslVocabulary: Vocabulary = {
  name: 'openssl',
  rules: [
    rule('openssl.s_client_verify_error', /verify error:num=(\d+):/, 'tls_unknown', 0.95, `${sClient}; ${repro}`, { example: 'verify error:num=10:certificate has expired', capture: 'verify_code' }),
    rule('openssl.s_client_verify_return', /Verify return code: (\d+) \(/, 'tls_unknown', 0.95, sClient, { example: 'Verify return code: 21 (unable to verify the first certificate)', capture: 'verify_code' }),
    ...verifyTextRules,
    rule('openssl.alert_text', new RegExp(`\\b(?:sslv3|tlsv1|tlsv13) alert (${alertNames})\\b`, 'i'), 'tls_unknown', 0.85, `${sslErr}; ${repro}`, { example: 'sslv3 alert handshake failure', capture: 'tls_alert' }),
    rule('openssl.alert_reason', /\b(?:SSLV3|TLSV1|TLSV13)_ALERT_([A-Z_]+)\b/, 'tls_unknown', 0.85, `${sslErr}; ${boringssl}`, { example: 'TLSV1_ALERT_PROTOCOL_VERSION', capture: 'tls_alert' }),
    rule('openssl.alert_number', /\bSSL alert number (\d+)\b/, 'tls_unknown', 0.85, `OpenSSL ssl/record/rec_layer_s3.c (ERR_add_error_data "SSL alert number ") https://github.com/openssl/openssl/blob/master/ssl/record/rec_layer_s3.c; ${repro}`, { example: 'ssl3_read_bytes:sslv3 alert handshake failure:ssl/record/rec_layer_s3.c:1601:SSL alert number 40', capture: 'tls_alert' }),
    // The lower-case reason text only next to a TLS word: libsoup, Mono and others say "unsupported protocol" of a subprotocol.
    rule('openssl.unsupported_protocol', /\b(?:ssl|tls|openssl|boringssl|libressl)\b[\s\S]*\bunsupported protocol\b(?! scheme)|\bunsupported protocol\b(?! scheme)[\s\S]*\b(?:ssl|tls)\b|\bUNSUPPORTED_PROTOCOL\b|\bno protocols available\b|\bNO_PROTOCOLS_AVAILABLE\b|\bversion too low\b|\bUNKNOWN_PROTOCOL\b/i, 'tls_version_mismatch', 0.8, `${sslErr}; ${boringssl}`, { example: 'error:0A000102:SSL routines::unsupported protocol' }),
    rule('openssl.no_shared_cipher', /\bno shared cipher\b|\bNO_SHARED_CIPHER\b|\bno ciphers available\b|\bNO_CIPHERS_AVAILABLE\b|\bno cipher match\b|\bNO_CIPHER_MATCH\b/i, 'cipher_mismatch', 0.85, `${sslErr}; ${boringssl}`, { example: 'no shared cipher' }),
    rule('openssl.dh_key_too_small', /\bdh key too small\b/i, 'cipher_mismatch', 0.7, sslErr, { example: 'error:0A00018A:SSL routines::dh key too small' }),
    rule('openssl.wrong_version_number', /\bwrong version number\b|\bWRONG_VERSION_NUMBER\b/i, 'tls_unknown', 0.6, sslErr, { example: 'error:0A00010B:SSL routines::wrong version number' }),
    rule('openssl.certificate_verify_failed', /\bcertificate verify failed\b|\bCERTIFICATE_VERIFY_FAILED\b/i, 'tls_unknown', 0.5, `${sslErr}; ${boringssl}`, { example: 'CERTIFICATE_VERIFY_FAILED' }),
    // s_client reports the socket error of its last read or write by errno (Linux: 104 ECONNRESET, 32 EPIPE).
    rule('openssl.s_client_errno', /\b(?:read|write):errno=(?:104|32)\b/, 'network_reset', 0.6, 'OpenSSL apps/s_client.c ("write:errno=%d", "read:errno=%d") https://github.com/openssl/openssl/blob/master/apps/s_client.c; errno(3)', { example: 'write:errno=104' }),
    // Perl IO::Socket::SSL's $SSL_ERROR for SSL_ERROR_WANT_READ/WRITE: the handshake stopped waiting for the peer.
    rule('perl.ssl_wants', /\bSSL wants a (?:read|write) first\b/, 'tls_unknown', 0.55, 'IO::Socket::SSL lib/IO/Socket/SSL.pm ("SSL wants a read first") https://github.com/noxxi/p5-io-socket-ssl/blob/master/lib/IO/Socket/SSL.pm', { example: 'SSL wants a read first' }),
    rule('openssl.ssl_routines', /\bSSL routines\b|\bSSL_do_handshake\(\) failed|\bSSL_ERROR_SSL\b/, 'tls_unknown', 0.5, sslErr, { example: 'error:0A0000C1:SSL routines::no shared cipher' }),
  ],
};
