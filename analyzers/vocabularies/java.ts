// Java vocabulary: JSSE (SSLHandshakeException, PKIX, CertificateExpiredException), OkHttp,
// Java-WebSocket, Jetty and Tyrus handshake errors.
import { rule, type Vocabulary } from './types.js';

const pkix = 'OpenJDK sun/security/validator/PKIXValidator.java ("PKIX path building failed") https://github.com/openjdk/jdk/blob/master/src/java.base/share/classes/sun/security/validator/PKIXValidator.java';
const certExc = 'OpenJDK sun/security/x509/CertificateValidity.java (NotAfter/NotBefore) https://github.com/openjdk/jdk/blob/master/src/java.base/share/classes/sun/security/x509/CertificateValidity.java';
const hostChecker = 'OpenJDK sun/security/util/HostnameChecker.java https://github.com/openjdk/jdk/blob/master/src/java.base/share/classes/sun/security/util/HostnameChecker.java';
const alert = 'OpenJDK sun/security/ssl/Alert.java ("Received fatal alert: ") https://github.com/openjdk/jdk/blob/master/src/java.base/share/classes/sun/security/ssl/Alert.java';
const handshake = 'OpenJDK sun/security/ssl/HandshakeContext.java, ServerHello.java, ClientHello.java https://github.com/openjdk/jdk/blob/master/src/java.base/share/classes/sun/security/ssl/HandshakeContext.java';
const okhttp = 'OkHttp RealWebSocket.kt checkUpgradeSuccess, OkHostnameVerifier https://github.com/square/okhttp/blob/master/okhttp/src/commonJvmAndroid/kotlin/okhttp3/internal/ws/RealWebSocket.kt';
const javaWs = 'Java-WebSocket Draft_6455 / Draft.translateHandshakeHttpClient https://github.com/TooTallNate/Java-WebSocket/blob/master/src/main/java/org/java_websocket/drafts/Draft.java';
const jetty = 'Jetty websocket client UpgradeException https://github.com/jetty/jetty.project/blob/jetty-12.0.x/jetty-core/jetty-websocket/jetty-websocket-core-client/src/main/java/org/eclipse/jetty/websocket/core/client/CoreClientUpgradeRequest.java';
const tyrus = 'Tyrus client localization.properties (invalid.response.code) https://github.com/eclipse-ee4j/tyrus/blob/2.x/client/src/main/resources/org/glassfish/tyrus/client/l10n/localization.properties';

const jdkOpening = 'OpenJDK jdk/internal/net/http/websocket/OpeningHandshake.java (CheckFailedException) https://github.com/openjdk/jdk/blob/master/src/java.net.http/share/classes/jdk/internal/net/http/websocket/OpeningHandshake.java';
const nio = 'OpenJDK java.nio.channels (UnresolvedAddressException, ClosedChannelException) and java.net.ConnectException https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/net/ConnectException.html';

const netty = 'Netty WebSocketClientHandshaker13.verify ("Invalid subprotocol. Actual: %s. Expected one of: %s", "Invalid challenge. Actual: %s. Expected: %s") https://github.com/netty/netty/blob/4.1/codec-http/src/main/java/io/netty/handler/codec/http/websocketx/WebSocketClientHandshaker13.java';
const nettyExtensions = 'Netty WebSocketClientExtensionHandler ("invalid WebSocket Extension handshake for") https://github.com/netty/netty/blob/4.1/codec-http/src/main/java/io/netty/handler/codec/http/websocketx/extensions/WebSocketClientExtensionHandler.java';

const tomcat = 'Tomcat org/apache/tomcat/websocket/LocalStrings.properties (wsWebSocketContainer.invalidStatus, failedAuthentication, Util.unknownExtensionParameter) https://github.com/apache/tomcat/blob/main/java/org/apache/tomcat/websocket/LocalStrings.properties';

export const javaVocabulary: Vocabulary = {
  name: 'java',
  rules: [
    rule('jsse.pkix_path_building', /PKIX path building failed|unable to find valid certification path to requested target|\bSunCertPathBuilderException\b/, 'untrusted_ca', 0.6, pkix, { ambiguity: 'issuer' }),
    rule('jsse.cert_expired', /\bCertificateExpiredException\b|\bNotAfter: /, 'cert_expired', 0.85, certExc),
    rule('jsse.cert_not_yet_valid', /\bCertificateNotYetValidException\b|\bNotBefore: /, 'cert_not_yet_valid', 0.85, certExc),
    rule('jsse.validity_check_failed', /PKIX path validation failed: .*(?:validity check failed|timestamp check failed)/, 'cert_expired', 0.7, pkix),
    rule('jsse.remote_host_terminated', /Remote host terminated the handshake|Remote host closed connection during handshake/, 'tls_unknown', 0.5, handshake),
    rule('android.trust_anchor', /Trust anchor for certification path not found/, 'untrusted_ca', 0.6, 'Android conscrypt TrustManagerImpl; seen in https://github.com/home-assistant/android/issues/4365', { ambiguity: 'issuer' }),
    rule('java_http.no_bytes', /HTTP\/1\.1 header parser received no bytes/, 'network_reset', 0.7, 'OpenJDK jdk.internal.net.http.Http1Response; reproduced: test/fixtures/corpus/java.ndjson corpus-java-17'),
    rule('java_http.extensions_present', /Response field 'Sec-WebSocket-Extensions' present/, 'protocol_error', 0.8, 'OpenJDK jdk.internal.net.http.websocket.OpeningHandshake; reproduced: test/fixtures/corpus/java.ndjson corpus-java-12'),
    rule('java_http.bad_accept', /CheckFailedException: Bad Sec-WebSocket-Accept/, 'protocol_error', 0.7, `${jdkOpening}; reproduced: test/fixtures/corpus/java.ndjson corpus-java-29`),
    rule('java_http.unexpected_subprotocol', /CheckFailedException: Unexpected subprotocol/, 'subprotocol_mismatch', 0.8, `${jdkOpening}; reproduced: test/fixtures/corpus/java.ndjson corpus-java-30`),
    rule('java.unresolved_address', /\bUnresolvedAddressException\b/, 'dns_failure', 0.8, `${nio}; reproduced: test/fixtures/corpus/java.ndjson corpus-java-32`),
    // A bare ConnectException (no "Connection refused" text, e.g. java.net.http over NIO) is a refused or failed connect.
    rule('java.connect_exception', /\bjava\.net\.ConnectException\b/, 'connection_refused', 0.6, `${nio}; reproduced: test/fixtures/corpus/java.ndjson corpus-java-31`),
    rule('netty.invalid_subprotocol', /Invalid subprotocol\. Actual: \S* ?\. ?Expected one of:/, 'subprotocol_mismatch', 0.8, `${netty}; reproduced: test/fixtures/corpus/java.ndjson corpus-java-33`),
    rule('netty.invalid_challenge', /WebSocketClientHandshakeException: Invalid challenge\. Actual:/, 'protocol_error', 0.7, `${netty}; reproduced: test/fixtures/corpus/java.ndjson corpus-java-34`),
    rule('netty.invalid_extension', /invalid WebSocket Extension handshake for/, 'extension_params_rejected', 0.75, `${nettyExtensions}; reproduced: test/fixtures/corpus/java.ndjson corpus-java-35`),
    rule('jetty.invalid_accept', /Invalid Sec-WebSocket-Accept hash/, 'protocol_error', 0.7, `${jetty}; reproduced: test/fixtures/corpus/java.ndjson corpus-java-36`),
    rule('jetty.subprotocol_not_offered', /Upgrade failed: subprotocol \[[^\]]*\] not found in offered subprotocols/, 'subprotocol_mismatch', 0.8, `${jetty}; reproduced: test/fixtures/corpus/java.ndjson corpus-java-37`),
    rule('jetty.extension_not_requested', /Sec-WebSocket-Extensions contained extension not requested/, 'extension_not_negotiated', 0.7, `${jetty}; reproduced: test/fixtures/corpus/java.ndjson corpus-java-38`),
    rule('tomcat.upgrade_refused', /The HTTP response from the server \[(\d{3})\] did not permit the HTTP upgrade to WebSocket/, 'http_rejected', 0.85, `${tomcat}; reproduced: test/fixtures/corpus/java.ndjson corpus-java-40`, { capture: 'http_status' }),
    rule('tomcat.response_code', /Failed to handle HTTP response code \[(\d{3})\]/, 'http_rejected', 0.85, `${tomcat}; reproduced: test/fixtures/corpus/java.ndjson corpus-java-39`, { capture: 'http_status' }),
    rule('tomcat.unknown_extension_parameter', /An unknown extension parameter \[[^\]]*\] was defined/, 'extension_params_rejected', 0.75, `${tomcat}; reproduced: test/fixtures/corpus/java.ndjson corpus-java-41`),
    rule('tyrus.accept_mismatch', /Sec-WebSocket-Key returned from server does not match expected response/, 'protocol_error', 0.7, `${tyrus}; reproduced: test/fixtures/corpus/java.ndjson corpus-java-42`),
    rule('tyrus.authentication_failed', /tyrus\.client\.auth\.AuthenticationException: Authentication failed/, 'http_auth_rejected', 0.75, `${tyrus}; reproduced: test/fixtures/corpus/java.ndjson corpus-java-43`),
    rule('tyrus.ssl_handshake_failed', /SSL handshake has failed/, 'tls_unknown', 0.6, `${tyrus}; seen in https://github.com/eclipse-ee4j/tyrus/issues/580`),
    rule('tyrus.no_handshake_response', /Handshake response not received/, 'network_timeout', 0.6, `${tyrus}; seen in https://github.com/eclipse-ee4j/tyrus/issues/613`),
    rule('jsse.no_san_match', /No subject alternative (?:DNS )?names? matching .+ found|No subject alternative names present|No name matching \S+ found/, 'hostname_mismatch', 0.85, hostChecker),
    rule('jsse.fatal_alert', /Received fatal alert: ([a-z_]+)/, 'tls_unknown', 0.85, alert, { capture: 'tls_alert' }),
    rule('jsse.no_appropriate_protocol', /No appropriate protocol \(protocol is disabled or cipher suites are inappropriate\)/, 'tls_version_mismatch', 0.6, handshake),
    rule('jsse.protocol_not_accepted', /The server selected protocol version \S+ is not accepted by client preferences|Client requested protocol \S+ is not enabled or supported in server context|Unsupported or unrecognized SSL message/, 'tls_version_mismatch', 0.8, handshake),
    rule('jsse.no_cipher_in_common', /no cipher suites in common|No negotiable cipher suite/, 'cipher_mismatch', 0.85, handshake),
    rule('jsse.handshake_exception', /\bSSLHandshakeException\b|\bjavax\.net\.ssl\.SSLException\b/, 'tls_unknown', 0.55, handshake),
    rule('okhttp.hostname_not_verified', /\bHostname \S+ not verified/, 'hostname_mismatch', 0.85, okhttp),
    rule('okhttp.expected_101', /Expected HTTP 101 response but was '(\d{3})/, 'http_rejected', 0.85, okhttp, { capture: 'http_status' }),
    rule('java_websocket.invalid_status', /Invalid status code received: (\d{3})/, 'http_rejected', 0.85, javaWs, { capture: 'http_status' }),
    rule('jetty.unexpected_status', /\bUnexpected HTTP Response Status Code: (\d{3})/, 'http_rejected', 0.85, jetty, { capture: 'http_status' }),
    rule('jetty9.didnt_switch', /Didn't switch protocols, expected status <101>, but got <(\d{3})>/, 'http_rejected', 0.85, 'Jetty 9 websocket client UpgradeException; seen in https://github.com/jetty/jetty.project/issues/2946', { capture: 'http_status' }),
    rule('netty.handshake_status', /Websocket connection attempt returned HTTP status code (\d{3})/i, 'http_rejected', 0.85, 'Netty WebSocketClientHandshaker (WebSocketHandshakeException); seen in https://github.com/eclipse-vertx/vert.x/issues/591', { capture: 'http_status' }),
    rule('nv_websocket.not_101', /is not '101 Switching Protocols'\. The status line is: HTTP\/1\.1 (\d{3})/, 'http_rejected', 0.85, 'nv-websocket-client OpeningHandshakeException; seen in https://github.com/TakahikoKawasaki/nv-websocket-client/issues/80', { capture: 'http_status' }),
    rule('tyrus.response_code', /Response code was not 101: (\d{3})/, 'http_rejected', 0.85, tyrus, { capture: 'http_status' }),
  ],
};
