// A server's own report that it refused a client's upgrade request: the request was not one RFC 6455 §4.2.1 lets it
// answer with a 101 (not a GET, no Upgrade or Connection field, no Sec-WebSocket-Key, an unsupported
// Sec-WebSocket-Version), or the bytes could not be read as an HTTP request at all (a TLS ClientHello on a plaintext
// port, binary on the HTTP parser). The server reads the client's request, not an answer: the client broke the opening
// handshake, `protocol_error` (docs/attribution.md, "Labelling conventions": a server's view of a malformed request).
// @see https://www.rfc-editor.org/rfc/rfc6455#section-4.2.1 (reading the client's opening handshake)
// @see https://www.rfc-editor.org/rfc/rfc6455#section-4.2.2 (a server that does not accept it answers an HTTP error, e.g. 400)
import type { Finding } from '../../candidate.js';
import type { EvidenceContext } from '../../evidence-context.js';
import { upgradeRefusalText } from '../../upgrade-refusal-texts.js';
import { logLabels } from '../../codes/proxy-result.js';
import { BoundedCache } from '../../bounded-cache.js';
import { fieldFindings } from '../../text-findings.js';

// An error that names the opening handshake, or the HTTP request's parse ("HandshakeError", "handshake error",
// "Invalid HTTP header"): the concept tier's unreadable HTTP text and its refusal without a reason are, in a server's
// words, the request it could not read or refused.
const HANDSHAKE_WORDS = /handshake/i;
const UNREADABLE_REQUEST_RULE = 'concept.unreadable_answer';
// A character decoder refusing the bytes it was given (round 31, eng-y1): a server that decodes the request line as text before
// parsing it (microdot's Request.create reads it with `.decode()`) fails on a ClientHello's binary bytes with the decoder's own
// error, in no HTTP words: Python's UnicodeDecodeError ("'utf-8' codec can't decode byte 0x16 in position 0: invalid start
// byte", Objects/exceptions.c UnicodeDecodeError_str), Java's MalformedInputException ("Input length = 1", java.nio.charset),
// .NET's DecoderFallbackException ("Unable to translate bytes [FC] at index 8 from specified code page to Unicode"), Node's
// ERR_ENCODING_INVALID_ENCODED_DATA ("The encoded data was not valid for encoding utf-8", TextDecoder with fatal). In a server's
// failed attempt with no answer, the bytes were its request's: the request was no HTTP request (convention 15).
// A server's own statement that its request parser failed ("request parse failed", "failed to parse request", "error parsing
// HTTP request"; Simple-WebSocket-Server's RequestMessage::parse returning false, server_ws.hpp, logged so) says the same of
// the request's bytes, with no reason beyond them: Simple-Web(Socket)-Server answers a failed RequestMessage::parse with
// on_error(errc::protocol_error).
// @see https://docs.python.org/3/library/exceptions.html#UnicodeDecodeError, https://nodejs.org/api/errors.html#err_encoding_invalid_encoded_data
// @see https://gitlab.com/eidheim/Simple-WebSocket-Server/-/blob/master/server_ws.hpp (read_handshake: RequestMessage::parse)
const DECODER_REFUSAL =
  /\b(?:http\W+)?request\W+(?:line\W+)?pars(?:e|ing)\W+(?:failed|failure|error)\b|\b(?:failed|unable|could ?n[o']t|cannot)\W+(?:to\W+)?parse\W+(?:the\W+)?(?:http\W+)?request\b|\berror\W+parsing\W+(?:the\W+)?(?:http\W+)?request\b|\bcodec can't decode byte\b|\bUnicodeDecodeError\b|\bMalformedInputException\b|\bDecoderFallbackException\b|\bUnable to translate bytes\b|\bERR_ENCODING_INVALID_ENCODED_DATA\b|\bencoded data was not valid for encoding\b/i;
const UNDECODABLE_REQUEST: Finding = {
  cause: 'protocol_error',
  confidence: 0.45,
  evidence: { kind: 'error.message', detail: "a server's character decoder or request parser refused the bytes of the request before any answer, naming no TLS, network or HTTP status cause: the client's bytes were no HTTP request (a ClientHello on a plaintext port) → protocol_error (rule inferred.request_undecodable, convention 15)" },
};

// A server's HTTP parser naming its own failure on the request's bytes (round 34, eng-b1; convention 15): facil.io's "HTTP parser
// error." (lib/facil/http/http1.c, logged when http1_fio_parser returns an error: the bytes were no HTTP/1.x request), "HTTP request
// parser failed". Read from the server's own log labels when the attempt failed with no error, no status and no TLS word in the
// log (a TLS line there is convention 15's other side: the TLS listener's record decides).
// @see https://github.com/boazsegev/facil.io/blob/0.7.6/lib/facil/http/http1.c
const PARSER_REFUSAL = /\bHTTP\W+(?:request\W+)?pars(?:er|ing)\W+(?:error|failed|failure)\b/i;
const TLS_WORD = /\b(?:tls|ssl)/i;
const PARSER_REFUSED_IN_LOG: Finding = {
  cause: 'protocol_error',
  confidence: 0.45,
  evidence: { kind: 'labels.server_log', detail: "the server's own log names its HTTP parser failing on the request's bytes before any answer, with no TLS word and no other record: the client's bytes were no HTTP request (a ClientHello on a plaintext port) → protocol_error (rule inferred.request_unparsed_in_log, RFC 9112 §2.2, convention 15)" },
};

/** A server's own log labels, with no error beside them, naming its HTTP parser's failure and no TLS word. */
function parserRefusedInLog(event: EvidenceContext['event']): boolean {
  let parser = false;
  for (const [, text] of logLabels(event.labels)) {
    if (TLS_WORD.test(text)) return false;
    parser ||= PARSER_REFUSAL.test(text);
  }
  return parser;
}

const REQUEST_REFUSED: Finding = {
  cause: 'protocol_error',
  confidence: 0.45,
  evidence: { kind: 'error.message', detail: "a server's error refusing the client's opening handshake before any answer, naming no TLS, network or HTTP status cause: the request broke RFC 6455 §4.2.1 (rule inferred.request_refused_by_server)" },
};

const refusedByText = new Map<string, Finding>();

/**
 * A failed attempt seen by a server whose only evidence is its refusal of the request (no status, TLS, code or other cause), or
 * whose text is a framework's own refusal of it (upgrade-refusal-texts.ts, at an exact rule's 0.6: a text cited from the source
 * that prints it), whatever else its lines hold (a close callback's made-up 1001 logged later).
 */
// A server's own refusal of the request logged before the connection's end (round 36, eng-d1): a server that cannot accept an opening
// handshake aborts it (RFC 6455 §4.2.2, "abort the WebSocket handshake"; txWS logs "Couldn't handle WS protocol chat.v2!", "Can't
// support protocol version 99!" and loses the connection it closed), so the drop or EOF its later lines record ("connection lost …")
// is its own close after the refusal, not the cause. Read line by line (a multi-line record's other lines, a restated header or
// the connection's end, are no context of the refusal's words), once per distinct text; the first line naming a cause decides.
const REFUSAL_CAUSES: ReadonlySet<string> = new Set(['protocol_error', 'subprotocol_mismatch']);
const lineFindings = fieldFindings('error.message');
const refusalsBeforeDrop = new BoundedCache<Finding | null>(256);
function refusalBeforeDrop(context: EvidenceContext): Finding | undefined {
  const message = context.event.error?.message;
  if (message === undefined || !message.includes('\n')) return undefined;
  let drop = false;
  for (const hit of context.hits) {
    if (hit.cause === 'network_reset') drop = true;
    else if (!REFUSAL_CAUSES.has(hit.cause)) return undefined;
  }
  if (!drop) return undefined;
  return (
    refusalsBeforeDrop.get(message, () => {
      let refusal: Finding | undefined;
      for (const line of message.split('\n')) {
        const hits = lineFindings.get(line);
        if (hits.length === 0) continue;
        if (refusal === undefined) {
          const first = hits[0] as Finding;
          if (!REFUSAL_CAUSES.has(first.cause)) return null;
          refusal = first;
        } else if (hits.some((hit) => hit.cause === 'network_reset')) {
          const detail = `${refusal.evidence.detail}, in the server's own line before the connection's end: it refused the request and closed the connection (rule inferred.refusal_before_drop, RFC 6455 §4.2.2)`;
          return { cause: refusal.cause, confidence: 0.5, evidence: { kind: 'error.message', detail } };
        }
      }
      return null;
    }) ?? undefined
  );
}

export function requestRefusedByServer(context: EvidenceContext): Finding | undefined {
  const event = context.event;
  if (event.source.kind !== 'server' || event.outcome !== 'failed' || context.status !== undefined) return undefined;
  const row = upgradeRefusalText(context);
  if (row !== undefined) {
    let found = refusedByText.get(row.id);
    if (found === undefined) {
      const detail = `the server's refusal text (${row.id}: ${row.source}) names the request's ${row.part === 'method' ? 'method (not GET)' : `${row.part} header`}: the request broke RFC 6455 §4.2.1 (rule inferred.request_refused_by_server)`;
      refusedByText.set(row.id, (found = { cause: 'protocol_error', confidence: 0.6, evidence: { kind: 'error.message', detail } }));
    }
    return found;
  }
  if (context.codes.length > 0) return undefined;
  const before = refusalBeforeDrop(context);
  if (before) return before;
  const error = event.error;
  if (!error) return event.labels !== undefined && context.closeCode === undefined && parserRefusedInLog(event) ? PARSER_REFUSED_IN_LOG : undefined;
  let unreadable = false;
  for (const hit of context.hits) {
    // A refusal without its reason ("handshake error", Ambiguity answer) is, in a server's words, the request's refusal.
    if (hit.rule === UNREADABLE_REQUEST_RULE || hit.ambiguity === 'answer') unreadable = true;
    else return undefined;
  }
  if (unreadable || HANDSHAKE_WORDS.test(error.name ?? '') || HANDSHAKE_WORDS.test(error.message ?? '')) return REQUEST_REFUSED;
  if (DECODER_REFUSAL.test(error.message ?? '') || DECODER_REFUSAL.test(error.name ?? '')) return UNDECODABLE_REQUEST;
  return undefined;
}
