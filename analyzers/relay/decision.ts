// What a relay's logged bytes give the decision: the fields the event lacks (the upgrade's status and extension headers, the
// first Close frame and its sender, the side that ended an opaque TLS session), read by the existing rules (1010 replay,
// close codes, HTTP status), and two findings no field holds (a wrong Sec-WebSocket-Accept, an unoffered subprotocol).
import type { Evidence } from '../../schemas/classification.js';
import type { TelemetryEvent } from '../../schemas/telemetry-event.js';
import { sourcedFinding, type SourcedFinding } from '../candidate.js';
import { expectedAccept } from '../websocket-accept.js';
import { headerValue } from './payload.js';
import { citeRelay, relayFactsOf, type RelayFacts } from './session.js';
import type { TraceFacts } from './trace.js';

export interface RelayView {
  readonly event: TelemetryEvent;
  /** The relay facts that filled the event's fields, cited (appended to the result's evidence). */
  readonly evidence: readonly Evidence[];
}

/**
 * The event with the fields its relay log shows and it lacks, or undefined when the log adds nothing (most events: no
 * allocation). Recorded fields always win; a relay's own words (refused,
 * resolver, timeout) stay in the text for the text tier.
 * - the answer's status, and Sec-WebSocket-Extensions of the request and of a 101 ("" when absent, as the schema has it);
 * - the first Close frame: its code (1005 without a status, RFC 6455 §7.4.1), reason, sender, read from the wire;
 * - for a session whose bytes were TLS only (nothing readable) and that opened (outcome closed), the side the relay says
 *   ended it, as close.initiator: the one fact about its close the log gives (convention "An opened connection that ends with
 *   no close code": close.initiator says a closing side was named).
 */
export function withRelayFacts(event: TelemetryEvent): RelayView | undefined {
  if (event.source.kind !== 'proxy') return undefined;
  const facts = relayFactsOf(event.error?.message);
  if (!facts) return undefined;
  const evidence: Evidence[] = [];
  let handshake = event.handshake;
  let close = event.close;
  if (facts.status !== undefined && handshake?.status === undefined) {
    handshake = { ...handshake, status: facts.status };
    evidence.push({ kind: 'error.message', detail: citeRelay(`the upgrade's answer HTTP ${facts.status}`, facts.responseLine) });
  }
  if (facts.request && handshake?.request_extensions === undefined) handshake = { ...handshake, request_extensions: headerValue(facts.request, 'sec-websocket-extensions') ?? '' };
  if (facts.status === 101 && facts.response && handshake?.response_extensions === undefined) {
    const answer = headerValue(facts.response, 'sec-websocket-extensions') ?? '';
    handshake = { ...handshake, response_extensions: answer };
    if (answer !== '') evidence.push({ kind: 'error.message', detail: citeRelay(`the 101's Sec-WebSocket-Extensions ${JSON.stringify(answer)}`, facts.responseLine) });
  }
  const first = facts.firstClose;
  if (first && close === undefined) {
    close = first.code === undefined ? { code: 1005, initiator: first.from, on_wire: false } : { code: first.code, reason: first.reason, initiator: first.from, on_wire: true };
    const what = first.code === undefined ? 'a Close frame without a status' : `a Close frame ${first.code}${first.reason ? ` ${JSON.stringify(first.reason.slice(0, 60))}` : ''}`;
    evidence.push({ kind: 'error.message', detail: citeRelay(`${what} sent first by the ${first.from} (RFC 6455 §5.5.1)`, first.line) });
  } else if (close === undefined && event.outcome === 'closed' && facts.tls && !facts.request && facts.endedBy) {
    close = { initiator: facts.endedBy };
    evidence.push({ kind: 'error.message', detail: citeRelay(`a TLS session (records only) that the relay says the ${facts.endedBy} ended`, undefined) });
  }
  if (evidence.length === 0 && handshake === event.handshake) return undefined;
  const view: TelemetryEvent = { ...event };
  if (handshake) view.handshake = handshake;
  if (close) view.close = close;
  return { event: view, evidence };
}

/**
 * Findings of a relay log's bytes that no event field holds, for the text tier (error.message):
 * - a 101 whose Sec-WebSocket-Accept is not base64(SHA-1(key + GUID)) of the request's key: the client must fail the
 *   connection (RFC 6455 §4.1 client step 4, §4.2.2) → protocol_error;
 * - a 101 selecting a subprotocol the request did not offer (RFC 6455 §4.1 client step 6) → subprotocol_mismatch.
 * @see https://www.rfc-editor.org/rfc/rfc6455#section-4.1
 */
export function relayTextFindings(kind: string, text: string, out: SourcedFinding[]): void {
  const facts = relayFactsOf(text);
  if (!facts) return;
  if (facts.trace) traceEndFinding(kind, facts.trace, out);
  endedBeforeAnswer(kind, facts, out);
  if (!facts.request || !facts.response || facts.status !== 101) return;
  acceptFinding(kind, facts, out);
  subprotocolFinding(kind, facts, out);
}

/**
 * A session the relay says ended after the client spoke (its request, or its TLS records) and before any answer came (no HTTP
 * answer, no TLS application data both ways): the relay's end line is its ordinary ending, the bytes say the server never
 * answered, a reset by convention 1 (docs/attribution.md, "Reset or EOF": no TLS word; the TLS bytes alone name no TLS cause).
 * Below a relay's own words for a refused connect, a resolver failure or a timeout (0.75+).
 */
function endedBeforeAnswer(kind: string, facts: RelayFacts, out: SourcedFinding[]): void {
  if (!facts.endedBy || facts.response || facts.tlsDataBothWays || (!facts.request && !facts.tls)) return;
  const what = facts.request ? 'the upgrade request' : 'TLS records only';
  out.push(
    sourcedFinding('relay.ended_before_answer', 'network_reset', 0.5, {
      kind,
      detail: citeRelay(`${what} went out and the relay says the ${facts.endedBy} ended the session before any answer came → network_reset (convention "Reset or EOF")`, facts.requestLine, 'relay.ended_before_answer'),
    }),
  );
}

/**
 * How a relay's debug trace shows the connection ending, read by the conventions (docs/attribution.md "Labelling conventions"):
 * - an error on the upstream's socket before its pending connect completed: a connect that failed without its reason
 *   (convention "A failure to connect stated without its reason") → unknown_failure, low;
 * - the first end an error on a socket (no orderly shutdown before it): a reset (convention "Reset or EOF"; once the session
 *   opened, rule inferred.reset_after_open makes it abnormal_closure);
 * - the first end an orderly shutdown (FIN: recv(2) returned 0) before the server sent anything: an EOF before any answer → reset;
 * - the client's orderly shutdown after the server answered: the client ended it on the answer, refused without its reason
 *   (convention "A refused upgrade answer without its reason") → unknown_failure, low. On a session that opened, an orderly
 *   end is a close whose closing side is reported (convention 2: the none classifier reads it, relay.orderly_end).
 * @see https://man7.org/linux/man-pages/man2/recv.2.html ("the return value will be 0 when the peer has performed an orderly shutdown")
 */
function traceEndFinding(kind: string, trace: TraceFacts, out: SourcedFinding[]): void {
  const push = (cause: 'network_reset' | 'unknown_failure', confidence: number, what: string, line: string): void => {
    out.push(sourcedFinding('relay.trace_end', cause, confidence, { kind, detail: citeRelay(`${what} → ${cause}`, line, 'relay.trace_end') }));
  };
  if (trace.connectFailed) return push('unknown_failure', 0.3, 'an error on the upstream socket before its connect completed, no reason shown (convention "A failure to connect stated without its reason")', trace.connectFailed);
  const end = trace.firstEnd;
  if (!end) return;
  if (!end.orderly) return push('network_reset', 0.48, `the ${end.side}'s socket failed before any orderly shutdown (convention "Reset or EOF")`, end.line);
  if (trace.received.server === 0) return push('network_reset', 0.5, `the ${end.side} shut down before the server sent anything (an EOF before any answer, convention "Reset or EOF")`, end.line);
  if (end.side === 'client') push('unknown_failure', 0.3, `the client shut down after ${trace.received.server} bytes of answer, naming no reason`, end.line);
}

function acceptFinding(kind: string, facts: RelayFacts, out: SourcedFinding[]): void {
  const key = headerValue(facts.request as NonNullable<RelayFacts['request']>, 'sec-websocket-key');
  const accept = headerValue(facts.response as NonNullable<RelayFacts['response']>, 'sec-websocket-accept');
  if (key === undefined || accept === undefined) return;
  const expected = expectedAccept(key);
  if (accept.trim() === expected) return;
  out.push(
    sourcedFinding('relay.accept_mismatch', 'protocol_error', 0.9, {
      kind,
      detail: citeRelay(`Sec-WebSocket-Accept ${JSON.stringify(accept)} where the key ${JSON.stringify(key)} gives ${JSON.stringify(expected)} (RFC 6455 §4.2.2)`, facts.responseLine, 'relay.accept_mismatch'),
    }),
  );
}

function subprotocolFinding(kind: string, facts: RelayFacts, out: SourcedFinding[]): void {
  const selected = headerValue(facts.response as NonNullable<RelayFacts['response']>, 'sec-websocket-protocol');
  if (selected === undefined || selected === '') return;
  const offered = (headerValue(facts.request as NonNullable<RelayFacts['request']>, 'sec-websocket-protocol') ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (offered.includes(selected.trim())) return;
  out.push(
    sourcedFinding('relay.subprotocol_unoffered', 'subprotocol_mismatch', 0.85, {
      kind,
      detail: citeRelay(`the 101 selected the subprotocol ${JSON.stringify(selected)}, the request offered ${offered.length > 0 ? JSON.stringify(offered.join(', ')) : 'none'} (RFC 6455 §4.1)`, facts.responseLine, 'relay.subprotocol_unoffered'),
    }),
  );
}
