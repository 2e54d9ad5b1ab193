// How an open session ended when the event shows no Close frame: no close at all (no code, nobody named as closing), or
// a 1006 the API reported as read from a Close frame next to an EOF or reset in its texts. RFC 6455 §7.1.5: a connection
// closed without a Close frame has the close code 1006, whether or not the API reports one (docs/attribution.md,
// "Labelling conventions": an opened connection that ends with no close code).
import { attributionOf, type Finding, type SourcedFinding } from './candidate.js';
import { findConcepts } from './concepts/scanner.js';
import { closeCodeRow } from './close-codes.js';
import type { EvidenceContext } from './evidence-context.js';
import { logLabels } from './codes/proxy-result.js';
import { BoundedCache, oncePerText } from './bounded-cache.js';
import { fieldFindings, type FieldFindings } from './text-findings.js';
import { tunnelInnerFailure } from './tunnel-inner-failure.js';

const NO_CLOSE_DETAIL =
  'the session opened and ended with no close code and nobody named as closing: a clean close is a closing handshake, which gives a code (1000-4999, or 1005 for a Close frame without one), so no Close frame came, a 1006 (rule inferred.ended_without_close, RFC 6455 §7.1.5)';
// As for 1006 alone: lower on wss://, where a hidden TLS failure is as likely as a drop.
const NO_CLOSE: Finding = { cause: 'abnormal_closure', confidence: 0.3, evidence: { kind: 'outcome', detail: NO_CLOSE_DETAIL } };
const NO_CLOSE_SECURE: Finding = { cause: 'abnormal_closure', confidence: 0.25, evidence: { kind: 'outcome', detail: NO_CLOSE_DETAIL } };

/**
 * Whether the event shows a closing handshake without a code: it names the side that closed the session (client or
 * server; `unknown` names nobody), or carries a close reason, which only a Close frame carries (RFC 6455 §5.5.1). A clean
 * close unless a code, an error or the reason's words say otherwise.
 */
export function closedBySide(context: EvidenceContext): boolean {
  const close = context.event.close;
  if (close !== undefined) {
    if (close.initiator === 'client' || close.initiator === 'server') return true;
    // Beside a library's own code (below 1000, apiOwnCode) the reason may be the library's words ("transport closed"), no Close frame's.
    if (close.reason !== undefined && close.reason !== '' && close.code === undefined) return true;
  }
  return ownSideNamedClosing(context);
}

// The emitter's own log naming its own side as the one that closed (round 40, r40-a): GoTTY's "Connection closed by local command:
// %s" (server/handlers.go, webtty.ErrSlaveClosed: the command it runs exited and it ended the session), "closed by us", "closed by
// this side", and a server's "closed by server" (a client's "closed by client"). It states what `close.initiator` states, the side
// that ended the session (convention 3), where the emitter's API reports no initiator. The peer named ("closed by client" in a
// server's log, "closed by remote") is not the emitter's side and keeps its reading (convention 2).
// @see https://github.com/sorenisanerd/gotty/blob/master/server/handlers.go
const OWN_SIDE_CLOSED = /\bclosed\s+by\s+(?:the\s+)?(?:local(?:\s+(?:command|process|program|side|end|application|app|host|user))?|us|ourselves|this\s+(?:side|end|server|client))\b/i;
// Per own kind (server, client): a log text naming the local side or the emitter's own kind as closing, each text read once.
const namesOwnSideClosing = (ownKind: RegExp) => oncePerText((text) => OWN_SIDE_CLOSED.test(text) || ownKind.test(text), 256);
const OWN_SIDE_CLOSING: Readonly<Record<string, (text: string) => boolean>> = {
  server: namesOwnSideClosing(/\bclosed\s+by\s+(?:the\s+)?server\b/i),
  client: namesOwnSideClosing(/\bclosed\s+by\s+(?:the\s+)?client\b/i),
};
// Another party's log on the emitter's event (`client_log` on a server's): not the emitter's own lines.
const PARTY_LOG = /^(client|front|driver|peer|proxy|server)_/;
function ownSideNamedClosing(context: EvidenceContext): boolean {
  const { event } = context;
  if (event.outcome !== 'closed' || event.labels === undefined) return false;
  const kind = event.source.kind;
  const namesClosing = OWN_SIDE_CLOSING[kind];
  if (namesClosing === undefined) return false;
  for (const [key, text] of logLabels(event.labels)) {
    const party = PARTY_LOG.exec(key)?.[1];
    if (party !== undefined && party !== kind) continue;
    if (namesClosing(text)) return true;
  }
  return false;
}

// A server's own lines that it dropped the session without a closing handshake: rocket_ws logs "dropping stream" when the
// handler returned and the connection is dropped with no Close frame (RFC 6455 §7.1.5: a 1006), whoever the event names as closing.
const SERVER_DROPPED = /\bdropp(?:ing|ed) (?:the )?(?:stream|connection|socket|session)\b/i;
const DROPPED: Finding = { cause: 'abnormal_closure', confidence: 0.45, evidence: { kind: 'outcome', detail: "the session opened and ended with no close code, and the server's own lines say it dropped the stream or connection: no Close frame went out, a 1006 (rule inferred.server_dropped, RFC 6455 §7.1.5)" } };

// A server process that says it is going down: a termination signal received (SIGTERM, SIGINT, SIGQUIT), a shutdown requested
// or under way, the server stopping, or Crow's App::stop() closing each open session ("Quitting Websocket: ", app.h).
// @see https://datatracker.ietf.org/doc/html/rfc6455#section-7.4.1 (1001: "a server going down")
// @see https://github.com/CrowCpp/Crow/blob/master/include/crow/app.h (stop(): CROW_LOG_INFO "Quitting Websocket: ")
// @see https://github.com/rwf2/Rocket/blob/v0.5/core/lib/src/shutdown/ (Rocket's "Received SIGTERM. Requesting shutdown.")
// Round 25: the signal named before its verb ("SIGTERM received, closing socket.io server"), the server closing itself ("closing
// <name> server", not a connection to a server), and engineioxide's DisconnectReason::ClosingServer, the reason it gives each
// session when the server closes them all (https://github.com/Totodore/socketioxide/blob/main/crates/engineioxide/src/socket.rs).
// Round 32 (eng-z1): a runtime stopping the application units that host the endpoint, or the listener itself: Node-RED's "Stopping
// flows" (runtime locale "nodes.flows.stopping-flows", logged before each flow's nodes close, a deploy or shutdown) and "Stopping
// node websocket-listener:…" / a server's "stopping listener": the endpoint goes away with its sessions.
// @see https://github.com/node-red/node-red/blob/master/packages/node_modules/%40node-red/runtime/locales/en-US/runtime.json ("stopping-flows")
const SERVER_STOPPING = /\bstopping (?:all )?flows\b|\bstopping (?:the )?(?:node )?(?:websocket|ws|http)[\w-]{0,12}[ -]listener\b|\bSIG(?:TERM|INT|QUIT) (?:signal )?(?:received|caught)\b|\bclosing (?:the )?(?:[\w.-]+ )?server\b(?![\w-]| (?:connection|socket|session|stream|side))|\breason=ClosingServer\b|\b(?:received|got|caught) (?:signal )?SIG(?:TERM|INT|QUIT)\b|\b(?:requesting|initiating|starting) (?:graceful )?shutdown\b|\bshutdown requested\b|\bstopping (?:the )?server\b|\bserver (?:is )?(?:stopping|shutting down)\b|\bQuitting Websocket: /i;

/** A server's own lines: its error text and its log labels (`server_log`, `log`), never a free label such as `note`. */
function serverLines(context: EvidenceContext): string[] {
  const { event } = context;
  if (event.source.kind !== 'server') return [];
  const lines: string[] = [];
  if (event.error?.message) lines.push(event.error.message);
  for (const [, text] of logLabels(event.labels)) lines.push(text);
  return lines;
}

/** Whether a server's own lines say it dropped the session (no closing handshake), on a closed session with no close code. */
export function serverSaysDropped(context: EvidenceContext): boolean {
  if (context.event.outcome !== 'closed' || context.closeCode !== undefined) return false;
  return serverLines(context).some((text) => SERVER_DROPPED.test(text));
}

/** Whether a server's own lines say the server was going down while the session, closed with no close code, was open. */
export function serverSaysStopping(context: EvidenceContext): boolean {
  if (context.event.outcome !== 'closed' || context.closeCode !== undefined) return false;
  return serverLines(context).some((text) => SERVER_STOPPING.test(text));
}

// A server's own log lines that it ended the session because the peer's keepalive did not come in time (engineioxide's
// "close{reason=HeartbeatTimeout}", socketioxide's "client did not send a PONG packet in time"): its timer ended a wait after open,
// network_timeout (convention "A keepalive timeout after open"), above a side named as closing (0.5).
const KEEPALIVE_MISSED: Finding = { cause: 'network_timeout', confidence: 0.55, evidence: { kind: 'outcome', detail: "the session opened and ended with no close code, and the server's own lines say the peer's ping or pong did not come in time: its keepalive timer ended the session (rule inferred.server_keepalive_missed, concept.keepalive_missed)" } };

// Log texts repeat across sessions (one emitter's fixed wording): each is read for the concept once.
const keepaliveTexts = new BoundedCache<boolean>(512);
function namesKeepaliveMissed(text: string): boolean {
  return keepaliveTexts.get(text, () => {
    const out: SourcedFinding[] = [];
    findConcepts('error.message', text, out);
    return out.some((finding) => finding.rule === 'concept.keepalive_missed' || finding.rule === 'concept.idle_closed');
  });
}

/** Whether a server's own lines (its log labels; no error) name a keepalive it missed, on a closed session with no close code. */
function serverSaysKeepaliveMissed(context: EvidenceContext): boolean {
  if (context.event.outcome !== 'closed') return false;
  return serverLines(context).some(namesKeepaliveMissed);
}

// The emitter's own log lines that its keepalive timer ended the session ("keepalive: no pong within 1000 ms, terminating", ws's
// documented heartbeat pattern of ping, wait for pong, terminate(); "terminating unresponsive client", an idle timer's words, merged
// from eng-x1's server-only form in round 30), beside the 1006 its API made up for the drop (on_wire not
// true: no Close frame came, RFC 6455 §7.1.5): the timer, not a peer's drop, ended it → network_timeout (convention "A keepalive
// timeout after open"), above the made-up 1006 (0.5). Round 30, eng-x2.
// @see https://github.com/websockets/ws/blob/master/README.md#how-to-detect-and-close-broken-connections
const KEEPALIVE_BEFORE_1006_DETAIL = "close code 1006 made up by the API after open, and the emitter's own log lines say the peer's ping or pong did not come in time: its keepalive timer ended the session (rule inferred.keepalive_before_1006, concept.keepalive_missed, RFC 6455 §7.1.5)";
// One finding per log label's key (a handful of keys: log, client_log, server_log, proxy_log, …).
const keepaliveFindings = new Map<string, Finding>();
function keepaliveFinding(key: string): Finding {
  let found = keepaliveFindings.get(key);
  if (found === undefined) keepaliveFindings.set(key, (found = { cause: 'network_timeout', confidence: 0.55, evidence: { kind: `labels.${key}`, detail: KEEPALIVE_BEFORE_1006_DETAIL } }));
  return found;
}

/** A made-up 1006 after open whose emitter's own log labels name a keepalive it missed (any source), else undefined. */
export function keepaliveBefore1006(context: EvidenceContext): Finding | undefined {
  const { event } = context;
  if (context.closeCode !== 1006 || event.close?.on_wire === true || event.labels === undefined) return undefined;
  if (event.outcome !== 'closed' && context.status !== 101) return undefined;
  // A timeout its error or close texts already state is the same fact: the log restating it adds nothing.
  for (const hit of context.hits) if (hit.cause === 'network_timeout') return undefined;
  for (const [key, text] of logLabels(event.labels)) if (namesKeepaliveMissed(text)) return keepaliveFinding(key);
  return undefined;
}


// A server's own record of why it ended an open session (convention 17, round 34, eng-b1): its log names a frame that broke RFC 6455
// (RSV bits with no extension, §5.2; an unmasked client frame, §5.1; a control frame over 125 bytes, §5.5; a length not minimally
// encoded, §5.2) or a message over its size limit (§7.4.1's 1009), beside a session that shows no close code: the server failed the
// connection for that reason (§7.1.7), as the close code it would send says: protocol_error or message_too_big, above a bare drop
// (0.3) and the server's "dropping connection" (0.45). lwan logs "RSV1...RSV3 has non-zero value %d, aborting", "Client sent an
// unmasked WebSockets frame, aborting", "Received PING frame with length %d.Max is 125" (src/lib/lwan-websocket.c); Netty's
// CorruptedWebSocketFrameException texts and gorilla's "websocket: read limit exceeded" read the same. Each log line is read once
// per distinct line (the field memo); only the causes of a close code a server sends for the peer's data are taken.
// @see https://github.com/lpereira/lwan/blob/master/src/lib/lwan-websocket.c, https://www.rfc-editor.org/rfc/rfc6455#section-7.1.7
const ENDING_CAUSES: ReadonlySet<string> = new Set(['protocol_error', 'message_too_big']);
// Per log label's key (a handful): the field memo of its lines, and each whole text's answer (null: no reason named).
const logMatchers = new Map<string, { lines: FieldFindings; texts: BoundedCache<SourcedFinding | null> }>();
const namedEnds = new WeakMap<SourcedFinding, Finding>();
function namedEndFinding(hit: SourcedFinding, key: string): Finding {
  let found = namedEnds.get(hit);
  if (found === undefined)
    namedEnds.set(hit, (found = { cause: hit.cause, confidence: Math.max(0.5, Math.min(0.6, hit.confidence)), evidence: { kind: `labels.${key}`, detail: `${hit.evidence.detail}: the server's own record of why it ended the open session, which shows no close code (rule inferred.server_named_end, RFC 6455 §7.1.7, convention 17)` } }));
  return found;
}
/** The reason a server's own log labels give for ending an open session (a frame that broke RFC 6455, a size limit), else undefined. */
function serverNamedEnd(context: EvidenceContext): Finding | undefined {
  for (const [key, text] of logLabels(context.event.labels)) {
    let matcher = logMatchers.get(key);
    if (matcher === undefined) logMatchers.set(key, (matcher = { lines: fieldFindings(`labels.${key}`), texts: new BoundedCache<SourcedFinding | null>(512) }));
    const { lines } = matcher;
    const hit = matcher.texts.get(text, () => {
      // Line by line: each line is one record, and another record's words (the upgrade request's header line) are no context of it.
      for (const line of text.split('\n')) for (const found of lines.get(line)) if (found.attribution === 'other' && ENDING_CAUSES.has(found.cause)) return found;
      return null;
    });
    if (hit !== null) return namedEndFinding(hit, key);
  }
  return undefined;
}

/**
 * A closed session's end (outcome closed) with no close code and no error: with nobody named as closing, a drop without a
 * Close frame; with a side named, a drop only where the server's own lines say it dropped the session; a server's lines that
 * its keepalive timer ended it, a timeout.
 */
export function endedWithoutClose(context: EvidenceContext): Finding | undefined {
  if (context.closeCode !== undefined || context.event.error !== undefined) return undefined;
  // A server's own account of the end, unless it says it was going down (the none classifier reads that as going_away).
  if (context.event.source.kind === 'server' && !serverSaysStopping(context)) {
    if (serverSaysKeepaliveMissed(context)) return KEEPALIVE_MISSED;
    const named = context.event.outcome === 'closed' ? serverNamedEnd(context) : undefined;
    if (named) return named;
    if (serverSaysDropped(context)) return DROPPED;
  }
  // A tunnel's own lines that its far end failed the connection the session carried (tunnel-inner-failure.ts, round 38).
  const inner = tunnelInnerFailure(context);
  if (inner) return inner;
  if (closedBySide(context)) return undefined;
  return context.secure ? NO_CLOSE_SECURE : NO_CLOSE;
}

/**
 * A 1006 with an EOF or reset in the event's texts: the API's code for the drop the texts name (Go's CloseError{1006,
 * "unexpected EOF"}), not a code read from a Close frame, however the emitter marked it: 1006 is never sent (RFC 6455 §7.4.1).
 */
export function isApiDrop(context: EvidenceContext, code: number): boolean {
  return code === 1006 && textsNameDrop(context);
}

/** Whether the event's texts name a reset, an EOF or a drop (a finding of network_reset or abnormal_closure). */
export function textsNameDrop(context: EvidenceContext): boolean {
  for (const hit of context.hits) if (hit.cause === 'network_reset' || hit.cause === 'abnormal_closure') return true;
  return false;
}

// The emitter's own teardown lines (round 34, eng-b1): an error logged while it closed a stream or connection itself ("Error closing
// reader: EOF", "failed to close writer: broken pipe": the value a Close() call returned during cleanup, as sish logs around a tunnel's
// pipe and Go, Java and Python code logs a close's error in a finally/defer). The reset or EOF there is what the closing side found of
// a connection that had already ended, not how it ended: beside a Close frame read from the wire (the closing handshake, RFC 6455
// §7.1.2) or a refused answer's status, those state the end, and the teardown's drop words say nothing more. A reset in any other
// line (a read that failed, a 1006 stated) keeps its reading.
// @see https://pkg.go.dev/io#Closer, https://www.rfc-editor.org/rfc/rfc6455#section-7.1.2
const RESET_WORD = /\b(?:EOF|reset|broken pipe|ECONNRESET|EPIPE)\b/i;
const TEARDOWN_LINE = /\b(?:error|failed|failure|unable|cannot|could ?n[o']t)\W+(?:(?:while|when|on|in)\W+)?(?:to\W+)?clos(?:e|ing)\b/i;
const teardownTexts = new BoundedCache<boolean>(512);
function resetsOnlyInTeardown(message: string): boolean {
  return teardownTexts.get(message, () => {
    let teardown = false;
    for (const line of message.split('\n')) {
      if (!RESET_WORD.test(line)) continue;
      if (!TEARDOWN_LINE.test(line)) return false;
      teardown = true;
    }
    return teardown;
  });
}

/**
 * Whether the event's drop words (a reset or EOF) stand only in the emitter's own teardown lines of its error message, beside a Close
 * frame read from the wire or a status other than 101: the end is the close's or the answer's, the teardown found it over.
 */
export function dropOnlyInTeardown(context: EvidenceContext): boolean {
  const { event } = context;
  const message = event.error?.message;
  if (message === undefined || !(event.close?.on_wire === true || (context.status !== undefined && context.status !== 101))) return false;
  let drop = false;
  for (const hit of context.hits) {
    if (hit.cause !== 'network_reset' && hit.cause !== 'abnormal_closure') continue;
    if (hit.evidence.kind !== 'error.message') return false;
    drop = true;
  }
  return drop && resetsOnlyInTeardown(message);
}

// A library's statement that its socket is closed, and no more (round 35, eng-c2): viem raises SocketClosedError "The socket has been
// closed." to every request pending when its socket closes, whatever closed it; OkHttp's and java.net's "SocketException: Socket closed",
// a Node stream's "Socket is closed" say the same of a socket closed under a call. The closed state is what the call met, not how the
// connection ended. Beside a Close frame the peer sent (a code read from the frame, `on_wire: true`, or the 1005 that RFC 6455
// §7.1.5 gives a Close frame without a status, with the peer named as closing), the frame states the end: such words name no drop.
// A "how" beside them (reset, EOF, unexpectedly, abruptly, by the peer, lost, 1006) keeps the drop's reading.
// @see https://github.com/wevm/viem/blob/main/src/errors/request.ts (SocketClosedError), https://github.com/wevm/viem/blob/main/src/utils/rpc/socket.ts
// @see https://www.rfc-editor.org/rfc/rfc6455#section-7.1.5
const CLOSED_STATE_LINE = /^\W*(?:[\w.$]+(?:Error|Exception):\s*)?(?:the\s+)?(?:web\s?socket|socket|connection|channel|stream|transport)\s+(?:(?:has|had)\s+been\s+|was\s+|is\s+(?:now\s+)?)?closed\W*$/i;
const CLOSED_STATE_NAME = /^[A-Za-z.$]*?(?:Socket|Connection|Channel|Stream|Transport)Closed(?:Error|Exception)?$/;
const DROP_LINE_WORDS = /reset|EOF|broken pipe|EPIPE|abort|abrupt|unexpected|prematur|\blost\b|\bhang\b|\bhung\b|drop|disconnect|terminat|\bended\b|\bclos(?:e|ed|ing)\b|1006|abnormal|\bpeer\b|\bremote\b/i;
const closedStateTexts = new BoundedCache<boolean>(256);
function statesOnlyClosedState(message: string): boolean {
  return closedStateTexts.get(message, () => {
    let stated = false;
    for (const line of message.split('\n')) {
      if (CLOSED_STATE_LINE.test(line)) stated = true;
      else if (DROP_LINE_WORDS.test(line)) return false;
    }
    return stated;
  });
}

// A connection's end stated as clean (Twisted's connectionLost(ConnectionDone) "Connection was closed cleanly", round 36, eng-d1): the
// orderly TCP close that follows every closing handshake (RFC 6455 §7.1.1: the server closes the TCP connection once the handshake is
// done) says nothing of how the session ended. Beside a Close frame read, or a closing side the event names (convention 3), the close
// decides (an application code by its reason's words, convention 11); with no close recorded it stays the drop it reads as.
// @see https://www.rfc-editor.org/rfc/rfc6455#section-7.1.1
const CLEAN_END_RULE = 'concept.reset_clean';

/** The side opposite the emitter (a client's peer is the server, a server's the client); undefined for a proxy or probe. */
function peerOf(kind: string): 'client' | 'server' | undefined {
  return kind === 'client' ? 'server' : kind === 'server' ? 'client' : undefined;
}

/**
 * Whether the event's 1005 is a Close frame without a status that a side the event names sent (RFC 6455 §7.1.5: the code such a
 * frame is given): the peer of a client or server, or either side for a proxy, which relays the frames of both (round 36, eng-d2:
 * a tunnel's 1005 with the server named as closing).
 * @see https://www.rfc-editor.org/rfc/rfc6455#section-7.1.5
 */
export function codelessCloseFrame(context: EvidenceContext): boolean {
  const { event } = context;
  const initiator = event.close?.initiator;
  if (context.closeCode !== 1005 || event.close?.on_wire === true || initiator === undefined) return false;
  return event.source.kind === 'proxy' ? initiator === 'client' || initiator === 'server' : initiator === peerOf(event.source.kind);
}

/**
 * Whether the event's drop words (a reset or drop finding) are only a library's statement that its socket is closed (the error's name
 * or its message, each naming the closed state and no more), beside a Close frame the peer sent: the frame states the end.
 */
export function closedStateBesideCloseFrame(context: EvidenceContext): boolean {
  const { event } = context;
  const close = event.close;
  if (close === undefined || event.error === undefined) return false;
  const frame = close.on_wire === true || codelessCloseFrame(context);
  // A clean end stated (CLEAN_END_RULE) needs only a close the event records: a Close frame, or a closing side named (convention 3).
  if (!frame && !(event.outcome === 'closed' && (close.initiator === 'client' || close.initiator === 'server'))) return false;
  let drop = false;
  for (const hit of context.hits) {
    if (hit.cause !== 'network_reset' && hit.cause !== 'abnormal_closure') continue;
    if (hit.rule === CLEAN_END_RULE) {
      drop = true;
      continue;
    }
    if (!frame) return false;
    const kind = hit.evidence.kind;
    if (kind === 'error.name') {
      if (!CLOSED_STATE_NAME.test(event.error.name ?? '')) return false;
    } else if (kind !== 'error.message' || !statesOnlyClosedState(event.error.message ?? '')) return false;
    drop = true;
  }
  return drop;
}

// A reason that is a close code ("1009", "close 1009: message too big", "status=1002"): the API reports the drop as 1006
// and keeps the code that ended the session in the reason (a client's own close for a message over its limit, which it
// never got to send, or the peer's code it read before the connection dropped).
const REASON_CODE = /^\W*(?:(?:close|closed|status|code)\W{0,3}(?:code\W{0,3})?)?(1\d{3})\b/i;

/** A 1006 whose reason names another registered close code with an `other` cause: that code's cause (RFC 6455 §7.4.1). */
export function reasonCodeFinding(context: EvidenceContext): Finding | undefined {
  if (context.closeCode !== 1006) return undefined;
  const reason = context.event.close?.reason;
  const named = reason ? REASON_CODE.exec(reason) : null;
  if (!named) return undefined;
  const code = Number(named[1]);
  const row = closeCodeRow(code);
  if (!row?.cause || row.cause === 'abnormal_closure' || attributionOf(row.cause) !== 'other') return undefined;
  return {
    cause: row.cause,
    confidence: 0.5,
    evidence: { kind: 'close.reason', detail: `close 1006 with the reason ${JSON.stringify((reason as string).slice(0, 60))}: the session ended on ${code} ${row.name}, the API reports the drop that followed (rule close_codes.1006_reason_code, RFC 6455 §7.4.1)` },
  };
}

/**
 * A 1005 or 1006 that an API made up, whose error is the close itself: the error's code is the close code (or absent) and its
 * message is the close reason, word for word. Neither code is ever sent (RFC 6455 §7.4.1), so the reason is no Close frame's:
 * it is the API's description of the code from its own status table (SocketCluster's `socketProtocolErrorStatuses`: 1005
 * "Socket closed without status code", 1006 "Socket hung up" for every failure before open, sc-errors), not a transport's
 * report of a reset (Node's "socket hang up" comes with ECONNRESET and no close reason). Its drop words say what the code
 * says and no more: a 1006 before open stays a connect that failed without its reason (convention "A 1006 before the
 * connection opened": unknown_failure), a 1005 a Close frame without a status.
 * @see https://github.com/SocketCluster/sc-errors/blob/master/index.js (socketProtocolErrorStatuses)
 */
export function describesOwnCode(context: EvidenceContext): boolean {
  const code = context.closeCode;
  if (code === 1006) {
    if (context.event.outcome !== 'failed' || context.status === 101) return false;
  } else if (code !== 1005) return false;
  const close = context.event.close;
  const error = context.event.error;
  if (close === undefined || close.on_wire === true || !close.reason || error === undefined || error.message !== close.reason) return false;
  return error.code === undefined || String(error.code) === String(code);
}

/**
 * A server's own line that states the close code it sent ("closing with 1008" — http4s apps; "sending close 1011",
 * "close(1001)") before the reset or broken pipe its peer caused: the server started the closing handshake with that code
 * (RFC 6455 §5.5.1, §7.1.2) and the peer tore the TCP connection down after it, so the stated code decides as a close code
 * read from the event does, and the reset is the peer's teardown (the reading of holdout-33's
 * http4s labels; no written convention names it yet). A reset before any stated close stays the drop it is.
 * @see https://www.rfc-editor.org/rfc/rfc6455#section-7.1.2
 * @example "INFO app.ws - ws /ws 127.0.0.1:49598 closing with 1008\nERROR … receive failed\njava.io.IOException: Connection reset by peer"
 */
const STATED_CLOSE = /\b(?:closing with|sending close(?: frame)?|sent close(?: frame)?|close\()\s*(?:code\s*)?(1\d{3}|[2-4]\d{3})\b/i;
const PEER_TEARDOWN = /\b(?:connection reset|reset by peer|broken pipe|ECONNRESET|EPIPE)\b/i;
export function statedCloseBeforeReset(source: { readonly kind: string }, message: string | undefined): boolean {
  return source.kind === 'server' && message !== undefined && statesCloseBeforeReset(message);
}
// Read once per distinct message (every server event asks, classify.ts).
const statesCloseBeforeReset = oncePerText((message) => {
  const stated = STATED_CLOSE.exec(message);
  if (!stated) return false;
  const reset = PEER_TEARDOWN.exec(message);
  return reset !== null && reset.index > stated.index;
});

/**
 * The same statement in a library's own exception chain (any emitter; its error message or a label holding its chain,
 * evidence-context.ts errorTextLabelsText): websockets' ConnectionClosed prints "sent {code} ({name}) {reason}" for a close the
 * library started itself, at the head of its text ("received …; then sent …" is its answer to the peer's code and does not count),
 * and a later link's reset is the peer's teardown after it (round 37, eng-e1). A 1006 or 1005 is never sent (RFC 6455 §7.4.1).
 * @see https://github.com/python-websockets/websockets/blob/main/src/websockets/exceptions.py (ConnectionClosed.__str__)
 */
const SENT_FIRST = /(?:^|\n|:\s)sent\s+(1\d{3}|[34]\d{3})\s+\(/;
export function sentCloseBeforeReset(text: string): boolean {
  if (text === '') return false;
  const stated = SENT_FIRST.exec(text);
  if (!stated || stated[1] === '1005' || stated[1] === '1006') return false;
  const reset = PEER_TEARDOWN.exec(text.slice(stated.index));
  return reset !== null;
}
