// Issue 11, round 29 (eng-w2, 1.5.88): holdout-36's client families in general form. A key called invalid, wrong or bad, said of
// the server's answer (the Sec-WebSocket-Accept check, RFC 6455 §4.1 step 4) beside the API's made-up 1006; an error's chained
// cause recorded in a label (Python's __cause__, Java's "Caused by", Rust's source()) read where the message alone is generic;
// an application protocol's reply error in the internal-error words after the 101. Texts are written for these tests in the
// wordings of the family (JSON-RPC 2.0's -32603 "Internal error", h11's "illegal status line", Java's and Rust's errno texts);
// none is a line of a held-out set.
import { describe, expect, it } from 'vitest';
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { verdictOf } from './event-builder.js';

// A client that got its 101, refused the answer and reports a 1006 it made up (no Close frame came).
const refused101 = (message: string): Partial<TelemetryEventInput> => ({
  target: { url: 'ws://api.example.com/socket' },
  handshake: { status: 101 },
  close: { code: 1006, on_wire: false },
  error: { message },
});

describe("a key called bad, said of the server's answer: the accept check, other/protocol_error over the made-up 1006", () => {
  it.each([
    ['the server named as returning it', 'server returned a wrong key'],
    ['the key in the response', 'handshake: bad key in server response'],
    ['the peer answering it', 'peer answered with an incorrect key'],
  ])('%s', (_label, message) => {
    expect(verdictOf(refused101(message))).toBe('other/protocol_error');
  });

  it('with no status and no close, the words alone', () => {
    expect(verdictOf({ target: { url: 'ws://api.example.com/socket' }, error: { message: 'received an invalid key from the server' } })).toBe('other/protocol_error');
  });

  it.each([
    ["a server's key file", 'invalid server key file /etc/ssl/server.key'],
    ["OpenSSL loading a server's private key", 'SSL_CTX_use_PrivateKey_file: invalid server key'],
    ["an SSH host key", 'wrong host key received from server 192.0.2.7'],
  ])('%s is no accept check', (_label, message) => {
    expect(verdictOf({ target: { url: 'ws://api.example.com/socket' }, error: { message } })).not.toBe('other/protocol_error');
  });

  it('an API key refused in the answer stays a credential refusal', () => {
    expect(verdictOf({ target: { url: 'ws://api.example.com/socket' }, error: { message: 'invalid API key in server response' } })).not.toBe('other/protocol_error');
  });

  it('a made-up 1006 after a 101 with no text stays the drop it was', () => {
    expect(verdictOf({ target: { url: 'ws://api.example.com/socket' }, handshake: { status: 101 }, close: { code: 1006, on_wire: false } })).toBe('other/abnormal_closure');
  });
});

describe("an error's chained cause in a label, read where the message alone is generic", () => {
  const wrapped = (message: string, labels: Record<string, string>): Partial<TelemetryEventInput> => ({ target: { url: 'ws://api.example.com/socket' }, error: { message }, labels });

  it.each([
    ["Python's __cause__ (error_cause): a status line that is no HTTP", 'did not receive a valid HTTP response', { error_cause: "h11._util.RemoteProtocolError: illegal status line: bytearray(b'SSH-2.0-OpenSSH_8.9')" }, 'other/protocol_error'],
    ["Python's __cause__ (cause): the stream ended", 'did not receive a valid HTTP response', { cause: 'EOFError: stream ends after 0 bytes, before end of line' }, 'other/network_reset'],
    ["Java's Caused by (caused_by) under a generic refusal", 'WebSocket upgrade failed', { caused_by: 'java.net.ConnectException: Connection refused' }, 'other/connection_refused'],
    ["Rust's source() (error_source) under a message naming nothing", 'client error', { error_source: 'Connection refused (os error 111)' }, 'other/connection_refused'],
    ['a root cause (root_cause)', 'did not receive a valid HTTP response', { root_cause: 'ValueError: invalid HTTP status line: \\x15\\x03\\x01' }, 'other/protocol_error'],
  ])('%s', (_label, message, labels, verdict) => {
    expect(verdictOf(wrapped(message, labels))).toBe(verdict);
  });

  it("a note's words are the maker's, never the error's", () => {
    // The wrapper alone names no cause (convention 6, session 33; 1.5.118): unknown_failure, never the note's words.
    expect(verdictOf(wrapped('did not receive a valid HTTP response', { note: 'TRUTH: invalid HTTP status line from a non-HTTP server' }))).toBe('other/unknown_failure');
  });

  it('a message that names its own cause keeps it', () => {
    expect(verdictOf(wrapped('Connection refused', { error_cause: 'ValueError: invalid HTTP status line: SSH-2.0' }))).toBe('other/connection_refused');
  });

  it('a label that is no cause (a log, a reason) is not read as one', () => {
    expect(verdictOf(wrapped('did not receive a valid HTTP response', { because: 'invalid HTTP status line', reason_text: 'invalid HTTP status line' }))).toBe('other/unknown_failure');
  });
});

describe("an application protocol's reply error in the internal-error words after the 101: other/server_error", () => {
  it.each([
    ["JSON-RPC 2.0's -32603", 'JSON-RPC error -32603: Internal error'],
    ["gRPC's Internal code in words", 'rpc error: code = Internal desc = internal server error'],
  ])('%s, with a 101 recorded', (_label, message) => {
    expect(verdictOf({ target: { url: 'ws://api.example.com/socket' }, handshake: { status: 101 }, error: { message } })).toBe('other/server_error');
  });

  it('on a session that opened and ended (outcome closed) with no close code', () => {
    expect(verdictOf({ target: { url: 'ws://api.example.com/socket' }, outcome: 'closed', error: { message: 'subscribe failed: internal error' } })).toBe('other/server_error');
  });

  it('before the upgrade succeeded the words are no session reply', () => {
    expect(verdictOf({ target: { url: 'ws://api.example.com/socket' }, error: { message: 'internal server error' } })).toBe('other/unknown_failure');
  });

  it('an HTTP 500 stated in the text stays the refused upgrade', () => {
    expect(verdictOf({ target: { url: 'ws://api.example.com/socket' }, error: { message: 'HTTP 500 Internal Server Error' } })).toBe('other/http_rejected');
  });

  it("a Close frame's 1011 keeps its own reading", () => {
    expect(verdictOf({ target: { url: 'ws://api.example.com/socket' }, outcome: 'closed', handshake: { status: 101 }, close: { code: 1011, on_wire: true, reason: 'internal error' }, error: { message: 'internal error' } })).toBe('other/server_error');
  });
});
