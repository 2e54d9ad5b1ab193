// Facts read once per event and shared by every classifier: the findings of its texts and coded
// fields, whether the target is wss://, and whether the TLS handshake is known to have completed.
import type { TelemetryEvent } from '../schemas/telemetry-event.js';
import type { SourcedFinding } from './candidate.js';
import { fieldCodeFindings } from './code-findings.js';
import { apiOwnCode } from './close-codes.js';
import { cdnStatuses } from './codes/cdn.js';
import { dropWrappedBy, fieldFindings, isWrapperRule } from './text-findings.js';
import { otherViewFindings, otherViewTimeouts } from './other-view-labels.js';
import { ownClientLogFindings } from './own-log-failure.js';
import { clientLegSymptom, ownLogUpstreamFindings, ownRecordConnectFailures, restatesStatus } from './proxy-own-log.js';
import { requestStatusFindings } from './request-status-label.js';
import { isDisconnectClassName } from './raised-exception.js';
import { isLogLabel } from './codes/proxy-result.js';
import { upstreamLegFailure, type UpstreamLegFailure } from './upstream-leg.js';
import { plaintextRequestAnswer } from './plaintext-answer.js';

export interface EvidenceContext {
  readonly event: TelemetryEvent;
  /** event.close?.code and event.handshake?.status, read once: every classifier asks. */
  readonly closeCode: number | undefined;
  readonly status: number | undefined;
  readonly secure: boolean;
  /** Findings of the texts error.code, error.name, error.message and close.reason, in that order. */
  readonly hits: readonly SourcedFinding[];
  /** Findings of the coded fields (tls.verify_code, tls.alert): code-findings.ts. */
  readonly codes: readonly SourcedFinding[];
  /** All texts of the event, joined, for classifiers that look for a word (e.g. "cipher"). */
  readonly text: string;
  /**
   * An HTTP response to the upgrade, a Close frame, or outcome connected: the TLS handshake completed.
   * A gateway status does not count: proxies answer it when their own TLS handshake upstream failed.
   */
  readonly tlsCompleted: boolean;
  /**
   * A proxy that answered the client's 101 before it dialled its upstream states how the upstream leg failed before it
   * opened (upstream-leg.ts): the client's 101 says nothing of that leg, whose failure is the event's cause.
   */
  readonly upstreamFailure: UpstreamLegFailure | undefined;
  /** A server's own line stated the close code it sent before its peer's reset (session-end.ts statedCloseBeforeReset), read before its quiet lines are dropped. */
  readonly statedCloseBeforeReset: boolean;
  /**
   * The upgrade's HTTP status reports an upstream failure rather than the server's answer: 502/503/504,
   * a CDN's report of the origin (521-526), or any 5xx a proxy answered (Apache answers 500 when its TLS handshake upstream fails).
   */
  readonly gatewayStatus: boolean;
  /**
   * A server's own "TLS handshake error" line with a 1015 finding beside the status it answered: the server wrote that status
   * in place of a TLS handshake that never completed (Go's net/http answers a plaintext request on its TLS port with a raw 400),
   * so its TLS line decides, as a proxy's status beside a TLS reason does (convention 7). Also a client's TLS error saying the answer
   * to its ClientHello was no TLS record: the status came from that plaintext answer (clientReadPlaintextAsTls).
   */
  readonly statusForFailedTls: boolean;
  /** Something went wrong: outcome failed, an error, or an abnormal close. */
  readonly failed: boolean;
}

/**
 * A server's error message that is its own TLS handshake error line ("http: TLS handshake error from …") with a 1015 finding.
 * A proxy's own listener is a server too (Go's net/http serves fabio's, Traefik's, Caddy's TLS listeners): its line names the
 * client that connected to it ("… error from <address>"), so a proxy's line counts only in that form, never a line about the
 * proxy's own handshake upstream. @see https://go.dev/src/net/http/server.go (conn.serve: "http: TLS handshake error from %s: %v")
 */
const LISTENER_TLS_ERROR = /\bTLS handshake error from \S/i;
function serverTlsErrorLine(event: TelemetryEvent, hits: readonly SourcedFinding[]): boolean {
  const message = event.error?.message;
  const kind = event.source.kind;
  if (message === undefined || (kind !== 'server' && kind !== 'proxy')) return false;
  // The findings first: a look at a few hits, where the pattern scans the whole message.
  if (!hits.some((hit) => hit.attribution === '1015')) return false;
  return (kind === 'server' ? /\bTLS handshake error\b/i : LISTENER_TLS_ERROR).test(message);
}

/**
 * A client's TLS error that says the first bytes answering its ClientHello were no TLS record (a plaintext server on the port):
 * Go's RecordHeaderError "first record does not look like a TLS handshake" and net/http's "server gave HTTP response to HTTPS
 * client", OpenSSL's "wrong version number" (in Node's code too), JSSE's "Unsupported or unrecognized SSL message", rustls'
 * InvalidContentType, a text that names no TLS record or hello (concepts). A status beside it was read from that plaintext answer
 * (an "HTTP/1.1 400" the TLS layer could not parse), not from an upgrade's answer over TLS: the TLS text decides (conventions 4
 * and 15: a non-TLS answer read as a TLS record is tls_unknown), as a server's TLS line beside the status it wrote does.
 * @see https://go.dev/src/crypto/tls/conn.go (readRecordOrCCS: RecordHeaderError "first record does not look like a TLS handshake")
 * @see https://www.rfc-editor.org/rfc/rfc8446#section-5.1 (the record layer; an HTTP answer's "HTTP/" is no ContentType)
 */
export const NOT_TLS_ANSWER_RULES: ReadonlySet<string> = new Set([
  'go.tls_not_tls', 'go.http_response_to_https', 'openssl.wrong_version_number', 'node.ssl_wrong_version_number', 'jsse.unrecognized_ssl_message',
  'rustls.invalid_content_type', 'concept.tls_not_record', 'concept.tls_not_begun',
]);
function clientReadPlaintextAsTls(event: TelemetryEvent, hits: readonly SourcedFinding[]): boolean {
  if (event.source.kind !== 'client' || event.outcome !== 'failed') return false;
  for (const hit of hits) if (NOT_TLS_ANSWER_RULES.has(hit.rule)) return true;
  return false;
}

// 521-526: a CDN (Cloudflare) reports that its own connection or TLS handshake to the origin failed (analyzers/codes/cdn.ts).
const GATEWAY_STATUS: ReadonlySet<number> = new Set([502, 503, 504, ...cdnStatuses]);

/**
 * A status a gateway answers for its upstream's failure: 502/503/504 and a CDN's 52x, or any 5xx a proxy answered (Apache
 * answers 500 when its TLS handshake upstream fails, Skipper 500 when the backend's answer broke off). It reports that the
 * upstream failed, not why: the upstream's own evidence decides over it.
 */
export function isGatewayStatus(status: number, sourceKind: string): boolean {
  return GATEWAY_STATUS.has(status) || (status >= 500 && sourceKind === 'proxy');
}
// A received response's record: Node's http.IncomingMessage fields as a logger serialises them, statusCode beside rawHeaders
// (the header list as received; a ServerResponse, the proxy's own answer, has no rawHeaders). @see https://nodejs.org/api/http.html#class-httpincomingmessage
const RECEIVED_STATUS = /\bstatusCode\W{0,3}[:=]\s*(\d{3})\b/;
/** One line of the message records the upstream's response with this status (redbird's pino line: statusCode, statusMessage, rawHeaders). */
function recordsReceivedResponse(message: string, status: number): boolean {
  if (!message.includes('rawHeaders')) return false;
  for (const line of message.split('\n')) {
    if (!line.includes('rawHeaders')) continue;
    const stated = RECEIVED_STATUS.exec(line);
    if (stated && Number(stated[1]) === status) return true;
  }
  return false;
}

/**
 * Whether the status is a proxy's answer for its upstream's failure (convention "A proxy's status caused by its upstream's
 * failure"). A status the proxy's lines show as the upstream's own status line ("HTTP/1.1 500") is the upstream's answer
 * relayed, not the gateway's; a 4xx the proxy answered itself beside its own line stating how the upstream failed (a
 * certificate verify result, a resolver failure: exact rules, not concepts) is the proxy's page for that failure
 * (an inspecting proxy answers 403 when the upstream's certificate fails, 404 when the name does not resolve).
 */
function answeredForUpstream(status: number, event: TelemetryEvent, hits: readonly SourcedFinding[]): boolean {
  if (event.source.kind !== 'proxy' || status < 400) return isGatewayStatus(status, event.source.kind);
  const message = event.error?.message;
  if (message !== undefined && (message.includes(`HTTP/1.1 ${status}`) || message.includes(`HTTP/1.0 ${status}`) || recordsReceivedResponse(message, status))) return false;
  // Several lines: the proxy's own log records, among which a line stating the upstream's failure can stand.
  if (status < 500 && message !== undefined && message.includes('\n')) {
    for (const hit of hits) if (!hit.concept && (hit.attribution === '1015' || hit.cause === 'dns_failure')) return true;
  }
  return isGatewayStatus(status, event.source.kind);
}

const namesTls = (hit: SourcedFinding): boolean => hit.attribution === '1015';
// Not frozen: a frozen array has its own elements kind, which would make every `hits[i]` site polymorphic.
const NO_HITS: readonly SourcedFinding[] = [];
const errorCodeMatcher = fieldFindings('error.code');
const errorNameMatcher = fieldFindings('error.name');
const errorMessageMatcher = fieldFindings('error.message');
/** The close reason's findings, one memo shared by the classifiers that read a reason alone. */
export const closeReasonMatcher = fieldFindings('close.reason');
const errorCauseMatcher = fieldFindings('error.cause');

/**
 * A label whose name says it records the error's own text of the attempt: its chained cause (Python's `__cause__`, Java's "Caused
 * by", Rust's `source()`, Go's wrapped error: `cause`, `root_cause`, `caused_by`, `error_source`), the chain or trace an emitter or
 * collector wrote (`exception_chain`, `cause_chain`, `error_chain`, `traceback`, `stack`, `stacktrace`, `backtrace`), or an error
 * it stated apart (`relay_error`, `error_debug`, `stream_error`, `stderr`). Read by the words of the name (any separator, any case),
 * not by a list of names. Never `note` (the maker's words), never an identifier (a name ending in id, key, code, name, type, kind,
 * count, status, level or syscall: "3501", "connect" are no text of the error), never another party's view (other-view-labels.ts)
 * and never a log (`*_log`: the emitter's own lines, read by their own rules, proxy-result.ts logLabels).
 */
const ERROR_TEXT_WORD = /^(?:cause[sd]?|chain|exceptions?|exc|traceback|trace|stacktrace|stack|backtrace|errors?|err|stderr)$/;
const IDENTIFIER_WORD = /^(?:ids?|keys?|codes?|names?|types?|kinds?|class|counts?|status|level|syscall|num|number)$/;
const LOG_WORD = /^log$/;
const OTHER_PARTY = /^(?:client|front|driver|peer)$/;
const causeLabelNames = new Map<string, boolean>();
/** Whether a label's name says it holds the error's own text (memoized per name: labels repeat their names across events). */
export function isErrorTextLabel(key: string): boolean {
  let found = causeLabelNames.get(key);
  if (found !== undefined) return found;
  // Words of the name: snake_case, kebab-case, dotted and camelCase; a long label's part number ("_2", "_part2") is no word.
  const words = key.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase().split(/[^a-z]+/).filter((word) => word !== '' && !/^part$/.test(word));
  const last = words[words.length - 1];
  found =
    words.length > 0 && words.some((word) => ERROR_TEXT_WORD.test(word)) && !words.some((word) => LOG_WORD.test(word) || word === 'note') &&
    last !== undefined && !IDENTIFIER_WORD.test(last) && !(words.length === 2 && OTHER_PARTY.test(words[0] as string));
  if (causeLabelNames.size < 4096) causeLabelNames.set(key, found);
  return found;
}

/**
 * The link marks of a recorded chain: Java's "Caused by:", Python's "The above exception was the direct cause of the following
 * exception:" and "During handling of the above exception", and a chain written on one line, each exception's `__cause__` after
 * " <- " (or "; caused by: ", as Rust's anyhow and Go's wrapping print it), and a chain written one exception a line, each line opening
 * with the exception's module-qualified class and a colon (Python's `traceback.format_exception_only` form "ssl.SSLError: …",
 * "builtins.EOFError: …"; Java's "java.net.ConnectException: …"). Each link is one exception's own text.
 * @see https://docs.python.org/3/library/exceptions.html#exception-context (__cause__, the traceback's chain texts)
 * @see https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/lang/Throwable.html#printStackTrace() ("Caused by: ")
 */
const CHAIN_LINK = /\n(?=(?:[A-Za-z_]\w*\.)+[A-Za-z_]\w*:(?:\s|$))|\s<-\s|\n\s*Caused by:\s|\n\s*The above exception was the direct cause of the following exception:\s*|\n\s*During handling of the above exception, another exception occurred:\s*|;\s*caused by:\s/;

/** The texts of an event's labels that hold the error's own text (isErrorTextLabel), joined by newlines. */
export function errorTextLabelsText(event: TelemetryEvent): string {
  const labels = event.labels;
  if (labels === undefined) return '';
  let text = '';
  for (const key in labels) if (labels[key] && isErrorTextLabel(key)) text += `${labels[key]}\n`;
  return text;
}

/**
 * A label's text (or a chain's link) that is the error itself restated, no other field: the message alone ("socket closed: 1006" beside
 * that message), the message under the error's class ("builtins.TimeoutError: ", "HandShakeFailed(\"invalid response\")": a chain's
 * first link, a Debug print), or a record holding both its class and its message (a serialised error object). Its words add nothing.
 */
const CLASS_ONLY = /^\W*(?:[A-Za-z_$][\w$]*(?:\.|::))*([A-Za-z_$][\w$]*)\W*$/;
function restatesError(text: string, error: NonNullable<TelemetryEvent['error']>): boolean {
  const message = error.message?.trim() ?? '';
  const name = error.name?.split(/\.|::/).pop() ?? '';
  if (message !== '' && text.includes(message)) {
    const rest = text.replace(message, '');
    return rest.trim() === '' || (name !== '' && rest.includes(name));
  }
  // A serialised record of the error: its class beside its code ({"type": "PusherError", "data": {"code": 1002, …}}).
  if (name !== '' && error.code !== undefined && error.code !== '' && text.includes(name) && text.includes(String(error.code))) return true;
  return message === '' && name !== '' && CLASS_ONLY.exec(text)?.[1] === name;
}

/**
 * The error's chained causes recorded in labels, read as the error's own text (kind error.cause). A chain of several links is read
 * link by link (round 34, eng-b2): a wrapper that heads it (websockets' InvalidMessage "did not receive a valid HTTP response",
 * raised from whatever its read failed on) would otherwise stand for the whole text, and the link it wraps ("ValueError: invalid HTTP
 * status line: …", an answer that is no HTTP; "EOFError: connection closed …", a drop) names the cause in words only the concepts
 * read; the wrapper then gives way to it where it names another cause (dropWrappedBy).
 */
function causeLabelHits(labels: Readonly<Record<string, string>> | undefined, error: NonNullable<TelemetryEvent['error']>): readonly SourcedFinding[] {
  if (labels === undefined) return NO_HITS;
  let found: SourcedFinding[] | undefined;
  for (const key in labels) {
    const value = labels[key];
    if (!value) continue;
    if (!isErrorTextLabel(key)) {
      if (isLogLabel(key)) found = logCauseLines(value, error, found);
      continue;
    }
    if (!CHAIN_LINK.test(value)) {
      if (restatesError(value, error)) continue;
      const hits = errorCauseMatcher.get(value);
      if (hits.length > 0) (found ??= []).push(...hits);
      continue;
    }
    found ??= [];
    const from = found.length;
    for (const link of value.split(CHAIN_LINK)) if (link.trim() !== '' && !restatesError(link, error)) errorCauseMatcher.find(link, found);
    dropWrappedBy(found, from);
  }
  return found ?? NO_HITS;
}

/**
 * A log's line that records the error's cause as a line of its own ("caused by EOFError: connection closed …", Java's printStackTrace
 * "Caused by: …" at a line's start): the chain's link as the log wrote it, read as a link of the error (round 39, r39-b). Only a
 * line's start: a cause inside another line's message (a proxy's "… caused by: EOF" in its access line) is that line's, not the error's.
 * @see https://docs.python.org/3/library/exceptions.html#exception-context (__cause__: "The above exception was the direct cause …")
 * @see https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/lang/Throwable.html#printStackTrace() ("Caused by: …")
 */
const LOG_CAUSE_LINE = /^[ \t]*caused by:?[ \t]+(\S[^\n]*)$/gim;
const NO_LINKS: readonly string[] = [];
// The links of a log's text, read once per distinct text (most logs have none).
const logLinks = new Map<string, readonly string[]>();
function logCauseLinks(text: string): readonly string[] {
  let links = logLinks.get(text);
  if (links === undefined) {
    links = /caused by/i.test(text) ? Array.from(text.matchAll(LOG_CAUSE_LINE), (line) => line[1] as string) : NO_LINKS;
    if (logLinks.size < 4096) logLinks.set(text, links);
  }
  return links;
}
function logCauseLines(text: string, error: NonNullable<TelemetryEvent['error']>, found: SourcedFinding[] | undefined): SourcedFinding[] | undefined {
  const links = logCauseLinks(text);
  if (links.length === 0) return found;
  const from = found?.length ?? 0;
  for (const link of links) if (!restatesError(link, error)) errorCauseMatcher.find(link, (found ??= []));
  if (found !== undefined && found.length > from) dropWrappedBy(found, from);
  return found;
}

/** A finding that names a cause of its own: neither a wrapper's (a class or phrase on failures of many causes) nor the catch-all. */
const namesOwnCause = (hit: SourcedFinding): boolean => !isWrapperRule(hit.rule) && hit.cause !== 'unknown_failure';
/** Some finding names a cause of its own other than `cause`. */
const namesOtherCause = (hits: readonly SourcedFinding[], cause: string): boolean => hits.some((hit) => namesOwnCause(hit) && hit.cause !== cause);
/**
 * The message alone names no cause of its own (no finding, or only wrappers' and the catch-all's), or only a validity failure that
 * does not say which end (ambiguity `validity`: JSSE's "CertPathValidatorException: validity check failed", raised by
 * `sun.security.provider.certpath.BasicChecker.verifyValidity` from the certificate's own `CertificateExpiredException` or
 * `CertificateNotYetValidException`, which a printed chain's "Caused by:" carries): the chain's link names the end (round 41, r41-a).
 * @see https://github.com/openjdk/jdk/blob/master/src/java.base/share/classes/sun/security/provider/certpath/BasicChecker.java (verifyValidity)
 */
// Beside it, the handshake exception's own class (SSLHandshakeException, tls_unknown) names no end either. The usual case (no finding
// names a cause) exits in the first loop; the validity check runs only where some finding does.
function genericMessage(message: readonly SourcedFinding[]): boolean {
  if (!message.some(namesOwnCause)) return true;
  if (!message.some((hit) => hit.ambiguity === 'validity')) return false;
  for (const hit of message) if (namesOwnCause(hit) && hit.ambiguity !== 'validity' && hit.cause !== 'tls_unknown') return false;
  return true;
}

/** A message's finding that it states a close code a Close frame carried ("close 4000", "closed (code 1011)"). */
const statesCloseCode = (hit: SourcedFinding): boolean => hit.rule === 'concept.close_code_application' || hit.rule === 'concept.close_code';
/** A name's finding of a drop (a reset, a connection closed), which a stated close code contradicts. */
const namesDrop = (hit: SourcedFinding): boolean => hit.cause === 'network_reset' || hit.cause === 'abnormal_closure';

/**
 * A proxy's own line stating how its upstream leg failed: a TLS handshake failure other than a bare TLS word (a verify result, an
 * alert), a timeout, a refused connect or a resolver failure (convention 9's upstream causes). Beside it, a reset or EOF in the
 * event's code or name (the client's socket error at the proxy's front: ECONNRESET, ConnectionResetError) is the proxy closing the
 * client leg because of that failure, not a cause of its own: an L4 proxy (gobetween, HAProxy in tcp mode) that cannot reach or
 * verify its upstream closes the accepted client connection, and its log line says why (round 35, eng-c1).
 * @see https://www.haproxy.com/documentation/haproxy-configuration-manual/latest/#8.5 (termination states: the proxy's side of an aborted session)
 */
const UPSTREAM_LEG_CAUSES: ReadonlySet<string> = new Set(['network_timeout', 'connection_refused', 'dns_failure']);
function statesUpstreamFailure(message: readonly SourcedFinding[]): boolean {
  for (const hit of message) if ((hit.attribution === '1015' && hit.rule !== 'concept.tls_failure' && hit.cause !== 'tls_unknown') || UPSTREAM_LEG_CAUSES.has(hit.cause)) return true;
  return false;
}

const heldBy = (rule: string, hits: readonly SourcedFinding[]): boolean => hits.some((hit) => hit.rule === rule);

/** The findings of error.code, error.name, error.message and close.reason, in that order. */
// Given the fields the constructor already read, not the event: each is read once.
function textHits(error: TelemetryEvent['error'], reason: string | undefined, labels: TelemetryEvent['labels'], proxy: boolean): readonly SourcedFinding[] {
  if (!error && !reason) return NO_HITS;
  const stated = error?.message ? errorMessageMatcher.get(error.message) : NO_HITS;
  // The memo's lists are shared read-only: when one field has findings its list is returned without a copy.
  const codeHits = error && error.code !== undefined && error.code !== '' ? errorCodeMatcher.get(String(error.code)) : NO_HITS;
  // A framework's disconnect class as the name (Falcon's WebSocketDisconnected) is the peer's close, not a drop: its words say nothing.
  // Checked only when the name has findings: the memo answers every other name without a look-up.
  const namedHits = error?.name ? errorNameMatcher.get(error.name) : NO_HITS;
  // A proxy's own line stating how its upstream leg failed beside the client leg's reset (round 35, eng-c1).
  const dropForUpstream = proxy && (codeHits.length > 0 || namedHits.length > 0) && statesUpstreamFailure(stated) && codeHits.every(namesDrop) && namedHits.every(namesDrop);
  const code = dropForUpstream ? NO_HITS : codeHits;
  const nameHits = dropForUpstream ? NO_HITS : namedHits;
  // So is a closed-connection class beside a message that states the code a Close frame carried (websocket-client's
  // WebSocketConnectionClosedException "Connection closed (code 4000): Session ended"; scanner.ts closeCodeFinding): the class is
  // the API's type for that close, and the code and its words decide (round 33, eng-a2).
  const name = nameHits.length > 0 && (isDisconnectClassName((error as { name: string }).name) || (nameHits.every(namesDrop) && stated.some(statesCloseCode))) ? NO_HITS : nameHits;
  // An error whose message alone is generic (no finding, or only a wrapper's or a catch-all) reads the chained cause a label
  // records as part of its text: websockets' "did not receive a valid HTTP response" with `error_cause` "ValueError: invalid HTTP
  // status line: …" is the cause's, not the wrapper's: where the chain names another cause, the message's wrapper gives way to it.
  const linked = error !== undefined && labels !== undefined && genericMessage(stated) ? causeLabelHits(labels, error) : NO_HITS;
  // A label's finding by a rule the error's own fields already matched is the same words again, no other field's agreement.
  const chained = linked.length === 0 ? linked : linked.filter((hit) => !heldBy(hit.rule, stated) && !heldBy(hit.rule, namedHits) && !heldBy(hit.rule, codeHits));
  const closeReason = reason ? closeReasonMatcher.get(reason) : NO_HITS;
  const message = chained.length === 0 ? stated : [...stated.filter((hit) => !isWrapperRule(hit.rule) || !namesOtherCause(chained, hit.cause)), ...chained];
  const fields = (code.length > 0 ? 1 : 0) + (name.length > 0 ? 1 : 0) + (message.length > 0 ? 1 : 0) + (closeReason.length > 0 ? 1 : 0);
  if (fields === 0) return NO_HITS;
  if (fields === 1 && chained.length === 0) return code.length > 0 ? code : name.length > 0 ? name : message.length > 0 ? message : closeReason;
  // A wrapper class name in one field gives way to a cause another field names (text-findings.ts).
  const all = [...code, ...name, ...message, ...closeReason];
  dropWrappedBy(all);
  return all;
}

/** All texts of the event joined by newlines, in the order `textHits` reads them. */
function joinedText(event: TelemetryEvent): string {
  const error = event.error;
  const texts: string[] = [];
  if (error) {
    if (error.code !== undefined && error.code !== '') texts.push(String(error.code));
    if (error.name) texts.push(error.name);
    if (error.message) texts.push(error.message);
  }
  if (event.close?.reason) texts.push(event.close.reason);
  return texts.join('\n');
}

/**
 * What a failed attempt with no finding in its own texts reads instead: another party's view of it (other-view-labels.ts), else on a
 * client (round 38) the status its request before the upgrade got (request-status-label.ts), else, where it raised nothing at all
 * (no error, no close reason), its own log's failure records (own-log-failure.ts).
 */
function noOwnText(event: TelemetryEvent): readonly SourcedFinding[] {
  const other = otherViewFindings(event);
  if (other.length > 0 || event.source.kind !== 'client') return other;
  const refused = requestStatusFindings(event);
  return refused.length > 0 || event.error !== undefined || event.close?.reason ? refused : ownClientLogFindings(event);
}

function withOtherViewTimeouts(own: readonly SourcedFinding[], event: TelemetryEvent): readonly SourcedFinding[] {
  const timeouts = otherViewTimeouts(event);
  return timeouts.length === 0 ? own : [...own, ...timeouts];
}

// Fields are `declare`d and assigned in the constructor: ES2022 class field declarations would define each one
// (an own-property definition per field per event) before the constructor assigns it again.
class EventContext implements EvidenceContext {
  declare readonly event: TelemetryEvent;
  declare readonly closeCode: number | undefined;
  declare readonly status: number | undefined;
  declare readonly secure: boolean;
  declare readonly hits: readonly SourcedFinding[];
  declare readonly codes: readonly SourcedFinding[];
  declare readonly tlsCompleted: boolean;
  declare readonly upstreamFailure: UpstreamLegFailure | undefined;
  declare readonly statedCloseBeforeReset: boolean;
  declare readonly gatewayStatus: boolean;
  declare readonly statusForFailedTls: boolean;
  declare readonly failed: boolean;
  declare private joined: string | undefined;

  constructor(event: TelemetryEvent, statedCloseBeforeReset: boolean) {
    this.event = event;
    this.statedCloseBeforeReset = statedCloseBeforeReset;
    this.joined = undefined;
    // Each field read once (classify.ts hands an event in one shape: event-shape.ts).
    const close = event.close;
    const error = event.error;
    const code = close?.code;
    const status = event.handshake?.status;
    const outcome = event.outcome;
    // A library's own code below 1000 (apiOwnCode) is no close code: the event is read as one without.
    this.closeCode = apiOwnCode(close) ? undefined : code;
    this.status = status;
    // The schema admits only ws:// and wss:// (any case): the third character tells them apart.
    this.secure = (event.target.url.charCodeAt(2) | 0x20) === 115;
    // A failed attempt with no text of its own (no error, no close reason) reads another party's view of it, recorded in labels
    // (other-view-labels.ts): the client's log or its socket error at the observer's front states what the emitter did not.
    // So does one whose own texts name nothing (a proxy's accept and begin lines, the client's exception name the driver recorded): the
    // client's log states why the client refused the answer the proxy passed on (round 35, eng-c1).
    const own = error === undefined && !close?.reason ? NO_HITS : textHits(error, close?.reason, event.labels, event.source.kind === 'proxy');
    // A proxy's error lines that name no cause beside its gateway status: its own log's quieter lines may state how the upstream
    // failed (proxy-own-log.ts; round 36, eng-d2), before another party's view.
    // So do error lines that only restate that status ("proxy rejected connection: HTTP 502", a client's InvalidProxyStatus): the
    // status names no cause (convention 9; round 38, eng-f2).
    const logged = outcome === 'failed' && event.labels !== undefined && (own.length === 0 || own.every((hit) => restatesStatus(hit, status))) ? ownLogUpstreamFindings(event) : NO_HITS;
    // A proxy's own records stating its connect to the upstream failed, beside an error whose texts name only the client leg's symptom
    // and no status: the proxy ended the client leg for that failure (proxy-own-log.ts; round 39, r39-b). As round 36's reading, only
    // beside an error message: an event with none reads other views (round 34's hard negative keeps a bare own log unread).
    const unreached =
      logged.length === 0 && outcome === 'failed' && status === undefined && event.source.kind === 'proxy' && event.labels !== undefined && !!error?.message && own.every(clientLegSymptom)
        ? ownRecordConnectFailures(event)
        : NO_HITS;
    // An observer's own texts that name only a drop before any answer, beside another party's stated timeout: that party's timer
    // fired and it closed, the observer saw the close (other-view-labels.ts otherViewTimeouts; round 36, eng-d2).
    const hits =
      logged.length > 0 ? logged
      : unreached.length > 0 ? unreached
      : own.length === 0 ? (outcome === 'failed' && event.labels !== undefined ? noOwnText(event) : own)
      : outcome === 'failed' && status === undefined && event.labels !== undefined && event.source.kind !== 'client' && own.every(namesDrop) ? withOtherViewTimeouts(own, event)
      : own;
    // A TLS server's answer to a plaintext request recorded beside its 4xx (plaintext-answer.ts; round 40, r40-b): the status was
    // written in place of a TLS handshake (convention 15), unless a 1015 finding already says so.
    const plaintext = status !== undefined && status >= 400 && status < 500 && !hits.some(namesTls) ? plaintextRequestAnswer(event) : undefined;
    this.hits = plaintext === undefined ? hits : [...hits, plaintext];
    this.gatewayStatus = status !== undefined && answeredForUpstream(status, event, this.hits);
    // Coded fields: TLS facts, an error (its code may be a bare platform number), a gateway status (525/526).
    // Most events (successes) have none: no call, no property reads beyond these.
    this.codes = event.tls !== undefined || error !== undefined || this.gatewayStatus ? fieldCodeFindings(event, this.hits) : NO_HITS;
    // Outcome closed is "an open connection ended" (schema): its TLS handshake completed, unless the API itself reports 1015
    // (RFC 6455 §7.4.1: a handshake that failed), the one statement that contradicts it and the more specific of the two.
    this.upstreamFailure = this.hits.length > 0 ? upstreamLegFailure(event, this.hits) : undefined;
    // The client leg's completed handshake says nothing of an upstream leg whose TLS handshake the proxy's lines report failed.
    this.statusForFailedTls = status !== undefined && this.hits.length > 0 && (plaintext !== undefined || serverTlsErrorLine(event, this.hits) || clientReadPlaintextAsTls(event, this.hits));
    this.tlsCompleted =
      (outcome === 'connected' || (outcome === 'closed' && code !== 1015) || (status !== undefined && status >= 100 && !this.gatewayStatus && !this.statusForFailedTls) || close?.on_wire === true) &&
      this.upstreamFailure !== 'tls';
    this.failed = outcome === 'failed' || error !== undefined || code === 1006 || code === 1015;
  }

  // Few classifications read the joined text (ambiguous TLS findings, 1006 on wss://): joined on first read.
  get text(): string {
    return (this.joined ??= joinedText(this.event));
  }
}

export function buildContext(event: TelemetryEvent, statedCloseBeforeReset = false): EvidenceContext {
  return new EventContext(event, statedCloseBeforeReset);
}
