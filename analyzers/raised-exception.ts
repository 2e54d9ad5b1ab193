// The exception that escaped a server's handler, as the end of a Python traceback names it, and what its class says of the
// session: some classes *are* the peer's close (a framework raises them to tell the handler the client went away), some are an
// application's own failure whatever its words name. Pure text functions; read only on a server's text that holds a traceback.
// @see https://docs.python.org/3/library/traceback.html (the exception line follows the last frame, unindented: "<module>.<Class>: <message>")
import { findConcepts } from './concepts/scanner.js';
import type { SourcedFinding } from './candidate.js';
import { oncePerText } from './bounded-cache.js';

const TRACEBACK = 'Traceback (most recent call last)';
// "<dotted module path>.<Class>" or "<Class>", then ": <message>" or the line's end. The class's name is CamelCase.
const EXCEPTION_LINE = /^(?:[A-Za-z_]\w*\.)*([A-Z][a-z]\w*)(?::[ \t]|$)/;

/**
 * The classes a framework raises in the handler when the peer closed or went away: the exception is the disconnect itself,
 * not an application failure, so the close beside it (its code, or none) tells how the session ended. One source per row.
 */
const DISCONNECT_CLASSES: ReadonlyMap<string, string> = new Map([
  // Starlette's receive_text()/receive_json() on a "websocket.disconnect" message (FastAPI re-exports it).
  ['WebSocketDisconnect', 'starlette/websockets.py (class WebSocketDisconnect(Exception)) https://github.com/encode/starlette/blob/master/starlette/websockets.py'],
  // BlackSheep's WebSocket.receive() on a "websocket.disconnect" message: "The client closed the connection. WebSocket close code: N."
  ['WebSocketDisconnectError', 'blacksheep/server/websocket.py (disconnect: raise WebSocketDisconnectError(message["code"])) https://github.com/Neoteroi/BlackSheep/blob/main/blacksheep/server/websocket.py'],
  // websockets' recv()/send() once the connection is closed: OK for 1000/1001 received and sent, Error otherwise (or no Close frame).
  ['ConnectionClosed', 'websockets/exceptions.py (class ConnectionClosed) https://github.com/python-websockets/websockets/blob/main/src/websockets/exceptions.py'],
  ['ConnectionClosedOK', 'websockets/exceptions.py (class ConnectionClosedOK(ConnectionClosed)) https://github.com/python-websockets/websockets/blob/main/src/websockets/exceptions.py'],
  ['ConnectionClosedError', 'websockets/exceptions.py (class ConnectionClosedError(ConnectionClosed)) https://github.com/python-websockets/websockets/blob/main/src/websockets/exceptions.py'],
  // Falcon's WebSocket.receive_*()/send_*() once the client closed or the connection was lost (its `code` attribute holds the close code).
  ['WebSocketDisconnected', 'falcon/errors.py (class WebSocketDisconnected(ConnectionError)) https://github.com/falconry/falcon/blob/master/falcon/errors.py'],
  // Akka HTTP's exception for a Close frame the peer sent ("Peer closed connection with code 4001 'tls session ended'"): the
  // closing handshake, not a drop; its code and reason decide (round 25).
  ['PeerClosedConnectionException', 'akka/http/scaladsl/model/ws/PeerClosedConnectionException.scala (class PeerClosedConnectionException(closeCode, closeReason)) https://github.com/akka/akka-http/blob/main/akka-http-core/src/main/scala/akka/http/scaladsl/model/ws/PeerClosedConnectionException.scala'],
  // Tornado's WebSocketHandler.write_message() on a closed connection.
  ['WebSocketClosedError', 'tornado/websocket.py (class WebSocketClosedError(WebSocketError)) https://github.com/tornadoweb/tornado/blob/master/tornado/websocket.py'],
]);

/**
 * Python's built-in exceptions that no I/O raises (not OSError or its subclasses ConnectionError, TimeoutError, BrokenPipeError):
 * raised by the application's own code, their message's words ("redis connection lost") tell what the application was doing,
 * not how this session's transport ended.
 * @see https://docs.python.org/3/library/exceptions.html#exception-hierarchy
 */
const APPLICATION_CLASSES: ReadonlySet<string> = new Set([
  'Exception', 'RuntimeError', 'ValueError', 'TypeError', 'KeyError', 'IndexError', 'LookupError', 'AttributeError', 'AssertionError',
  'NameError', 'NotImplementedError', 'ZeroDivisionError', 'ArithmeticError', 'RecursionError', 'UnicodeDecodeError', 'UnicodeEncodeError',
]);

export interface RaisedException {
  /** The class's own name, without its module path. */
  readonly name: string;
  /** The exception line as printed. */
  readonly line: string;
}

/**
 * The exception the last traceback of the text ends in (the first line after its frames indented no deeper than the traceback's
 * header), or undefined. A logger that indents every line of a multi-line record (Twisted's log observers prefix each line after
 * the first with a tab: twisted/logger/_format.py formatEventAsClassicLogText) indents the header and the exception line alike:
 * the header's own indentation is the record's, and only deeper lines are frames.
 * @see https://github.com/twisted/twisted/blob/trunk/src/twisted/logger/_format.py
 */
export function raisedException(text: string): RaisedException | undefined {
  const at = text.lastIndexOf(TRACEBACK);
  if (at === -1) return undefined;
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const indent = /^[ \t]*$/.test(text.slice(lineStart, at)) ? text.slice(lineStart, at) : '';
  const lines = text.slice(at).split('\n');
  for (let i = 1; i < lines.length; i++) {
    const full = lines[i] as string;
    if (indent !== '' && !full.startsWith(indent)) return undefined;
    const line = full.slice(indent.length);
    if (line.length === 0 || line[0] === ' ' || line[0] === '\t') continue;
    const match = EXCEPTION_LINE.exec(line);
    return match ? { name: match[1] as string, line: full } : undefined;
  }
  return undefined;
}

/** Whether the server's traceback ends in the framework's exception for the peer's close: the disconnect, no failure. */
export function raisedDisconnect(text: string): boolean {
  const raised = raisedException(text);
  return raised !== undefined && DISCONNECT_CLASSES.has(raised.name);
}

/**
 * Whether reset words of the text lie only in the message of an application's own uncaught exception (a built-in class no I/O
 * raises): the words are the application's account of another resource, and the exception escaping the handler is the session's
 * end. A reset named anywhere else in the text (a line before the traceback, a ConnectionResetError) is this session's transport.
 */
export function resetWordsOnlyInApplicationException(text: string): boolean {
  const raised = raisedException(text);
  if (raised === undefined || !APPLICATION_CLASSES.has(raised.name)) return false;
  const out: SourcedFinding[] = [];
  findConcepts('error.message', withoutRestatements(text.replace(raised.line, ''), raised.line), out);
  for (const finding of out) if (finding.cause === 'network_reset') return false;
  return true;
}

/**
 * The text without the lines that restate the raised exception's message (round 36, eng-d1): a server that reports the exception
 * again as the reason its connection ended (Twisted calls connectionLost() with the Failure of an exception dataReceived() raised,
 * twisted/internet/tcp.py _dataReceived, and a protocol logs "connection lost: RuntimeError: handler failed …") names the
 * exception there, not a drop of the transport. Only a message of some length is matched (a short one may be any line's words).
 * @see https://github.com/twisted/twisted/blob/trunk/src/twisted/internet/tcp.py (Connection._dataReceived)
 */
function withoutRestatements(text: string, exceptionLine: string): string {
  const colon = exceptionLine.indexOf(': ');
  const message = colon === -1 ? '' : exceptionLine.slice(colon + 2).trim();
  if (message.length < 12) return text;
  return text
    .split('\n')
    .filter((line) => !line.includes(message))
    .join('\n');
}

// Read once per distinct name: a name with a module path would otherwise be sliced, hashed and looked up for every event.
/**
 * Whether an error's name is a framework's disconnect class ("WebSocketDisconnected", "falcon.errors.WebSocketDisconnected"): the
 * name is the peer's close as the framework hands it to the application, not a drop; the close code beside it decides.
 */
export const isDisconnectClassName = oncePerText(disconnectClassNamed);

function disconnectClassNamed(name: string): boolean {
  const dot = name.lastIndexOf('.');
  const source = DISCONNECT_CLASSES.get(name.slice(dot + 1));
  if (source === undefined) return false;
  // A module path must be the cited framework's own: simple_websocket.errors.ConnectionClosed is another library's class of the
  // same name (raised for a close without a Close frame too).
  return dot === -1 || name.slice(0, name.indexOf('.')) === source.slice(0, source.indexOf('/'));
}

/** The citation of a disconnect class (for tests and docs). */
export const disconnectClassSource = (name: string): string | undefined => DISCONNECT_CLASSES.get(name);
