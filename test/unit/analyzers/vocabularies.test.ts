// Each runtime vocabulary, one row per text as that runtime prints it, through the whole engine.
import { describe, expect, it } from 'vitest';
import { classify } from '../../../analyzers/classify.js';
import { failedWithMessage } from './event-builder.js';

type Row = readonly [label: string, text: string, attribution: string, cause: string];

const tables: Record<string, readonly Row[]> = {
  chromium: [
    ['cert date', "WebSocket connection to 'wss://api.example.com/socket' failed: Error in connection establishment: net::ERR_CERT_DATE_INVALID", '1015', 'cert_expired'],
    ['authority', 'net::ERR_CERT_AUTHORITY_INVALID', '1015', 'untrusted_ca'],
    ['common name', 'net::ERR_CERT_COMMON_NAME_INVALID', '1015', 'hostname_mismatch'],
    ['version or cipher', 'net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH', '1015', 'cipher_mismatch'],
    ['obsolete version', 'net::ERR_SSL_OBSOLETE_VERSION', '1015', 'tls_version_mismatch'],
    ['protocol error', 'net::ERR_SSL_PROTOCOL_ERROR', '1015', 'tls_unknown'],
    ['refused', "WebSocket connection to 'wss://api.example.com/' failed: Error in connection establishment: net::ERR_CONNECTION_REFUSED", 'other', 'connection_refused'],
    ['dns', 'net::ERR_NAME_NOT_RESOLVED', 'other', 'dns_failure'],
    ['403', "WebSocket connection to 'wss://api.example.com/' failed: Error during WebSocket handshake: Unexpected response code: 403", 'other', 'http_rejected'],
    ['401', 'Error during WebSocket handshake: Unexpected response code: 401', 'other', 'http_auth_rejected'],
    ['subprotocol', "Error during WebSocket handshake: Sent non-empty 'Sec-WebSocket-Protocol' header but no response was received", 'other', 'subprotocol_mismatch'],
    ['extension', "Error during WebSocket handshake: Found an unsupported extension 'x-foo' in 'Sec-WebSocket-Extensions' header", '1010', 'extension_params_rejected'],
  ],
  firefox: [
    ['expired', 'SEC_ERROR_EXPIRED_CERTIFICATE', '1015', 'cert_expired'],
    ['not yet valid', 'MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE', '1015', 'cert_not_yet_valid'],
    ['unknown issuer', 'SEC_ERROR_UNKNOWN_ISSUER', '1015', 'untrusted_ca'],
    ['self-signed', 'MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT', '1015', 'self_signed'],
    ['bad domain', 'SSL_ERROR_BAD_CERT_DOMAIN', '1015', 'hostname_mismatch'],
    ['no cypher overlap', 'SSL_ERROR_NO_CYPHER_OVERLAP', '1015', 'cipher_mismatch'],
    ['unsupported version', 'SSL_ERROR_UNSUPPORTED_VERSION', '1015', 'tls_version_mismatch'],
    ['refused', 'NS_ERROR_CONNECTION_REFUSED', 'other', 'connection_refused'],
  ],
  safari: [
    ['untrusted', 'The certificate for this server is invalid. You might be connecting to a server that is pretending to be “api.example.com”', '1015', 'tls_unknown'],
    ['expired', 'The certificate for this server has expired.', '1015', 'cert_expired'],
    ['secure connection', 'An SSL error has occurred and a secure connection to the server cannot be made.', '1015', 'tls_unknown'],
    ['host not found', 'A server with the specified hostname could not be found.', 'other', 'dns_failure'],
  ],
  node: [
    ['expired', 'certificate has expired', '1015', 'cert_expired'],
    ['not yet valid', 'certificate is not yet valid', '1015', 'cert_not_yet_valid'],
    ['depth zero', 'DEPTH_ZERO_SELF_SIGNED_CERT', '1015', 'self_signed'],
    ['self-signed text', 'self-signed certificate', '1015', 'self_signed'],
    ['self signed in chain', 'self-signed certificate in certificate chain', '1015', 'untrusted_ca'],
    ['leaf signature', 'unable to verify the first certificate', '1015', 'incomplete_chain'],
    ['altnames', "Hostname/IP does not match certificate's altnames: Host: api.example.com. is not in the cert's altnames: DNS:other.example.com", '1015', 'hostname_mismatch'],
    ['alert protocol version', 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION', '1015', 'tls_version_mismatch'],
    ['unsupported protocol', 'ERR_SSL_UNSUPPORTED_PROTOCOL', '1015', 'tls_version_mismatch'],
    ['no protocols', 'ERR_SSL_NO_PROTOCOLS_AVAILABLE', '1015', 'tls_version_mismatch'],
    ['handshake failure', 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', '1015', 'cipher_mismatch'],
    ['openssl 3 text', 'C0D7B3E1F67F0000:error:0A00042E:SSL routines:ssl3_read_bytes:tlsv1 alert protocol version:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1605:SSL alert number 70', '1015', 'tls_version_mismatch'],
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:8443', 'other', 'connection_refused'],
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND api.example.invalid', 'other', 'dns_failure'],
    ['ETIMEDOUT', 'connect ETIMEDOUT 10.0.0.1:443', 'other', 'network_timeout'],
    ['ECONNRESET', 'read ECONNRESET', 'other', 'network_reset'],
    ['ws 403', 'Unexpected server response: 403', 'other', 'http_rejected'],
    ['ws 407', 'Unexpected server response: 407', 'other', 'http_auth_rejected'],
    ['ws subprotocol', 'Server sent no subprotocol', 'other', 'subprotocol_mismatch'],
    ['ws extension unrequested', 'Server sent a Sec-WebSocket-Extensions header but no extension was requested', '1010', 'extension_params_rejected'],
    ['ws invalid extensions', 'Invalid Sec-WebSocket-Extensions header', '1010', 'extension_params_rejected'],
    ['ws max payload', 'Max payload size exceeded', 'other', 'message_too_big'],
  ],
  go: [
    ['expired (go ≥1.16)', 'x509: certificate has expired or is not yet valid: current time 2025-06-01T12:00:00Z is after 2025-05-01T00:00:00Z', '1015', 'cert_expired'],
    ['not yet valid (go ≥1.16)', 'x509: certificate has expired or is not yet valid: current time 2025-06-01T12:00:00Z is before 2025-07-01T00:00:00Z', '1015', 'cert_not_yet_valid'],
    ['unknown authority', 'tls: failed to verify certificate: x509: certificate signed by unknown authority', '1015', 'untrusted_ca'],
    ['valid for', 'tls: failed to verify certificate: x509: certificate is valid for other.example.com, not api.example.com', '1015', 'hostname_mismatch'],
    ['protocol version', 'remote error: tls: protocol version not supported', '1015', 'tls_version_mismatch'],
    ['handshake failure', 'remote error: tls: handshake failure', '1015', 'cipher_mismatch'],
    ['coder 403', 'failed to WebSocket dial: expected handshake response status code 101 but got 403', 'other', 'http_rejected'],
    ['refused', 'dial tcp 127.0.0.1:8443: connect: connection refused', 'other', 'connection_refused'],
    ['no such host', 'dial tcp: lookup api.example.invalid on 127.0.0.53:53: no such host', 'other', 'dns_failure'],
  ],
  java: [
    ['pkix', 'javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target', '1015', 'untrusted_ca'],
    ['expired', 'java.security.cert.CertificateExpiredException: NotAfter: Sat May 31 23:59:59 UTC 2025', '1015', 'cert_expired'],
    ['not yet valid', 'java.security.cert.CertificateNotYetValidException: NotBefore: Tue Jul 01 00:00:00 UTC 2025', '1015', 'cert_not_yet_valid'],
    ['san', 'java.security.cert.CertificateException: No subject alternative DNS name matching api.example.com found.', '1015', 'hostname_mismatch'],
    ['no appropriate protocol', 'javax.net.ssl.SSLHandshakeException: No appropriate protocol (protocol is disabled or cipher suites are inappropriate)', '1015', 'tls_version_mismatch'],
    ['fatal alert handshake_failure', 'javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure', '1015', 'cipher_mismatch'],
    ['fatal alert protocol_version', 'javax.net.ssl.SSLHandshakeException: Received fatal alert: protocol_version', '1015', 'tls_version_mismatch'],
    ['okhttp hostname', 'javax.net.ssl.SSLPeerUnverifiedException: Hostname api.example.com not verified', '1015', 'hostname_mismatch'],
    ['okhttp 403', "java.net.ProtocolException: Expected HTTP 101 response but was '403 Forbidden'", 'other', 'http_rejected'],
    ['tyrus', 'org.glassfish.tyrus.client.auth.AuthenticationException: Response code was not 101: 401.', 'other', 'http_auth_rejected'],
  ],
  python: [
    ['expired', '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1006)', '1015', 'cert_expired'],
    ['self-signed', '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate (_ssl.c:1006)', '1015', 'self_signed'],
    ['local issuer', '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)', '1015', 'untrusted_ca'],
    ['hostname', "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, certificate is not valid for 'api.example.com'. (_ssl.c:1006)", '1015', 'hostname_mismatch'],
    ['protocol version', '[SSL: TLSV1_ALERT_PROTOCOL_VERSION] tlsv1 alert protocol version (_ssl.c:1006)', '1015', 'tls_version_mismatch'],
    ['handshake failure', '[SSL: SSLV3_ALERT_HANDSHAKE_FAILURE] sslv3 alert handshake failure (_ssl.c:1006)', '1015', 'cipher_mismatch'],
    ['websockets 403', 'websockets.exceptions.InvalidStatus: server rejected WebSocket connection: HTTP 403', 'other', 'http_rejected'],
    ['aiohttp 404', "aiohttp.client_exceptions.WSServerHandshakeError: 404, message='Invalid response status', url='wss://api.example.com/socket'", 'other', 'http_rejected'],
    ['gaierror', 'socket.gaierror: [Errno -2] Name or service not known', 'other', 'dns_failure'],
  ],
  dotnet: [
    ['name mismatch', 'System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure: RemoteCertificateNameMismatch', '1015', 'hostname_mismatch'],
    ['untrusted root', 'The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot', '1015', 'untrusted_ca'],
    ['not time valid', 'The remote certificate is invalid because of errors in the certificate chain: NotTimeValid', '1015', 'cert_expired'],
    ['alert', "Authentication failed because the remote party sent a TLS alert: 'ProtocolVersion'.", '1015', 'tls_version_mismatch'],
    ['status', "System.Net.WebSockets.WebSocketException: The server returned status code '403' when status code '101' was expected.", 'other', 'http_rejected'],
    ['refused', 'No connection could be made because the target machine actively refused it.', 'other', 'connection_refused'],
  ],
  rust: [
    ['expired', 'invalid peer certificate: Expired', '1015', 'cert_expired'],
    ['debug expired', 'Tls(Rustls(InvalidCertificate(Expired)))', '1015', 'cert_expired'],
    ['not valid yet', 'InvalidCertificate(NotValidYet)', '1015', 'cert_not_yet_valid'],
    ['unknown issuer', 'invalid peer certificate: UnknownIssuer', '1015', 'untrusted_ca'],
    ['name', 'invalid peer certificate: NotValidForName', '1015', 'hostname_mismatch'],
    ['alert', 'received fatal alert: ProtocolVersion', '1015', 'tls_version_mismatch'],
    ['tungstenite', 'HTTP error: 403 Forbidden', 'other', 'http_rejected'],
  ],
  curl: [
    ['expired', 'curl: (60) SSL certificate problem: certificate has expired', '1015', 'cert_expired'],
    ['san', "curl: (60) SSL: no alternative certificate subject name matches target host name 'api.example.com'", '1015', 'hostname_mismatch'],
    ['protocol version', 'curl: (35) error:0A00042E:SSL routines::tlsv1 alert protocol version', '1015', 'tls_version_mismatch'],
    ['resolve', 'curl: (6) Could not resolve host: api.example.invalid', 'other', 'dns_failure'],
  ],
  openssl: [
    ['s_client expired', 'verify error:num=10:certificate has expired', '1015', 'cert_expired'],
    ['s_client return 21', 'Verify return code: 21 (unable to verify the first certificate)', '1015', 'incomplete_chain'],
    ['s_client self-signed', 'verify error:num=18:self-signed certificate', '1015', 'self_signed'],
    ['no shared cipher', 'error:0A0000C1:SSL routines::no shared cipher', '1015', 'cipher_mismatch'],
  ],
  proxy: [
    ['nginx unsupported protocol', 'SSL_do_handshake() failed (SSL: error:0A000102:SSL routines::unsupported protocol) while SSL handshaking', '1015', 'tls_version_mismatch'],
    ['nginx upstream verify', 'upstream SSL certificate verify error: (10:certificate has expired) while SSL handshaking to upstream', '1015', 'cert_expired'],
    ['envoy verify failed', 'upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: TLS error: 268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED', '1015', 'tls_unknown'],
    ['envoy protocol version', 'TLS_error:|268436526:SSL routines:OPENSSL_internal:TLSV1_ALERT_PROTOCOL_VERSION:TLS_error_end', '1015', 'tls_version_mismatch'],
    ['haproxy', 'SSL handshake failure', '1015', 'tls_unknown'],
    ['haproxy timeout', 'Timeout during SSL handshake', '1015', 'tls_unknown'],
  ],
};

describe.each(Object.entries(tables))('vocabulary %s', (_vocabulary, rows) => {
  it.each(rows)('%s', (_label, text, attribution, cause) => {
    const result = classify(failedWithMessage(text));
    expect({ attribution: result.attribution, cause: result.cause }).toEqual({ attribution, cause });
    expect(result.evidence.length).toBeGreaterThan(0);
    expect(result.evidence[0]!.kind).toBe('error.message');
  });
});
