// An HTTP answer written out in a text as its status line followed by its header fields (a client's log "upgrade answer
// 'HTTP/1.1 400 Bad Request' Sec-WebSocket-Protocol: v12.stomp", a raw answer "HTTP/1.1 426 Upgrade Required\r\nSec-WebSocket-Version:
// 13"): where its field lines are the opening handshake's own fields, they are the answer's values, never a reason for a refusal.
import { BoundedCache } from './bounded-cache.js';

// A status line (RFC 9112 §4: HTTP-version SP status-code SP [reason-phrase] CRLF): its reason phrase runs to the line's end, whatever it
// holds ("400 Bad Sec-WebSocket-Extensions: client_max_window_bits" is a reason naming the header), unless a quote opened the status
// line: then the closing quote ends it ("'HTTP/1.1 400 Bad Request' Sec-WebSocket-Protocol: v12.stomp"). Fields follow it.
// @see https://www.rfc-editor.org/rfc/rfc9112#section-4
const STATUS_LINE = /(['"`])HTTP\/\d(?:\.\d)?[ \t]+\d{3}\b[^\r\n'"`]*\1|\bHTTP\/\d(?:\.\d)?[ \t]+\d{3}\b[^\r\n]*/g;
// A field line (RFC 9112 §5: field-name ":" OWS field-value OWS), separated from the status line or the previous field by a line
// break, a quote, blanks, "; " or curl's "< " (its verbose output marks each line it received so). Its value runs to the line's end
// or to the next field's name.
// @see https://www.rfc-editor.org/rfc/rfc9112#section-5, https://curl.se/docs/manpage.html#-v
const FIELD_LINE = /[\s'"`,;<]*([A-Za-z][A-Za-z0-9-]*):[ \t]*(?:[^\r\n]*?)(?=[\s'"`,;<]+[A-Za-z][A-Za-z0-9-]*:[ \t]|[ \t]*['"`]?[ \t]*(?:\r|\n|$))/y;
// RFC 6455's fields of the opening handshake (Sec-WebSocket-*, Upgrade, Connection): in an answer they hold the server's values (a
// 426's Sec-WebSocket-Version lists the versions it supports, §4.4; Sec-WebSocket-Protocol the subprotocol it selected, §4.2.2), as
// round 30 read them in a label of the answer's headers (request-header-refusal.ts HANDSHAKE_FIELD).
// @see https://www.rfc-editor.org/rfc/rfc6455#section-4.2.2, https://www.rfc-editor.org/rfc/rfc6455#section-11.3
const HANDSHAKE_FIELD = /^(?:sec-websocket-[a-z-]+|upgrade|connection)$/i;

const cache = new BoundedCache<readonly [number, number][] | null>(512);

/**
 * The spans [start, end) of the opening handshake's field lines that follow a status line in a text (name and value), or undefined
 * when there are none. Memoized per distinct text; texts without "HTTP/" answer at once.
 */
export function answerFieldLines(text: string): readonly [number, number][] | undefined {
  if (!text.includes('HTTP/')) return undefined;
  return cache.get(text, () => scan(text)) ?? undefined;
}

function scan(text: string): [number, number][] | null {
  let spans: [number, number][] | null = null;
  STATUS_LINE.lastIndex = 0;
  for (let status = STATUS_LINE.exec(text); status !== null; status = STATUS_LINE.exec(text)) {
    let at = status.index + status[0].length;
    for (;;) {
      FIELD_LINE.lastIndex = at;
      const field = FIELD_LINE.exec(text);
      if (field === null || field[0].length === 0) break;
      const name = field[1] as string;
      if (HANDSHAKE_FIELD.test(name)) (spans ??= []).push([at + field[0].indexOf(name), at + field[0].length]);
      at += field[0].length;
    }
    STATUS_LINE.lastIndex = Math.max(STATUS_LINE.lastIndex, at);
  }
  return spans;
}

/** The text with its answer's handshake field lines blanked (same length), or the text itself when it has none. */
export function blankAnswerFieldLines(text: string): string {
  const spans = answerFieldLines(text);
  if (spans === undefined) return text;
  let out = '';
  let from = 0;
  for (const [start, end] of spans) {
    out += text.slice(from, start) + ' '.repeat(end - start);
    from = end;
  }
  return out + text.slice(from);
}
