// Findings of one text field (error.code, error.name, error.message, close.reason) in two tiers: the
// exact tier (the runtime vocabularies' rules, then the codes written in the text: code-findings.ts),
// then the generalising tier (concepts/), whose findings stand only where the exact tier found nothing
// or only a catch-all (of the same attribution for tls_unknown; any attribution for unknown_failure). A pure function of (field, text), so it is memoized:
// telemetry repeats the same error texts across clients and retries.
import { oncePerText } from './bounded-cache.js';
import { isCatchAll, sourcedFinding, type SourcedFinding } from './candidate.js';
import { textCodeFindings } from './code-findings.js';
import { concepts } from './concepts/concepts.js';
import { findConcepts } from './concepts/scanner.js';
import { matchText, vocabularies } from './vocabularies/index.js';
import { relayTextFindings } from './relay/decision.js';
import { relayFactsOf } from './relay/session.js';
import { ROUTINE_ERRNO_RULES } from './vocabularies/errno-numbers.js';

/**
 * Appends every finding of one text of field `kind` to `out`: exact rules, codes, then the concepts that
 * may stand: all of them when the exact tier found nothing, the specific ones of the same attribution when
 * it found only a catch-all (tls_unknown: a concept may say which TLS failure), none otherwise.
 */
export function findTextFindings(kind: string, text: string, out: SourcedFinding[]): void {
  const from = out.length;
  tieredFindings(kind, text, out);
  routineErrnoInTrace(text, out, from);
  notConnectedOnConnect(kind, text, out, from);
  const afterHandshake = resetAfterTlsHandshake(kind, text, out, from);
  if (!afterHandshake) resetInTlsHandshake(kind, text, out, from);
  timeoutInTlsHandshake(out, from);
  // A relay's logged bytes: the upgrade's answer checked against its request (one indexOf for texts without escapes).
  if (kind === 'error.message') relayTextFindings(kind, text, out);
  if (out.length - from > 1) {
    dropWrappedBy(out, from);
    dropFailingClose(out, from);
  }
}

// Causes of a failed opening handshake that a client reports by failing the connection (RFC 6455 §4.1: the client "MUST
// _Fail the WebSocket Connection_"; §7.1.7: it may send 1002 to do so).
const OPENING_CAUSES: ReadonlySet<string> = new Set(['subprotocol_mismatch', 'extension_not_negotiated', 'extension_params_rejected', 'http_rejected', 'http_auth_rejected']);

/**
 * A protocol-error close code written in a text ("websocket closed with status 1002: unrequested websocket subprotocol in
 * response", HTTP.jl's WebSocketError) beside a failed opening handshake the same text names: the code is how the client
 * failed the connection, the words say why, so the close code's finding gives way to theirs.
 * @see https://www.rfc-editor.org/rfc/rfc6455#section-7.1.7
 */
function dropFailingClose(findings: SourcedFinding[], from: number): void {
  let close = -1;
  let named = false;
  for (let i = from; i < findings.length; i++) {
    const finding = findings[i] as SourcedFinding;
    if (finding.rule === 'concept.close_code' && finding.cause === 'protocol_error') close = i;
    else if (OPENING_CAUSES.has(finding.cause)) named = true;
  }
  if (close !== -1 && named) findings.splice(close, 1);
}

/** Rules on a generic wrapper class or phrase (VocabularyRule.wrapper, Concept.wrapper): evidence only when nothing else names a cause. */
const WRAPPER_RULES: ReadonlySet<string> = new Set([
  ...vocabularies.flatMap((vocabulary) => vocabulary.rules.filter((rule) => rule.wrapper).map((rule) => rule.id)),
  ...concepts.filter((concept) => concept.wrapper).map((concept) => concept.id),
]);

/** The rule is a wrapper's (a generic class or phrase put on failures of many causes). */
export const isWrapperRule = (rule: string): boolean => WRAPPER_RULES.has(rule);

/**
 * Removes the findings of wrapper rules from `findings` (from index `from`, in place) when another finding names
 * another cause (not unknown_failure): a class name that every failure of a library carries is no evidence against
 * the cause its chain or message names ("java.net.ConnectException … Caused by: … PKIX path building failed").
 */
export function dropWrappedBy(findings: SourcedFinding[], from = 0): void {
  let wrapper: SourcedFinding | undefined;
  for (let i = from; i < findings.length; i++) if (WRAPPER_RULES.has((findings[i] as SourcedFinding).rule)) wrapper = findings[i];
  if (!wrapper) return;
  let named = false;
  for (let i = from; i < findings.length && !named; i++) {
    const finding = findings[i] as SourcedFinding;
    named = finding.cause !== wrapper.cause && finding.cause !== 'unknown_failure' && !WRAPPER_RULES.has(finding.rule);
  }
  if (!named) return;
  keepFindings(findings, from, (finding) => !WRAPPER_RULES.has(finding.rule));
}

// ENOTCONN (Linux 107, BSD 57, WSAENOTCONN 10057) in the exact tier: the errno table's rows and libuv's UV_ENOTCONN.
const NOT_CONNECTED_RULE = /^(?:errno\.enotconn|codes\.libuv\.UV_ENOTCONN)\b/;
// A connect named as what failed: "connect error:", "connect failed", "failed to connect", an event loop's connect handler
// ("nio_connect", "on_connect"), "connect()"; or the call that checks whether a connect completed, named as the one that failed
// ("getpeername: Transport endpoint is not connected": shadowsocks-libev's server.c and local.c call getpeername() once the
// remote socket turns writable and log its errno when the connect did not complete, as libhv's nio_connect does).
// @see https://github.com/shadowsocks/shadowsocks-libev/blob/master/src/server.c (remote_send_cb: getpeername, ERROR("getpeername"))
const CONNECT_PATH = /\bconnect(?:ing)?\W{0,3}(?:error|failed|failure)\b|\b(?:failed|unable|error)\W+(?:to\W+|while\W+|when\W+)?connect(?:ing)?\b|\b[a-z]+_connect\b|\bconnect\(\)|\bgetpeername\b/i;

/**
 * ENOTCONN reported by a connect: connect() itself never returns it (POSIX connect(): a failed connect is ECONNREFUSED,
 * ETIMEDOUT, EHOSTUNREACH …; an asynchronous one leaves that result in SO_ERROR). It comes from a call made after the connect
 * to see whether it completed (getpeername(), as libhv's nio_connect does, or a first send/recv), which says only that the
 * socket is not connected: the connect did not complete, and its reason is lost. So on a connect path it is unknown_failure,
 * low; elsewhere (a read or write on a socket that had been connected) it stays the reset the errno table says.
 * @see https://pubs.opengroup.org/onlinepubs/9799919799/functions/getpeername.html (ENOTCONN: the socket is not connected)
 * @see https://pubs.opengroup.org/onlinepubs/9799919799/functions/connect.html (errors of connect(); EINPROGRESS, SO_ERROR)
 * @see https://man7.org/linux/man-pages/man2/connect.2.html (EINPROGRESS: "use getsockopt(2) to read the SO_ERROR option")
 */
function notConnectedOnConnect(kind: string, text: string, out: SourcedFinding[], from: number): void {
  let at = -1;
  for (let i = from; i < out.length && at === -1; i++) if (NOT_CONNECTED_RULE.test((out[i] as SourcedFinding).rule)) at = i;
  if (at === -1) return;
  const connect = CONNECT_PATH.exec(text);
  if (!connect) return;
  const notConnected = out[at] as SourcedFinding;
  keepFindings(out, from, (finding) => !NOT_CONNECTED_RULE.test(finding.rule));
  out.push(
    sourcedFinding('inferred.not_connected_on_connect', 'unknown_failure', 0.3, {
      kind,
      detail: `${notConnected.evidence.detail}, reported by a connect ("${connect[0]}"): the connect did not complete and its reason (SO_ERROR) was not read → unknown_failure (rule inferred.not_connected_on_connect, POSIX getpeername() ENOTCONN)`,
    }),
  );
}

// The routine errnos in the notations their rows read (errno-numbers.ts): "errno = 11", "errno=115", a WSA name or number.
const ROUTINE_ERRNO = /\berrno\b\W{0,3}(?:11|35|115|36)(?![\w.])|\b(?:WSAEWOULDBLOCK|WSAEINPROGRESS)\b|\b1003[56]\b/gi;
// A call's result printed before the errno: a non-negative one is a success, after which errno means nothing (errno(3)).
const SUCCESS_BEFORE = /\breturn(?:s|ed)?[ :=]*\d+\W{0,3}$/i;

/**
 * EAGAIN/EWOULDBLOCK and EINPROGRESS name a timeout only as the failure a text ends on (a blocking call with SO_RCVTIMEO or
 * SO_SNDTIMEO returned them, socket(7)). In a trace of non-blocking I/O they are routine: a line the log goes on after (the
 * event loop waits and retries, recv(2), connect(2)), or an errno printed beside a call that returned a count, which is stale:
 * "The value in errno is significant only when the return value of the call indicated an error" (errno(3)). Their findings
 * are dropped when every mention is so.
 * @see https://man7.org/linux/man-pages/man3/errno.3.html
 * @see https://man7.org/linux/man-pages/man7/socket.7.html (SO_RCVTIMEO and SO_SNDTIMEO)
 */
function routineErrnoInTrace(text: string, out: SourcedFinding[], from: number): void {
  let routine = false;
  for (let i = from; i < out.length && !routine; i++) routine = ROUTINE_ERRNO_RULES.has((out[i] as SourcedFinding).rule);
  if (!routine) return;
  const lastLine = text.trimEnd().lastIndexOf('\n');
  for (const mention of text.matchAll(ROUTINE_ERRNO)) {
    const at = mention.index ?? 0;
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const stale = SUCCESS_BEFORE.test(text.slice(Math.max(lineStart, at - 40), at));
    if (!stale && at > lastLine) return;
  }
  keepFindings(out, from, (finding) => !ROUTINE_ERRNO_RULES.has(finding.rule));
}

/** Keeps, in place and in order, the findings from index `from` on that `keep` accepts. */
function keepFindings(findings: SourcedFinding[], from: number, keep: (finding: SourcedFinding) => boolean): void {
  let at = from;
  for (let i = from; i < findings.length; i++) {
    const finding = findings[i] as SourcedFinding;
    if (keep(finding)) findings[at++] = finding;
  }
  findings.length = at;
}

/**
 * A TLS handshake that "did not complete within 3 s", "timed out": a timeout during the handshake is a network
 * timeout by the project's convention (every held-out lab labelled it so: the server accepted TCP and never
 * answered), not a TLS failure. The generalising tier's catch-all TLS findings of the same text give way to the
 * timeout; an exact rule or a code naming a TLS cause stands.
 */
function timeoutInTlsHandshake(out: SourcedFinding[], from: number): void {
  let timeout = false;
  for (let i = from; i < out.length; i++) {
    const finding = out[i] as SourcedFinding;
    if (finding.cause === 'network_timeout') timeout = true;
    else if (finding.attribution === '1015' && (finding.cause !== 'tls_unknown' || !finding.rule.startsWith('concept.'))) return;
  }
  if (timeout) keepFindings(out, from, (finding) => finding.attribution !== '1015');
}

// The text says the TLS handshake was under way: a TLS handshake named, a TLS library's connect/handshake call,
// PHP's "Failed to enable crypto" (ext/openssl/xp_ssl.c: the handshake of a tls:// stream failed), wget's "Unable to
// establish SSL connection", tungstenite's "TLS error:" (a connect-time error), gnutls-serv's "Error in handshake: ",
// a TLS connect call in any notation (Erlang's "ssl:connect/4", Elixir's "(ssl) connect failed", curl's "SSL connect error"),
// Dart's HandshakeException, which dart:io raises only in "the handshake phase of establishing a secure network connection"
// (api.dart.dev dart-io/HandshakeException-class.html; "Connection terminated during handshake"); a WebSocket library's
// handshake exception is always prefixed (WebSocketHandshakeException, InvalidHandshakeException, SSLHandshakeException).
// A Python traceback through the ssl module's handshake (a frame "ssl.py", line N, in do_handshake", or its source line
// "self._sslobj.do_handshake()"): CPython's SSLSocket.do_handshake runs OpenSSL's SSL_do_handshake, so the exception it raised
// (a reset, an EOF) ended the TLS handshake (https://github.com/python/cpython/blob/3.12/Lib/ssl.py, SSLSocket.do_handshake).
// Round 38 (eng-f1): any handshake function of an ssl module's frame, asyncio's and uvloop's SSL protocol included ("sslproto.py",
// line N, in _on_handshake_complete" re-raising the handshake's exception: Lib/asyncio/sslproto.py SSLProtocol._on_handshake_complete,
// https://github.com/python/cpython/blob/3.11/Lib/asyncio/sslproto.py; uvloop/sslproto.pyx the same method).
// Mbed TLS's own error text, "SSL - " before the description (mbedtls_strerror's module prefix: "SSL - The connection indicated
// an EOF", library/error.c), is a TLS library's own error like "SSL error:".
// @see https://www.openssl.org/docs/man3.0/man3/SSL_connect.html, https://www.gnutls.org/manual/html_node/TLS-handshake.html
// @see https://www.erlang.org/doc/apps/ssl/ssl.html#connect/3 (the TLS handshake runs inside ssl:connect)
// A TLS server's or proxy's record of an error in its TLS front's handshake (round 25, eng-s1): Node's tls.Server event
// 'tlsClientError' ("emitted when an error occurs before a secure connection is established", nodejs.org/api/tls.html
// #event-tlsclienterror; a "TLS client error" in prose), a server's handshake call (OpenSSL's SSL_accept, wolfSSL_accept), a TLS
// acceptor's failure ("tls accept error", tokio-rustls/native-tls TlsAcceptor); Go's "http: TLS handshake error from" and "SSL
// handshake failed" are the TLS handshake named above. A reset or EOF in such a record ended the handshake (ECONNRESET "socket
// hang up" when the client aborts on the certificate it was shown): 1015/tls_unknown by the reset/EOF convention.
// @see https://nodejs.org/api/tls.html#event-tlsclienterror, https://www.openssl.org/docs/man3.0/man3/SSL_accept.html
// A TLS library's own error naming a reset or EOF ("WebSocket SSL error: unexpected EOF", "SSL error: Connection reset by
// peer", "GnuTLS error: …, -54") is the handshake's: once it completed, stacks report the read of the upgrade's answer
// (AFTER_TLS_HANDSHAKE below), which wins.
/** A TLS server's record of an error in its TLS front's handshake (the round 25 forms below; also read in a server's log, round 30). */
export const TLS_FRONT_RECORD = /\b(?:tls|ssl)[ _-]?client[ _-]?error\b|\b(?:SSL_accept|wolfSSL_accept)\b|\b(?:tls|ssl)[ _-]?accept(?:or)?\W{0,3}(?:error|failed|failure)\b/i;
const TLS_HANDSHAKE_UNDER_WAY = new RegExp(
  String.raw`\b(?:gnu|open|wolf|mbed|boring|libre|rust)?(?:tls|ssl)[ _-]?(?:error|exception)\b|\b(?:tls|ssl|dtls)\W{0,3}handshak|\b(?:ssl|tls)\)?[:. ]connect\b|\b(?:SSL_connect|SSL_do_handshake|gnutls_handshake|wolfSSL_connect|mbedtls_ssl_handshake|starttls)\b|\bperform(?:ing)? (?:the )?(?:tls|ssl) handshake|\bFailed to enable crypto\b|\b(?:establish|create) (?:an? )?(?:SSL|TLS|secure) connection|\b(?:native-)?tls error:|\bError in handshake: |(?<![\w.$])HandshakeException\b|\bssl\w*\.pyx?", line \d+, in (?:[\w.]+\.)?\w*handshake\w*\b|\._?ssl\w*\.do_handshake\(|${TLS_FRONT_RECORD.source}`,
  'i',
);
// Case-sensitive: mbedtls_strerror writes the module in capitals and the description capitalised.
const MBEDTLS_SSL_ERROR = /\bSSL - (?=[A-Z])/;

// The code tables of TLS libraries (analyzers/codes): their reset codes are reported by the TLS layer itself.
const TLS_LIBRARY_CODE = /^codes\.(?:gnutls|mbedtls|wolfssl|bearssl|botan|openssl_reason|nss)\./;
const BARE_HANDSHAKE = /(?<!\b(?:websocket|web socket|ws|upgrade|opening|http|closing)[ _-]?)\bhandshak(?:e|ing)\b/i;

/**
 * A reset, EOF or broken pipe while the TLS handshake was under way is a TLS failure whose cause the text
 * cannot tell (the server dropped the ClientHello without an alert): 1015/tls_unknown, above the reset.
 */
function resetInTlsHandshake(kind: string, text: string, out: SourcedFinding[], from: number): void {
  let reset: SourcedFinding | undefined;
  for (let i = from; i < out.length; i++) {
    const finding = out[i] as SourcedFinding;
    // A concept's bare "SSL error" (tls_unknown, 0.4) is the same fact as the TLS word this rule reads.
    if (finding.attribution === '1015' && !(finding.concept === true && finding.cause === 'tls_unknown')) return;
    // Not a timeout: a server that accepted TCP and never answered the ClientHello is a network timeout (as every
    // held-out lab labelled "TLS handshake timeout"), not a TLS failure.
    if (finding.cause === 'network_reset' && (!reset || finding.confidence > reset.confidence)) reset = finding;
  }
  if (!reset) return;
  // A TLS library's own code for the reset ("Error in the pull function", GnuTLS -54) next to a bare "handshake" ("Could not
  // handshake: …" in apt, "Handshake failed: …"): the library's handshake, unless the word names the WebSocket or HTTP one.
  const handshake = TLS_HANDSHAKE_UNDER_WAY.exec(text)?.[0] ?? MBEDTLS_SSL_ERROR.exec(text)?.[0] ?? (TLS_LIBRARY_CODE.test(reset.rule) ? BARE_HANDSHAKE.exec(text)?.[0] : undefined);
  if (handshake === undefined) return;
  out.push(
    sourcedFinding(
      'inferred.reset_in_tls_handshake',
      'tls_unknown',
      // Above the reset and the +0.02 per field that other fields' copies of it add (error.name EPIPE, error.code).
      Math.round(Math.min(0.8, reset.confidence + 0.05) * 100) / 100,
      { kind, detail: `${reset.evidence.detail}, during the TLS handshake ("${handshake}"): the peer ended the handshake without an alert → tls_unknown (rule inferred.reset_in_tls_handshake)` },
    ),
  );
}

// The text places the failure after the TLS handshake: the client was reading the upgrade's answer (the request went out
// over the established session), or a TLS library's read call after the handshake (SSL_read, gnutls_record_recv, …).
// @see https://www.openssl.org/docs/man3.0/man3/SSL_read.html, https://www.gnutls.org/manual/html_node/Data-transfer-and-termination.html
// Reading the answer's lines or headers is after the handshake too (nopoll's "unable to read line", "error reading headers"): a TLS
// handshake has no lines. Conscrypt (Android) names its SSL_read and SSL_write failures "Read error: ssl=0x…" and "Write error:
// ssl=0x…", a failed handshake "SSL handshake aborted" (common/src/jni/main/cpp/conscrypt/native_crypto.cc).
// A line that reports the handshake done ("SSL handshake took 2.6 ms", asyncio's debug record of a completed handshake;
// "TLS handshake completed") places what follows after it: a TLS class named in a server's debug lines is no TLS failure.
// @see https://github.com/python/cpython/blob/3.12/Lib/asyncio/sslproto.py (_on_handshake_complete: "%r: SSL handshake took %.1f ms")
const AFTER_TLS_HANDSHAKE =
  /\b(?:tls|ssl)\W{0,3}handshake (?:took|completed?|done|finished|succeeded)\b|\b(?:read(?:ing)?|recv|receiv(?:e|ing)|wait(?:ing)? for|pars(?:e|ing))\W+(?:the\W+)?(?:(?:upgrade|http|websocket|opening handshake|handshake|server(?:'s)?)\W+)?(?:response|answer|reply|status line)\b|\b(?:read(?:ing)?|pars(?:e|ing))\W+(?:a\W+|the\W+)?(?:(?:http|response|status|header)\W+)?(?:line|headers)\b|\b(?:SSL_read|SSL_peek|gnutls_record_recv|mbedtls_ssl_read|wolfSSL_read|br_sslio_read)\b|\b(?:read|write) error: ssl=0x/i;
const RESET_OR_EOF = /\beof\b|unexpected[ _]eof|reset by peer|connection reset|broken pipe|\bepipe\b|\beconnreset\b|closed by (?:the )?(?:peer|remote)|connection (?:was )?closed|end of (?:file|stream)/i;

// A line that states the TLS handshake failed and carries the reset or EOF itself (a proxy's dialer, round 31, eng-y1: "upstream
// TLS handshake to HOST failed after 50ms: EOF"): the reset ended the handshake, whatever the layer above writes of the same
// error on a later line (goproxy's "Cannot read response from mitm'd server EOF", proxy.go, which logs every RoundTrip error so).
const TLS_HANDSHAKE_FAILED_LINE = /\b(?:tls|ssl)\W{0,3}handshake\b[^\n]{0,80}?\b(?:failed|failure|error|aborted)\b[^\n]*/gi;
function failedTlsHandshakeLine(text: string): boolean {
  for (const line of text.matchAll(TLS_HANDSHAKE_FAILED_LINE)) if (RESET_OR_EOF.test(line[0])) return true;
  return false;
}

/** Whether a text places its failure after the TLS handshake (reading the upgrade's answer, a TLS library's read call). */
export const placedAfterTlsHandshake = oncePerText((text) => AFTER_TLS_HANDSHAKE.test(text));

/**
 * A reset or EOF after the TLS handshake, while the client read the upgrade's answer ("reading upgrade response: …
 * SSL routines::unexpected eof while reading"): the server dropped the upgrade request, a network reset by the
 * reset/EOF convention (docs/attribution.md), not a TLS failure, though the TLS library reports it. The text's TLS
 * catch-alls give way (a specific TLS cause stands); returns whether the text placed it so.
 */
function resetAfterTlsHandshake(kind: string, text: string, out: SourcedFinding[], from: number): boolean {
  let tls = false;
  let reset = false;
  for (let i = from; i < out.length; i++) {
    const finding = out[i] as SourcedFinding;
    if (finding.attribution === '1015') {
      if (finding.cause !== 'tls_unknown') return false;
      tls = true;
    } else if (finding.cause === 'network_reset') reset = true;
  }
  if (!tls && !reset) return false;
  let after = AFTER_TLS_HANDSHAKE.exec(text);
  if (after !== null && !/handshake/i.test(after[0]) && failedTlsHandshakeLine(text)) after = null;
  if (!after || !tls) return after !== null;
  const eof = RESET_OR_EOF.exec(text);
  if (!eof) return true;
  keepFindings(out, from, (finding) => finding.attribution !== '1015');
  if (!reset)
    out.push(
      sourcedFinding('inferred.reset_after_tls_handshake', 'network_reset', 0.55, {
        kind,
        detail: `"${eof[0]}" while "${after[0]}": the TLS handshake had completed and the peer closed before answering the upgrade → network_reset (rule inferred.reset_after_tls_handshake)`,
      }),
    );
  return true;
}

/** The exact tier, then the concepts that may stand (see findTextFindings). */
function tieredFindings(kind: string, text: string, out: SourcedFinding[]): void {
  const from = out.length;
  matchText(kind, text, out);
  textCodeFindings(kind, text, out, from);
  // tls_unknown says TLS failed: only a specific TLS concept may refine it. unknown_failure says that something failed and
  // names no attribution (a browser's unmapped net::ERR_*, a proxy's client that went away): any specific concept may.
  let caught = false;
  let refines: SourcedFinding['attribution'] | undefined;
  for (let i = from; i < out.length; i++) {
    const exact = out[i] as SourcedFinding;
    if (!isCatchAll(exact.cause)) return;
    caught = true;
    if (exact.cause === 'unknown_failure') continue;
    if (refines !== undefined && refines !== exact.attribution) return;
    refines = exact.attribution;
  }
  // A relay's debug trace (relay/trace.ts) names its own steps (check_if_timeout(), "Connection 0 was closed" after every end):
  // what it shows of the connection is read from its structure (relay/decision.ts), not from its words.
  if (kind === 'error.message' && relayFactsOf(text)?.trace) return;
  if (!caught) return findConcepts(kind, text, out);
  const concepts: SourcedFinding[] = [];
  findConcepts(kind, text, concepts);
  // Under unknown_failure alone a concept's tls_unknown says more (TLS failed); under tls_unknown only a specific TLS cause does.
  for (const concept of concepts)
    if (refines === undefined ? concept.cause !== 'unknown_failure' : concept.attribution === refines && !isCatchAll(concept.cause)) out.push(concept);
}

// Memoized per field: a Map from text to its findings, bounded (started afresh when full, so a flood of
// one-off texts costs a clear now and then, not unbounded memory). Findings are shared between events
// with the same text, read-only. The memo changes no result: the tests run the engine on distinct texts too.
const MEMO_MAX_TEXT = 1024;
const MEMO_MAX_ENTRIES = 4096;

/** A text field's findings with their memo: made once per field name at start-up, not looked up per text. */
export interface FieldFindings {
  /** Appends the findings of one text of this field to `out`. */
  find(text: string, out: SourcedFinding[]): void;
  /** The findings of one text of this field, shared with other events of the same text (read-only). */
  get(text: string): readonly SourcedFinding[];
}

const NO_FINDINGS: readonly SourcedFinding[] = [];

class MemoizedFieldFindings implements FieldFindings {
  private readonly memo = new Map<string, readonly SourcedFinding[]>();

  constructor(private readonly kind: string) {}

  find(text: string, out: SourcedFinding[]): void {
    const found = this.get(text);
    for (let i = 0; i < found.length; i++) out.push(found[i] as SourcedFinding);
  }

  get(text: string): readonly SourcedFinding[] {
    let found = this.memo.get(text);
    if (found === undefined) {
      const fresh: SourcedFinding[] = [];
      findTextFindings(this.kind, text, fresh);
      found = fresh.length === 0 ? NO_FINDINGS : fresh;
      if (text.length > MEMO_MAX_TEXT) return found;
      if (this.memo.size >= MEMO_MAX_ENTRIES) this.memo.clear();
      this.memo.set(text, found);
    }
    return found;
  }
}

export function fieldFindings(kind: string): FieldFindings {
  return new MemoizedFieldFindings(kind);
}
