// `other`: failures that are neither 1010 nor 1015: network, DNS, HTTP refusal of the upgrade,
// subprotocol mismatch, and the close codes that name a non-TLS, non-extension problem.
import { ownKeepaliveClose, refusedRegisteredCode } from '../../close-reason-facts.js';
import { causesOther, type Cause } from '../../../schemas/classification.js';
import { oncePerText } from '../../bounded-cache.js';
import { takeFindings, type Candidate, type Classifier, type Finding, type SourcedFinding } from '../../candidate.js';
import { strongestCandidate } from '../../findings.js';
import { clientReceived1010, closeCodeRow, receivedUnasked1010, closeCodeTable, closeViolations, type CloseCodeRow } from '../../close-codes.js';
import { closeReasonMatcher, errorTextLabelsText, isGatewayStatus, type EvidenceContext } from '../../evidence-context.js';
import { httpStatusCause } from '../../http-status.js';
import { answerFieldAsError, answerVerdict, answeredBeforeTimeout, carriesNoText, isUntimedRead, ownLogDrop, ranToTimeout, timedOutWithoutEvidence, timedRead, timeoutAfterAnswer } from './answer-read.js';
import { closedStateBesideCloseFrame, describesOwnCode, dropOnlyInTeardown, endedWithoutClose, isApiDrop, keepaliveBefore1006, reasonCodeFinding, textsNameDrop } from '../../session-end.js';
import { NO_CAUSE_UPSTREAM_RULES, noUpstreamReached } from '../../codes/proxy.js';
import { otherRemediation } from './remediation.js';
import { requestRefusedByServer } from './request-refused.js';
import { clientRefusedAnswer, recordedAnswerFault } from '../../answer-labels.js';
import { requestFieldNamed, subprotocolNamed } from '../../request-header-refusal.js';
import { concepts } from '../../concepts/concepts.js';
import { reasonNamesFailure, statedStatus } from '../../concepts/scanner.js';
import { onlyQuietLines, recordsServerFailure, serverFailureKind } from '../../server-log-levels.js';
import { recordNamesTransport, recordStatesClosed } from '../../server-transport-record.js';
import { resetWordsOnlyInApplicationException } from '../../raised-exception.js';
import { CARRIED_ERROR_UNNAMED, EXCEPTION_CLASS, applicationCodeBesideOwnError, applicationCodeErrorFinding, carriedErrorBeforeOwnClose } from '../../application-close-error.js';
import { faultBeforeRequestTimeout } from '../../fault-before-timeout.js';
import { listenerLoggedHandshake } from '../tls-handshake/classifier.js';
import { upstreamAnswerStatus } from '../../upstream-leg.js';
import { fieldFindings } from '../../text-findings.js';
import { keyedMessageUnauthenticated } from '../../aead-open.js';
import { answerCutShort, peerBytesUnparsed } from '../../stream-reader-ends.js';
import { loggedHandlerException } from '../../logged-handler-exception.js';

const otherCauses: ReadonlySet<Cause> = new Set(causesOther);

/**
 * Concepts of a Close frame's reason alone (Concept.reasonOnly): the reason is the close's own words only when a Close frame
 * carried it; 1005, 1006 and 1015 are never sent (RFC 6455 §7.4.1), so a reason beside them is the API's.
 */
const REASON_ONLY_RULES: ReadonlySet<string> = new Set(concepts.filter((concept) => concept.reasonOnly).map((concept) => concept.id));
const notSentCode = (code: number | undefined): boolean => code === 1005 || code === 1006 || code === 1015;

const SERVER_1010: Finding = { cause: 'protocol_error', confidence: 0.6, evidence: { kind: 'close.code', detail: '1010 sent by the server, which only a client may send (rule close_codes.1010)' } };
const SERVER_1010_UNASKED: Finding = { cause: 'protocol_error', confidence: 0.6, evidence: { kind: 'close.code', detail: 'a 1010 the client read from a Close frame it is not named as starting, with no extension requirement on record (an offer alone is none): the server sent it, which only a client may send (rule close_codes.1010_unasked, RFC 6455 §7.4.1)' } };
const SERVER_1010_TEXT: Finding = { cause: 'protocol_error', confidence: 0.6, evidence: { kind: 'error.message', detail: 'a 1010 the client received: the server sent it, which only a client may send (rule close_codes.1010_received, RFC 6455 §7.4.1)' } };
const APPLICATION_FAILED: Finding = { cause: 'unknown_failure', confidence: 0.35, evidence: { kind: 'close.reason', detail: 'an application close code (3000-4999) read from a Close frame, whose reason says something failed or was refused without naming a cause → unknown_failure (rule close_codes.application_failed, RFC 6455 §7.4.2, convention 11)' } };
const OPENED_THEN_ERROR: Finding = { cause: 'abnormal_closure', confidence: 0.3, evidence: { kind: 'outcome', detail: 'the session had opened and ended in an error that names no cause, without a close code: no Close frame came, a 1006 (rule inferred.opened_then_error, RFC 6455 §7.1.5)' } };
/**
 * A failed attempt whose event records the 101 and nothing else (no text, no close): the server switched protocols and the client
 * still failed, so it refused a header of the answer (convention "A refused upgrade answer without its reason": with a 101
 * recorded, protocol_error; RFC 6455 §4.1 steps 2-6 are the checks a 101 must pass).
 */
const REFUSED_101: Finding = { cause: 'protocol_error', confidence: 0.3, evidence: { kind: 'handshake.status', detail: 'a failed attempt with only a 101 recorded: the client refused the answer\'s headers (rule inferred.refused_101, RFC 6455 §4.1)' } };
// A server's own failure on a session that opened (an error-level record, an exception that escaped its handler:
// server-log-levels.ts): its application failed the session after open, the failure RFC 6455 §7.4.1 gives 1011 for, whatever
// close followed (a 1000 the server sent as it gave up, or the client's 1000 when the session stopped answering). Only where
// the texts name no other cause.
const SERVER_OWN_ERROR: Finding = { cause: 'server_error', confidence: 0.45, evidence: { kind: 'error.message', detail: "a server's own error-level record or uncaught exception after the session opened, naming no network or TLS cause: its application failed the session → server_error (rule inferred.server_error_after_open, RFC 6455 §7.4.1: 1011)" } };
/**
 * A 5xx in a server's own access line after a 101, below a traceback of its handler (eventlet's wsgi logs "GET /ws" 500 when the
 * WebSocket handler raised): no answer the client checked, the server's record that its code failed the open session. The
 * exception escaped the handler (round 16's convention: the server's own uncaught exception is `server_error`), above what the
 * exception's words name (a concept's 0.5-0.57: a UnicodeDecodeError the handler did not catch).
 */
function handlerFailedAfterOpen(hit: SourcedFinding, context: EvidenceContext): boolean {
  const stated = statedStatus(hit);
  return context.event.source.kind === 'server' && stated !== undefined && stated >= 500 && stated <= 599 && serverFailureKind(context.event) === 'uncaught';
}
const handlerFailed = (hit: SourcedFinding): Finding => ({
  cause: 'server_error',
  confidence: 0.6,
  evidence: { kind: hit.evidence.kind, detail: `${hit.evidence.detail}; decided server_error: the server's own access line after its 101, below its handler's uncaught exception: its code failed the open session (rule inferred.handler_failed_after_open, RFC 6455 §7.4.1: 1011)` },
});
const FALLBACK: Finding = { cause: 'unknown_failure', confidence: 0.2, evidence: { kind: 'outcome', detail: 'outcome failed with no recognised evidence (rule fallback.failed)' } };
const describeWireViolation = (code: number, violation: string): string =>
  `close code ${code} read from a Close frame: ${violation} (rule close_codes.wire, RFC 6455 §7.4)`;
const describeCloseCode = (code: number, row: CloseCodeRow): string => `close code ${code} ${row.name} → ${row.cause} (rule close_codes.${code})`;
const describeStatus = (status: number, cause: Cause, gateway: boolean): string =>
  `upgrade answered with HTTP ${status} instead of 101 → ${cause} (rule http_status${gateway ? '.gateway' : ''}, RFC 6455 §4.1)`;

/**
 * A proxy's own line stating that its upstream answered something that is not valid HTTP ("Partial or invalid HTTP head",
 * nginx's "upstream sent invalid header", "upstream sent no valid HTTP/1.0 header", "malformed HTTP response"): RFC 9110
 * §15.6.3 defines 502 as "an invalid response from an inbound server", and an answer that is not HTTP is protocol_error (as
 * llhttp's HPE_INVALID_CONSTANT and websockets' invalid status line read; convention "A proxy's status caused by its upstream's
 * failure": the upstream failure's label). The invalid word stands before an HTTP message part, and the line names HTTP or the
 * upstream; a part merely cut short ("partial", an EOF) names no syntax broken and stays with the drop's words.
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.6.3, https://www.rfc-editor.org/rfc/rfc9112#section-2.2
 * @see https://nginx.org/en/docs/http/ngx_http_proxy_module.html (error log texts)
 * The status line's own parts named invalid beside the HTTP word (round 31, eng-y1): Go's net/http client reads the answer in
 * ReadResponse and fails it with "malformed HTTP status code", "malformed HTTP version" (wrapped by the transport as "HTTP/1.x
 * transport connection broken: …"), which goproxy and martian log behind their 500/502; the status code and version are the
 * status line's fields (RFC 9112 §4), so such an answer is no HTTP either (hyper words it "invalid HTTP status-code parsed").
 * @see https://github.com/golang/go/blob/master/src/net/http/response.go (ReadResponse: badStringError("malformed HTTP status code", …))
 */
const INVALID_HTTP_ANSWER =
  /\b(?:invalid|malformed|garbled|unparsable|unparseable|corrupt(?:ed)?|bad|no\s+valid|not\s+(?:a\s+)?valid)\s+(?:HTTP(?:\/\d(?:\.\d)?)?\s+)?(?:head|headers?|status\s+line|response(?:\s+(?:head|header|line))?|reply|answer)\b|\b(?:invalid|malformed|bad)\s+HTTP(?:\/\d(?:\.\d)?)?\s+(?:status[\s-]+code|version)\b|\bnot\s+(?:an?\s+)?HTTP\b/i;
const UPSTREAM_OR_HTTP = /\b(?:HTTP|upstream|backend|origin)\b/i;
/**
 * The upstream's 101 switched to another protocol than the request's Upgrade asked for (Go's httputil.ReverseProxy
 * handleUpgradeResponse: "backend tried to switch protocol %q when %q was requested", answered 502): RFC 9110 §7.8 lets a server
 * switch only to a protocol the client listed in Upgrade, so the answer broke HTTP's upgrade (protocol_error, as a client reads
 * a 101 whose Upgrade is not "websocket", RFC 6455 §4.1). An empty name ("") is a 101 without the Upgrade field, broken the same way.
 * @see https://github.com/golang/go/blob/master/src/net/http/httputil/reverseproxy.go (handleUpgradeResponse)
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-7.8
 */
const UPSTREAM_WRONG_SWITCH = /\bswitch(?:ed)?\s+(?:to\s+)?protocols?\s+(?:"[^"\n]*"|\S+)\s+when\s+(?:"[^"\n]*"|\S+)\s+(?:was|were)\s+requested\b/i;
/** Which invalid answer the proxy's line states: 'head' (no valid HTTP head), 'switch' (a 101 to another protocol), or 'none'. Once per distinct line. */
const upstreamInvalidHttp = oncePerText((message): 'head' | 'switch' | 'none' =>
  INVALID_HTTP_ANSWER.test(message) && UPSTREAM_OR_HTTP.test(message) ? 'head' : UPSTREAM_WRONG_SWITCH.test(message) ? 'switch' : 'none',
);
const describeUpstreamInvalidHttp = (status: number, kind: 'head' | 'switch'): string =>
  kind === 'head'
    ? `HTTP ${status} answered by the proxy, whose log line states its upstream answered invalid HTTP → protocol_error (rule http_status.proxy_log_invalid_http, RFC 9110 §15.6.3)`
    : `HTTP ${status} answered by the proxy, whose log line states its upstream's 101 switched to another protocol than the request's Upgrade asked for → protocol_error (rule http_status.proxy_log_wrong_switch, RFC 9110 §7.8)`;

/**
 * A proxy's line that it had no upstream to forward to (piko's "no available upstreams": no upstream is connected for the endpoint,
 * its proxy answers 502 without dialing; "no registered backends", "no endpoints available"): the proxy tried no upstream, so no
 * upstream failure is named and the status it answered is the answer (convention 9: a proxy's status takes its upstream's cause
 * only where its lines state how the upstream failed). A backend found dead ("no backend found" after failed connects, "no healthy
 * upstream") is not this: an earlier failure stands behind it.
 * @see https://github.com/andydunstall/piko/blob/main/server/proxy/http.go ("no available upstreams", http.StatusBadGateway)
 */
const NO_UPSTREAM_TO_FORWARD =
  /\bno\s+(?:available|registered|connected|active|configured)\s+(?:upstreams?|backends?|endpoints?|targets?)\b|\bno\s+(?:upstreams?|backends?|endpoints?|targets?)\s+(?:(?:are|is)\s+)?(?:available|registered|connected|configured)\b/i;
const noUpstreamToForward = oncePerText((message) => NO_UPSTREAM_TO_FORWARD.test(message));

const describeProxyLog = (status: number): string =>
  `HTTP ${status} answered by the proxy, whose log line names an upstream failure the engine cannot read → unknown_failure (rule http_status.proxy_log, RFC 9110 §15.6.3)`;

/**
 * An access-log line (HAProxy httplog, combined log, Squid's native format "TCP_MISS/503") records the status the
 * proxy answered as a field of its own: that answer is the fact the line reports, unlike an error-log line that tells
 * how the upstream failed. A Squid result code of the proxy's own error (ERR_CONNECT_FAIL, ERR_UNKNOWN), or Squid's
 * error name in the line (%err_code "err=ERR_READ_ERROR", X-Squid-Error), says the proxy failed to reach or use the
 * upstream and answered the status itself: no access-log status then, the upstream failure decides (codes/proxy.ts),
 * and where the line does not say how, the cause is unknown (rule http_status.proxy_log). A client that went away
 * (ERR_CLIENT_GONE) is no upstream failure: the status it was answered is the origin's.
 * @see https://wiki.squid-cache.org/SquidFaq/SquidLogs (access.log native format, result codes)
 * @see https://wiki.squid-cache.org/Features/LogFormat (%err_code, %err_detail)
 * @see https://docs.trafficserver.apache.org/en/9.2.x/admin-guide/logging/cache-results.en.html
 */
function isAccessLogLine(message: string, status: number): boolean {
  const line = accessLogLine(message);
  if (line.squidStatus !== undefined) return line.squidStatus === status;
  return line.requestLine && message.includes(` ${status} `);
}
const SQUID_RESULT = /\b((?:TCP|UDP|NONE|ERR)_[A-Z_]+)\/(\d{3})\b/;
const SQUID_OWN_ERROR = /\bERR_(?!CLIENT_GONE\b)[A-Z]+(?:_[A-Z]+)*\b(?!\/\d)/;
const REQUEST_LINE = /"[A-Z]+ \S+ HTTP\/\d/;
// The status-free part of the reading, once per distinct line: Squid's result field (its status, or -1, which no answer has, where
// the result or the line names Squid's own error), else whether the line quotes a request line.
const accessLogLine = oncePerText((message) => {
  const squid = SQUID_RESULT.exec(message);
  if (squid) return { squidStatus: !squid[1]?.startsWith('ERR_') && !SQUID_OWN_ERROR.test(message) ? Number(squid[2]) : -1, requestLine: false };
  return { squidStatus: undefined, requestLine: REQUEST_LINE.test(message) };
});

// The close and status findings depend only on the table row or status they restate: built once per key and shared by the
// events that produce them (read-only, like the memoized text findings), so no evidence string is built per event.
const closeFindings = new Map<number, Finding>();
const invalidHttpFindings = new Map<number, Finding>();

/**
 * A gateway status a text states (an access-log line's 502/503, a proxy's 500) weighs as the status field's does (0.44):
 * the proxy answered it because its upstream failed, so the upstream failure its own line states (an EOF, a refused
 * connect, a timeout) decides, read in words by either tier (docs/attribution.md, convention "Proxy log lines").
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.6.3 (502: an invalid response from an inbound server)
 */
function statedGatewayStatus(hit: SourcedFinding): Finding {
  const detail = `${hit.evidence.detail}; a gateway's status, which weighs below the upstream failure the event states (rule http_status.gateway_text, RFC 9110 §15.6.3)`;
  return { cause: hit.cause, confidence: GATEWAY_WEIGHT, evidence: { kind: hit.evidence.kind, detail } };
}
const GATEWAY_WEIGHT = 0.44;

/**
 * A proxy's stated upstream failure that names no cause (zurl's "undefined-condition", "remote-connection-failed") beside the
 * gateway status it answered for it: the failure, not the status, is the label, and it names none (convention "A proxy's
 * status caused by its upstream's failure": unknown_failure). Above the gateway status, below any stated cause.
 */
function statedWithoutCause(hit: SourcedFinding): Finding {
  return { cause: 'unknown_failure', confidence: GATEWAY_WEIGHT + 0.01, evidence: { kind: hit.evidence.kind, detail: `${hit.evidence.detail}, beside the gateway status the proxy answered for it: the upstream failed, the proxy does not say how (rule inferred.gateway_failure_without_cause)` } };
}

/**
 * Whether the event is told from a gateway's side, in several lines (an access-log line beside the proxy's error line): a
 * proxy's own lines. A client's "502 Bad Gateway" from a server it reached directly is that server's answer; a server's lines
 * naming its upstream stay its own answer too (a `\b`-less pattern for those never matched since round 9, and matching them
 * would read a server's "connection closed" after its own 502 as the failure: holdout33-hyper-tungstenite-50).
 */
function gatewayText(hit: SourcedFinding, context: EvidenceContext): boolean {
  const status = statedStatus(hit);
  return status !== undefined && hit.cause === 'http_rejected' && isGatewayStatus(status, context.event.source.kind) && upstreamSide(context);
}

function upstreamSide(context: EvidenceContext): boolean {
  const message = context.event.error?.message;
  // Another line states the failure: within one access-log line the proxy's own flags are read by the code tables
  // (codes/proxy.ts; Envoy's UF and HAProxy's SC do not say how the connect failed).
  if (message === undefined || !message.includes('\n')) return false;
  return context.event.source.kind === 'proxy';
}

/**
 * A 403 whose texts refuse the credentials in words ("No valid authentication in request", "invalid token"): RFC 9110
 * §15.5.4 lets a server answer 403 when the credentials it was given are insufficient, and the words say that they were;
 * credentials refused, as a 401 (convention "An HTTP status on the upgrade": credentials refused in words).
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4
 */
function credentialWords(hits: readonly SourcedFinding[]): SourcedFinding | undefined {
  for (const hit of hits) if (hit.cause === 'http_auth_rejected' && hit.rule !== 'concept.http_status') return hit;
  return undefined;
}

function refusedForCredentials(status: Finding, hit: SourcedFinding): Finding {
  const detail = `${hit.evidence.detail}, in a 403's answer: the server refused the credentials (rule inferred.refused_for_credentials, RFC 9110 §15.5.4)`;
  return { cause: 'http_auth_rejected', confidence: status.confidence + 0.01, evidence: { kind: hit.evidence.kind, detail } };
}

/**
 * A 400 whose texts name a WebSocket header of the upgrade request missing or bad (Sec-WebSocket-Key, Sec-WebSocket-Version,
 * Upgrade, Connection; request-header-refusal.ts): the request broke RFC 6455 §4.1/§4.2.1, and §4.2.2 has the server answer such
 * a request with an HTTP error such as 400. The header names the cause, as a subprotocol named in a refusal does (convention "An
 * upgrade request refused for its WebSocket header").
 * @see https://www.rfc-editor.org/rfc/rfc6455#section-4.2.1, https://www.rfc-editor.org/rfc/rfc6455#section-4.2.2
 */
function refusedForRequestHeader(status: Finding, hit: SourcedFinding): Finding {
  const detail = `${hit.evidence.detail}, in a 400's answer: the server refused the request for a WebSocket header (rule inferred.refused_for_request_header, RFC 6455 §4.2.1)`;
  return { cause: 'protocol_error', confidence: status.confidence + 0.01, evidence: { kind: hit.evidence.kind, detail } };
}
/**
 * A malformed answer is another protocol on the port only where the text shows what came (Go's net/http quotes the bytes:
 * 'malformed HTTP response "\x15\x03\x01…"') or says it was no HTTP ("response is not valid HTTP"). "Malformed" alone is the
 * client's verdict on the answer and nothing more (convention "A refused upgrade answer without its reason": the status
 * decides, none recorded → unknown_failure).
 */
const MALFORMED_ANSWER_RULE = 'concept.malformed_answer';
const DATA_CUT_SHORT_RULE = 'concept.data_cut_short';
// A 400 whose reason is the server's HTTP parser refusing the request line (system vocabulary: Jetty's "Illegal character CNTL=0x16",
// Tomcat's invalid method, gunicorn's invalid request line): its answer names why, a request no HTTP/1.x parser reads (RFC 9112
// §3; RFC 6455 §4.1: the opening handshake is an HTTP request), protocol_error 0.01 above the 400, as a header's refusal stands.
// @see https://www.rfc-editor.org/rfc/rfc9112#section-3, https://www.rfc-editor.org/rfc/rfc6455#section-4.1
const REQUEST_START_RULE = 'http_server.request_start_refused';
// "Protocol version" refused with no TLS word (concept.protocol_version_refused, round 36): on an event that records a TLS alert the
// words are the alert's (a TLS protocol version, convention 4), no WebSocket or MQTT version; the TLS classifier reads the alert.
const PROTOCOL_VERSION_RULE = 'concept.protocol_version_refused';
function refusedByRequestParser(status: Finding, hit: SourcedFinding): Finding {
  const detail = `${hit.evidence.detail}, in a 400's answer: the server's parser refused the request line (rule inferred.refused_by_request_parser, RFC 9112 §3)`;
  return { cause: 'protocol_error', confidence: status.confidence + 0.01, evidence: { kind: hit.evidence.kind, detail } };
}
const MALFORMED_WORD = /\b(?:malformed|garbled|corrupt(?:ed)?)\b/i;
const QUOTED_ANSWER = /\b(?:malformed|garbled|corrupt(?:ed)?)\b[^"'\n]{0,40}["']/i;
const malformedVerdictOnly = (message: string | undefined): boolean => message !== undefined && MALFORMED_WORD.test(message) && !QUOTED_ANSWER.test(message);
const statusFindings = new Map<number, Finding>();

/**
 * A reset once the connection opened (the upgrade got its 101, or the outcome is `closed`, which the schema defines
 * as "an open connection ended") dropped an open connection without a Close frame: a 1006, not a failed connect.
 */
function afterOpen(original: Finding, how: string): Finding {
  const detail = `${original.evidence.detail}; decided abnormal_closure: ${how}, so an open connection dropped (rule inferred.reset_after_open)`;
  return { cause: 'abnormal_closure', confidence: original.confidence, evidence: { kind: original.evidence.kind, detail } };
}
const OPENED_BY_STATUS = 'the upgrade had completed (HTTP 101)';

/**
 * A text stating that the connection closed without a Close frame (websockets' ConnectionClosedError "no close frame received or
 * sent", its str of a 1006; "closed abnormally (1006)") on an attempt that never opened (outcome failed, no status, no other code):
 * the API's 1006 before open, which says that the connect failed, not why (convention "A 1006 before the connection opened":
 * unknown_failure; RFC 6455 §7.1.5, §7.4.1: 1006 is never sent, the API reports it). After open it stays abnormal_closure.
 * @see https://github.com/python-websockets/websockets/blob/main/src/websockets/exceptions.py (ConnectionClosed.__str__)
 */
const CLOSED_WITHOUT_CLOSE_RULE = 'concept.closed_without_close';
// An EOF or reset named beside it is the drop itself, which the reset/EOF convention reads (network_reset before open): not this rule's.
const DROP_NAMED = /\b(?:EOF|reset|ECONNRESET|EPIPE|broken pipe|hang ?up|aborted)\b/i;
const namesDrop = (message: string | undefined): boolean => message !== undefined && DROP_NAMED.test(message);
function closedBeforeOpen(original: Finding): Finding {
  const detail = `${original.evidence.detail}; decided unknown_failure: the attempt never opened (no answer), so the stated 1006 says the connect failed, not why (rule inferred.closed_before_open, RFC 6455 §7.4.1)`;
  return { cause: 'unknown_failure', confidence: original.confidence, evidence: { kind: original.evidence.kind, detail } };
}

/**
 * A carried protocol's reply error in words ("Error 100: internal server error", concept.reply_internal_error) once the upgrade
 * succeeded: the server failed at the application's level, server_error (as 1011 names it for a session, RFC 6455 §7.4.1).
 */
function replyErrorAfterOpen(original: Finding, how: string): Finding {
  const detail = `${original.evidence.detail}; decided server_error: ${how}, so the words are a carried protocol's reply, the server's failure (rule inferred.reply_error_after_open)`;
  return { cause: 'server_error', confidence: original.confidence, evidence: { kind: original.evidence.kind, detail } };
}

const OPENED_BY_OUTCOME = 'the outcome is closed (an open connection ended)';

/**
 * Extension words in a session that opened and then closed are about frames (RSV bits set without a negotiated
 * extension, a compressed frame the peer cannot inflate), not negotiation, which happens before the session opens:
 * a protocol error (RFC 6455 §5.2: "MUST _Fail the WebSocket Connection_" on a non-zero RSV bit nobody negotiated).
 */
function extensionWordsAfterOpen(original: Finding): Finding {
  const detail = `${original.evidence.detail}; decided protocol_error: the session had opened, so the extension words are about frames, not negotiation (rule inferred.extension_after_open, RFC 6455 §5.2)`;
  return { cause: 'protocol_error', confidence: original.confidence, evidence: { kind: original.evidence.kind, detail } };
}

/**
 * A 1002 whose reason names a restart: the server sent 1012/1013 (registered by IANA after RFC 6455), which a client
 * written to RFC 6455's list alone takes for an invalid code and reports as 1002, keeping the server's reason
 * (websocket-driver, lua-http, Java-WebSocket). The reason says what the server meant, where the event says the 1002 is the
 * API's own (`on_wire: false`); a 1002 not marked so is read as the Close frame's code, which takes its own cause (convention
 * "A standard close code on the wire takes its own cause").
 * @see https://www.iana.org/assignments/websocket/websocket.xhtml#close-code-number (1012 Service Restart, 1013 Try Again Later)
 */
const RESTART_REASON = /\b(?:restart(?:ing|ed)?\b|try(?:ing)? (?:again )?later\b|retry (?:again )?(?:later\b|in \d)|try again in \d|back (?:soon|shortly)\b|come back later\b)/i;
const describeRestartReason = (reason: string): string =>
  `close 1002 with the reason ${JSON.stringify(reason.slice(0, 80))}: the server sent 1012/1013, a code the client does not know and reports as 1002 (rule close_codes.1002_restart_reason, IANA WebSocket close codes)`;

const CLIENT_1002: Finding = { cause: 'protocol_error', confidence: 0.45, evidence: { kind: 'close.code', detail: 'close code 1002 sent by the client: its reaction to the answer, whose cause its error text names (rule close_codes.1002_client)' } };

/**
 * A close code the texts name next to the 1002 or 1005 (concept.close_code picks the protested one), when it names another
 * cause: the client rejected the server's code as invalid ("Invalid Closing Frame Code: 1012") and reported its own 1002,
 * or 1005 (no status it accepts). The code the server sent says what it meant.
 */
function protestedCode(context: EvidenceContext, code: number): Finding | undefined {
  for (const hit of context.hits)
    if (hit.rule === 'concept.close_code' && hit.cause !== 'protocol_error')
      return { cause: hit.cause, confidence: 0.82, evidence: { kind: hit.evidence.kind, detail: `${hit.evidence.detail}; the ${code} protested it: a code the client does not know, reported as ${code} (rule close_codes.${code}_protested, IANA WebSocket close codes)` } };
  return undefined;
}

/**
 * A close code the API made up (on_wire false: no Close frame carried it) whose texts name a reset: the connection dropped,
 * and the code is the API's summary of that drop, not a peer's statement (RFC 6455 §7.1.5: a connection closed without
 * a Close frame is a 1006, whatever the API reports). The reset's finding decides (below it, the code's finding).
 */
function synthesizedOverReset(context: EvidenceContext, close: NonNullable<EvidenceContext['event']['close']>): boolean {
  return close.on_wire === false && textsNameDrop(context);
}
const SYNTHESIZED_DETAIL = (code: number): string =>
  `close code ${code} reported by the API without a Close frame (on_wire false) next to a reset in its texts: the API's summary of a dropped connection (rule close_codes.synthesized_over_reset, RFC 6455 §7.1.5)`;

/**
 * A 1011 the reporting server sent itself (`on_wire` not true, initiator server) is its generic code, "an unexpected condition
 * that prevented it from fulfilling the request" (RFC 6455 §7.4.1), chosen by a generic failure path (Quarkus' unhandled-failure
 * strategy, Cowboy's crash close). Where its own lines name a condition another close code stands for (a message over the size
 * limit, 1009; a frame that broke the protocol, 1002/1007; a policy, 1008), that condition is the cause: the code weighs below
 * the words (0.45, under the concepts' 0.5). A 1011 read from a Close frame keeps its cause (convention "A standard close code
 * on the wire takes its own cause").
 */
const NAMED_CONDITIONS: ReadonlySet<Cause> = new Set(
  closeCodeTable.filter((row) => row.wire === 'valid' && row.from === row.to && row.cause !== undefined && row.cause !== 'server_error' && otherCauses.has(row.cause)).map((row) => row.cause as Cause),
);
// A keepalive wait the server's own lines say ran out is the condition too (convention "A keepalive timeout after open").
const KEEPALIVE_RULE = 'concept.keepalive_missed';
function sentOwn1011ForNamedCondition(context: EvidenceContext, close: NonNullable<EvidenceContext['event']['close']>): boolean {
  if (close.on_wire === true || close.initiator !== 'server' || context.event.source.kind !== 'server') return false;
  for (const hit of context.hits) if (hit.attribution === 'other' && (NAMED_CONDITIONS.has(hit.cause) || hit.rule === KEEPALIVE_RULE) && hit.evidence.kind !== 'close.reason') return true;
  return false;
}
/**
 * A 1011 not read from a Close frame (on_wire not true: the sender's own record of the close it started, as a server's or a
 * proxy's record of its front client's close) whose reason names a keepalive wait that ran out: websockets' keepalive fails the
 * connection with 1011 "keepalive ping timeout", warp's with "keepalive timeout"; the reason is the condition (convention 12: a
 * keepalive timeout after open is network_timeout) and the code is the generic one its failure path chose, as above (round 38,
 * eng-f1). A 1011 read from a Close frame keeps its cause (convention 11).
 * @see https://github.com/python-websockets/websockets/blob/main/src/websockets/asyncio/connection.py (keepalive: fail(CloseCode.INTERNAL_ERROR, "keepalive ping timeout"))
 */
function keepaliveReasonOfUnreadClose(context: EvidenceContext, close: NonNullable<EvidenceContext['event']['close']>): boolean {
  if (close.on_wire === true || !close.reason) return false;
  for (const named of closeReasonMatcher.get(close.reason)) if (named.rule === KEEPALIVE_RULE) return true;
  return false;
}
/**
 * A server's own 1011 whose reason is the exception its transport raised, beside texts naming the drop (round 40, r40-a): Jetty 9.4's
 * event driver closes SERVER_ERROR with the unhandled exception's simple name as the reason (AbstractEventDriver.incomingFrame:
 * `close(StatusCode.SERVER_ERROR, cause.getClass().getSimpleName())`), so a write that met the client's reset records
 * CloseInfo[code=1011,reason=EofException] beside "EofException … Broken pipe". No Close frame came or could go (not read from the
 * wire): the open connection dropped, RFC 6455 §7.1.5's 1006 (convention 2), and the 1011 is the generic code of the failure path.
 * An exception that names no transport ("NullPointerException") keeps 1011's server_error; a 1011 read from a Close frame keeps its cause.
 * @see https://github.com/jetty/jetty.project/blob/jetty-9.4.x/jetty-websocket/websocket-common/src/main/java/org/eclipse/jetty/websocket/common/events/AbstractEventDriver.java
 */
const TRANSPORT_EXCEPTION_REASON = /^\s*(?:[\w$]+\.)*(?:Eof|EOF|ClosedChannel|AsynchronousClose|SocketClosed|ChannelClosed|ConnectionReset|BrokenPipe|Socket|ClosedConnection)(?:Exception|Error)\b|^\s*(?:EOF|Broken pipe|Connection reset(?: by peer)?|ECONNRESET|EPIPE)\s*$/;
function own1011OverDrop(context: EvidenceContext, close: NonNullable<EvidenceContext['event']['close']>): boolean {
  if (close.on_wire === true || close.initiator === 'client' || context.event.source.kind !== 'server' || !close.reason) return false;
  return TRANSPORT_EXCEPTION_REASON.test(close.reason) && textsNameDrop(context);
}
const OWN_1011_OVER_DROP: Finding = { cause: 'abnormal_closure', confidence: 0.45, evidence: { kind: 'close.code', detail: "close code 1011 the server recorded itself, not read from a Close frame, whose reason is its transport's exception, beside texts naming the drop: its failure path's generic code for a connection that dropped → abnormal_closure (rule close_codes.1011_over_transport_drop, RFC 6455 §7.1.5)" } };
/**
 * A 1011 the emitter's own text says it sent first: websockets' ConnectionClosed prints "sent {code} ({name}) {reason}" for a
 * close the library started ("; no close frame received" or "; then received …"), "received …; then sent …" for one it answered.
 * Its keepalive sends 1011 "keepalive ping timeout" when a pong does not come in time: the generic code its failure path chose,
 * and the reason names the condition (convention 12: a keepalive timeout after open is network_timeout), as a server's own 1011
 * beside its lines naming the condition above (round 34, eng-b2).
 * @see https://github.com/python-websockets/websockets/blob/main/src/websockets/exceptions.py (ConnectionClosed.__str__)
 * @see https://github.com/python-websockets/websockets/blob/main/src/websockets/asyncio/connection.py (keepalive: fail(CloseCode.INTERNAL_ERROR, "keepalive ping timeout"))
 */
const SENT_OWN_1011_FIRST = /(?:^|\n|:\s)sent\s+1011\s+\([^)\n]*\)\s*([^;\n]+)/;
const sentReasonMatcher = fieldFindings('error.message');
function statedOwn1011ForNamedCondition(hit: SourcedFinding, context: EvidenceContext): boolean {
  const message = context.event.error?.message;
  if (hit.rule !== 'concept.close_code' || hit.cause !== 'server_error' || message === undefined) return false;
  // The code stated in a label holding the error's own text (its recorded chain, evidence-context.ts) is read from that label.
  const reason = SENT_OWN_1011_FIRST.exec(hit.evidence.kind === 'error.cause' ? errorTextLabelsText(context.event) : message)?.[1];
  if (reason === undefined) return false;
  // The reason the emitter gave its own code, read alone: words elsewhere in the message ("no close frame received") are no condition.
  for (const named of sentReasonMatcher.get(reason)) if (named.attribution === 'other' && (NAMED_CONDITIONS.has(named.cause) || named.rule === KEEPALIVE_RULE)) return true;
  return false;
}
const STATED_OWN_1011: Finding = { cause: 'server_error', confidence: 0.45, evidence: { kind: 'error.message', detail: 'close code 1011 the emitter says it sent first, its generic code, beside its own words naming the condition (rule close_codes.1011_sent_for_named_condition, RFC 6455 §7.4.1)' } };
const SENT_1011: Finding = { cause: 'server_error', confidence: 0.45, evidence: { kind: 'close.code', detail: 'close code 1011 the server sent itself, its generic code, beside its own lines naming the condition (rule close_codes.1011_sent_for_named_condition, RFC 6455 §7.4.1)' } };

const BEFORE_OPEN_1006_DETAIL = 'close code 1006 reported for a connection that never opened: the API says the connect failed, not why (rule close_codes.1006_before_open, RFC 6455 §7.4.1)';
// 0.25 on wss://, below a TLS hint's tls_unknown (0.3), as for 1006 alone.
const BEFORE_OPEN_1006: Finding = { cause: 'unknown_failure', confidence: 0.3, evidence: { kind: 'close.code', detail: BEFORE_OPEN_1006_DETAIL } };
/**
 * The API's own 1006 (on_wire false) for a connect that never opened, with no error, no close reason, and an attempt that ended
 * just past a whole second: the written convention "An attempt that ended at a whole-second bound" lists the texts that
 * disqualify the bound (an error's message, name or code, a close reason), and a made-up 1006 is none of them, so the bound
 * decides: a timer gave up (network_timeout), just above the bare 1006 (0.3). RFC 6455 §7.4.1: 1006 is never sent, the API's
 * report that the connection closed abnormally, which says nothing of why.
 * @see https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1
 * @example nodejs-websocket 1.7.2 close event {"readyState":0,"ms":5004,"code":1006,"reason":""} (holdout-33 nodejs-websocket-13)
 */
function timedOutBefore1006(how: string): Finding {
  return { cause: 'network_timeout', confidence: 0.32, evidence: { kind: 'timing.total_ms', detail: `close code 1006 made up by the API before open, with no error or close reason; ${how} → network_timeout (rule inferred.ran_to_timeout_1006, RFC 6455 §7.4.1)` } };
}
const BEFORE_OPEN_1006_SECURE: Finding = { cause: 'unknown_failure', confidence: 0.25, evidence: { kind: 'close.code', detail: BEFORE_OPEN_1006_DETAIL } };

/**
 * A standard close code (valid on the wire, 1002-1014) on a failed attempt that never opened (no 101), with `on_wire` false or
 * absent: no Close frame can have carried it, since a Close frame is sent only on an open connection (RFC 6455 §5.5.1, §7.1.2),
 * so the code is the API's own verdict on the failed connect (SockJS's client reports 1002 "Cannot connect to server" for any
 * failure to connect). Its reason's words decide by the labelling conventions ("A failure to connect stated without its reason":
 * `unknown_failure`; a reason naming a cause: that cause); alone, the code's cause at 0.28, below any finding of the texts
 * (0.3+). A code read from a Close frame (`on_wire: true`) keeps its own cause ("A standard close code on the wire takes its own
 * cause").
 */
function verdictBeforeOpen(context: EvidenceContext, close: NonNullable<EvidenceContext['event']['close']>): boolean {
  return close.on_wire !== true && context.event.outcome === 'failed' && context.status !== 101;
}
const verdicts = new Map<number, Finding>();
function verdictFinding(code: number, row: CloseCodeRow): Finding {
  let found = verdicts.get(code);
  if (found === undefined)
    verdicts.set(code, (found = { cause: row.cause as Cause, confidence: 0.28, evidence: { kind: 'close.code', detail: `close code ${code} ${row.name} on an attempt that never opened, not read from a Close frame: the API's verdict on the failed connect, which its reason's words decide (rule close_codes.verdict_before_open, RFC 6455 §7.1.2)` } }));
  return found;
}

function closeFinding(context: EvidenceContext): Finding | undefined {
  const code = context.closeCode;
  if (code === undefined) return undefined;
  const close = context.event.close as NonNullable<EvidenceContext['event']['close']>;
  if (code === 1010 && close.initiator === 'server') return SERVER_1010;
  if (code === 1010 && receivedUnasked1010(context.event)) return SERVER_1010_UNASKED;
  // An abnormal closure is of an open connection: a 1006 for a connect that failed (no 101, outcome failed) says no more than the failure.
  if (code === 1006 && context.event.outcome === 'failed' && context.status !== 101 && close.on_wire !== true) return context.secure ? BEFORE_OPEN_1006_SECURE : BEFORE_OPEN_1006;
  if (code === 1002 && close.on_wire === false && close.reason && RESTART_REASON.test(close.reason))
    return { cause: 'service_restart', confidence: 0.82, evidence: { kind: 'close.reason', detail: describeRestartReason(close.reason) } };
  // A 1002 whose texts name the close code the client protested ("Invalid close frame status code: 1012"): that code's cause.
  if (code === 1002 || code === 1005) {
    const named = protestedCode(context, code);
    if (named) return named;
  }
  // A 1000/1001 whose reason says more than the code: the emitter's own keepalive ran out, or a library refused a registered code.
  if ((code === 1000 || code === 1001) && close.reason) {
    const said = ownKeepaliveClose(context) ?? refusedRegisteredCode(context);
    if (said) return said;
  }
  const row = closeCodeRow(code);
  // A standard code on an attempt that never opened, not read from a Close frame: the API's verdict, whose reason decides.
  if (row?.cause && row.wire === 'valid' && otherCauses.has(row.cause) && verdictBeforeOpen(context, close)) return verdictFinding(code, row);
  // A 1002 the client sent is its reaction to what it found; its own error text says what (a subprotocol it did not
  // ask for, an answer it could not use): below any finding of the texts (0.5). A server's own log holds none of the client's
  // texts, only its Close frame: there the 1002 is the peer's statement and reads by the table (convention: a standard close
  // code on the wire takes its own cause).
  if (code === 1002 && close.initiator === 'client' && !(context.event.source.kind === 'server' && close.on_wire === true)) return CLIENT_1002;
  // A code that must never be on the wire (1005/1006/1015, 1004, out of range) was sent: the peer broke the protocol.
  // A 1006 "read from a Close frame" next to an EOF or reset in the texts is the API's own 1006 for the drop (no Close frame
  // carries 1006): the emitter marked it on_wire, the texts say how the connection ended (session-end.ts).
  // A 1005 read from a Close frame (`on_wire: true`) stays a breach even on a session that opened: the schema's on_wire means the
  // code itself came in the frame, and a frame that carries no status is reported as 1005 without on_wire (docs: Causes).
  const violation = row && row.wire !== 'valid' && !isApiDrop(context, code) ? closeViolations(close)[0] : undefined;
  if (violation) return { cause: 'protocol_error', confidence: 0.6, evidence: { kind: 'close.code', detail: describeWireViolation(code, violation) } };
  if (!row?.cause || !otherCauses.has(row.cause)) return undefined;
  if (code !== 1006 && synthesizedOverReset(context, close)) return { cause: row.cause, confidence: 0.4, evidence: { kind: 'close.code', detail: SYNTHESIZED_DETAIL(code) } };
  if (code === 1011 && (sentOwn1011ForNamedCondition(context, close) || keepaliveReasonOfUnreadClose(context, close))) return SENT_1011;
  if (code === 1011 && own1011OverDrop(context, close)) return OWN_1011_OVER_DROP;
  // 1006 alone: lower on wss://, where a hidden TLS failure is as likely as a network drop.
  const secure = code === 1006 && context.secure;
  // Only table rows with a cause reach here (exact codes): a handful of keys.
  const key = secure ? -code - 1 : code;
  let found = closeFindings.get(key);
  if (found === undefined)
    closeFindings.set(key, (found = { cause: row.cause, confidence: secure ? 0.25 : (row.confidence ?? 0.5), evidence: { kind: 'close.code', detail: describeCloseCode(code, row) } }));
  return found;
}

function statusFinding(context: EvidenceContext): Finding | undefined {
  const status = context.status;
  if (status === undefined) return undefined;
  const cause = httpStatusCause(status);
  // 525/526 name a TLS cause: the 1015 classifier answers for them (code-findings.ts); 521-524 the origin's transport cause.
  if (!cause || !otherCauses.has(cause)) return undefined;
  // A proxy's own gateway status next to its error-log line: the upstream failed, and the log says how; when
  // nothing in it is recognised, the cause is honestly unknown, not an HTTP refusal (no server answered).
  const message = context.event.error?.message;
  // A log made only of debug/info records in which nothing is recognised (an L4 proxy's accept, begin and end lines, gobetween's
  // "[DEBUG] … Begin a -> b -> c") names no failure: the status it passed on is the answer, its own label (convention 9; round 35, eng-c1).
  const proxyLog = context.gatewayStatus && context.event.source.kind === 'proxy' && message !== undefined && message !== '' && !isAccessLogLine(message, status) && !noUpstreamToForward(message) && !(onlyQuietLines(message) && !context.hits.some((hit) => hit.evidence.kind === 'error.message'));
  // Read only on a proxy's gateway status beside its own line (few events): the line says the upstream's answer was no HTTP.
  const invalidKind = proxyLog ? upstreamInvalidHttp(message) : 'none';
  if (invalidKind !== 'none') {
    const key = invalidKind === 'head' ? status : -status;
    let invalid = invalidHttpFindings.get(key);
    if (invalid === undefined)
      invalidHttpFindings.set(key, (invalid = { cause: 'protocol_error', confidence: GATEWAY_WEIGHT + 0.01, evidence: { kind: 'error.message', detail: describeUpstreamInvalidHttp(status, invalidKind) } }));
    return invalid;
  }
  // One finding per (status 100-599, kind): at most 1 500 keys.
  // A status the server wrote in place of a failed TLS handshake weighs as a gateway's: the TLS line decides.
  const weak = context.gatewayStatus || context.statusForFailedTls;
  const key = status * 4 + (proxyLog ? 2 : 0) + (weak ? 1 : 0);
  let found = statusFindings.get(key);
  if (found === undefined) {
    found = proxyLog
      ? { cause: 'unknown_failure', confidence: 0.3, evidence: { kind: 'handshake.status', detail: describeProxyLog(status) } }
      : // 502/503/504, or a proxy's 5xx, report an upstream failure: the upstream's own evidence (TLS, refused), even
        // in words only the generalising tier reads (0.45+), wins.
        { cause, confidence: weak ? 0.44 : 0.9, evidence: { kind: 'handshake.status', detail: describeStatus(status, cause, weak) } };
    statusFindings.set(key, found);
  }
  return found;
}

/** Whether a server's text records its own failure and no text finding names a cause of this classifier. */
function serverOwnError(context: EvidenceContext, appReset: boolean): boolean {
  for (const hit of context.hits) if (hit.attribution === 'other' && !(appReset && hit.cause === 'network_reset')) return false;
  return recordsServerFailure(context.event) || closedOnOwnError(context);
}

/**
 * A server's own error record after open that names its transport failing ("websocket error: Input Stream error", "socket
 * error", "IO error") rather than its application: the connection under the session dropped, a 1006 without a Close frame
 * (RFC 6455 §7.1.5), not the application's 1011 (rule inferred.transport_error_after_open).
 */
function transportFailedAfterOpen(message: string | undefined): Finding | undefined {
  const named = message === undefined ? undefined : recordNamesTransport(message);
  if (named === undefined) return undefined;
  return { cause: 'abnormal_closure', confidence: 0.45, evidence: { kind: 'error.message', detail: `a server's own error record after the session opened names its transport failing ("${named}"), not its application: the connection dropped without a Close frame → abnormal_closure (rule inferred.transport_error_after_open, RFC 6455 §7.1.5: 1006)` } };
}

/**
 * A server's own error record of a failed attempt, before any answer and with no other evidence, whose error is the connection's
 * closed state (`self=closed`): the peer closed or reset it before the upgrade was answered → network_reset, by the reset/EOF
 * convention (rule inferred.closed_before_answer).
 */
function closedBeforeAnswer(message: string | undefined): Finding | undefined {
  const stated = message === undefined ? undefined : recordStatesClosed(message);
  if (stated === undefined) return undefined;
  return { cause: 'network_reset', confidence: 0.45, evidence: { kind: 'error.message', detail: `a server's own error record states the connection closed ("${stated}") before any answer: the peer went away mid-request → network_reset (rule inferred.closed_before_answer)` } };
}

/**
 * A server's own error object (an exception class, its one-line message) beside the close it started without a code (none, or
 * the 1005 its API reports): the application's error ended the session it had opened, no peer or network did.
 */
function closedOnOwnError(context: EvidenceContext): boolean {
  const { event } = context;
  const name = event.error?.name;
  const code = context.closeCode;
  return name !== undefined && EXCEPTION_CLASS.test(name) && event.close?.initiator === 'server' && (code === undefined || code === 1005);
}

/**
 * A listener's failed attempt, with nothing else recorded, whose own log shows its TLS handshake completed and nothing of the layer
 * above after it (no request read): the client went away after the TLS handshake and before its upgrade request (a client that
 * refused the certificate once the handshake was over, curl's host name check): network_reset, convention 2 ("after the TLS
 * handshake, before the upgrade's answer"; round 34, eng-b1).
 */
function closedAfterLoggedHandshake(context: EvidenceContext): Finding | undefined {
  const logged = listenerLoggedHandshake(context);
  if (logged?.state !== 'completed') return undefined;
  return { cause: 'network_reset', confidence: 0.4, evidence: { kind: `labels.${logged.key}`, detail: `the ${context.event.source.kind}'s own log shows its TLS handshake completed and no request after it, and the attempt failed with nothing else recorded: the client went away after the TLS handshake, before its upgrade request → network_reset (rule inferred.closed_after_logged_handshake, convention 2)` } };
}

export const otherFailureClassifier: Classifier = {
  name: 'other-failure',
  attribution: 'other',
  classify(context): Candidate | undefined {
    const { event } = context;
    // Event fields read once into locals.
    const outcome = event.outcome;
    const kind = event.source.kind;
    const error = event.error;
    // A closed session answers even without evidence: no close at all after open is a drop (session-end.ts).
    if (outcome === 'connected' && context.hits.length === 0 && context.closeCode === undefined && event.handshake === undefined) return undefined;
    // An observer's 101 whose recorded fields the client must refuse (answer-labels.ts): read only on a proxy's or server's 101.
    const answerFault = context.status === 101 && outcome !== 'failed' && (kind === 'proxy' || kind === 'server') ? (recordedAnswerFault(event) ?? clientRefusedAnswer(event)) : undefined;
    // Most traffic: no error, text or coded fact, no refusal (101 or no status), and no close code on a connect or a normal one
    // (1000/1001, causes of `none`): none of the findings below can arise, so answer without allocating.
    if (
      outcome !== 'failed' && error === undefined && context.hits.length === 0 && context.codes.length === 0 &&
      (context.status === undefined || context.status === 101) &&
      (context.closeCode === undefined ? outcome === 'connected' : context.closeCode === 1000 || context.closeCode === 1001) &&
      answerFault === undefined
    )
      return undefined;
    const findings: Finding[] = [];
    if (answerFault) findings.push(answerFault);
    const status = statusFinding(context);
    if (status) findings.push(status);
    const hits = context.hits;
    // A proxy that answered 101 before it dialled states its upstream leg's failure before that leg opened: the client's 101
    // is not the upstream's answer, and a reset there is the upstream's, before open (upstream-leg.ts).
    const upstreamFailed = context.upstreamFailure !== undefined;
    const opened = upstreamFailed ? undefined : context.status === 101 ? OPENED_BY_STATUS : outcome === 'closed' ? OPENED_BY_OUTCOME : undefined;
    // A failed upstream leg's answer is the one its line states (the upstream's 101 the proxy's dialer refused: protocol_error, convention 6).
    const answered = upstreamFailed ? upstreamAnswerStatus(error?.message) : context.status;
    // A read of the answer that failed without saying why, in an attempt that ran to a timeout: the timer ended it
    // (answer-read.ts). Only a failed connect that never opened can have run to its handshake timer.
    const timeable = !opened && outcome === 'failed' && event.timing !== undefined;
    // A made-up 1005/1006's reason that is also the error's message describes the code (session-end.ts), not how it ended.
    const ownCode = describesOwnCode(context);
    // A server's uncaught exception of the application's own class after open, whose message alone holds the reset words
    // ("RuntimeError: redis connection lost"): the words are of another resource; the exception ended the session (raised-exception.ts).
    const appReset = opened !== undefined && kind === 'server' && error?.message !== undefined && hits.some((hit) => hit.cause === 'network_reset') && resetWordsOnlyInApplicationException(error.message);
    // A server's own stated close code before its peer's reset: the reset is the peer's teardown after that close (session-end.ts).
    const statedClose = opened !== undefined && context.closeCode !== undefined && context.statedCloseBeforeReset;
    // A client's timer that ran out a second or more after its upgrade was refused: the refusal's status is the label (answer-read.ts).
    const refusedBeforeTimeout = (status?.cause === 'http_rejected' || status?.cause === 'http_auth_rejected') && answeredBeforeTimeout(context) ? status : undefined;
    // Drop words only in the emitter's own teardown lines beside a Close frame read or a refused answer: the close or the answer states the end (session-end.ts).
    // A library's statement that its socket is closed beside the peer's Close frame is no drop either (session-end.ts, round 35).
    const teardown = hits.length > 0 && error !== undefined && ((error.message !== undefined && dropOnlyInTeardown(context)) || closedStateBesideCloseFrame(context));
    let timerAfterAnswer = false;
    let cutShort: Finding | undefined;
    for (const hit of hits) {
      if ((ownCode || appReset || statedClose || teardown) && hit.cause === 'network_reset') continue;
      // A proxy's line that says no upstream server was reached: its read errors and resets are no server's (codes/proxy.ts).
      if (hit.cause === 'network_reset' && kind === 'proxy' && noUpstreamReached(error?.message)) continue;
      // The close-code test first: a number compare, where the set lookup hashes the rule id for every hit.
      if (notSentCode(context.closeCode) && REASON_ONLY_RULES.has(hit.rule)) continue;
      if (hit.rule === PROTOCOL_VERSION_RULE && event.tls?.alert !== undefined) continue;
      if (hit.attribution !== 'other') {
        if (hit.attribution === '1010' && hit.concept && outcome === 'closed' && context.closeCode !== 1010) findings.push(extensionWordsAfterOpen(hit));
        continue;
      }
      const cause = hit.cause;
      if (refusedBeforeTimeout !== undefined && cause === 'network_timeout') {
        if (!timerAfterAnswer) findings.push(timeoutAfterAnswer(hit, refusedBeforeTimeout, context.status as number));
        timerAfterAnswer = true;
      } else if (opened && cause === 'network_reset') findings.push(afterOpen(hit, opened));
      // A close without a Close frame stated of an attempt that never opened (no answer, no code): the 1006 before open (round 41, r41-b).
      else if (hit.rule === CLOSED_WITHOUT_CLOSE_RULE && !opened && outcome === 'failed' && context.status === undefined && (context.closeCode === undefined || context.closeCode === 1006) && !namesDrop(error?.message)) findings.push(closedBeforeOpen(hit));
      else if (NO_CAUSE_UPSTREAM_RULES.has(hit.rule)) { if (context.gatewayStatus) findings.push(statedWithoutCause(hit)); }
      else if (hit.rule === 'concept.http_status' && !upstreamFailed && gatewayText(hit, context)) findings.push(statedGatewayStatus(hit));
      // The gateway status restated by its reason phrase ("code": 502, "reason": "Bad Gateway") is the same status: it weighs as one.
      else if (hit.rule === 'concept.status_reason_phrase' && context.gatewayStatus && upstreamSide(context)) findings.push(statedGatewayStatus(hit));
      else if (hit.rule === 'concept.http_status' && opened && handlerFailedAfterOpen(hit, context)) findings.push(handlerFailed(hit));
      else if (opened && statedOwn1011ForNamedCondition(hit, context)) findings.push(STATED_OWN_1011);
      // A carried protocol's reply error in words: the server's failure on a session that opened, no evidence before it. A Close
      // frame's code states the cause itself (its reason restated in the message adds nothing).
      else if (hit.ambiguity === 'session') { if (opened && event.close?.on_wire !== true) findings.push(replyErrorAfterOpen(hit, opened)); }
      else if (cause === 'http_rejected' || hit.ambiguity === 'answer') findings.push(answerVerdict(hit, answered));
      else if (hit.rule === MALFORMED_ANSWER_RULE && malformedVerdictOnly(error?.message)) findings.push(answerVerdict({ ...hit, ambiguity: 'answer' }, answered));
      // Data that ended inside an HTTP reader before any answer: the connection's EOF (stream-reader-ends.ts, round 41).
      else if (!opened && hit.rule === DATA_CUT_SHORT_RULE && (cutShort = answerCutShort(hit, error?.name, context.status)) !== undefined) findings.push(cutShort);
      else if (timeable && isUntimedRead(hit, event)) {
        const timedOut = ranToTimeout(context);
        findings.push(timedOut ? timedRead(hit, timedOut) : hit);
      } else findings.push(hit);
    }
    takeFindings(context.codes, 'other', findings);
    // A refused upgrade whose answer names the subprotocol (a 400 body: "invalid subprotocol"): refused for that reason.
    if (status?.cause === 'http_rejected' && !context.gatewayStatus) {
      const subprotocol = hits.find((hit) => hit.cause === 'subprotocol_mismatch') ?? subprotocolNamed(context);
      if (subprotocol)
        findings.push({ cause: 'subprotocol_mismatch', confidence: status.confidence + 0.01, evidence: { kind: subprotocol.evidence.kind, detail: `${subprotocol.evidence.detail}, in the answer to a refused upgrade: the server refused it for the subprotocol (rule inferred.refused_for_subprotocol)` } });
    }
    // A 400 beside a text naming a WebSocket header of the request missing or bad: the request broke the opening handshake.
    if (status?.cause === 'http_rejected') {
      const header = requestFieldNamed(context);
      if (header) findings.push(refusedForRequestHeader(status, header));
      // A 400 whose text is the server's parser refusing the request's first bytes: the request broke the handshake before any header.
      else if (context.status === 400 && !context.gatewayStatus) {
        const parser = hits.find((hit) => hit.rule === REQUEST_START_RULE);
        if (parser) findings.push(refusedByRequestParser(status, parser));
      }
    }
    // A 403 (the field's or a text's) beside credentials refused in words: refused for the credentials.
    const credentials = credentialWords(hits);
    if (credentials) {
      const refusal = status?.cause === 'http_rejected' && context.status === 403 ? status : hits.find((hit) => statedStatus(hit) === 403);
      if (refusal) findings.push(refusedForCredentials(refusal, credentials));
    }
    const close = closeFinding(context);
    if (close) findings.push(close);
    // An application code the server sent beside its own exception: the exception says why, where no text names a cause.
    if (findings.length === 0 && applicationCodeBesideOwnError(context)) findings.push(applicationCodeErrorFinding(error?.message));
    // A carried protocol's error before the client's own clean close, whose words name no cause (Pusher's 4003 "Application is disabled").
    if (findings.length === 0 && carriedErrorBeforeOwnClose(context)) findings.push(CARRIED_ERROR_UNNAMED);
    // An application code read from a Close frame whose reason says something failed or was refused, naming no cause (obs-websocket's
    // 4010 "Your requested RPC version (1) is not supported"): convention 11 reads the code by its words, no clean close.
    const reason = event.close?.reason;
    if (findings.length === 0 && reason && event.close?.on_wire === true && context.closeCode !== undefined && context.closeCode >= 3000 && context.closeCode <= 4999 && reasonNamesFailure(reason)) findings.push(APPLICATION_FAILED);
    // A made-up 1006 before open with no text at all (no error message, name or code, no close reason) is none of the texts that
    // disqualify the whole-second bound: the bound decides over the API's bare verdict (answer-read.ts carriesNoText).
    if ((close === BEFORE_OPEN_1006 || close === BEFORE_OPEN_1006_SECURE) && timeable && carriesNoText(event)) {
      const timedOut = ranToTimeout(context);
      if (timedOut) findings.push(timedOutBefore1006(timedOut));
    }
    if (context.closeCode === 1006) {
      const reasonCode = reasonCodeFinding(context);
      if (reasonCode) findings.push(reasonCode);
      const keepalive = keepaliveBefore1006(context);
      if (keepalive) findings.push(keepalive);
    }
    if (clientReceived1010(event.source, error?.message)) findings.push(SERVER_1010_TEXT);
    // A request timeout after a fault the emitter logged at error level: the fault decides (fault-before-timeout.ts).
    if (opened && error !== undefined && event.labels !== undefined) {
      const fault = faultBeforeRequestTimeout(context);
      if (fault) findings.push(fault);
    }
    if (opened && kind === 'server' && serverOwnError(context, appReset)) findings.push(transportFailedAfterOpen(error?.message) ?? SERVER_OWN_ERROR);
    // Its own log's error-level record of the exception the event carries, beside a close the API gives the client (round 41).
    if (opened && kind === 'server' && outcome === 'closed' && context.closeCode === undefined && error !== undefined && !hits.some((hit) => hit.attribution === 'other')) {
      const logged = loggedHandlerException(event);
      if (logged) findings.push(logged);
    }
    if (kind === 'server' && outcome === 'failed') {
      const refused = requestRefusedByServer(context);
      if (refused) findings.push(refused);
      else if (hits.length === 0 && context.status === undefined) {
        const closed = closedBeforeAnswer(error?.message);
        if (closed) findings.push(closed);
      }
    }
    // A server's or proxy's error naming no cause that is its AEAD open failing on the peer's message: a shared key refused (aead-open.ts).
    if (findings.length === 0 && error !== undefined && context.status === undefined && context.closeCode === undefined && (kind === 'server' || kind === 'proxy')) {
      const keyed = keyedMessageUnauthenticated(error.message);
      if (keyed) findings.push(keyed);
    }
    if (findings.length === 0 && outcome === 'failed' && error === undefined && (kind === 'server' || kind === 'proxy')) {
      const after = closedAfterLoggedHandshake(context);
      if (after) findings.push(after);
    }
    if (findings.length === 0 && outcome === 'failed') {
      // Only an event with no text at all: a text that names no cause is the library's report of a failure, no timer's.
      const noText = carriesNoText(event);
      // A server's own log naming the peer's end of the connection is text: it decides, not the attempt's length (answer-read.ts).
      const logDrop = noText ? ownLogDrop(event) : undefined;
      const timedOut = timeable && noText && logDrop === undefined ? ranToTimeout(context) : undefined;
      findings.push(logDrop ?? (timedOut ? timedOutWithoutEvidence(timedOut) : noText && context.status === 101 && event.close === undefined ? REFUSED_101 : (answerFieldAsError(error?.message) ?? FALLBACK)));
    }
    // An open session that ended with no close at all (no code, nobody named as closing, no error): no Close frame came (session-end.ts).
    else if (findings.length === 0 && outcome === 'closed' && error === undefined && context.closeCode === undefined) {
      const ended = endedWithoutClose(context);
      if (ended) findings.push(ended);
    }
    // An open session that ended in an error naming no cause and no close code: no Close frame came (RFC 6455 §7.1.5: 1006).
    // An outcome still connected says the session did not end (a carried protocol's error the session outlived: Pusher's 4301 rate limit).
    // A server's own error naming a parse failure of the peer's bytes decides why (stream-reader-ends.ts, round 41).
    else if (findings.length === 0 && opened && outcome !== 'connected' && error !== undefined && context.closeCode === undefined)
      findings.push((kind === 'server' ? peerBytesUnparsed(error.message) : undefined) ?? OPENED_THEN_ERROR);
    return strongestCandidate('other', findings, otherRemediation);
  },
};
