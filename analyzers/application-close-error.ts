// An application close code (3000-4999) that a server sent beside its own error object: the error says why it closed
// (conventions 11 and 17: an application code is read by its words; a server's own record of why it ended a session decides).
// RFC 6455 §7.4.2 gives the 3000-4999 range no meaning of its own, so the code says nothing the error does not.
// @see https://www.rfc-editor.org/rfc/rfc6455#section-7.4.2
import type { Finding } from './candidate.js';
import type { EvidenceContext } from './evidence-context.js';

// An error object's record: an exception class's name before its message ("Error: …", "ServerError: …", "RoomException: …"),
// as JavaScript's Error.prototype.toString, Python's traceback tail and Java's Throwable.toString print it, or such a class as
// the error's name.
// @see https://tc39.es/ecma262/#sec-error.prototype.tostring, https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/lang/Throwable.html#toString()
const EXCEPTION_RECORD = /^(?:[\w$.]+\.)?(?:[A-Z]\w*)?(?:Error|Exception): \S/;
/** An exception class's name ("TypeError", "Error", "RuntimeException"): the error object the application raised. */
export const EXCEPTION_CLASS = /^(?:[\w$.]+\.)?(?:[A-Z]\w*)?(?:Error|Exception)$/;

/**
 * Whether a server closed with an application code (3000-4999) beside its own error object: the server is the event's source
 * and named as closing, the code no Close frame told it (its own close), and the error a raised exception's record.
 */
export function applicationCodeBesideOwnError(context: EvidenceContext): boolean {
  const { source, close, error } = context.event;
  const code = context.closeCode;
  if (code === undefined || code < 3000 || code > 4999 || source.kind !== 'server' || close?.initiator !== 'server' || error === undefined) return false;
  // A reason of its own is the close's words (convention 11 reads them): only a close without one yields to the error.
  if (close.reason) return false;
  return EXCEPTION_RECORD.test(error.message ?? '') || EXCEPTION_CLASS.test(error.name ?? '');
}

// The server's own code failing in the error's words: a handler, callback or listener that failed, threw or crashed ("lab handler
// failure", "message handler threw", "error in onMessage callback"): an unexpected condition in the server, RFC 6455 §7.4.1's 1011.
const HANDLER = String.raw`(?:handler|callback|listener|hook)s?`;
const OWN_CODE_FAILED = new RegExp(String.raw`\b${HANDLER}\W{1,3}(?:has\W+)?(?:fail(?:ed|ure|s)?|threw|thrown|crash(?:ed)?|raised|error)\b|\b(?:error|exception|failure|crash) (?:in|inside|from) (?:the |an? )?(?:[\w.]+ ){0,2}${HANDLER}\b`, 'i');

const OWN_CODE_FAILURE: Finding = { cause: 'server_error', confidence: 0.45, evidence: { kind: 'error.message', detail: "an application close code the server sent beside its own exception naming its handler failing: the server's code failed the session → server_error (rule inferred.application_code_own_error, RFC 6455 §7.4.1: 1011, §7.4.2)" } };
const FAILED_WITHOUT_CAUSE: Finding = { cause: 'unknown_failure', confidence: 0.4, evidence: { kind: 'error.message', detail: "an application close code the server sent beside its own exception, which says something failed but names no cause → unknown_failure (rule inferred.application_code_own_error, RFC 6455 §7.4.2)" } };

/** The reading of such an error where no text names a cause: its handler failing, or a failure without a cause. */
export function applicationCodeErrorFinding(message: string | undefined): Finding {
  return message !== undefined && OWN_CODE_FAILED.test(message) ? OWN_CODE_FAILURE : FAILED_WITHOUT_CAUSE;
}

/**
 * Whether a client closed cleanly (its own 1000) after a carried protocol's error with an application code (3000-4999) on the error
 * object (round 33, eng-a2): Pusher's `pusher:error` {code, message}, after which Pysher's error handler calls disconnect() and
 * websocket-client sends 1000 itself. The protocol's error is the session's end, read by its words as convention 11 reads an
 * application code; the library's own clean close that follows is its reaction, no cause. The Pusher protocol gives its codes
 * meaning (4000-4099 don't reconnect, 4100-4199 reconnect after backoff, 4200-4299 reconnect now); RFC 6455 §7.4.2 gives the range none.
 * @see https://pusher.com/docs/channels/library_auth_reference/pusher-websockets-protocol/#error-codes
 * @see https://www.rfc-editor.org/rfc/rfc6455#section-7.4.2
 */
export function carriedErrorBeforeOwnClose(context: EvidenceContext): boolean {
  const { source, close, error } = context.event;
  if (context.closeCode !== 1000 || source.kind !== 'client' || close?.initiator !== 'client' || error === undefined) return false;
  const code = error.code;
  return typeof code === 'number' && code >= 3000 && code <= 4999;
}

/** The reading of such an error where no text names a cause. */
export const CARRIED_ERROR_UNNAMED: Finding = { cause: 'unknown_failure', confidence: 0.4, evidence: { kind: 'error.code', detail: "a carried protocol's error with an application code (3000-4999) before the client's own clean close: the error ended the session, and its words name no cause → unknown_failure (rule inferred.carried_error_before_close, RFC 6455 §7.4.2, convention 11)" } };
