// Two readings of a reader's own failure (round 41, r41-a): an HTTP reader whose data ended before the answer was read (the
// connection's EOF, not a decoder's malformed input), and a server's record that the peer's bytes of an open session did not parse.
import { oncePerText } from './bounded-cache.js';
import type { Finding, SourcedFinding } from './candidate.js';

// An HTTP message reader's exception class (the last segment of a qualified name): ActiveJ's MalformedHttpException and
// HttpParseException, any "…Http…Exception"/"…HTTP…Error". The name says the data being read was an HTTP message, so its end is
// the connection's end, not a payload's.
const HTTP_READER_CLASS = /(?:^|[.:$])\w*(?:Http|HTTP)\w*(?:Exception|Error)$/;

/**
 * A data-end phrase ("Unexpected end of data", concept.data_cut_short) raised by an HTTP message reader before any answer was read:
 * ActiveJ's `AbstractHttpConnection.ReadConsumer` throws `MalformedHttpException("Unexpected end of data")` when the socket's read
 * returns end of stream (null) on a connection not idle in its keep-alive pool, i.e. the peer closed before its answer was whole.
 * That is an EOF with no TLS word: `network_reset` by the reset/EOF convention (2), not malformed data (RFC 6455 §7.4.1's 1007 is for
 * a message's payload, and there was no message). Only with no status and no 101 recorded (a 101 read means the HTTP answer was
 * whole and the data that ended was a frame's).
 * @see https://github.com/activej/activej/blob/master/core-http/src/main/java/io/activej/http/AbstractHttpConnection.java (ReadConsumer.accept)
 */
export function answerCutShort(hit: SourcedFinding, errorName: string | undefined, status: number | undefined): Finding | undefined {
  if (status !== undefined || errorName === undefined || !HTTP_READER_CLASS.test(errorName)) return undefined;
  const detail = `${hit.evidence.detail}; decided network_reset: the reader that ran out is an HTTP message reader (${errorName}) with no answer read, so the connection ended before the answer (rule inferred.answer_cut_short, convention 2)`;
  return { cause: 'network_reset', confidence: hit.confidence + 0.02, evidence: { kind: hit.evidence.kind, detail } };
}

// A parse failure named in a server's own error record: "parse error" (ejabberd_http_ws substitutes the binary <<"parse error">> for
// a WebSocket message whose XML fxml_stream could not parse, and its c2s process crashes on it), "parsing failed", "failed to parse",
// "could not parse", "unparsable", XMPP's stream error "not-well-formed" (RFC 6120 §4.9.3.13: the entity sent XML that is not
// well-formed), "xmlstreamerror". A config file's parse failure names its file ("config", ".yml"): no peer's bytes.
// @see https://github.com/processone/ejabberd/blob/master/src/ejabberd_http_ws.erl (parse/2)
// @see https://www.rfc-editor.org/rfc/rfc6120#section-4.9.3.13
const PARSE_FAILED = /\bpars(?:e|ing)[ _-]?(?:error|failed|failure)\b|\b(?:failed|unable|could ?n[o']t|cannot|can't)\s+(?:to\s+)?parse\b|\bunparsa?ble\b|\bnot[ _-]well[ _-]formed\b|\bxmlstreamerror\b/i;
const NOT_PEER_BYTES = /\bconfig(?:uration)?\b|\.(?:ya?ml|toml|ini|conf|json)\b|\b(?:TLS|SSL)\b|\bcertificate\b/i;
const namesParseFailure = oncePerText((message: string): boolean => PARSE_FAILED.test(message) && !NOT_PEER_BYTES.test(message));

const UNPARSED_AFTER_OPEN: Finding = {
  cause: 'protocol_error',
  confidence: 0.4,
  evidence: {
    kind: 'error.message',
    detail: "the server's own error record of a session that opened names a parse failure: the peer's bytes did not parse, and the server ended the session for it (rule inferred.peer_bytes_unparsed, convention 17, RFC 6455 §7.4.1: 1002/1007)",
  },
};

/** A server's own error on a session that opened, naming a parse failure of what it read, or undefined. */
export function peerBytesUnparsed(message: string | undefined): Finding | undefined {
  return message !== undefined && message !== '' && namesParseFailure(message) ? UNPARSED_AFTER_OPEN : undefined;
}
