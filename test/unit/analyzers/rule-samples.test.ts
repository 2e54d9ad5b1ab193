// Every vocabulary rule fires on at least one text, through the prefiltered matcher: a rule whose
// regex or trigger word is broken fails here. Texts are the runtimes' own strings (see each rule's source).
import { describe, expect, it } from 'vitest';
import { matchVocabularies, vocabularies } from '../../../analyzers/vocabularies/index.js';
import { verifyCodeTable } from '../../../analyzers/verify-codes.js';
import { sampleTexts } from './vocabulary-samples.js';

/** Rule id → a text it must match (rules already exercised by vocabulary-samples.ts need no row). */
const ruleSamples: Record<string, string> = {
  'chromium.cert_revoked': 'net::ERR_CERT_REVOKED',
  'chromium.cert_invalid': 'net::ERR_CERT_INVALID',
  'chromium.bad_ssl_client_auth_cert': 'net::ERR_BAD_SSL_CLIENT_AUTH_CERT',
  'chromium.connection_timed_out': 'net::ERR_CONNECTION_TIMED_OUT',
  'chromium.connection_reset': 'net::ERR_CONNECTION_RESET',
  'chromium.internet_disconnected': 'net::ERR_INTERNET_DISCONNECTED',
  'chromium.tunnel_connection_failed': 'net::ERR_TUNNEL_CONNECTION_FAILED',
  'chromium.subprotocol_mismatch': "Error during WebSocket handshake: 'Sec-WebSocket-Protocol' header value 'v2' in response does not match any of sent values",
  'chromium.permessage_deflate_error': 'Error during WebSocket handshake: Error in permessage-deflate: Received an unexpected permessage-deflate extension parameter',
  'chromium.incorrect_accept': "Error during WebSocket handshake: Incorrect 'Sec-WebSocket-Accept' header value",
  'chromium.closed_before_established': 'WebSocket is closed before the connection is established.',
  'chromium.compressed_bit': 'Compressed bit must be 0 if no negotiated deflate-frame extension',
  'chromium.other_net_error': 'net::ERR_INVALID_HANDLE',
  'chromium.reserved_bits': 'One or more reserved bits are on: reserved1 = 1, reserved2 = 0, reserved3 = 0',
  'chromium.invalid_utf8': 'Could not decode a text frame as UTF-8.',
  'nss.untrusted_issuer': 'SEC_ERROR_UNTRUSTED_ISSUER',
  'nss.handshake_failure_alert': 'SSL_ERROR_HANDSHAKE_FAILURE_ALERT',
  'nss.unknown_ca_alert': 'SSL_ERROR_UNKNOWN_CA_ALERT',
  'nss.expired_cert_alert': 'SSL_ERROR_EXPIRED_CERT_ALERT',
  'nss.revoked': 'SEC_ERROR_REVOKED_CERTIFICATE',
  'nss.record_too_long': 'SSL_ERROR_RX_RECORD_TOO_LONG',
  'nss.invalid_time': 'SEC_ERROR_INVALID_TIME',
  'firefox.no_issuer_chain': 'The certificate is not trusted because no issuer chain was provided.',
  'firefox.issuer_unknown': 'The certificate is not trusted because the issuer certificate is unknown.',
  'firefox.self_signed': 'The certificate is not trusted because it is self-signed.',
  'necko.unknown_host': 'NS_ERROR_UNKNOWN_HOST',
  'necko.net_timeout': 'NS_ERROR_NET_TIMEOUT',
  'necko.net_reset': 'NS_ERROR_NET_RESET',
  'nsurl.cert_not_yet_valid': 'The certificate for this server is not yet valid.',
  'nsurl.cert_unknown_root': 'NSURLErrorServerCertificateHasUnknownRoot',
  'nsurl.cannot_connect': 'Could not connect to the server.',
  'nsurl.timed_out': 'The request timed out.',
  'securetransport.cert_not_yet_valid': 'OSStatus error -9815',
  'securetransport.unknown_root': 'OSStatus error -9812',
  'securetransport.chain_invalid': 'OSStatus Error -9807: Invalid certificate chain',
  'securetransport.negotiation': 'OSStatus Error -9801: Cipher Suite negotiation failure',
  'securetransport.protocol_version': 'OSStatus error -9836',
  'securetransport.handshake_fail': 'OSStatus error -9824',
  'webkit.bad_response': 'There was a bad response from the server.',
  'node.cert_has_expired': 'CERT_HAS_EXPIRED',
  'node.cert_not_yet_valid': 'CERT_NOT_YET_VALID',
  'node.self_signed_in_chain': 'SELF_SIGNED_CERT_IN_CHAIN',
  'node.unable_to_verify_leaf': 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'node.unable_to_get_issuer_locally': 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'node.unable_to_get_issuer': 'UNABLE_TO_GET_ISSUER_CERT',
  'node.cert_untrusted': 'CERT_UNTRUSTED',
  'node.ssl_no_shared_cipher': 'ERR_SSL_NO_SHARED_CIPHER',
  'node.ssl_wrong_version_number': 'ERR_SSL_WRONG_VERSION_NUMBER',
  'node.tls_disconnected': 'Client network socket disconnected before secure TLS connection was established',
  'node.tls_handshake_timeout': 'ERR_TLS_HANDSHAKE_TIMEOUT',
  'node.extension_not_requested': 'Server indicated an extension that was not requested',
  'ws.server_invalid_extensions': 'Invalid or unacceptable Sec-WebSocket-Extensions header',
  'ws.rsv1_must_be_clear': 'Invalid WebSocket frame: RSV1 must be clear',
  'ws.invalid_frame': 'Invalid WebSocket frame: invalid opcode 7',
  'ws.handshake_timeout': 'Opening handshake has timed out',
  'ws.invalid_accept': 'Invalid Sec-WebSocket-Accept header',
  'ws.closed_before_established': 'WebSocket was closed before the connection was established',
  'node.socket_hang_up': 'socket hang up',
  'go.darwin_not_trusted': 'x509: “localhost” certificate is not trusted',
  'go.darwin_expired': 'x509: “api.example.com” certificate is expired',
  'go.tls_no_cipher': 'tls: no cipher suite supported by both client and server',
  'go.tls_insufficient_security': 'remote error: tls: insufficient security level',
  'go.tls_expired_certificate': 'remote error: tls: expired certificate',
  'go.tls_unrecognized_name': 'remote error: tls: unrecognized name',
  'go.tls_not_tls': 'http: TLS handshake error from 10.0.0.2:51234: tls: first record does not look like a TLS handshake',
  'go.gorilla_bad_handshake': 'websocket: bad handshake',
  'jsse.remote_host_terminated': 'javax.net.ssl.SSLHandshakeException: Remote host terminated the handshake',
  'android.trust_anchor': 'java.security.cert.CertPathValidatorException: Trust anchor for certification path not found.',
  'java_http.no_bytes': 'java.io.IOException: HTTP/1.1 header parser received no bytes',
  'java_http.extensions_present': "Response field 'Sec-WebSocket-Extensions' present: [x-webkit-deflate-frame]",
  'tyrus.ssl_handshake_failed': 'SSL handshake has failed',
  'tyrus.no_handshake_response': 'Handshake response not received.',
  'jsse.protocol_not_accepted': 'The server selected protocol version TLS10 is not accepted by client preferences [TLS13, TLS12]',
  'jsse.no_cipher_in_common': 'javax.net.ssl.SSLHandshakeException: no cipher suites in common',
  'java_websocket.invalid_status': 'Invalid status code received: 404 Status line: HTTP/1.1 404 Not Found',
  'jetty.unexpected_status': 'Failed to upgrade to websocket: Unexpected HTTP Response Status Code: 502 Bad Gateway',
  'websockets.subprotocol': 'websockets.exceptions.NegotiationError: no subprotocols supported',
  'websockets.invalid_message': 'did not receive a valid HTTP response',
  'aiohttp.certificate_error': 'aiohttp.client_exceptions.ClientConnectorCertificateError: Cannot connect to host api.example.com:443 ssl:True',
  'aiohttp.ssl_error': 'aiohttp.client_exceptions.ClientConnectorSSLError: Cannot connect to host api.example.com:443 ssl:default',
  'dotnet.partial_chain': 'The remote certificate is invalid because of errors in the certificate chain: PartialChain',
  'dotnet.chain_errors': 'The remote certificate is invalid according to the validation procedure: RemoteCertificateChainErrors',
  'dotnet.revoked': 'The remote certificate is invalid because of errors in the certificate chain: Revoked',
  'dotnet.common_algorithm': 'The client and server cannot communicate, because they do not possess a common algorithm.',
  'dotnet.ssl_not_established': 'The SSL connection could not be established, see inner exception.',
  'webpki.cert_expired': 'TLS error: WebPKIError(CertExpired)',
  'webpki.cert_not_valid_yet': 'TLS error: WebPKIError(CertNotValidYet)',
  'webpki.cert_not_valid_for_name': 'invalid peer certificate: CertNotValidForName',
  'rustls.no_cipher_in_common': 'peer is incompatible: NoCipherSuitesInCommon',
  'rustls.unsupported_version': 'PeerIncompatible(ServerDoesNotSupportTls12Or13)',
  'curl.ssl_connect': 'curl: (35) OpenSSL SSL_connect: Connection reset by peer in connection to api.example.com:443',
  'curl.couldnt_connect': "curl: (7) Failed to connect to localhost port 8443 after 0 ms: Couldn't connect to server",
  'curl.ws_refused': 'curl: (22) Refused WebSocket upgrade: 403',
  'curl.http_returned_error': 'curl: (22) The requested URL returned error: 404',
  'openssl.dh_key_too_small': 'error:0A00018A:SSL routines::dh key too small',
  'openssl.wrong_version_number': 'error:0A00010B:SSL routines::wrong version number',
  'openssl.alert_number': 'ssl3_read_bytes:sslv3 alert handshake failure:ssl/record/rec_layer_s3.c:1601:SSL alert number 40',
  'nginx.upstream_does_not_match': 'upstream SSL certificate does not match "backend.internal" while SSL handshaking to upstream',
  'nginx.peer_closed_in_handshake': 'peer closed connection in SSL handshake while SSL handshaking',
  'envoy.delayed_connect_refused': 'reset reason: connection failure, transport failure reason: delayed connect error: 111',
  'envoy.connection_timeout': 'upstream connect error or disconnect/reset before headers. reset reason: connection timeout',
  'envoy.connection_termination': 'upstream connect error or disconnect/reset before headers. reset reason: connection termination',
  'envoy.connection_failure': 'upstream connect error or disconnect/reset before headers. reset reason: remote connection failure',
  'nginx.upstream_prematurely_closed': 'upstream prematurely closed connection while reading response header from upstream',
  'system.eai_again': 'getaddrinfo EAI_AGAIN api.example.com',
  'system.timed_out': 'timed out',
  'system.epipe': 'write EPIPE',
  'system.unreachable': 'connect EHOSTUNREACH 10.0.0.1:443',
  // coder/websocket CloseError texts (close.go: "status = %v and reason = %q") for the statuses the corpus did not reproduce.
  'go.coder_close_policy': 'failed to get reader: received close frame: status = StatusPolicyViolation and reason = "origin not allowed"',
  'go.coder_close_internal': 'failed to get reader: received close frame: status = StatusInternalError and reason = ""',
  'go.coder_close_restart': 'failed to get reader: received close frame: status = StatusTryAgainLater and reason = "overloaded"',
};

const rules = vocabularies.flatMap((vocabulary) => vocabulary.rules);
const fired = (text: string): string[] => matchVocabularies([{ kind: 'error.message', text }]).map((hit) => hit.rule);

describe('vocabulary rule samples', () => {
  it.each(Object.entries(ruleSamples))('%s fires on its sample', (id, text) => {
    expect(rules.some((rule) => rule.id === id), `unknown rule ${id}`).toBe(true);
    expect(fired(text)).toContain(id);
  });

  it.each(verifyCodeTable.filter((row) => row.cause && row.code !== 1).map((row) => [row.code, row.text, row.name] as const))(
    'verify %i text "%s" fires its rule',
    (_code, text, name) => {
      expect(fired(`certificate verify failed: ${text}`)).toContain(`openssl.verify_text.${name.toLowerCase()}`);
    },
  );

  it('every rule is exercised by some sample', () => {
    const seen = new Set([...sampleTexts, ...Object.values(ruleSamples)].flatMap(fired));
    for (const row of verifyCodeTable) seen.add(`openssl.verify_text.${row.name.toLowerCase()}`);
    expect(rules.map((rule) => rule.id).filter((id) => !seen.has(id))).toEqual([]);
  });
});
