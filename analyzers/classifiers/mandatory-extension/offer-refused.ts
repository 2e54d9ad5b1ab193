// A server that refused the upgrade with a 400 whose texts name its extension offer (Sec-WebSocket-Extensions invalid or
// unacceptable, a parameter out of range): the offer failed extension negotiation before any 101, so the 1010 family's
// extension_params_rejected, above the 400's http_rejected (convention "An upgrade request refused for its WebSocket header",
// widened by the lead: issue 11 names "a duplicated or malformed Sec-WebSocket-Extensions" an extension-negotiation failure).
// Since round 39 (r39-a) any error status the server answered itself (convention "An extension refused with any status": Tornado's
// 500 after `unsupported compression parameter`, Jetty's 500 after "Multiple extensions of the same name"); not a gateway's 5xx.
// @see https://www.rfc-editor.org/rfc/rfc7692#section-5 (the server declines or refuses an offer's parameters)
// @see https://www.rfc-editor.org/rfc/rfc6455#section-4.2.2 (a request the server does not accept: an HTTP error such as 400)
import type { Finding } from '../../candidate.js';
import type { EvidenceContext } from '../../evidence-context.js';
import { extensionOfferNamed } from '../../request-header-refusal.js';
import { extensionInReasonPhrase } from '../../status-line-reason.js';

// Above the 400's own finding (0.9), as the other header refusals stand 0.01 above it, and above that finding corroborated by
// the access line's own 400 in the text (0.92, findings.ts: +0.02 for a second kind of evidence), since a server's log carries both.
// Round 38 (eng-f2): above the 400 however many fields restate it (the status field, a client's "server rejected WebSocket
// connection: HTTP 400" message, its InvalidStatus name: 0.94, findings.ts's +0.02 per kind): restating the status names no
// reason, the answer does. Counted from the event's own http_rejected findings, one per field kind (few: a 400's texts).
const CONFIDENCE = 0.93;
const STATUS_CONFIDENCE = 0.9;
function aboveRestatedStatus(context: EvidenceContext): number {
  const kinds = new Set<string>(['handshake.status']);
  for (const hit of context.hits) if (hit.cause === 'http_rejected') kinds.add(hit.evidence.kind);
  return Math.max(CONFIDENCE, Math.round((STATUS_CONFIDENCE + 0.02 * (kinds.size - 1) + 0.01) * 100) / 100);
}

export function offerRefused(context: EvidenceContext): Finding | undefined {
  // Round 41 (r41-b): else the quoted status line's reason phrase, the server's words beside its status (status-line-reason.ts).
  const hit = extensionOfferNamed(context) ?? extensionInReasonPhrase(context);
  if (!hit) return undefined;
  const detail = `${hit.evidence.detail}, in a ${context.status ?? ''}'s answer: the server refused the request's extension offer (rule inferred.offer_refused_with_400, RFC 6455 §4.2.2, RFC 7692 §5)`;
  return { cause: 'extension_params_rejected', confidence: aboveRestatedStatus(context), evidence: { kind: hit.evidence.kind, detail } };
}
