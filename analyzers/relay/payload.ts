// Bytes a relay logged, read back: one decoder for the escape notations relays print payloads in, and readers for what
// the bytes of a WebSocket connection say (the upgrade request and its answer, frames, TLS records). Pure, no I/O.

/**
 * Decodes an escaped payload into bytes. One decoder for the notations relays print:
 * - C escape sequences (ISO C §6.4.4.4): \a \b \t \n \v \f \r \\ \" \' \?, octal \ooo (1-3 digits, so "\0" is NUL) and \xHH;
 *   BSD vis(3) with VIS_CSTYLE | VIS_OCTAL prints the same (Dante's iobuf data log, str2vis);
 * - socat -v ("text with some conversions for readability": \r for CR, the line's own newline for LF, \xHH otherwise);
 * - \e (ESC), \s (space, vis(3)).
 * A character above 0x7f that the log kept as text stands for its UTF-8 bytes.
 * @see https://en.cppreference.com/w/c/language/escape
 * @see https://man.freebsd.org/cgi/man.cgi?query=vis&sektion=3 (VIS_CSTYLE, VIS_OCTAL)
 * @see https://www.dest-unreach.org/socat/doc/socat.html#OPTION_V
 */
export function decodeEscaped(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x5c || i + 1 >= text.length) {
      pushChar(out, text.codePointAt(i) as number);
      if (c >= 0xd800 && c <= 0xdbff) i++;
      continue;
    }
    const e = text.charAt(++i);
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) out.push(simple);
    else if (e >= '0' && e <= '7') {
      let value = 0;
      let digits = 0;
      while (digits < 3 && i < text.length && text.charAt(i) >= '0' && text.charAt(i) <= '7') value = value * 8 + (text.charCodeAt(i++) - 48), digits++;
      i--;
      out.push(value & 0xff);
    } else if (e === 'x' && /^[0-9a-fA-F]{2}/.test(text.slice(i + 1, i + 3))) {
      out.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else pushChar(out, e.charCodeAt(0));
  }
  return Uint8Array.from(out);
}

const SIMPLE_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, e: 27, s: 32, '\\': 92, '"': 34, "'": 39, '?': 63 };

function pushChar(out: number[], code: number): void {
  if (code < 0x80) out.push(code);
  else for (const byte of Buffer.from(String.fromCodePoint(code), 'utf8')) out.push(byte);
}

/** An HTTP/1.1 message head: its first line and its header fields (names lower-cased, values in order), and where its body starts. */
export interface HttpHead {
  readonly startLine: string;
  readonly headers: ReadonlyMap<string, readonly string[]>;
  /** Offset of the first byte after the empty line; -1 when the head did not end within the bytes. */
  readonly bodyAt: number;
}

/**
 * Reads an HTTP/1.1 message head (RFC 9112 §2.1: start-line, field lines, CRLF CRLF) from the start of `bytes`, or
 * undefined when the bytes do not open with a request line or status line.
 * @see https://www.rfc-editor.org/rfc/rfc9112#section-2.1
 */
export function readHttpHead(bytes: Uint8Array): HttpHead | undefined {
  const text = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 16384))).toString('latin1');
  if (!/^(?:[A-Z]+ \S+ HTTP\/1\.[01]\r?\n|HTTP\/1\.[01] \d{3}\b)/.test(text)) return undefined;
  const end = text.indexOf('\r\n\r\n');
  const head = end === -1 ? text : text.slice(0, end);
  const lines = head.split(/\r?\n/);
  const headers = new Map<string, string[]>();
  for (let i = 1; i < lines.length; i++) {
    const colon = (lines[i] as string).indexOf(':');
    if (colon <= 0) continue;
    const name = (lines[i] as string).slice(0, colon).trim().toLowerCase();
    const values = headers.get(name) ?? [];
    values.push((lines[i] as string).slice(colon + 1).trim());
    headers.set(name, values);
  }
  return { startLine: lines[0] as string, headers, bodyAt: end === -1 ? -1 : end + 4 };
}

/** The status code of a status line ("HTTP/1.1 101 Switching Protocols"), or undefined for a request line. */
export function statusOf(head: HttpHead): number | undefined {
  const status = /^HTTP\/1\.[01] (\d{3})\b/.exec(head.startLine);
  return status ? Number(status[1]) : undefined;
}

/** A header's values joined as one field value (RFC 9110 §5.3: repeated field lines are one list); undefined when absent. */
export function headerValue(head: HttpHead, name: string): string | undefined {
  return head.headers.get(name)?.join(', ');
}


/** One WebSocket frame read from a byte stream (RFC 6455 §5.2), its payload unmasked. */
export interface Frame {
  readonly opcode: number;
  readonly masked: boolean;
  readonly payload: Uint8Array;
}

/**
 * Reads the frames at the start of a byte stream (RFC 6455 §5.2: FIN, RSV1-3, opcode; MASK, payload length 7, 7+16 or 7+64
 * bits; a 4-byte masking key on client frames; the payload, unmasked by XOR with key[i mod 4], §5.3). Stops at the first
 * frame the bytes do not hold whole (a relay's log may cut a long line).
 * @see https://www.rfc-editor.org/rfc/rfc6455#section-5.2
 */
export function readFrames(bytes: Uint8Array): Frame[] {
  const frames: Frame[] = [];
  let at = 0;
  while (at + 2 <= bytes.length) {
    const opcode = (bytes[at] as number) & 0x0f;
    const masked = ((bytes[at + 1] as number) & 0x80) !== 0;
    let length = (bytes[at + 1] as number) & 0x7f;
    let p = at + 2;
    if (length === 126) {
      if (p + 2 > bytes.length) break;
      length = ((bytes[p] as number) << 8) | (bytes[p + 1] as number);
      p += 2;
    } else if (length === 127) {
      if (p + 8 > bytes.length) break;
      length = 0;
      for (let k = 0; k < 8; k++) length = length * 256 + (bytes[p + k] as number);
      p += 8;
    }
    const key = masked ? bytes.subarray(p, p + 4) : undefined;
    if (masked) p += 4;
    if (p + length > bytes.length) break;
    const payload = Uint8Array.from(bytes.subarray(p, p + length));
    if (key) for (let k = 0; k < payload.length; k++) payload[k] = (payload[k] as number) ^ (key[k % 4] as number);
    frames.push({ opcode, masked, payload });
    at = p + length;
  }
  return frames;
}

export const CLOSE_OPCODE = 0x8;

/**
 * A Close frame's status code and reason (RFC 6455 §5.5.1: the first two bytes of the body, network order, then UTF-8);
 * a Close frame without a body has no status (reported as 1005, RFC 6455 §7.4.1).
 * @see https://www.rfc-editor.org/rfc/rfc6455#section-5.5.1
 */
export function closeStatus(frame: Frame): { code: number | undefined; reason: string } {
  if (frame.payload.length < 2) return { code: undefined, reason: '' };
  return { code: ((frame.payload[0] as number) << 8) | (frame.payload[1] as number), reason: Buffer.from(frame.payload.subarray(2)).toString('utf8') };
}

/**
 * The content type of a TLS record at the start of the bytes (RFC 8446 §5.1: type, legacy_record_version 0x03 0x0N, length):
 * 20 change_cipher_spec, 21 alert, 22 handshake, 23 application_data; undefined when the bytes are no TLS record.
 * @see https://www.rfc-editor.org/rfc/rfc8446#section-5.1
 */
export function tlsRecordType(bytes: Uint8Array): number | undefined {
  if (bytes.length < 3 || bytes[1] !== 0x03 || (bytes[2] as number) > 0x04) return undefined;
  const type = bytes[0] as number;
  return type >= 20 && type <= 23 ? type : undefined;
}
