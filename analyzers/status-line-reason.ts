// The reason phrase of a refused upgrade's status line, quoted where a client or server logged the answer: the server's own
// words for why it refused (RFC 9112 §4: status-line = HTTP-version SP status-code SP [ reason-phrase ]), read for the 1010 family.
// @see https://www.rfc-editor.org/rfc/rfc9112#section-4
import { BoundedCache, oncePerText } from './bounded-cache.js';
import { sourcedFinding, type SourcedFinding } from './candidate.js';
import { isLogLabel } from './codes/proxy-result.js';
import { findConcepts } from './concepts/scanner.js';
import type { EvidenceContext } from './evidence-context.js';
import { ANSWER_LABEL } from './request-header-refusal.js';

// Notations that quote the status code with its reason phrase: the status line itself ("HTTP/1.1 400 <reason>", a client's debug
// log of the answer, curl's "< HTTP/1.1 …"); OkHttp's "Expected HTTP 101 response but was '400 <reason>'" (RealWebSocket
// checkUpgradeSuccess: `'${response.code} ${response.message}'`); websocket-client's "Handshake status 400 <reason> -+-+- …"
// (_handshake.py, WebSocketBadStatusException). The phrase ends at the line's end, the notation's closing quote or separator.
// @see https://github.com/square/okhttp/blob/master/okhttp/src/main/kotlin/okhttp3/internal/ws/RealWebSocket.kt
// @see https://github.com/websocket-client/websocket-client/blob/master/websocket/_handshake.py
const QUOTED_STATUS = /\bHTTP\/\d(?:\.\d)? (\d{3}) ([^\r\n]+)|\bresponse but was '(\d{3}) ([^'\r\n]+)'|\bHandshake status (\d{3}) ([^\r\n]+?)(?= -\+-\+-|$)/gm;

// Whether a text quotes any status line, read once per distinct text: most texts quote none, and then no key of status, field and
// text is built for the findings' memo (a new string hashed in full per event).
const QUOTES_STATUS_LINE = new RegExp(QUOTED_STATUS.source, 'm');
const quotesStatusLine = oncePerText((text) => QUOTES_STATUS_LINE.test(text));

/** The reason phrases quoted beside `status` in a text, each trimmed; none when the text quotes no status line of that code. */
export function quotedReasonPhrases(text: string, status: number): string[] {
  const out: string[] = [];
  if (!text.includes(String(status))) return out;
  for (const match of text.matchAll(QUOTED_STATUS)) {
    const code = match[1] ?? match[3] ?? match[5];
    const reason = (match[2] ?? match[4] ?? match[6] ?? '').trim();
    if (Number(code) === status && reason !== '') out.push(reason);
  }
  return out;
}

// An extension named by its IANA-registered token or the request header that carries the offer (RFC 6455 §9.1, §11.3.2;
// RFC 7692 §7 registers permessage-deflate); the pre-standard x-webkit-deflate-frame / deflate-frame / perframe-deflate tokens too.
// @see https://www.iana.org/assignments/websocket/websocket.xml#extension-name
const EXTENSION_NAMED = /\b(?:permessage-deflate|(?:x-webkit-)?deflate-frame|perframe-deflate|sec-websocket-extensions)\b/i;

// A reason phrase is read alone: the rest of a log (a TLS word of another line, "non-ssl socket") says nothing of why the
// server refused. A standard phrase ("Bad Request", "Internal Server Error") names no extension, so it yields nothing; a phrase
// naming another cause is no 1010 either. Read once per distinct text and status (null: nothing found).
const reasonFindings = new BoundedCache<SourcedFinding | null>(512);
function extensionReason(kind: string, text: string, status: number): SourcedFinding | null {
  for (const reason of quotedReasonPhrases(text, status)) {
    const out: SourcedFinding[] = [];
    findConcepts(kind, reason, out);
    // Only a phrase whose findings are all the 1010 family's: a phrase naming another cause beside the extension is that cause's.
    if (out.length > 0 && out.every((finding) => finding.attribution === '1010' || finding.cause === 'http_rejected')) {
      const found = out.find((finding) => finding.attribution === '1010');
      if (found) return { ...found, evidence: { kind, detail: `the quoted status line's reason phrase "${reason}" (RFC 9112 §4): ${found.evidence.detail}` } };
    }
    // A refusal's phrase that names the extension offer by its registered name or header without a verdict word ("Failed to set up
    // extension permessage-deflate from offer"): the refusal is the verdict, the phrase says what it was about (RFC 7692 §5: the
    // server declines or refuses an offer). Not when the phrase names another cause.
    const named = EXTENSION_NAMED.exec(reason);
    if (named && out.every((finding) => finding.cause === 'http_rejected')) {
      return sourcedFinding('inferred.offer_refused_in_reason_phrase', 'extension_params_rejected', 0.5, { kind, detail: `the quoted status line's reason phrase "${reason}" (RFC 9112 §4) names the extension offer ("${named[0]}"): the server refused it (RFC 7692 §5)` });
    }
  }
  return null;
}

/**
 * The 1010 finding of a refused upgrade's quoted reason phrase (the server's words beside its own status), in the error message or
 * a label carrying a log or the answer; undefined when none names an extension. Only for a status the server answered itself
 * (never a gateway's for its upstream): any 4xx or 5xx, since the phrase states the reason whatever the status (convention "An
 * extension refused with any status").
 */
export function extensionInReasonPhrase(context: EvidenceContext): SourcedFinding | undefined {
  const status = context.status;
  if (status === undefined || status < 400 || status > 599 || context.gatewayStatus) return undefined;
  const message = context.event.error?.message;
  if (message && quotesStatusLine(message)) {
    const found = reasonFindings.get(`${status}\u0000error.message\u0000${message}`, () => extensionReason('error.message', message, status));
    if (found) return found;
  }
  const labels = context.event.labels;
  if (labels === undefined) return undefined;
  for (const key in labels) {
    const text = labels[key];
    if (!text || !(isLogLabel(key) || ANSWER_LABEL.test(key)) || !quotesStatusLine(text)) continue;
    const kind = `labels.${key}`;
    const found = reasonFindings.get(`${status}\u0000${kind}\u0000${text}`, () => extensionReason(kind, text, status));
    if (found) return found;
  }
  return undefined;
}
