// Close-code table (RFC 6455 §7.4 + IANA registry) and the protocol violations a Close frame can show.
// One row per code or range, each with its citation; classifiers and `closeViolations` read it.
import type { Cause } from '../schemas/classification.js';
import { oncePerText } from './bounded-cache.js';

const rfc = 'RFC 6455 §7.4.1 https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1';
const rfcRanges = 'RFC 6455 §7.4.2 https://www.rfc-editor.org/rfc/rfc6455#section-7.4.2';
const iana = 'IANA WebSocket Close Code Number Registry https://www.iana.org/assignments/websocket/websocket.xhtml#close-code-number';

/**
 * - `valid`: may appear in a Close frame;
 * - `reserved`: reserved, must not be sent (1004);
 * - `api_only`: must not be set in a Close frame, only reported by an API (1005, 1006, 1015);
 * - `invalid`: outside every range that may be sent.
 */
export type WireRule = 'valid' | 'reserved' | 'api_only' | 'invalid';

export interface CloseCodeRow {
  readonly from: number;
  readonly to: number;
  readonly name: string;
  readonly wire: WireRule;
  /** Cause this code alone suggests, when it suggests one (the `none`/`other` classifiers read it). */
  readonly cause?: Cause;
  readonly confidence?: number;
  /** Only a client may send this code (1010). */
  readonly clientOnly?: boolean;
  readonly source: string;
}

export const closeCodeTable: readonly CloseCodeRow[] = [
  { from: 0, to: 999, name: 'unused', wire: 'invalid', source: `${rfcRanges} (0-999 not used)` },
  { from: 1000, to: 1000, name: 'normal_closure', wire: 'valid', cause: 'normal_closure', confidence: 0.9, source: rfc },
  { from: 1001, to: 1001, name: 'going_away', wire: 'valid', cause: 'going_away', confidence: 0.9, source: rfc },
  { from: 1002, to: 1002, name: 'protocol_error', wire: 'valid', cause: 'protocol_error', confidence: 0.8, source: rfc },
  { from: 1003, to: 1003, name: 'unsupported_data', wire: 'valid', cause: 'protocol_error', confidence: 0.75, source: rfc },
  { from: 1004, to: 1004, name: 'reserved', wire: 'reserved', source: rfc },
  { from: 1005, to: 1005, name: 'no_status_received', wire: 'api_only', source: rfc },
  { from: 1006, to: 1006, name: 'abnormal_closure', wire: 'api_only', cause: 'abnormal_closure', confidence: 0.3, source: rfc },
  { from: 1007, to: 1007, name: 'invalid_frame_payload_data', wire: 'valid', cause: 'protocol_error', confidence: 0.8, source: rfc },
  { from: 1008, to: 1008, name: 'policy_violation', wire: 'valid', cause: 'policy_violation', confidence: 0.8, source: rfc },
  { from: 1009, to: 1009, name: 'message_too_big', wire: 'valid', cause: 'message_too_big', confidence: 0.85, source: rfc },
  { from: 1010, to: 1010, name: 'mandatory_extension', wire: 'valid', clientOnly: true, source: rfc },
  { from: 1011, to: 1011, name: 'internal_error', wire: 'valid', cause: 'server_error', confidence: 0.8, source: `${rfc}; ${iana}` },
  { from: 1012, to: 1012, name: 'service_restart', wire: 'valid', cause: 'service_restart', confidence: 0.8, source: iana },
  { from: 1013, to: 1013, name: 'try_again_later', wire: 'valid', cause: 'service_restart', confidence: 0.75, source: iana },
  { from: 1014, to: 1014, name: 'bad_gateway', wire: 'valid', cause: 'server_error', confidence: 0.75, source: iana },
  { from: 1015, to: 1015, name: 'tls_handshake', wire: 'api_only', source: rfc },
  { from: 1016, to: 2999, name: 'reserved_for_protocol', wire: 'invalid', source: `${rfcRanges} (1000-2999 reserved for this protocol and extensions); ${iana}` },
  { from: 3000, to: 3999, name: 'registered_library', wire: 'valid', source: `${rfcRanges} (3000-3999 registered with IANA); ${iana}` },
  { from: 4000, to: 4999, name: 'private_use', wire: 'valid', source: `${rfcRanges} (4000-4999 private use)` },
  { from: 5000, to: 65535, name: 'out_of_range', wire: 'invalid', source: `${rfcRanges} (no range above 4999)` },
];

// Built once: exact codes in a Map, ranges scanned only when the Map misses.
const exactRows = new Map<number, CloseCodeRow>();
const rangeRows: CloseCodeRow[] = [];
for (const row of closeCodeTable) {
  if (row.from === row.to) exactRows.set(row.from, row);
  else rangeRows.push(row);
}

export function closeCodeRow(code: number): CloseCodeRow | undefined {
  const exact = exactRows.get(code);
  if (exact) return exact;
  for (const row of rangeRows) if (code >= row.from && code <= row.to) return row;
  return undefined;
}

/** The violation vocabulary, in one place (documented in docs/attribution.md). */
export const violationKinds = [
  { id: 'close_code_1005_on_wire', rule: '1005 must not be set as a status code in a Close frame', source: rfc },
  { id: 'close_code_1006_on_wire', rule: '1006 must not be set as a status code in a Close frame', source: rfc },
  { id: 'close_code_1015_on_wire', rule: '1015 must not be set as a status code in a Close frame', source: rfc },
  { id: 'close_code_reserved:1004', rule: '1004 is reserved', source: rfc },
  { id: 'close_code_1010_sent_by_server', rule: '1010 is sent by a client that expected the server to negotiate an extension', source: rfc },
  { id: 'close_code_invalid:<n>', rule: 'codes 0-999, 1016-2999 and above 4999 are not valid on the wire', source: rfcRanges },
] as const;

export interface CloseFacts {
  readonly code?: number | undefined;
  readonly initiator?: 'client' | 'server' | 'unknown' | undefined;
  readonly on_wire?: boolean | undefined;
}

/** Whether the event names no side as starting the close (initiator absent or unknown): the API does not say who closed. */
export function closeSideUnnamed(close: CloseFacts): boolean {
  return close.initiator === undefined || close.initiator === 'unknown';
}

/**
 * Protocol breaches a close shows. 1005/1006/1015 are legitimately reported by APIs, so they are
 * breaches only when read from a Close frame (`on_wire: true`); every other breach is flagged unless
 * the emitter says the code was synthesized (`on_wire: false`), since no API synthesizes them.
 */
// Most events break no rule: one shared empty list instead of an allocation per event (never mutated).
const NO_VIOLATIONS: string[] = [];

/**
 * A code below 1000 that the event does not mark as read from a Close frame is the API's own number, not the wire's: RFC 6455
 * §7.4.2 leaves 0-999 unused, so a conforming peer never sends one, and client libraries hand their own disconnect codes in the
 * same slot (centrifuge-go: 0 "disconnect called", 1 transport closed with the server's reason, 3 message size limit;
 * https://github.com/centrifugal/centrifuge-go/blob/master/codes.go). Such an event is read as one without a close code, by
 * its reason's words; `on_wire: true` keeps the breach (a peer that sent it).
 * @see https://www.rfc-editor.org/rfc/rfc6455#section-7.4.2
 */
export function apiOwnCode(close: CloseFacts | undefined): boolean {
  const code = close?.code;
  return code !== undefined && code >= 0 && code < 1000 && close?.on_wire !== true;
}

export function closeViolations(close: CloseFacts | undefined): string[] {
  const code = close?.code;
  if (close === undefined || code === undefined) return NO_VIOLATIONS;
  const row = closeCodeRow(code);
  if (!row) return NO_VIOLATIONS;
  switch (row.wire) {
    case 'api_only':
      return close.on_wire === true ? [`close_code_${code}_on_wire`] : NO_VIOLATIONS;
    case 'reserved':
      return close.on_wire === false ? NO_VIOLATIONS : [`close_code_reserved:${code}`];
    case 'invalid':
      // 0-999 unmarked is the API's own number (apiOwnCode): a breach only when the emitter read it from a Close frame.
      if (apiOwnCode(close)) return NO_VIOLATIONS;
      return close.on_wire === false ? NO_VIOLATIONS : [`close_code_invalid:${code}`];
    case 'valid':
      return row.clientOnly && close.initiator === 'server' && close.on_wire !== false
        ? [`close_code_${code}_sent_by_server`]
        : NO_VIOLATIONS;
  }
}

/**
 * A text quoting a 1010 its emitter *received* from its peer: the peer sent it. RFC 6455 §7.4.1 reserves 1010 for the client, so
 * whose close it was decides its reading: in a client's text the server sent it (a protocol error), in a server's the client did (the
 * 1010 family, convention 11: a 1010 from a client). The family: gorilla's CloseError, which conn.go builds only for a Close frame it
 * read ("websocket: close 1010 (mandatory extension missing): <the peer's reason>", CloseError.Error; advanceFrame), Python websockets'
 * ConnectionClosed ("received 1010 (mandatory extension) …; then sent …", exceptions.py), coder/websocket's CloseError ("received close
 * frame: status = StatusMandatoryExtension"), and any library's received or peer's close stated with its code ("received close frame
 * code=1010", "Received Close frame with status 1010", "peer closed with 1010", "connection closed by remote peer, code: 1010";
 * round 40, r40-b). A close the emitter sent ("sending close 1010", "closed with 1010") names no peer and is not read so.
 * @see https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1
 * @see https://github.com/gorilla/websocket/blob/main/conn.go (CloseError.Error, advanceFrame)
 * @see https://github.com/python-websockets/websockets/blob/main/src/websockets/exceptions.py (ConnectionClosed.__str__)
 */
export const RECEIVED_1010 =
  /\breceived 1010\b|\breceived close frame: status = StatusMandatoryExtension\b|\bwebsocket: close 1010\b|\breceived (?:an? )?close(?: frame| message)?\b[^\n\d]{0,24}?\b1010\b|\b(?:peer|remote(?: peer| endpoint| side| end)?)\b[^\n\d]{0,24}?\bclosed?\b[^\n\d]{0,24}?\b1010\b|\bclosed by (?:the )?(?:remote )?(?:peer|remote)\b[^\n\d]{0,24}?\b1010\b/i;

// Read once per distinct message (two classifiers ask for every client event), a substring check first: almost no message
// mentions 1010, and on texts full of digits (timestamps, addresses) the search for "1010" stops at every "1".
const statesReceived1010 = oncePerText((message) => (message.includes('1010') || message.includes('MandatoryExtension')) && RECEIVED_1010.test(message));

/** A client's text quoting a 1010 it received: the server sent it. */
export function clientReceived1010(source: { readonly kind: string }, message: string | undefined): boolean {
  return source.kind === 'client' && message !== undefined && statesReceived1010(message);
}

/** A server's text quoting a 1010 it received (gotty's log of gorilla's CloseError): the client sent it, the 1010 family's close. */
export function serverReceived1010(source: { readonly kind: string }, message: string | undefined): boolean {
  return source.kind === 'server' && message !== undefined && statesReceived1010(message);
}

// What the quoted close says after its code: gorilla's name in parentheses, then ": " and the peer's reason (CloseError.Error).
// websockets' ConnectionClosed goes on with "; then sent …", its own close: not the peer's words.
const AFTER_RECEIVED_1010 = /1010\b(?:\s*\([^)\n]*\))?[:;,]?\s*((?:(?!;\s*then sent)[^\n]){0,120})/;
/** The peer's words after the quoted 1010 (its reason, as far as the line holds it), '' when none. */
export function received1010Reason(message: string): string {
  const at = RECEIVED_1010.exec(message);
  if (at === null) return '';
  const tail = AFTER_RECEIVED_1010.exec(message.slice(at.index));
  return tail?.[1]?.trim() ?? '';
}

/** What `receivedUnasked1010` reads of an event: who reported it, its close and its handshake's extension fields. */
export interface Received1010Facts {
  readonly source: { readonly kind: string };
  readonly close?: CloseFacts | undefined;
  readonly handshake?: { readonly required_extensions?: readonly string[] | undefined } | undefined;
}

/**
 * A 1010 a client read from a Close frame (`on_wire` true) that it is not named as starting (initiator absent or unknown),
 * in an event that records no requirement of the server's extensions (`required_extensions` absent or empty). RFC 6455
 * §7.4.1 has 1010 sent by a client "because it has expected the server to negotiate one or more extension"; a client that
 * sends it decides so itself, after checking the answer against what it requires, and an application knows the closes it
 * starts: the events record `initiator: client` (every one of the 291 client and probe events of the 1010 family with a
 * Close-frame 1010 in the training sets, round 21) or the requirement it checked. A Close-frame 1010 that the event credits
 * to no side and that follows no recorded requirement is one the client received: the server sent it (as
 * `clientReceived1010` reads it from a text). An offer alone is no requirement (round 32, 1.5.97): the server may decline
 * any offered extension and the client goes on without it (RFC 6455 §9.1; RFC 7692 §5: permessage-deflate is negotiated,
 * not imposed), and no training event's own 1010 rested on an offer alone, while webstomp-client over ws (holdout39-
 * webstomp-client-38: pmd offered and declined, a server's 1010 with no side named) read as one put a server's 1010 in the
 * family. A client that started the close or required an extension may have sent the 1010 itself (the frame it read is the
 * server's echo, §5.5.1): the 1010 family reads those.
 * @see https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1
 */
export function receivedUnasked1010(event: Received1010Facts): boolean {
  const close = event.close;
  if (close?.code !== 1010 || close.on_wire !== true || !closeSideUnnamed(close)) return false;
  if (event.source.kind !== 'client' && event.source.kind !== 'probe') return false;
  const required = event.handshake?.required_extensions;
  return required === undefined || required.length === 0;
}

/**
 * The findings that name 1007's condition, a text message whose data was no UTF-8 (RFC 6455 §8.1: the endpoint _Fails the
 * WebSocket Connection_; §7.4.1: 1007): the concept (UnicodeDecodeError, "invalid UTF-8") and Chromium's exact text.
 * @see https://www.rfc-editor.org/rfc/rfc6455#section-8.1
 */
const INVALID_PAYLOAD_RULES: ReadonlySet<string> = new Set(['concept.invalid_utf8', 'chromium.invalid_utf8']);

export function namesInvalidPayload(hits: readonly { readonly rule: string }[]): boolean {
  for (const hit of hits) if (INVALID_PAYLOAD_RULES.has(hit.rule)) return true;
  return false;
}
