// A 400 whose texts name a WebSocket header of the upgrade request takes that header's cause (convention "An upgrade request
// refused for its WebSocket header", widened by the lead in round 16): Sec-WebSocket-Key, -Version, Upgrade or Connection →
// protocol_error (RFC 6455 §4.2.1), Sec-WebSocket-Extensions → the 1010 family (the server refused the offer's parameters,
// RFC 7692 §5), Sec-WebSocket-Protocol → subprotocol_mismatch (read by the other classifier's refused_for_subprotocol).
// §4.2.2 has the server answer such a request with an HTTP error such as 400: the header says why.
// @see https://www.rfc-editor.org/rfc/rfc6455#section-4.2.1, https://www.rfc-editor.org/rfc/rfc6455#section-4.2.2
import { blankAnswerFieldLines } from './answer-field-lines.js';
import { BoundedCache } from './bounded-cache.js';
import { sourcedFinding, type SourcedFinding } from './candidate.js';
import { isLogLabel } from './codes/proxy-result.js';
import { findConcepts } from './concepts/scanner.js';
import type { EvidenceContext } from './evidence-context.js';
import { upgradeRefusalText, type UpgradeRefusalText } from './upgrade-refusal-texts.js';

// The concepts that read a missing or bad Sec-WebSocket-Key/-Version, Upgrade or Connection field (concepts.ts).
const REQUEST_HEADER_RULES: ReadonlySet<string> = new Set(['concept.accept_key', 'concept.upgrade_field', 'concept.upgrade_header', 'concept.upgrade_missing', 'concept.request_version']);

// The server's words that a request header was bad, in any wording: the header's name beside a word of refusal or invalidity
// on one line ("invalid Sec-WebSocket-Extensions header: unknown parameter foo", 'Invalid request header "connection"',
// "Sec-WebSocket-Key header missing"). Sec-WebSocket-Extensions/-Key/-Version are named as they are; Upgrade and Connection are
// also common words ("upgrade refused"), so only quoted or called a header or field. Read only beside a refusal the server
// itself answered (refusedForRequest), so no other text pays for it.
// @see https://www.rfc-editor.org/rfc/rfc6455#section-4.2.1 (the request's fields), https://www.rfc-editor.org/rfc/rfc7692#section-5
// A header is also named by the words of its field without the "Sec-" prefix ("WebSocket version is not 13", "WebSocket key
// missing"), and Connection/Upgrade by the field with the token RFC 6455 requires in it ("missing connection upgrade",
// "without Connection: upgrade", "Upgrade: websocket"): a field and its required value name the header as no common word does;
// without the colon only right after the word of its absence ("connection upgrade refused" is an upgrade refused).
// A header's name as a key= field's key ('Sec-WebSocket-Extensions=""', a proxy logging the upstream's answer) restates that
// header's value, no verdict on it (round 27, eng-u1; scanner.ts's restated fields): it names no header refused.
// The version's own requirement ("not 13") is a word of invalidity (RFC 6455 §4.2.1 item 6: the value MUST be 13).
// "Upgrade Required" is 426's reason phrase (RFC 9110 §15.5.22), no requirement stated of a header beside it: a 426 lists the
// versions the server supports in its own Sec-WebSocket-Version field (RFC 6455 §4.4), which is no refusal naming that header.
// A name quoted as a mapping's key ("'sec-websocket-version': '13'", '"connection":"close"': a client's log of the answer's
// headers as a dict or JSON object) restates the field the same way (round 30, eng-x2).
// The WebSocket headers named as a group ("Missing/Invalid WebSocket headers", Tornado's 400 body and log line when the request
// lacks or garbles Upgrade, Connection or Sec-WebSocket-Key/-Version; "invalid websocket handshake headers", "WebSocket request
// header fields missing"): the request's WebSocket header fields (RFC 6455 §4.2.1) named missing or bad, as one header's name is,
// in the plural (a singular "Invalid WebSocket Header" is websocket-client's verdict on an answer). Round 39, r39-a.
// @see https://github.com/tornadoweb/tornado/blob/master/tornado/websocket.py (WebSocketProtocol13.accept_connection: "Missing/Invalid WebSocket headers")
const HEADER_NAME = String.raw`(sec-websocket-(?:extensions|key|version|protocol))\b(?!=|["'\u0060]\s*:)|(?:header|field)\s+["'\u0060]?(upgrade|connection)\b|["'\u0060](upgrade|connection)["'\u0060](?!\s*:)|\b(upgrade|connection)\s+(?:header|field)\b|\b(websocket[ -](?:key|version))\b|\b(connection):\s*["'\u0060]?upgrade\b|(?<=\b(?:missing|without|no)\s+)(connection)\s+upgrade\b|\b(upgrade):\s*["'\u0060]?websocket\b|\b(websocket[ -](?:(?:request|handshake|upgrade)[ -])?header(?:s|[ -]fields))\b`;
// Absence is said as often with a negated verb as with "missing" ("Upgrade header is not set to …", xitca-web's
// NoWebsocketUpgrade; "… header was not provided", "is not present", "not found"), as the lexicon's HEADER_ABSENT reads it.
// A requirement stated of the request is a word of absence too: the request "must have"/"must contain"/"requires"/"expected" a
// header (or the header with its value, "must have `Connection: Upgrade`") is said only where the request lacked it.
// A header restricted to one value ('Can "Upgrade" only to "WebSocket".': Tornado's and aiohttp's 400 for an Upgrade field that is
// not websocket; "Upgrade may only be websocket") states that requirement of the request's value, said only where it was not met.
// Round 39, r39-a. @see https://github.com/aio-libs/aiohttp/blob/master/aiohttp/web_ws.py (_handshake: 'Can "Upgrade" only to "WebSocket".')
const BAD_WORD = String.raw`\b(?:invalid|bad|malformed|unknown|duplicated?|unsupported|missing|absent|lacking|(?<!\bupgrade[ _-]?)required|requires?|expected|unacceptable|wrong|illegal|refused|rejected|without|(?:must|should|shall) (?:have|contain|include|carry|specify|send|be)|not (?:allowed|supported|acceptable|valid|13|set|present|provided|given|specified|sent|found|included)|(?:can|may|must) only|only (?:to|be|accepts?|supports?|allow(?:s|ed)?))\b`;
const HEADER_THEN_BAD = new RegExp(String.raw`(?:${HEADER_NAME})[^\n]{0,60}?${BAD_WORD}`, 'i');
const BAD_THEN_HEADER = new RegExp(String.raw`${BAD_WORD}[^\n]{0,40}?(?:${HEADER_NAME})`, 'i');
// A header counted more than once is a duplicated header ("refusing upgrade: 2 Sec-WebSocket-Extensions headers in request"):
// the request carried the field twice where the server takes it once, a malformed request naming that header.
// On one line: a log's port or count at a line's end is no count of the header that begins the next line (a client's log of
// the request it sent, "Host: localhost:63962\nUpgrade: websocket").
const COUNTED_HEADER = new RegExp(String.raw`\b(?:[2-9]|[1-9]\d+|two|three|multiple|several|repeated)[ \t]+["'\u0060]?(?:${HEADER_NAME})`, 'i');
// The upgrade itself named as expected or missing names the Upgrade (or Connection) header: actix-http's HandshakeError prints
// "WebSocket upgrade is expected." (no Upgrade: websocket) and "Connection upgrade is expected." (no Connection: upgrade).
// "Upgrade Required" alone is 426's reason phrase and names nothing.
// @see https://github.com/actix/actix-web/blob/master/actix-http/src/ws/mod.rs (HandshakeError: NoWebsocketUpgrade, NoConnectionUpgrade, NoVersionHeader "WebSocket version header is required.", UnsupportedVersion "Unsupported WebSocket version.")
const UPGRADE_EXPECTED = /\b(?:(websocket|connection)\s+upgrade\s+(?:is\s+|was\s+)?(?:expected|missing)|expected\s+(?:an?\s+)?(websocket)\s+upgrade)\b/i;

// The request's key named by its bare noun where the server says none came ("No key found", Yaws' yaws_websockets.erl; an Erlang
// reason atom "key_notfound", "missing_key"; "key not found", "key missing"): the one key an upgrade request carries is its
// Sec-WebSocket-Key (RFC 6455 §4.1 item 7, §4.2.1 item 5, "|Sec-WebSocket-Key| header field"), so beside a 400 the server answered
// to the upgrade, a key said absent names that header (convention 10). Not a key a qualifier names ("API key not found", "no
// session key", "private_key missing": a credential's or a file's) nor a key a name follows ("missing key 'user'", "key=").
// Round 37, eng-e2. @see https://github.com/erlyaws/yaws/blob/master/src/yaws_websockets.erl (the handshake's key lookup)
const KEY_ABSENT = /\b(?:no|missing)[ _-]key\b(?![ _-]?(?:["'\u0060=:(]|[A-Za-z0-9]+[ _-]?[=:]))|(?<![A-Za-z0-9][ _-])\bkey[ _-]?(?:not[ _-]?found|notfound|missing|absent)\b/i;

type RefusedHeader = 'extensions' | 'protocol' | 'field';

// Convention 17: a refused request header takes that header's cause.
const REFUSED_HEADER_READING: Readonly<Record<RefusedHeader, Pick<SourcedFinding, 'cause' | 'rule'>>> = {
  extensions: { cause: 'extension_params_rejected', rule: 'inferred.extension_header_refused' },
  protocol: { cause: 'subprotocol_mismatch', rule: 'inferred.protocol_header_refused' },
  field: { cause: 'protocol_error', rule: 'inferred.request_header_refused' },
};

type HeaderRefusal = { header: RefusedHeader; finding: SourcedFinding };
/** The request header a refusal's text says was bad, and its words, or undefined: the earlier of the two word orders decides. */
function refusalInText(kind: string, written: string): HeaderRefusal | undefined {
  // An answer's own handshake fields written beside its status line are its values, no reason (answer-field-lines.ts, round 35).
  const text = blankAnswerFieldLines(written);
  const after = HEADER_THEN_BAD.exec(text);
  const before = BAD_THEN_HEADER.exec(text) ?? COUNTED_HEADER.exec(text);
  const expected = UPGRADE_EXPECTED.exec(text);
  let match = after && before ? (after.index <= before.index ? after : before) : (after ?? before);
  if (expected && (!match || expected.index < match.index)) match = expected;
  if (!match) {
    const key = KEY_ABSENT.exec(text);
    if (!key) return undefined;
    const { cause, rule } = REFUSED_HEADER_READING.field;
    return { header: 'field', finding: sourcedFinding(rule, cause, 0.5, { kind, detail: `words "${key[0]}" say the request's key, its sec-websocket-key header, is absent` }) };
  }
  let name = '';
  for (let i = 1; i < match.length && name === ''; i++) name = match[i]?.toLowerCase() ?? '';
  // "WebSocket upgrade is expected" names the Upgrade header.
  if (name === 'websocket') name = 'upgrade';
  const header: RefusedHeader = name === 'sec-websocket-extensions' ? 'extensions' : name === 'sec-websocket-protocol' ? 'protocol' : 'field';
  const { cause, rule } = REFUSED_HEADER_READING[header];
  // The group's name ("websocket headers") names the request's WebSocket header fields, none of them singly.
  const detail = /^websocket[ -].*(?:headers|fields)$/.test(name) ? `words "${match[0]}" name the request's WebSocket header fields (${name}) as missing or bad` : `words "${match[0]}" name the request's ${name} header as bad`;
  return { header, finding: sourcedFinding(rule, cause, 0.5, { kind, detail }) };
}

// Refusal texts repeat across connections (one server's fixed wording): each text is read once (BoundedCache), and its
// finding is shared read-only. null records "no header named", which the cache cannot hold as undefined.
const messageRefusals = new BoundedCache<HeaderRefusal | null>(1024);
const reasonRefusals = new BoundedCache<HeaderRefusal | null>(1024);

/** The request header the error message or, failing that, the close reason or a label stating the answer says was bad. */
function headerRefusedInWords(context: EvidenceContext): HeaderRefusal | undefined {
  const message = context.event.error?.message;
  const inMessage = message ? messageRefusals.get(message, () => refusalInText('error.message', message) ?? null) : null;
  if (inMessage) return inMessage;
  const reason = context.event.close?.reason;
  const inReason = reason ? reasonRefusals.get(reason, () => refusalInText('close.reason', reason) ?? null) : null;
  if (inReason) return inReason;
  for (const [key, text] of answerLabels(context)) {
    const named = refusalInText(`labels.${key}`, text);
    if (named) return named;
  }
  return undefined;
}

// A label may state why the upgrade was refused where it carries the emitter's own log (`server_log`, `proxy_log`: a proxy that
// logs the upstream's raw answer, status line, headers and body) or the answer the server wrote (its error page's title or
// body: Jetty's error page "Error 400 <reason>"); never `note` (the maker's words) or a field restating the request. Read only
// beside a 4xx the server itself answered (refusedForRequest): such events are few, so the labels are read per event.
// @see https://www.rfc-editor.org/rfc/rfc6455#section-4.2.2 (the server answers a request it does not accept with an HTTP error)
// A label holding the answer itself by the side that wrote it (`upstream_answer`, `server_answer`: a proxy's record of the body its
// upstream refused the upgrade with, round 32, eng-z1) is such an answer too, unless it opens with the status line: then it is the
// raw answer, whose header fields are the server's values (a Sec-WebSocket-Version listing what it supports, §4.4), no reason.
// An observer's record of the body its front answered the client (`front_body`, beside `front_status_line`; round 36, eng-d2) is the
// same answer by the side that wrote it, as `front_response_body` is.
export const ANSWER_LABEL = /(?:^|_)(?:(?:response|page|answer|front)_(?:title|body)|answer)$/;
const STATUS_LINE = /^\s*HTTP\/\d(?:\.\d)? \d{3}\b/;
// The answer's header fields (`response_headers`, `answer_headers`): a server may state why it refused in a field of its own
// (an `X-Reject-Reason`, `X-Error`, `Warning` naming the bad request header). Its fields RFC 6455 defines for the handshake
// (Sec-WebSocket-*, Upgrade, Connection) are the answer's own values, never a reason: a 426's Sec-WebSocket-Version lists the
// versions the server supports (§4.4), a Sec-WebSocket-Extensions field echoes or answers the offer (§9.1). Round 30, eng-x2.
// @see https://www.rfc-editor.org/rfc/rfc6455#section-4.2.2, https://www.rfc-editor.org/rfc/rfc6455#section-4.4
const HEADERS_LABEL = /(?:^|_)(?:response|resp|answer|reply)_?headers$/i;
/** The event's labels that may state the refusal's reason, with their texts (none empty). */
function* answerLabels(context: EvidenceContext): Generator<[string, string]> {
  const labels = context.event.labels;
  if (labels === undefined) return;
  for (const key of Object.keys(labels)) {
    const text = labels[key];
    if (!text) continue;
    if (isLogLabel(key) || (ANSWER_LABEL.test(key) && !(key.endsWith('answer') && STATUS_LINE.test(text)))) yield [key, text];
    else if (HEADERS_LABEL.test(key)) {
      const reasons = reasonFields.get(text, () => reasonFieldsOf(text));
      if (reasons !== '') yield [key, reasons];
    }
  }
}

// A field of RFC 6455's opening handshake: the answer's own value for it.
const HANDSHAKE_FIELD = /^(?:sec-websocket-[a-z-]+|upgrade|connection)$/i;
// Fields listed as "Name: value" separated by line breaks or "; " before the next field's name (a value keeps its own "; " and
// ": ", e.g. "X-Reject-Reason: Sec-WebSocket-Extensions: invalid client_max_window_bits").
const FIELD_BREAK = /(?:\r?\n|;[ \t]*)(?=[A-Za-z][A-Za-z0-9-]*:[ \t])/;
const FIELD = /^\s*([A-Za-z][A-Za-z0-9-]*):[ \t]*([^]*)$/;
const reasonFields = new BoundedCache<string>(256);
/**
 * The fields of an answer-header label other than the handshake's own, as "name: value" lines; the label as a JSON object
 * (`{"x-reject-reason": "…"}`, a value or a list of values per name) or as listed fields. '' when none is left.
 */
function reasonFieldsOf(text: string): string {
  const kept: string[] = [];
  const keep = (name: string, value: string): void => {
    if (!HANDSHAKE_FIELD.test(name)) kept.push(`${name}: ${value}`);
  };
  if (text.trimStart().startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      for (const [name, value] of Object.entries(parsed)) keep(name, Array.isArray(value) ? value.join(', ') : String(value));
      return kept.join('\n');
    }
  }
  for (const part of text.split(FIELD_BREAK)) {
    const field = FIELD.exec(part);
    if (field) keep(field[1] as string, field[2] as string);
  }
  return kept.join('\n');
}

/**
 * A refusal of the offer's extension stated in such a label without the header's name (Jetty's error page "could not
 * instantiate offered extension"): the generalising tier's 1010 findings of the label's text (an extension word beside a word of
 * refusal or invalidity, concepts.ts), read as the other texts' findings are.
 */
function extensionRefusedInLabels(context: EvidenceContext): SourcedFinding | undefined {
  for (const [key, text] of answerLabels(context)) {
    const out: SourcedFinding[] = [];
    findConcepts(`labels.${key}`, text, out);
    for (const finding of out) if (finding.attribution === '1010') return finding;
  }
  return undefined;
}

// Statuses that give their own reason (credentials, a path, a method): a header named beside them does not say why.
const OWN_REASON_STATUSES: ReadonlySet<number> = new Set([401, 403, 404, 405]);
/** A 4xx refusal the server itself answered (not a gateway's), 400 and 426 among them (RFC 6455 §4.2.2 names both). */
const refusedForRequest = (context: EvidenceContext): boolean => {
  const status = context.status;
  return status !== undefined && status >= 400 && status < 500 && !OWN_REASON_STATUSES.has(status) && !context.gatewayStatus;
};

/**
 * The finding naming a Sec-WebSocket-Key/-Version, Upgrade or Connection field in a 400's texts, or undefined. An exact rule
 * that knows the text (a client library's "Invalid Upgrade header", said of an answer) stops the concept tier on it, so where
 * the 400 stands beside an exact protocol_error finding, the lexicon reads that field's text once more for the header.
 */
export function requestFieldNamed(context: EvidenceContext): SourcedFinding | undefined {
  if (!refusedForRequest(context)) return undefined;
  for (const hit of context.hits) if (REQUEST_HEADER_RULES.has(hit.rule)) return hit;
  for (const hit of context.hits) {
    if (hit.concept || hit.cause !== 'protocol_error') continue;
    const read = conceptsOf(context, hit.evidence.kind);
    for (const finding of read) if (REQUEST_HEADER_RULES.has(finding.rule)) return finding;
  }
  // A framework's own refusal text that names a header (upgrade-refusal-texts.ts); one naming the method names no header.
  const row = upgradeRefusalText(context);
  if (row !== undefined && row.part !== 'method') return refusalTextFinding(row);
  const named = headerRefusedInWords(context);
  if (named?.header === 'field') return named.finding;
  return context.status === 426 ? versionRefusedBeside426(context) : undefined;
}

// A version refused in a 426's texts ("Unsupported protocol version 8", Kamailio's ws_handle_handshake(); "unsupported version",
// "version 7 not supported"): RFC 6455 §4.2.2 has a server that does not understand the request's Sec-WebSocket-Version answer
// "an appropriate HTTP error code (such as 426 Upgrade Required)" with the versions it understands, so beside that status a version
// said unsupported is the WebSocket version's, whatever protocol name the text gives it (convention 10; holdout29-actix-ws-35's
// "unsupported WebSocket version"). Elsewhere "unsupported protocol version" is a TLS reason or an application protocol's (MQTT's
// CONNACK 0x84, after the 101), so only beside a 426 and with no TLS word. Round 40, r40-a.
// @see https://www.rfc-editor.org/rfc/rfc6455#section-4.2.2 @see https://github.com/kamailio/kamailio/blob/master/src/modules/websocket/ws_handshake.c
const VERSION_REFUSED = /\b(?:unsupported|invalid|unknown|bad|wrong|unacceptable)\s+(?:(?:protocol|websocket|ws)\s+)?version\b|\bversion\s+(?:["'\u0060]?[\w.-]+["'\u0060]?\s+)?(?:is\s+)?(?:not\s+supported|unsupported|not\s+accepted)\b/i;
const TLS_NAMED = /\b(?:TLS|SSL|DTLS)v?\d?\b|\bssl_|\bcipher|\bcertificate/i;
const versionRefusals = new BoundedCache<SourcedFinding | null>(256);
function versionRefusedBeside426(context: EvidenceContext): SourcedFinding | undefined {
  const texts: [string, string][] = [];
  const message = context.event.error?.message;
  if (message) texts.push(['error.message', message]);
  const reason = context.event.close?.reason;
  if (reason) texts.push(['close.reason', reason]);
  for (const [key, text] of answerLabels(context)) texts.push([`labels.${key}`, text]);
  for (const [kind, text] of texts) {
    const found = versionRefusals.get(`${kind}\u0000${text}`, () => {
      const match = VERSION_REFUSED.exec(text);
      if (!match || TLS_NAMED.test(text)) return null;
      return sourcedFinding('inferred.request_header_refused', 'protocol_error', 0.5, { kind, detail: `words "${match[0]}" beside a 426: the version the server does not understand is the request's sec-websocket-version (RFC 6455 §4.2.2)` });
    });
    if (found) return found;
  }
  return undefined;
}

const refusalTextFindings = new Map<string, SourcedFinding>();
/** The finding of a framework's refusal text naming a request header, built once per row. */
function refusalTextFinding(row: UpgradeRefusalText): SourcedFinding {
  let found = refusalTextFindings.get(row.id);
  if (found === undefined) {
    const detail = `the server's refusal text (${row.id}: ${row.source}) names the request's ${row.part} header`;
    refusalTextFindings.set(row.id, (found = sourcedFinding('inferred.request_header_refused', 'protocol_error', 0.6, { kind: 'error.message', detail })));
  }
  return found;
}

/**
 * A refusal the server itself answered with any error status (convention "An extension refused with any status", session 33): a
 * 4xx as above, or a 5xx it answered itself (not a gateway's for its upstream: a proxy's 5xx reports the upstream's failure).
 * Tornado answers 500 after its own `ValueError: unsupported compression parameter`, Jetty 500 after "Multiple extensions of the
 * same name": the status is how the server said no, the texts say why. @see https://www.rfc-editor.org/rfc/rfc6455#section-4.2.2
 */
const refusedByServer = (context: EvidenceContext): boolean => {
  const status = context.status;
  return status !== undefined && (refusedForRequest(context) || (status >= 500 && status < 600 && !context.gatewayStatus));
};

/** A 1010-family finding (an extension header refused, exact or concept) in a refusal's texts: the server refused the offer. */
export function extensionOfferNamed(context: EvidenceContext): SourcedFinding | undefined {
  if (!refusedByServer(context)) return undefined;
  for (const hit of context.hits) if (hit.attribution === '1010') return hit;
  const named = headerRefusedInWords(context);
  if (named !== undefined) return named.header === 'extensions' ? named.finding : undefined;
  return extensionRefusedInLabels(context);
}

/** The Sec-WebSocket-Protocol header named bad or required in a refusal's words: the server refused the offered subprotocols. */
export function subprotocolNamed(context: EvidenceContext): SourcedFinding | undefined {
  if (!refusedForRequest(context)) return undefined;
  const named = headerRefusedInWords(context);
  return named?.header === 'protocol' ? named.finding : undefined;
}

function conceptsOf(context: EvidenceContext, kind: string): SourcedFinding[] {
  const event = context.event;
  const text = kind === 'error.message' ? event.error?.message : kind === 'error.name' ? event.error?.name : kind === 'close.reason' ? event.close?.reason : undefined;
  const out: SourcedFinding[] = [];
  if (text) findConcepts(kind, text, out);
  return out;
}
