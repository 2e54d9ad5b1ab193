// The generalising tier: cause concepts recognised in texts no exact rule knows, in any formatting,
// at a confidence below the exact rules, with evidence naming the concept; hard negatives that must not
// become 1010/1015; and the rule that exact rules, codes and certificate facts outrank a concept.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../analyzers/classify.js';
import { concepts } from '../../../analyzers/concepts/concepts.js';
import { lexicon } from '../../../analyzers/concepts/lexicon.js';
import { findConcepts } from '../../../analyzers/concepts/scanner.js';
import { words } from '../../../analyzers/concepts/words.js';
import type { SourcedFinding } from '../../../analyzers/candidate.js';
import { matchVocabularies } from '../../../analyzers/vocabularies/index.js';
import { daysFromEvent, event, failedWithMessage } from './event-builder.js';

const conceptIds = (text: string, kind = 'error.message'): string[] => {
  const out: SourcedFinding[] = [];
  findConcepts(kind, text, out);
  return out.map((finding) => finding.rule);
};

describe('words', () => {
  it.each([
    ['CamelCase', 'CertificateExpiredError', ['certificate', 'expired', 'error']],
    ['acronym then word', 'SSLHandshakeException', ['ssl', 'handshake', 'exception']],
    ['SCREAMING_CASE', 'SEC_E_CERT_EXPIRED', ['sec', 'e', 'cert', 'expired']],
    ['dots and dashes', 'tls.peer-cert.not_after', ['tls', 'peer', 'cert', 'not', 'after']],
    ['contractions read as not', "hostname doesn't match", ['hostname', 'not', 'match']],
    ['filler words dropped, plurals singular', 'the names of the certificates do not match', ['name', 'certificate', 'not', 'match']],
    ['letters and digits stay together', 'x509: TLSv1 alert 403', ['x509', 'tlsv1', 'alert', '403']],
    ['a TLS library fused with a prefix reads as its kind', 'UNITYTLS_ERR mbedtls openssl', ['tls', 'err', 'tls', 'ssl']],
    ['a standard number fused with the next word', 'X509VERIFY_FLAG_EXPIRED', ['x509', 'verify', 'flag', 'expired']],
  ] as const)('%s', (_label, text, expected) => {
    expect(words(text).map((word) => word.norm)).toEqual(expected);
  });

  it('reads a host name or IPv4 address as one word (its labels would push a concept apart); Java packages stay words', () => {
    expect(words('SNI name api.example.com not in cert, 127.0.0.1:443').map((word) => word.norm)).toEqual(['sni', 'name', '#host', 'not', 'in', 'cert', '#host', '443']);
    expect(words('java.net.ConnectException sun.security.provider').map((word) => word.norm)).toEqual(['java', 'net', 'connect', 'exception', 'sun', 'security', 'provider']);
  });

  it('numbers identifiers: words joined by case, _, . or - share a run; a space or other character starts one', () => {
    expect(words('HOSTNAME_MISMATCH in AlertDescription.ProtocolVersion, self-signed: x').map((word) => word.run)).toEqual([0, 0, 1, 2, 2, 2, 2, 3, 3, 4]);
  });
});

describe('concept table', () => {
  it('lexicon phrases use only normalised words (what words() can produce)', () => {
    const bad: string[] = [];
    for (const [name, entries] of Object.entries(lexicon))
      for (const entry of entries) {
        const phrase = typeof entry === 'string' ? [entry] : [...entry];
        // "#host" is the word words() makes of a host name or address, "#invalidhost" the word it makes of a host name under .invalid (RFC 6761 §6.4).
        const sample = (word: string): string => (word === '#host' ? 'api.example.com' : word === '#invalidhost' ? 'api.example.invalid' : word);
        for (const word of phrase) if (words(sample(word)).map((w) => w.norm).join(' ') !== word) bad.push(`${name}: ${word}`);
      }
    expect(bad).toEqual([]);
  });

  // A concept of a Close frame's reason alone (reasonOnly) reads its example in close.reason.
  it.each(concepts.map((concept) => [concept.id, concept.example, concept.reasonOnly ? 'close.reason' : 'error.message'] as const))('%s fires on its example, which no exact rule knows', (id, example, kind) => {
    expect(conceptIds(example, kind)).toContain(id);
    expect(matchVocabularies([{ kind, text: example }])).toEqual([]);
  });

  it('uses unique ids and stays below the exact rules (< 0.6)', () => {
    expect(new Set(concepts.map((concept) => concept.id)).size).toBe(concepts.length);
    for (const concept of concepts) expect(concept.confidence, concept.id).toBeLessThan(0.6);
  });
});

// Phrasings written for this test in the manner of stacks the vocabularies do not cover; none is a line of the corpus or a held-out set.
describe('unseen phrasings get their cause from the concepts', () => {
  it.each([
    ['expired, embedded stack', 'tls_client: server certificate EXPIRED (validity ended 2025-05-01)', '1015', 'cert_expired'],
    ['expired, CamelCase enum', 'ErrCertificateExpired', '1015', 'cert_expired'],
    ['not yet valid, enum', 'CERTIFICATE_NOT_YET_VALID_ERROR', '1015', 'cert_not_yet_valid'],
    ['hostname, SAN wording', 'peer cert SAN list does not match requested host', '1015', 'hostname_mismatch'],
    ['hostname, snake case', 'tls_err_hostname_mismatch', '1015', 'hostname_mismatch'],
    ['hostname, verification', 'Host name verification failed for wss endpoint', '1015', 'hostname_mismatch'],
    ['unknown issuer', 'TLS: issuer of peer cert unknown', '1015', 'untrusted_ca'],
    ['untrusted root, enum', 'PolicyResult.CA_NOT_TRUSTED', '1015', 'untrusted_ca'],
    ['self signed, dashed', 'trust failure: self-signed peer', '1015', 'self_signed'],
    ['missing intermediate', 'certificate chain incomplete: intermediate CA not provided', '1015', 'incomplete_chain'],
    ['tls version', 'handshake refused: TLS version 1.1 not supported by server', '1015', 'tls_version_mismatch'],
    ['cipher', 'TLS negotiation: no common cipher suites', '1015', 'cipher_mismatch'],
    ['signature algorithm', 'no suitable signature algorithm for TLS 1.3', '1015', 'cipher_mismatch'],
    ['tls handshake alert', 'TLS handshake aborted by fatal alert', '1015', 'tls_unknown'],
    ['refused', 'peer refused the TCP connect', 'other', 'connection_refused'],
    ['dns, resolver wording', 'DNS lookup failed for feed.example.com', 'other', 'dns_failure'],
    // NXDOMAIN is an exact rule since 1.5.22 (Erlang's inet atom, codes.runtime_net.nxdomain): SERVFAIL is still the concepts'.
    ['dns, resolver answer', 'resolver: SERVFAIL for feed.example.com', 'other', 'dns_failure'],
    ['timeout, deadline', 'dial deadline passed before connect', 'other', 'network_timeout'],
    ['timeout, CamelCase', 'HandshakeTimeoutError', 'other', 'network_timeout'],
    ['reset, broken pipe', 'write: BrokenPipe', 'other', 'network_reset'],
    ['status after a word', 'upgrade failed, server replied 403', 'other', 'http_rejected'],
    ['status with reason', "proxy answered '407 Proxy Authentication Required'", 'other', 'http_auth_rejected'],
    ['unhandled status', 'Unhandled http status code: 401', 'other', 'http_auth_rejected'],
    ['bad status, no number', 'ws open: unexpected status from peer', 'other', 'http_rejected'],
    // A status line the client could not read is no status it disliked: most often an empty or cut answer (1.5.19).
    ['bad status line', 'ws open: bad status line', 'other', 'network_reset'],
    ['subprotocol', 'Sec-WebSocket-Protocol missing from reply', 'other', 'subprotocol_mismatch'],
    ['accept key', 'Sec-WebSocket-Accept mismatch', 'other', 'protocol_error'],
    ['subprotocol, both sides named', 'asked for sub-protocol graphql-ws, server picked graphql-transport-ws', 'other', 'subprotocol_mismatch'],
    ['subprotocol, library word protocol', "offered protocols 'v2.stomp'; server answered 'v1.stomp'", 'other', 'subprotocol_mismatch'],
    ['frame violation', 'peer frame had RSV3 set, which is illegal here', 'other', 'protocol_error'],
    ['close code out of range', 'close frame carried close code 999: out of range', 'other', 'protocol_error'],
    ['HTTP version of the upgrade answer', 'handshake reply was HTTP/1.0; HTTP/1.1 required', 'other', 'protocol_error'],
    ['hostname, no … matching', 'TLS peer check: no subject alt name entry matching the dialled host', '1015', 'hostname_mismatch'],
    ['subprotocol, refused protocol', 'connect: server replied with unsupported protocol mqttv5', 'other', 'subprotocol_mismatch'],
    ['extension params', 'permessage-deflate: parameter client_max_window_bits rejected', '1010', 'extension_params_rejected'],
    ['extension duplicated', 'duplicate Sec-WebSocket-Extensions header in response', '1010', 'extension_params_rejected'],
    ['extension unoffered', 'server negotiated an extension that was never offered', '1010', 'extension_params_rejected'],
    ['extension missing', 'mandatory extension not negotiated by peer', '1010', 'extension_not_negotiated'],
    ['window bits out of range', 'wbits value 20 out of range', '1010', 'extension_params_rejected'],
    // An error name fused from a concept's words stands without a TLS word around it.
    ['fused name, SCREAMING_CASE', 'UNKNOWN_ISSUER', '1015', 'untrusted_ca'],
    ['fused name, dotted CamelCase enum', 'ChainValidationError.MissingIntermediate', '1015', 'incomplete_chain'],
    ['fused name, no trust anchor', '`Error (`AuthenticationFailure (`NoTrustAnchor))', '1015', 'untrusted_ca'],
    ['library prefix fused into the name', 'UNITYTLS_X509VERIFY_FLAG_CN_MISMATCH', '1015', 'hostname_mismatch'],
    ['library prefix fused, trust', 'UNITYTLS_X509VERIFY_FLAG_NOT_TRUSTED', '1015', 'untrusted_ca'],
    ['validation verb in a CamelCase name', 'NIOSSLExtraError.failedToValidateHostname', '1015', 'hostname_mismatch'],
    ['certificate named invalid for the host', 'CertificateInvalidHostname', '1015', 'hostname_mismatch'],
    // Word variants: a negated participle in its base form, validity and name wordings.
    ['negated base verb', 'The server does not support TLS 1.2 or higher', '1015', 'tls_version_mismatch'],
    ['no usable cipher suite', 'MBEDTLS_ERR_SSL_NO_USABLE_CIPHERSUITE', '1015', 'cipher_mismatch'],
    ['outside the validity window', 'Peer certificate is out of its validity window', '1015', 'cert_expired'],
    ['validity in the future', 'certificate validity starts in the future', '1015', 'cert_not_yet_valid'],
    ['names not included', "TLS: cert's DNS names don't include api.example.com", '1015', 'hostname_mismatch'],
    ['the certificate name', '\u201clocalhost\u201d certificate name does not match input', '1015', 'hostname_mismatch'],
    // TLS alerts by name or number in any notation next to the word "alert" (RFC 8446 §6).
    ['alert fused into an error name', 'error.TlsAlertProtocolVersion', '1015', 'tls_version_mismatch'],
    ['alert number in prose', 'A fatal alert was received from the remote endpoint. The TLS protocol defined fatal alert code is 70.', '1015', 'tls_version_mismatch'],
    ['alert name before the word alert', 'tls: peer sent a certificate expired alert', '1015', 'cert_expired'],
    ['alert level and description numbers', 'TLS alert (level 2, description 45)', '1015', 'cert_expired'],
    ['alert number in hex', 'TLS alert: 0x46', '1015', 'tls_version_mismatch'],
    ['alert description field', 'AlertDescription(48)', '1015', 'untrusted_ca'],
    // Verify results (X509_V_ERR_*) numbered after a verify word in any notation.
    ['verify number after X509_V_ERR', 'verify failed, X509_V_ERR=21', '1015', 'incomplete_chain'],
    ['verify number after err=', 'X509_verify_cert failed: err=10 depth=0', '1015', 'cert_expired'],
    ['verify number after a prose code', 'x509 verification error code 18 at depth 0', '1015', 'self_signed'],
    // The same numbers after a log's own certificate-error key (OpenSSL include/openssl/x509_vfy.h, crypto/x509/x509_txt.c).
    ['cert error code, expired', 'cert error code: 10, date validation failed', '1015', 'cert_expired'],
    ['cert error code, not yet valid', '[validatePeerCertificate] cert error code: 9', '1015', 'cert_not_yet_valid'],
    ['certificate error, self-signed', 'peer certificate error=18 during handshake', '1015', 'self_signed'],
    ['certificate_error_code, self-signed in chain', 'tls handshake: certificate_error_code 19', '1015', 'untrusted_ca'],
    ['cert err, local issuer', 'CertErr(20) while connecting', '1015', 'untrusted_ca'],
    ['x509 error, incomplete chain', 'x509 error #21', '1015', 'incomplete_chain'],
    ['error num beside a certificate word', 'SSL connect: server certificate, error num=62', '1015', 'hostname_mismatch'],
    // Credentials refused in a server's words (NATS server/errors.go ErrAuthentication "Authorization Violation"; "authentication error").
    ['authorization violation', 'server error: Authorization Violation', 'other', 'http_auth_rejected'],
    ['authentication error', 'login refused: authentication error for user alice', 'other', 'http_auth_rejected'],
    ['authentication failure', 'Authentication Failure', 'other', 'http_auth_rejected'],
    // A TLS word and a certificate fact fused into one error name (Android SslError, GLib GTlsCertificateFlags).
    ['TLS word fused with expired', 'onReceivedSslError: primary error: SSL_EXPIRED', '1015', 'cert_expired'],
    ['TLS word fused with not yet valid', 'SslError: SSL_NOTYETVALID', '1015', 'cert_not_yet_valid'],
    ['TLS word fused with untrusted', 'SslError: SSL_UNTRUSTED', '1015', 'untrusted_ca'],
    ['not activated', 'G_TLS_CERTIFICATE_NOT_ACTIVATED', '1015', 'cert_not_yet_valid'],
    ['bad identity', 'G_TLS_CERTIFICATE_BAD_IDENTITY', '1015', 'hostname_mismatch'],
    ['a TLS library fused name as context', 'S2N_ERR_PROTOCOL_VERSION_UNSUPPORTED', '1015', 'tls_version_mismatch'],
    // A name looked for in the certificate and not found; the issuer's certificate not sent.
    ['host not in the certificate', 'No server host: api.example.com in the peer certificate', '1015', 'hostname_mismatch'],
    ['SNI not in the certificate', 'SNI name api.example.com not in cert', '1015', 'hostname_mismatch'],
    ['issuer certificate not sent', 'TLS: could not build a path to a trust anchor: issuer certificate not provided by server', '1015', 'incomplete_chain'],
    ['no cipher shared', 'TLS: server and client share no cipher suites', '1015', 'cipher_mismatch'],
    ['not valid until', 'TLS: certificate is not valid until 2029-01-01', '1015', 'cert_not_yet_valid'],
    ['certificate rejected, no cause', 'Rejected by CERT at depth=1', '1015', 'tls_unknown'],
    ['a TLS error name ending in what went wrong', 'TlsConnectionTruncated', '1015', 'tls_unknown'],
    ['the TLS handshake ended', 'socket ended during the TLS handshake', '1015', 'tls_unknown'],
    ['a certificate not valid at a time', 'cert is not valid at validation time', '1015', 'cert_expired'],
  ] as const)('%s', (_label, text, attribution, cause) => {
    expect(matchVocabularies([{ kind: 'error.message', text }]), 'an exact rule knows this text').toEqual([]);
    const result = classify(failedWithMessage(text));
    expect({ attribution: result.attribution, cause: result.cause }).toEqual({ attribution, cause });
    expect(result.confidence).toBeGreaterThanOrEqual(0.4);
    expect(result.confidence).toBeLessThan(0.6);
    expect(result.evidence[0]?.detail).toMatch(/concept\./);
  });
});

describe('hard negatives stay out of 1010 and 1015', () => {
  it.each([
    ['certificate in a 403 body', { handshake: { status: 403 }, error: { message: 'Unexpected response 403: client certificate expired, please renew' } }, 'other', 'http_rejected'],
    ['403 text with certificate words, no status field', { error: { message: 'upgrade rejected with status 403: certificate invalid for tenant' } }, 'other', 'http_rejected'],
    ['a WebSocket handshake timeout is no TLS failure', { error: { message: 'opening handshake timed out after 10s' } }, 'other', 'network_timeout'],
    ['host header', { target: { url: 'ws://api.example.com/socket' }, error: { message: 'Invalid Host header' } }, 'other', 'unknown_failure'],
    ['unsupported URL scheme', { error: { message: 'unsupported protocol scheme "wss"' } }, 'other', 'unknown_failure'],
    // The request's protocol version refused (RFC 6455 §4.2.1 item 6, concept.request_version since 1.5.51): a protocol error, no TLS version.
    ['WebSocket version', { error: { message: 'Sec-WebSocket-Version not supported' } }, 'other', 'protocol_error'],
    ['TLS extension is no WebSocket extension', { error: { message: 'tls: server sent unsupported extension' } }, '1015', 'tls_unknown'],
    ['a port is no status', { error: { message: 'dial tcp 10.0.0.1:443: connection refused' } }, 'other', 'connection_refused'],
    // "error code: N" without a certificate key is no verify result, even beside TLS words.
    ['an HTTP error code is no verify result', { error: { message: 'HTTP request failed, error code: 20' } }, 'other', 'unknown_failure'],
    ['a WinHTTP error code beside a certificate word is no verify result', { error: { message: 'WinHttpSendRequest with the client certificate set: error code: 10' } }, 'other', 'unknown_failure'],
    ['an errno error code beside a TLS word is no verify result', { error: { message: 'read on the TLS socket returned errno, error code: 20' } }, 'other', 'unknown_failure'],
    ['error num without a certificate word', { error: { message: 'db error num=18 on query' } }, 'other', 'unknown_failure'],
    ['token expired is no certificate (an application refusing credentials)', { error: { message: 'auth token expired' } }, 'other', 'http_auth_rejected'],
    ['no evidence stays unknown', { error: { message: 'something went wrong' } }, 'other', 'unknown_failure'],
    ['"unsupported protocol" without a TLS word is no TLS version', { error: { message: 'upgrade: peer sent unsupported protocol "x-v9"' } }, 'other', 'subprotocol_mismatch'],
    ['a URL protocol is no subprotocol and no TLS', { error: { message: 'Protocol "wss" not supported or disabled in libcurl' } }, 'other', 'unknown_failure'],
    ['a WebSocket protocol error is no subprotocol (an unknown opcode: RFC 6455 §5.2)', { error: { message: 'protocol error: unexpected opcode 0x3' } }, 'other', 'protocol_error'],
    ['errno text "Protocol not available" is no subprotocol', { error: { message: 'setsockopt: Protocol not available' } }, 'other', 'unknown_failure'],
    ['"Unsupported protocol version" without a TLS word is no TLS failure', { error: { message: 'Unsupported protocol version' } }, 'other', 'unknown_failure'],
    ['an HTTP status code is no close code', { error: { message: 'upgrade failed: unexpected status code' } }, 'other', 'http_rejected'],
    ['TLS "authentication" is no HTTP 401', { error: { message: 'SSL authentication failed' } }, '1015', 'tls_unknown'],
    ['TLS "authentication error" is no credential refusal', { error: { message: 'SSL authentication error during handshake' } }, '1015', 'tls_unknown'],
    ['a fused WebSocket version name is no TLS version', { error: { message: 'WebSocketVersionMismatch' } }, 'other', 'unknown_failure'],
    ['a fused protocol-version name without TLS is no TLS version (MQTT CONNACK)', { error: { message: 'UnsupportedProtocolVersion' } }, 'other', 'unknown_failure'],
    ['a token issuer is no certificate issuer', { error: { message: 'invalid_token: UNKNOWN_ISSUER' } }, 'other', 'http_auth_rejected'],
    ['an invalid host name (a malformed URL) is no certificate check', { error: { message: 'InvalidHostName' } }, 'other', 'unknown_failure'],
    ['a certificate extension is no WebSocket extension (RFC 5280 §4.2)', { error: { message: 'validation failed: invalid extension: 2.5.29.35: Certificate is missing required extension' } }, '1015', 'tls_unknown'],
    ['a lower-case configuration name is no error name (a frontend named after its scenario)', { error: { message: 'fe_tls_expired/1: SSL handshake failure' } }, '1015', 'tls_unknown'],
  ] as const)('%s', (_label, input, attribution, cause) => {
    const result = classify(event(input));
    expect({ attribution: result.attribution, cause: result.cause }).toEqual({ attribution, cause });
  });
});

describe('exact tiers outrank the concepts', () => {
  it('an exact rule on the same text wins and the concept is not cited', () => {
    // "certificate has expired" is OpenSSL's verify text (exact); the concept would say the same at 0.55.
    const result = classify(failedWithMessage('certificate has expired'));
    expect(result.cause).toBe('cert_expired');
    expect(result.confidence).toBeGreaterThanOrEqual(0.8);
    expect(result.evidence.map((item) => item.detail).join('\n')).not.toMatch(/concept\./);
  });

  it('a concept refines an exact catch-all (tls_unknown) of the same text', () => {
    const result = classify(failedWithMessage('certificate verify failed: peer cert validity expired'));
    expect(result.cause).toBe('cert_expired');
  });

  it('a verify code outranks a concept that says otherwise', () => {
    const result = classify(event({ tls: { verify_code: 62 }, error: { message: 'TLS: issuer of peer cert unknown' } }));
    expect(result.cause).toBe('hostname_mismatch');
  });

  it('certificate dates outrank a concept that says otherwise', () => {
    const result = classify(
      event({ tls: { peer_certificate: { subject: 'CN=api.example.com', not_after: daysFromEvent(-1) } }, error: { message: 'TLS handshake aborted by fatal alert' } }),
    );
    expect(result.cause).toBe('cert_expired');
  });

  it("a 1008's own cause outranks credentials refused in words (the code on the wire is the server's statement)", () => {
    const result = classify(event({ close: { code: 1008, reason: 'Authentication Failure', initiator: 'server', on_wire: true }, error: { message: 'Authorization Violation' } }));
    expect({ attribution: result.attribution, cause: result.cause }).toEqual({ attribution: 'other', cause: 'policy_violation' });
  });

  it('an HTTP status field outranks any text concept', () => {
    const result = classify(event({ handshake: { status: 401 }, error: { message: 'TLS: issuer of peer cert unknown' } }));
    expect({ attribution: result.attribution, cause: result.cause }).toEqual({ attribution: 'other', cause: 'http_auth_rejected' });
  });
});

describe('an issuer failure decided by what the evidence says of the chain', () => {
  const issuerText = 'certificate verification failed: unable to get local issuer certificate';
  it.each([
    ['the leaf\'s issuer is an intermediate (certificate field)', { tls: { peer_certificate: { subject: 'CN=api.example.com', issuer: 'CN=Example Intermediate CA 2' } }, error: { message: issuerText } }, 'incomplete_chain'],
    ['the leaf\'s issuer is a root (text)', { error: { message: `${issuerText} | Issuer Name: CN=Example Root CA,O=x | at depth 0` } }, 'untrusted_ca'],
    ['the leaf\'s issuer is an intermediate (text, issuer=)', { error: { message: `${issuerText}; issuer=/CN=Example Sub CA/O=x` } }, 'incomplete_chain'],
    ['a position in the chain is a depth', { error: { message: `${issuerText}; the error occurred in the certificate chain at position 0` } }, 'incomplete_chain'],
    ['nothing said of the chain: the table\'s default', { error: { message: issuerText } }, 'untrusted_ca'],
  ] as const)('%s', (_label, input, cause) => {
    expect(classify(event(input)).cause).toBe(cause);
  });
});

describe('a reset during the TLS handshake', () => {
  it.each([
    ['a TLS library call named', 'SSL_connect: Connection reset by peer (104)', '1015', 'tls_unknown'],
    ['a TLS handshake named', 'tls handshake: write: broken pipe', '1015', 'tls_unknown'],
    ['the WebSocket handshake is no TLS handshake', 'ws handshake: read: Connection reset by peer', 'other', 'network_reset'],
    ['a TLS library read after the handshake is no handshake', 'wolfSSL_read: Connection reset by peer', 'other', 'network_reset'],
    ['a TLS handshake timeout is a network timeout (a silent server)', 'net/http: TLS handshake timeout', 'other', 'network_timeout'],
    ['an s_client socket error inside its handshake', 'SSL handshake has read 0 bytes and written 315 bytes\nwrite:errno=104', '1015', 'tls_unknown'],
  ] as const)('%s', (_label, text, attribution, cause) => {
    const result = classify(failedWithMessage(text));
    expect({ attribution: result.attribution, cause: result.cause }).toEqual({ attribution, cause });
  });

  it('a stack\'s TLS-handshake exception around a reset in another field is a TLS failure', () => {
    const result = classify(event({ error: { name: 'javax.net.ssl.SSLHandshakeException', message: 'Remote host terminated the handshake\nCaused by: java.net.SocketException: Connection reset' } }));
    expect({ attribution: result.attribution, cause: result.cause }).toEqual({ attribution: '1015', cause: 'tls_unknown' });
    expect(result.evidence[0]?.detail).toMatch(/inferred\.transport_in_tls_handshake/);
  });

  it('is no TLS failure once the upgrade was answered', () => {
    const result = classify(event({ handshake: { status: 101 }, error: { message: 'SSL_connect: Connection reset by peer' } }));
    expect(result.attribution).toBe('other');
  });
});

describe('a 1010 the client received', () => {
  it.each([
    ['websockets', 'received 1010 (mandatory extension) permessage-deflate; then sent 1010 (mandatory extension) permessage-deflate'],
    ['gorilla CloseError', 'websocket: close 1010 (mandatory extension missing): permessage-deflate'],
  ] as const)('%s: the server sent it, a protocol error (RFC 6455 §7.4.1)', (_label, message) => {
    const result = classify(event({ source: { kind: 'client', service: 'svc' }, error: { message } }));
    expect({ attribution: result.attribution, cause: result.cause }).toEqual({ attribution: 'other', cause: 'protocol_error' });
  });

  it('is the client\'s 1010 when a server logs the same words', () => {
    const result = classify(event({ source: { kind: 'server', service: 'svc' }, error: { message: 'websocket: close 1010 (mandatory extension missing): permessage-deflate' } }));
    expect(result.attribution).toBe('1010');
  });
});
