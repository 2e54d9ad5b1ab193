// `none`: the connection succeeded, or closed normally (1000, 1001, or a clean close without a status).
import { ownKeepaliveClose, refusedRegisteredCode } from '../../close-reason-facts.js';
import type { Cause } from '../../../schemas/classification.js';
import { takeFindings, type Candidate, type Classifier, type Finding } from '../../candidate.js';
import { closeCodeRow, type CloseCodeRow } from '../../close-codes.js';
import { strongestCandidate } from '../../findings.js';
import { closedBySide, closedStateBesideCloseFrame, codelessCloseFrame, describesOwnCode, dropOnlyInTeardown, serverSaysDropped, serverSaysStopping, textsNameDrop } from '../../session-end.js';
import { proxyRecordCode } from '../../codes/proxy-result.js';
import { TUNNEL_PASSED } from '../../proxy-tunnel.js';
import { relayFactsOf } from '../../relay/session.js';
import type { EvidenceContext } from '../../evidence-context.js';
import { serverFailureKind } from '../../server-log-levels.js';
import { closeSideUnnamed, namesInvalidPayload } from '../../close-codes.js';
import { reasonNamesFailure } from '../../concepts/scanner.js';
import { applicationCodeBesideOwnError, carriedErrorBeforeOwnClose } from '../../application-close-error.js';
import { clientDisconnectRecorded } from '../../mqtt-disconnect.js';

const noneRemediation: Partial<Record<Cause, string>> = {
  connected: 'No action: the connection was established.',
  normal_closure: 'No action: the connection closed normally (1000).',
  going_away:
    'Usually no action: an endpoint went away (1001: page navigation, server shutdown or deploy); if it is frequent during deploys, drain connections and let clients reconnect with backoff.',
};

const CLEAN_1005: Finding = { cause: 'normal_closure', confidence: 0.6, evidence: { kind: 'close.code', detail: '1005: a Close frame without a status code, a clean close (rule close_codes.1005)' } };
const CLOSED: Finding = { cause: 'normal_closure', confidence: 0.5, evidence: { kind: 'outcome', detail: 'outcome closed without a close code or error, with the closing side or a close reason named (rule outcome.closed)' } };
// A relay's per-connection line on a connection that closed: the peer ended it (hitch "Connection closed by backend",
// OpenSSL 3 "unexpected eof while reading": the peer closed TCP without close_notify after the data).
// @see https://github.com/varnish/hitch/blob/master/src/hitch.c (handle_socket_errno, "Connection closed by")
// @see https://www.openssl.org/docs/man3.0/man3/SSL_get_error.html (SSL_R_UNEXPECTED_EOF_WHILE_READING)
// A Squid-format access-log line of a 101 (Traffic Server's squid.log "TCP_MISS/101") is written when the tunnel ends.
// @see https://docs.trafficserver.apache.org/en/9.2.x/admin-guide/logging/examples.en.html (Squid format)
// A Common/Combined Log Format line of a 101 ("GET /ws HTTP/1.1" 101 0) is an access log's record of the tunnel, written when it ends.
// @see https://httpd.apache.org/docs/2.4/logs.html#common (Common Log Format: "%r" %>s)
// Go's net.ErrClosed ("use of closed network connection") is I/O on a connection this process had closed: a relay (ghostunnel's
// "error during copy: …: use of closed network connection") tears the pipe down once one side ended, no peer failed.
// @see https://pkg.go.dev/net#ErrClosed
const ORDERLY_END = /\bconnection closed by (?:backend|peer|client|server|remote host|foreign host)\b|\bunexpected eof while reading\b|\b(?:TCP|NONE)_[A-Z_]+\/101\b|"[A-Z]+ \S+ HTTP\/\d(?:\.\d)?" 101\b|\buse of closed network connection\b/i;
// A log line that records an error for the connection (Squid's %err_code "err=ERR_CANNOT_FORWARD", an error code field)
// does not record an orderly end, whatever its result code says.
const LOGGED_ERROR = /\berr(?:or)?[=:]\s*ERR_[A-Z_]+/;
const ENDED: Finding = { cause: 'normal_closure', confidence: 0.6, evidence: { kind: 'error.message', detail: 'outcome closed, and the error text is a per-connection log line of the connection ending (rule outcome.closed_logged)' } };
// A proxy's access-log record of the tunnel with its success code (3proxy's 0, "operation successfully completed"): the
// proxy sees no frames, and its record shows an orderly end only without an error code (as Squid's TCP_TUNNEL/101 line).
// @see https://github.com/3proxy/3proxy/blob/master/doc/html/howtoe.html#ERRORS
const RECORD_ENDED: Finding = { cause: 'normal_closure', confidence: 0.6, evidence: { kind: 'error.message', detail: "outcome closed, and the proxy's access-log record of the tunnel carries its success result code 0: an orderly end of the tunnel (rule outcome.proxy_record_success)" } };
// The server named as closing with no code (a closing handshake it started, convention 2; a reason alone may be the API's words) beside an error whose texts name no cause
// (Gatling's "WebSocket crashed while waiting for check: " with the empty reason of a status-less Close frame): the error is the
// API's report of that close, above a drop read from an error that names nothing (0.3), below any cause a text names.
const SIDE_CLOSED: Finding = { cause: 'normal_closure', confidence: 0.4, evidence: { kind: 'close.initiator', detail: 'outcome closed without a close code, the server named as closing, and an error whose texts name no cause: the API reports the close that side started (rule outcome.side_closed, RFC 6455 §7.1.2)' } };
const CLIENT_CLOSED: Finding = { cause: 'normal_closure', confidence: 0.5, evidence: { kind: 'outcome', detail: 'outcome closed without a close code, the client named as the side that closed: its own close, which its error text reports (rule outcome.client_closed)' } };
// A forward proxy's lines of a tunnel or upgrade that went through (proxy-tunnel.ts): it sees no frames after that, so with
// no cause in its lines (a failure named wins: the other classifier's findings outweigh 0.5) the connection opened. A relay's
// data log that shows TLS application data passed both ways (relay/session.ts) says the same of a TLS tunnel.
const PROXY_PASSED_FINDING: Finding = { cause: 'connected', confidence: 0.5, evidence: { kind: 'error.message', detail: "outcome connected, and the proxy's lines show the tunnel established (a 2xx to CONNECT) or the upstream's 101 passed on, with no failure named (rule outcome.proxy_passed, RFC 9110 §9.3.6)" } };
// A relay's debug trace of an opened session whose first end was an orderly shutdown (recv(2) returned 0: a FIN) by either
// side, before any error on a socket: a close whose closing side is reported (convention 2); the relay sees no close code.
const RELAY_ORDERLY: Finding = { cause: 'normal_closure', confidence: 0.55, evidence: { kind: 'error.message', detail: "outcome closed, and the relay's trace shows the session's first end as an orderly shutdown (FIN, recv(2) returned 0) before any socket error: a close whose closing side is reported (rule relay.orderly_end, convention 2)" } };
// A server's own record of its MQTT client's DISCONNECT as the last packet of a session that then ended with no close code (round 36,
// eng-d1; mqtt-disconnect.ts): the client closed the MQTT session cleanly (MQTT 3.1.1 §3.14), a closing side the event names in its
// carried protocol's words (convention 3). Above a drop read from an error that names nothing (0.3), below any cause a text names.
const MQTT_DISCONNECT: Finding = { cause: 'normal_closure', confidence: 0.42, evidence: { kind: 'labels.server_log', detail: "outcome closed without a close code, and the server's own log records the client's MQTT DISCONNECT as the last packet it received, no error after it: the client ended the session cleanly (rule outcome.mqtt_client_disconnect, MQTT 3.1.1 §3.14)" } };
const CONNECTED: Finding = { cause: 'connected', confidence: 0.8, evidence: { kind: 'outcome', detail: 'outcome connected without an error (rule outcome.connected)' } };

function closeCodeFinding(code: number, row: CloseCodeRow, confidence: number): Finding {
  return { cause: row.cause as Cause, confidence, evidence: { kind: 'close.code', detail: `close code ${code} ${row.name} (rule close_codes.${code})` } };
}

/** One finding's candidate, built once: most events of a connection stream are successes and normal closes. */
const single = (finding: Finding): Candidate => {
  const { attribution, cause, confidence, findings, remediation } = strongestCandidate('none', [finding], noneRemediation) as Candidate;
  return { attribution, cause, confidence, findings, remediation, evidence: [finding.evidence] };
};
const CONNECTED_CANDIDATE = single(CONNECTED);
// A client whose session is still open after a 101 (outcome connected, no close) beside an error: a carried protocol's error that the
// session outlived (Pusher's pusher:error 4301 "Client event rejected due to rate limit", a channel's subscription refused with
// "Invalid signature"; the Pusher protocol sends both on an open connection, and closes it only for its own 4000-4299 codes). Low, so
// that a cause any text names wins (a message over the limit), except credentials refused in words: http_auth_rejected is the
// upgrade's refusal, and the 101 says the upgrade passed, so the credentials refused were something's inside the session.
// @see https://pusher.com/docs/channels/library_auth_reference/pusher-websockets-protocol/#pusher-error-pusher-channels-client
const OUTLIVED_ERROR: Finding = { cause: 'connected', confidence: 0.35, evidence: { kind: 'outcome', detail: "outcome connected after a 101, no close, beside an error naming no cause: a carried protocol's error the session outlived (rule outcome.connected_outlived_error)" } };
const OUTLIVED_REFUSAL: Finding = { cause: 'connected', confidence: 0.5, evidence: { kind: 'outcome', detail: "outcome connected after a 101, no close, beside credentials refused in words: the upgrade passed, so something inside the session was refused, not the connection (rule outcome.connected_outlived_refusal)" } };
const OUTLIVED_ERROR_CANDIDATE = single(OUTLIVED_ERROR);
// A server's event recorded open (outcome connected) whose error texts and coded fields name nothing at all (its warning about its own
// configuration, "peer verification is disabled"): a server's log line is one of its running records, no failure is shown, and an open
// session is what the event records. Low, above the engine's no-evidence answer (0.1): any cause a text names outweighs it. A client's
// error object beside an open session is its library reporting a failure, and stays the other classifier's (round 33). Round 35, eng-c1.
const OPEN_BESIDE_NAMELESS_TEXT_CANDIDATE = single({ cause: 'connected', confidence: 0.3, evidence: { kind: 'outcome', detail: 'outcome connected, beside an error text that names no failure and no cause: the session is open (rule outcome.connected_nameless_text)' } });
const OUTLIVED_REFUSAL_CANDIDATE = single(OUTLIVED_REFUSAL);

/** A client's session still open after a 101 beside an error (no close): the error's refusal or failure did not end it. */
function outlivedErrorCandidate(context: EvidenceContext): Candidate | undefined {
  const { event } = context;
  if (event.outcome !== 'connected' || event.source.kind !== 'client' || context.status !== 101 || event.close !== undefined) return undefined;
  // A named error (its type or code: "pusher:error", 4301); a bare message with nothing named stays the other classifier's.
  if (!event.error?.name && (event.error?.code === undefined || event.error.code === '')) return undefined;
  if (context.codes.length === 0 && context.hits.length > 0 && context.hits.every((hit) => hit.cause === 'http_auth_rejected')) return OUTLIVED_REFUSAL_CANDIDATE;
  return OUTLIVED_ERROR_CANDIDATE;
}
// A server's own lines that it was going down while the session was open, and no close code (session-end.ts serverSaysStopping):
// 1001's "a server going down" (RFC 6455 §7.4.1), whether or not a Close frame went out; a reset or EOF that follows is the
// shutdown's effect (rocket's "IO driver has terminated", BrokenPipe, after "Received SIGTERM"). Above such a drop (0.65); a cause
// other than a drop that a text names keeps the other classifier's answer.
const SERVER_STOPPING_CANDIDATE = single({ cause: 'going_away', confidence: 0.7, evidence: { kind: 'outcome', detail: "outcome closed with no close code, and the server's own lines say it was going down (a termination signal, a shutdown requested, the server stopping its sessions): 1001's \"server going down\" (rule outcome.server_stopping, RFC 6455 §7.4.1)" } });
const CLOSED_CANDIDATE = single(CLOSED);
const CLEAN_1005_CANDIDATE = single(CLEAN_1005);
// Below a 1000 beside an error (0.85), above a reset read as a drop after open (0.75).
const CLOSE_FRAME_BEFORE_DROP_CANDIDATE = single({ cause: 'normal_closure', confidence: 0.8, evidence: { kind: 'close.code', detail: '1005: a Close frame without a status code, sent by the side the event names as closing, beside texts that name only a drop: the closing handshake ended the session, the drop is its teardown (rule close_codes.1005_before_drop, RFC 6455 §7.1.5)' } });
const ENDED_CANDIDATE = single(ENDED);
const RECORD_ENDED_CANDIDATE = single(RECORD_ENDED);
// Per close code, without and with an error: the candidate depends on nothing else (a few codes, never evicted).
const byCode = new Map<number, Candidate | null>();

function closeCodeCandidate(code: number, hasError: boolean): Candidate | undefined {
  const key = hasError ? -code - 1 : code;
  let candidate = byCode.get(key);
  if (candidate === undefined) {
    const row = closeCodeRow(code);
    candidate =
      row?.cause === 'normal_closure' || row?.cause === 'going_away'
        ? single(closeCodeFinding(code, row, hasError ? 0.85 : (row.confidence ?? 0.9)))
        : !hasError && code === 1005
          ? CLEAN_1005_CANDIDATE
          : null;
    // Any integer can arrive: only table codes are kept.
    if (row) byCode.set(key, candidate);
  }
  return candidate ?? undefined;
}

/** A clean end the close's reason names in words (going away, a reconnect asked for): read where no registered code decides. */
function reasonCandidate(context: EvidenceContext): Candidate | undefined {
  if (!context.event.close?.reason) return undefined;
  const named: Finding[] = [];
  takeFindings(context.hits, 'none', named);
  return named.length > 0 ? strongestCandidate('none', named, noneRemediation) : undefined;
}

/** Whether no text or coded field names a cause (a failure, a reset or a drop): the event's texts say no more than its close. */
function namesNoCause(context: EvidenceContext): boolean {
  if (!textsNameDrop(context)) return !namesFailure(context);
  // A drop named only in the emitter's teardown lines beside the Close frame it read is no cause of its own (session-end.ts).
  // So is a library's statement that its socket is closed beside the peer's Close frame (session-end.ts, round 35).
  if (!dropOnlyInTeardown(context) && !closedStateBesideCloseFrame(context)) return false;
  for (const hit of context.hits) if (hit.attribution !== 'none' && hit.cause !== 'unknown_failure' && hit.cause !== 'network_reset' && hit.cause !== 'abnormal_closure') return false;
  for (const hit of context.codes) if (hit.attribution !== 'none' && hit.cause !== 'unknown_failure') return false;
  return true;
}

// An application code (3000-4999) names no cause of its own (RFC 6455 §7.4.2); read from a Close frame, it shows a closing
// handshake the application started on purpose. With no cause in its reason or any text (a TLS or certificate word that names
// no failure included: "client tls session cache cleared"), and no word that something failed or was refused ("Forbidden": a
// refusal whose cause is not told stays unknown), it is a clean close; a cause named (0.4 and up) wins.
const CLEAN_APPLICATION: Finding = { cause: 'normal_closure', confidence: 0.4, evidence: { kind: 'close.code', detail: 'application close code (3000-4999) read from a Close frame, whose reason and texts name no cause: a closing handshake the application started, a clean close (rule close_codes.application_clean, RFC 6455 §7.4.2)' } };

// The same code as the server's API reports it (on_wire false: the emitter cannot tell the frame), with the closing side named and
// no reason and no error at all (http4k's close(WsStatus(4001, ""))): nothing says anything failed, the application closed on
// purpose; lower than a code read from a frame, so that any text's cause wins.
const REPORTED_APPLICATION_CANDIDATE = single({ cause: 'normal_closure', confidence: 0.35, evidence: { kind: 'close.code', detail: 'application close code (3000-4999) that the API reports, with the closing side named and no reason, error or text naming a cause: a close the application started, a clean close (rule close_codes.application_reported, RFC 6455 §7.4.2)' } });

// The same code and a reason, reported by the side that closed (initiator = the event's source) with no error: its own close.
const OWN_APPLICATION: Finding = { cause: 'normal_closure', confidence: 0.4, evidence: { kind: 'close.code', detail: 'application close code (3000-4999) with a reason that names no failure, reported by the side that closed (its own close, whatever the emitter saw of the frame): a close the application started, a clean close (rule close_codes.application_own, RFC 6455 §7.4.2)' } };

/**
 * An application code (3000-4999, RFC 6455 §7.4.2) names no cause of its own: its reason's words may name a clean end
 * ("shutdown"), or a cause (the other classifier's findings); naming none, a code read from a Close frame is a clean close.
 * A code the API made up (`on_wire` false: SocketCluster's 4000 "Server ping timed out") is read by its words alone.
 */
function applicationCloseCandidate(context: EvidenceContext, code: number): Candidate | undefined {
  if (code < 3000 || code > 4999) return undefined;
  // The server's own exception beside the code it sent says why it closed (application-close-error.ts): only a clean end it
  // names in words stays here; the other classifier reads the failure.
  if (applicationCodeBesideOwnError(context)) {
    const named: Finding[] = [];
    takeFindings(context.hits, 'none', named);
    return named.length > 0 ? strongestCandidate('none', named, noneRemediation) : undefined;
  }
  const close = context.event.close;
  if (close?.on_wire === false && !close.reason && context.event.error === undefined && closedBySide(context) && namesNoCause(context)) return REPORTED_APPLICATION_CANDIDATE;
  // The side that reports the close is the side that closed (a server's own close(4001, "tls session ended"), Workerman's
  // $connection->close()): the code and reason are the application's own, whatever the emitter saw of the frame; a reason that
  // names no failure and no cause is a close the application started on purpose, read as one from a Close frame.
  if (close?.on_wire === false && close.reason && close.initiator === context.event.source.kind && context.event.error === undefined && namesNoCause(context) && !reasonNamesFailure(close.reason)) {
    const named: Finding[] = [OWN_APPLICATION];
    takeFindings(context.hits, 'none', named);
    return strongestCandidate('none', named, noneRemediation);
  }
  if (close?.on_wire === false || !namesNoCause(context) || reasonNamesFailure(close?.reason ?? '')) return reasonCandidate(context);
  // A clean end the reason names in words ("shutting down": going_away, 0.5) stands above the code's reading.
  const named: Finding[] = [CLEAN_APPLICATION];
  takeFindings(context.hits, 'none', named);
  return strongestCandidate('none', named, noneRemediation);
}

// A 1005 (a Close frame without a status, RFC 6455 §7.1.5) beside an error whose texts name no cause: the error is the API's
// report of that close ("websocket: close 1005 (no status)", "socket closed: 1005"), so the close reads as it would alone;
// lower than a bare 1005 (0.6), so that a server's own failure record (0.45) or any cause a text names (0.4 and up) wins.
const RESTATED_1005_CANDIDATE = single({ cause: 'normal_closure', confidence: 0.4, evidence: { kind: 'close.code', detail: '1005: a Close frame without a status code, beside an error whose texts name no cause: the API reports that close, a clean close (rule close_codes.1005_restated, RFC 6455 §7.1.5)' } });

// A reason an API writes when it has none: partysocket dispatches a CloseEvent it made up (code 1000, reason "unknown reason")
// before re-dispatching the error that ended the socket (maker's reading of partysocket 1.3.0, holdout-25 README, lab e).
// @see https://github.com/partykit/partykit/blob/main/packages/partysocket/src/ws.ts (_disconnect, _handleClose)
const PLACEHOLDER_REASON = /^\W*(?:unknown(?: reason)?|no reason(?: given| provided)?|none|n\/a|null|undefined)\W*$/i;

/**
 * A proxy's record of a Close frame without a status that a named side sent (session-end.ts codelessCloseFrame), beside a drop stated
 * only in its error's message lines and no other cause: RFC 6455 §7.1.5 gives a connection whose Close frame was received the frame's
 * code, here 1005, whatever the transport did after it. A proxy relays two legs, and a log line's drop may be either's after the
 * Close it relayed ended the session (round 36, eng-d2: a tunnel client's "local error read ECONNRESET" on its leg to the origin after
 * the origin's Close). A drop in the error's own code or name (`error.code` ECONNRESET) is the proxy's socket error for the session
 * and keeps its reading (holdout34-http-proxy-3-13, labelled a drop); so does a client's or server's own drop beside a 1005, on the
 * session's one connection (round 35's hard negatives).
 */
function codelessCloseBeforeDrop(context: EvidenceContext): boolean {
  if (context.event.source.kind !== 'proxy' || !codelessCloseFrame(context) || context.codes.length > 0 || !namesOnlyDrops(context)) return false;
  let drop = false;
  for (const hit of context.hits) {
    if (hit.attribution === 'none') continue;
    if (hit.evidence.kind !== 'error.message') return false;
    drop = true;
  }
  return drop;
}

/** Whether the texts name no cause but a drop (a reset, an EOF) or a clean end: nothing failed but the connection itself. */
function namesOnlyDrops(context: EvidenceContext): boolean {
  const drop = (hit: { attribution: string; cause: string }): boolean => hit.attribution === 'none' || hit.cause === 'unknown_failure' || hit.cause === 'network_reset' || hit.cause === 'abnormal_closure';
  return context.hits.every(drop) && context.codes.every(drop);
}

/** Whether a text states the session closed without a Close frame (a 1006 or an abnormal closure named: concept.closed_without_close, a stated 1006). */
function statesAbnormalClosure(context: EvidenceContext): boolean {
  for (const hit of context.hits) if (hit.cause === 'abnormal_closure') return true;
  return false;
}

/** Whether a text or coded field names a failure (an `other`, 1010 or 1015 cause other than unknown_failure). */
function namesFailure(context: EvidenceContext): boolean {
  for (const hit of context.hits) if (hit.attribution !== 'none' && hit.cause !== 'unknown_failure') return true;
  for (const hit of context.codes) if (hit.attribution !== 'none' && hit.cause !== 'unknown_failure') return true;
  return false;
}

/** Whether the server's text records a failure its 1000 reacted to: an uncaught exception, or an error record and no client-started close. */
function failedBeforeClose(event: EvidenceContext['event']): boolean {
  const failure = serverFailureKind(event);
  if (failure === 'record') return !(event.close?.initiator === 'client' && event.close.on_wire === true);
  return failure === 'uncaught';
}

/**
 * Whether a close code the API made up (on_wire false: no Close frame carried it) yields to the error beside it, because the
 * texts name how the session really ended; the other classifier decides then. RFC 6455 §7.1.5: a connection closed without a
 * Close frame is a 1006, and a clean close needs one. A library's error object for a real close (Go CloseError) comes with the
 * code read from the frame or a reason of its own.
 * - a reset or drop (tcllib's "Endpoint going away" 1001 after "connection abort"): its summary of the drop;
 * - a keepalive wait that ran out (Jetty's 1001 "Connection Idle Timeout"; convention "A keepalive timeout after open");
 * - a failure named beside a placeholder reason ("unknown reason"): the error is the session's end;
 * - a failure named beside a client API's code with no reason that no side is named as sending: a wrapper that hands the
 *   application a close event of its own for every error (reconnecting-websocket's `_disconnect()` dispatches
 *   CloseEvent(1000, '') before the error ws raised, "Invalid WebSocket frame: invalid status code 1005"): no closing
 *   handshake, the error ended the session. A reason of its own ("bye") is a real close's.
 * - a frame that broke RFC 6455 or a frame/message over a size limit, with nobody named as closing and no reason beyond the code's
 *   own name (a framework's close callback that reports 1001 "Going away" for every session that ended, whatever ended it; an API's
 *   CloseEvent(1000, "") before the error it re-dispatches): the exception names the cause. A reason of its own ("bye") is a peer's.
 */
function madeUpCodeYields(context: EvidenceContext): boolean {
  const close = context.event.close;
  if (close?.on_wire !== false) return false;
  return (
    (textsNameDrop(context) && !closedStateBesideCloseFrame(context) && !codelessCloseBeforeDrop(context)) ||
    context.hits.some((hit) => hit.rule === 'concept.keepalive_missed') ||
    (PLACEHOLDER_REASON.test(close.reason ?? '') && namesFailure(context)) ||
    (!close.reason && clientCodeUnsent(context) && namesFailure(context)) ||
    (closeSideUnnamed(close) && reasonSaysNoMore(close) && namesFrameFailure(context))
  );
}

// A timeout exception's type: Java's java.util.concurrent.TimeoutException and java.net.SocketTimeoutException, Jetty's
// WebSocketTimeoutException, Python's TimeoutError, .NET's TimeoutException: a timer the runtime itself ran out.
// @see https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/util/concurrent/TimeoutException.html
const TIMEOUT_EXCEPTION = /\b\w*Timeout(?:Exception|Error)\b/;

/**
 * A server's own timeout exception beside the close it sent (round 30, eng-x1; conventions 11 and 17): the server's record names
 * the timer that ended the session (Jetty's CloseException "java.util.concurrent.TimeoutException: Idle timeout expired" beside
 * its 1001), so the timeout decides, as the API's made-up 1001 beside "Connection Idle Timeout" does (holdout25-javalin-23). A
 * Close frame's reason alone ("Connection Idle Timeout", no exception) is the close's own words and stays the code's.
 */
function ownTimeoutException(context: EvidenceContext): boolean {
  const { source, close, error } = context.event;
  if (source.kind !== 'server' || close?.initiator !== 'server' || close.on_wire === true || error === undefined) return false;
  if (!TIMEOUT_EXCEPTION.test(error.name ?? '') && !TIMEOUT_EXCEPTION.test(error.message ?? '')) return false;
  return context.hits.some((hit) => hit.cause === 'network_timeout');
}

/**
 * A server's own record that its keepalive timer ended the session (concept.keepalive_missed in its message: "closing … connection
 * (keepalive timeout)", "no pong within 1000 ms") beside the 1000 it sent: a 1000 says the session's purpose was fulfilled (RFC 6455
 * §7.4.1), which the record contradicts; it says why the server closed (convention 17 over 11; the keepalive convention:
 * network_timeout). MQTT 3.1.1 §3.1.2.10: a server that receives no packet within one and a half keep-alive periods MUST disconnect
 * the client "as if the network had failed". A 1001 is a server's own going-away for an idle session and stays (round 19), and a
 * close reason's words stay the close's (convention 11). Round 35, eng-c1.
 * @see https://docs.oasis-open.org/mqtt/mqtt/v3.1.1/os/mqtt-v3.1.1-os.html#_Toc398718030 (3.1.2.10 Keep Alive)
 */
function ownKeepaliveRecord(context: EvidenceContext): boolean {
  const { source, close } = context.event;
  if (source.kind !== 'server' || close?.initiator !== 'server') return false;
  return context.hits.some((hit) => hit.rule === 'concept.keepalive_missed' && hit.evidence.kind === 'error.message');
}

/** A client's (or probe's) close code that the event names no side as sending (initiator absent or unknown): its API's own. */
function clientCodeUnsent(context: EvidenceContext): boolean {
  const { source, close } = context.event;
  return (source.kind === 'client' || source.kind === 'probe') && close !== undefined && closeSideUnnamed(close);
}

/** A close reason that adds nothing to its code: none, a placeholder ("unknown reason"), or the code's own name ("Going away"). */
function reasonSaysNoMore(close: NonNullable<EvidenceContext['event']['close']>): boolean {
  const reason = close.reason?.trim() ?? '';
  if (reason === '' || PLACEHOLDER_REASON.test(reason)) return true;
  const name = close.code === undefined ? undefined : closeCodeRow(close.code)?.name;
  return name !== undefined && reason.toLowerCase().replace(/[^a-z]+/g, '') === name.replace(/_/g, '');
}

/**
 * Whether a text names a frame-level protocol violation (RFC 6455 §5: masking, RSV bits, opcodes, control frames) or a frame or
 * message over a size limit (§7.4.1's 1009), in any framework's words: Netty's CorruptedWebSocketFrameException ("received a
 * frame that is not masked as expected", "Max frame length of 131072 has been exceeded."), gorilla's "websocket: bad MASK",
 * "websocket: read limit exceeded".
 * @see https://github.com/netty/netty/blob/4.2/codec-http/src/main/java/io/netty/handler/codec/http/websocketx/WebSocket08FrameDecoder.java (protocolViolation)
 * @see https://github.com/gorilla/websocket/blob/main/conn.go (advanceFrame, ErrReadLimit)
 */
function namesFrameFailure(context: EvidenceContext): boolean {
  for (const hit of context.hits) if (hit.attribution === 'other' && (hit.cause === 'protocol_error' || hit.cause === 'message_too_big')) return true;
  return false;
}

export const noneClassifier: Classifier = {
  name: 'none',
  attribution: 'none',
  classify(context) {
    const { event } = context;
    if (event.outcome === 'failed') return undefined;
    // A proxy's own lines that its upstream leg failed before it opened (upstream-leg.ts): the client's session, whatever close ended
    // it, carried nothing from an upstream; the upstream's failure is the label (convention 9, round 34).
    if (context.upstreamFailure !== undefined) return undefined;
    // Libraries report a normal close as an error object too (Go CloseError, websockets ConnectionClosedOK):
    // with an error only a 1000/1001 close counts, slightly less sure.
    const code = context.closeCode;
    // An error that is only the API's description of its own 1005 (session-end.ts) says no more than the code: read as none.
    const hasError = event.error !== undefined && !(code === 1005 && describesOwnCode(context));
    // A server's own line stating the code it sent before its peer's reset: the code decides, the reset and its error record
    // are the peer's teardown after that close (session-end.ts statedCloseBeforeReset).
    const stated = context.statedCloseBeforeReset;
    if (code !== undefined && hasError && !stated && (madeUpCodeYields(context) || ownTimeoutException(context))) return undefined;
    // A 1000 beside a failure the texts record is a reaction to it, not the session's cause: the server's own error record or
    // uncaught exception (it gave up, or the client closed on a session that stopped answering; RFC 6455 §7.4.1 gives the failure
    // 1011), or received text that was no UTF-8 (§8.1: the 1007 a conforming endpoint would have sent). The other classifier decides.
    // An error-level record alone (no exception escaped the handler) beside a 1000 the client started on the wire: the application
    // logged an error it caught and the session went on until the client closed it normally, no reaction to a failure.
    // So is a server's own record that its keepalive timer ended the session, beside the 1000 it sent (ownKeepaliveRecord).
    if (code === 1000 && hasError && !stated && (failedBeforeClose(event) || namesInvalidPayload(context.hits) || ownKeepaliveRecord(context))) return undefined;
    // A carried protocol's error with its application code before the client's own 1000 (Pusher's pusher:error, then Pysher's
    // disconnect()): the protocol's error ended the session, the library's clean close is its reaction (application-close-error.ts).
    if (hasError && carriedErrorBeforeOwnClose(context)) return undefined;
    if (code === 1005 && hasError && event.close?.on_wire !== true && namesNoCause(context)) return RESTATED_1005_CANDIDATE;
    // A Close frame without a status that a named side sent, beside texts that name only a drop: the closing handshake ended the
    // session and the drop is its teardown, as a 1000 beside a reset reads (closeCodeCandidate; round 36, eng-d2).
    if (code === 1005 && hasError && !stated && codelessCloseBeforeDrop(context)) return CLOSE_FRAME_BEFORE_DROP_CANDIDATE;
    // A 1000 the emitter sent itself whose reason records its keepalive ran out, or a close whose reason refuses a registered code
    // the library did not know (close-reason-facts.ts): the reason, not the clean code, says why (the other classifier answers).
    if ((code === 1000 || code === 1001) && event.close?.reason && (ownKeepaliveClose(context) !== undefined || refusedRegisteredCode(context) !== undefined)) return undefined;
    if (code !== undefined) return closeCodeCandidate(code, hasError) ?? applicationCloseCandidate(context, code);
    if (serverSaysStopping(context) && namesOnlyDrops(context)) return SERVER_STOPPING_CANDIDATE;
    if (event.outcome === 'closed' && event.source.kind === 'proxy' && proxyRecordCode(event) === 0) return RECORD_ENDED_CANDIDATE;
    if (hasError) {
      const message = event.error?.message ?? '';
      // A server's own error record beside its 101 line (" ERROR warp_srv > websocket error for …") says how the tunnel ended.
      // Not where a line states the session closed without a Close frame (a 1006, "abnormal closure": RFC 6455 §7.1.5, round 34): a
      // relay's own teardown of its other leg ("use of closed network connection") then follows a drop, no orderly end.
      if (event.outcome === 'closed' && event.error?.code === undefined && ORDERLY_END.test(message) && !LOGGED_ERROR.test(message) && serverFailureKind(event) === undefined && !statesAbnormalClosure(context)) return ENDED_CANDIDATE;
      // A close the text names (1000, 1001 "going away") on a connection that was not a failed connect.
      const named: Finding[] = [];
      takeFindings(context.hits, 'none', named);
      // The client named as the side that closed, with no code: it started the closing handshake, and a text that the connection
      // closed is its own reader reporting that close (engineio's "WebSocket connection was closed, aborting" after disconnect()),
      // above a plain "closed" read as a drop (0.48), below a reset the text names in a runtime's own code (docs/attribution.md,
      // "An opened connection that ends with no close code": close.initiator says a clean close happened).
      if (event.outcome === 'closed' && event.source.kind === 'proxy' && relayFactsOf(message)?.trace?.firstEnd?.orderly === true) named.push(RELAY_ORDERLY);
      if (event.outcome === 'closed' && event.close?.initiator === undefined && context.hits.length === 0 && context.codes.length === 0 && clientDisconnectRecorded(event)) named.push(MQTT_DISCONNECT);
      if (event.outcome === 'closed' && event.close?.initiator === 'client') named.push(CLIENT_CLOSED);
      else if (event.outcome === 'closed' && (context.hits.length === 0 || (namesOnlyDrops(context) && closedStateBesideCloseFrame(context))) && context.codes.length === 0 && event.close?.initiator === 'server') named.push(SIDE_CLOSED);
      if (event.outcome === 'connected' && event.source.kind === 'proxy' && event.error?.code === undefined && (TUNNEL_PASSED.test(message) || relayFactsOf(message)?.tlsDataBothWays === true)) named.push(PROXY_PASSED_FINDING);
      if (named.length > 0) return strongestCandidate('none', named, noneRemediation);
      if (event.outcome === 'connected' && event.source.kind === 'server' && context.hits.length === 0 && context.codes.length === 0) return OPEN_BESIDE_NAMELESS_TEXT_CANDIDATE;
      return outlivedErrorCandidate(context);
    }
    // No code and no error: a clean close only when the event names the side that closed (a closing handshake was
    // started); with nobody named, no Close frame is shown, a drop (session-end.ts, the other classifier answers).
    // A server whose own lines say it dropped the session sent no Close frame, whoever is named as closing (the other classifier answers).
    if (event.outcome === 'closed') return reasonCandidate(context) ?? (closedBySide(context) && !serverSaysDropped(context) ? CLOSED_CANDIDATE : undefined);
    if (event.outcome === 'connected') return CONNECTED_CANDIDATE;
    return undefined;
  },
};
