// curl vocabulary: error texts for exit codes 6, 7, 28, 35, 60 and WebSocket upgrade refusals.
// OpenSSL verify texts after "SSL certificate problem: " are matched by openssl.ts.
import { rule, type Vocabulary } from './types.js';

const libcurlErrors = 'libcurl error codes https://curl.se/libcurl/c/libcurl-errors.html';
const vtls = 'curl lib/vtls/openssl.c ("SSL certificate problem: %s", "no alternative certificate subject name matches") https://github.com/curl/curl/blob/master/lib/vtls/openssl.c';
const repro = 'reproduced: docs/reproductions.md (test/integration/repro, curl 7.88.1 / OpenSSL 3.0)';
const curlWs = 'curl lib/ws.c ("Refused WebSocket upgrade: %d") https://github.com/curl/curl/blob/master/lib/ws.c';

export const curlVocabulary: Vocabulary = {
  name: 'curl',
  rules: [
    rule('curl.ssl_certificate_problem', /SSL certificate problem: /, 'tls_unknown', 0.5, `${vtls}; ${repro}`, { example: 'curl: (60) SSL certificate problem: certificate has expired' }),
    rule('curl.no_alternative_name', /no alternative certificate subject name matches target host name|certificate subject name '[^']*' does not match target host/, 'hostname_mismatch', 0.85, `${vtls}; ${repro}`, { example: 'curl: (60) SSL: no alternative certificate subject name matches target host name \'localhost\'' }),
    // The reset or error happened inside the TLS handshake (curl exit 35).
    rule('curl.ssl_connect', /OpenSSL SSL_connect: /, 'tls_unknown', 0.78, `${vtls}; seen in https://github.com/envoyproxy/envoy/issues/17484`, { example: 'curl: (35) OpenSSL SSL_connect: Connection reset by peer in connection to api.example.com:443' }),
    rule('curl.couldnt_connect', /Failed to connect to \S+ port \d+|\bCouldn't connect to server\b|\bCould not connect to server\b/, 'connection_refused', 0.8, `${libcurlErrors} (CURLE_COULDNT_CONNECT, exit 7); ${repro}`, { example: 'curl: (7) Failed to connect to localhost port 8443 after 0 ms: Couldn\'t connect to server' }),
    rule('curl.ws_refused', /Refused WebSocket upgrade: (\d{3})/, 'http_rejected', 0.85, curlWs, { example: 'curl: (22) Refused WebSocket upgrade: 403', capture: 'http_status' }),
    rule('curl.http_returned_error', /The requested URL returned error: (\d{3})/, 'http_rejected', 0.8, libcurlErrors, { example: 'curl: (22) The requested URL returned error: 404', capture: 'http_status' }),
  ],
};
