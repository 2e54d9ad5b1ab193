// A relay's debug trace (an event-loop proxy's per-step debug output, e.g. pen's `-d -d [-d -a]`): each receive it made and
// what it returned, the bytes it printed of them (printable characters kept, others as "."), which socket belongs to which side,
// and how each side ended (an orderly shutdown: the receive returned 0, a FIN; or an error on the socket). Pure, no I/O.
import type { Side } from './session.js';

/** One receive the trace printed the bytes of (lossy: a non-printable byte shows as "."). */
export interface TraceRecord {
  readonly from: string;
  readonly bytes: Uint8Array;
  readonly line: string;
}

export interface TraceEnd {
  readonly side: Side;
  /** An orderly shutdown (the receive returned 0: the peer sent FIN, recv(2)); false for an error on the socket. */
  readonly orderly: boolean;
  readonly line: string;
}

export interface TraceFacts {
  readonly records: readonly TraceRecord[];
  /** Bytes received from each side, summed over the receives the trace shows. */
  readonly received: { readonly client: number; readonly server: number };
  /** The first end the trace shows, in its order. */
  readonly firstEnd?: TraceEnd;
  /** An error on the upstream's socket before its pending (non-blocking) connect completed: the connect failed, reason not shown. */
  readonly connectFailed?: string;
}

// A receive and its result, the direction in the relay's own word before the call ("copy_up: recv(7, …) returns 156"): up is
// towards the upstream (the client's bytes), down towards the client. @see https://man7.org/linux/man-pages/man2/recv.2.html
const RECEIVE = /^(?:[^\n]*?: )?(\w*?(up|down)\w*): recv\(\s*(\d+)[^)\n]*\) returns (-?\d+)/i;
// Which socket is which side: "downfd = 7", "upfd = 8", "downstream socket 7", "upstream socket 8".
const SOCKET_SIDE = /\b(down|up)(?:stream)?[ _]?(?:fd|socket)\s*=?\s*(\d+)/gi;
// How a socket ended: "orderly shutdown of socket downfd=7" / "… socket 8" (recv returned 0), "Error on fd 8".
const ORDERLY = /\borderly shutdown of socket (?:(?:down|up)fd\s*=\s*)?(\d+)/i;
const SOCKET_ERROR = /\berror on fd (\d+)/i;
// The pending connect to the upstream completed.
const CONNECT_DONE = /\bconnection \d+ completed\b/i;
// A trace line opens with its date and time ("2026-12-03 15:17:39: "); a printed payload runs until the next such line.
const DATED_LINE = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:[.,]\d+)?:? /;

/** Cheap test before any parse: a receive's result printed in the text. */
export function mayBeTrace(text: string): boolean {
  return text.indexOf(' returns ') !== -1 && text.indexOf('recv(') !== -1;
}

/** Reads a relay's debug trace; undefined when the text shows no receive with its direction. */
export function readTrace(text: string): TraceFacts | undefined {
  const sides = new Map<string, Side>();
  for (const match of text.matchAll(SOCKET_SIDE)) sides.set(match[2] as string, (match[1] as string).toLowerCase() === 'down' ? 'client' : 'server');
  const lines = text.split('\n');
  const records: TraceRecord[] = [];
  const received = { client: 0, server: 0 };
  let seen = false;
  let completed = false;
  let firstEnd: TraceEnd | undefined;
  let connectFailed: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const receive = RECEIVE.exec(line);
    if (receive) {
      seen = true;
      const side: Side = (receive[2] as string).toLowerCase() === 'up' ? 'client' : 'server';
      sides.set(receive[3] as string, side);
      const count = Number(receive[4]);
      if (count > 0) received[side] += count;
      // The bytes printed on the next line, "<count>: <bytes>", running to the next dated line.
      const next = lines[i + 1];
      if (count > 0 && next !== undefined && next.startsWith(`${count}: `)) {
        let j = i + 2;
        while (j < lines.length && !DATED_LINE.test(lines[j] as string)) j++;
        const payload = [next.slice(`${count}: `.length), ...lines.slice(i + 2, j)].join('\n').replace(/\n+$/, '');
        records.push({ from: receive[1] as string, bytes: Uint8Array.from(Buffer.from(payload, 'latin1')), line: `${line.replace(DATED_LINE, '')} ${next.slice(0, 80)}` });
        i = j - 1;
      }
      continue;
    }
    if (CONNECT_DONE.test(line)) completed = true;
    if (firstEnd !== undefined || connectFailed !== undefined) continue;
    const orderly = ORDERLY.exec(line);
    const error = orderly ? null : SOCKET_ERROR.exec(line);
    const fd = (orderly ?? error)?.[1];
    if (fd === undefined) continue;
    const side = sides.get(fd);
    if (side === undefined) continue;
    const shown = line.replace(DATED_LINE, '');
    if (error && side === 'server' && !completed && !seen) connectFailed = shown;
    else firstEnd = { side, orderly: orderly !== null, line: shown };
  }
  if (!seen && firstEnd === undefined && connectFailed === undefined) return undefined;
  return { records, received, ...(firstEnd ? { firstEnd } : {}), ...(connectFailed ? { connectFailed } : {}) };
}
