// Failures while reading the upgrade's answer that do not say why: a read that failed, an answer that could not be read,
// or no evidence at all. The event's timing tells a timeout (the attempt ran to its timeout) from a drop, and a client's
// verdict on the answer that names neither its status nor a header is decided by the status the event recorded.
import type { TelemetryEvent } from '../../../schemas/telemetry-event.js';
import { attributionOf, type Finding, type SourcedFinding } from '../../candidate.js';
import { httpStatusCause } from '../../http-status.js';
import type { EvidenceContext } from '../../evidence-context.js';
import { concepts } from '../../concepts/concepts.js';
import { isLogLabel, logLabels } from '../../codes/proxy-result.js';
import { fieldFindings } from '../../text-findings.js';
import { isOtherViewLabel } from '../../other-view-labels.js';

/** Concepts that say a read of the answer failed and not why (Concept.untimed): the timing may say it ran out. */
const UNTIMED_RULES: ReadonlySet<string> = new Set(concepts.filter((concept) => concept.untimed).map((concept) => concept.id));

/**
 * A timeout the text configures ("timeout=8", "read_timeout: 2.5s", "handshake timeout 5000 ms"): in seconds unless
 * the unit says milliseconds (a bare number above 100 is read as milliseconds: no handshake waits 100 s by default).
 */
const CONFIGURED_TIMEOUT = /\btime[-_ ]?out(?:_ms|_secs?|_seconds?)?\s*(?:[=:]|of|is)?\s*(\d+(?:\.\d+)?)\s*(ms|milliseconds?|s|secs?|seconds?)?\b/i;

function configuredTimeoutMs(text: string): number | undefined {
  const match = CONFIGURED_TIMEOUT.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]);
  if (!(value > 0)) return undefined;
  const unit = (match[2] ?? '').toLowerCase();
  if (unit.startsWith('m')) return value;
  if (unit) return value * 1000;
  return value > 100 ? value : value * 1000;
}

/** How long the attempt took: the whole attempt, else the sum of its phases. */
function elapsedMs(event: TelemetryEvent): number | undefined {
  const timing = event.timing;
  if (!timing) return undefined;
  if (timing.total_ms !== undefined) return timing.total_ms;
  const sum = (timing.connect_ms ?? 0) + (timing.tls_ms ?? 0) + (timing.upgrade_ms ?? 0);
  return sum > 0 ? sum : undefined;
}

/**
 * When the answer came: an attempt that recorded the upgrade's answer (a status) and its phase (`upgrade_ms`, "HTTP upgrade to the
 * 101 (or the refusal)", telemetry schema) ended its wait for the answer there; the rest of the attempt is the driver's own end, no
 * timer's bound (round 36, eng-d2: a proxy's 502 at 9 ms in an attempt its driver closed at 1 010 ms).
 */
function answeredAtMs(context: EvidenceContext): number | undefined {
  const timing = context.event.timing;
  if (context.status === undefined || timing?.upgrade_ms === undefined) return undefined;
  return (timing.connect_ms ?? 0) + (timing.tls_ms ?? 0) + timing.upgrade_ms;
}

// A timer fires at its bound or a little after (scheduling), never much before: up to 60 ms past a whole second, or 1 %.
const LATE_MS = 60;

/**
 * Whether the attempt ran until a timeout ended it, and why: it lasted at least the timeout its text configures, or, with
 * none configured, it ended at a whole number of seconds (1 s or more), where clients' handshake timers are set. A drop
 * ends the attempt when the peer acts, at any time; a configured timeout the attempt did not reach rules a timeout out.
 */
export function ranToTimeout(context: EvidenceContext): string | undefined {
  const elapsed = answeredAtMs(context) ?? elapsedMs(context.event);
  if (elapsed === undefined) return undefined;
  // The joined texts only when the event has timing (few do).
  const configured = configuredTimeoutMs(context.text);
  if (configured !== undefined)
    return elapsed >= configured * 0.95 ? `the attempt lasted ${elapsed} ms, the ${configured} ms timeout its text configures` : undefined;
  if (elapsed < 1000) return undefined;
  const past = elapsed % 1000;
  return past <= Math.max(LATE_MS, elapsed * 0.01) ? `the attempt lasted ${elapsed} ms, just past a whole ${Math.floor(elapsed / 1000)} s: a handshake timer's bound` : undefined;
}

/** A failed read of the answer that the timing shows ran into a timeout: network_timeout, at the read's confidence. */
export function timedRead(finding: SourcedFinding, how: string): Finding {
  const detail = `${finding.evidence.detail}; decided network_timeout: ${how} (rule inferred.read_timed_out)`;
  return { cause: 'network_timeout', confidence: finding.confidence, evidence: { kind: finding.evidence.kind, detail } };
}

export function isUntimedRead(finding: SourcedFinding, event: TelemetryEvent): boolean {
  if (!UNTIMED_RULES.has(finding.rule)) return false;
  // A cancellation is the attempt's own timer only in the event of the client that held it: a proxy logs a cancel that its
  // client made by going away (Go's "context canceled", docs/attribution.md "Labelling conventions").
  return finding.cause === 'network_reset' || (finding.cause === 'unknown_failure' && event.source.kind === 'client');
}

/**
 * Whether the event carries no text at all (no error message, name or code, no close reason): only then may the attempt's
 * length alone say that a timer ended it. A text that names no cause ("WebSocket failed to connect", a generic wrapper) says
 * that the library reported a failure, not that a timer fired: it stays unknown (docs/attribution.md, "Labelling
 * conventions": an attempt that ended at a whole-second bound).
 */
export function carriesNoText(event: TelemetryEvent): boolean {
  const error = event.error;
  if (event.close?.reason) return false;
  if (error !== undefined && (error.message || error.name || (error.code !== undefined && error.code !== ''))) return false;
  // A proxy's own lines in a log label (a tunnel's connect/teardown lines in `proxy_log`) are text: they show the client reached
  // the upstream through it, so the wait was behind the tunnel, where it sees no bytes; its length is no timer's evidence there.
  // A server's lines of an accept and an unbind with nothing between (em-websocket) show a wait in which nothing came: no text.
  // Lines that name a cause are read as before. Only the proxy's own lines: another party's log at its front (`client_log`, the
  // driver's "CONNECT answer: HTTP/1.1 200") is that party's view, as on a client's own event, no line of the proxy (round 39, r39-b).
  const labels = event.labels;
  if (labels !== undefined && event.source.kind === 'proxy') for (const key of Object.keys(labels)) if (isLogLabel(key) && labels[key] && !isOtherViewLabel(key) && namesNoCause(labels[key] as string)) return false;
  return true;
}

// Read only here: a failed attempt with timing and no finding in its error or close texts (rare).
const logLabelFindings = fieldFindings('labels.log');
function namesNoCause(lines: string): boolean {
  for (const finding of logLabelFindings.get(lines)) if (finding.cause !== 'unknown_failure') return false;
  return true;
}

// Another party's log on the emitter's event (other-view-labels.ts reads those): not the server's own lines.
const OTHER_PARTY_LOG = /^(?:client|front|driver|peer)_/;
/**
 * The peer named as the side that ended the connection: the remote end or peer as the subject of an end ("Remote end closed
 * connection", "peer has shut down", "remote side hung up"), or an end by it ("closed by the remote host", "reset by peer"). A bare
 * "connection closed" does not say which side closed, nor does a "peer=" field of the line's context.
 */
const PEER_ENDED =
  /\b(?:remote(?:\s+(?:end|side|host|peer))?|peer|other\s+end)\s+(?:has\s+)?(?:closed|hung\s+up|hang-?up|reset|shut\s*down|disconnected|went\s+away)\b|\b(?:closed|reset|hung\s+up|disconnected)\s+by\s+(?:the\s+)?(?:remote|peer|other\s+end)\b/i;
// On a listener's own log (a server's, or a proxy's front) the peer is its client: "Connection closed by client 127.0.0.1:59330"
// (proxy.py's tcp_server "Connection closed by client %s", a read of 0 bytes on the accepted socket) names the peer's end as well.
// Round 38, eng-f2. @see https://github.com/abhinavsingh/proxy.py/blob/develop/proxy/core/base/tcp_server.py (handle_readables)
const CLIENT_ENDED = /\bconnection\s+(?:was\s+)?closed\s+by\s+(?:the\s+)?client\b/i;
// On a server's own log, an EOF its read met on the accepted connection is the peer's end as well (round 40, r40-a): Kamailio's
// tcp_read_data() "EOF on connection %p (state: …)" and tcp_read_req() "EOF" (core/tcp_read.c, a read of 0 bytes); asyncio's debug
// log "%r received EOF" (selector_events.py, _read_ready__on_eof). Convention 2 reads an EOF only with no TLS word in the lines: a
// TLS library's EOF is a handshake's (the 1015 classifier's).
// @see https://github.com/kamailio/kamailio/blob/master/src/core/tcp_read.c @see https://github.com/python/cpython/blob/main/Lib/asyncio/selector_events.py
const EOF_READ = /\bEOF\s+on\s+(?:the\s+)?(?:connection|conn|socket|fd)\b|\b(?:received|got|read)\s+(?:an\s+)?EOF\b/;
const TLS_WORD = /\b(?:TLS|SSL|DTLS)|\b(?:tls|ssl)_|\bhandshake\b/i;
const ownLogDrops = new Map<string, Finding>();
/**
 * A failed attempt whose server records no error and no close, but whose own log lines name the peer ending the connection ("Remote
 * end closed connection", "closed by peer"): a text naming an EOF or reset with no TLS word, convention 2's network_reset, and no
 * attempt without text whose length alone says a timer fired (convention 13 reads only events with no text at all). The server saw
 * the peer end it; whatever made the peer give up, the event shows only the end. A bare "connection closed" names no side and stays
 * as before. Round 35, eng-c1.
 */
export function ownLogDrop(event: TelemetryEvent): Finding | undefined {
  const kind = event.source.kind;
  if ((kind !== 'server' && kind !== 'proxy') || event.error !== undefined || event.close?.reason || event.labels === undefined) return undefined;
  for (const [key, text] of logLabels(event.labels)) {
    // A proxy's log names its upstream as "remote" too: only its listener's client ending counts there.
    if (OTHER_PARTY_LOG.test(key) || !((kind === 'server' && (PEER_ENDED.test(text) || (EOF_READ.test(text) && !TLS_WORD.test(text)))) || CLIENT_ENDED.test(text))) continue;
    const memo = `${kind}:${key}`;
    let found = ownLogDrops.get(memo);
    if (found === undefined) {
      const who = kind === 'server' ? "the server's own log names the peer ending the connection (\"remote end closed\", \"closed by peer\")" : "the proxy listener's own log names its client ending the connection (\"closed by client\")";
      ownLogDrops.set(memo, (found = { cause: 'network_reset', confidence: 0.48, evidence: { kind: `labels.${key}`, detail: `${who}, with no error or close recorded: an EOF before the upgrade's answer (rule inferred.server_log_peer_end, convention 2)` } }));
    }
    return found;
  }
  return undefined;
}

/** No evidence but the attempt's own length, ended at a timeout: the client gave up waiting (below any text's finding). */
export function timedOutWithoutEvidence(how: string): Finding {
  return { cause: 'network_timeout', confidence: 0.3, evidence: { kind: 'timing.total_ms', detail: `no text names a cause; ${how} → network_timeout (rule inferred.ran_to_timeout)` } };
}

/**
 * A text that refuses the answer, read against the status the event recorded. With a 101 the server did switch
 * protocols, so the client refused the answer's headers (Upgrade, Connection, Sec-WebSocket-Accept), whatever the text
 * calls it ("bad handshake", "Invalid HTTP status"): a protocol error (RFC 6455 §4.1, client steps 1-4). A verdict that
 * names neither status nor header (Ambiguity 'answer': gorilla's ErrBadHandshake, one error for a status other than 101
 * and for a failed header check; Mongoose's "ws handshake error") with no status recorded says only that the client
 * refused the answer: unknown_failure, low (docs/attribution.md, "Labelling conventions"). Any other status stays the
 * server's refusal (its own finding decides).
 * @see https://github.com/gorilla/websocket/blob/main/client.go (DialContext: one condition, one ErrBadHandshake)
 */
export function answerVerdict(finding: SourcedFinding, status: number | undefined): Finding {
  const answer = finding.ambiguity === 'answer';
  if (status === 101 && (answer || finding.cause === 'http_rejected')) {
    const detail = `${finding.evidence.detail}; decided protocol_error: the answer was a 101, so a header of the answer failed the client's check (rule inferred.answer_headers_rejected, RFC 6455 §4.1)`;
    return { cause: 'protocol_error', confidence: finding.confidence, evidence: { kind: finding.evidence.kind, detail } };
  }
  if (!answer) return finding;
  if (status !== undefined) {
    // The refusal's reason is the status the event recorded: the text agrees with it (a gateway's 502 included).
    const cause = httpStatusCause(status);
    if (!cause || attributionOf(cause) !== 'other') return finding;
    const detail = `${finding.evidence.detail}; decided ${cause}: the event records HTTP ${status}, the status the client refused (rule inferred.answer_refused_status, RFC 6455 §4.1)`;
    return { cause, confidence: finding.confidence, evidence: { kind: finding.evidence.kind, detail } };
  }
  const detail = `${finding.evidence.detail}; decided unknown_failure: the client refused the answer and the event records no status, so a status other than 101 and a failed header check are alike (rule inferred.answer_unexplained, RFC 6455 §4.1)`;
  return { cause: 'unknown_failure', confidence: UNEXPLAINED_CONFIDENCE, evidence: { kind: finding.evidence.kind, detail } };
}
// Above the fallback (0.2), below any cause another field names.
const UNEXPLAINED_CONFIDENCE = 0.3;

// A timer of at least a second (the least bound clients set, as the whole-second bound reads) that ran after the answer came.
const AFTER_ANSWER_MS = 1000;
/**
 * Whether a client's timeout ran out after its upgrade was answered with a status other than 101: the timing places the answer
 * (connect + TLS + upgrade, the schema's "HTTP upgrade to the 101 (or the refusal)") at least a second before the attempt ended,
 * so the wait that timed out came after it (a library that does not check the status, wampy's "handshake complete: 503", goes
 * on waiting for its first message). The answer is what the event shows of the failure: labelled by its status (convention
 * "An HTTP status on the upgrade"), not by the later timer. A gateway's status whose timeout ends the attempt as it arrives
 * (a 504 "upstream timed out") is no case of it. Round 30, eng-x2.
 * @see https://www.rfc-editor.org/rfc/rfc6455#section-4.1 (a status other than 101: the client fails the connection)
 */
export function answeredBeforeTimeout(context: EvidenceContext): boolean {
  const status = context.status;
  const timing = context.event.timing;
  if (status === undefined || status < 200 || context.event.source.kind !== 'client' || timing?.total_ms === undefined || timing.upgrade_ms === undefined) return false;
  const answeredAt = (timing.connect_ms ?? 0) + (timing.tls_ms ?? 0) + timing.upgrade_ms;
  return timing.total_ms - answeredAt >= AFTER_ANSWER_MS;
}

/**
 * A timeout after the answer, read as the status the answer carried (answeredBeforeTimeout): one finding of the status's kind,
 * so the timer's texts add no corroboration to the status; above a gateway's weak status (0.44), which the timer no longer
 * explains, and never below the status's own finding.
 */
export function timeoutAfterAnswer(finding: SourcedFinding, status: Finding, code: number): Finding {
  const cause = status.cause;
  const detail = `HTTP ${code} answered at least ${AFTER_ANSWER_MS} ms before the attempt ended, then ${finding.evidence.kind}: ${finding.evidence.detail}: the timer ran after the refusal, whose status decides → ${cause} (rule inferred.timeout_after_answer, RFC 6455 §4.1)`;
  return { cause, confidence: Math.max(status.confidence, finding.confidence + 0.01), evidence: { kind: 'handshake.status', detail } };
}

// The whole error is one field line of the answer the client checks (RFC 6455 §4.1, client steps 2-4: Upgrade, Connection,
// Sec-WebSocket-Accept): a library that returns the offending line as its error (brook's WebSocket dialer fails with the answer's
// "Sec-WebSocket-Accept: <value>" when the value is not the key's proof). Convention 6: a refusal naming Sec-WebSocket-Accept, Upgrade or
// Connection is protocol_error. Only a message that is that line and nothing else (a log's restatement of fields beside other words
// is no verdict, round 27); only where nothing else in the event names a cause. Round 37, eng-e2.
// @see https://www.rfc-editor.org/rfc/rfc6455#section-4.1 (the client fails the connection on a wrong Sec-WebSocket-Accept)
const CHECKED_ANSWER_FIELD = /^\s*(Sec-WebSocket-Accept|Upgrade|Connection)\s*:[ \t]*[^\s:][^\n]*$/i;
const answerFieldErrors = new Map<string, Finding>();

/** Whether a text can start like CHECKED_ANSWER_FIELD: white space or a non-ASCII character, or the first letter of one of its names. */
function mayStartAnswerField(message: string): boolean {
  const code = message.charCodeAt(0);
  if (!(code > 0x20 && code < 0x80)) return true; // white space, non-ASCII (\s has Unicode spaces) or an empty text: the pattern decides
  const lower = code | 0x20; // an ASCII letter in lower case
  return lower === 0x73 /* s */ || lower === 0x75 /* u */ || lower === 0x63 /* c */;
}

export function answerFieldAsError(message: string | undefined): Finding | undefined {
  // Most messages fail on their first character: the pattern scans no further, but each call costs a regular-expression run.
  if (message === undefined || message.length > 200 || !mayStartAnswerField(message)) return undefined;
  const field = CHECKED_ANSWER_FIELD.exec(message);
  if (!field) return undefined;
  const name = (field[1] as string).toLowerCase();
  let found = answerFieldErrors.get(name);
  if (found === undefined)
    answerFieldErrors.set(name, (found = { cause: 'protocol_error', confidence: 0.45, evidence: { kind: 'error.message', detail: `the error is the answer's own ${name} field line, the one the client's check refused: the answer failed the opening handshake (rule inferred.answer_field_refused, RFC 6455 §4.1, convention 6)` } }));
  return found;
}
