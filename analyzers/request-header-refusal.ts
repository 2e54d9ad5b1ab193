// A 400 whose texts name a WebSocket header of the upgrade request takes that header's cause (convention "An upgrade request
// refused for its WebSocket header", widened by the lead in round 16): Sec-WebSocket-Key, -Version, Upgrade or Connection →
// protocol_error (RFC 6455 §4.2.1), Sec-WebSocket-Extensions → the 1010 family (the server refused the offer's parameters,
// RFC 7692 §5), Sec-WebSocket-Protocol → subprotocol_mismatch (read by the other classifier's refused_for_subprotocol).
// §4.2.2 has the server answer such a request with an HTTP error such as 400: the header says why.
// @see https://www.rfc-editor.org/rfc/rfc6455#section-4.2.1, https://www.rfc-editor.org/rfc/rfc6455#section-4.2.2
import type { SourcedFinding } from './candidate.js';
import { findConcepts } from './concepts/scanner.js';
import type { EvidenceContext } from './evidence-context.js';

// The concepts that read a missing or bad Sec-WebSocket-Key/-Version, Upgrade or Connection field (concepts.ts).
const REQUEST_HEADER_RULES: ReadonlySet<string> = new Set(['concept.accept_key', 'concept.upgrade_field', 'concept.upgrade_header', 'concept.upgrade_missing', 'concept.request_version']);

/** Only a 400 the server itself answered (not a gateway's): the status the convention reads. */
const refused400 = (context: EvidenceContext): boolean => context.status === 400 && !context.gatewayStatus;

/**
 * The finding naming a Sec-WebSocket-Key/-Version, Upgrade or Connection field in a 400's texts, or undefined. An exact rule
 * that knows the text (a client library's "Invalid Upgrade header", said of an answer) stops the concept tier on it, so where
 * the 400 stands beside an exact protocol_error finding, the lexicon reads that field's text once more for the header.
 */
export function requestFieldNamed(context: EvidenceContext): SourcedFinding | undefined {
  if (!refused400(context)) return undefined;
  for (const hit of context.hits) if (REQUEST_HEADER_RULES.has(hit.rule)) return hit;
  for (const hit of context.hits) {
    if (hit.concept || hit.cause !== 'protocol_error') continue;
    const read = conceptsOf(context, hit.evidence.kind);
    for (const finding of read) if (REQUEST_HEADER_RULES.has(finding.rule)) return finding;
  }
  return undefined;
}

/** A 1010-family finding (an extension header refused, exact or concept) in a 400's texts: the server refused the offer. */
export function extensionOfferNamed(context: EvidenceContext): SourcedFinding | undefined {
  if (!refused400(context)) return undefined;
  for (const hit of context.hits) if (hit.attribution === '1010') return hit;
  return undefined;
}

function conceptsOf(context: EvidenceContext, kind: string): SourcedFinding[] {
  const event = context.event;
  const text = kind === 'error.message' ? event.error?.message : kind === 'error.name' ? event.error?.name : kind === 'close.reason' ? event.close?.reason : undefined;
  const out: SourcedFinding[] = [];
  if (text) findConcepts(kind, text, out);
  return out;
}
