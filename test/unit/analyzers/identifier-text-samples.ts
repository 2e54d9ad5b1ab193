// Causes named in identifiers (round 8, eng-m): the error enum variants, exception classes and error constants that
// WebSocket libraries hand applications, as the platform prints them (Rust Debug, Go %v, Java/Kotlin/C# class names
// with toString, Python type names, Swift enum cases, C constants), each read by the cause its source gives it. Rows
// are written from each library's source (the enum or constant and the code that raises it), filled with example
// values; none is a copy of a fixture line. Modes: 'handshake' = the upgrade failed (outcome failed, no status), 'open'
// = the session had opened (101, outcome closed) and ended in this error, 'clean' = the same after a 1000 close by the
// server (negatives: a library's closed-state error after a clean close names no failure).
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import type { SourcedTextRow } from './sourced-text-row.js';

export type IdentifierMode = 'handshake' | 'open' | 'clean';

export interface IdentifierRow extends SourcedTextRow {
  readonly library: string;
  readonly mode: IdentifierMode;
}

type Fields = { name?: string; code?: string };

function inputFor(mode: IdentifierMode, message: string, fields: Fields): Partial<TelemetryEventInput> {
  const error = { ...(message ? { message } : {}), ...(fields.name ? { name: fields.name } : {}), ...(fields.code ? { code: fields.code } : {}) };
  if (mode === 'handshake') return { outcome: 'failed', error };
  if (mode === 'open') return { outcome: 'closed', handshake: { status: 101 }, error };
  return { outcome: 'closed', handshake: { status: 101 }, close: { code: 1000, initiator: 'server' }, error };
}

/** Rows of one library and source: `(mode, cause, message, fields?)`; a clean cause is 'none', every other row is 'other'. */
function lib(library: string, source: string) {
  return (mode: IdentifierMode, cause: string, message: string, fields: Fields = {}): IdentifierRow => {
    const none = cause === 'normal_closure' || cause === 'connected';
    return { library, mode, input: inputFor(mode, message, fields), attribution: none ? 'none' : 'other', cause, source };
  };
}

// --- sources (one per file or document) ---
const tungstenite = lib('tungstenite', 'snapshot/tungstenite-rs src/error.rs (Error, ProtocolError, CapacityError, SubProtocolError; Debug and Display)');
const fastws = lib('fastwebsockets', 'denoland/fastwebsockets src/error.rs (WebSocketError, thiserror Display)');
const soketto = lib('soketto', 'paritytech/soketto src/base.rs, src/connection.rs, src/handshake.rs (Error enums, Debug)');
const pyws = lib('websockets (Python)', 'python-websockets/websockets src/websockets/exceptions.py, frames.py, client.py (exception classes, str())');
const wsproto = lib('wsproto', 'python-hyper/wsproto src/wsproto/frame_protocol.py, handshake.py (ParseFailed, RemoteProtocolError, CloseReason)');
const netty = lib('Netty', 'netty/netty codec-http io/netty/handler/codec/http/websocketx (WebSocket08FrameDecoder, WebSocketClientHandshaker13, exceptions)');
const jetty = lib('Jetty', 'jetty/jetty.project jetty-websocket-core-common (Parser, FrameFlusher) and websocket api exceptions (UpgradeException, MessageTooLargeException, ProtocolException)');
const okhttp = lib('OkHttp', 'square/okhttp okhttp/src/commonJvmAndroid/kotlin/okhttp3/internal/ws/WebSocketReader.kt, RealWebSocket.kt (ProtocolException texts)');
const starscream = lib('Starscream', 'daltoniam/Starscream Sources/Framer/Framer.swift, Sources/Framer/HTTPHandler.swift (WSError, ErrorType, HTTPUpgradeError)');
const dotnet = lib('.NET', 'dotnet/runtime src/libraries/System.Net.WebSockets/src/System/Net/WebSockets/WebSocketError.cs; learn.microsoft.com/dotnet/api/system.net.websockets.websocketerror');
const beast = lib('Boost.Beast', 'boostorg/beast include/boost/beast/websocket/error.hpp, impl/error.ipp (websocket::error enum and messages)');
const gobwas = lib('gobwas/ws', 'gobwas/ws errors.go, dialer.go, read.go (ErrHandshakeBad*, ErrProtocol* variables and texts)');
const coder = lib('coder/websocket', 'coder/websocket read.go, dial.go, close.go (nhooyr.io/websocket texts and StatusCode names)');
const gorilla = lib('gorilla/websocket', 'gorilla/websocket conn.go (handleProtocolError texts), client.go');
const lws = lib('libwebsockets', 'warmcat/libwebsockets lib/roles/ws/client-ws.c (LWS_CALLBACK_CLIENT_CONNECTION_ERROR reasons "HS: …")');
const javaWs = lib('Java-WebSocket', 'TooTallNate/Java-WebSocket src/main/java/org/java_websocket/exceptions (InvalidFrameException, LimitExceededException, InvalidHandshakeException), drafts/Draft_6455.java');
const ktor = lib('Ktor', 'ktorio/ktor ktor-shared/ktor-websockets (ProtocolViolationException, FrameTooBigException) and CloseReason.Codes');
const websocketSharp = lib('websocket-sharp', 'sta/websocket-sharp websocket-sharp/WebSocket.cs, CloseStatusCode.cs (error texts, CloseStatusCode enum)');
const nvws = lib('nv-websocket-client', 'TakahikoKawasaki/nv-websocket-client src/main/java/com/neovisionaries/ws/client/WebSocketError.java, ReadingThread.java');

/** Causes named in identifiers and texts; every row is 'other'. */
export const identifierRows: readonly IdentifierRow[] = [
  // tungstenite: Debug of Error::Protocol(ProtocolError::…) and Error::Capacity(CapacityError::…)
  tungstenite('open', 'message_too_big', 'Capacity(MessageTooLong { size: 16777217, max_size: 16777216 })'),
  tungstenite('open', 'protocol_error', 'Protocol(NonZeroReservedBits)'),
  tungstenite('open', 'protocol_error', 'Protocol(MaskedFrameFromServer)'),
  tungstenite('open', 'protocol_error', 'Protocol(FragmentedControlFrame)'),
  tungstenite('open', 'protocol_error', 'Protocol(ControlFrameTooBig)'),
  tungstenite('open', 'protocol_error', 'Protocol(UnknownControlFrameType(11))'),
  tungstenite('open', 'protocol_error', 'Protocol(UnknownDataFrameType(3))'),
  tungstenite('open', 'protocol_error', 'Protocol(UnexpectedContinueFrame)'),
  tungstenite('open', 'protocol_error', 'Protocol(ExpectedFragment(Text))'),
  tungstenite('open', 'protocol_error', 'Protocol(InvalidOpcode(3))'),
  { ...tungstenite('open', 'protocol_error', 'Protocol(InvalidCloseSequence)'), knownMiss: 'a close payload of one byte named a "close sequence": no frame word (read as a drop, no longer as a subprotocol)' },
  tungstenite('open', 'abnormal_closure', 'Protocol(ResetWithoutClosingHandshake)'),
  tungstenite('handshake', 'protocol_error', 'Protocol(SecWebSocketAcceptKeyMismatch)'),
  tungstenite('handshake', 'protocol_error', 'Protocol(MissingConnectionUpgradeHeader)'),
  tungstenite('handshake', 'protocol_error', 'Protocol(MissingUpgradeWebSocketHeader)'),
  tungstenite('handshake', 'protocol_error', 'Protocol(WrongHttpVersion)'),
  tungstenite('handshake', 'subprotocol_mismatch', 'Protocol(SecWebSocketSubProtocolError(ServerSentSubProtocolNoneRequested))'),
  tungstenite('handshake', 'subprotocol_mismatch', 'Protocol(SecWebSocketSubProtocolError(InvalidSubProtocol))'),
  tungstenite('handshake', 'subprotocol_mismatch', 'Protocol(SecWebSocketSubProtocolError(NoSubProtocol))'),
  tungstenite('open', 'message_too_big', 'Space limit exceeded: Message too long: 2097152 > 1048576'),
  // fastwebsockets: the variant by name (Debug) and its Display
  fastws('open', 'protocol_error', 'InvalidFragment'),
  fastws('open', 'protocol_error', 'InvalidContinuationFrame'),
  fastws('open', 'protocol_error', 'ControlFrameFragmented'),
  fastws('open', 'protocol_error', 'PingFrameTooLarge'),
  fastws('open', 'protocol_error', 'InvalidCloseCode'),
  fastws('open', 'protocol_error', 'InvalidCloseFrame'),
  fastws('open', 'protocol_error', 'InvalidUTF8'),
  fastws('handshake', 'http_rejected', 'InvalidStatusCode(403)'),
  fastws('handshake', 'protocol_error', 'InvalidConnectionHeader'),
  // soketto: connection::Error, base::Error, handshake::Error (Debug)
  soketto('open', 'protocol_error', 'Codec(ReservedOpCode)'),
  soketto('open', 'protocol_error', 'Codec(UnknownOpCode)'),
  soketto('open', 'protocol_error', 'Codec(FragmentedControl)'),
  soketto('open', 'protocol_error', 'Codec(InvalidControlFrameLen)'),
  soketto('open', 'protocol_error', 'Codec(InvalidReservedBit(4))'),
  soketto('open', 'message_too_big', 'Codec(PayloadTooLarge { actual: 16777216, maximum: 268435456 })'),
  soketto('open', 'message_too_big', 'MessageTooLarge { current: 2097152, maximum: 1048576 }'),
  soketto('open', 'protocol_error', 'UnexpectedOpCode(Continue)'),
  soketto('handshake', 'protocol_error', 'InvalidSecWebSocketAccept'),
  soketto('handshake', 'subprotocol_mismatch', 'UnsolicitedProtocol'),
  soketto('handshake', 'protocol_error', 'HeaderNotFound("Sec-WebSocket-Accept")'),
  soketto('handshake', 'protocol_error', 'UnexpectedHeader("Upgrade")'),
  soketto('handshake', 'protocol_error', 'UnsupportedHttpVersion'),
  // Python websockets: the exception class as the name, str() as the message; or the class alone
  pyws('open', 'message_too_big', '', { name: 'PayloadTooBig' }),
  pyws('open', 'message_too_big', 'frame with 1048577 bytes exceeds limit of 1048576 bytes', { name: 'websockets.exceptions.PayloadTooBig' }),
  pyws('open', 'protocol_error', 'reserved bits must be 0', { name: 'websockets.exceptions.ProtocolError' }),
  pyws('open', 'protocol_error', 'invalid opcode: 3', { name: 'websockets.exceptions.ProtocolError' }),
  pyws('open', 'protocol_error', 'incorrect masking', { name: 'websockets.exceptions.ProtocolError' }),
  pyws('handshake', 'protocol_error', 'invalid Upgrade header: h2c', { name: 'InvalidUpgrade' }),
  pyws('handshake', 'protocol_error', 'invalid Sec-WebSocket-Accept header: q8Ff1Yy+1PKPSf/pM7Xs5w==', { name: 'InvalidHeaderValue' }),
  pyws('handshake', 'subprotocol_mismatch', 'unsupported subprotocol: chat.v2', { name: 'NegotiationError' }),
  // wsproto
  wsproto('open', 'protocol_error', 'Reserved bits set unexpectedly', { name: 'ParseFailed' }),
  wsproto('open', 'protocol_error', 'Fragmented control frame', { name: 'ParseFailed' }),
  wsproto('handshake', 'protocol_error', "Missing header, 'Upgrade: WebSocket'", { name: 'RemoteProtocolError' }),
  // Netty websocketx: class names with and without their message
  netty('open', 'protocol_error', '', { name: 'io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException' }),
  netty('open', 'protocol_error', 'io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException: RSV != 0 and no extension negotiated, RSV:4'),
  netty('open', 'protocol_error', 'io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException: received a frame that is not masked as expected'),
  netty('open', 'message_too_big', 'io.netty.handler.codec.TooLongFrameException: Max frame length of 65536 has been exceeded.'),
  netty('open', 'message_too_big', '', { name: 'io.netty.handler.codec.TooLongFrameException' }),
  netty('handshake', 'protocol_error', 'io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException: Invalid challenge. Actual: dGhlIHNhbXBsZSBub25jZQ==. Expected: s3pPLMBiTxaQ9kYGzzhZRbK+xOo='),
  // Jetty
  jetty('open', 'message_too_big', '', { name: 'org.eclipse.jetty.websocket.api.exceptions.MessageTooLargeException' }),
  jetty('open', 'message_too_big', 'org.eclipse.jetty.websocket.api.exceptions.MessageTooLargeException: Text message too large: (actual) 70000 > (configured max text message size) 65536'),
  jetty('open', 'protocol_error', 'org.eclipse.jetty.websocket.core.exception.ProtocolException: RSV1 not allowed to be set'),
  jetty('open', 'protocol_error', 'org.eclipse.jetty.websocket.core.exception.ProtocolException: Unknown opcode: 3'),
  jetty('open', 'protocol_error', 'org.eclipse.jetty.websocket.core.exception.ProtocolException: Invalid control frame payload length, [130] cannot exceed [125]'),
  jetty('handshake', 'protocol_error', 'org.eclipse.jetty.websocket.core.exception.UpgradeException: Invalid Sec-WebSocket-Accept hash (was:abc=, expected:s3pPLMBiTxaQ9kYGzzhZRbK+xOo=)'),
  // OkHttp
  okhttp('open', 'protocol_error', 'java.net.ProtocolException: Control frame must be less than 125B.'),
  okhttp('open', 'protocol_error', 'java.net.ProtocolException: Expected continuation opcode. Got: 1'),
  // Starscream
  starscream('open', 'protocol_error', 'WSError(type: Starscream.ErrorType.protocolError, message: "masked and rsv data is not currently supported", code: 1002)'),
  starscream('open', 'protocol_error', 'WSError(type: Starscream.ErrorType.protocolError, message: "unknown opcode: 3", code: 1002)'),
  starscream('open', 'protocol_error', 'WSError(type: Starscream.ErrorType.protocolError, message: "control frames can\'t be fragmented", code: 1002)'),
  // .NET: the WebSocketError value as the error code
  { ...dotnet('handshake', 'http_rejected', '', { name: 'System.Net.WebSockets.WebSocketException', code: 'NotAWebSocket' }), knownMiss: '.NET enum members are read only after their type name (WebSocketError.NotAWebSocket), by design' },
  dotnet('handshake', 'subprotocol_mismatch', '', { name: 'System.Net.WebSockets.WebSocketException', code: 'UnsupportedProtocol' }),
  { ...dotnet('handshake', 'protocol_error', '', { name: 'System.Net.WebSockets.WebSocketException', code: 'HeaderError' }), knownMiss: '.NET enum members are read only after their type name, by design' },
  { ...dotnet('open', 'protocol_error', '', { name: 'System.Net.WebSockets.WebSocketException', code: 'InvalidMessageType' }) }, // read since 1.5.29 (merge with eng-l: concept.message_sequence reads message + type + invalid in the code)
  dotnet('open', 'abnormal_closure', '', { name: 'System.Net.WebSockets.WebSocketException', code: 'ConnectionClosedPrematurely' }),
  // Boost.Beast: the enum by its qualified name, and its message
  beast('open', 'protocol_error', 'websocket::error::bad_reserved_bits'),
  beast('open', 'protocol_error', 'websocket::error::bad_opcode'),
  beast('open', 'protocol_error', 'websocket::error::bad_masked_frame'),
  beast('open', 'protocol_error', 'websocket::error::bad_control_fragment'),
  beast('open', 'protocol_error', 'websocket::error::bad_close_code'),
  beast('open', 'message_too_big', 'websocket::error::message_too_big'),
  beast('handshake', 'protocol_error', 'websocket::error::bad_sec_accept'),
  beast('handshake', 'protocol_error', 'websocket::error::no_upgrade_websocket'),
  beast('handshake', 'protocol_error', 'websocket::error::no_connection_upgrade'),
  beast('handshake', 'protocol_error', 'websocket::error::bad_http_version'),
  beast('open', 'message_too_big', 'The WebSocket message exceeded the locally configured limit [boost.beast.websocket:4]'),
  beast('handshake', 'protocol_error', 'The WebSocket handshake Sec-WebSocket-Accept field is invalid [boost.beast.websocket:18]'),
  // gobwas/ws: the variables' texts (Go prints the text)
  gobwas('handshake', 'protocol_error', 'handshake error: bad "Sec-WebSocket-Accept" header'),
  gobwas('handshake', 'protocol_error', 'handshake error: bad "Upgrade" header'),
  gobwas('handshake', 'protocol_error', 'handshake error: bad HTTP protocol version'),
  gobwas('open', 'protocol_error', 'use of reserved op code'),
  gobwas('open', 'protocol_error', 'non-zero rsv bits with no extension negotiated'),
  gobwas('open', 'protocol_error', 'frames from server to client must be not masked'),
  gobwas('open', 'protocol_error', 'control frame payload limit exceeded'),
  // coder/websocket (nhooyr)
  coder('open', 'protocol_error', 'failed to read frame header: received header with unexpected rsv bits set: true, false, false'),
  coder('open', 'protocol_error', 'received unknown opcode opcode(3)'),
  { ...coder('open', 'message_too_big', 'failed to get reader: read limited at 32769 bytes'), knownMiss: '"read limited at N bytes": a limit worded by the participle and a byte count, no exceed word' },
  coder('handshake', 'protocol_error', 'failed to WebSocket dial: WebSocket protocol violation: invalid Sec-WebSocket-Accept "abc=", key "dGhlIHNhbXBsZSBub25jZQ=="'),
  // gorilla/websocket: handleProtocolError texts
  gorilla('open', 'protocol_error', 'websocket: RSV2 set'),
  gorilla('open', 'protocol_error', 'websocket: RSV3 set'),
  gorilla('open', 'protocol_error', 'websocket: control frame length > 125'),
  gorilla('open', 'protocol_error', 'websocket: continuation after final message frame'),
  // libwebsockets
  { ...lws('handshake', 'protocol_error', 'HS: ACCEPT missing'), knownMiss: '"HS" (handshake) and a bare ACCEPT: no accept-key phrase' },
  { ...lws('handshake', 'protocol_error', 'HS: Upgrade to something other than websocket'), knownMiss: 'an Upgrade value refused in words ("other than") no class lists' },
  // Java-WebSocket
  javaWs('open', 'protocol_error', 'org.java_websocket.exceptions.InvalidFrameException: bad rsv 4'),
  javaWs('open', 'message_too_big', 'org.java_websocket.exceptions.LimitExceededException: Payload limit reached.'),
  javaWs('open', 'protocol_error', '', { name: 'org.java_websocket.exceptions.InvalidFrameException' }),
  // Ktor
  ktor('open', 'message_too_big', 'io.ktor.websocket.FrameTooBigException: Frame is too big: 2097152'),
  ktor('open', 'protocol_error', 'io.ktor.websocket.ProtocolViolationException: Received frame with reserved opcode 3'),
  ktor('open', 'message_too_big', '', { name: 'io.ktor.websocket.FrameTooBigException' }),
  // websocket-sharp
  websocketSharp('open', 'protocol_error', 'A frame from the server is masked.'),
  // nv-websocket-client: the WebSocketError constant as the code, the text as the message
  nvws('open', 'protocol_error', 'The RSV2 bit of a frame is set unexpectedly.', { code: 'UNEXPECTED_RESERVED_BIT' }),
  nvws('open', 'protocol_error', '', { name: 'com.neovisionaries.ws.client.WebSocketException', code: 'NON_ZERO_RESERVED_BITS' }),
  nvws('open', 'protocol_error', '', { name: 'com.neovisionaries.ws.client.WebSocketException', code: 'FRAME_MASKED' }),
  nvws('open', 'protocol_error', 'The payload size of a control frame exceeds the maximum size (125 bytes): 130'),
];

/** Hard negatives: closed-state errors after a clean close, and errors that name no cause. Never 1010/1015, never a failure cause a word does not name. */
export const identifierNegatives: readonly IdentifierRow[] = [
  tungstenite('clean', 'normal_closure', 'ConnectionClosed'),
  tungstenite('clean', 'normal_closure', 'AlreadyClosed'),
  tungstenite('clean', 'normal_closure', 'Protocol(SendAfterClosing)'),
  tungstenite('clean', 'normal_closure', 'Protocol(ReceivedAfterClosing)'),
  tungstenite('clean', 'normal_closure', 'Trying to work with closed connection'),
  tungstenite('clean', 'normal_closure', 'Connection closed normally'),
  fastws('clean', 'normal_closure', 'ConnectionClosed'),
  fastws('clean', 'normal_closure', 'Connection is closed'),
  soketto('clean', 'normal_closure', 'Closed'),
  pyws('clean', 'normal_closure', 'received 1000 (OK); then sent 1000 (OK)', { name: 'websockets.exceptions.ConnectionClosedOK' }),
  pyws('clean', 'normal_closure', '', { name: 'ConnectionClosedOK' }),
  wsproto('clean', 'normal_closure', "Event CloseConnection(code=1000, reason='') cannot be sent in state ConnectionState.CLOSED.", { name: 'LocalProtocolError' }),
  netty('clean', 'normal_closure', '', { name: 'io.netty.channel.StacklessClosedChannelException' }),
  jetty('clean', 'normal_closure', 'org.eclipse.jetty.websocket.core.exception.WebSocketWriteTimeoutException: Timeout on Write', {}),
  okhttp('clean', 'normal_closure', 'java.io.IOException: closed'),
  starscream('clean', 'normal_closure', 'WSError(type: Starscream.ErrorType.protocolError, message: "connection closed by server", code: 1000)'),
  dotnet('clean', 'normal_closure', '', { name: 'System.Net.WebSockets.WebSocketException', code: 'InvalidState' }),
  dotnet('clean', 'normal_closure', '', { name: 'System.Net.WebSockets.WebSocketException', code: 'Success' }),
  beast('clean', 'normal_closure', 'websocket::error::closed'),
  beast('clean', 'normal_closure', 'The WebSocket stream was gracefully closed at both endpoints [boost.beast.websocket:1]'),
  gorilla('clean', 'normal_closure', 'websocket: close sent'),
  coder('clean', 'normal_closure', 'failed to get reader: received close frame: status = StatusNormalClosure and reason = ""'),
  ktor('clean', 'normal_closure', 'kotlinx.coroutines.channels.ClosedReceiveChannelException: Channel was closed'),
  // An error that names no cause on a failed upgrade stays unknown: a handshake class is no TLS handshake.
  netty('handshake', 'unknown_failure', '', { name: 'io.netty.handler.codec.http.websocketx.WebSocketHandshakeException' }),
  dotnet('handshake', 'unknown_failure', '', { name: 'System.Net.WebSockets.WebSocketException', code: 'Faulted' }),
  // A handshake left unfinished with no cause named is a drop (concept.handshake_unfinished, "Labelling conventions").
  tungstenite('handshake', 'network_reset', 'Protocol(HandshakeIncomplete)'),
];

// A second probe, written after the first commit of 1.5.28 (5cde8c8) from libraries and notations the table lacks, and measured
// once there: 4/10 cause, no 1010/1015. The six misses (RSV and expected-bit constants, a close status named in an identifier,
// lws's abbreviated "PROTOCOL_ERR", "rsv … not implemented") were then read in general form.
const nodeWs = lib('ws (Node)', 'websockets/ws lib/receiver.js (error codes WS_ERR_* of the frame checks)');
const wsClient = lib('websocket-client (Python)', 'websocket-client/websocket-client websocket/_abnf.py (ABNF.validate: WebSocketProtocolException)');
const aiohttp = lib('aiohttp', 'aio-libs/aiohttp aiohttp/_websocket/reader_py.py (WebSocketReader: WebSocketError texts)');
const lwsClose = lib('libwebsockets', 'warmcat/libwebsockets include/libwebsockets/lws-ws-close.h (enum lws_close_status)');
const coderStatus = lib('coder/websocket', 'coder/websocket close.go, stringer_string.go (StatusCode names)');
export const identifierProbe: readonly IdentifierRow[] = [
  nodeWs('open', 'protocol_error', '', { code: 'WS_ERR_UNEXPECTED_RSV_2_3' }),
  nodeWs('open', 'protocol_error', '', { code: 'WS_ERR_EXPECTED_MASK' }),
  nodeWs('open', 'protocol_error', '', { code: 'WS_ERR_UNEXPECTED_MASK' }),
  nodeWs('open', 'protocol_error', '', { code: 'WS_ERR_INVALID_CONTROL_PAYLOAD_LENGTH' }),
  nodeWs('open', 'protocol_error', '', { code: 'WS_ERR_EXPECTED_FIN' }),
  wsClient('open', 'protocol_error', 'rsv is not implemented, yet', { name: 'websocket._exceptions.WebSocketProtocolException' }),
  aiohttp('open', 'protocol_error', 'Received fragmented control frame', { name: 'aiohttp.http_websocket.WebSocketError' }),
  coderStatus('open', 'protocol_error', 'StatusProtocolError'),
  lwsClose('open', 'message_too_big', 'LWS_CLOSE_STATUS_MESSAGE_TOO_LARGE'),
  lwsClose('open', 'protocol_error', 'LWS_CLOSE_STATUS_PROTOCOL_ERR'),
];
