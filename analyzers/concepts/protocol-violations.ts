// The generalising tier's WebSocket protocol violations: a frame or handshake answer that breaks RFC 6455,
// in any library's words (a masked server frame, RSV bits set, an unknown opcode, an illegal close code, a
// wrong Sec-WebSocket-Accept). One cited row per concept; findings carry a moderate confidence (0.55, like the
// other concepts) and evidence naming the concept and the section. A close code the text names is read
// through the close-code table: a registered code a library refused (Pekko rejects 1012) is that code's cause.
import type { Cause } from '../../schemas/classification.js';
import { attributionOf, sourcedFinding, type SourcedFinding } from '../candidate.js';
import { closeCodeRow } from '../close-codes.js';

const rfc = (section: string, anchor: string): string => `RFC 6455 §${section} https://www.rfc-editor.org/rfc/rfc6455#section-${anchor}`;

export interface ViolationConcept {
  /** Stable id "concept.ws_<what>", printed in evidence. */
  readonly id: string;
  readonly pattern: RegExp;
  /** What the section requires, briefly, for the evidence. */
  readonly meaning: string;
  readonly source: string;
  /** A phrasing the concept recognises (a test runs every row on it). */
  readonly example: string;
}

const BAD = String.raw`(?:unexpected|invalid|incorrect|illegal|unknown|reserved|unsupported|unrecognized|bad|non-?zero|wrong)`;

/** In table order; every row points to protocol_error. */
export const violationConcepts: readonly ViolationConcept[] = [
  {
    id: 'concept.ws_masked_frame',
    // A client must fail the connection on a masked frame from the server, a server on an unmasked one from a client; the mask
    // bit called wrong before its name too (gorilla/websocket's "incorrect mask flag", either side).
    pattern: new RegExp(String.raw`\bmasked\s+(?:\w+\s+){0,2}frames?\b|\bframes?\b[^\n]{0,40}?\bmust\s+not\s+be\s+masked\b|\bmask(?:ing)?\s+(?:bit|flag)\b[^\n]{0,30}?\b(?:set|unexpected|not allowed|invalid)\b|\b${BAD}\s+mask(?:ing)?\s+(?:bit|flag)\b`, 'i'),
    meaning: 'a client masks every frame it sends and a server none',
    source: rfc('5.1', '5.1'),
    example: 'WebSocketError: got a masked data frame from the server',
  },
  {
    id: 'concept.ws_rsv_bits',
    pattern: new RegExp(String.raw`\b${BAD}\s+(?:\w+\s+){0,2}rsv[123]?\b|\brsv[123]?\s+(?:bit|flag)s?\b[^\n]{0,20}?\b(?:set|must be|unexpected|invalid|not allowed)\b|\b${BAD}\s+reserved\s+(?:\w+\s+)?bits?\b|\b(?:reserved|rsv[123]?)\s+bits?\b[^\n]{0,30}?\b(?:set|non-?zero|not\s+(?:zero|0|cleared)|unexpected|invalid|not allowed)\b|\bReservedBits?(?:Not(?:Zero|Cleared)|Set|NonZero)\b`, 'i'),
    meaning: 'RSV1-3 must be 0 unless an extension negotiated a meaning for them',
    source: rfc('5.2', '5.2'),
    // "Reserved bits are not zero" (yawc 0.5, holdout-14), "ReservedBitsNotZero": the same rule in the words of §5.2 ("MUST be 0").
    example: 'frame error: reserved bits set (no extension negotiated)',
  },
  {
    id: 'concept.ws_opcode',
    pattern: new RegExp(String.raw`\b${BAD}\s+(?:\w+\s+){0,2}op-?codes?\b|\bop-?code\b[^\n]{0,30}?\b(?:is\s+reserved|not\s+supported|unsupported|unknown|invalid|illegal)\b`, 'i'),
    meaning: 'opcodes 0x3-0x7 and 0xB-0xF are reserved; a client receiving one must fail the connection',
    source: `${rfc('5.2', '5.2')}; ${rfc('5.5', '5.5')}`,
    example: 'read loop: frame with reserved opcode 0xB',
  },
  {
    id: 'concept.ws_close_code',
    // A Close frame's code breaking the ranges ("Code 1005 is reserved and may not be used", "must be in range").
    pattern: /\b(?:close\s+|status\s+)?code\b[^\n]{0,30}?\b(?:is\s+reserved|may\s+not\s+be\s+used|must\s+(?:be\s+)?in\s+range|out\s+of\s+range|not\s+allowed\s+in\s+(?:a\s+)?close)|\b(?:close|status)\s+code\b[^\n]{0,20}?\bnot\s+defined\s+in\s+(?:the\s+)?(?:spec|specification|rfc)\b|\b(?:illegal|invalid)\s+close\s+frame\b/i,
    meaning: 'a Close frame may carry only 1000-1003, 1007-1014 and 3000-4999',
    source: `${rfc('7.4.1', '7.4.1')}; ${rfc('7.4.2', '7.4.2')}`,
    example: 'close frame carried code 1004 which is reserved',
  },
  {
    id: 'concept.ws_accept_key',
    // The server's Sec-WebSocket-Accept must be the base64 SHA-1 of the client's key and the GUID.
    // "… but was 'y'" (OkHttp), "received Sec-Websocket-Accept x but expected y" (nopoll): a value set against the one required.
    pattern: /\bSec-WebSocket-Accept\b[^\n]{0,160}?\bbut\s+(?:was|got|received|is|expected)\b|\bSec-WebSocket-Accept\b[^\n]{0,20}?\b(?:mismatch|does\s+not\s+match|invalid|incorrect|wrong)\b|\bbad_accept\b/i,
    meaning: "the server's Sec-WebSocket-Accept must answer the client's key",
    source: rfc('4.1', '4.1'),
    example: "handshake: expected Sec-WebSocket-Accept 'abc=' but got 'xyz='",
  },
];

/**
 * A close code the text says the peer sent and the library refused ("invalid close code '1012'"), or the
 * library's own Close with a code ("closing connection with error code Some(1002)"). The first capture is the
 * code, or a single non-ASCII character (OpenJDK's WebSocket client prints the code as a char: "Illegal status
 * code: ϭ" is 1005).
 */
const REFUSED_CODE = /\b(?:illegal|invalid|bad|unexpected|unknown|reserved)\s+(?:close|closing|status)\s+code\W{0,3}(?:(\d{1,5})\b|([^\x00-\x7f])(?![\w\x80-\uffff]))/i;
const CLOSING_CODE = /\bclos(?:e|ed|ing)\b[^\n]{0,40}?\b(?:error\s+|close\s+|status\s+)?code\W{0,3}(?:Some\()?(\d{4})\b/i;
const CONFIDENCE = 0.55;
// A registered code the library refused is what the peer meant: above the violation words and the close it reports.
const REFUSED_VALID_CONFIDENCE = 0.56;

function finding(kind: string, rule: string, cause: Cause, confidence: number, detail: string): SourcedFinding {
  return sourcedFinding(rule, cause, confidence, { kind, detail }, undefined, true);
}

const shown = (text: string, index: number, length: number): string => JSON.stringify(text.slice(index, index + length).slice(0, 80));

/** A close code stated in the text, read through the close-code table (RFC 6455 §7.4). */
function closeCodeFinding(kind: string, text: string): SourcedFinding | undefined {
  const refused = REFUSED_CODE.exec(text);
  if (refused) {
    const code = refused[1] !== undefined ? Number(refused[1]) : (refused[2] as string).charCodeAt(0);
    // "Invalid status code 404" is an HTTP answer, not a Close frame.
    const http = /status/i.test(refused[0]) && code >= 100 && code < 600;
    if (!http) {
      const row = closeCodeRow(code);
      const words = shown(text, refused.index, refused[0].length);
      if (row?.wire === 'valid' && row.cause && attributionOf(row.cause) === 'other' && !row.clientOnly)
        return finding(kind, 'concept.ws_refused_close_code', row.cause, REFUSED_VALID_CONFIDENCE,
          `words ${words}: the peer closed with ${code} ${row.name}, a registered code the library refused → ${row.cause} (concept concept.ws_refused_close_code, ${row.source})`);
      return finding(kind, 'concept.ws_close_code', 'protocol_error', CONFIDENCE,
        `words ${words}: close code ${code} may not be sent in a Close frame → protocol_error (concept concept.ws_close_code, ${rfc('7.4', '7.4')})`);
    }
  }
  const closing = CLOSING_CODE.exec(text);
  if (closing) {
    const code = Number(closing[1]);
    const row = closeCodeRow(code);
    // Only the codes that say the protocol was broken (1002, 1003, 1007): the others say nothing the close field would not.
    if (row?.wire === 'valid' && row.cause === 'protocol_error')
      return finding(kind, 'concept.ws_closing_code', 'protocol_error', CONFIDENCE - 0.05,
        `words ${shown(text, closing.index, closing[0].length)}: closed with ${code} ${row.name} → protocol_error (concept concept.ws_closing_code, ${row.source})`);
  }
  return undefined;
}

/** Appends the protocol violations one text names to `out`, at most one per concept. */
export function findProtocolViolations(kind: string, text: string, out: SourcedFinding[]): void {
  const code = closeCodeFinding(kind, text);
  if (code) out.push(code);
  for (const concept of violationConcepts) {
    const match = concept.pattern.exec(text);
    if (!match) continue;
    if (code && concept.id === 'concept.ws_close_code') continue;
    out.push(finding(kind, concept.id, 'protocol_error', CONFIDENCE,
      `words ${shown(text, match.index, match[0].length)}: ${concept.meaning} → protocol_error (concept ${concept.id}, ${concept.source})`));
  }
}
