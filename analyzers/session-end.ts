// How an open session ended when the event shows no Close frame: no close at all (no code, nobody named as closing), or
// a 1006 the API reported as read from a Close frame next to an EOF or reset in its texts. RFC 6455 §7.1.5: a connection
// closed without a Close frame has the close code 1006, whether or not the API reports one (docs/attribution.md,
// "Labelling conventions": an opened connection that ends with no close code).
import type { Finding } from './candidate.js';
import type { EvidenceContext } from './evidence-context.js';

const NO_CLOSE_DETAIL =
  'the session opened and ended with no close code and nobody named as closing: a clean close is a closing handshake, which gives a code (1000-4999, or 1005 for a Close frame without one), so no Close frame came, a 1006 (rule inferred.ended_without_close, RFC 6455 §7.1.5)';
// As for 1006 alone: lower on wss://, where a hidden TLS failure is as likely as a drop.
const NO_CLOSE: Finding = { cause: 'abnormal_closure', confidence: 0.3, evidence: { kind: 'outcome', detail: NO_CLOSE_DETAIL } };
const NO_CLOSE_SECURE: Finding = { cause: 'abnormal_closure', confidence: 0.25, evidence: { kind: 'outcome', detail: NO_CLOSE_DETAIL } };

/**
 * Whether the event names a side that closed the session (client or server): a closing handshake was started, a clean
 * close unless a code or error says otherwise. `unknown` names nobody.
 */
export function closedBySide(context: EvidenceContext): boolean {
  const initiator = context.event.close?.initiator;
  return initiator === 'client' || initiator === 'server';
}

/** An open session's end with no close code, no error and nobody named as closing: a drop without a Close frame. */
export function endedWithoutClose(context: EvidenceContext): Finding | undefined {
  if (context.closeCode !== undefined || context.event.error !== undefined || closedBySide(context)) return undefined;
  return context.secure ? NO_CLOSE_SECURE : NO_CLOSE;
}

/**
 * A 1006 with an EOF or reset in the event's texts: the API's code for the drop the texts name (Go's CloseError{1006,
 * "unexpected EOF"}), not a code read from a Close frame, however the emitter marked it: 1006 is never sent (RFC 6455 §7.4.1).
 */
export function isApiDrop(context: EvidenceContext, code: number): boolean {
  if (code !== 1006) return false;
  for (const hit of context.hits) if (hit.cause === 'network_reset' || hit.cause === 'abnormal_closure') return true;
  return false;
}
