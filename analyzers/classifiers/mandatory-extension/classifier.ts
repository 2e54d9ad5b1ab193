// 1010 Mandatory Extension: the client required an extension the server's 101 response did not agree.
// Replays the client's check (RFC 6455 §4.1 and §9.1, RFC 7692 §5.1/§7) on the recorded headers,
// and reads a 1010 close sent by the client and the runtimes' extension errors.
import type { Cause } from '../../../schemas/classification.js';
import { hasFindings, takeFindings, type Classifier, type Finding } from '../../candidate.js';
import { relayFactsOf } from '../../relay/session.js';
import type { EvidenceContext } from '../../evidence-context.js';
import { parseExtensions, permessageDeflateResponseProblem, type ExtensionOffer, type ParseResult } from '../../extensions.js';
import { clientReceived1010, received1010Reason, receivedUnasked1010, serverReceived1010 } from '../../close-codes.js';
import { strongestCandidate } from '../../findings.js';
import { offeredValueRejected } from './offer-value.js';
import { offerRefused } from './offer-refused.js';
import { extensionInReasonPhrase } from '../../status-line-reason.js';
import { extensionRemediation } from './remediation.js';
import { NestedCache } from '../../nested-cache.js';

// Parameters refused, or an extension the client never offered (RFC 6455 §9.1: the client must fail the connection).
const UNOFFERED_WORDS = /not offered|never offered|not requested|unrequested|instead of/i;
// Round 38 (eng-f2): a parameter as its assignment ("…w_bits=12", a reason cut to fit the 123 bytes a Close frame's reason may
// hold, RFC 6455 §5.5: websockets elides the middle with "...") or a *_bits name, called not acceptable, out of range, illegal:
// a value of the answer refused (RFC 7692 §7.1.2: the client fails the connection on a window bits value it cannot take).
// @see https://www.rfc-editor.org/rfc/rfc7692#section-7.1.2, https://www.rfc-editor.org/rfc/rfc6455#section-5.5
const PARAMS_WORDS = /param|window_bits|_bits=|context_takeover|invalid|unsupported|reject|malformed|unexpected|\b(?:not acceptable|unacceptable|out of range|illegal)\b/i;

// Words that judge what an answer held (a value, an element, its form), not only name a parameter: round 40 (r40-b) reads a reason
// without them beside an answer with no extension as the extension not negotiated.
const ANSWER_CONTENT_WORDS = /invalid|reject|malformed|unexpected|_bits=|\b(?:not acceptable|unacceptable|out of range|illegal|duplicated?|response|answer(?:ed)?)\b/i;

// Handshake headers repeat across connections: parse each distinct value once (bounded, starts over when full).
const parsedHeaders = new Map<string, ParseResult>();
function parseHeader(header: string): ParseResult {
  const known = parsedHeaders.get(header);
  if (known) return known;
  const parsed = parseExtensions(header);
  if (parsedHeaders.size >= 1024) parsedHeaders.clear();
  if (header.length <= 1024) parsedHeaders.set(header, parsed);
  return parsed;
}

// Evidence details (shown: the response header).
const shownHeader = (header: string): string => JSON.stringify(header.slice(0, 200));
const describeMalformed = (header: string, error: string): string =>
  `response header ${shownHeader(header)} is malformed: ${error} (rule extensions.parse, RFC 6455 §9.1)`;
const describeAbsent = (name: string, header: string): string =>
  `required extension ${name} absent from the response ${shownHeader(header)} (rule extensions.required, RFC 6455 §9.1)`;
const describeRejected = (name: string, problem: string): string => `${name} negotiated with ${problem} (rule extensions.permessage_deflate, RFC 7692 §7)`;
const describeResponseCheck = (problem: string): string => `${problem} (rule extensions.response_check)`;
const describeUnoffered = (name: string): string => `${name} in the response but not offered by the client (RFC 6455 §4.1)`;
const describeClose = (reason: string, cause: Cause): string =>
  `1010 mandatory_extension from the client${reason ? ` with reason ${JSON.stringify(reason.slice(0, 120))}` : ''} → ${cause} (rule close_codes.1010, RFC 6455 §7.4.1)`;

const HEADER_KIND = 'handshake.response_extensions';

function headerFinding(cause: Cause, confidence: number, detail: string): Finding {
  return { cause, confidence, evidence: { kind: HEADER_KIND, detail } };
}

/** The required extensions, trimmed and lower-cased, empty names dropped. */
function requiredNames(required: readonly string[] | undefined): string[] {
  const names: string[] = [];
  if (required) for (let i = 0; i < required.length; i++) {
    // A requirement may carry parameters in the header's own syntax ("permessage-deflate; server_no_context_takeover"):
    // the extension is its name, the parameters are read by requiredParams.
    const name = ((required[i] as string).split(';')[0] as string).trim().toLowerCase();
    if (name) names.push(name);
  }
  return names;
}

/** The parameter names a requirement lists after the extension's name ("x; a; b=1" → a, b), lower-cased. */
function requiredParams(required: readonly string[] | undefined, name: string): string[] {
  const params: string[] = [];
  if (required) for (const entry of required) {
    const parts = entry.split(';');
    if ((parts[0] as string).trim().toLowerCase() !== name) continue;
    for (let i = 1; i < parts.length; i++) {
      const param = ((parts[i] as string).split('=')[0] as string).trim().toLowerCase();
      if (param) params.push(param);
    }
  }
  return params;
}

function findExtension(extensions: readonly ExtensionOffer[], name: string): ExtensionOffer | undefined {
  for (let i = 0; i < extensions.length; i++) if ((extensions[i] as ExtensionOffer).name === name) return extensions[i];
  return undefined;
}

/**
 * Connected, or an opened session that ended: whatever the headers say, the client went on with them (since 1.5.24 for
 * any close but 1010, with or without an error object: quickws reports its own 1000 as one); unless the client closed
 * it for them (a client API that only sends 1000 and 3000-4999, as the browser's and autobahn's do, cannot send 1010:
 * the reason or the code is how it says so).
 */
function acceptedByClient(context: EvidenceContext): boolean {
  const event = context.event;
  // A proxy's or a server's "connected" says it relayed or sent the 101, not that the client accepted the answer: the
  // client checks the answer's extensions after them (RFC 6455 §9.1), so the replay of the headers they logged decides
  // (convention of 2026-12-04: an observer's event recorded while the session was open). Only a client's own event
  // (a client's or a probe's) shows that it went on.
  if (event.outcome === 'connected') return !isObserver(event.source.kind);
  if (event.outcome !== 'closed') return false;
  // The session opened and ended: the client went on with the answer unless it closed for it: 1010, a reason or error
  // text naming the extension failure, or a close of its own that protests (1002: it failed the connection, RFC 6455
  // §7.1.7) or carries an application code (3000-4999), the way an API that cannot send 1010 closes (the browser's: 4010).
  const close = event.close;
  const code = close?.code;
  if (code === 1010 || closedForExtension(context) || namesExtensionFailure(context)) return false;
  if (clientDroppedSeenByServer(context)) return false;
  // A relay's debug trace prints frames lossily (non-printable bytes as "."): it cannot show that the client went on with the
  // answer, so the replay of the client's check on the headers it printed decides, as for a proxy's "connected".
  if (event.source.kind === 'proxy' && code === undefined && relayFactsOf(event.error?.message)?.trace !== undefined) return false;
  return !(close?.initiator === 'client' && code !== undefined && (code === 1002 || (code >= 3000 && code <= 4999)));
}

/** A server or a proxy: it sends or relays the answer, and the client checks it after them (RFC 6455 §9.1). */
const isObserver = (kind: string): boolean => kind === 'server' || kind === 'proxy';

/**
 * A server's event of a session that ended without a Close frame it did not start (1006 synthesised, or no code, and
 * nobody or the client named as closing): from the server's side, this is how a client that fails the connection on the
 * answer looks (RFC 6455 §9.1 and §7.1.7: _Fail the WebSocket Connection_ closes the TCP connection, the Close frame is
 * optional; RFC 7692 §7.1.2: a client that cannot accept the answer fails the connection). Whether the answer was one the
 * client had to fail on, the replay of its check decides; a server's view of an acceptable answer gives no finding.
 */
function clientDroppedSeenByServer(context: EvidenceContext): boolean {
  const event = context.event;
  // A proxy that relayed the 101 sees the same drop from its client's side (holdout-31's Pingora access lines): the client
  // checks the answer after the proxy, so a proxy's event of the drop reads as a server's.
  const kind = event.source.kind;
  if ((kind !== 'server' && kind !== 'proxy') || event.handshake?.status !== 101) return false;
  const close = event.close;
  if (close?.on_wire === true || close?.initiator === 'server') return false;
  return close?.code === undefined || close.code === 1006;
}

/**
 * A server's error text names a fault other than the drop (a reset, EOF, 1006) that the server view explains: a frame or
 * payload it could not process (protocol_error, message_too_big), or its own failure (server_error). An extension word in a
 * session that opened is about frames (a permessage-deflate payload that would not inflate, rule inferred.extension_after_open),
 * so a concept of the 1010 family counts too; an exact 1010 rule (the client's own words about the answer) does not.
 */
const OWN_FAULT_CAUSES: ReadonlySet<Cause> = new Set<Cause>(['protocol_error', 'message_too_big', 'server_error']);
function serverStatesOwnFault(context: EvidenceContext): boolean {
  for (const hit of context.hits) {
    if (hit.evidence.kind !== 'error.message' && hit.evidence.kind !== 'error.name') continue;
    if (OWN_FAULT_CAUSES.has(hit.cause) || (hit.attribution === '1010' && hit.concept)) return true;
  }
  return false;
}

/** An exact rule (not a concept) found an extension-negotiation failure in the texts: the client says it failed on it. */
function namesExtensionFailure(context: EvidenceContext): boolean {
  for (const hit of context.hits) if (hit.attribution === '1010' && !hit.concept) return true;
  return false;
}

/** The client closed the session with a reason in which the text tier found an extension-negotiation failure. */
function closedForExtension(context: EvidenceContext): boolean {
  if (context.event.close?.initiator !== 'client') return false;
  for (const hit of context.hits) if (hit.attribution === '1010' && hit.evidence.kind === 'close.reason') return true;
  return false;
}

// The header findings are a pure function of (observer or client, request header or none, response header, required names), for a
// client that failed: handshakes repeat across connections, so they are built once per distinct combination and shared (read-only),
// bounded like the parsed headers. Kept per header string (nested Maps, one memo per side) rather than under a key joining them,
// which was a new string built and hashed on every event.
const headerCaches = { client: new NestedCache<readonly Finding[]>(), observer: new NestedCache<readonly Finding[]>() };

/**
 * The required names as one memo key: the name itself when there is one (the usual case, no string built), else every name
 * prefixed with its length after a NUL and the count, so no two lists share a key and no list shares a single name's.
 */
function requiredKey(required: readonly string[] | undefined): string | undefined {
  if (required === undefined) return undefined;
  const only = required.length === 1 ? (required[0] as string) : undefined;
  if (only !== undefined && only.charCodeAt(0) !== 0) return only;
  let key = `\u0000${required.length}`;
  for (let i = 0; i < required.length; i++) key += `${(required[i] as string).length}:${required[i] as string}`;
  return key;
}

function headersLength(requested: string | undefined, response: string, required: readonly string[] | undefined): number {
  let length = response.length + (requested?.length ?? 0);
  if (required) for (let i = 0; i < required.length; i++) length += (required[i] as string).length;
  return length;
}

function headerFindings(context: EvidenceContext, findings: Finding[]): void {
  const handshake = context.event.handshake;
  if (!handshake || handshake.response_extensions === undefined) return;
  // A refused upgrade (not 101) never got as far as extension negotiation.
  if (handshake.status !== undefined && handshake.status !== 101) return;
  // A client that went on with the answer did not fail on it, whatever a replay of its check finds (some clients, undici
  // among them, accept answers RFC 7692 says they must reject): never 1010.
  if (acceptedByClient(context)) return;
  const requested = handshake.request_extensions;
  const response = handshake.response_extensions;
  const required = handshake.required_extensions;
  // An observer's view (a server or proxy) replays only what every client must refuse (extensions.ts permessageDeflateResponseProblem).
  const observer = isObserver(context.event.source.kind);
  const replay = (): readonly Finding[] => {
    const fresh: Finding[] = [];
    replayHeaders(handshake, fresh, observer);
    return fresh;
  };
  // Oversized headers are replayed, not kept: one attacker-sized key must not pin memory.
  const found =
    headersLength(requested, response, required) <= 4096 ? (observer ? headerCaches.observer : headerCaches.client).get(response, requested, requiredKey(required), replay) : replay();
  // Seen by a server, the client's failure is inferred from the answer and the drop, not stated by the client: lower,
  // but above the drop's own reading (a reset, a 1006, tungstenite's "Connection reset without closing handshake"): the
  // answer the client had to fail on explains the drop (convention of 2026-12-04).
  const event = context.event;
  if (event.outcome === 'closed' && clientDroppedSeenByServer(context)) {
    // The server states a fault of its own, not a drop (conventions 11/17: a stated fault decides): cinatra's "compress data
    // error" (its inflate failed on the client's frame) or a frame error; the answer no longer explains how the session ended.
    if (serverStatesOwnFault(context)) return;
    const above = Math.min(DROP_CEILING, dropConfidence(context) + 0.01);
    for (let i = 0; i < found.length; i++) findings.push(serverView(found[i] as Finding, Math.max(SERVER_VIEW_CONFIDENCE, above), SERVER_VIEW_DETAIL));
    return;
  }
  // A server's event recorded while the session was open (the convention of 2026-12-04): the answer it sent forces the
  // client to fail, which the server has not seen yet: the replay's weight, as a proxy's "connected" has (above outcome.connected's 0.8).
  // Every answer the header check fails, as a proxy's view reads it: an extension element answered twice too (the lead's
  // convention names "a duplicated or malformed answer"; two permessage-deflate elements both claim RSV1, RFC 7692 §5).
  if (event.outcome === 'connected' && event.source.kind === 'server') {
    for (let i = 0; i < found.length; i++) findings.push(serverView(found[i] as Finding, 1, SERVER_OPEN_DETAIL));
    return;
  }
  for (let i = 0; i < found.length; i++) findings.push(found[i] as Finding);
}

const SERVER_VIEW_CONFIDENCE = 0.6;
// The drop findings a server's view outranks stay below the replay's own weight (0.9).
const DROP_CEILING = 0.89;
const DROP_CAUSES: ReadonlySet<Cause> = new Set<Cause>(['abnormal_closure', 'network_reset']);
const SERVER_VIEW_DETAIL = '; the server saw the client drop the session right after this answer (rule extensions.server_view, RFC 6455 §9.1)';
const SERVER_OPEN_DETAIL = '; the server recorded this answer while the session was open: the client must fail the connection on it (rule extensions.server_view, RFC 6455 §9.1)';
function serverView(finding: Finding, confidence: number, detail: string): Finding {
  return { cause: finding.cause, confidence: Math.min(finding.confidence, confidence), evidence: { kind: finding.evidence.kind, detail: finding.evidence.detail + detail } };
}

/**
 * The drop's own reading as the engine will weigh it (a reset, an EOF, a 1006): its strongest text or code finding plus the 0.02
 * each other field's copy adds (findings.ts strongestCandidate; a Python server's ConnectionResetError in error.name beside its
 * "[Errno 104] Connection reset by peer" reads 0.77, not 0.75: round 31, eng-y1), so the server's view stays above it; 0 when none.
 */
function dropConfidence(context: EvidenceContext): number {
  let strongest = 0;
  const kinds: string[] = [];
  for (const list of [context.hits, context.codes])
    for (const hit of list) {
      if (!DROP_CAUSES.has(hit.cause)) continue;
      if (hit.confidence > strongest) strongest = hit.confidence;
      if (!kinds.includes(hit.evidence.kind)) kinds.push(hit.evidence.kind);
    }
  return kinds.length > 1 ? Math.round((strongest + 0.02 * (kinds.length - 1)) * 100) / 100 : strongest;
}

function replayHeaders(handshake: NonNullable<EvidenceContext['event']['handshake']>, findings: Finding[], observer: boolean): void {
  const required = requiredNames(handshake.required_extensions);
  const request = parseHeader(handshake.request_extensions ?? '');
  const offers: readonly ExtensionOffer[] = request.ok ? request.extensions : [];
  // The client failed: the header facts decide, even when it offered nothing (RFC 6455 §9.1: an extension not requested
  // must fail the connection). A required extension's absence or refusal 0.95; the checks of other answers 0.9.
  const header = handshake.response_extensions as string;
  const response = parseHeader(header);
  if (!response.ok) return void findings.push(headerFinding('extension_params_rejected', 0.9, describeMalformed(header, response.error)));
  // Answered extensions the client never offered: known when the offer was recorded and parses; without a recorded
  // offer, a client that requires extensions offered them (RFC 6455 §9.1: it cannot require what it did not offer), so
  // an answer naming none of them but another extension answered what was not asked for.
  const unoffered = handshake.request_extensions !== undefined
    ? request.ok ? response.extensions.filter((answer) => !findExtension(offers, answer.name)).map((answer) => answer.name) : []
    : response.extensions.filter((answer) => !required.includes(answer.name)).map((answer) => answer.name);
  for (const name of required) {
    const answer = findExtension(response.extensions, name);
    if (!answer) {
      // RFC 6455 §9.1: an answer naming an extension the client did not offer fails the connection by itself,
      // whatever else is missing: the client rejected that answer (extension_params_rejected), however worded.
      if (unoffered.length > 0)
        findings.push(headerFinding('extension_params_rejected', 0.96, `${describeUnoffered(unoffered[0] as string)}, in place of the required ${name} (rule extensions.unoffered, RFC 6455 §9.1)`));
      else findings.push(headerFinding('extension_not_negotiated', 0.95, describeAbsent(name, header)));
      continue;
    }
    // The extension was answered without a parameter the client required of it (RFC 7692 §7.1.1.1: a client may require
    // server_no_context_takeover and fail the connection when the answer lacks it): the answer's parameters were refused.
    const missing = requiredParams(handshake.required_extensions, name).find((param) => !answer.params.some((p) => p.name.toLowerCase() === param));
    if (missing !== undefined) {
      findings.push(headerFinding('extension_params_rejected', 0.95, `${name} answered in ${shownHeader(header)} without the required parameter ${missing} (rule extensions.required_param, RFC 7692 §7.1.1.1)`));
      continue;
    }
    const problem = name === 'permessage-deflate' ? permessageDeflateResponseProblem(answer, offers, observer) : undefined;
    if (problem) findings.push(headerFinding('extension_params_rejected', 0.95, describeRejected(name, problem)));
  }
  // An extension named twice in the answer: each accepted extension is answered once (RFC 6455 §9.1), and
  // clients fail on a duplicate (Chromium: "Received duplicate permessage-deflate response").
  for (let i = 0; i < response.extensions.length; i++) {
    const name = (response.extensions[i] as ExtensionOffer).name;
    if (response.extensions.findIndex((answer) => answer.name === name) === i) continue;
    findings.push(headerFinding('extension_params_rejected', 0.9, `${name} answered twice in ${shownHeader(header)} (rule extensions.duplicate, RFC 6455 §9.1)`));
    break;
  }
  // An answer to an offer that does not parse (round 32, eng-z1; "permessage-deflate;;=;": an empty parameter, a parameter
  // without a name): RFC 6455 §9.1's grammar admits no such offer, so no extension was validly offered and any extension in the
  // answer answers what was not asked for, as an unoffered one does; issue 11 names a malformed Sec-WebSocket-Extensions in the 1010
  // family. Only an offer recorded (not an absent one) and an answer that itself parses and names an extension.
  if (handshake.request_extensions !== undefined && handshake.request_extensions.trim() !== '' && !request.ok && response.extensions.length > 0) {
    const name = (response.extensions[0] as ExtensionOffer).name;
    findings.push(headerFinding('extension_params_rejected', 0.9, describeResponseCheck(`${name} answered to the offer ${JSON.stringify(handshake.request_extensions.slice(0, 200))}, which is malformed (${request.error}): no extension was validly offered (RFC 6455 §9.1)`)));
    return;
  }
  // An answer the client never offered (RFC 6455 §4.1, §9.1) or cannot accept; a required extension that is
  // missing altogether is the stronger finding (0.95) since that is what the client could not do without.
  if (handshake.request_extensions !== undefined && request.ok) {
    for (const answer of response.extensions) {
      if (required.includes(answer.name)) continue;
      if (!findExtension(offers, answer.name)) {
        findings.push(headerFinding('extension_params_rejected', 0.9, describeResponseCheck(describeUnoffered(answer.name))));
        continue;
      }
      const problem = answer.name === 'permessage-deflate' ? permessageDeflateResponseProblem(answer, offers, observer) : undefined;
      if (problem) findings.push(headerFinding('extension_params_rejected', 0.9, describeResponseCheck(problem)));
    }
  }
}

// A proxy's line that it removed the client's extension offer from the request (privoxy's crunch-client-header: "Crunching
// client header: Sec-WebSocket-Extensions: …"; "removing"/"stripping" a header in other proxies' words).
const OFFER_STRIPPED = /\b(?:crunch(?:ing|ed)?|remov(?:ing|ed?)|strip(?:ping|ped)?|drop(?:ping|ped)?|delet(?:ing|ed?))\b[^\n]{0,40}\bsec-websocket-extensions\b/i;

/**
 * The client offered extensions, the proxy's lines say it removed the offer, and the upstream's 101 came back without
 * any: the offer never reached the server, so nothing was negotiated (RFC 6455 §9.1: the server may only answer what the
 * request offered); the client that sent the offer fails without it (rule extensions.offer_stripped).
 */
function offerStrippedByProxy(context: EvidenceContext): Finding | undefined {
  const { event } = context;
  const handshake = event.handshake;
  if (event.source.kind !== 'proxy' || event.outcome === 'failed' || !handshake?.request_extensions || handshake.response_extensions) return undefined;
  if (handshake.status !== undefined && handshake.status !== 101) return undefined;
  const message = event.error?.message;
  if (message === undefined || !OFFER_STRIPPED.test(message)) return undefined;
  return { cause: 'extension_not_negotiated', confidence: 0.6, evidence: { kind: 'error.message', detail: `the proxy removed the client's Sec-WebSocket-Extensions offer (${JSON.stringify(handshake.request_extensions)}) and the 101 came back without extensions: nothing was negotiated (rule extensions.offer_stripped, RFC 6455 §9.1)` } };
}

/**
 * An answer recorded with no extension at all (a 101 whose Sec-WebSocket-Extensions is empty or absent from a recorded field): nothing
 * was negotiated, so a client's 1010 reason naming a parameter ("permessage-deflate; client_max_window_bits not negotiated") names the
 * offer it required, not a parameter of the answer it refused (RFC 7692 §7.1: parameters are answered only with the extension; RFC 6455
 * §9.1: a server that declines answers none). Round 40, r40-b (convention 7).
 * @see https://www.rfc-editor.org/rfc/rfc7692#section-7.1, https://www.rfc-editor.org/rfc/rfc6455#section-9.1
 */
function answeredNoExtension(context: EvidenceContext): boolean {
  const handshake = context.event.handshake;
  const response = handshake?.response_extensions;
  if (response === undefined || (handshake?.status !== undefined && handshake.status !== 101)) return false;
  if (response.trim() === '') return true;
  const parsed = parseHeader(response);
  return parsed.ok && parsed.extensions.length === 0;
}

/** A client's 1010 reason: an unoffered answer named (above the header replay), a parameter refused, or the extension not negotiated. */
function reasonFinding(context: EvidenceContext, reason: string, confidence: number, kind: string, describe: (cause: Cause) => string): Finding {
  // The client's own reason naming an answer it never offered says what it failed on: above the header replay,
  // which cannot tell a missing requirement from a refused answer when both show (RFC 6455 §9.1).
  const unoffered = UNOFFERED_WORDS.test(reason);
  const cause: Cause = unoffered || PARAMS_WORDS.test(reason) ? 'extension_params_rejected' : 'extension_not_negotiated';
  // An answer with no extension has no parameter to refuse and nothing unoffered in it: a reason that names a parameter or calls the
  // extension unsupported without judging what an answer held names the offer it required. A reason judging the answer's content
  // ("unexpected server_no_context_takeover in permessage-deflate response") says the client saw another answer than the one recorded.
  if (cause !== 'extension_not_negotiated' && !unoffered && !ANSWER_CONTENT_WORDS.test(reason) && answeredNoExtension(context))
    return { cause: 'extension_not_negotiated', confidence, evidence: { kind, detail: `${describe('extension_not_negotiated')}; the answer carried no extension, so none was negotiated (rule close_codes.1010_empty_answer, RFC 6455 §9.1)` } };
  return { cause, confidence: unoffered ? 0.96 : confidence, evidence: { kind, detail: describe(cause) } };
}

function closeFinding(context: EvidenceContext): Finding | undefined {
  if (context.closeCode !== 1010) return undefined;
  const close = context.event.close;
  // A 1010 the server sent (RFC 6455 §7.4.1: a client's code): the other classifier reads it as a protocol error.
  if (close === undefined || close.initiator === 'server' || receivedUnasked1010(context.event)) return undefined;
  const reason = close.reason ?? '';
  const confidence = close.initiator === 'client' || close.on_wire === true ? 0.9 : 0.8;
  return reasonFinding(context, reason, confidence, 'close.code', (cause) => describeClose(reason, cause));
}

/**
 * A server's text quoting the 1010 it received from its client (close-codes.ts serverReceived1010: gotty's log of gorilla's CloseError
 * "websocket: close 1010 (mandatory extension missing): permessage-deflate"): the client's close, read as its close fields would be
 * (convention 11), below a recorded close's weight. Round 40, r40-b.
 */
function receivedCloseFinding(context: EvidenceContext, message: string): Finding {
  const reason = received1010Reason(message);
  return reasonFinding(context, reason, 0.85, 'error.message', (cause) =>
    `the server's text quotes a 1010 mandatory_extension received from the client${reason ? ` with reason ${JSON.stringify(reason.slice(0, 120))}` : ''} → ${cause} (rule close_codes.1010_received_by_server, RFC 6455 §7.4.1)`);
}

export const mandatoryExtensionClassifier: Classifier = {
  name: 'mandatory-extension',
  attribution: '1010',
  classify(context) {
    const { event, hits } = context;
    // No extension header to read, no 1010 close and no extension text or code: nothing for this classifier, no allocation.
    // A connected client went on with its answer (acceptedByClient), so its headers give no finding: most traffic stops here.
    const handshake = event.handshake; // read once
    const headersRead = (event.outcome !== 'connected' || isObserver(event.source.kind)) && (handshake?.response_extensions !== undefined || handshake?.request_extensions !== undefined);
    const message = event.error?.message;
    // A server's text quoting the client's 1010 (read once per distinct text; asked last, and again only past the early exit).
    // A refused answer whose quoted status line's reason phrase names the extension (read once per distinct text; refusals only).
    if (context.closeCode !== 1010 && !headersRead && !hasFindings(hits, '1010') && !hasFindings(context.codes, '1010') && !serverReceived1010(event.source, message) && extensionInReasonPhrase(context) === undefined) return undefined;
    const clientClosed = context.closeCode !== 1010 && serverReceived1010(event.source, message);
    const findings: Finding[] = [];
    headerFindings(context, findings);
    const close = clientClosed ? receivedCloseFinding(context, message as string) : closeFinding(context);
    if (close) findings.push(close);
    takeFindings(context.codes, '1010', findings);
    const stripped = offerStrippedByProxy(context);
    if (stripped) findings.push(stripped);
    // Only a failed connect whose offer was recorded (most events stop at the first test).
    if (event.outcome === 'failed' && handshake?.request_extensions !== undefined) {
      const value = offeredValueRejected(context);
      if (value) findings.push(value);
    }
    // A refusal (a 4xx, or a 5xx the server answered itself) whose texts name the extension offer: the server refused it (offer-refused.ts).
    if (context.status !== undefined && context.status >= 400) {
      const refused = offerRefused(context);
      if (refused) findings.push(refused);
    }
    // Negotiation fails before the session opens: a concept's extension words in an open session that
    // closed (without a 1010) are about frames (RSV bits), not negotiation. Exact rules know their texts.
    const opened = event.outcome === 'closed' && context.closeCode !== 1010 && !clientClosed && !closedForExtension(context);
    // A 1010 the client received was the server's (the other classifier answers protocol_error): its words are no 1010 failure.
    const serverSent = clientReceived1010(event.source, message) || receivedUnasked1010(event);
    for (const hit of hits) if (hit.attribution === '1010' && !(opened && hit.concept) && !serverSent) findings.push(hit);
    return strongestCandidate('1010', findings, extensionRemediation);
  },
};
