// Proxy log lines and packed OpenSSL/BoringSSL values as proxies and TLS stacks print them (issue 11: proxy and probe
// lines, packed codes in any notation). Written from each proxy's documentation and source (the rows of
// analyzers/codes/proxy.ts, analyzers/vocabularies/proxy.ts and the OpenSSL/BoringSSL headers cite them), not from any
// held-out set; the line shapes follow each proxy's documented default log format. Each row: system, the provenance of
// the line's wording, the event (a proxy's line, with the status the proxy answered), the expected attribution/cause.
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';

export interface ProxySample {
  readonly system: string;
  readonly source: string;
  readonly message: string;
  readonly status?: number;
  readonly outcome?: 'failed' | 'closed';
  readonly expected: `${'1010' | '1015' | 'other' | 'none'}/${string}`;
}

const nginxUpstream = 'nginx src/http/ngx_http_upstream.c (upstream error texts, "while <action> upstream"), error_log format';
const haproxyLog = 'HAProxy doc/configuration.txt §8.2.3 HTTP log format, §8.5 session state at disconnection';
const envoyLog = 'Envoy access log default format, %RESPONSE_FLAGS% and %RESPONSE_CODE_DETAILS% (envoyproxy.io access_log/usage)';
const apacheProxy = 'Apache httpd modules/proxy/proxy_util.c (AH00957), mod_proxy_http.c (AH01102), mod_proxy.c (AH00898)';
const squidLog = 'Squid access.log native format with %err_code/%err_detail (src/error/forward.h, src/security/ErrorDetail.cc), X-Squid-Error header';
const mitmproxy = 'mitmproxy proxy/layers/tls.py ("Server TLS handshake failed. …"), layers/http/_http1.py';
const packed = 'OpenSSL include/openssl/err.h.in (ERR_PACK, ERR_SYSTEM_FLAG), BoringSSL include/openssl/err.h, as printed after their log keys';

const line = (request: string, rest: string): string => `10.0.0.1 - - [03/Dec/2026:04:00:00 +0000] "${request}" ${rest}`;

export const proxySamples: readonly ProxySample[] = [
  // nginx error log: the errno text and the step name the failure.
  { system: 'nginx', source: nginxUpstream, status: 502, expected: 'other/connection_refused', message: '2026/12/03 04:00:00 [error] 12#12: *5 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.1, server: _, request: "GET /ws HTTP/1.1", upstream: "http://10.0.0.2:8080/ws", host: "example.com"' },
  { system: 'nginx', source: nginxUpstream, status: 504, expected: 'other/network_timeout', message: '2026/12/03 04:00:00 [error] 12#12: *7 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.0.0.1, server: _, request: "GET /ws HTTP/1.1", upstream: "http://10.0.0.2:8080/ws"' },
  { system: 'nginx', source: nginxUpstream, status: 502, expected: 'other/network_reset', message: '2026/12/03 04:00:00 [error] 12#12: *9 recv() failed (104: Connection reset by peer) while reading response header from upstream, client: 10.0.0.1, server: _, request: "GET /ws HTTP/1.1"' },
  { system: 'nginx', source: nginxUpstream, status: 502, expected: 'other/connection_refused', message: '2026/12/03 04:00:00 [error] 12#12: *8 connect() failed (113: No route to host) while connecting to upstream, client: 10.0.0.1, server: _' },
  { system: 'nginx', source: nginxUpstream, status: 502, expected: '1015/tls_unknown', message: '2026/12/03 04:00:00 [error] 12#12: *4 SSL_do_handshake() failed (SSL: error:0A000086:SSL routines::certificate verify failed) while SSL handshaking to upstream, client: 10.0.0.1' },
  // HAProxy httplog: termination state (first letter: who ended it, second: the step).
  { system: 'haproxy', source: haproxyLog, status: 504, expected: 'other/network_timeout', message: '10.0.0.1:41000 [03/Dec/2026:04:00:00.000] fe be/s1 0/0/0/-1/30001 504 194 - - sH-- 1/1/0/0/0 0/0 "GET /ws HTTP/1.1"' },
  { system: 'haproxy', source: haproxyLog, status: 502, expected: 'other/network_reset', message: '10.0.0.1:41002 [03/Dec/2026:04:00:00.000] fe be/s1 0/0/0/-1/4 502 204 - - SH-- 1/1/0/0/0 0/0 "GET /ws HTTP/1.1"' },
  // Envoy access log: response flags and response code details of an upstream failure.
  { system: 'envoy', source: envoyLog, status: 504, expected: 'other/network_timeout', message: '[2026-12-03T04:00:00.000Z] "GET /ws HTTP/1.1" 504 UT response_timeout - "-" 0 24 15000 - "-" "client" "7c20" "example.com" "10.0.0.2:8080"' },
  { system: 'envoy', source: envoyLog, status: 503, expected: 'other/network_reset', message: '[2026-12-03T04:00:00.000Z] "GET /ws HTTP/1.1" 503 UC upstream_reset_before_response_started{connection_termination} - "-" 0 95 3 - "-" "client" "7c21" "example.com" "10.0.0.2:8080"' },
  { system: 'envoy', source: envoyLog, status: 503, expected: '1015/tls_unknown', message: '[2026-12-03T04:00:00.000Z] "GET /ws HTTP/1.1" 503 UF upstream_reset_before_response_started{connection_failure,TLS_error:_268435581:SSL_routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED} - "TLS_error:_268435581:SSL_routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED" 0 190 4 - "-" "client" "7c22" "example.com" "10.0.0.2:8443"' },
  { system: 'envoy', source: envoyLog, status: 503, expected: 'other/network_reset', message: '[2026-12-03T04:00:00.000Z] "GET /ws HTTP/1.1" 503 UpstreamConnectionTermination upstream_reset_before_response_started{connection_termination} - "-" 0 95 3 - "-" "client" "7c23" "example.com" "10.0.0.2:8080"' },
  // Apache mod_proxy: the errno text prefix and the AH message id.
  { system: 'apache', source: apacheProxy, status: 503, expected: 'other/connection_refused', message: '[Wed Dec 03 04:00:00.000000 2026] [proxy:error] [pid 10:tid 11] (111)Connection refused: AH00957: http: attempt to connect to 127.0.0.1:8080 (127.0.0.1:8080) failed' },
  { system: 'apache', source: apacheProxy, status: 502, expected: 'other/network_reset', message: '[Wed Dec 03 04:00:00.000000 2026] [proxy_http:error] [pid 10:tid 11] (104)Connection reset by peer: [client 10.0.0.1:50000] AH01102: error reading status line from remote server 127.0.0.1:8080' },
  { system: 'apache', source: apacheProxy, status: 502, expected: 'other/network_reset', message: '[Wed Dec 03 04:00:00.000000 2026] [proxy_http:error] [pid 10:tid 11] (20014)Internal error (specific information not available): [client 10.0.0.1:50000] AH01102: error reading status line from remote server 127.0.0.1:8080' },
  { system: 'apache', source: apacheProxy, status: 504, expected: 'other/network_timeout', message: '[Wed Dec 03 04:00:00.000000 2026] [proxy_http:error] [pid 10:tid 11] (70007)The timeout specified has expired: [client 10.0.0.1:50000] AH01102: error reading status line from remote server 127.0.0.1:8080' },
  { system: 'apache', source: apacheProxy, status: 502, expected: 'other/dns_failure', message: '[Wed Dec 03 04:00:00.000000 2026] [proxy:error] [pid 10:tid 11] [client 10.0.0.1:50000] AH00898: DNS lookup failure for: backend.invalid returned by /ws' },
  { system: 'apache', source: apacheProxy, status: 502, expected: '1015/tls_unknown', message: '[Wed Dec 03 04:00:00.000000 2026] [proxy:error] [pid 10:tid 11] [client 10.0.0.1:50000] AH00898: Error during SSL Handshake with remote server returned by /ws' },
  // Squid: its error names in the access line (%err_code/%err_detail) and in the X-Squid-Error header.
  { system: 'squid', source: squidLog, status: 503, expected: 'other/connection_refused', message: 'X-Squid-Error: ERR_CONNECT_FAIL 111' },
  { system: 'squid', source: squidLog, status: 503, expected: 'other/dns_failure', message: 'X-Squid-Error: ERR_DNS_FAIL 0' },
  { system: 'squid', source: squidLog, status: 503, expected: '1015/hostname_mismatch', message: '1764734400.000     12 10.0.0.1 TCP_MISS/503 3864 GET http://example.com/ws - HIER_NONE/- text/html err=ERR_SECURE_CONNECT_FAIL/SQUID_X509_V_ERR_DOMAIN_MISMATCH+broken_cert' },
  { system: 'squid', source: squidLog, status: 504, expected: 'other/network_timeout', message: '1764734400.000   6000 10.0.0.1 TCP_MISS/504 3469 GET http://example.com/ws - FIRSTUP_PARENT/10.0.0.2 text/html err=ERR_READ_TIMEOUT/WITH_SERVER' },
  { system: 'squid', source: squidLog, status: 503, expected: '1015/tls_unknown', message: '1764734400.000      3 10.0.0.1 TCP_MISS/503 3820 GET http://example.com/ws - HIER_NONE/- text/html err=ERR_SECURE_CONNECT_FAIL/SQUID_TLS_ERR_CONNECT+TLS_IO_ERR=5+errno=104' },
  { system: 'squid', source: squidLog, status: 502, expected: 'other/network_reset', message: '1764734400.000      9 10.0.0.1 TCP_MISS/502 3436 GET http://example.com/ws - FIRSTUP_PARENT/10.0.0.2 text/html err=ERR_WRITE_ERROR/WITH_SERVER' },
  // mitmproxy: the upstream TLS failure and the answer it could not get.
  { system: 'mitmproxy', source: mitmproxy, expected: '1015/cert_expired', message: '10.0.0.1:50000: server connect example.com:443 (10.0.0.2:443)\n10.0.0.1:50000: Server TLS handshake failed. Certificate verify failed: certificate has expired' },
  { system: 'mitmproxy', source: mitmproxy, expected: 'other/network_reset', message: '10.0.0.1:50000: GET https://example.com/ws\n << server closed connection' },
  // Packed OpenSSL/BoringSSL values in every notation: lib << 23 | reason (OpenSSL 3), lib << 24 | func << 12 | reason
  // (OpenSSL 1.x), lib << 24 | reason (BoringSSL); reasons of 1000 and more are received alerts (reason − 1000).
  { system: 'openssl3', source: packed, status: 503, expected: '1015/tls_version_mismatch', message: 'TCP_MISS/503 3881 GET http://example.com/ws - HIER_NONE/- text/html err=ERR_SECURE_CONNECT_FAIL/SQUID_TLS_ERR_CONNECT+TLS_LIB_ERR=A00042E+TLS_IO_ERR=1' },
  { system: 'openssl3', source: packed, expected: '1015/untrusted_ca', message: 'backend TLS handshake failed: ssl_bc_err=0x0A000418' },
  { system: 'openssl3', source: packed, expected: '1015/untrusted_ca', message: 'SSL error code 167773208 during the handshake' },
  { system: 'openssl3', source: packed, expected: '1015/tls_version_mismatch', message: 'upstream TLS failed, ERR_get_error()=167772418' },
  { system: 'openssl1', source: packed, expected: '1015/cipher_mismatch', message: 'SSL_connect failed: 0x14094410' },
  { system: 'openssl1', source: packed, expected: '1015/tls_version_mismatch', message: 'TLS negotiation failed, openssl error 0x1409442E' },
  { system: 'boringssl', source: packed, expected: '1015/cipher_mismatch', message: 'tls: handshake failed with BoringSSL error 0x100000b8' },
  { system: 'boringssl', source: packed, expected: '1015/tls_version_mismatch', message: 'ssl handshake failure, error:1000042e' },
];

/** Proxy lines that state no upstream failure, or a failure after which nothing is known: they must keep their reading. */
export const proxyNegatives: readonly ProxySample[] = [
  // An origin's own answer passed through (no proxy error in the line): a refused upgrade.
  { system: 'squid', source: squidLog, status: 502, expected: 'other/http_rejected', message: '1764734400.000     44 10.0.0.1 TCP_MISS/502 235 GET http://example.com/ws - FIRSTUP_PARENT/10.0.0.2 text/html err=-/-' },
  { system: 'nginx', source: 'nginx access.log combined format', status: 502, expected: 'other/http_rejected', message: line('GET /ws HTTP/1.1', '502 157 "-" "client"') },
  // Envoy's UF and HAProxy's SC: the connect to the upstream failed, refused or in its TLS handshake alike; with no
  // transport failure reason the line does not say how (corpus gaps-2026-12-96..98 label HAProxy's plain "503 SC--" so).
  { system: 'envoy', source: envoyLog, status: 503, expected: 'other/http_rejected', message: '[2026-12-03T04:00:00.000Z] "GET /ws HTTP/1.1" 503 UF upstream_reset_before_response_started{connection_failure} - "-" 0 91 2 - "-" "client" "7c1f" "example.com" "10.0.0.2:8080"' },
  { system: 'haproxy', source: haproxyLog, status: 503, expected: 'other/http_rejected', message: '10.0.0.1:41004 [03/Dec/2026:04:00:00.000] fe be/s1 0/0/-1/-1/3004 503 217 - - SC-- 1/1/0/0/3 0/0 "GET /ws HTTP/1.1"' },
  // A client that went away before the answer: the origin's status decides.
  { system: 'squid', source: squidLog, status: 403, expected: 'other/http_rejected', message: '1764734400.000     47 10.0.0.1 TCP_MISS_ABORTED/403 217 GET http://example.com/ws - FIRSTUP_PARENT/10.0.0.2 text/plain err=ERR_CLIENT_GONE/WITH_CLIENT' },
  // Squid never reached a server (HIER_NONE): a read error then says no more than that the forward failed.
  { system: 'squid', source: squidLog, status: 502, expected: 'other/unknown_failure', message: '1764734400.000      7 10.0.0.1 TCP_MISS/502 3416 GET http://example.com/ws - HIER_NONE/- text/html err=ERR_READ_ERROR/WITH_SERVER' },
  // Traffic Server's squid-format result code: any failed origin connection, TLS included (no cause of its own).
  { system: 'trafficserver', source: 'Traffic Server squid.log cache result codes', status: 502, expected: 'other/unknown_failure', message: '1764734400.000 33 10.0.0.1 ERR_CONNECT_FAIL/502 437 GET wss://example.com/ws - DIRECT/example.com text/html' },
  // A tunnel that ended without a proxy error, and a relay tearing its pipe down after one side closed.
  { system: 'squid', source: squidLog, status: 101, outcome: 'closed', expected: 'none/normal_closure', message: '1764734400.000  30000 10.0.0.1 TCP_TUNNEL/101 0 GET http://example.com/ws - FIRSTUP_PARENT/10.0.0.2 - err=-/-' },
  { system: 'squid', source: squidLog, status: 101, outcome: 'closed', expected: 'other/abnormal_closure', message: '1764734400.000    304 10.0.0.1 TCP_TUNNEL/101 0 GET http://example.com/ws - FIRSTUP_PARENT/10.0.0.2 - err=ERR_READ_ERROR/WITH_SERVER' },
  { system: 'go relay', source: 'Go net.ErrClosed ("use of closed network connection", pkg.go.dev/net#ErrClosed)', outcome: 'closed', expected: 'none/normal_closure', message: 'error during copy: readfrom tcp 10.0.0.1:8443->10.0.0.3:51524: read tcp 10.0.0.1:55206->10.0.0.2:443: use of closed network connection' },
  // Hex and decimal numbers that are no packed TLS error: no SSL word, no key, or a value no table knows.
  { system: 'none', source: 'hard negative', expected: 'other/unknown_failure', message: 'deploy 0x0A000418 rolled back, connection failed' },
  { system: 'none', source: 'hard negative', expected: 'other/unknown_failure', message: 'request id 167773208 failed' },
  { system: 'none', source: 'hard negative', expected: 'other/unknown_failure', message: 'ssl_bc_err=0 ssl_fc_err=- request failed' },
];

/** The event of a sample: a proxy's log line as error.message, with the status the proxy answered. */
export function proxySampleInput(sample: ProxySample): Partial<TelemetryEventInput> {
  return {
    outcome: sample.outcome ?? 'failed',
    source: { kind: 'proxy', service: 'edge', runtime: sample.system },
    target: { url: 'ws://example.com/ws' },
    ...(sample.status === undefined ? {} : { handshake: { status: sample.status } }),
    error: { message: sample.message },
  };
}
