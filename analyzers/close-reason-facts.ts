// What a close's reason says beside a code that would otherwise read as clean (1000/1001): the emitter's own record of why it
// ended the session (its keepalive's ping went unanswered), or a library's refusal of a registered close code it did not know.
// Each reason is read by the concept tier once (oncePerText), and only where its cheap test passes.
import type { Finding, SourcedFinding } from './candidate.js';
import { oncePerText } from './bounded-cache.js';
import { findConcepts } from './concepts/scanner.js';
import { closeCodeRow } from './close-codes.js';
import type { EvidenceContext } from './evidence-context.js';

/** The concept tier's findings of a close reason (the exact tier stops it on a text it knows: "ping timed out" is system.timed_out). */
const conceptsOfReason = oncePerText((reason): readonly SourcedFinding[] => {
  const out: SourcedFinding[] = [];
  findConcepts('close.reason', reason, out);
  return out;
}, 512);

/**
 * A 1000 the emitter sent itself (the side `close.initiator` names is the event's own: a server's record of its close, a client's of
 * its own) whose reason names its keepalive wait that ran out ("ping timed out", "keepalive ping timeout", "pong timeout"): the
 * reason is the emitter's record of why it ended the session, which a 1000 ("purpose fulfilled", RFC 6455 §7.4.1) does not say
 * (conventions: a server's own record of why it ended a session is labelled by that reason; a keepalive timeout after open is
 * network_timeout). A 1000 received from the peer keeps its code's label whatever its words (convention 11): its sender chose 1000.
 * Tornado's keepalive closes so when its ping goes unanswered (websocket.py: reason "ping timed out"; `close` sends 1000 for a reason
 * given without a code). @see https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1, https://github.com/tornadoweb/tornado/blob/master/tornado/websocket.py
 */
export function ownKeepaliveClose(context: EvidenceContext): Finding | undefined {
  const { close, source } = context.event;
  if (context.closeCode !== 1000 || !close?.reason || close.initiator !== source.kind || (source.kind !== 'server' && source.kind !== 'client')) return undefined;
  for (const finding of conceptsOfReason(close.reason))
    if (finding.rule === 'concept.keepalive_missed')
      return { cause: 'network_timeout', confidence: 0.6, evidence: { kind: 'close.reason', detail: `${finding.evidence.detail}; the ${source.kind}'s own 1000, whose reason records that its keepalive wait ran out: the timer ended the session (rule inferred.own_keepalive_close, RFC 6455 §7.4.1)` } };
  return undefined;
}

// A close code written as a number in a reason (the library's refusal quotes it).
const CODE_IN_REASON = /\b1\d{3}\b/;

/**
 * A close whose reason is a library's refusal of a registered close code it does not know ("Invalid WebSocket frame: invalid status
 * code 1014" from a ws release whose `ErrorCodes.isValidErrorCode` admits 1000-1013 minus 1004-1006; "invalid close code 1013"),
 * naming another cause than the close's own code: the refused code says what its sender meant (convention 11: labelled by the refused code; the concept
 * reads only codes valid on the wire, IANA's registry: 1012 Service Restart, 1013 Try Again Later, 1014 Bad Gateway). The close's own
 * code (1001, 1002, 1005) is the library's reaction.
 * @see https://www.iana.org/assignments/websocket/websocket.xhtml#close-code-number
 * @see https://github.com/websockets/ws (lib/ErrorCodes.js of its 1.x/2.x releases, bundled by proxies built on them: isValidErrorCode admits 1000-1013 and 3000-4999)
 */
export function refusedRegisteredCode(context: EvidenceContext): Finding | undefined {
  const reason = context.event.close?.reason;
  if (!reason || !CODE_IN_REASON.test(reason)) return undefined;
  const own = context.closeCode === undefined ? undefined : closeCodeRow(context.closeCode)?.cause;
  for (const finding of conceptsOfReason(reason))
    if (finding.rule === 'concept.ws_refused_close_code' && finding.cause !== own)
      return { cause: finding.cause, confidence: 0.82, evidence: { kind: 'close.reason', detail: `${finding.evidence.detail}; the close's own code ${context.closeCode ?? 'none'} is the library's reaction to it (rule close_codes.refused_code_in_reason, convention 11)` } };
  return undefined;
}
