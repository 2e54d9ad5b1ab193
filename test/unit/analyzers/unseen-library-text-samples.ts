// Issue 11, round 11 (eng-r): error texts of WebSocket and TLS client libraries no fixture set covers (Dart dart:io,
// Godot WebSocketPeer, SwiftNIO NIOWebSocket/NIOPosix, NIOSSL, Mint.WebSocket, WebSockex, aleph on Netty, HTTP.jl,
// websocket.zig on Zig's std.crypto.tls, vibe.d), written from each library's source as it formats them (exception
// class, prefixes, how a cause is joined), labelled by docs/attribution.md's conventions, with the file they come from.
// `negative: true` marks rows that must never give 1010 or 1015 (other causes, and TLS or extension words that do not fail).
import type { TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import type { SourcedTextRow } from './sourced-text-row.js';

export interface UnseenLibraryRow extends SourcedTextRow {
  readonly library: string;
  readonly negative?: true;
}

type Fields = { name?: string; code?: string; status?: number; closeCode?: number; opened?: true; initiator?: 'client' | 'server' };

function row(library: string, runtime: string, attribution: UnseenLibraryRow['attribution'], cause: string, source: string) {
  return (message: string, f: Fields = {}): UnseenLibraryRow => {
    const error = { ...(message ? { message } : {}), ...(f.code ? { code: f.code } : {}), ...(f.name ? { name: f.name } : {}) };
    const input: Partial<TelemetryEventInput> = {
      source: { kind: 'client', service: 'probe', runtime },
      ...(Object.keys(error).length ? { error } : {}),
      ...(f.status ? { handshake: { status: f.status } } : {}),
      ...(f.opened ? { outcome: 'closed' as const } : {}),
      ...(f.closeCode ? { close: { code: f.closeCode, ...(f.initiator ? { initiator: f.initiator } : {}) } } : {}),
    };
    const negative = attribution === 'other' || attribution === 'none';
    return { library, input, attribution, cause, source, ...(negative ? { negative: true as const } : {}) };
  };
}

// --- sources (repository, path, commit or version) ---
const dartWs = 'dart-lang/sdk sdk/lib/_http/websocket_impl.dart @035360848cca (_WebSocketImpl.connect: error(...), _WebSocketProtocolTransformer)';
const dartTls = 'dart-lang/sdk runtime/bin/secure_socket_filter.cc (ThrowIOException "Handshake error in client" with the BoringSSL reason and file:line) and sdk/lib/io/secure_socket.dart (HandshakeException)';
const dartSock = 'dart-lang/sdk sdk/lib/io/socket.dart (SocketException.toString: "SocketException: msg (OS Error: …, errno = n), address = …, port = …"), sdk/lib/_http/http_impl.dart (HttpException "Connection closed before full header was received")';
const dartChannel = 'dart-lang/web_socket_channel lib/src/exception.dart (WebSocketChannelException wraps the inner exception\'s toString)';
const godotWs = 'godotengine/godot modules/websocket/wsl_peer.cpp (_verify_server_response: "Invalid status code. Got: \'%s\', expected \'101\'.", "Missing or invalid header \'%s\'. Expected value \'%s\'.", sub-protocol checks; _do_client_handshake "Invalid response headers.")';
const godotTls = 'godotengine/godot modules/mbedtls/stream_peer_mbedtls.cpp (_do_handshake: ERR_PRINT("TLS handshake error: " + itos(ret)), Mbed TLS return codes in decimal)';
const nioWs = 'apple/swift-nio @63018571 Sources/NIOWebSocket/WebSocketFrameDecoder.swift (NIOWebSocketError), WebSocketErrorCodes.swift (missingExtension = 1010)';
const nioUpgrade = 'apple/swift-nio @63018571 Sources/NIOHTTP1/NIOHTTPClientUpgradeHandler.swift (NIOHTTPClientUpgradeError.description = String(describing: code))';
const nioIo = 'apple/swift-nio @63018571 Sources/NIOCore/IO.swift (reasonForError: "<reason>: <strerror> (errno: n)"), Sources/NIOPosix/HappyEyeballs.swift (NIOConnectionError: "DNS error: …")';
const nioSsl = 'apple/swift-nio-ssl @8d8f7844 Sources/NIOSSL/SSLErrors.swift (NIOSSLError.handshakeFailed(BoringSSLError.sslError([Error: <code> <ERR_error_string_n> at <file>:<line>])), NIOSSLExtraError.failedToValidateHostname, uncleanShutdown)';
const wsKit = 'vapor/websocket-kit Sources/WebSocketKit/WebSocketClient.swift (WebSocketClient.Error.invalidResponseStatus(HTTPResponseHead))';
const mintWs = 'elixir-mint/mint_web_socket @30e92b1 lib/mint/web_socket/upgrade_failure_error.ex, lib/mint/web_socket_error.ex (format_reason), lib/mint/web_socket/extension.ex:244';
const mintTransport = 'elixir-mint/mint lib/mint/transport_error.ex (format_reason: :econnrefused "connection refused", :nxdomain "non-existing domain", :timeout "timeout", :closed "socket closed"; TLS reasons through :ssl.format_error)';
const websockex = 'Azolo/websockex @4a94f68 lib/websockex/errors.ex (ConnError, RequestError, HandshakeError, FrameError) and lib/websockex/conn.ex (ConnError{original: :ssl.connect error})';
const otpSsl = 'erlang/otp lib/ssl/src/ssl_alert.erl (alert_txt: "TLS client: In state <state> at <module>:<line> generated CLIENT ALERT: Fatal - <Description>", SERVER ALERT for received ones)';
const aleph = 'clj-commons/aleph @b1a2522 src/aleph/http/websocket/client.clj (Netty WebSocketClientHandshaker13), src/aleph/http/client.clj:523 ("connection was closed after %.3f seconds"), src/aleph/http.clj (ConnectionTimeoutException)';
const nettyWs = 'netty/netty codec-http io/netty/handler/codec/http/websocketx/WebSocketClientHandshaker13.java (verify: "Invalid handshake response getStatus: ", "Invalid subprotocol. Actual: %s. Expected one of: %s") and extensions/WebSocketClientExtensionHandler.java ("invalid WebSocket Extension handshake for \\"%s\\"")';
const nettyNet = 'netty/netty transport AbstractNioChannel ("connection timed out: <address>"), AbstractChannel$AnnotatedConnectException, handler/ssl/SslHandler (SslHandshakeTimeoutException "handshake timed out after <n>ms") and JSSE texts through SSLHandshakeException';
const httpJlWs = 'JuliaWeb/HTTP.jl @444b92b src/http_websockets.jl (WebSocketError showerror "websocket closed with status <code>: <reason>", client upgrade checks)';
const httpJlPmce = 'JuliaWeb/HTTP.jl @444b92b src/http_websocket_pmce.jl (_pmce_client_accept: WebSocketProtocolError texts)';
const httpJlCodec = 'JuliaWeb/HTTP.jl @444b92b src/http_websocket_codec.jl (frame decoder WebSocketProtocolError / WebSocketInvalidPayloadError texts)';
const httpJlCore = 'JuliaWeb/HTTP.jl @444b92b src/http_core.jl (ConnectError showerror "http connect error to <address>: <cause>") with Julia Base IOError / Sockets DNSError texts';
const zigWs = 'karlseguin/websocket.zig @853d1c9 src/client/client.zig (handshake: error.InvalidHandshakeResponse, InvalidUpgradeHeader, InvalidConnectionHeader, InvalidWebsocketAcceptHeader, InvalidExtensionHeader, InvalidCompressionServerMaxBits, Timeout)';
const zigProto = 'karlseguin/websocket.zig @853d1c9 src/proto.zig (error.ReservedFlags, CompressionDisabled, LargeControl, TooLarge)';
const zigStd = 'ziglang/zig lib/std/crypto/Certificate.zig (error.CertificateExpired, CertificateHostMismatch, CertificateIssuerNotFound), lib/std/crypto/tls.zig (AlertDescription.Error: TlsAlertProtocolVersion, TlsAlertHandshakeFailure), lib/std/posix.zig (ConnectionRefused, ConnectionResetByPeer), lib/std/net.zig (UnknownHostName)';
const vibeWs = 'vibe-d/vibe-http @9756073 source/vibe/http/websockets.d:102-106 (enforce messages of connectWebSocket), :855/:887 (WebSocketException)';
const vibeNet = 'vibe-d/vibe-core source/vibe/core/net.d (connectTCP: "Failed to connect to <addr>: <ConnectStatus>", eventcore ConnectStatus refused/timeout)';

const DART = 'dart 3.4 dart:io WebSocket';
const GODOT = 'godot 4.3 WebSocketPeer';
const NIO = 'swift 5.10 swift-nio 2.65 NIOWebSocket';
const NIOSSL = 'swift 5.10 swift-nio-ssl 2.27';
const MINT = 'elixir 1.17 mint_web_socket 1.0';
const WSX = 'elixir 1.17 websockex 0.4';
const ALEPH = 'clojure 1.11 aleph 0.8';
const JL = 'julia 1.11 HTTP.jl 2';
const ZIG = 'zig 0.15 websocket.zig';
const VIBE = 'dlang vibe.d 0.10';

const t = (lib: string, rt: string, cause: string, src: string) => row(lib, rt, '1015', cause, src);
const x = (lib: string, rt: string, cause: string, src: string) => row(lib, rt, '1010', cause, src);
const o = (lib: string, rt: string, cause: string, src: string) => row(lib, rt, 'other', cause, src);
const n = (lib: string, rt: string, cause: string, src: string) => row(lib, rt, 'none', cause, src);

const hs = (reason: string) => `HandshakeException: Handshake error in client (OS Error: \n\t${reason})`;
const boring = (code: number, hex: string, reason: string, file: string) =>
  `handshakeFailed(NIOSSL.BoringSSLError.sslError([Error: ${code} error:${hex}:SSL routines:OPENSSL_internal:${reason} at /build/.build/checkouts/swift-nio-ssl/Sources/CNIOBoringSSL/ssl/${file}]))`;
const jl = (code: number, reason: string) => `websocket closed with status ${code}: ${reason}`;
const vibe = (line: number, msg: string) => `object.Exception@../../.dub/packages/vibe-http/0.10.0/vibe-http/source/vibe/http/websockets.d(${line}): ${msg}`;
const alert = (atom: string, text: string, side = 'CLIENT', state = 'certify') =>
  `Connection Error: {:tls_alert, {:${atom}, 'TLS client: In state ${state} at ssl_handshake.erl:2138 generated ${side} ALERT: Fatal - ${text}\\n'}}`;

export const unseenLibraryRows: readonly UnseenLibraryRow[] = [
  // --- Dart dart:io ---
  o('dart', DART, 'http_rejected', dartWs)("WebSocketException: Connection to 'https://api.example.com:443/ws#' was not upgraded to websocket", { status: 403 }),
  o('dart', DART, 'http_auth_rejected', dartWs)("WebSocketException: Connection to 'https://api.example.com:443/ws#' was not upgraded to websocket", { status: 401 }),
  o('dart', DART, 'unknown_failure', dartWs)("WebSocketException: Connection to 'https://api.example.com:443/ws#' was not upgraded to websocket"),
  o('dart', DART, 'http_rejected', dartChannel)("WebSocketChannelException: WebSocketException: Connection to 'https://api.example.com:443/ws#' was not upgraded to websocket", { status: 404 }),
  o('dart', DART, 'protocol_error', dartWs)("WebSocketException: Response did not contain a 'Sec-WebSocket-Accept' header"),
  o('dart', DART, 'protocol_error', dartWs)("WebSocketException: Response header 'Sec-WebSocket-Accept' is the wrong length"),
  o('dart', DART, 'protocol_error', dartWs)("WebSocketException: Bad response 'Sec-WebSocket-Accept' header"),
  o('dart', DART, 'protocol_error', dartWs)('WebSocketException: Received masked frame from server', { opened: true }),
  o('dart', DART, 'protocol_error', dartWs)('WebSocketException: Protocol error', { opened: true, closeCode: 1002, initiator: 'client' }),
  t('dart', DART, 'cert_expired', dartTls)(hs('CERTIFICATE_VERIFY_FAILED: certificate has expired(handshake.cc:393))')),
  t('dart', DART, 'cert_not_yet_valid', dartTls)(hs('CERTIFICATE_VERIFY_FAILED: certificate is not yet valid(handshake.cc:393))')),
  t('dart', DART, 'untrusted_ca', dartTls)(hs('CERTIFICATE_VERIFY_FAILED: unable to get local issuer certificate(handshake.cc:393))')),
  t('dart', DART, 'self_signed', dartTls)(hs('CERTIFICATE_VERIFY_FAILED: self signed certificate(handshake.cc:393))')),
  t('dart', DART, 'untrusted_ca', dartTls)(hs('CERTIFICATE_VERIFY_FAILED: self signed certificate in certificate chain(handshake.cc:393))')),
  t('dart', DART, 'hostname_mismatch', dartTls)(hs('CERTIFICATE_VERIFY_FAILED: Hostname mismatch(handshake.cc:393))')),
  t('dart', DART, 'tls_version_mismatch', dartTls)(hs('TLSV1_ALERT_PROTOCOL_VERSION(tls_record.cc:592))')),
  t('dart', DART, 'cipher_mismatch', dartTls)(hs('SSLV3_ALERT_HANDSHAKE_FAILURE(tls_record.cc:592))')),
  t('dart', DART, 'untrusted_ca', dartTls)(hs('TLSV1_ALERT_UNKNOWN_CA(tls_record.cc:592))')),
  t('dart', DART, 'tls_unknown', dartTls)('HandshakeException: Connection terminated during handshake'),
  o('dart', DART, 'connection_refused', dartSock)('SocketException: Connection refused (OS Error: Connection refused, errno = 111), address = api.example.com, port = 48862'),
  o('dart', DART, 'connection_refused', dartSock)('SocketException: Connection refused (OS Error: The remote computer refused the network connection.\r\n, errno = 1225), address = api.example.com, port = 50311'),
  o('dart', DART, 'dns_failure', dartSock)("SocketException: Failed host lookup: 'api.example.invalid' (OS Error: No address associated with hostname, errno = 7)"),
  o('dart', DART, 'dns_failure', dartChannel)("WebSocketChannelException: SocketException: Failed host lookup: 'api.example.invalid' (OS Error: nodename nor servname provided, or not known, errno = 8)"),
  o('dart', DART, 'network_timeout', dartSock)('SocketException: Connection timed out (OS Error: Connection timed out, errno = 110), address = api.example.com, port = 443'),
  o('dart', DART, 'network_reset', dartSock)('SocketException: Connection reset by peer (OS Error: Connection reset by peer, errno = 104), address = api.example.com, port = 443'),
  o('dart', DART, 'network_reset', dartSock)('HttpException: Connection closed before full header was received, uri = https://api.example.com/ws'),
  n('dart', DART, 'normal_closure', dartWs)('', { opened: true, closeCode: 1000, initiator: 'server' }),

  // --- Godot WebSocketPeer (wslay + Mbed TLS) ---
  o('godot', GODOT, 'http_rejected', godotWs)("Invalid status code. Got: '403', expected '101'."),
  o('godot', GODOT, 'http_auth_rejected', godotWs)("Invalid status code. Got: '401', expected '101'."),
  o('godot', GODOT, 'http_rejected', godotWs)("Invalid status code. Got: '503', expected '101'."),
  o('godot', GODOT, 'protocol_error', godotWs)("Missing or invalid header 'sec-websocket-accept'. Expected value 'qGEgH3En71di5rrssAZTmtRTyFk='."),
  o('godot', GODOT, 'protocol_error', godotWs)("Missing or invalid header 'upgrade'. Expected value 'websocket'."),
  o('godot', GODOT, 'protocol_error', godotWs)("Missing or invalid header 'connection'. Expected value 'upgrade'."),
  o('godot', GODOT, 'subprotocol_mismatch', godotWs)('Received unrequested sub-protocol -> chat.v2'),
  o('godot', GODOT, 'subprotocol_mismatch', godotWs)('Requested sub-protocol(s) but received none.'),
  o('godot', GODOT, 'unknown_failure', godotWs)('Invalid response headers.'),
  t('godot', GODOT, 'tls_unknown', godotTls)('TLS handshake error: -30592'),
  t('godot', GODOT, 'tls_unknown', godotTls)('TLS handshake error: -9984'),
  n('godot', GODOT, 'normal_closure', godotWs)('', { opened: true, closeCode: 1000, initiator: 'client' }),

  // --- SwiftNIO NIOWebSocket / NIOHTTP1 / NIOPosix ---
  o('swift-nio', NIO, 'protocol_error', nioWs)('NIOWebSocket.NIOWebSocketError.fragmentedControlFrame', { opened: true }),
  o('swift-nio', NIO, 'protocol_error', nioWs)('NIOWebSocket.NIOWebSocketError.multiByteControlFrameLength', { opened: true }),
  {
    ...o('swift-nio', NIO, 'message_too_big', nioWs)('NIOWebSocket.NIOWebSocketError.invalidFrameLength', { opened: true }),
    knownMiss: 'NIO maps invalidFrameLength to 1009 (WebSocketErrorCodes.swift), but "invalid frame length" in general is a malformed length (protocol_error): the name alone does not say over a limit',
  },
  x('swift-nio', NIO, 'extension_not_negotiated', nioWs)('', { opened: true, closeCode: 1010, initiator: 'client' }),
  o('swift-nio', NIO, 'unknown_failure', nioUpgrade)('upgraderDeniedUpgrade'),
  o('swift-nio', NIO, 'connection_refused', nioIo)('connect(descriptor:addr:size:): Connection refused (errno: 111)'),
  o('swift-nio', NIO, 'connection_refused', nioIo)('NIOConnectionError(host: "api.example.com", port: 443, dnsAError: nil, dnsAAAAError: nil, connectionErrors: [NIOPosix.SingleConnectionFailure(target: [IPv4]api.example.com/10.0.0.1:443, error: connect(descriptor:addr:size:): Connection refused (errno: 111))])'),
  o('swift-nio', NIO, 'network_reset', nioIo)('read(descriptor:pointer:size:): Connection reset by peer (errno: 104)'),
  o('swift-nio', NIO, 'dns_failure', nioIo)('DNS error: NXDOMAIN'),

  // --- NIOSSL (BoringSSL) ---
  t('nio-ssl', NIOSSL, 'tls_unknown', nioSsl)(boring(268435581, '1000007d', 'CERTIFICATE_VERIFY_FAILED', 'handshake.cc:393')),
  t('nio-ssl', NIOSSL, 'tls_version_mismatch', nioSsl)(boring(268436526, '1000042e', 'TLSV1_ALERT_PROTOCOL_VERSION', 'tls_record.cc:592')),
  t('nio-ssl', NIOSSL, 'cipher_mismatch', nioSsl)(boring(268436496, '10000410', 'SSLV3_ALERT_HANDSHAKE_FAILURE', 'tls_record.cc:592')),
  t('nio-ssl', NIOSSL, 'untrusted_ca', nioSsl)(boring(268436504, '10000418', 'TLSV1_ALERT_UNKNOWN_CA', 'tls_record.cc:592')),
  t('nio-ssl', NIOSSL, 'cert_expired', nioSsl)(boring(268436501, '10000415', 'SSLV3_ALERT_CERTIFICATE_EXPIRED', 'tls_record.cc:592')),
  t('nio-ssl', NIOSSL, 'hostname_mismatch', nioSsl)("NIOSSLExtraError.failedToValidateHostname: Couldn't find api.example.com in certificate from peer"),
  t('nio-ssl', NIOSSL, 'tls_version_mismatch', nioSsl)(boring(268435696, '100000f0', 'UNSUPPORTED_PROTOCOL', 'handshake_client.cc:715')),
  o('nio-ssl', NIOSSL, 'abnormal_closure', nioSsl)('NIOSSL.NIOSSLError.uncleanShutdown', { opened: true }),
  o('nio-ssl', NIOSSL, 'connection_refused', nioSsl)('connect(descriptor:addr:size:): Connection refused (errno: 61)', {}),
  o('nio-ssl', NIOSSL, 'http_rejected', wsKit)('invalidResponseStatus(HTTPResponseHead { version: HTTP/1.1, status: forbidden, headers: [("server", "nginx")] })'),

  // --- Mint.WebSocket (Elixir) ---
  o('mint', MINT, 'http_rejected', mintWs)('Could not upgrade from HTTP to WebSocket. The server returned status code 403 with headers:\n[{"content-type", "text/plain"}]\n'),
  o('mint', MINT, 'http_auth_rejected', mintWs)('Could not upgrade from HTTP to WebSocket. The server returned status code 401 with headers:\n[{"www-authenticate", "Bearer"}]\n'),
  o('mint', MINT, 'http_rejected', mintWs)('Could not upgrade from HTTP to WebSocket. The server returned status code 200 with headers:\n[{"content-type", "text/html"}]\n'),
  x('mint', MINT, 'extension_params_rejected', mintWs)('the remote server accepted an extension the client did not offer: %Mint.WebSocket.Extension{name: "x-webkit-deflate-frame", module: nil, params: [], opts: [], state: nil}'),
  {
    ...o('mint', MINT, 'message_too_big', mintWs)('frame payload cannot exceed 9,223,372,036,854,775,807 bytes', { opened: true }),
    knownMiss: 'the limit is a number in comma groups (seven words): "exceed" and the byte count stand further apart than the size concepts read',
  },
  o('mint', MINT, 'connection_refused', mintTransport)('connection refused'),
  o('mint', MINT, 'dns_failure', mintTransport)('non-existing domain'),
  o('mint', MINT, 'network_timeout', mintTransport)('timeout'),
  o('mint', MINT, 'network_reset', mintTransport)('socket closed'),
  t('mint', MINT, 'cert_expired', otpSsl)('TLS client: In state certify at ssl_handshake.erl:2138 generated CLIENT ALERT: Fatal - Certificate Expired\n'),
  t('mint', MINT, 'hostname_mismatch', otpSsl)('TLS client: In state certify at ssl_handshake.erl:2138 generated CLIENT ALERT: Fatal - Handshake Failure\n {bad_cert,hostname_check_failed}'),

  // --- WebSockex (Elixir) ---
  o('websockex', WSX, 'dns_failure', websockex)('Connection Error: Could not resolve domain name.'),
  o('websockex', WSX, 'connection_refused', websockex)('Connection Error: :econnrefused'),
  o('websockex', WSX, 'network_timeout', websockex)('Connection Error: :timeout'),
  o('websockex', WSX, 'network_reset', websockex)('Connection Error: :closed'),
  o('websockex', WSX, 'http_rejected', websockex)('Didn\'t get a proper response from the server. The response was: 403 "Forbidden"'),
  o('websockex', WSX, 'http_auth_rejected', websockex)('Didn\'t get a proper response from the server. The response was: 401 "Unauthorized"'),
  o('websockex', WSX, 'http_rejected', websockex)('Didn\'t get a proper response from the server. The response was: 426 "Upgrade Required"'),
  o('websockex', WSX, 'protocol_error', websockex)('Handshake Failed: Response didn\'t match challenge.\nResponse: "dGhlIHNhbXBsZSBub25jZQ=="\nChallenge: "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="'),
  o('websockex', WSX, 'protocol_error', websockex)("Fragmented Control Frame: Control Frames Can't Be Fragmented\nbuffer: <<9, 4, 112, 105, 110, 103>>", { opened: true }),
  o('websockex', WSX, 'protocol_error', websockex)("Control Frame Too Large: Control Frames Can't Be Larger Than 125 Bytes\nbuffer: <<137, 126, 0, 200>>", { opened: true }),
  o('websockex', WSX, 'protocol_error', websockex)('Invalid UTF-8: Text and Close frames must have UTF-8 payloads.\nbuffer: <<129, 2, 255, 254>>', { opened: true }),
  o('websockex', WSX, 'protocol_error', websockex)('Invalid Close Code: Close Codes must be in range of 1000 through 4999\nbuffer: <<136, 2, 3, 231>>', { opened: true }),
  t('websockex', WSX, 'untrusted_ca', otpSsl)(alert('unknown_ca', 'Unknown CA')),
  t('websockex', WSX, 'cert_expired', otpSsl)(alert('certificate_expired', 'Certificate Expired')),
  t('websockex', WSX, 'hostname_mismatch', otpSsl)(alert('handshake_failure', 'Handshake Failure\\n {bad_cert,hostname_check_failed}')),
  t('websockex', WSX, 'tls_version_mismatch', otpSsl)(alert('protocol_version', 'Protocol Version', 'SERVER', 'hello')),
  t('websockex', WSX, 'cipher_mismatch', otpSsl)(alert('insufficient_security', 'Insufficient Security', 'SERVER', 'hello')),
  n('websockex', WSX, 'normal_closure', websockex)('', { opened: true, closeCode: 1000, initiator: 'server' }),

  // --- aleph (Clojure, on Netty) ---
  o('aleph', ALEPH, 'http_rejected', nettyWs)('io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException: Invalid handshake response getStatus: 403 Forbidden'),
  o('aleph', ALEPH, 'http_rejected', nettyWs)('io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException: Invalid handshake response getStatus: 404 Not Found'),
  o('aleph', ALEPH, 'protocol_error', nettyWs)('io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException: Invalid handshake response upgrade: null'),
  o('aleph', ALEPH, 'protocol_error', nettyWs)('io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException: Invalid challenge. Actual: dGhlIHNhbXBsZSBub25jZQ==. Expected: s3pPLMBiTxaQ9kYGzzhZRbK+xOo='),
  o('aleph', ALEPH, 'subprotocol_mismatch', nettyWs)('io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException: Invalid subprotocol. Actual: null. Expected one of: graphql-ws'),
  x('aleph', ALEPH, 'extension_params_rejected', nettyWs)('io.netty.handler.codec.CodecException: invalid WebSocket Extension handshake for "permessage-deflate; server_max_window_bits=7"'),
  x('aleph', ALEPH, 'extension_params_rejected', nettyWs)('io.netty.handler.codec.CodecException: invalid WebSocket Extension handshake for "x-webkit-deflate-frame"'),
  o('aleph', ALEPH, 'network_reset', aleph)('clojure.lang.ExceptionInfo: connection was closed after 0.532 seconds {:request {:uri "/ws", :server-name "api.example.com"}}'),
  o('aleph', ALEPH, 'network_timeout', nettyNet)('aleph.utils.ConnectionTimeoutException: io.netty.channel.ConnectTimeoutException: connection timed out: api.example.com/10.0.0.1:443'),
  o('aleph', ALEPH, 'network_timeout', nettyNet)('io.netty.handler.ssl.SslHandshakeTimeoutException: handshake timed out after 10000ms'),
  o('aleph', ALEPH, 'connection_refused', nettyNet)('io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection refused: api.example.com/10.0.0.1:443'),
  o('aleph', ALEPH, 'dns_failure', nettyNet)('java.net.UnknownHostException: api.example.invalid: Name or service not known'),
  t('aleph', ALEPH, 'untrusted_ca', nettyNet)('javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target'),
  t('aleph', ALEPH, 'hostname_mismatch', nettyNet)('javax.net.ssl.SSLHandshakeException: No subject alternative DNS name matching api.example.com found.'),
  t('aleph', ALEPH, 'tls_version_mismatch', nettyNet)('javax.net.ssl.SSLHandshakeException: The server selected protocol version TLS10 is not accepted by client preferences [TLS13, TLS12]'),

  // --- HTTP.jl (Julia) ---
  o('http.jl', JL, 'http_rejected', httpJlWs)(jl(1002, 'websocket handshake failed: status 403')),
  o('http.jl', JL, 'http_auth_rejected', httpJlWs)(jl(1002, 'websocket handshake failed: status 401')),
  o('http.jl', JL, 'http_rejected', httpJlWs)(jl(1002, 'websocket upgrade rejected with status 400')),
  {
    ...o('http.jl', JL, 'unknown_failure', httpJlWs)(jl(1002, 'websocket handshake failed')),
    knownMiss: 'the 1002 the client failed the connection with is read as its cause (protocol_error); the reason names no status or header, so the convention says unknown_failure',
  },
  o('http.jl', JL, 'protocol_error', httpJlWs)(jl(1002, 'websocket handshake accept mismatch')),
  o('http.jl', JL, 'subprotocol_mismatch', httpJlWs)(jl(1002, 'unexpected websocket subprotocol in response')),
  o('http.jl', JL, 'subprotocol_mismatch', httpJlWs)(jl(1002, 'unrequested websocket subprotocol in response')),
  x('http.jl', JL, 'extension_params_rejected', httpJlWs)(jl(1002, 'server enabled an unoffered websocket extension')),
  x('http.jl', JL, 'extension_params_rejected', httpJlPmce)('server accepted an unsupported websocket extension'),
  x('http.jl', JL, 'extension_params_rejected', httpJlPmce)('server accepted permessage-deflate more than once'),
  x('http.jl', JL, 'extension_params_rejected', httpJlPmce)('server sent an unknown permessage-deflate parameter'),
  x('http.jl', JL, 'extension_params_rejected', httpJlPmce)('invalid server_max_window_bits'),
  x('http.jl', JL, 'extension_params_rejected', httpJlPmce)('invalid client_max_window_bits'),
  o('http.jl', JL, 'protocol_error', httpJlCodec)('unexpected websocket RSV1 bit', { opened: true }),
  o('http.jl', JL, 'protocol_error', httpJlCodec)('control frames must not be fragmented', { opened: true }),
  o('http.jl', JL, 'protocol_error', httpJlCodec)('server websocket frames must not be masked', { opened: true }),
  o('http.jl', JL, 'protocol_error', httpJlCodec)('invalid UTF-8 text frame payload', { opened: true }),
  o('http.jl', JL, 'message_too_big', httpJlCodec)('incoming websocket payload exceeds configured maximum', { opened: true }),
  o('http.jl', JL, 'protocol_error', httpJlWs)(jl(1002, 'compressed frame without negotiated extension'), { opened: true, closeCode: 1002, initiator: 'client' }),
  n('http.jl', JL, 'normal_closure', httpJlWs)('websocket closed with status 1000', { opened: true, closeCode: 1000 }),
  n('http.jl', JL, 'going_away', httpJlWs)(jl(1001, 'going away'), { opened: true, closeCode: 1001 }),
  o('http.jl', JL, 'connection_refused', httpJlCore)('http connect error to api.example.com:443: IOError: connect: connection refused (ECONNREFUSED)'),
  o('http.jl', JL, 'dns_failure', httpJlCore)('http connect error to api.example.invalid:443: DNSError: api.example.invalid, unknown node or service (EAI_NONAME)'),
  o('http.jl', JL, 'network_timeout', httpJlCore)('http connect error to api.example.com:443: IOError: connect: connection timed out (ETIMEDOUT)'),

  // --- websocket.zig on Zig std ---
  x('websocket.zig', ZIG, 'extension_params_rejected', zigWs)('websocket handshake failed: error.InvalidExtensionHeader'),
  x('websocket.zig', ZIG, 'extension_params_rejected', zigWs)('websocket handshake failed: error.InvalidCompressionServerMaxBits'),
  o('websocket.zig', ZIG, 'protocol_error', zigWs)('websocket handshake failed: error.InvalidWebsocketAcceptHeader'),
  o('websocket.zig', ZIG, 'protocol_error', zigWs)('websocket handshake failed: error.InvalidUpgradeHeader'),
  o('websocket.zig', ZIG, 'protocol_error', zigWs)('websocket handshake failed: error.InvalidConnectionHeader'),
  o('websocket.zig', ZIG, 'unknown_failure', zigWs)('websocket handshake failed: error.InvalidHandshakeResponse'),
  o('websocket.zig', ZIG, 'http_rejected', zigWs)('websocket handshake failed: error.InvalidHandshakeResponse', { status: 403 }),
  o('websocket.zig', ZIG, 'network_timeout', zigWs)('websocket handshake failed: error.Timeout'),
  o('websocket.zig', ZIG, 'connection_refused', zigStd)('connect failed: error.ConnectionRefused'),
  o('websocket.zig', ZIG, 'network_reset', zigStd)('websocket handshake failed: error.ConnectionResetByPeer'),
  o('websocket.zig', ZIG, 'dns_failure', zigStd)('connect failed: error.UnknownHostName'),
  o('websocket.zig', ZIG, 'protocol_error', zigProto)('read loop: error.ReservedFlags', { opened: true }),
  o('websocket.zig', ZIG, 'protocol_error', zigProto)('read loop: error.LargeControl', { opened: true }),
  o('websocket.zig', ZIG, 'protocol_error', zigProto)('read loop: error.CompressionDisabled', { opened: true }),
  {
    ...o('websocket.zig', ZIG, 'message_too_big', zigProto)('read loop: error.TooLarge', { opened: true }),
    knownMiss: '"TooLarge" names no message, frame or payload: a bare size word is not read as the message limit',
  },
  t('websocket.zig', ZIG, 'cert_expired', zigStd)('tls init failed: error.CertificateExpired'),
  t('websocket.zig', ZIG, 'hostname_mismatch', zigStd)('tls init failed: error.CertificateHostMismatch'),
  t('websocket.zig', ZIG, 'untrusted_ca', zigStd)('tls init failed: error.CertificateIssuerNotFound'),
  t('websocket.zig', ZIG, 'tls_version_mismatch', zigStd)('tls init failed: error.TlsAlertProtocolVersion'),
  t('websocket.zig', ZIG, 'cipher_mismatch', zigStd)('tls init failed: error.TlsAlertHandshakeFailure'),

  // --- vibe.d (D) ---
  o('vibe.d', VIBE, 'http_rejected', vibeWs)(vibe(102, "Server didn't accept the protocol upgrade request."), { status: 403 }),
  o('vibe.d', VIBE, 'unknown_failure', vibeWs)(vibe(102, "Server didn't accept the protocol upgrade request.")),
  o('vibe.d', VIBE, 'protocol_error', vibeWs)(vibe(105, 'Response is missing the Sec-WebSocket-Accept header.')),
  o('vibe.d', VIBE, 'protocol_error', vibeWs)(vibe(106, 'Response has wrong accept key')),
  o('vibe.d', VIBE, 'protocol_error', vibeWs)('vibe.http.websockets.WebSocketException@source/vibe/http/websockets.d(855): unknown frame opcode', { opened: true }),
  o('vibe.d', VIBE, 'protocol_error', vibeWs)('vibe.http.websockets.WebSocketException@source/vibe/http/websockets.d(887): unexpected continuation frame', { opened: true }),
  o('vibe.d', VIBE, 'connection_refused', vibeNet)('object.Exception@source/vibe/core/net.d(265): Failed to connect to 10.0.0.1:443: refused'),
  o('vibe.d', VIBE, 'network_timeout', vibeNet)('object.Exception@source/vibe/core/net.d(265): Failed to connect to 10.0.0.1:443: timeout'),
];

// A probe written after the first commit of 1.5.34 from the same sources (texts the table lacks), measured once there.
export const unseenLibraryProbe: readonly UnseenLibraryRow[] = [
  o('http.jl', JL, 'http_rejected', httpJlWs)(jl(1002, 'websocket upgrade rejected with status 403')),
  o('http.jl', JL, 'protocol_error', httpJlCodec)('unexpected new data frame while fragmented message is open', { opened: true }),
  {
    ...o('http.jl', JL, 'protocol_error', httpJlCodec)('non-canonical 16-bit websocket payload length', { opened: true }),
    knownMiss: '"not canonical" and "payload length" stand six words apart ("16 bit websocket" between), beyond the frame concept\'s window of five',
  },
  o('http.jl', JL, 'protocol_error', httpJlCodec)('close payload length must be 0 or >= 2', { opened: true }),
  o('http.jl', JL, 'protocol_error', httpJlPmce)('permessage-deflate: invalid compressed data', { opened: true }),
  o('websocket.zig', ZIG, 'protocol_error', zigProto)('read loop: error.NestedFragment', { opened: true }),
  o('websocket.zig', ZIG, 'protocol_error', zigProto)('read loop: error.UnfragmentedContinuation', { opened: true }),
  o('websocket.zig', ZIG, 'network_reset', zigStd)('websocket handshake failed: error.BrokenPipe'),
  o('websocket.zig', ZIG, 'network_timeout', zigStd)('connect failed: error.ConnectionTimedOut'),
  o('websocket.zig', ZIG, 'connection_refused', zigStd)('connect failed: error.NetworkUnreachable'),
  o('websocket.zig', ZIG, 'dns_failure', zigStd)('connect failed: error.TemporaryNameServerFailure'),
  o('swift-nio', NIO, 'connection_refused', nioIo)('connect(descriptor:addr:size:): Network is unreachable (errno: 101)'),
  t('nio-ssl', NIOSSL, 'hostname_mismatch', nioSsl)("NIOSSLExtraError.failedToValidateHostname: Couldn't find 10.0.0.5 in certificate from peer"),
  t('nio-ssl', NIOSSL, 'tls_unknown', nioSsl)(boring(268436506, '1000041a', 'TLSV1_ALERT_DECODE_ERROR', 'tls_record.cc:592')),
  o('dart', DART, 'connection_refused', dartSock)('SocketException: Connection failed (OS Error: Network is unreachable, errno = 101), address = api.example.com, port = 443'),
  o('dart', DART, 'network_timeout', dartSock)('SocketException: HTTP connection timed out after 0:00:05.000000, host: api.example.com, port: 443'),
  o('dart', DART, 'network_reset', dartSock)('HttpException: Connection reset by peer, uri = https://api.example.com/ws'),
  o('websockex', WSX, 'connection_refused', websockex)('Connection Error: :ehostunreach'),
  o('websockex', WSX, 'http_rejected', websockex)('Didn\'t get a proper response from the server. The response was: 502 "Bad Gateway"'),
  // OTP's own client-generated bad_certificate in its verification state reads as a self-signed leaf since 1.5.36
  // (ssl_handshake:path_validation_alert/1; docs/attribution.md, round 12, and the convention proposed there): was tls_unknown.
  t('websockex', WSX, 'self_signed', otpSsl)(alert('bad_certificate', 'Bad Certificate')),
  o('mint', MINT, 'http_auth_rejected', mintWs)('Could not upgrade from HTTP to WebSocket. The server returned status code 407 with headers:\n[{"proxy-authenticate", "Basic"}]\n'),
  o('mint', MINT, 'connection_refused', mintTransport)('host is unreachable'),
  t('mint', MINT, 'self_signed', otpSsl)('TLS client: In state certify at ssl_handshake.erl:2138 generated CLIENT ALERT: Fatal - Bad Certificate\n {bad_cert,selfsigned_peer}'),
  o('aleph', ALEPH, 'protocol_error', nettyWs)('io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException: Invalid handshake response connection: keep-alive'),
  o('aleph', ALEPH, 'http_auth_rejected', nettyWs)('io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException: Invalid handshake response getStatus: 401 Unauthorized'),
  t('aleph', ALEPH, 'tls_unknown', nettyNet)('io.netty.handler.ssl.NotSslRecordException: not an SSL/TLS record: 485454502f312e3120343030'),
  t('aleph', ALEPH, 'cipher_mismatch', nettyNet)('javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure'),
  o('aleph', ALEPH, 'message_too_big', nettyWs)('io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException: Max frame length of 65536 has been exceeded.', { opened: true }),
  t('godot', GODOT, 'tls_unknown', godotTls)('TLS handshake error: -29312'),
  o('godot', GODOT, 'http_rejected', godotWs)("Invalid status code. Got: '404', expected '101'."),
];
