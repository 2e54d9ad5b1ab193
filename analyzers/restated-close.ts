// A close restated with its reason in a client's own text, where the event's close carries the code alone: the reason is read from
// the restatement (convention 11 reads a close's reason words), and a message that only restates a received close names no drop.
// Read once per distinct text (oncePerText); only events with a close code and no reason get this far.
import { oncePerText } from './bounded-cache.js';
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

// Every close a text restates, read once per distinct text (oncePerText): each event then picks its own code's, without building a
// key of code and text (a new string hashed in full per event). The first restatement of a code counts, as a scan for it would find.
interface Restatements {
  readonly coded: readonly { readonly code: number; readonly restated: Restated }[];
  /** The reason of an uncoded restatement ("websocket was closed, Unauthorized"), or null when the text has none. */
  readonly uncoded: string | null;
}
const NO_RESTATEMENTS: Restatements = { coded: [], uncoded: null };
const restatementsIn = oncePerText((text: string): Restatements => {
  const coded: { code: number; restated: Restated }[] = [];
  for (const match of text.matchAll(CODED)) {
    const code = Number(match[1] ?? match[3]);
    if (coded.some((seen) => seen.code === code)) continue;
    const reason = (match[2] ?? match[4] ?? match[5] ?? match[6] ?? '').trim();
    // The code's registered name is the library's label of the code, not the peer's reason (RFC 6455 §7.4.1 names, IANA registry).
    const name = closeCodeRow(code)?.name;
    coded.push({ code, restated: { reason: name !== undefined && reason.toLowerCase().replace(/[\s-]+/g, '_') === name ? '' : reason, coded: true } });
  }
  const uncoded = UNCODED.exec(text);
  return coded.length === 0 && uncoded === null ? NO_RESTATEMENTS : { coded, uncoded: uncoded ? (uncoded[1] as string).trim() : null };
});
function restatedIn(text: string, code: number): Restated | null {
  const found = restatementsIn(text);
  if (found === NO_RESTATEMENTS) return null;
  const restated = found.coded.find((entry) => entry.code === code)?.restated;
  if (restated) return restated;
  return found.uncoded === null ? null : { reason: found.uncoded, coded: false };
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
    for (const key in event.labels) {
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
