// Server and proxy log vocabulary: nginx, Envoy transport failure reasons, HAProxy.
// The OpenSSL reason inside these lines is matched by openssl.ts; these rows add what the proxy says.
import { rule, type Vocabulary } from './types.js';

const nginxUpstream = 'nginx src/event/ngx_event_openssl.c ("upstream SSL certificate verify error", "upstream SSL certificate does not match") https://github.com/nginx/nginx/blob/master/src/event/ngx_event_openssl.c';
const nginxHandshake = 'nginx src/event/ngx_event_openssl.c ("SSL_do_handshake() failed", "peer closed connection in SSL handshake") https://github.com/nginx/nginx/blob/master/src/event/ngx_event_openssl.c';
const envoy = 'Envoy response flags and transport failure reasons https://www.envoyproxy.io/docs/envoy/latest/configuration/observability/access_log/usage';
const apacheSsl = 'Apache httpd modules/ssl/ssl_engine_kernel.c and ssl_engine_io.c (AH02039/AH02276 "Certificate Verification: Error (%d): %s", AH02411 "SSL Proxy: Peer certificate does not match for hostname %s") https://github.com/apache/httpd/blob/trunk/modules/ssl/ssl_engine_kernel.c';
const h2o = 'h2o 2.2 lib/common/http1client.c (on_connect: "connection failed"; on_head: "I/O error (head)"), logged by lib/core/proxy.c https://github.com/h2o/h2o/blob/v2.2.5/lib/common/http1client.c';
const haproxy = 'HAProxy src/ssl_sock.c / doc/configuration.txt (connection error messages) https://docs.haproxy.org/2.8/configuration.html';

const trafficServer = 'Apache Traffic Server iocore/net/SSLClientUtils.cc verify_callback ("SNI (%s) not in certificate. Action=%s server=%s(%s)": the origin certificate does not carry the name asked for) https://github.com/apache/trafficserver/blob/9.2.x/iocore/net/SSLClientUtils.cc';

const zurlWebSocket = 'zurl src/websocket.cpp (log_debug "ws: connecting to %s (ssl)" before QSslSocket::connectToHostEncrypted; "ws: sock_error: %d" with the QAbstractSocket::SocketError; "ws: sslErrors: …" only when verification failed) https://github.com/fanout/zurl/blob/master/src/websocket.cpp';
const condure = 'condure src/server.rs ("worker %d: tls accept") and src/tls.rs ("tls handshake success"), src/connection.rs (ServerError: Io, InvalidWebSocketRequest, Http(httparse::Error); "process error: {:?}") https://github.com/fanout/condure/blob/master/src/connection.rs';
export const proxyVocabulary: Vocabulary = {
  name: 'proxy',
  rules: [
    rule('trafficserver.sni_not_in_certificate', /\bSNI \([^)\n]{1,255}\) not in certificate\b/, 'hostname_mismatch', 0.85, `${trafficServer}; reproduced: test/fixtures/holdout-8/trafficserver.ndjson holdout8-trafficserver-4`, { example: '[ET_NET 1] WARNING: SNI (localhost) not in certificate. Action=Terminate server=localhost(127.0.0.1)' }),
    rule('nginx.upstream_verify_error', /upstream SSL certificate verify error: \((\d+):/, 'tls_unknown', 0.95, nginxUpstream, { example: 'upstream SSL certificate verify error: (10:certificate has expired) while SSL handshaking to upstream', capture: 'verify_code' }),
    rule('nginx.could_not_be_resolved', /\S+ could not be resolved \(\d+: /, 'dns_failure', 0.85, 'nginx src/core/ngx_resolver.c and src/http/ngx_http_upstream.c ("%V could not be resolved (%i: %s)") https://github.com/nginx/nginx/blob/master/src/http/ngx_http_upstream.c; reproduced: test/fixtures/corpus/nginx.ndjson corpus-nginx-8', { example: '[error] 23325#23325: *1 ws.lab3.invalid could not be resolved (3: Host not found), client: 127.0.0.1, server: , request: "GET / HTTP/1.1", host: "127.0.0.1:10510"' }),
    rule('nginx.upstream_does_not_match', /upstream SSL certificate does not match/, 'hostname_mismatch', 0.85, nginxUpstream, { example: 'upstream SSL certificate does not match "backend.internal" while SSL handshaking to upstream' }),
    rule('nginx.peer_closed_in_handshake', /peer closed connection in SSL handshake/, 'tls_unknown', 0.5, nginxHandshake, { example: 'peer closed connection in SSL handshake while SSL handshaking' }),
    rule('envoy.delayed_connect_refused', /delayed connect error: 111\b/, 'connection_refused', 0.8, envoy, { example: 'reset reason: connection failure, transport failure reason: delayed connect error: 111' }),
    rule('envoy.connection_timeout', /reset reason: connection timeout/, 'network_timeout', 0.75, envoy, { example: 'upstream connect error or disconnect/reset before headers. reset reason: connection timeout' }),
    rule('envoy.connection_termination', /reset reason: connection termination/, 'network_reset', 0.6, envoy, { example: 'upstream connect error or disconnect/reset before headers. reset reason: connection termination' }),
    rule('envoy.no_healthy_upstream', /\bno healthy upstream\b/, 'http_rejected', 0.7, envoy, { example: 'no healthy upstream' }),
    rule('nginx.upstream_prematurely_closed', /upstream prematurely closed connection/, 'network_reset', 0.6, nginxHandshake, { example: 'upstream prematurely closed connection while reading response header from upstream' }),
    rule('envoy.connection_failure', /reset reason: (?:remote )?connection failure\b(?!, transport failure reason)/, 'network_reset', 0.65, `${envoy}; seen in https://github.com/envoyproxy/envoy/issues/45011`, { example: 'upstream connect error or disconnect/reset before headers. reset reason: remote connection failure' }),
    // Envoy's default certificate validator names the failed check after "verify cert failed: ".
    rule('envoy.verify_san', /\bverify SAN list\b/, 'hostname_mismatch', 0.85, 'Envoy source/common/tls/cert_validator/default_validator.cc ("verify cert failed: verify SAN list") https://github.com/envoyproxy/envoy/blob/main/source/common/tls/cert_validator/default_validator.cc', { example: 'TLS_error:|268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:verify cert failed: verify SAN list:TLS_error_end' }),
    rule('envoy.tls_error', /transport failure reason: TLS error|\bTLS_error:/, 'tls_unknown', 0.55, envoy, { example: 'TLS_error:|268436526:SSL routines:OPENSSL_internal:TLSV1_ALERT_PROTOCOL_VERSION:TLS_error_end' }),
    rule('apache.certificate_verification', /\bAH0(?:2039|2276): Certificate Verification: Error \((\d+)\)/, 'tls_unknown', 0.95, `${apacheSsl}; reproduced: test/fixtures/corpus/apache.ndjson corpus-apache-1`, { example: '[ssl:error] [pid 8524:tid 8553] [remote 127.0.0.1:11902] AH02039: Certificate Verification: Error (10): certificate has expired', capture: 'verify_code' }),
    rule('apache.peer_name_mismatch', /\bAH02411: SSL Proxy: Peer certificate does not match for hostname/, 'hostname_mismatch', 0.85, `${apacheSsl}; reproduced: test/fixtures/corpus/apache.ndjson corpus-apache-2`, { example: '[ssl:info] [pid 7913:tid 7971] [remote 127.0.0.1:10522] AH02411: SSL Proxy: Peer certificate does not match for hostname localhost' }),
    // h2o's upstream connect failed (nobody listening, unreachable): its 502 says no more than that.
    rule('h2o.connection_failed', /\[lib\/core\/proxy\.c\][^\n]*:\s*connection failed\b/, 'connection_refused', 0.6, h2o, { example: '[lib/core/proxy.c] in request:/ws:connection failed' }),
    // httplog termination state after the two cookie fields ("- -"): 's' = the server-side timeout struck, while connecting (C), queued (Q) or awaiting headers (H).
    rule('haproxy.server_timeout_state', / - - s[CQH][-A-Za-z]{2} \d+\/\d+\/\d+\/\d+\/\d+ /, 'network_timeout', 0.6, 'HAProxy doc/configuration.txt §8.5 (session state at disconnection) https://docs.haproxy.org/2.8/configuration.html#8.5', { example: '0/0/-1/-1/12006 503 217 - - sC-- 2/1/0/0/3 0/0 "GET / HTTP/1.1"' }),
    rule('haproxy.ssl_handshake_failure', /SSL handshake failure/, 'tls_unknown', 0.55, haproxy, { example: 'SSL handshake failure' }),
    rule('haproxy.ssl_handshake_timeout', /Timeout during SSL handshake/, 'tls_unknown', 0.5, haproxy, { example: 'Timeout during SSL handshake' }),
    // A proxy's TLS connect to its upstream, then a socket error before any answer or verify result: the TLS handshake failed
    // and the lines do not say why (the peer closed in it: sock_error 1; QAbstractSocket::SslHandshakeFailedError: 13).
    rule('zurl.tls_connect_then_socket_error', /\bconnecting to \S+ \(ssl\)(?:\n(?![^\n]*\bsslErrors\b)[^\n]*){0,12}?\n[^\n]*\bsock_error: \d+/, 'tls_unknown', 0.5, zurlWebSocket, { example: '[DEBUG] ws: connecting to 127.0.0.1:61659 (ssl)\n[DEBUG] ws: sock_error: 1' }),
    // A server's TLS accept that ended in an I/O error before its handshake succeeded: the client's TLS handshake failed there.
    rule('condure.tls_accept_io_error', /\btls accept\b(?![\s\S]*\btls handshake success\b)[\s\S]*?\bprocess error: Io\(/, 'tls_unknown', 0.5, condure, { example: '[condure::server] worker 0: tls accept\n[condure::connection] conn 0-1-20: process error: Io(Kind(Other))' }),
    // A server's refusal of a malformed request: a WebSocket upgrade that fails its checks, a request line or header that does not parse.
    rule('condure.malformed_request', /\bprocess error: (?:InvalidWebSocketRequest|Http\(ParseError\()/, 'protocol_error', 0.5, condure, { example: '[condure::connection] conn 1-0-16: process error: InvalidWebSocketRequest' }),
  ],
};
