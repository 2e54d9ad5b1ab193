// Proxy status vocabularies: the codes and phrases a proxy writes in its per-connection log when it could not reach or
// use the upstream (origin), each with the cause it states. A proxy answers such a failure with its own 502/503/504;
// the row says why, so the status is the proxy's consequence, not the origin's answer (other-failure classifier).
// Squid err_type / %err_detail names, Envoy response flags, HAProxy termination states, Fastly's 503 reasons, mitmproxy's
// answer texts. The
// phrases of nginx, Envoy, HAProxy, Apache and h2o error logs are in vocabularies/proxy.ts (a failed step in words,
// "while SSL handshaking to upstream"); packed TLS values after a proxy's log key are read by scanner.ts.
import { rowMaker, type CodeRow } from './types.js';

const squidErrType = 'Squid src/error/forward.h (err_type) and errors/templates/ERR_* https://github.com/squid-cache/squid/blob/master/src/error/forward.h';
const squidTlsDetail = 'Squid src/security/ErrorDetail.cc (Security::ErrorDetail::brief: the TLS error name, "+TLS_LIB_ERR=" ERR_get_error() in hex, "+TLS_IO_ERR=" SSL_get_error(), "+errno=") https://github.com/squid-cache/squid/blob/master/src/security/ErrorDetail.cc';
const squidTlsTimeout = 'Squid src/security/PeerConnector.cc (commTimeoutHandler: ERR_SECURE_CONNECT_FAIL, 504, detail TLS_CONNECT_TIMEOUT) https://github.com/squid-cache/squid/blob/master/src/security/PeerConnector.cc';
const mitmHttp1 = 'mitmproxy mitmproxy/proxy/layers/http/_http1.py (Http1Client.read_headers: "server closed connection"; Http1Connection.wait: "Client disconnected.", ErrorCode.CLIENT_DISCONNECTED) https://github.com/mitmproxy/mitmproxy/blob/main/mitmproxy/proxy/layers/http/_http1.py';

// zurl's zhttp error conditions (the "condition" of an error packet, logged by Pushpin as "condition=…" and "cond=…"), and
// Pingora's ErrorType names after their ErrorSource ("Upstream ReadTimedout", "Downstream InvalidHTTPHeader").
const zurlConditions = 'zurl src/worker.cpp (Worker::Private::req_error: ErrorConnect → "remote-connection-failed", ErrorTls → "tls-error", ErrorTimeout → "connection-timeout", ErrorGeneric → "undefined-condition"; respondError logs "OUT ERR id=… condition=…") https://github.com/fanout/zurl/blob/master/src/worker.cpp';
const pingoraErrorType = 'Pingora pingora-error/src/lib.rs (enum ErrorType and ErrorType::as_str; Error::chain_display writes "<ErrorSource> <ErrorType> context: …") https://github.com/cloudflare/pingora/blob/main/pingora-error/src/lib.rs';
/** Pingora's ErrorType printed after the side it came from, as Error's Display writes it: the bare names are ordinary words. */
const pingoraTexts = (name: string): { texts: string[] } => ({ texts: [`Upstream ${name}`, `Downstream ${name}`, `Internal ${name}`] });

const goContext = 'Go context package (Canceled: "context canceled", the error a request returns when its context was cancelled: the client went away or the caller gave up; httputil.ReverseProxy logs it as "http: proxy error: context canceled") https://pkg.go.dev/context#pkg-variables';

const fastly503 =
  'Fastly "Common 503 errors" https://docs.fastly.com/en/guides/common-503-errors and "Fastly-generated 503 errors in VCL" (obj.response) https://www.fastly.com/documentation/guides/vcl/errors/';
const envoyFlags = 'Envoy access log %RESPONSE_FLAGS% (short and long names) https://www.envoyproxy.io/docs/envoy/latest/configuration/observability/access_log/usage#config-access-log-format-response-flags';
const haproxyStates = 'HAProxy doc/configuration.txt §8.5 (session state at disconnection: first character who or what ended it, second the step) https://docs.haproxy.org/2.8/configuration.html#8.5';

const squid = rowMaker('proxy_status', squidErrType);
const envoy = rowMaker('proxy_status', envoyFlags);
const haproxy = rowMaker('proxy_status', haproxyStates);
const squidTls = rowMaker('proxy_status', squidTlsDetail);

/**
 * Squid error names read only as Squid writes them (%err_code, X-Squid-Error, the error page), not as Traffic Server's
 * squid-format result code "ERR_CONNECT_FAIL/502", which covers any failed origin connection, TLS included.
 */
export const SQUID_ERR_PREFIX = 'ERR_';

/**
 * Squid's hierarchy code HIER_NONE: no server was reached for the request (the forward failed before a connection was
 * made). A read error or a reset in such a line cannot be a server's: the line says only that the forward failed.
 * @see https://wiki.squid-cache.org/SquidFaq/SquidLogs#hierarchy-codes (HIER_NONE)
 */
const NO_SERVER_REACHED = /\bHIER_NONE\//;

/** Whether a proxy's log line says that no upstream server was reached (Squid HIER_NONE). */
export function noUpstreamReached(message: string | undefined): boolean {
  return message !== undefined && message.includes('HIER_NONE') && NO_SERVER_REACHED.test(message);
}

/** Rows of a proxy's stated upstream failure that name no cause: read only beside the gateway status the proxy answered for it. */
export const NO_CAUSE_UPSTREAM_RULES: ReadonlySet<string> = new Set(['codes.proxy_status.zurl_undefined_condition', 'codes.proxy_status.zurl_remote_connection_failed']);

export const proxyStatusTable: readonly CodeRow[] = [
  // Squid err_type: the proxy's own error, written with the 502/503/504 it answered.
  squid('ERR_CONNECT_FAIL', undefined, 'the TCP connection to the upstream failed (refused, unreachable)', 'connection_refused', 0.6),
  squid('ERR_SECURE_CONNECT_FAIL', undefined, 'the TLS handshake with the upstream failed; %err_detail names how', 'tls_unknown', 0.55),
  squid('ERR_DNS_FAIL', undefined, 'the upstream host name did not resolve', 'dns_failure', 0.75),
  squid('ERR_READ_TIMEOUT', undefined, 'the upstream did not answer within read_timeout', 'network_timeout', 0.6),
  squid('ERR_LIFETIME_EXP', undefined, 'the connection exceeded its lifetime', 'network_timeout', 0.55),
  squid('ERR_READ_ERROR', undefined, 'reading from the upstream failed (reset, closed)', 'network_reset', 0.55),
  squid('ERR_WRITE_ERROR', undefined, 'writing to the upstream failed (reset, broken pipe)', 'network_reset', 0.55),
  squid('ERR_ZERO_SIZE_OBJECT', undefined, 'the upstream closed without sending any answer', 'network_reset', 0.6),
  // The client went away before any answer: the proxy saw no upstream failure, so its log shows no cause.
  squid('ERR_CLIENT_GONE', undefined, 'the client went away before the proxy could answer', 'unknown_failure', 0.5),
  // Squid %err_detail of ERR_SECURE_CONNECT_FAIL: more specific than the category.
  squidTls('SQUID_TLS_ERR_CONNECT', undefined, 'the TLS connect to the upstream failed (SSL_connect)', 'tls_unknown', 0.55),
  squidTls('SQUID_X509_V_ERR_DOMAIN_MISMATCH', undefined, 'the upstream certificate does not match the host name', 'hostname_mismatch', 0.85),
  rowMaker('proxy_status', squidTlsTimeout)('TLS_CONNECT_TIMEOUT', undefined, 'the TLS handshake with the upstream timed out (a silent server)', 'network_timeout', 0.6),
  // Envoy response flags, after the status in the access line ("504 UT", "503 UC,URX") or by their long names. UF
  // (upstream connection failure) is not read: Envoy sets it for a refused connect and a failed TLS handshake alike, as
  // HAProxy's SC; the transport failure reason beside it (TLS_error:…, delayed connect error: 111) decides when logged.
  envoy(['UT', 'UpstreamRequestTimeout'], undefined, 'upstream request timeout', 'network_timeout', 0.6),
  envoy(['UC', 'UpstreamConnectionTermination'], undefined, 'upstream connection termination', 'network_reset', 0.55),
  envoy(['DC', 'DownstreamConnectionTermination'], undefined, 'downstream connection termination: the client went away', 'unknown_failure', 0.5),
  // HAProxy termination state (with no persistence cookie, "--" after it). SH: the server aborted before sending its full
  // headers; SD: the server aborted the data phase (a tunnel). SC is not read: HAProxy logs it for a refused connection
  // and for a TLS handshake with the server that failed alike (the corpus labels a plain "503 SC--" http_rejected).
  haproxy('SH', undefined, 'the server aborted before sending its full response headers', 'network_reset', 0.55),
  haproxy('SD', undefined, 'the server aborted the connection during the data phase', 'network_reset', 0.5),
  // Fastly's reason (obj.response) of the 503 it generated when the origin fetch failed, as its error page and status line
  // write it ("Error 503 first byte timeout"); older pages capitalise it ("503 Backend Read Error").
  rowMaker('proxy_status', fastly503)('first byte timeout', undefined, 'the origin sent no first byte of its answer within the first byte timeout', 'network_timeout', 0.6, { texts: ['first byte timeout', 'First Byte Timeout'] }),
  rowMaker('proxy_status', fastly503)('between bytes timeout', undefined, 'the origin paused longer than the between bytes timeout', 'network_timeout', 0.55, { texts: ['between bytes timeout', 'Between Bytes Timeout'] }),
  rowMaker('proxy_status', fastly503)('backend read error', undefined, 'reading from the origin failed, typically a timeout (also a transient network fault)', 'network_timeout', 0.55, { texts: ['backend read error', 'Backend Read Error'] }),
  // mitmproxy's answer texts (its HTTP/1 client and server layers): read wherever a relay or client writes them.
  rowMaker('proxy_status', mitmHttp1)('server closed connection', undefined, 'the server (upstream) closed the connection before answering the request', 'network_reset', 0.55, { texts: ['server closed connection'] }),
  // Go's context.Canceled: someone gave up waiting (the client, or the proxy for it), which names no upstream cause.
  rowMaker('proxy_status', goContext)('context canceled', undefined, 'the request was cancelled (the client or the proxy gave up): no upstream cause named', 'unknown_failure', 0.5, { texts: ['context canceled'] }),
  // zurl's conditions (its QSslSocket / QTcpSocket errors, folded): a condition that names a cause decides beside the gateway
  // status Pushpin answers for it; undefined-condition and remote-connection-failed name none (convention "A proxy's status
  // caused by its upstream's failure"), and are weighed above the gateway status only beside it (other-failure classifier).
  rowMaker('proxy_status', zurlConditions)('zurl tls-error', undefined, 'the TLS handshake with the upstream failed; the sslErrors line names how', 'tls_unknown', 0.5, { texts: ['condition=tls-error', 'cond=tls-error', '"condition": "tls-error"'] }),
  rowMaker('proxy_status', zurlConditions)('zurl connection-timeout', undefined, 'the connect to the upstream timed out', 'network_timeout', 0.55, { texts: ['condition=connection-timeout', 'cond=connection-timeout'] }),
  rowMaker('proxy_status', zurlConditions)('zurl undefined-condition', undefined, 'the request to the upstream failed for a reason zurl does not name', 'unknown_failure', 0.25, { texts: ['condition=undefined-condition', 'cond=undefined-condition'] }),
  rowMaker('proxy_status', zurlConditions)('zurl remote-connection-failed', undefined, 'the connection to the upstream failed (refused, unresolved or dropped: not said which)', 'unknown_failure', 0.25, { texts: ['condition=remote-connection-failed', 'cond=remote-connection-failed'] }),
  // Pingora's ErrorType: connect errors, protocol errors, I/O errors on an established connection.
  rowMaker('proxy_status', pingoraErrorType)('Pingora ConnectTimedout', undefined, 'connecting to the upstream timed out', 'network_timeout', 0.6, pingoraTexts('ConnectTimedout')),
  rowMaker('proxy_status', pingoraErrorType)('Pingora ConnectRefused', undefined, 'the upstream refused the connection', 'connection_refused', 0.6, pingoraTexts('ConnectRefused')),
  rowMaker('proxy_status', pingoraErrorType)('Pingora TLSHandshakeFailure', undefined, 'the TLS handshake failed; the cause after it names how', 'tls_unknown', 0.5, pingoraTexts('TLSHandshakeFailure')),
  rowMaker('proxy_status', pingoraErrorType)('Pingora TLSHandshakeTimedout', undefined, 'the TLS handshake timed out (a silent peer)', 'network_timeout', 0.55, pingoraTexts('TLSHandshakeTimedout')),
  rowMaker('proxy_status', pingoraErrorType)('Pingora InvalidCert', undefined, 'the peer\'s certificate failed verification; the cause after it names how', 'tls_unknown', 0.5, pingoraTexts('InvalidCert')),
  rowMaker('proxy_status', pingoraErrorType)('Pingora InvalidHTTPHeader', undefined, 'the peer sent bytes that do not parse as an HTTP header (a malformed request or answer)', 'protocol_error', 0.55, pingoraTexts('InvalidHTTPHeader')),
  rowMaker('proxy_status', pingoraErrorType)('Pingora ReadError', undefined, 'reading from an established connection failed (reset, closed)', 'network_reset', 0.5, pingoraTexts('ReadError')),
  rowMaker('proxy_status', pingoraErrorType)('Pingora WriteError', undefined, 'writing to an established connection failed (reset, broken pipe)', 'network_reset', 0.5, pingoraTexts('WriteError')),
  rowMaker('proxy_status', pingoraErrorType)('Pingora ReadTimedout', undefined, 'nothing was read from an established connection within the read timeout', 'network_timeout', 0.6, pingoraTexts('ReadTimedout')),
  rowMaker('proxy_status', pingoraErrorType)('Pingora WriteTimedout', undefined, 'writing to an established connection timed out', 'network_timeout', 0.55, pingoraTexts('WriteTimedout')),
  rowMaker('proxy_status', pingoraErrorType)('Pingora ConnectionClosed', undefined, 'the peer closed an established connection', 'network_reset', 0.5, pingoraTexts('ConnectionClosed')),
  rowMaker('proxy_status', mitmHttp1)('client disconnected', undefined, 'the client went away before the answer: no upstream failure logged', 'unknown_failure', 0.5, { texts: ['Client disconnected.'] }),
];
