// Browser vocabulary: Chromium net errors and console texts, Firefox/NSS error codes, Safari/WebKit texts.
// Browsers hand JS only 1006; these texts come from the console, DevTools, or NetLog captured by an emitter.
import { rule, type Vocabulary } from './types.js';

const netErrors = 'Chromium net/base/net_error_list.h https://source.chromium.org/chromium/chromium/src/+/main:net/base/net_error_list.h';
const wsHandshake =
  'Chromium net/websockets/websocket_basic_handshake_stream.cc https://source.chromium.org/chromium/chromium/src/+/main:net/websockets/websocket_basic_handshake_stream.cc';
const wsStreamTest = 'Chromium net/websockets/websocket_stream_test.cc (WebSocketStreamCreateBasicAuthTest: "HTTP Authentication failed; no valid credentials available") https://source.chromium.org/chromium/chromium/src/+/main:net/websockets/websocket_stream_test.cc';
const wsChannel = 'Chromium net/websockets/websocket_channel.cc https://source.chromium.org/chromium/chromium/src/+/main:net/websockets/websocket_channel.cc';
const nssErrors = 'NSS/PSM error codes https://firefox-source-docs.mozilla.org/security/nss/legacy/ssl_functions/sslerr.html; security/manager/locales/en-US/security/certificates/certificateErrors (mozilla-central)';
const pkixErrors = 'mozilla::pkix error codes https://searchfox.org/mozilla-central/source/security/nss/lib/mozpkix/include/pkix/pkixnss.h';
const necko = 'Firefox netwerk error codes https://searchfox.org/mozilla-central/source/xpcom/base/ErrorList.py';
const nsurl = 'Apple NSURLError codes https://developer.apple.com/documentation/foundation/1508628-url_loading_system_error_codes';
const secureTransport = 'Apple Security framework SecureTransport.h (errSSL* OSStatus codes) https://developer.apple.com/documentation/security/1542695-secure_transport_result_codes';
const webkit = 'WebKit Source/WebCore/Modules/websockets/WebSocketHandshake.cpp https://github.com/WebKit/WebKit/blob/main/Source/WebCore/Modules/websockets/WebSocketHandshake.cpp';

// libsoup 3 (WebKitGTK, GNOME): soup-websocket.c's handshake errors, read from Debian 12 libsoup-3.0.so.0 (3.2.3).
const libsoup = 'libsoup libsoup/websocket/soup-websocket.c (soup_websocket_client_verify_handshake) https://gitlab.gnome.org/GNOME/libsoup/-/blob/master/libsoup/websocket/soup-websocket.c; strings of Debian 12 libsoup-3.0.so.0 3.2.3';
const webkitGtk = 'WebKitGTK 2.50 console text for a refused upgrade (WebSocketChannel), seen with Debian 12 libwebkit2gtk-4.1 2.50.6; test/fixtures/holdout-6/README.md';

export const browserVocabulary: Vocabulary = {
  name: 'browser',
  rules: [
    // Chromium net errors (console: "Error in connection establishment: net::ERR_...").
    rule('chromium.cert_date_invalid', /\bERR_CERT_DATE_INVALID\b/, 'cert_expired', 0.75, netErrors, { ambiguity: 'validity', example: 'WebSocket connection to \'wss://localhost:11442/\' failed: Error in connection establishment: net::ERR_CERT_DATE_INVALID' }),
    rule('chromium.cert_authority_invalid', /\bERR_CERT_AUTHORITY_INVALID\b/, 'untrusted_ca', 0.7, netErrors, { example: 'net::ERR_CERT_AUTHORITY_INVALID', ambiguity: 'issuer' }),
    rule('chromium.cert_common_name_invalid', /\bERR_CERT_COMMON_NAME_INVALID\b/, 'hostname_mismatch', 0.85, netErrors, { example: 'net::ERR_CERT_COMMON_NAME_INVALID' }),
    // Since Chrome 84 dropped TLS 1.0/1.1 this is mostly a version mismatch; tls.version or the text decide otherwise.
    rule('chromium.ssl_version_or_cipher_mismatch', /\bERR_SSL_VERSION_OR_CIPHER_MISMATCH\b/, 'tls_version_mismatch', 0.55, netErrors, { example: 'net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH', ambiguity: 'handshake' }),
    rule('chromium.ssl_obsolete_version', /\bERR_SSL_OBSOLETE_VERSION\b|\bERR_SSL_OBSOLETE_VERSION_OR_CIPHER\b/, 'tls_version_mismatch', 0.8, netErrors, { example: 'net::ERR_SSL_OBSOLETE_VERSION' }),
    rule('chromium.ssl_protocol_error', /\bERR_SSL_PROTOCOL_ERROR\b/, 'tls_unknown', 0.6, netErrors, { example: 'net::ERR_SSL_PROTOCOL_ERROR' }),
    rule('chromium.cert_revoked', /\bERR_CERT_REVOKED\b/, 'tls_unknown', 0.8, netErrors, { example: 'net::ERR_CERT_REVOKED' }),
    rule('chromium.cert_invalid', /\bERR_CERT_INVALID\b/, 'tls_unknown', 0.6, netErrors, { example: 'net::ERR_CERT_INVALID' }),
    rule('chromium.bad_ssl_client_auth_cert', /\bERR_BAD_SSL_CLIENT_AUTH_CERT\b/, 'tls_unknown', 0.7, netErrors, { example: 'net::ERR_BAD_SSL_CLIENT_AUTH_CERT' }),
    rule('chromium.connection_refused', /\bERR_CONNECTION_REFUSED\b/, 'connection_refused', 0.85, netErrors, { example: 'WebSocket connection to \'ws://localhost:12345/\' failed: Error in connection establishment: net::ERR_CONNECTION_REFUSED' }),
    rule('chromium.name_not_resolved', /\bERR_NAME_NOT_RESOLVED\b/, 'dns_failure', 0.85, netErrors, { example: 'net::ERR_NAME_NOT_RESOLVED' }),
    rule('chromium.connection_timed_out', /\bERR_CONNECTION_TIMED_OUT\b|\bERR_TIMED_OUT\b/, 'network_timeout', 0.85, netErrors, { example: 'net::ERR_CONNECTION_TIMED_OUT' }),
    rule('chromium.connection_reset', /\bERR_CONNECTION_RESET\b|\bERR_CONNECTION_CLOSED\b|\bERR_CONNECTION_ABORTED\b/, 'network_reset', 0.75, netErrors, { example: 'net::ERR_CONNECTION_RESET' }),
    rule('chromium.internet_disconnected', /\bERR_INTERNET_DISCONNECTED\b|\bERR_NETWORK_CHANGED\b/, 'network_reset', 0.7, netErrors, { example: 'net::ERR_INTERNET_DISCONNECTED' }),
    rule('chromium.tunnel_connection_failed', /\bERR_TUNNEL_CONNECTION_FAILED\b/, 'http_rejected', 0.6, netErrors, { example: 'net::ERR_TUNNEL_CONNECTION_FAILED' }),
    // Chromium console texts for the WebSocket handshake.
    rule('chromium.unexpected_response_code', /Error during WebSocket handshake: Unexpected response code: (\d{3})/, 'http_rejected', 0.85, `${wsHandshake}; seen in https://github.com/liftoff/GateOne/issues/665 and https://github.com/silverwind/droppy/issues/176`, { example: 'Error during WebSocket handshake: Unexpected response code: 401', capture: 'http_status' }),
    rule('chromium.subprotocol_missing', /Sent non-empty 'Sec-WebSocket-Protocol' header but no response was received/, 'subprotocol_mismatch', 0.85, wsHandshake, { example: 'Error during WebSocket handshake: Sent non-empty \'Sec-WebSocket-Protocol\' header but no response was received' }),
    rule('chromium.subprotocol_mismatch', /'Sec-WebSocket-Protocol' header value '[^']*' in response does not match any of sent values/, 'subprotocol_mismatch', 0.85, wsHandshake, { example: 'Error during WebSocket handshake: \'Sec-WebSocket-Protocol\' header value \'v2\' in response does not match any of sent values' }),
    // Chromium always offers permessage-deflate and names any other answer "unsupported": the offered extension
    // was not negotiated, something else was (corpus-chromium-12).
    rule('chromium.unsupported_extension', /Found an unsupported extension '[^']*' in 'Sec-WebSocket-Extensions' header/, 'extension_params_rejected', 0.8, wsHandshake, { example: 'Error during WebSocket handshake: Found an unsupported extension \'x-foo\' in \'Sec-WebSocket-Extensions\' header' }),
    rule('chromium.duplicate_deflate', /Received duplicate permessage-deflate response/, 'extension_params_rejected', 0.8, `${wsHandshake}; reproduced: test/fixtures/corpus/chromium.ndjson corpus-chromium-27`, { example: 'WebSocket connection to \'ws://localhost:10503/\' failed: Error during WebSocket handshake: Received duplicate permessage-deflate response' }),
    rule('chromium.subprotocol_unrequested', /Response must not include 'Sec-WebSocket-Protocol' header if not present in request/, 'subprotocol_mismatch', 0.85, `${wsHandshake}; reproduced: test/fixtures/corpus/chromium.ndjson corpus-chromium-28`, { example: 'Error during WebSocket handshake: Response must not include \'Sec-WebSocket-Protocol\' header if not present in request: chat.v9' }),
    rule('chromium.http_auth_failed', /HTTP Authentication failed; no valid credentials available/, 'http_auth_rejected', 0.8, `${wsStreamTest}; reproduced: test/fixtures/corpus/chromium.ndjson corpus-chromium-25`, { example: 'WebSocket connection to \'ws://localhost:10501/\' failed: HTTP Authentication failed; no valid credentials available' }),
    rule('chromium.masked_frame', /A server must not mask any frames that it sends to the client/, 'protocol_error', 0.8, `${wsChannel}; reproduced: test/fixtures/corpus/chromium.ndjson corpus-chromium-26`, { example: 'A server must not mask any frames that it sends to the client.' }),
    rule('chromium.permessage_deflate_error', /Error in permessage-deflate: /, 'extension_params_rejected', 0.8, wsHandshake, { example: 'Error during WebSocket handshake: Error in permessage-deflate: Received an unexpected permessage-deflate extension parameter' }),
    rule('chromium.upgrade_header_missing', /Error during WebSocket handshake: 'Upgrade' header is missing|Error during WebSocket handshake: 'Connection' header is missing/, 'http_rejected', 0.7, wsHandshake, { example: 'Error during WebSocket handshake: \'Upgrade\' header is missing' }),
    rule('chromium.incorrect_accept', /Error during WebSocket handshake: Incorrect 'Sec-WebSocket-Accept' header value/, 'protocol_error', 0.7, wsHandshake, { example: 'Error during WebSocket handshake: Incorrect \'Sec-WebSocket-Accept\' header value' }),
    // The page called close() while CONNECTING: never opened, no cause named (as ws.closed_before_established).
    rule('chromium.closed_before_established', /WebSocket is closed before the connection is established/, 'unknown_failure', 0.3, wsChannel, { example: 'WebSocket is closed before the connection is established.' }),
    rule('chromium.compressed_bit', /Compressed bit must be 0 if no negotiated deflate-frame extension/, 'protocol_error', 0.8, 'Chromium (pre-2014) net/websockets/websocket_channel.cc; seen in https://github.com/novnc/noVNC/issues/273', { example: 'Compressed bit must be 0 if no negotiated deflate-frame extension' }),
    // Any other net error names a failure we do not map: more specific than a bare 1006.
    rule('chromium.other_net_error', /\bnet::ERR_[A-Z_]+\b/, 'unknown_failure', 0.35, netErrors, { example: 'net::ERR_INVALID_HANDLE' }),
    rule('chromium.reserved_bits', /One or more reserved bits are on: reserved1 = \d, reserved2 = \d, reserved3 = \d/, 'protocol_error', 0.75, wsChannel, { example: 'One or more reserved bits are on: reserved1 = 1, reserved2 = 0, reserved3 = 0' }),
    rule('chromium.invalid_utf8', /Could not decode a text frame as UTF-8/, 'protocol_error', 0.8, wsChannel, { example: 'Could not decode a text frame as UTF-8.' }),
    // Firefox / NSS (about:certerror codes and the error console).
    rule('nss.expired_certificate', /\bSEC_ERROR_EXPIRED_CERTIFICATE\b|\bSEC_ERROR_EXPIRED_ISSUER_CERTIFICATE\b/i, 'cert_expired', 0.85, nssErrors, { example: 'SEC_ERROR_EXPIRED_CERTIFICATE' }),
    rule('pkix.not_yet_valid', /\bMOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE\b|\bMOZILLA_PKIX_ERROR_NOT_YET_VALID_ISSUER_CERTIFICATE\b/i, 'cert_not_yet_valid', 0.85, pkixErrors, { example: 'MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE' }),
    rule('pkix.self_signed', /\bMOZILLA_PKIX_ERROR_SELF_SIGNED_CERT\b/i, 'self_signed', 0.85, pkixErrors, { example: 'MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT' }),
    rule('nss.unknown_issuer', /\bSEC_ERROR_UNKNOWN_ISSUER\b/i, 'untrusted_ca', 0.6, nssErrors, { example: 'SEC_ERROR_UNKNOWN_ISSUER', ambiguity: 'issuer' }),
    rule('nss.untrusted_issuer', /\bSEC_ERROR_UNTRUSTED_ISSUER\b|\bSEC_ERROR_UNTRUSTED_CERT\b|\bSEC_ERROR_CA_CERT_INVALID\b/i, 'untrusted_ca', 0.8, nssErrors, { example: 'SEC_ERROR_UNTRUSTED_ISSUER' }),
    rule('nss.bad_cert_domain', /\bSSL_ERROR_BAD_CERT_DOMAIN\b/i, 'hostname_mismatch', 0.85, nssErrors, { example: 'SSL_ERROR_BAD_CERT_DOMAIN' }),
    rule('nss.no_cypher_overlap', /\bSSL_ERROR_NO_CYPHER_OVERLAP\b|no common encryption algorithm/i, 'cipher_mismatch', 0.85, nssErrors, { example: 'SSL_ERROR_NO_CYPHER_OVERLAP' }),
    rule('nss.unsupported_version', /\bSSL_ERROR_UNSUPPORTED_VERSION\b|\bSSL_ERROR_PROTOCOL_VERSION_ALERT\b|\bSSL_ERROR_INAPPROPRIATE_FALLBACK_ALERT\b/i, 'tls_version_mismatch', 0.85, nssErrors, { example: 'SSL_ERROR_UNSUPPORTED_VERSION' }),
    rule('nss.handshake_failure_alert', /\bSSL_ERROR_HANDSHAKE_FAILURE_ALERT\b/i, 'cipher_mismatch', 0.55, nssErrors, { example: 'SSL_ERROR_HANDSHAKE_FAILURE_ALERT', ambiguity: 'handshake' }),
    rule('nss.unknown_ca_alert', /\bSSL_ERROR_UNKNOWN_CA_ALERT\b/i, 'untrusted_ca', 0.8, nssErrors, { example: 'SSL_ERROR_UNKNOWN_CA_ALERT', ambiguity: 'issuer' }),
    rule('nss.expired_cert_alert', /\bSSL_ERROR_EXPIRED_CERT_ALERT\b/i, 'cert_expired', 0.8, nssErrors, { example: 'SSL_ERROR_EXPIRED_CERT_ALERT' }),
    rule('nss.revoked', /\bSEC_ERROR_REVOKED_CERTIFICATE\b/i, 'tls_unknown', 0.8, nssErrors, { example: 'SEC_ERROR_REVOKED_CERTIFICATE' }),
    rule('nss.record_too_long', /\bSSL_ERROR_RX_RECORD_TOO_LONG\b/i, 'tls_unknown', 0.6, nssErrors, { example: 'SSL_ERROR_RX_RECORD_TOO_LONG' }),
    rule('nss.invalid_time', /\bSEC_ERROR_INVALID_TIME\b/i, 'tls_unknown', 0.6, nssErrors, { example: 'SEC_ERROR_INVALID_TIME' }),
    // Firefox about:certerror explanations.
    rule('firefox.no_issuer_chain', /certificate is not trusted because no issuer chain was provided/i, 'incomplete_chain', 0.8, nssErrors, { example: 'The certificate is not trusted because no issuer chain was provided.' }),
    rule('firefox.issuer_unknown', /certificate is not trusted because the issuer certificate is unknown/i, 'untrusted_ca', 0.6, nssErrors, { example: 'The certificate is not trusted because the issuer certificate is unknown.', ambiguity: 'issuer' }),
    rule('firefox.self_signed', /certificate is not trusted because it is self-signed/i, 'self_signed', 0.8, nssErrors, { example: 'The certificate is not trusted because it is self-signed.' }),
    rule('necko.connection_refused', /\bNS_ERROR_CONNECTION_REFUSED\b/i, 'connection_refused', 0.85, necko, { example: 'NS_ERROR_CONNECTION_REFUSED' }),
    rule('necko.unknown_host', /\bNS_ERROR_UNKNOWN_HOST\b/i, 'dns_failure', 0.85, necko, { example: 'NS_ERROR_UNKNOWN_HOST' }),
    rule('necko.net_timeout', /\bNS_ERROR_NET_TIMEOUT\b/i, 'network_timeout', 0.85, necko, { example: 'NS_ERROR_NET_TIMEOUT' }),
    rule('necko.net_reset', /\bNS_ERROR_NET_RESET\b|\bNS_ERROR_NET_INTERRUPT\b/i, 'network_reset', 0.75, necko, { example: 'NS_ERROR_NET_RESET' }),
    // Safari / WebKit (NSURLErrorDomain texts, WebKit console).
    rule('nsurl.cert_expired', /certificate for this server has expired|\bNSURLErrorServerCertificateHasBadDate\b|\(-1201\)/i, 'cert_expired', 0.75, nsurl, { example: 'The certificate for this server has expired.' }),
    rule('nsurl.cert_not_yet_valid', /certificate for this server is not yet valid|\bNSURLErrorServerCertificateNotYetValid\b|\(-1204\)/i, 'cert_not_yet_valid', 0.75, nsurl, { example: 'The certificate for this server is not yet valid.' }),
    rule('nsurl.cert_unknown_root', /\bNSURLErrorServerCertificateHasUnknownRoot\b|\(-1203\)/, 'untrusted_ca', 0.7, nsurl, { example: 'NSURLErrorServerCertificateHasUnknownRoot', ambiguity: 'issuer' }),
    rule('nsurl.cert_untrusted', /certificate for this server is invalid|\bNSURLErrorServerCertificateUntrusted\b|\(-1202\)/i, 'tls_unknown', 0.6, nsurl, { example: 'The certificate for this server is invalid. You might be connecting to a server that is pretending to be “api.example.com”' }),
    rule('nsurl.secure_connection_failed', /An SSL error has occurred and a secure connection to the server cannot be made|\bNSURLErrorSecureConnectionFailed\b|\(-1200\)/i, 'tls_unknown', 0.6, nsurl, { example: 'An SSL error has occurred and a secure connection to the server cannot be made.' }),
    rule('nsurl.cannot_find_host', /A server with the specified hostname could not be found|\bNSURLErrorCannotFindHost\b/i, 'dns_failure', 0.85, nsurl, { example: 'A server with the specified hostname could not be found.' }),
    rule('nsurl.cannot_connect', /\bCould not connect to the server|\bNSURLErrorCannotConnectToHost\b/i, 'connection_refused', 0.65, nsurl, { example: 'Could not connect to the server.' }),
    rule('nsurl.timed_out', /The request timed out|\bNSURLErrorTimedOut\b/i, 'network_timeout', 0.8, nsurl, { example: 'The request timed out.' }),
    rule('nsurl.network_connection_lost', /The network connection was lost/i, 'network_reset', 0.7, nsurl, { example: 'WebSocket connection to \'wss://api.example.com/socket\' failed: The network connection was lost.' }),
    rule('securetransport.cert_expired', /-9814\b|\berrSSLCertExpired\b/, 'cert_expired', 0.8, secureTransport, { example: 'The operation couldn’t be completed. (OSStatus error -9814.)' }),
    rule('securetransport.cert_not_yet_valid', /-9815\b|\berrSSLCertNotYetValid\b/, 'cert_not_yet_valid', 0.8, secureTransport, { example: 'OSStatus error -9815' }),
    rule('securetransport.unknown_root', /-9812\b|-9813\b|\berrSSLUnknownRootCert\b|\berrSSLNoRootCert\b/, 'untrusted_ca', 0.7, secureTransport, { example: 'OSStatus error -9812', ambiguity: 'issuer' }),
    rule('securetransport.chain_invalid', /-9807\b|\berrSSLXCertChainInvalid\b/, 'tls_unknown', 0.6, secureTransport, { example: 'OSStatus Error -9807: Invalid certificate chain' }),
    rule('securetransport.negotiation', /-9801\b|\berrSSLNegotiation\b|Cipher Suite negotiation failure/i, 'cipher_mismatch', 0.75, `${secureTransport}; seen in https://github.com/MirrorNetworking/Mirror/issues/2057`, { example: 'OSStatus Error -9801: Cipher Suite negotiation failure' }),
    rule('securetransport.protocol_version', /-9836\b|\berrSSLPeerProtocolVersion\b/, 'tls_version_mismatch', 0.8, secureTransport, { example: 'OSStatus error -9836' }),
    rule('securetransport.handshake_fail', /-9824\b|\berrSSLPeerHandshakeFail\b/, 'cipher_mismatch', 0.55, secureTransport, { example: 'OSStatus error -9824', ambiguity: 'handshake' }),
    rule('libsoup.unsupported_extension', /\bServer requested unsupported extension\b/, 'extension_params_rejected', 0.8, libsoup, { example: 'Server requested unsupported extension' }),
    rule('libsoup.duplicated_parameter', /\bServer returned a duplicated parameter in\b/, 'extension_params_rejected', 0.8, libsoup, { example: 'Server returned a duplicated parameter in permessage-deflate extension' }),
    rule('libsoup.unsupported_protocol', /\bServer requested unsupported protocol\b/, 'subprotocol_mismatch', 0.8, libsoup, { example: 'Server requested unsupported protocol' }),
    rule('libsoup.incorrect_key', /\bServer returned incorrect \S+ key\b/, 'protocol_error', 0.8, libsoup, { example: 'Server returned incorrect Sec-WebSocket-Accept key' }),
    rule('libsoup.rejected_handshake', /\bServer rejected WebSocket handshake\b/, 'http_rejected', 0.7, libsoup, { example: 'Server rejected WebSocket handshake' }),
    rule('libsoup.ignored_handshake', /\bServer ignored WebSocket handshake\b/, 'protocol_error', 0.7, libsoup, { example: 'Server ignored WebSocket handshake' }),
    rule('webkitgtk.not_accepted', /\bThe server did not accept the WebSocket handshake\b/, 'http_rejected', 0.7, webkitGtk, { example: "WebSocket connection to 'wss://h/' failed: The server did not accept the WebSocket handshake." }),
    rule('webkit.bad_response', /there was a bad response from the server/i, 'http_rejected', 0.65, `${webkit}; seen in https://github.com/miroslavpejic85/mirotalk/issues/227`, { example: 'There was a bad response from the server.' }),
    rule('webkit.unexpected_response_code', /Unexpected response code: (\d{3})/, 'http_rejected', 0.85, webkit, { example: 'Error during WebSocket handshake: Unexpected response code: 401', capture: 'http_status' }),
  ],
};
