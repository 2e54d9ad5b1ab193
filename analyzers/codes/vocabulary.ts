// The code tables as a vocabulary: one rule per row for its names and texts in every notation the
// stacks print, plus the numeric notations of TLS alerts and verify results. The shared matcher
// runs them (each name is its own trigger word), so a name costs nothing until it occurs.
import { rule, type Vocabulary, type VocabularyRule } from '../vocabularies/types.js';
import { alertCodeRows, codeRuleId, platformCodeTables, verifyCodeRows } from './index.js';
import { tlsAlertRow } from '../tls-alerts.js';
import type { CodeRow, CodeTableId } from './types.js';
import { SQUID_ERR_PREFIX } from './proxy.js';
import { MQTT_GENERIC_REASONS, MQTT_TEXT_CONTEXT } from './mqtt.js';
import { OTP_CLIENT_BAD_CERTIFICATE, otpClientBadCertificateSource } from './erlang.js';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A name that only counts when the text also names its stack (lookbehind or lookahead, so the quote stays the name). */
// The name comes first, so the context is searched only where the name occurred (a leading lookbehind
// would be tried at every position of every text).
const inContext = (name: string, context: string): string => `\\b${name}\\b(?:(?<=(?:${context})[\\s\\S]*)|(?=[\\s\\S]*(?:${context})))`;
const word = (name: string): string => `\\b${escape(name)}\\b`;

/** Names too generic to stand alone, and what the text must also say for them to count. */
const CONTEXT: Partial<Record<CodeTableId, string>> = {
  // Bare SSL reason names ("[SSL: WRONG_VERSION_NUMBER]", "SSL routines:...:NO_SHARED_CIPHER").
  openssl_reason: 'SSL routines|OPENSSL_internal|\\[SSL|SSLError|SSL_R_|\\berror:[0-9A-Fa-f]{8}|openssl|boringssl',
  // Erlang terms ({bad_cert,hostname_check_failed}): the reason atoms are ordinary words elsewhere.
  erlang_ssl: 'bad_cert',
};
const WOLFSSL_CONTEXT = 'wolfssl|wolfcrypt|cyassl';
/** Tables whose rows are recognised by their printed texts only: their names are enum members no stack prints (Qt's are
 * printed, but read by the concepts below any text, since QWebSocket names a refused upgrade ConnectionRefusedError). */
const TEXTS_ONLY: ReadonlySet<CodeTableId> = new Set<CodeTableId>(['botan', 'bouncycastle', 'qt_socket', 'qt_ssl']);
const ALERT_CONTEXT = 'alert';
const VERIFY_CONTEXT = 'X509|verif|certificate|\\bcert\\b|ssl|tls';
/** Alert names that also name ordinary errors: they need "alert", "tls" or "ssl" in the text. */
const GENERIC_ALERTS = new Set(['unexpected_message', 'record_overflow', 'internal_error', 'decode_error', 'decrypt_error', 'access_denied', 'user_canceled', 'illegal_parameter', 'no_renegotiation', 'missing_extension', 'unsupported_extension']);

const camelCase = (name: string): string => name.replace(/(?:^|_)([a-z])/g, (_, letter: string) => letter.toUpperCase());

function alertPattern(row: CodeRow): string {
  const name = row.names[0] as string;
  const upper = name.toUpperCase();
  const spellings = [`SSL_AD_${upper}`, `SSL3_AD_${upper}`, `TLS1_AD_${upper}`, `SSL_R_SSLV3_ALERT_${upper}`, `SSL_R_TLSV1_ALERT_${upper}`, `SSL_R_TLSV13_ALERT_${upper}`, `SSLV3_ALERT_${upper}`, `TLSV1_ALERT_${upper}`, `TLSV13_ALERT_${upper}`];
  const plain = GENERIC_ALERTS.has(name) ? inContext(name, 'alert|tls|ssl') : word(name);
  // CamelCase (rustls AlertDescription, .NET TlsAlertMessage) only next to the word "alert".
  const parts = [...spellings.map(word), plain, inContext(camelCase(name), ALERT_CONTEXT)];
  // GnuTLS's own names ("Handshake failed", "Error in protocol version") only right after "alert:", "alert [40]:", or
  // "gnutls_handshake() failed:", where curl (lib/vtls/gtls.c) writes the received alert's name.
  const gnutls = tlsAlertRow(row.code as number)?.gnutls;
  if (gnutls) parts.push(`(?:\\balert(?:\\s*\\[\\d{1,3}\\])?|\\bgnutls_handshake\\(\\) failed)\\s*:\\s*${escape(gnutls).replace(/ /g, '\\s+')}${/\w$/.test(gnutls) ? '\\b' : ''}`);
  return parts.join('|');
}

function verifyPattern(row: CodeRow): string {
  const [prefixed, bare] = row.names as [string, string];
  // Two or more underscores (CERT_HAS_EXPIRED) name a verify result; one (CERT_REVOKED) needs a TLS word nearby.
  const plain = bare.split('_').length >= 3 ? word(bare) : inContext(bare, VERIFY_CONTEXT);
  return [word(prefixed), plain].join('|');
}

function namePattern(row: CodeRow): string {
  const parts: string[] = [];
  if (!TEXTS_ONLY.has(row.table)) for (const name of row.names) {
    if (row.table === 'openssl_reason') parts.push(word(`SSL_R_${name}`), word(`ERR_SSL_${name}`), inContext(name, CONTEXT.openssl_reason as string));
    else if (row.table === 'wolfssl' && !name.startsWith('ASN_')) parts.push(inContext(name, WOLFSSL_CONTEXT));
    else if (row.table === 'java_certpath')
      // The enum's name or the exception's must be written before the reason: both words pinned.
      parts.push(`\\bBasicReason\\.${name}\\b`, `\\bPKIXReason\\.${name}\\b`, `\\bCertPathValidatorException\\b[^\\n]{0,200}?\\b${name}\\b`);
    // A member of a shown Haskell list: after "[" or ",", before "]", "," or its String argument.
    else if (row.table === 'haskell_x509') parts.push(`(?<=[[,]\\s*)${name}(?=\\s*(?:[\\],]|"|\\\\"))`);
    // .NET enum members only after their type's name ("SocketError.TimedOut", "SocketErrorCode: HostNotFound"); the member
    // first, so it is the trigger word (a type name followed by an optional "Code" pins no word) and the lookbehind runs
    // only where the member stands.
    // WinRT's WebErrorStatus members the same way ("WebErrorStatus.CertificateExpired", "WebErrorStatus: Timeout").
    else if (row.table === 'dotnet_net' || row.table === 'winrt_web') {
      const [type, member] = name.split('.') as [string, string];
      parts.push(`\\b${member}\\b(?<=\\b${type}(?:Code)?\\W{1,3}${member})`);
    }
    // Rust io::ErrorKind members only in its Debug notation ("Kind(TimedOut)", "kind: ConnectionRefused"); the member first,
    // so it is the trigger word and the lookbehind runs only where it stands.
    else if (row.table === 'rust_io') parts.push(`\\b${name}\\b(?<=(?:\\bKind\\(|\\bkind:\\s{0,2})${name})`);
    // Swift URLError.Code members only after URLError ("URLError.timedOut", "URLError.Code.timedOut", "URLError(.timedOut)").
    else if (row.table === 'nsurl' && name.startsWith('URLError.')) parts.push(`\\bURLError\\b(?:\\.Code)?\\(?\\.${name.slice(9)}\\b`);
    // Runtime atoms and exception names that are one identifier; the rest of the runtime rows are read by their texts.
    // An Erlang reason atom only as a tuple's last element ("{shutdown,closed}", "{:error, :closed}"); the atom first, so it
    // is the trigger word and the look-arounds run only where it stands.
    else if (row.table === 'erlang_term') parts.push(`\\b${name}\\b(?<=[{,]\\s*:?${name})(?=\\s*})`);
    // An MQTT reason's name is a phrase of ordinary words; never next to a TLS word (Go's "tls: server selected
    // unsupported protocol version 301" is a TLS version failure). The phrase first, so its words are the trigger.
    // Ordinary phrases ("protocol error") only next to an MQTT word.
    else if (row.table === 'mqtt_reason')
      for (const phrase of [name, ...(row.names[0] === name ? (row.texts ?? []) : [])]) {
        const pattern = `\\b${escape(phrase).replace(/ /g, '\\s+')}\\b(?<![\\s\\S]*(?:tls|ssl)[\\s\\S]*)(?![\\s\\S]*(?:tls|ssl))`;
        parts.push(MQTT_GENERIC_REASONS.has(row.names[0] as string) ? `${pattern}(?:(?<=(?:${MQTT_TEXT_CONTEXT})[\\s\\S]*)|(?=[\\s\\S]*(?:${MQTT_TEXT_CONTEXT})))` : pattern);
      }
    else if (row.table === 'runtime_net') { if (/^\w+$/.test(name)) parts.push(word(name)); }
    // Squid's error names as Squid writes them, not Traffic Server's result code ("ERR_CONNECT_FAIL/502").
    else if (row.table === 'proxy_status') {
      if (name.startsWith(SQUID_ERR_PREFIX)) parts.push(`\\b${name}\\b(?!\\/\\d)`);
      // Envoy's short flags only in the flags field after the status ("504 UT", "503 UC,URX"); HAProxy's states only in the
      // termination field ("SH-- 1/1/0/0/0"). Two letters are no trigger word: the flag with the character after it is the
      // literal the matcher searches before the regex runs, and the look-behind runs only where it stands.
      else if (/^[A-Z]{2,3}$/.test(name) && row.source.startsWith('Envoy'))
        parts.push(...[' ', ','].map((after) => `\\b${name}${after}(?<=" [1-5]\\d\\d (?:[A-Z]{1,4},)*${name}${after})`));
      else if (/^[A-Za-z]{2}$/.test(name)) parts.push(`\\b${name}-- \\d+\\/\\d+\\/\\d+\\/\\d+\\/\\d+ `);
      // Rows with texts are read by them (their names are ids).
      else if (!row.texts) parts.push(word(name));
    }
    else if (CONTEXT[row.table]) parts.push(inContext(name, CONTEXT[row.table] as string));
    // CDN statuses and proxy result codes are read from their fields only (code-findings.ts).
    else if (row.table !== 'cdn_status' && row.table !== 'proxy_result') parts.push(word(name));
  }
  // A closing \b pins the last word too (so a rare last word, not "error", can be the trigger).
  for (const text of row.texts ?? []) if (row.table !== 'mqtt_reason') parts.push(`\\b${escape(text).replace(/ /g, '\\s+')}${/\w$/.test(text) ? '\\b' : ''}`);
  return parts.join('|');
}

/** Rows from text fields count a little less than the same code in a structured field. */
const TEXT_CONFIDENCE_CAP = 0.85;

/** The first usual spelling of a row that its rule matches (a stack's text, its name, the name in its context). */
function rowExample(row: CodeRow, pattern: RegExp): string {
  const name = row.names[0] as string;
  const spellings = [...(row.texts ?? []), ...row.names, `SSL_AD_${name.toUpperCase()}`, `SSL routines::${name}`, `wolfSSL error ${name}`, `CertPathValidatorException: ${name}`, `X509 verify: ${name}`, `{error,${name}}`, `{bad_cert,${name}}`, `CONNACK: ${name}`, `[${name}]`, `Kind(${name})`, `"GET /ws HTTP/1.1" 503 ${name} -`, `- - ${name}-- 1/1/0/0/0 0/0`];
  return spellings.find((spelling) => pattern.test(spelling)) ?? name;
}

function rowRule(row: CodeRow, source: string, flags: string): VocabularyRule {
  const pattern = new RegExp(source, flags);
  return rule(codeRuleId(row), pattern, row.cause, Math.min(TEXT_CONFIDENCE_CAP, row.confidence), row.source, {
    example: rowExample(row, pattern),
    ...(row.ambiguity ? { ambiguity: row.ambiguity } : {}),
  });
}

const alertSource = alertCodeRows[0]?.source ?? '';
const verifySource = verifyCodeRows[0]?.source ?? '';

export const codesVocabulary: Vocabulary = {
  name: 'codes',
  rules: [
    ...alertCodeRows.map((row) => rowRule(row, alertPattern(row), 'i')),
    ...verifyCodeRows.map((row) => rowRule(row, verifyPattern(row), '')),
    ...platformCodeTables
      .flat()
      .filter((row) => row.table !== 'cdn_status' && row.table !== 'proxy_result')
      // Java reasons and .NET flags are case-sensitive words (EXPIRED, NotTimeValid); the rest ignore case.
      .map((row) => rowRule(row, namePattern(row), row.table === 'java_certpath' || row.table === 'dotnet' || row.table === 'haskell_x509' || row.table === 'dotnet_net' || row.table === 'winrt_web' || row.table === 'java_net' || row.table === 'proxy_status' ? '' : 'i')),
    // Numeric notations, resolved through the alert and verify tables: "alert 70", "alert number 46",
    // "alert(70)", "(2, 70)" after the word alert; "verify result: 20", "verify_result=20". Each verify
    // notation is its own alternative, so both of its words must occur before the regex runs.
    rule('codes.tls_alert.number', /\balert\b(?: number| description| code| no\.?)?\s*[:=#]?\s*[([]?\s*(\d{1,3})\s*[)\]]?(?![\dxX.%])/i, 'tls_unknown', 0.85, alertSource, { capture: 'tls_alert', example: 'received fatal alert number 70' }),
    rule('codes.tls_alert.tuple', /\balert\b[^\n]{0,60}?\(\s*[12]\s*,\s*(\d{1,3})\s*\)/i, 'tls_unknown', 0.85, alertSource, { capture: 'tls_alert', example: 'TLS alert received: (2, 48)' }),
    // OTP's client-generated bad_certificate in its certificate-verification state: usually a self-signed leaf (erlang.ts).
    rule('codes.erlang_ssl.client_bad_certificate', OTP_CLIENT_BAD_CERTIFICATE, 'self_signed', 0.55, otpClientBadCertificateSource, { example: 'TLS client: In state certify at ssl_handshake.erl:2109 generated CLIENT ALERT: Fatal - Bad Certificate' }),
    rule('codes.x509_verify.number', /\bverify error\s*(?:num)?\s*[:=#]?\s*\(?(\d{1,3})\b|\bverify result\s*[:=#]?\s*\(?(\d{1,3})\b|\bverify return code\s*[:=#]?\s*\(?(\d{1,3})\b|\bverify code\s*[:=#]?\s*\(?(\d{1,3})\b|\bverify_result\b\s*[:=]?\s*(\d{1,3})\b|\bssl_verify_result\b\s*[:=]?\s*(\d{1,3})\b/i, 'tls_unknown', 0.9, verifySource, { capture: 'verify_code', example: 'ssl_verify_result=20' }),
  ],
};
