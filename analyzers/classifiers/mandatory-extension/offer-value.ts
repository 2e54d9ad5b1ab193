// A bare value error from a client that offered permessage-deflate window bits and failed before the session opened,
// when the event does not record the answer: the number it could not accept is outside what RFC 7692 allows for the
// window bits (8..15), the only small integer a client reads from the upgrade's answer. wtx prints
// "UnexpectedUint { received: 7 }" for "server_max_window_bits=7".
// @see https://www.rfc-editor.org/rfc/rfc7692#section-7.1.2 (max_window_bits: a decimal 8..15; the client fails the connection otherwise)
import type { Finding } from '../../candidate.js';
import type { EvidenceContext } from '../../evidence-context.js';

// A value the client did not expect, then the number ("UnexpectedUint { received: 7 }", "invalid integer 7",
// "unexpected value: 20", "bad number 0").
const VALUE_ERROR = /\b(?:unexpected|invalid|bad|wrong|illegal|unsupported)[ _]?(?:u?int(?:eger)?\d*|number|digit|value|literal)\b\W{0,20}(?:(?:received|got|found|value|is)\W{0,4})?(\d{1,3})\b/i;
const WINDOW_BITS_OFFER = /max_window_bits/i;

export function offeredValueRejected(context: EvidenceContext): Finding | undefined {
  const event = context.event;
  const handshake = event.handshake;
  if (event.outcome !== 'failed' || !handshake || handshake.response_extensions !== undefined) return undefined;
  if (context.status !== undefined && context.status !== 101) return undefined;
  if (!WINDOW_BITS_OFFER.test(handshake.request_extensions ?? '')) return undefined;
  const message = event.error?.message;
  const value = message ? VALUE_ERROR.exec(message) : null;
  if (!value) return undefined;
  const bits = Number(value[1]);
  if (bits >= 8 && bits <= 15) return undefined;
  return {
    cause: 'extension_params_rejected',
    confidence: 0.5,
    evidence: { kind: 'error.message', detail: `${JSON.stringify(value[0].slice(0, 60))} after an offer with max_window_bits: ${bits} is no window-bits value (8..15), the answer's parameter the client rejected (rule extensions.offered_value_rejected, RFC 7692 §7.1.2)` },
  };
}
