// A server's own report that it refused a client's upgrade request: the request was not one RFC 6455 §4.2.1 lets it
// answer with a 101 (not a GET, no Upgrade or Connection field, no Sec-WebSocket-Key, an unsupported
// Sec-WebSocket-Version), or the bytes could not be read as an HTTP request at all (a TLS ClientHello on a plaintext
// port, binary on the HTTP parser). The server reads the client's request, not an answer: the client broke the opening
// handshake, `protocol_error` (docs/attribution.md, "Labelling conventions": a server's view of a malformed request).
// @see https://www.rfc-editor.org/rfc/rfc6455#section-4.2.1 (reading the client's opening handshake)
// @see https://www.rfc-editor.org/rfc/rfc6455#section-4.2.2 (a server that does not accept it answers an HTTP error, e.g. 400)
import type { Finding } from '../../candidate.js';
import type { EvidenceContext } from '../../evidence-context.js';
import { upgradeRefusalText } from '../../upgrade-refusal-texts.js';

// An error that names the opening handshake, or the HTTP request's parse ("HandshakeError", "handshake error",
// "Invalid HTTP header"): the concept tier's unreadable HTTP text and its refusal without a reason are, in a server's
// words, the request it could not read or refused.
const HANDSHAKE_WORDS = /handshake/i;
const UNREADABLE_REQUEST_RULE = 'concept.unreadable_answer';

const REQUEST_REFUSED: Finding = {
  cause: 'protocol_error',
  confidence: 0.45,
  evidence: { kind: 'error.message', detail: "a server's error refusing the client's opening handshake before any answer, naming no TLS, network or HTTP status cause: the request broke RFC 6455 §4.2.1 (rule inferred.request_refused_by_server)" },
};

const refusedByText = new Map<string, Finding>();

/**
 * A failed attempt seen by a server whose only evidence is its refusal of the request (no status, TLS, code or other cause), or
 * whose text is a framework's own refusal of it (upgrade-refusal-texts.ts, at an exact rule's 0.6: a text cited from the source
 * that prints it), whatever else its lines hold (a close callback's made-up 1001 logged later).
 */
export function requestRefusedByServer(context: EvidenceContext): Finding | undefined {
  const event = context.event;
  if (event.source.kind !== 'server' || event.outcome !== 'failed' || context.status !== undefined) return undefined;
  const row = upgradeRefusalText(context);
  if (row !== undefined) {
    let found = refusedByText.get(row.id);
    if (found === undefined) {
      const detail = `the server's refusal text (${row.id}: ${row.source}) names the request's ${row.part === 'method' ? 'method (not GET)' : `${row.part} header`}: the request broke RFC 6455 §4.2.1 (rule inferred.request_refused_by_server)`;
      refusedByText.set(row.id, (found = { cause: 'protocol_error', confidence: 0.6, evidence: { kind: 'error.message', detail } }));
    }
    return found;
  }
  if (context.codes.length > 0) return undefined;
  const error = event.error;
  if (!error) return undefined;
  let unreadable = false;
  for (const hit of context.hits) {
    // A refusal without its reason ("handshake error", Ambiguity answer) is, in a server's words, the request's refusal.
    if (hit.rule === UNREADABLE_REQUEST_RULE || hit.ambiguity === 'answer') unreadable = true;
    else return undefined;
  }
  if (unreadable || HANDSHAKE_WORDS.test(error.name ?? '') || HANDSHAKE_WORDS.test(error.message ?? '')) return REQUEST_REFUSED;
  return undefined;
}
