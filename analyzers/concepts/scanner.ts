// The generalising tier: finds the concepts (concepts.ts) of one text from its words (words.ts) and
// word classes (lexicon.ts), and HTTP statuses written next to a status word ("unexpected status 403",
// "got '401 Unauthorized'"). Findings say which concept and which words matched. Compiled once: classes
// are numbered, so a concept whose classes do not all occur is skipped with a few array reads.
import type { Cause } from '../../schemas/classification.js';
import { sourcedFinding, type SourcedFinding } from '../candidate.js';
import { closeCodeRow } from '../close-codes.js';
import { httpStatusCause } from '../http-status.js';
import { tlsAlertRow } from '../tls-alerts.js';
import { gnutlsStatus } from '../codes/gnutls.js';
import { mbedtlsVerifyResult } from '../codes/mbedtls.js';
import type { CodeRow } from '../codes/types.js';
import { verifyCodeRow } from '../verify-codes.js';
import { concepts, type Concept } from './concepts.js';
import { lexicon, type ClassName } from './lexicon.js';
import { headerCheckFinding } from './header-checks.js';
import { findProtocolViolations } from './protocol-violations.js';
import { blankJvmFrames, blankTracebackCode, hasTraceback, mayHaveJvmFrames, tracebackExtensionFinding } from './traceback.js';
import { words, type Word } from './words.js';
import { answerFieldLines } from '../answer-field-lines.js';
import { CONNECT_REQUEST_BEFORE_STATUS, UPSTREAM_SWITCHED } from '../proxy-tunnel.js';

const CLASS_NAMES = Object.keys(lexicon) as ClassName[];
const classIndex = new Map<ClassName, number>(CLASS_NAMES.map((name, index) => [name, index]));
const indexOf = (name: ClassName): number => classIndex.get(name) as number;

/**
 * A negated past participle also reads in its base form: "not supported" / "does not support", "not trusted" /
 * "cannot trust", "not verified" / "could not verify" (words.ts reads every negation "not" and drops "does").
 * Only after "not": a bare participle ("closed") has other uses than its verb ("close_notify", "Connection: close").
 */
function verbForms(phrase: readonly string[]): (readonly string[])[] {
  const forms: (readonly string[])[] = [phrase];
  if (phrase[0] !== 'not' || phrase.length < 2) return forms;
  const verb = phrase[1] as string;
  if (!verb.endsWith('ed') || verb.length < 5) return forms;
  const bases = verb.endsWith('ied') ? [`${verb.slice(0, -3)}y`] : [verb.slice(0, -2), verb.slice(0, -1)];
  for (const base of bases) forms.push(['not', base, ...phrase.slice(2)]);
  return forms;
}

/** First word → the phrases starting with it and their class, longest first. */
const phrasesByFirstWord = new Map<string, { rest: readonly string[]; cls: number }[]>();
for (const name of CLASS_NAMES) {
  for (const entry of lexicon[name] as readonly (string | readonly string[])[]) {
    for (const phrase of verbForms(typeof entry === 'string' ? [entry] : entry)) {
      const list = phrasesByFirstWord.get(phrase[0] as string) ?? [];
      if (list.some((known) => known.cls === indexOf(name) && known.rest.join(' ') === phrase.slice(1).join(' '))) continue;
      list.push({ rest: phrase.slice(1), cls: indexOf(name) });
      phrasesByFirstWord.set(phrase[0] as string, list);
    }
  }
}
for (const list of phrasesByFirstWord.values()) list.sort((a, b) => b.rest.length - a.rest.length);

interface CompiledConcept {
  readonly concept: Concept;
  readonly all: readonly number[];
  readonly context: readonly number[];
  readonly unless: readonly number[];
}
const compiled: readonly CompiledConcept[] = concepts.map((concept) => ({
  concept,
  all: concept.all.map(indexOf),
  context: (concept.context ?? []).map(indexOf),
  unless: (concept.unless ?? []).map(indexOf),
}));

/** A word class found in the text: word positions [first, last] and the text span for evidence. */
interface Occurrence {
  readonly cls: number;
  /** The identifier (words.ts run) of the first and last word. */
  readonly runs: readonly [number, number];
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
}

/** Every class occurrence of the text's words, and which classes occur. */
function occurrences(list: readonly Word[], present: Uint8Array): Occurrence[] {
  const found: Occurrence[] = [];
  for (let i = 0; i < list.length; i++) {
    const candidates = phrasesByFirstWord.get((list[i] as Word).norm);
    if (candidates === undefined) continue;
    let lastClassStart = -1;
    for (const { rest, cls } of candidates) {
      if (i + rest.length >= list.length) continue;
      let k = 0;
      while (k < rest.length && (list[i + 1 + k] as Word).norm === rest[k]) k++;
      if (k < rest.length) continue;
      // One occurrence per class and start word: the longest phrase (sorted first) wins.
      if (present[cls] === 1 && lastClassStart === i && found.some((o) => o.cls === cls && o.first === i)) continue;
      const last = i + rest.length;
      found.push({ cls, first: i, last, start: (list[i] as Word).start, end: (list[last] as Word).end, runs: [(list[i] as Word).run, (list[last] as Word).run] });
      present[cls] = 1;
      lastClassStart = i;
    }
  }
  return found;
}

/** One occurrence per class of `classes`, pairwise apart, all within `within` words (first to last word), or undefined. */
function nearTogether(found: readonly Occurrence[], classes: readonly number[], within: number): Occurrence[] | undefined {
  const chosen: Occurrence[] = [];
  const search = (index: number, first: number, last: number): boolean => {
    if (index === classes.length) return true;
    const cls = classes[index];
    for (const occurrence of found) {
      if (occurrence.cls !== cls) continue;
      const newFirst = Math.min(first, occurrence.first);
      const newLast = Math.max(last, occurrence.last);
      if (index > 0 && newLast - newFirst > within) continue;
      // Two classes may not be read from the very same words ("invalid" is both a failure and a mismatch).
      if (chosen.some((other) => other.first <= occurrence.last && occurrence.first <= other.last)) continue;
      chosen.push(occurrence);
      if (search(index + 1, newFirst, newLast)) return true;
      chosen.pop();
    }
    return false;
  };
  return search(0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY) ? chosen : undefined;
}

/**
 * Whether the matched words form one identifier by themselves ("HOSTNAME_MISMATCH", "MissingIntermediate",
 * "no_cipher_suites_in_common"): an error name fused from the concept's own words is a deliberate name, so the
 * concept needs no TLS word around it. Not for a one-word concept, nor inside a name that says WebSocket or HTTP
 * ("WebSocketVersionMismatch" is no TLS version).
 */
function oneIdentifier(matched: readonly Occurrence[], list: readonly Word[], text: string): boolean {
  if (matched.length < 2) return false;
  const run = (matched[0] as Occurrence).runs[0];
  for (const o of matched) if (o.runs[0] !== run || o.runs[1] !== run) return false;
  let start = -1;
  let end = -1;
  for (const word of list) {
    if (NOT_TLS_TEXT.has(word.norm)) return false;
    if (word.run !== run) continue;
    if (NOT_TLS_IDENTIFIER.has(word.norm)) return false;
    if (start < 0) start = word.start;
    end = word.end;
  }
  return ERROR_NAME.test(text.slice(start, end));
}
// An error name as code spells one: SCREAMING_CASE ("SSL_EXPIRED"), or CamelCase, dotted or not
// ("MissingIntermediate", "SslError.Untrusted"). Lower-case snake names are mostly configuration ("fe_tls_expired",
// a proxy's frontend named after its test scenario), not errors.
const ERROR_NAME = /^(?:[A-Z0-9_.-]+|[A-Za-z0-9.]*[A-Z][A-Za-z0-9.]*)$/;
// In the name itself: the WebSocket or HTTP layer's own mismatch. Anywhere in the text: an application's token
// check ("invalid_token: UNKNOWN_ISSUER" is a JWT issuer, not a certificate's).
const NOT_TLS_IDENTIFIER: ReadonlySet<string> = new Set(['websocket', 'ws', 'wss', 'web', 'http', 'https', 'upgrade', 'header']);
const NOT_TLS_TEXT: ReadonlySet<string> = new Set(['jwt', 'token', 'oauth', 'saml', 'oidc', 'jwk', 'jwks', 'bearer', 'claim']);

/** The matched words are one name (one identifier, any case) that no value follows ("max_size=10" is a setting). */
function oneName(matched: readonly Occurrence[], text: string): boolean {
  const run = (matched[0] as Occurrence).runs[0];
  let end = 0;
  for (const o of matched) {
    if (o.runs[0] !== run || o.runs[1] !== run) return false;
    end = Math.max(end, o.end);
  }
  return !SETTING_VALUE.test(text.slice(end, end + 4));
}
const SETTING_VALUE = /^\s*[=:]\s*\S/;

/** The matched words are one name a number is assigned to right after it ("idleTimeout=5000", "ping_timeout: 20s"): a setting. */
function numberSetting(matched: readonly Occurrence[], text: string): boolean {
  if (!inOneRun(matched)) return false;
  let end = 0;
  for (const o of matched) end = Math.max(end, o.end);
  return NUMBER_ASSIGNED.test(text.slice(end, end + 6));
}
const NUMBER_ASSIGNED = /^(?:=|:\s?)["']?\d/;

/**
 * A field whose value is a bare zero ("Timeout: 0.", "timeouts=0 Retries=1", "Timeout: 0" at a line's end): a counter or flag
 * that did not count. Not a zero with its unit or noun ("IncompleteReadError: 0 bytes read": an error's message).
 */
function zeroValued(o: Occurrence, text: string): boolean {
  return ZERO_VALUE.test(text.slice(o.end, o.end + 8));
}
const ZERO_VALUE = /^\s?[=:]\s?0(?:[.;,](?!\d)|\s*\n|\s+[A-Z]|\s*$)/;

/** All the matched words stand in one identifier ("BadHandshake", "drogon::ReqResult::BadResponse"'s last name). */
function inOneRun(matched: readonly Occurrence[]): boolean {
  const run = (matched[0] as Occurrence).runs[0];
  return matched.every((o) => o.runs[0] === run && o.runs[1] === run);
}

function applies(entry: CompiledConcept, found: readonly Occurrence[], present: Uint8Array, list: readonly Word[], text: string, restated?: readonly [number, number][]): Occurrence[] | undefined {
  for (const cls of entry.all) if (present[cls] !== 1) return undefined;
  for (const cls of entry.unless) if (present[cls] === 1) return undefined;
  if (entry.concept.identifierOnly === true) return inOneIdentifier(entry, found, list, text);
  let matched = nearTogether(found, entry.all, entry.concept.within);
  // A word a zero value follows ("Timeout: 0", "errors=0") is a counter or flag at zero: what it names did not happen.
  if (matched && matched.some((o) => zeroValued(o, text))) {
    found = found.filter((o) => !zeroValued(o, text));
    matched = nearTogether(found, entry.all, entry.concept.within);
  }
  // Words of a field that restates a header (the request's offer, the response's answer) pair only with words of the same field.
  if (matched && restated !== undefined) {
    const fields = matched.map((o) => restatedFieldOf(o, restated));
    if (fields.some((field) => field !== (fields[0] as number))) {
      found = found.filter((o) => restatedFieldOf(o, restated) < 0);
      matched = nearTogether(found, entry.all, entry.concept.within);
    }
  }
  if (matched && entry.concept.notSetting === true && numberSetting(matched, text)) {
    found = found.filter((o) => !matched?.includes(o));
    matched = nearTogether(found, entry.all, entry.concept.within);
    if (matched && numberSetting(matched, text)) return undefined;
  }
  if (matched && entry.concept.limitName === true) return oneName(matched, text) ? matched : undefined;
  if (matched && entry.concept.name === true && !oneName(matched, text)) return undefined;
  // Prose only: an identifier's words do not count, the same words in prose elsewhere do ("BadStatusLine: bad status line").
  if (entry.concept.prose === true) {
    let rest = found;
    while (matched && inOneRun(matched)) {
      const run = (matched[0] as Occurrence).runs[0];
      rest = rest.filter((o) => o.runs[0] !== run || o.runs[1] !== run);
      matched = nearTogether(rest, entry.all, entry.concept.within);
    }
  }
  if (!matched || entry.context.length === 0 || entry.context.some((cls) => present[cls] === 1)) return matched;
  return entry.concept.identifier === true ? inOneIdentifier(entry, found, list, text) : undefined;
}

/** The concept's words inside one identifier (tried per identifier that holds its last class), or undefined. */
function inOneIdentifier(entry: CompiledConcept, found: readonly Occurrence[], list: readonly Word[], text: string): Occurrence[] | undefined {
  const lastClass = entry.all[entry.all.length - 1];
  const tried = new Set<number>();
  for (const occurrence of found) {
    const run = occurrence.runs[0];
    if (occurrence.cls !== lastClass || occurrence.runs[1] !== run || tried.has(run)) continue;
    tried.add(run);
    const inRun = found.filter((o) => o.runs[0] === run && o.runs[1] === run);
    const matched = nearTogether(inRun, entry.all, entry.concept.within);
    if (matched && oneIdentifier(matched, list, text)) return matched;
  }
  return undefined;
}

function quoted(text: string, matched: readonly Occurrence[]): string {
  return [...matched]
    .sort((a, b) => a.start - b.start)
    .map((occurrence) => JSON.stringify(text.slice(occurrence.start, occurrence.end).slice(0, 60)))
    .join(' … ');
}

function conceptFinding(kind: string, rule: string, cause: Cause, confidence: number, detail: string, concept?: Concept): SourcedFinding {
  const evidence = { kind, detail };
  return sourcedFinding(rule, cause, confidence, evidence, concept?.ambiguity, true);
}

// The status each concept.http_status finding read, beside the finding rather than in it: findings keep one shape (hot loops
// read them), and only the other classifier asks (a gateway's status weighs less, a 403 beside credential words).
const statuses = new WeakMap<SourcedFinding, number>();

/** The HTTP status a concept.http_status finding read from its text. */
export function statedStatus(finding: SourcedFinding): number | undefined {
  return finding.rule === 'concept.http_status' ? statuses.get(finding) : undefined;
}

// Above the other concepts: a status the text states is more specific than a socket error name next to it.
const STATUS_CONFIDENCE = 0.58;

// Registered HTTP statuses (IANA HTTP Status Code Registry, RFC 9110 §15) from 200 up, plus the 52x a CDN
// answers when its origin fails (Cloudflare 520-527, 530): any other number after "response" is no status.
// @see https://www.iana.org/assignments/http-status-codes/http-status-codes.xhtml
const HTTP_STATUSES: ReadonlySet<number> = new Set([
  200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 307, 308,
  400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451,
  500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511, 520, 521, 522, 523, 524, 525, 526, 527, 530,
]);
const STATUS_WORD = indexOf('STATUS_WORD');
const STATUS_VERB = indexOf('STATUS_VERB');
const REJECT_WORD = indexOf('REJECT_WORD');
const AUTH_WORD = indexOf('AUTH_WORD');
const INVALID_TOKEN = indexOf('INVALID_TOKEN');
const ANSWER_REFUSED = indexOf('ANSWER_REFUSED');
const BAD_STATUS = indexOf('BAD_STATUS');
const TIME_BOUNDS: ReadonlySet<string> = new Set(lexicon.TIME_BOUND as readonly string[]);
const TIME_UNITS: ReadonlySet<string> = new Set(lexicon.TIME_UNIT as readonly string[]);

/**
 * An HTTP status (a registered one from 200 up: 1xx is no refusal, and errno and alert numbers stay out)
 * after a status word ("status 403", "HTTP/1.1 503") or right after a verb ("got 401"), or right before a
 * reason phrase ("403 Forbidden"); not a port ("host:443", "port 443").
 */
function statusFinding(kind: string, text: string, list: readonly Word[], found: readonly Occurrence[], present: Uint8Array): SourcedFinding | undefined {
  if (present[STATUS_WORD] !== 1 && present[STATUS_VERB] !== 1 && present[REJECT_WORD] !== 1 && present[AUTH_WORD] !== 1 && present[INVALID_TOKEN] !== 1 && present[ANSWER_REFUSED] !== 1 && present[BAD_STATUS] !== 1) return undefined;
  for (let i = 0; i < list.length; i++) {
    const word = list[i] as Word;
    if (word.norm.length !== 3 || !HTTP_STATUSES.has(Number(word.norm))) continue;
    if (text.charCodeAt(word.start - 1) === 58 && /[A-Za-z0-9\]]/.test(text.charAt(word.start - 2))) continue;
    if (i > 0 && (list[i - 1] as Word).norm === 'port') continue;
    // A duration ("failed after 500 ms", "timeout: 404 s") is no status.
    if (TIME_UNITS.has((list[i + 1] as Word | undefined)?.norm ?? '')) continue;
    // "verification code 402", "verify status 202": a certificate verification result (GnuTLS status bits), never an HTTP status.
    if (afterVerifyWord(list, i)) continue;
    const stated = found.some(
      (o) =>
        (o.cls === STATUS_WORD && o.last < i && i - o.last <= 3) ||
        (o.cls === STATUS_VERB && o.last === i - 1) ||
        // After a refused answer or a complaint that it was no 101, within a Debug struct's field names ("ws handshake error:
        // 403", "MissingSwitchingProtocols { found: Some(403) }"), not after a time bound ("failed after 500 retries").
        ((o.cls === ANSWER_REFUSED || o.cls === BAD_STATUS) && o.last < i && i - o.last <= 3 && !TIME_BOUNDS.has((list[i - 1] as Word).norm)) ||
        ((o.cls === REJECT_WORD || o.cls === AUTH_WORD || o.cls === INVALID_TOKEN) && o.first === i + 1),
    );
    if (!stated) continue;
    const status = Number(word.norm);
    if (status < 300 && successRecord(text, word.start)) continue;
    const cause = httpStatusCause(status);
    if (!cause) continue;
    const detail = `HTTP status ${status} in ${JSON.stringify(text.slice(Math.max(0, word.start - 40), word.end + 20))} (concept concept.http_status) → ${cause}`;
    const finding = conceptFinding(kind, 'concept.http_status', cause, STATUS_CONFIDENCE, detail);
    statuses.set(finding, status);
    return finding;
  }
  return undefined;
}

/**
 * Whether a 2xx at `at` records a success rather than answering the upgrade (proxy-tunnel.ts): the answer to a CONNECT
 * (the tunnel established), or a forward proxy's access record after the upstream's 101 (the 101 is the answer). Read only
 * for a 2xx candidate, so no pass over other texts.
 */
function successRecord(text: string, at: number): boolean {
  return CONNECT_REQUEST_BEFORE_STATUS.test(text.slice(Math.max(0, at - 200), at)) || UPSTREAM_SWITCHED.test(text.slice(0, at));
}

const NOT_HTTP_STATUS_WORDS: ReadonlySet<string> = new Set(['verify', 'verification', 'verifying', 'validation', 'alert']);

/** Whether a verification (or alert) word stands within the three words before word `at`. */
function afterVerifyWord(list: readonly Word[], at: number): boolean {
  for (let k = Math.max(0, at - 3); k < at; k++) if (NOT_HTTP_STATUS_WORDS.has((list[k] as Word).norm)) return true;
  return false;
}

// Words between "alert" and the alert's name or number that say nothing about which alert ("alert code is 70",
// "AlertDescription.ProtocolVersion", "fatal alert received: protocol version", "(AlertLevel_Fatal,HandshakeFailure)").
const ALERT_FILLER: ReadonlySet<string> = new Set(['code', 'number', 'no', 'description', 'desc', 'level', 'fatal', 'warning', 'received', 'sent', 'got', 'from', 'remote', 'peer', 'server', 'client', 'tls', 'ssl', 'error', 'message', 'type', 'value', 'id', 'ad', 'err', 'defined', 'protocol']);
const ALERT_CONFIDENCE = 0.58;
const ALERT_TEXT = /alert/i;
const VERIFY_TEXT = /verif|x509_v_err|(?:cert(?:ificate)?|x509)[\s_-]*err|error[\s_-]*num/i;

/**
 * A TLS alert named or numbered next to the word "alert" in any notation the words allow (RFC 8446 §6 names,
 * split from CamelCase, SCREAMING_CASE, dotted enums; numbers 0-255): "TlsAlertProtocolVersion",
 * "alert: certificate expired", "fatal alert code is 70", "HandshakeFailure alert". The alert table decides the cause.
 * A one-word name or a number needs a TLS, certificate or handshake word in the text.
 */
function alertFinding(kind: string, text: string, list: readonly Word[], present: Uint8Array): SourcedFinding | undefined {
  const tlsNamed = present[TLS] === 1 || present[CERT] === 1 || present[HANDSHAKE] === 1;
  for (let i = 0; i < list.length; i++) {
    if ((list[i] as Word).norm !== 'alert') continue;
    // After "alert", skipping filler (not "protocol" when it starts the name: protocol_version) and a level
    // ("level 2, description 45": RFC 8446 §6 AlertLevel 1 warning, 2 fatal).
    let at = i + 1;
    let described = false;
    for (; at < list.length; at++) {
      const norm = (list[at] as Word).norm;
      if (norm === 'level' && /^[12]$/.test((list[at + 1] as Word | undefined)?.norm ?? '')) at++;
      else if (norm === 'protocol' && (list[at + 1] as Word | undefined)?.norm === 'version') break;
      else if (!ALERT_FILLER.has(norm)) break;
      described ||= norm === 'description' || norm === 'desc';
    }
    // "AlertDescription(48)" names the TLS alert field itself: its number needs no other TLS word.
    const after = alertAt(list, at, 1, tlsNamed || described);
    if (after) return alertConcept(kind, text, list, i, after);
    // Before "alert" ("a protocol_version alert", "HandshakeFailureAlert").
    const before = alertAt(list, i - 1, -1, tlsNamed);
    if (before) return alertConcept(kind, text, list, i, before);
  }
  return undefined;
}

interface AlertSpan {
  readonly row: NonNullable<ReturnType<typeof tlsAlertRow>>;
  readonly from: number;
  readonly to: number;
}

/** The longest alert name (up to four words) or a number starting (step 1) or ending (step -1) at word `at`. */
function alertAt(list: readonly Word[], at: number, step: 1 | -1, tlsNamed: boolean): AlertSpan | undefined {
  if (at < 0 || at >= list.length) return undefined;
  const first = (list[at] as Word).norm;
  const number = step === 1 ? numberOf(first) : undefined;
  if (number !== undefined) {
    const row = tlsNamed && number < 256 ? tlsAlertRow(number) : undefined;
    return row?.cause ? { row, from: at, to: at } : undefined;
  }
  for (let n = 4; n >= 1; n--) {
    const from = step === 1 ? at : at - n + 1;
    const to = step === 1 ? at + n - 1 : at;
    if (from < 0 || to >= list.length) continue;
    if (n === 1 && !tlsNamed) return undefined;
    const name = list.slice(from, to + 1).map((word) => word.norm).join('_');
    const row = tlsAlertRow(name);
    if (row?.cause) return { row, from, to };
  }
  return undefined;
}

/** A decimal (up to three digits) or 0x hex number word ("70", "0x46"), else undefined. */
function numberOf(norm: string): number | undefined {
  if (/^\d{1,3}$/.test(norm)) return Number(norm);
  if (/^0x[0-9a-f]{1,2}$/.test(norm)) return Number.parseInt(norm.slice(2), 16);
  return undefined;
}

// A certificate verify result numbered after a verify word in any notation: "X509_V_ERR=21", "err=10" after
// X509_verify_cert, "verification error code 18", "SSL_get_verify_result() = 10", "verify error (19)"
// (OpenSSL X509_V_ERR_* numbers: verify-codes.ts). The words between may only say it is an error code.
const VERIFY_WORDS: ReadonlySet<string> = new Set(['verify', 'verification', 'verifying']);
const VERIFY_FILLER: ReadonlySet<string> = new Set(['error', 'err', 'errno', 'code', 'result', 'flag', 'num', 'number', 'failed', 'failure', 'cert', 'certificate', 'x509', 'v', 'status', 'get', 'ssl', 'tls', 'returned', 'return', 'value']);

function verifyNumberFinding(kind: string, text: string, list: readonly Word[], present: Uint8Array): SourcedFinding | undefined {
  if (present[CERT] !== 1 && present[TLS] !== 1) return undefined;
  const gnutlsNamed = GNUTLS_TEXT.test(text);
  const mbedtlsNamed = MBEDTLS_TEXT.test(text);
  for (let i = 0; i < list.length; i++) {
    const norm = (list[i] as Word).norm;
    // "X509_V_ERR" (x509, v, err) is a verify word too.
    const x509Err = norm === 'x509' && (list[i + 1] as Word | undefined)?.norm === 'v' && (list[i + 2] as Word | undefined)?.norm === 'err';
    if (!VERIFY_WORDS.has(norm) && !x509Err && !certErrorKey(list, i, present)) continue;
    let at = i + 1;
    while (at < list.length && at - i <= 5 && VERIFY_FILLER.has((list[at] as Word).norm)) at++;
    const word = list[at];
    if (word === undefined) continue;
    const words = JSON.stringify(text.slice((list[i] as Word).start, word.end).slice(0, 80));
    // An OpenSSL verify result (X509_V_ERR_*, below 100) unless the text names GnuTLS, whose status is a bit mask.
    const row = /^\d{1,2}$/.test(word.norm) && (x509Err || (!gnutlsNamed && !mbedtlsNamed)) ? verifyCodeRow(Number(word.norm)) : undefined;
    if (row?.cause) {
      const detail = `words ${words}: verify result ${row.code} X509_V_ERR_${row.name} (concept concept.verify_code, ${row.source.split(';')[0]}) → ${row.cause}`;
      const finding = conceptFinding(kind, 'concept.verify_code', row.cause, Math.min(ALERT_CONFIDENCE, row.confidence ?? ALERT_CONFIDENCE), detail);
      return row.ambiguity ? { ...finding, ambiguity: row.ambiguity } : finding;
    }
    const mbedtls = mbedtlsNamed && !x509Err ? flagsOf(word.norm, mbedtlsVerifyResult, false) : undefined;
    const status = mbedtls ?? (x509Err ? undefined : flagsOf(word.norm, gnutlsStatus, true));
    if (!status) continue;
    const { row: statusRow, flags, mask } = status;
    const what = mbedtls ? 'mbedTLS verify result' : 'GnuTLS certificate status';
    const detail = `words ${words}: ${what} 0x${mask.toString(16)} (${flags.join(' | ')}) (concept concept.verify_code, ${statusRow.source.split(' (')[0]}) → ${statusRow.cause}`;
    const finding = conceptFinding(kind, 'concept.verify_code', statusRow.cause, Math.min(ALERT_CONFIDENCE, statusRow.confidence), detail);
    return statusRow.ambiguity ? { ...finding, ambiguity: statusRow.ambiguity } : finding;
  }
  return undefined;
}

// A log's own key for a verify result without a verify word: "cert error code: 10" (trantor's
// OpenSSLProvider logs SSL_get_verify_result() so), "certificate error: 19", "x509 error 20", and s_client's
// "error num=10" only when the text names a certificate. The key must name a certificate, so an HTTP, WinHTTP or errno
// "error code: 20" is never read as a verify result.
const CERT_KEY: ReadonlySet<string> = new Set(['cert', 'certificate', 'x509', 'peercertificate', 'servercertificate']);
const ERROR_WORDS: ReadonlySet<string> = new Set(['error', 'err']);

function certErrorKey(list: readonly Word[], i: number, present: Uint8Array): boolean {
  const norm = (list[i] as Word).norm;
  const next = (list[i + 1] as Word | undefined)?.norm ?? '';
  if (CERT_KEY.has(norm)) return ERROR_WORDS.has(next);
  return present[CERT] === 1 && ERROR_WORDS.has(norm) && (next === 'num' || next === 'number');
}

const GNUTLS_TEXT = /gnutls/i;
const MBEDTLS_TEXT = /mbed ?tls/i;

type FlagsReading = { row: CodeRow; flags: string[] };

/**
 * A number after a verify word read as a library's verify flags: a GnuTLS certificate status (codes/gnutls.ts; Emacs
 * prints it with %x, "verification code 402", older Emacs with %d, "1026": hex first) or an mbedTLS verify result
 * (codes/mbedtls.ts; "0x8", or decimal first). `read` accepts only a valid mask (GnuTLS: GNUTLS_CERT_INVALID set and no
 * unused bit), so OpenSSL's small verify numbers and other numbers stay out.
 */
function flagsOf(norm: string, read: (mask: number) => FlagsReading | undefined, hexFirst: boolean): (FlagsReading & { mask: number }) | undefined {
  if (norm.length > 10) return undefined;
  const digits = /^\d+$/.test(norm);
  const readings = /^0x[0-9a-f]+$/.test(norm)
    ? [Number.parseInt(norm.slice(2), 16)]
    : digits
      ? hexFirst ? [Number.parseInt(norm, 16), Number(norm)] : [Number(norm), Number.parseInt(norm, 16)]
      : /^[0-9a-f]*\d[0-9a-f]*$/.test(norm) ? [Number.parseInt(norm, 16)] : [];
  for (const mask of readings) {
    const reading = read(mask);
    if (reading) return { ...reading, mask };
  }
  return undefined;
}

function alertConcept(kind: string, text: string, list: readonly Word[], alertWord: number, span: AlertSpan): SourcedFinding {
  const start = (list[Math.min(alertWord, span.from)] as Word).start;
  const end = (list[Math.max(alertWord, span.to)] as Word).end;
  const { row } = span;
  const detail = `words ${JSON.stringify(text.slice(start, end).slice(0, 80))}: TLS alert ${row.code} ${row.name} (concept concept.tls_alert, ${row.source}) → ${row.cause}`;
  const finding = conceptFinding(kind, 'concept.tls_alert', row.cause as Cause, Math.min(ALERT_CONFIDENCE, row.confidence ?? ALERT_CONFIDENCE), detail);
  return row.ambiguity ? { ...finding, ambiguity: row.ambiguity } : finding;
}
const TLS = indexOf('TLS');
const CERT = indexOf('CERT');
const HANDSHAKE = indexOf('HANDSHAKE');

const CLOSE_CONTEXT = indexOf('CLOSE_CONTEXT');
// Close codes a text may name with a cause of their own: 1005/1006 say only that no status came (the close fields
// decide those), 1004 is reserved, 1010 and 1015 belong to the 1010 and 1015 classifiers' own evidence.
const TEXT_CLOSE_CODES: ReadonlySet<number> = new Set([1000, 1001, 1002, 1003, 1007, 1008, 1009, 1011, 1012, 1013, 1014]);

const CLOSE_WORD = indexOf('CLOSE_WORD');
// Set here, not by words (lexicon.ts): the text states a close code a Close frame carries, or is a Close frame's reason.
const CLOSE_STATED = indexOf('CLOSE_STATED');
const REASON_FIELD = indexOf('REASON_FIELD');
/** Application close codes: 3000-3999 registered by libraries and frameworks, 4000-4999 private use (RFC 6455 §7.4.2). */
const isApplicationCode = (code: number): boolean => code >= 3000 && code <= 4999;
/** 1005, the code an API reports for a Close frame that carried no status (RFC 6455 §7.1.5, §7.4.1). */
const NO_STATUS = 1005;
// Below every cause a text names (0.4 and up): the reason's words, in this text or another, decide.
const APPLICATION_CONFIDENCE = 0.35;
const FAILED_APPLICATION_CONFIDENCE = 0.3;

// Words that say something failed, was refused or ran out: the classes concept.reason_routine is ruled out by, and a refusal's.
// SIZE_UNSUPPORTED's words are "unsupported" and "not supported" whatever the object (round 33, eng-a2): an application code's
// reason that the peer does not support what was asked (obs-websocket's 4010 UnsupportedRpcVersion, "Your requested RPC version (1)
// is not supported") refuses the session without naming a WebSocket cause.
// @see https://github.com/obsproject/obs-websocket/blob/master/docs/generated/protocol.md#websocketclosecode
const FAILURE_WORD_CLASSES: readonly number[] = (
  ['FAILURE', 'RESET', 'BAD_STATUS', 'EXPIRED', 'NOT_YET_VALID', 'UNTRUSTED', 'MISMATCH', 'REFUSED', 'TIMEOUT', 'INTERNAL_ERROR', 'POLICY_REFUSAL', 'REJECT_WORD', 'AUTH_WORD', 'INVALID_TOKEN', 'NAME_ABSENT', 'SIZE_UNSUPPORTED'] as const
).map(indexOf);

// Words that may stand between a close word and the code it states ("closed with status code 4001"; "with" is filler).
const CODE_LABELS: ReadonlySet<string> = new Set(['code', 'status', 'statuscode']);
// What a close word closes, between it and the code's label: Akka's and Pekko's PeerClosedConnectionException, "Peer closed
// connection with code 4001 'tls session ended'", the Close frame received (akka-http-core akka/http/scaladsl/model/ws/
// PeerClosedConnectionException.scala, https://github.com/akka/akka-http), and "closed the session with code 4000".
const CLOSED_OBJECTS: ReadonlySet<string> = new Set(['connection', 'session', 'socket', 'websocket', 'stream']);

/**
 * Whether the number at `i` is the code a close word states: right after it, or after a label ("close 4000", "socket closed:
 * 4001", "closed with code 4001", "closed connection with code 4001"), and not an id in brackets or after '#' ("connection closed [3456]", "#4001"). An application
 * code or 1005 is any number in its range, so only this notation reads as one; the registered codes need a close context only.
 */
function codeAfterCloseWord(text: string, list: readonly Word[], found: readonly Occurrence[], i: number): boolean {
  const before = text.charAt((list[i] as Word).start - 1);
  if (before === '[' || before === '#') return false;
  for (const o of found) {
    if (o.cls !== CLOSE_WORD || o.last >= i || i - o.last > 3) continue;
    let labelsOnly = true;
    let objects = false;
    for (let j = o.last + 1; j < i && labelsOnly; j++) {
      const norm = (list[j] as Word).norm;
      if (CLOSED_OBJECTS.has(norm)) objects = true;
      else labelsOnly = CODE_LABELS.has(norm);
    }
    // The object closed may stand between the close word and the label, never before the code itself ("closed connection 4001").
    if (labelsOnly && (!objects || CODE_LABELS.has((list[i - 1] as Word).norm))) return true;
  }
  return false;
}

/**
 * A WebSocket close code written in a text ("websocket: close 1011", "received 1013 (try again later)", "code=1008")
 * within three words after a close word; its cause is the close code table's (analyzers/close-codes.ts). For events
 * whose close fields are empty and whose text carries the close. A code valid on the wire, an application code
 * (3000-4999, only after a close word proper: "error code 4001" may be anything) included, marks the text CLOSE_STATED:
 * a Close frame came, so the read error that reports it ("error reading websocket message: websocket: close 4403: …") is
 * no drop. An application code names no cause of its own (RFC 6455 §7.4.2): its reason's words decide; with none, the close
 * is clean (normal_closure, low), unless a word after the code says something failed or was refused (unknown_failure, low).
 * An application code or 1005 is read only right after a close word or its label ("close 4000", "socket closed: 1005"). 1005
 * marks the text without a finding of its own: a Close frame without a status, whose close fields decide.
 * @see https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1
 * @see https://www.rfc-editor.org/rfc/rfc6455#section-7.4.2
 */
function closeCodeFinding(kind: string, text: string, list: readonly Word[], found: readonly Occurrence[], present: Uint8Array): SourcedFinding | undefined {
  if (present[CLOSE_CONTEXT] !== 1) return undefined;
  let chosen: Word | undefined;
  let application: Word | undefined;
  let applicationAt = -1;
  for (let i = 0; i < list.length; i++) {
    const word = list[i] as Word;
    if (word.norm.length !== 4) continue;
    const code = Number(word.norm);
    const table = TEXT_CLOSE_CODES.has(code);
    if (!table && !isApplicationCode(code) && code !== NO_STATUS) continue;
    if (table ? !found.some((o) => o.cls === CLOSE_CONTEXT && o.last < i && i - o.last <= 3) : !codeAfterCloseWord(text, list, found, i)) continue;
    present[CLOSE_STATED] = 1;
    // A Close frame without a status: the close fields decide (1005 names no cause of its own), the text names no drop.
    if (code === NO_STATUS) continue;
    if (!table) {
      if (application === undefined) {
        application = word;
        applicationAt = i;
      }
      continue;
    }
    // A 1002 next to another code is the client's protest at that code ("closed with code 1002: invalid close code
    // 1012", a code registered after RFC 6455): the other code says what the server meant.
    if (chosen === undefined || chosen.norm === '1002') chosen = word;
  }
  if (chosen === undefined) {
    if (application === undefined) return undefined;
    // The words after the code are its reason ("close 4403: Forbidden"): a failure or refusal there is no clean close, even
    // where no concept says which cause. They are read as a close.reason is: an end word inside "session ended" states the close
    // ("Peer closed connection with code 4001 'tls session ended'"), no failure (reasonOccurrences).
    const reason = found.filter((o) => o.first > applicationAt);
    const reasonPresent = new Uint8Array(CLASS_NAMES.length);
    for (const o of reason) reasonPresent[o.cls] = 1;
    const failed = reasonOccurrences(reason, reasonPresent).some((o) => FAILURE_WORD_CLASSES.includes(o.cls));
    const cause: Cause = failed ? 'unknown_failure' : 'normal_closure';
    const reading = failed ? 'a reason that names a failure without its cause' : 'no failure named after it: a closing handshake the application started';
    const detail = `application close code ${application.norm} in ${JSON.stringify(text.slice(Math.max(0, application.start - 40), application.end + 20))}: a Close frame came, with a code that names no cause of its own, and ${reading} (concept concept.close_code_application, RFC 6455 §7.4.2) → ${cause}`;
    return conceptFinding(kind, 'concept.close_code_application', cause, failed ? FAILED_APPLICATION_CONFIDENCE : APPLICATION_CONFIDENCE, detail);
  }
  const code = Number(chosen.norm);
  const row = closeCodeRow(code);
  if (!row?.cause) return undefined;
  const detail = `close code ${code} ${row.name} in ${JSON.stringify(text.slice(Math.max(0, chosen.start - 40), chosen.end + 20))} (concept concept.close_code) → ${row.cause}`;
  return conceptFinding(kind, 'concept.close_code', row.cause, STATUS_CONFIDENCE, detail);
}

// Java's InetSocketAddress prints an address made without a lookup as "host/<unresolved>:port" (clients such as
// Pekko resolve at connect time): a notation, not a failed resolution. Blanked to the same length, so offsets stay.
// @see https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/net/InetSocketAddress.html#toString()
const UNRESOLVED = '<unresolved>';
const UNRESOLVED_NOTATION = /\/<unresolved>/g;

// A URL's path and query name the resource, not the failure ("target=https://gw/ext/required", "wss://h/tls10/echo"): blanked to
// the same length, so offsets stay. The scheme and host stay words ("wss", a host name).
const URL_PATH = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s/"'<>]*)(\/[^\s"'<>]*)/gi;
function blankUrlPaths(text: string): string {
  return text.replace(URL_PATH, (_url, origin: string, path: string) => origin + ' '.repeat(path.length));
}

// A request line's target in origin form (RFC 9112 §3.2.1: absolute-path ["?" query], after the method: "GET /feed?token=expired-abc
// -> 403"), and an access line's uri=/path= field holding one, name the resource the client asked for, as an absolute URL's path
// does: the client's words, not the server's verdict ("token=expired" in a query is no credential refused). Blanked to the same
// length (round 25, eng-s1); the method stays a word.
// @see https://www.rfc-editor.org/rfc/rfc9112#section-3.2.1
const REQUEST_TARGET = /(\b(?:GET|HEAD|POST|PUT|DELETE|CONNECT|OPTIONS|TRACE|PATCH)\s+|\b(?:uri|url|path|request_uri|req_uri|request_path|req_path)=)(\/[^\s"'<>]*)/g;
function blankRequestTargets(text: string): string {
  return text.replace(REQUEST_TARGET, (_target, before: string, target: string) => before + ' '.repeat(target.length));
}

// An access line's fields that restate the request's headers (req_ext=, request_headers=: logfmt keys with a req/request prefix)
// hold what the client offered, not a verdict: their words pair only with words of the same field ("req_ext=permessage-deflate;
// client_max_window_bits" beside "proxy_error=client error …" is no extension refused; round 25, eng-s1). A field's value runs to
// the next key= (not a header parameter after ";", "; client_max_window_bits=10") or a "|" between records.
// A quoted value ends at its closing quote (round 30, eng-x1): the prose after it ('negotiated_ext="" callback failed: …') is no
// part of the field.
// Round 27 (eng-u1) widens the family to every field that restates a message's header rather than judging it: the response's
// (res_ext=, resp_headers=, response_status=) and a field keyed by a header's own name (an RFC 9110 §5.1 field-name: a token,
// here hyphen-joined words, "Sec-WebSocket-Extensions=\"\"", "Content-Type=text/plain"). A field's key names the header whose
// value is logged, so it belongs to its field (a req_ field's key too): 'answered "400 Bad Request" Sec-WebSocket-Extensions=""'
// (a proxy logging the upstream's answer) says nothing about that header, while "400: invalid Sec-WebSocket-Extensions" does.
// Round 30 (eng-x1): a key whose last word is a WebSocket header's short name (extensions, ext, protocol, subprotocol) after any
// qualifier ("upstream_extensions=", "negotiated.ext=", "client_protocol="; http-mitm-proxy's hooks log the upstream's
// negotiated extensions so) restates that header's value as well: an empty or offered value judges nothing.
// @see https://www.rfc-editor.org/rfc/rfc9110#section-5.1, https://www.rfc-editor.org/rfc/rfc6455#section-11.3 (the header names)
const RESTATED_FIELD = /(?:^|[\s|,;{(])((?:req|request|res|resp|response)[_.-][\w.-]*=|[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+=|[A-Za-z][\w]*[_.](?:extensions|ext|exts|subprotocols?|protocols?)=)("(?:[^"\\\n]|\\.)*"(?![^\s,;|)}\]])|.*?(?:(?<!;)(?=\s+[A-Za-z_][\w.-]*=)|(?=\s*\||\n|$)))/g;
const RESTATED_FIELD_KEY = /\b(?:req|request|res|resp|response)[_.-]|[A-Za-z0-9]-[A-Za-z0-9]+=|[A-Za-z0-9][_.](?:extensions|exts?|subprotocols?|protocols?)=/i;
// Round 35 (eng-c2): an answer written out as its status line and header fields ("upgrade answer 'HTTP/1.1 400 Bad Request'
// Sec-WebSocket-Protocol: v12.stomp") restates its handshake fields the same way (answer-field-lines.ts): the status's reason phrase
// ("Bad Request") is no verdict on the field beside it.
function restatedFields(text: string): readonly [number, number][] | undefined {
  const answered = answerFieldLines(text);
  if (!text.includes('=') || !RESTATED_FIELD_KEY.test(text)) return answered;
  const ranges: [number, number][] = answered === undefined ? [] : [...answered];
  for (const field of text.matchAll(RESTATED_FIELD)) {
    const end = (field.index ?? 0) + field[0].length;
    // The key is part of its field: it names what the field restates ("resp_ext", "Sec-WebSocket-Extensions").
    ranges.push([end - (field[2] as string).length - (field[1] as string).length, end]);
  }
  return ranges.length > 0 ? ranges : undefined;
}
/** Which restated field (its index) holds an occurrence, or -1. */
function restatedFieldOf(o: Occurrence, ranges: readonly [number, number][]): number {
  return ranges.findIndex(([start, end]) => start <= o.start && o.end <= end);
}

// A structured log line's label fields (logfmt/key=value: blackbox_exporter's module= and target=, go-kit's caller=, slog's
// source=) name the configuration and the place that logged, not the failure: a probe module named "ws_deflate_required" is
// no extension verdict. Their values are blanked (same length); msg=, err= and the rest stay words.
const LABEL_KEYS = 'module|target|job|instance|caller|source|logger|component|probe|endpoint';
const LABEL_FIELD_KEY = new RegExp(String.raw`\b(?:${LABEL_KEYS})=`);
// A key=value field whose value is a language's "no value" (Rust's None, null, nil): the log records that nothing was set or
// asked for ("protocol=None": no subprotocol offered), no verdict; its "none" is no refusal. Blanked as a label's value.
const UNSET_FIELD = /\b([A-Za-z_][\w.-]*=)(None|none|null|nil|<nil>)(?=[\s,;)\]}]|$)/g;
// A connection's log context as Twisted prints it before each line of a session (round 36, eng-d1): `[<logPrefix>,<sessionno>,<host>]`,
// tcp.py's Server.logstr, whose logPrefix names the protocol and its wrappers' classes ("Lines (LabWS) (BufferingTLSTransport)",
// policies.py ProtocolWrapper.logPrefix) and whose host is the peer's address. It says where the line was logged, not what it
// says: a TLS wrapper's class name is no TLS word of the line, the peer's address no peer named in it. Blanked (same length).
// @see https://github.com/twisted/twisted/blob/trunk/src/twisted/internet/tcp.py (Server.__init__: self.logstr)
const CONNECTION_LOG_CONTEXT = /\[[^\]\n]{1,160},\d+,[0-9A-Fa-f.:]+\]/g;
// A log line restating the request's header fields in their own syntax (RFC 9110 §5.1: a field-name, here hyphen-joined words, then
// ":" and the value), two or more of them joined by ";": a server's record of what the request carried (Twisted's `getHeader()`
// values, None for an absent field: "Sec-WebSocket-Protocol: None; Sec-WebSocket-Version: '99'"). Each pair records a value, no
// verdict, as a header mapping a library's repr restates (below) and a field restating a header (round 27) do; the verdict is the
// log's own words ("Can't support protocol version 99!"). The list is blanked (same length). Round 36, eng-d1.
const HEADER_PAIR = String.raw`[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+:[ \t]*(?:'[^'\n]*'|"[^"\n]*"|[^;'"\n]*)`;
const HEADER_LIST = new RegExp(String.raw`\b${HEADER_PAIR}(?:;[ \t]*${HEADER_PAIR})+`, 'g');
const HEADER_LIST_HINT = /-[A-Za-z0-9]+:[^\n;]*;[ \t]*[A-Za-z][A-Za-z0-9]*-/;
const LABEL_FIELD = new RegExp(String.raw`(\b(?:${LABEL_KEYS})=)("(?:[^"\\\n]|\\.)*"|[^\s"]*)`, 'g');

// A header mapping that a Python HTTP library's exception repr restates (aiohttp's WSServerHandshakeError and ClientResponseError
// print `headers=<CIMultiDictProxy('Upgrade': 'websocket', …)>` for the request and the answer; urllib3's HTTPHeaderDict({…}),
// httpx's Headers({…})): each pair records a header's value, no verdict, as a field restating a header (round 27) does; the verdict
// is the exception's message ("Invalid upgrade header"). The mapping's contents are blanked (same length), its class name stays.
// @see https://github.com/aio-libs/multidict (CIMultiDictProxy repr), https://github.com/aio-libs/aiohttp/blob/master/aiohttp/client_exceptions.py
const HEADER_MAPPING = /\b(?:CI)?MultiDict(?:Proxy)?\(|\bHTTPHeaderDict\(|\bHeaders\((?=[{[])/g;
const OPENERS = '([{';
const CLOSERS = ')]}';
/** The end (index of the closing bracket) of the bracketed value opened at `from`, quotes respected; -1 when unclosed. */
function bracketEnd(text: string, from: number): number {
  let depth = 0;
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const c = text.charAt(i);
    if (quote !== '') {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (OPENERS.includes(c)) depth++;
    else if (CLOSERS.includes(c) && --depth === 0) return i;
  }
  return -1;
}
function blankHeaderMappings(text: string): string {
  let out = text;
  for (const opener of text.matchAll(HEADER_MAPPING)) {
    const open = (opener.index ?? 0) + opener[0].length - 1;
    const end = bracketEnd(text, open);
    if (end === -1) continue;
    out = out.slice(0, open + 1) + ' '.repeat(end - open - 1) + out.slice(end);
  }
  return out;
}

const FAILURE = indexOf('FAILURE');
const SESSION_ENDED = indexOf('SESSION_ENDED');
const ENDED_HOW = indexOf('ENDED_HOW');

/**
 * A close's reason read as the close's own words: an end word inside "session ended" ("tls session ended", "session closed by
 * user") states the close itself, no failure (lexicon SESSION_ENDED); said how it ended ("ended unexpectedly", ENDED_HOW), or
 * with another failure word, it still counts.
 * Drops those end words from `found` and `present` in place, and returns `found`.
 */
function reasonOccurrences(found: Occurrence[], present: Uint8Array): Occurrence[] {
  if (present[SESSION_ENDED] !== 1 || present[FAILURE] !== 1 || present[ENDED_HOW] === 1) return found;
  const ends = found.filter((o) => o.cls === SESSION_ENDED);
  const within = (o: Occurrence): boolean => ends.some((end) => end.first <= o.first && o.last <= end.last);
  for (let i = found.length - 1; i >= 0; i--) if ((found[i] as Occurrence).cls === FAILURE && within(found[i] as Occurrence)) found.splice(i, 1);
  present[FAILURE] = found.some((o) => o.cls === FAILURE) ? 1 : 0;
  return found;
}

/**
 * Whether a close reason has words that something failed or was refused ("Forbidden", "session failed"), whether or not a concept
 * names the cause: such a reason is no clean close, even where no cause can be told. Read only for the few closes whose code
 * names no cause (3000-4999), outside the memoized text findings.
 */
export function reasonNamesFailure(reason: string): boolean {
  const list = words(reason);
  if (list.length === 0) return false;
  const present = new Uint8Array(CLASS_NAMES.length);
  const found = reasonOccurrences(occurrences(list, present), present);
  for (const cls of FAILURE_WORD_CLASSES) {
    if (present[cls] !== 1) continue;
    if (cls !== FAILURE || present[ENDED_HOW] === 1) return true;
    // A Close frame's reason saying that something "closed" ("editor closed", "tab closed") states the close the frame carries,
    // as a session said to have ended does (reasonOccurrences): no failure word there (convention 11). "closed unexpectedly"
    // (ENDED_HOW) and any other failure word still count. Round 41, r41-a. @see https://www.rfc-editor.org/rfc/rfc6455#section-7.4.2
    for (const o of found) if (o.cls === FAILURE && !(o.first === o.last && (list[o.first] as Word).norm === 'closed')) return true;
  }
  return false;
}

/** Appends the concept findings of one text field (named `kind` in evidence) to `out`. */
export function findConcepts(kind: string, text: string, out: SourcedFinding[]): void {
  findProtocolViolations(kind, text, out);
  // A Python traceback: its quoted source lines are code, not words of the error (traceback.ts).
  const traceback = hasTraceback(text);
  if (traceback) {
    const raised = tracebackExtensionFinding(kind, text);
    if (raised) out.push(raised);
  }
  const uncoded = traceback ? blankTracebackCode(text) : text;
  // A JVM stack trace's frames name code locations, not the failure (traceback.ts).
  const read = mayHaveJvmFrames(uncoded) ? blankJvmFrames(uncoded) : uncoded;
  const contextless = read.includes(',') && read.includes('[') ? read.replace(CONNECTION_LOG_CONTEXT, (context) => ' '.repeat(context.length)) : read;
  const unresolved = contextless.includes(UNRESOLVED) ? contextless.replace(UNRESOLVED_NOTATION, (notation) => ' '.repeat(notation.length)) : contextless;
  const labelled = unresolved.includes('=') && LABEL_FIELD_KEY.test(unresolved) ? unresolved.replace(LABEL_FIELD, (_field, key: string, value: string) => key + ' '.repeat(value.length)) : unresolved;
  const unset = labelled.includes('=') ? labelled.replace(UNSET_FIELD, (_field, key: string, value: string) => key + ' '.repeat(value.length)) : labelled;
  const unlabelled = unset.includes(';') && HEADER_LIST_HINT.test(unset) ? unset.replace(HEADER_LIST, (list) => ' '.repeat(list.length)) : unset;
  const unmapped = unlabelled.includes('Dict') || unlabelled.includes('Headers(') ? blankHeaderMappings(unlabelled) : unlabelled;
  const targeted = unmapped.includes('/') ? blankRequestTargets(unmapped) : unmapped;
  const list = words(targeted.includes('://') ? blankUrlPaths(targeted) : targeted);
  if (list.length === 0) return;
  const restated = restatedFields(text);
  const present = new Uint8Array(CLASS_NAMES.length);
  const found = occurrences(list, present);
  if (found.length === 0) return;
  // A Close frame's reason: its words are the close's own (concepts with the context REASON_FIELD).
  if (kind === 'close.reason') {
    present[REASON_FIELD] = 1;
    reasonOccurrences(found, present);
  }
  const status = statusFinding(kind, text, list, found, present);
  if (status) out.push(status);
  const close = closeCodeFinding(kind, text, list, found, present);
  if (close) out.push(close);
  const header = headerCheckFinding(kind, text, found, present);
  if (header) out.push(header);
  // Their words are rare: a substring test spares the word loops on most texts.
  const alert = ALERT_TEXT.test(text) ? alertFinding(kind, text, list, present) : undefined;
  if (alert) out.push(alert);
  const verify = VERIFY_TEXT.test(text) ? verifyNumberFinding(kind, text, list, present) : undefined;
  if (verify) out.push(verify);
  let matches: { concept: Concept; matched: Occurrence[]; span: number }[] | undefined;
  for (const entry of compiled) {
    const matched = applies(entry, found, present, list, text, restated);
    if (!matched) continue;
    let first = Number.POSITIVE_INFINITY;
    let last = 0;
    for (const o of matched) {
      first = Math.min(first, o.first);
      last = Math.max(last, o.last);
    }
    (matches ??= []).push({ concept: entry.concept, matched, span: last - first });
  }
  if (!matches) return;
  // A widening concept stands only where no other concept of its cause matched (concepts.ts `widening`).
  if (matches.length > 1 && matches.some((m) => m.concept.widening)) matches = matches.filter((m) => !m.concept.widening || !matches?.some((other) => other !== m && other.concept.cause === m.concept.cause));
  // Among equally confident concepts the one whose words stand closest together is cited first (and wins a tie).
  matches.sort((a, b) => b.concept.confidence - a.concept.confidence || a.span - b.span);
  for (const { concept, matched } of matches) {
    const detail = `words ${quoted(text, matched)} (${concept.all.join(' + ').toLowerCase()}) matched ${concept.id} → ${concept.cause}`;
    out.push(conceptFinding(kind, concept.id, concept.cause, concept.confidence, detail, concept));
  }
}
