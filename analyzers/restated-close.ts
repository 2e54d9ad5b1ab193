// A close restated with its reason in a client's own text, where the event's close carries the code alone: the reason is read from
// the restatement (convention 11 reads a close's reason words), and a message that only restates a received close names no drop.
// Read once per distinct text (BoundedCache); only events with a close code and no reason get this far.
import { BoundedCache } from './bounded-cache.js';
import { closeCodeRow } from './close-codes.js';
import type { TelemetryEvent } from '../schemas/telemetry-event.js';

// Notations of a close code with its reason:
// - `<code>:: <reason>`: @polkadot/rpc-provider's WsProvider ("disconnected from <url>: 4001:: Unauthorized"; with no reason the
//   code's name from its own table, "1005:: No Status Received"). @see https://github.com/polkadot-js/api/blob/master/packages/rpc-provider/src/ws/index.ts (#onSocketClose) and ws/errors.ts (getWSErrorString)
// - `code: 4001, reason: Unauthorized` / `code=4001 reason=…`: a CloseEvent's fields dumped (DOM CloseEvent code/reason,
//   WHATWG HTML §9.3; Node's util.inspect of `{ code, reason }`). @see https://websockets.spec.whatwg.org/#the-closeevent-interface
//   The reason is quoted ('…', "…") or runs to the next field separator; an empty one ("reason=''") is none.
const CODED = /\b([1-4]\d{3})::[ \t]*([^\r\n]*)|\bcode\s*[:=]\s*([1-4]\d{3})\s*[,;]?\s*reason\s*[:=]\s*(?:'([^'\r\n]*)'|"([^"\r\n]*)"|([^\s,;|}'"][^,;|}\r\n]*))/gi;
// - `<socket> was closed, <reason>` with no code: xrpl.js's DisconnectedError for a pending request ("websocket was closed,
//   Unauthorized", Connection's close handler quoting the close's reason). @see https://github.com/XRPLF/xrpl.js/blob/main/packages/xrpl/src/client/connection.ts
const UNCODED = /\b(?:websocket|web socket|socket|connection)\s+(?:was\s+|has\s+been\s+)?closed,[ \t]+([^\r\n]+)/i;

interface Restated {
  /** The reason the text gives, or '' when it gives only the code's own name (no reason of the peer's). */
  readonly reason: string;
  /** Whether the text quotes the close code itself (then its words describe that close, not a drop). */
  readonly coded: boolean;
}

const restatements = new BoundedCache<Restated | null>(512);
function restatedIn(text: string, code: number): Restated | null {
  // Most texts hold neither the code nor "closed,": no cache key to build (it would hash the whole text again).
  if (!text.includes(String(code)) && !/closed,/i.test(text)) return null;
  return restatements.get(`${code}\u0000${text}`, () => {
    const wanted = String(code);
    if (text.includes(wanted)) {
      for (const match of text.matchAll(CODED)) {
        if ((match[1] ?? match[3]) !== wanted) continue;
        const reason = (match[2] ?? match[4] ?? match[5] ?? match[6] ?? '').trim();
        // The code's registered name is the library's label of the code, not the peer's reason (RFC 6455 §7.4.1 names, IANA registry).
        const name = closeCodeRow(code)?.name;
        return { reason: name !== undefined && reason.toLowerCase().replace(/[\s-]+/g, '_') === name ? '' : reason, coded: true };
      }
    }
    const uncoded = UNCODED.exec(text);
    return uncoded ? { reason: (uncoded[1] as string).trim(), coded: false } : null;
  });
}

/**
 * The event with the close's reason filled from a text that restates the close (error.message or a label other than the maker's
 * `note`), and, when the error message restates a close other than a 1006 with its code, without that message: "disconnected from
 * …: 4001:: Unauthorized" records the close the client received, not a drop (a 1006's drop words agree with it and stay).
 */
export function withRestatedClose(event: TelemetryEvent): TelemetryEvent {
  const close = event.close;
  const code = close?.code;
  // A client's record of the close it received; a server's or proxy's logs restate closes of other legs and peers.
  if (code === undefined || close?.reason || event.source.kind !== 'client' || (event.error?.message === undefined && event.labels === undefined)) return event;
  const message = event.error?.message;
  let found = message ? restatedIn(message, code) : null;
  const messageCoded = found?.coded === true;
  if (event.labels !== undefined) {
    for (const key of Object.keys(event.labels)) {
      if (key === 'note' || (found !== null && found.reason !== '')) continue;
      const text = event.labels[key];
      const read = text ? restatedIn(text, code) : null;
      if (read !== null && (found === null || read.reason !== '')) found = read;
    }
  }
  if (found === null) return event;
  const dropMessage = messageCoded && code !== 1006;
  if (found.reason === '' && !dropMessage) return event;
  const error = dropMessage && event.error !== undefined ? { ...event.error, message: undefined } : event.error;
  return { ...event, error, close: found.reason === '' ? close : { ...close, reason: found.reason } };
}
