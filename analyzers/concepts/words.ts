// Words of error texts, normalised so that one spelling list serves every stack's formatting: any
// case, CamelCase, snake_case, SCREAMING_CASE, dots, dashes, apostrophes and plurals. Pure, no tables.

/** One word of a text: its normalised form and where it came from (for evidence). */
export interface Word {
  readonly norm: string;
  readonly start: number;
  readonly end: number;
  /**
   * Which identifier the word belongs to: words joined only by case changes, '_', '.' or '-' share a run
   * ("HOSTNAME_MISMATCH", "ProtocolVersionMismatch", "AlertDescription.ProtocolVersion"), a space or any
   * other character starts a new one. An error name fused from a concept's words is a deliberate name.
   */
  readonly run: number;
}

// Filler words dropped before matching: "does not match" and "doesn't match" become the same words.
const FILLER: ReadonlySet<string> = new Set(['a', 'an', 'the', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'does', 'did', 'do', 'its', 'it', 'this', 'that', 'by', 'with', 'of', 'to', 'on', 'at', 'as']);

// Contracted and written-out negations all read as "not".
// "non" is a negating prefix ("non-requested", "non-101"): "non requested" reads as "not requested".
const NEGATIONS: ReadonlySet<string> = new Set(['non', 'doesnt', 'dont', 'didnt', 'isnt', 'wasnt', 'arent', 'werent', 'hasnt', 'havent', 'hadnt', 'cant', 'cannot', 'couldnt', 'wont', 'wouldnt', 'shouldnt', 'aint', 'never']);

/** Plural and third-person "s" off long words ("certificates", "expires", "matches"); "status", "tls", "class" stay. */
function singular(word: string): string {
  const n = word.length;
  if (n <= 3 || word.charCodeAt(n - 1) !== 115) return word;
  if (/(?:ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  if (/(?:ss|us|is|ys|tls)$/.test(word)) return word;
  return word.slice(0, -1);
}

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}
function isLower(code: number): boolean {
  return code >= 97 && code <= 122;
}
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
function isWordChar(code: number): boolean {
  return isLower(code) || isUpper(code) || isDigit(code);
}
function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019;
}

/**
 * The words of a text. Splits on anything but letters and digits (apostrophes join: "doesn't" is one
 * word), and inside a run at lower→Upper ("certExpired") and at the last capital of a capital run
 * followed by lower case ("SSLHandshake" → "SSL", "Handshake"; but "TLSv1" stays one word). Letters
 * and digits stay together ("x509", "tls12").
 */
export function words(text: string): Word[] {
  const out: Word[] = [];
  const state: RunState = { lastEnd: -1, run: 0 };
  const length = text.length;
  let i = 0;
  while (i < length) {
    while (i < length && !isWordChar(text.charCodeAt(i))) i++;
    if (i >= length) break;
    const name = hostValueEnd(text, i);
    if (name > i) {
      pushHost(out, text, i, name, state);
      i = name;
      continue;
    }
    let start = i;
    let apostrophe = false;
    i++;
    for (; i < length; i++) {
      const code = text.charCodeAt(i);
      if (isApostrophe(code)) {
        const next = text.charCodeAt(i + 1);
        if (isLower(next) || isUpper(next)) {
          apostrophe = true;
          continue;
        }
        break;
      }
      if (!isWordChar(code)) break;
      if (!isUpper(code)) continue;
      const previous = text.charCodeAt(i - 1);
      const next = text.charCodeAt(i + 1);
      if (isLower(previous) || (isUpper(previous) && isLower(next) && !isDigit(text.charCodeAt(i + 2)) && i - start > 1)) {
        push(out, text, start, i, apostrophe, state);
        start = i;
        apostrophe = false;
      }
    }
    push(out, text, start, i, apostrophe, state);
  }
  return out;
}

// A host name or IPv4 address in the text ("api.example.com", "svc.beam.test", "127.0.0.1") is one word, "#host": its
// labels say nothing, and counted as words they would push a concept's words apart ("SNI name api.example.com not
// in cert"). Only lower-case labels ending in a common or reserved top-level name (RFC 2606, RFC 6761), so Java
// packages ("sun.security.provider") and dotted enums ("AlertDescription.ProtocolVersion") stay words.
const HOST_VALUE = /(?:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:com|org|net|io|dev|app|cloud|co|uk|de|fr|nl|jp|cn|ru|in|br|au|eu|us|edu|gov|test|example|invalid|local|localhost|localdomain|internal|lan|home|arpa|svc|cluster)|\d{1,3}(?:\.\d{1,3}){3})(?![\w.-]*\w)/y;
const HOST_WORD = '#host';
// A name under the reserved top-level name "invalid" (RFC 6761 §6.4: resolvers answer it negatively, always) is its own word.
const INVALID_HOST_WORD = '#invalidhost';
const INVALID_TLD = '.invalid';

/** End of a host name or address starting at `at`, or `at` when none starts there. */
function hostValueEnd(text: string, at: number): number {
  if (at > 0 && isWordChar(text.charCodeAt(at - 1))) return at;
  // Cheap test first: a lower-case label or digits followed by a dot (most words are not host names).
  let k = at;
  for (let code = text.charCodeAt(k); isLower(code) || isDigit(code) || code === 45; code = text.charCodeAt(++k));
  if (k === at || text.charCodeAt(k) !== 46) return at;
  HOST_VALUE.lastIndex = at;
  return HOST_VALUE.test(text) ? HOST_VALUE.lastIndex : at;
}

function pushHost(out: Word[], text: string, start: number, end: number, state: RunState): void {
  if (state.lastEnd >= 0 && !joined(text, state.lastEnd, start)) state.run++;
  state.lastEnd = end;
  const invalid = text.startsWith(INVALID_TLD, end - INVALID_TLD.length);
  out.push({ norm: invalid ? INVALID_HOST_WORD : HOST_WORD, start, end, run: state.run });
}

interface RunState {
  lastEnd: number;
  run: number;
}

/** Only '_', '.' and '-' join two tokens into one identifier (a case change leaves no gap at all). */
function joined(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const code = text.charCodeAt(k);
    if (code !== 95 && code !== 46 && code !== 45) return false;
  }
  return true;
}

// A TLS library's name fused with its prefix ("UNITYTLS_", "mbedtls", "MyAppSSL") reads as the library's kind.
const FUSED_TLS = /^[a-z][a-z0-9]{2,}(tls|ssl)$/;
// "X509VERIFY", "x509certificate": the standard's number and the word after it are two words.
const FUSED_AFTER_NUMBER = /^([a-z]*\d+)([a-z]{4,})$/;
// "3s", "500ms", "10sec", "2min": a duration is its number and its unit, two words (the unit is a word of its own class).
const FUSED_DURATION = /^(\d+)(ms|s|sec|secs|min|mins)$/;

function push(out: Word[], text: string, start: number, end: number, apostrophe: boolean, state: RunState): void {
  if (state.lastEnd >= 0 && !joined(text, state.lastEnd, start)) state.run++;
  state.lastEnd = end;
  let raw = text.slice(start, end).toLowerCase();
  if (apostrophe) raw = raw.replace(/['\u2019]/g, '');
  if (FILLER.has(raw)) return;
  const duration = isDigit(raw.charCodeAt(0)) && raw.length > 1 ? FUSED_DURATION.exec(raw) : null;
  if (duration) {
    const split = start + (duration[1] as string).length;
    out.push({ norm: duration[1] as string, start, end: split, run: state.run });
    out.push({ norm: duration[2] === 'secs' ? 'sec' : duration[2] === 'mins' ? 'min' : (duration[2] as string), start: split, end, run: state.run });
    return;
  }
  const fused = raw.length > 5 ? FUSED_AFTER_NUMBER.exec(raw) : null;
  if (fused) {
    const split = start + (fused[1] as string).length;
    out.push({ norm: fused[1] as string, start, end: split, run: state.run });
    out.push({ norm: singular(fused[2] as string), start: split, end, run: state.run });
    return;
  }
  const library = raw.length > 5 ? FUSED_TLS.exec(raw) : null;
  const norm = NEGATIONS.has(raw) ? 'not' : library ? (library[1] as string) : singular(raw);
  if (norm === 'alert') alertNamePrefix(out, state.run);
  out.push({ norm, start, end, run: state.run });
}

// OpenSSL and BoringSSL name alert reasons after the protocol version that defined the alert (SSL_R_SSLV3_ALERT_CERTIFICATE_UNKNOWN,
// TLSV1_ALERT_UNKNOWN_CA, TLSV13_ALERT_CERTIFICATE_REQUIRED): the version fused before "ALERT" is part of the name, no version
// the peer refused, so it reads as the bare protocol word. @see https://github.com/google/boringssl/blob/master/include/openssl/ssl.h
const ALERT_NAME_VERSION = /^(ssl|tls)v\d{1,2}$/;

function alertNamePrefix(out: Word[], run: number): void {
  const previous = out[out.length - 1];
  if (previous === undefined || previous.run !== run) return;
  const version = ALERT_NAME_VERSION.exec(previous.norm);
  if (version) out[out.length - 1] = { ...previous, norm: version[1] as string };
}
