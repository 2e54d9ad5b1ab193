// Finds platform codes written as numbers in a text: OpenSSL/BoringSSL packed errors
// ("error:0A000086"), Windows HRESULTs (0x80090325, -2146893019, 2148074277) and negative library
// codes (-9814, -8179, -151, -0x2700), WinINet/WinHTTP 12xxx, BearSSL codes and CDN statuses.
// Pure. A number counts only when the text (or the caller's context, e.g. the runtime) names its
// stack, so "-151" or "12037" in unrelated text never match; a hex HRESULT is specific enough alone.
import { BEARSSL_RECV_ALERT_BASE, BEARSSL_SEND_ALERT_BASE } from './bearssl.js';
import { alertCodeRows, platformCodeTables } from './index.js';
import { ALERT_REASON_OFFSET, opensslReasonRow, unpackSslError } from './openssl-reasons.js';
import type { CodeRow, CodeTableId } from './types.js';

export interface CodeMatch {
  readonly row: CodeRow;
  /** The text that matched ("error:0A000086", "-9814", "0x80090325"). */
  readonly matched: string;
}

/** Words that name a stack in the text itself, per table whose numbers need one. */
const TEXT_CONTEXT: Partial<Record<CodeTableId, RegExp>> = {
  apple_osstatus: /OSStatus|errSSL|errSec|NSOSStatusErrorDomain|kCFStreamErrorDomainSSL|_kCFStreamErrorCode|SecureTransport|SecTrust|Security\.framework/,
  nsurl: /NSURLError|URLError|kCFErrorDomainCFNetwork|CFNetwork|URLSession/,
  nss: /\bNSS\b|\bNSPR\b|\bPR_[A-Z_]+_ERROR\b|SEC_ERROR_|SSL_ERROR_|MOZILLA_PKIX_ERROR_|PRErrorCode|security library/i,
  gnutls: /gnutls/i,
  wolfssl: /wolfssl|wolfcrypt|cyassl/i,
  mbedtls: /mbed ?tls/i,
  winhttp: /win(?:http|inet)|ERROR_(?:WINHTTP|INTERNET)_/i,
  bearssl: /bearssl|\bbr_ssl|\bBR_ERR/i,
  dns_sd: /DNSService|NWError|\bdns\(/i,
  libuv: /\blibuv\b|\buv[_ ]|\bUV_|\berrno\b/i,
  // Decimal HRESULTs (-2146893019, 2148074277) need a Windows word; the hex form (0x80090325) stands alone.
  windows_hresult: /HRESULT|HResult|SChannel|SSPI|Win32|Windows|winerror|SEC_E_|CERT_E_|CRYPT_E_|TRUST_E_|SslStream|AuthenticationException|System\.Security/i,
  cdn_status: /cloudflare|\bcf-ray\b|\b(?:error|HTTP(?:\/\d(?:\.\d)?)?|status(?: code)?|response code)\W{0,3}52[1-6]\b|SSL handshake failed|Invalid SSL certificate/i,
  // ESP-IDF logs an esp_err_t in hex after the component's name ("TLS/TCP error (esp-tls 0x8006)").
  esp_tls: /\besp[-_]tls\b/i,
  // An MQTT reason code after its packet's or its own key ("CONNACK 135", "DISCONNECT reason 0x8B", "reasonCode: 137").
  mqtt_reason: /\b(?:CONNACK|DISCONNECT|MQTT|mqtt|ReasonCode|reasonCode)\b|\b[Rr]eason[ _-][Cc]ode\b/,
};

/** What a runtime name (source.runtime / user agent) must say for a bare numeric error.code to count. */
const RUNTIME_CONTEXT: Partial<Record<CodeTableId, RegExp>> = {
  apple_osstatus: /\b(?:ios|ipados|macos|darwin|iphone|ipad|watchos|tvos|safari|webkit|swift|urlsession|nsurlsession|cfnetwork|starscream|socketrocket)\b/i,
  nsurl: /\b(?:ios|ipados|macos|darwin|iphone|ipad|watchos|tvos|safari|webkit|swift|urlsession|nsurlsession|cfnetwork|starscream|socketrocket)\b/i,
  nss: /\b(?:firefox|gecko|nss)\b/i,
  gnutls: /gnutls/i,
  wolfssl: /wolfssl/i,
  mbedtls: /mbed ?tls/i,
  winhttp: /\b(?:windows|win32|winhttp|wininet)\b/i,
  windows_hresult: /\b(?:windows|win32|winhttp|wininet|schannel)\b/i,
  bearssl: /bearssl/i,
  dns_sd: /\b(?:ios|ipados|macos|darwin|iphone|ipad|watchos|tvos|swift|network\.framework|nwconnection)\b/i,
  libuv: /\b(?:node|nodejs|libuv|electron|bun)\b/i,
  // A bare error.code (35) from a client built on libcurl; in texts only the "curl: (35)" notation counts (a row text).
  curl: /\b(?:lib)?curl\b/i,
  // A bare error.code (137) from an MQTT client (paho-mqtt's ReasonCode).
  mqtt_reason: /\bmqtt/i,
};

const byValue = new Map<number, CodeRow[]>();
function index(value: number, row: CodeRow): void {
  const rows = byValue.get(value);
  if (rows) rows.push(row);
  else byValue.set(value, [row]);
}
for (const table of platformCodeTables)
  for (const row of table) {
    // Proxy result codes are read only in their record's field (proxy-result.ts), never as numbers in a text.
    if (row.code === undefined || row.table === 'openssl_reason' || row.table === 'dotnet' || row.table === 'proxy_result') continue;
    if (row.table === 'windows_hresult') {
      // Stored unsigned; runtimes print the signed 32-bit value too (HResult, Win32Exception).
      index(row.code, row);
      index(row.code | 0, row);
    } else index(row.code, row);
  }
// BearSSL reports a fatal alert as 256 (received) or 512 (sent) plus the alert number.
const bearsslAlertRows = new Map<number, CodeRow>();
for (const alert of alertCodeRows)
  for (const base of [BEARSSL_RECV_ALERT_BASE, BEARSSL_SEND_ALERT_BASE]) bearsslAlertRows.set(base + (alert.code as number), alert);


/** Char code → 1 for a word character (A-Z, a-z, 0-9, _); every UTF-16 unit, so no range check. */
const WORD = new Uint8Array(0x10000);
for (let code = 0; code < 128; code++) if (/\w/.test(String.fromCharCode(code))) WORD[code] = 1;
const isWordChar = (code: number): boolean => WORD[code] === 1;
const DIGIT = /[0-9]/g;

// Mbed TLS prints its codes as "-0x%04X" (mbedtls_ssl_handshake returned -0x2700), and so do the stacks built on it
// (Zephyr's "TLS handshake error: -0x7780", ESP-IDF, Godot): a negative hex number is Mbed TLS's notation next to any
// TLS word. @see https://github.com/Mbed-TLS/mbedtls/blob/development/library/error.c (mbedtls_strerror)
const MBEDTLS_HEX_CONTEXT = /ssl|tls/i;

function accepts(row: CodeRow, text: string, runtime: string | undefined, hex: boolean, negative: boolean): boolean {
  // 0x8009xxxx / 0x800Bxxxx is specific enough alone.
  if (hex && row.table === 'windows_hresult') return true;
  if (hex && negative && row.table === 'mbedtls' && MBEDTLS_HEX_CONTEXT.test(text)) return true;
  const inText = TEXT_CONTEXT[row.table];
  if (inText?.test(text)) return true;
  const inRuntime = RUNTIME_CONTEXT[row.table];
  return runtime !== undefined && inRuntime !== undefined && inRuntime.test(runtime);
}

function push(out: CodeMatch[], row: CodeRow, matched: string): void {
  for (let i = 0; i < out.length; i++) if ((out[i] as CodeMatch).row === row) return;
  out.push({ row, matched });
}

const HEX_DIGIT = new Int8Array(128).fill(-1);
for (let c = 0; c < 10; c++) HEX_DIGIT[48 + c] = c;
for (let c = 0; c < 6; c++) HEX_DIGIT[65 + c] = HEX_DIGIT[97 + c] = 10 + c;
const hexDigit = (code: number): number => (code < 128 ? (HEX_DIGIT[code] as number) : -1);

/** Packed OpenSSL/BoringSSL SSL-library errors ("error:0A000086"): the reason, or the TLS alert for alert reasons. */
function packedCodes(text: string, out: CodeMatch[]): void {
  for (let at = text.indexOf('error:'); at !== -1; at = text.indexOf('error:', at + 6)) {
    if (at > 0 && isWordChar(text.charCodeAt(at - 1))) continue;
    let value = 0;
    let i = at + 6;
    for (; i < at + 14; i++) {
      const digit = hexDigit(text.charCodeAt(i));
      if (digit < 0) break;
      value = value * 16 + digit;
    }
    if (i !== at + 14 || (i < text.length && isWordChar(text.charCodeAt(i)))) continue;
    const row = packedRow(value);
    if (row) push(out, row, text.slice(at, i));
  }
}

/** The row of a packed OpenSSL/BoringSSL value: its SSL reason, or the TLS alert of an alert reason (1000 + alert). */
function packedRow(value: number): CodeRow | undefined {
  const unpacked = unpackSslError(value);
  if (!unpacked) return undefined;
  return unpacked.reason > ALERT_REASON_OFFSET
    ? alertCodeRows.find((alert) => alert.code === unpacked.reason - ALERT_REASON_OFFSET)
    : opensslReasonRow(unpacked.library, unpacked.reason);
}

/**
 * A packed error value after the key a program logs it under, in whatever base it prints: Squid's "+TLS_LIB_ERR=A00042E"
 * (ERR_get_error() in unpadded upper-case hex), Traffic Server's "ERR_get_error=167772418" and HAProxy's
 * "ssl_bc_err=167773230" / "ssl_fc_err" (decimal; hex with its ",hex" converter), "openssl error 0x0A000086".
 * @see https://github.com/squid-cache/squid/blob/master/src/security/ErrorDetail.cc (ErrorDetail::brief)
 * @see https://docs.haproxy.org/2.8/configuration.html#7.3.4-ssl_bc_err
 */
const KEYED_PACKED = /\b(?:TLS_LIB_ERR|ERR_(?:get|peek)_(?:last_)?error(?:\(\))?|ssl_[bf]c_err|(?:open|boring)?ssl[ _](?:lib[ _])?err(?:or)?(?:[ _]code)?)\s{0,2}[=:]?\s{0,2}(?:0x([0-9A-Fa-f]{1,8})|(\d{9,10})|([0-9A-Fa-f]{5,8}))\b/gi;
const KEYED_HINT = /TLS_LIB_ERR|_error|_err\b|ssl[ _]/i;
// A bare 0x-hex packed value needs an OpenSSL word in the text ("SSL_connect failed: 0x14094410").
const SSL_WORD = /ssl|tls|openssl|boringssl/i;

function keyedPackedCodes(text: string, out: CodeMatch[]): void {
  if (!KEYED_HINT.test(text)) return;
  KEYED_PACKED.lastIndex = 0;
  for (let match = KEYED_PACKED.exec(text); match !== null; match = KEYED_PACKED.exec(text)) {
    const value = match[2] !== undefined ? Number(match[2]) : Number.parseInt((match[1] ?? match[3]) as string, 16);
    const row = value > 0xffffffff ? undefined : packedRow(value);
    if (row) push(out, row, match[0]);
  }
}

/**
 * Appends the codes written as numbers in `text` to `out` (one match per row). `runtime` is the
 * event's runtime and user agent, for a field that is a bare number (error.code = -9814).
 * One pass over the characters; a number is looked up only if some table has it.
 */
export function scanCodeNumbers(text: string, out: CodeMatch[], runtime?: string): void {
  if (text.includes('error:')) packedCodes(text, out);
  keyedPackedCodes(text, out);
  const length = text.length;
  // Jump from digit to digit with the native search: most characters of a text are not digits.
  const digits = DIGIT;
  for (let i = 0; i < length; i++) {
    digits.lastIndex = i;
    if (!digits.test(text)) return;
    i = digits.lastIndex - 1;
    const first = text.charCodeAt(i);
    // A number starts here only after a non-word character other than '.' (not "v1.2", "x86", "a-1").
    const before = i > 0 ? text.charCodeAt(i - 1) : 32;
    const negative = before === 45 && (i < 2 || !isWordChar(text.charCodeAt(i - 2)));
    if ((isWordChar(before) || before === 46) && !negative) {
      while (i + 1 < length && isWordChar(text.charCodeAt(i + 1))) i++;
      continue;
    }
    const start = i;
    let value = 0;
    const hex = first === 48 && i + 1 < length && (text.charCodeAt(i + 1) | 0x20) === 120;
    if (hex) {
      i += 2;
      for (let digit = hexDigit(text.charCodeAt(i)); i < length && digit >= 0; digit = hexDigit(text.charCodeAt(++i))) value = value * 16 + digit;
      if (i < length && (text.charCodeAt(i) | 0x20) === 108) i++; // 0x80090325L
    } else {
      for (let code = first; i < length && code >= 48 && code <= 57; code = text.charCodeAt(++i)) value = value * 10 + (code - 48);
    }
    const end = i;
    i--;
    if (end < length && (isWordChar(text.charCodeAt(end)) || (text.charCodeAt(end) === 46 && end + 1 < length && isWordChar(text.charCodeAt(end + 1))))) continue;
    const width = end - start;
    // Positive decimals in the tables have 2, 3, 5 or 10 digits (BearSSL, 525/526, 12xxx, unsigned HRESULTs); one digit
    // (a curl code) only as a bare error.code, whose runtime must name the stack.
    if (hex ? width > 11 : width > 10 || (!negative && width !== 2 && width !== 3 && width !== 5 && width !== 10 && (width !== 1 || runtime === undefined))) continue;
    // A packed OpenSSL value written as 0x + 8 hex digits (OpenSSL 1.x "0x14094410", OpenSSL 3 "0x0A000086") in a text naming SSL/TLS.
    if (hex && width === 10) {
      const packed = packedRow(value);
      if (packed && SSL_WORD.test(text)) push(out, packed, text.slice(start, end));
    }
    // HRESULT_FROM_WIN32 of a WinHTTP/WinINet error (0x80072F8F = 12175): the hex form is specific enough alone.
    // @see https://learn.microsoft.com/en-us/windows/win32/api/winerror/nf-winerror-hresult_from_win32
    if (hex && width === 10 && value >>> 16 === 0x8007) {
      const win32 = byValue.get(value & 0xffff);
      if (win32) for (const row of win32) if (row.table === 'winhttp') push(out, row, text.slice(start, end));
    }
    if (negative) value = -value;
    const rows = byValue.get(value);
    const alert = negative ? undefined : bearsslAlertRows.get(value);
    if (rows === undefined && alert === undefined) continue;
    const matched = text.slice(negative ? start - 1 : start, end);
    if (rows) for (const row of rows) if (accepts(row, text, runtime, hex, negative)) push(out, row, matched);
    if (alert && (TEXT_CONTEXT.bearssl?.test(text) || (runtime !== undefined && RUNTIME_CONTEXT.bearssl?.test(runtime)))) push(out, alert, matched);
  }
}
