// A relay's log of the bytes it passed (a SOCKS server's or TCP proxy's data log, `socat -v`, a debug-level proxy log), read
// as the connection it carried: which side spoke first (the client: HTTP and TLS both open with the client), the upgrade
// request and its answer, the first Close frame and who sent it, whether only TLS records passed, and which side the
// relay says ended the session. Pure and memoized per text; texts without an escaped payload cost one indexOf.
import { CLOSE_OPCODE, closeStatus, decodeEscaped, readFrames, readHttpHead, statusOf, tlsRecordType, type HttpHead } from './payload.js';
import { mayBeTrace, readTrace, type TraceFacts } from './trace.js';
import { BoundedCache } from '../bounded-cache.js';

export type Side = 'client' | 'server';

/** One payload a relay logged: the direction it went (the log's own words for it) and its bytes. */
interface RelayRecord {
  readonly from: string;
  readonly bytes: Uint8Array;
  /** The log line, for the evidence (shortened). */
  readonly line: string;
  /** Printed with non-printable bytes as "." (a debug trace's dump): heads are readable, frames and TLS records are not. */
  readonly lossy?: true;
}

export interface RelayClose {
  readonly from: Side;
  /** The status code; undefined for a Close frame without a body (RFC 6455 §5.5.1). */
  readonly code: number | undefined;
  readonly reason: string;
  readonly line: string;
}

/** What a relay's log shows of the connection it carried. */
export interface RelayFacts {
  readonly request?: HttpHead;
  readonly requestLine?: string;
  readonly response?: HttpHead;
  readonly responseLine?: string;
  readonly status?: number;
  /** The first Close frame in the log's order, with the side that sent it. */
  readonly firstClose?: RelayClose;
  /** Each side opened with a TLS record: the relay carried TLS, whose bytes say nothing more. */
  readonly tls: boolean;
  /** TLS application data (record type 23) went both ways: the TLS handshake completed and the session carried data. */
  readonly tlsDataBothWays: boolean;
  /** The side the relay's end line says ended the session ("local client closed", "remote peer closed"). */
  readonly endedBy?: Side;
  /** A relay's debug trace (trace.ts): bytes each way, the first end and how, a connect that failed. */
  readonly trace?: TraceFacts;
}

// Dante's data log ("log: data", sockd.conf(5); iobuf.c prints each payload with str2vis): "<from> -> <to> (<n>): <payload>",
// and "(0)" for an EOF. The payload runs to the end of the line.
// @see https://www.inet.no/dante/doc/1.4.x/config/logging.html
const ARROW_RECORD = /(?:^|: )([^\n:]*?) -> [^\n]*? \((\d+)\)(?:: ([^\n]*))?$/;
// socat -v: a header line "> 2026/12/03 13:40:16.632115  length=267 from=0 to=266", the data on the lines after it, "<" for
// the other direction. @see https://www.dest-unreach.org/socat/doc/socat.html#OPTION_V
const SOCAT_HEADER = /^([<>]) \d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d(?:\.\d+)?\s+length=\d+ from=\d+ to=\d+\s*$/;
// A log that shortened a long line says so at its end ("[... 1025 more chars of this line cut]"): the bytes before it stand.
const CUT_MARK = /\s*\[\.\.\. \d+ more (?:chars|bytes)[^\]\n]*\]\s*$/;
// The relay's end line names the side that ended the session (Dante: "local client closed", "remote peer closed").
const CLIENT_ENDED = /\b(?:local |downstream )?client (?:closed|ended|disconnected)\b/i;
const SERVER_ENDED = /\b(?:remote |upstream )?(?:peer|server|upstream|target) (?:closed|ended|disconnected)\b/i;

function recordsOf(text: string): RelayRecord[] {
  const records: RelayRecord[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const socat = SOCAT_HEADER.exec(line);
    if (socat) {
      let j = i + 1;
      while (j < lines.length && !SOCAT_HEADER.test(lines[j] as string)) j++;
      const data = lines.slice(i + 1, j).join('\n');
      records.push({ from: socat[1] as string, bytes: decodeEscaped(data), line: `${line} ${data.slice(0, 80)}` });
      i = j - 1;
      continue;
    }
    if (line.indexOf(' -> ') === -1) continue;
    const arrow = ARROW_RECORD.exec(line);
    if (!arrow || arrow[3] === undefined) continue;
    records.push({ from: (arrow[1] as string).trim(), bytes: decodeEscaped((arrow[3] as string).replace(CUT_MARK, '')), line: line.slice(Math.max(0, (arrow.index ?? 0) + 2)) });
  }
  return records;
}

const shown = (line: string): string => JSON.stringify(line.length > 160 ? `${line.slice(0, 160)}…` : line);

/** Reads a relay's log; undefined when the text holds no logged payload. */
export function readRelay(text: string): RelayFacts | undefined {
  const trace = mayBeTrace(text) ? readTrace(text) : undefined;
  const records: RelayRecord[] = trace ? trace.records.map((record) => ({ ...record, lossy: true as const })) : recordsOf(text);
  if (trace && records.length === 0) return { tls: false, tlsDataBothWays: false, trace };
  if (records.length === 0) return undefined;
  const client = (records[0] as RelayRecord).from;
  const sideOf = (record: RelayRecord): Side => (record.from === client ? 'client' : 'server');
  let request: HttpHead | undefined;
  let requestLine: string | undefined;
  let response: HttpHead | undefined;
  let responseLine: string | undefined;
  let firstClose: RelayClose | undefined;
  const firstTls = { client: undefined as number | undefined, server: undefined as number | undefined };
  const data = { client: false, server: false };
  // Each side's bytes after its HTTP head, in order: frames may span records. The record that ends a Close frame is cited.
  const streams = { client: [] as number[], server: [] as number[] };
  const streamLines = { client: [] as [number, string][], server: [] as [number, string][] };
  let order = 0;
  const closes: (RelayClose & { order: number })[] = [];
  for (const record of records) {
    const side = sideOf(record);
    let bytes = record.bytes;
    if (side === 'client' && !request && streams.client.length === 0) {
      const head = readHttpHead(bytes);
      if (head && statusOf(head) === undefined) {
        request = head;
        requestLine = record.line;
        bytes = head.bodyAt === -1 ? new Uint8Array(0) : bytes.subarray(head.bodyAt);
      }
    } else if (side === 'server' && !response && streams.server.length === 0) {
      const head = readHttpHead(bytes);
      if (head && statusOf(head) !== undefined) {
        response = head;
        responseLine = record.line;
        // Only a 101 is followed by frames; another status's body is no frame.
        bytes = statusOf(head) !== 101 || head.bodyAt === -1 ? new Uint8Array(0) : bytes.subarray(head.bodyAt);
      }
    }
    if (record.lossy) continue;
    const type = tlsRecordType(record.bytes);
    if (firstTls[side] === undefined && record.bytes.length > 0) firstTls[side] = type ?? 0;
    if (type === 23) data[side] = true;
    if (bytes.length === 0 || (side === 'client' ? !request : !response) || type !== undefined) continue;
    for (const byte of bytes) streams[side].push(byte);
    streamLines[side].push([streams[side].length, record.line]);
    order++;
    const frames = readFrames(Uint8Array.from(streams[side]));
    const close = frames.find((frame) => frame.opcode === CLOSE_OPCODE);
    if (close && !closes.some((c) => c.from === side)) {
      const { code, reason } = closeStatus(close);
      closes.push({ from: side, code, reason, line: record.line, order });
    }
  }
  firstClose = closes.sort((a, b) => a.order - b.order)[0];
  const ended = trace ? undefined : CLIENT_ENDED.test(text) ? 'client' : SERVER_ENDED.test(text) ? 'server' : undefined;
  const status = response ? statusOf(response) : undefined;
  return {
    ...(request ? { request, requestLine } : {}),
    ...(response ? { response, responseLine, status } : {}),
    ...(firstClose ? { firstClose: { from: firstClose.from, code: firstClose.code, reason: firstClose.reason, line: firstClose.line } } : {}),
    tls: firstTls.client === 22 && (firstTls.server === undefined || firstTls.server === 22),
    tlsDataBothWays: data.client && data.server,
    ...(ended ? { endedBy: ended } : {}),
    ...(trace ? { trace } : {}),
  };
}

// A backslash escape a relay writes for a byte (octal, \xHH, \r, \0): the cheap test before any parse.
const ESCAPED_PAYLOAD = /\\(?:[0-7]|x[0-9a-fA-F]{2}|r)/;
const relayFacts = new BoundedCache<RelayFacts | null>();

/** The relay facts of a text, memoized; undefined for a text with no escaped payload (one indexOf for most texts). */
export function relayFactsOf(text: string | undefined): RelayFacts | undefined {
  if (text === undefined || ((text.indexOf('\\') === -1 || !ESCAPED_PAYLOAD.test(text)) && !mayBeTrace(text))) return undefined;
  return relayFacts.get(text, () => readRelay(text) ?? null) ?? undefined;
}

/** Evidence detail for a relay fact: what was read and the log line it was read from. */
export function citeRelay(what: string, line: string | undefined, rule = 'relay.payload'): string {
  return `${what}, read from the relayed bytes${line ? ` in ${shown(line)}` : ''} (rule ${rule})`;
}
