// What a server's own error-level record says of the connection rather than of its application: the transport (I/O, a stream,
// the socket, the connection) failed, or the connection was found closed. Read only for server events with such a record.
import { errorRecordLines } from './server-log-levels.js';

// The transport named as what failed: an I/O, input/output or read/write stream, the socket, the TCP connection or transport,
// a pipe, followed by the failure ("Input Stream error", "socket error", "IO error", "connection broken", "transport closed").
// Rust's std::io::Error and its wrappers ("websocket error: Io(…)", http-ws's "Input Stream error" for the request body stream
// that carries the frames), Java's IOException ("java.io.IOException: Broken pipe" reads as a reset already), Python's OSError
// texts. A record naming a store or a service the application called (a database, cache or upstream "connection error") is
// the application's failure, not its peer's connection.
// @see https://doc.rust-lang.org/std/io/struct.Error.html, https://docs.rs/http-ws/latest/http_ws/enum.ProtocolError.html
const TRANSPORT_FAILED =
  /\b(?:i\/o|io|input|output|read|write|socket|tcp|transport|stream|connection|pipe)(?:[ _-]?(?:stream|socket))?[ _-](?:error|errors|failed|failure|broken|aborted|reset|eof|closed)\b/i;
const APPLICATION_STORE = /\b(?:database|db|sql|postgres\w*|mysql|sqlite|redis|mongo\w*|kafka|amqp|rabbitmq|upstream|backend|pool|cache|grpc|smtp|ldap|file)\b/i;

/** A server's error-level record that names its transport failing (and no store or service the application called). */
export function recordNamesTransport(message: string): string | undefined {
  for (const line of errorRecordLines(message)) {
    const found = TRANSPORT_FAILED.exec(line);
    if (found && !APPLICATION_STORE.test(line)) return found[0];
  }
  return undefined;
}

// A structured field whose whole value is the connection's closed state (`self=closed`, `error=ConnectionClosed`,
// `err="closed"`): tracing's and logfmt's key=value, the error's Display or Debug as the value.
// @see https://docs.rs/tracing/latest/tracing/#recording-fields, https://brandur.org/logfmt
const CLOSED_VALUE = /(?:^|\s)[\w.]+=\s?"?(?:connection[ _]?)?closed"?(?=\s|,|$)/i;

/** A server's error-level record whose error is stated as a closed connection (before any answer: the peer went away). */
export function recordStatesClosed(message: string): string | undefined {
  for (const line of errorRecordLines(message)) {
    const found = CLOSED_VALUE.exec(line);
    if (found) return found[0].trim();
  }
  return undefined;
}
