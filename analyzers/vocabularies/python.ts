// Python vocabulary: ssl module errors (OpenSSL verify texts themselves live in openssl.ts),
// the websockets library's handshake errors and aiohttp's.
import { rule, type Vocabulary } from './types.js';

const pySsl = 'CPython Modules/_ssl.c (SSLCertVerificationError, "Hostname mismatch, certificate is not valid for") https://github.com/python/cpython/blob/main/Modules/_ssl.c';
const websockets = 'websockets src/websockets/exceptions.py (InvalidStatus, NegotiationError) https://github.com/python-websockets/websockets/blob/main/src/websockets/exceptions.py; seen in https://github.com/nsdkinx/vkmax/issues/8';
const websocketsClient = 'websockets src/websockets/client.py process_subprotocol/process_extensions https://github.com/python-websockets/websockets/blob/main/src/websockets/client.py';
const deflate = 'websockets src/websockets/extensions/permessage_deflate.py https://github.com/python-websockets/websockets/blob/main/src/websockets/extensions/permessage_deflate.py';
const repro = 'reproduced: docs/reproductions.md (python ssl client against the test PKI)';
const aiohttp = 'aiohttp client_exceptions.py / client.py (WSServerHandshakeError "Invalid response status") https://github.com/aio-libs/aiohttp/blob/master/aiohttp/client.py';

const aiohttpWs = 'aiohttp client.py _ws_connect (WSServerHandshakeError "Invalid challenge response", "Invalid window size") https://github.com/aio-libs/aiohttp/blob/master/aiohttp/client.py';

const tornado = 'tornado websocket.py (_process_server_headers, _get_compressor_options: ValueError texts) https://github.com/tornadoweb/tornado/blob/master/tornado/websocket.py';

const autobahn = 'autobahn websocket/protocol.py (WebSocketClientProtocol.processHandshake failure reasons) https://github.com/crossbario/autobahn-python/blob/master/autobahn/websocket/protocol.py';

export const pythonVocabulary: Vocabulary = {
  name: 'python',
  rules: [
    // asyncio's own words for any failed connect: selector_events.py _sock_connect_cb raises OSError(err, f'Connect call failed
    // {address}') with the socket's SO_ERROR, and OSError's constructor picks the class from the errno (111 ConnectionRefusedError,
    // 104 ConnectionResetError, 110 TimeoutError). The words say refused only as the common case: a wrapper's phrase, which gives
    // way to an errno or class stated with them or in the chained cause ("ConnectionResetError: [Errno 104] Connect call failed" is
    // a reset; round 38, eng-f1).
    // @see https://github.com/python/cpython/blob/3.11/Lib/asyncio/selector_events.py (_sock_connect_cb)
    rule('asyncio.connect_call_failed', /\bConnect call failed\b/, 'connection_refused', 0.85, 'CPython Lib/asyncio/selector_events.py (_sock_connect_cb: "Connect call failed") https://github.com/python/cpython/blob/3.11/Lib/asyncio/selector_events.py; reproduced: docs/reproductions.md (closed port: python)', { example: "Cannot connect to host localhost:9399 ssl:default [Connect call failed ('127.0.0.1', 9399)]", wrapper: true }),
    // websockets' HTTP parser: the upgrade was answered with another HTTP version (RFC 6455 §4.1 requires HTTP/1.1).
    rule('websockets.http_version', /\bunsupported protocol; expected HTTP\/1\.1(?:: HTTP\/\d\.\d (\d{3}))?/, 'protocol_error', 0.8, 'websockets src/websockets/http11.py (Response.parse: "unsupported protocol; expected HTTP/1.1") https://github.com/python-websockets/websockets/blob/main/src/websockets/http11.py', { example: 'ValueError: unsupported protocol; expected HTTP/1.1: HTTP/1.0 101 Switching Protocols', capture: 'http_status' }),
    // websocket-client raises it when the 101 fails its checks (Upgrade/Connection headers, accept key, subprotocol).
    rule('websocket_client.invalid_header', /\bInvalid WebSocket Header\b/, 'protocol_error', 0.65, 'websocket-client websocket/_handshake.py (WebSocketException("Invalid WebSocket Header")) https://github.com/websocket-client/websocket-client/blob/master/websocket/_handshake.py', { example: 'Invalid WebSocket Header' }),
    // Of those checks, websocket-client names only the subprotocol's, in the line its logger writes before it raises the error above
    // (_validate: error("Invalid subprotocol: " + str(subprotocols))): the header the generic error leaves unnamed, so above it.
    rule('websocket_client.invalid_subprotocol', /\bInvalid subprotocol: \[/, 'subprotocol_mismatch', 0.7, 'websocket-client websocket/_handshake.py (_validate: error("Invalid subprotocol: " + str(subprotocols)), then handshake() raises WebSocketException("Invalid WebSocket Header")) https://github.com/websocket-client/websocket-client/blob/master/websocket/_handshake.py', { example: "Invalid subprotocol: ['chat.v2']" }),
    // python-engineio's client wraps the first receive after the WebSocket connected (the Engine.IO OPEN packet, engine-io-protocol
    // "Handshake") in this text: the upgrade had completed, so a failure of that read ends an open session (RFC 6455 §7.1.5: a 1006),
    // not a failed connect; its connect failures say "Connection error" instead.
    rule('engineio.recv_after_open', /\bUnexpected recv exception\b/, 'abnormal_closure', 0.5, 'python-engineio src/engineio/client.py (_connect_websocket: ws.recv() of the OPEN packet, ConnectionError("Unexpected recv exception: …")) https://github.com/miguelgrinberg/python-engineio/blob/main/src/engineio/client.py; https://socket.io/docs/v4/engine-io-protocol/', { example: 'engineio.exceptions.ConnectionError: Unexpected recv exception: Connection to remote host was lost.' }),
    // pyca/cryptography's X.509 path builder (used by tlslite-ng, pyOpenSSL-free stacks and cryptography.x509.verification):
    // every candidate issuer tried and none led to a trust anchor: the chain ends at a CA the client does not trust.
    rule('cryptography.candidates_exhausted', /\bcandidates exhausted\b/, 'untrusted_ca', 0.65, 'pyca/cryptography src/rust/cryptography-x509-verification/src/lib.rs (ValidationErrorKind::CandidatesExhausted, "candidates exhausted: …") https://github.com/pyca/cryptography/blob/main/src/rust/cryptography-x509-verification/src/lib.rs', { example: 'validation failed: candidates exhausted: all candidates exhausted with no interior errors'}),
    rule('python.hostname_mismatch', /(?:Hostname|IP address) mismatch, certificate is not valid for/, 'hostname_mismatch', 0.85, `${pySsl}; ${repro}`, { example: '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, certificate is not valid for \'localhost\'. (_ssl.c:1006)' }),
    rule('python.cert_verify_failed', /\[SSL: CERTIFICATE_VERIFY_FAILED\]|\bSSLCertVerificationError\b/, 'tls_unknown', 0.5, pySsl, { example: 'ssl.SSLCertVerificationError' }),
    rule('websockets.invalid_status', /server rejected WebSocket connection: HTTP (\d{3})/, 'http_rejected', 0.85, websockets, { example: 'server rejected WebSocket connection: HTTP 403', capture: 'http_status' }),
    rule('websockets.subprotocol', /\bno subprotocols? supported\b|\bunsupported subprotocol\b|\bno subprotocol accepted\b/i, 'subprotocol_mismatch', 0.8, websocketsClient, { example: 'websockets.exceptions.NegotiationError: no subprotocols supported' }),
    rule('websockets.extension', /(?<!\btls: [^\n]*)\bunsupported extension\b|\bno extensions supported\b|\bNegotiationError\b: .*(?:extension|parameter|window_bits|context_takeover)/i, 'extension_params_rejected', 0.75, `${websocketsClient}; ${deflate}`, { example: 'tornado unsupported extension' }),
    rule('websockets.handshake_timeout', /timed out during opening handshake/, 'network_timeout', 0.8, websocketsClient, { example: 'timed out during opening handshake' }),
    // websockets raises InvalidMessage("did not receive a valid HTTP response") from the read's own error (EOFError for a connection
    // closed before the answer, ValueError for an answer it cannot parse, SecurityError for one too large): a wrapper whose __cause__
    // names the cause where the event records it (a "Caused by:" line, a cause label). Bare, it names none: the refused-answer family
    // (Ambiguity 'answer', as gorilla's ErrBadHandshake): a recorded status decides, none is unknown_failure (convention "A client's
    // bare 'did not receive a valid HTTP response'", session 33; was network_reset until 1.5.118).
    rule('websockets.invalid_message', /did not receive a valid HTTP response/, 'unknown_failure', 0.5, `${websockets}; src/websockets/client.py (ClientProtocol.parse: InvalidMessage(...) from the parser's EOFError/ValueError/SecurityError), src/websockets/legacy/client.py (read_http_response: raise InvalidMessage(...) from exc); reproduced: test/fixtures/corpus/python.ndjson corpus-python-30`, { example: 'did not receive a valid HTTP response', wrapper: true, ambiguity: 'answer' }),
    // The link it wraps for a connection closed before the answer came: websockets' HTTP/1.1 reader raises EOFError for a stream that
    // ended at the status line or inside the headers (its own words, under InvalidMessage and in labels recording __cause__).
    rule('websockets.eof_reading_answer', /\bconnection closed while reading HTTP (?:status line|headers)\b/, 'network_reset', 0.65, 'websockets src/websockets/http11.py (Response.parse: raise EOFError("connection closed while reading HTTP status line") from exc; parse_headers: "connection closed while reading HTTP headers") https://github.com/python-websockets/websockets/blob/main/src/websockets/http11.py; reproduced: test/fixtures/holdout-39/simpleobsws.ndjson holdout39-simpleobsws-33', { example: 'EOFError: connection closed while reading HTTP status line' }),
    rule('aiohttp.handshake_status', /(\d{3}), message='Invalid response status'/, 'http_rejected', 0.85, aiohttp, { example: '401, message=\'Invalid response status\', url=\'ws://localhost:9472/\'', capture: 'http_status' }),
    rule('websockets.invalid_accept', /invalid Sec-WebSocket-Accept header/, 'protocol_error', 0.7, `${websocketsClient}; reproduced: test/fixtures/corpus/python.ndjson corpus-python-40`, { example: 'invalid Sec-WebSocket-Accept header' }),
    rule('aiohttp.invalid_challenge', /message='Invalid challenge response'/, 'protocol_error', 0.7, `${aiohttpWs}; reproduced: test/fixtures/corpus/python.ndjson corpus-python-41`, { example: '101, message=\'Invalid challenge response\', url=\'ws://localhost:10490/\'' }),
    rule('aiohttp.invalid_window_size', /message='Invalid window size'/, 'extension_params_rejected', 0.75, `${aiohttpWs}; reproduced: test/fixtures/corpus/python.ndjson corpus-python-42`, { example: '101, message=\'Invalid window size\', url=\'ws://localhost:10496/\'' }),
    rule('python.ssl_unexpected_eof', /\[SSL: UNEXPECTED_EOF_WHILE_READING\]|\bSSLEOFError\b/, 'tls_unknown', 0.55, `${pySsl}; reproduced: test/fixtures/corpus/python.ndjson corpus-python-43`, { example: 'ssl.SSLEOFError' }),
    rule('tornado.compression_parameter', /unsupported compression parameter '/, 'extension_params_rejected', 0.75, `${tornado}; reproduced: test/fixtures/corpus/python.ndjson corpus-python-45`, { example: 'unsupported compression parameter \'foo\'' }),
    // Above websockets.extension (0.75), which reads "unsupported extension" as bad parameters: tornado names another extension.
    rule('tornado.unsupported_extension', /unsupported extension \('(?!permessage-deflate')/, 'extension_params_rejected', 0.8, `${tornado}; reproduced: test/fixtures/corpus/python.ndjson corpus-python-46`, { example: 'unsupported extension (\'x-libs-zip\', {\'level\': \'4\'})' }),
    rule('trio.connect_failed', /all attempts to connect to \S+ failed/, 'connection_refused', 0.6, 'trio src/trio/_highlevel_open_tcp_stream.py (OSError "all attempts to connect to ... failed") https://github.com/python-trio/trio/blob/main/src/trio/_highlevel_open_tcp_stream.py; reproduced: test/fixtures/corpus/python.ndjson corpus-python-47', { example: 'HandshakeError(); cause: OSError: all attempts to connect to localhost:10498 failed' }),
    // autobahn hands the app only onClose(1006, 'connection was closed uncleanly ("<reason>")'): the reason decides.
    rule('autobahn.upgrade_failed', /WebSocket connection upgrade failed \[(\d{3})\]/, 'http_rejected', 0.85, `${autobahn}; reproduced: test/fixtures/corpus/python.ndjson corpus-python-48`, { example: 'connection was closed uncleanly ("WebSocket connection upgrade failed [403]: Forbidden")', capture: 'http_status' }),
    rule('autobahn.accept_bogus', /HTTP Sec-WebSocket-Accept bogus value/, 'protocol_error', 0.7, `${autobahn}; reproduced: test/fixtures/corpus/python.ndjson corpus-python-49`, { example: 'connection was closed uncleanly ("HTTP Sec-WebSocket-Accept bogus value : expected ZMNFuc1ZB12SDv8SURVu77Fb7o4= / got UT421w0LgtixpkOak2xSRy2JG6M=")' }),
    rule('autobahn.subprotocol', /subprotocol selected by server "[^"]*" not in subprotocol list requested by client/, 'subprotocol_mismatch', 0.8, `${autobahn}; reproduced: test/fixtures/corpus/python.ndjson corpus-python-50`, { example: 'connection was closed uncleanly ("subprotocol selected by server "chat.v4" not in subprotocol list requested by client "[]"")' }),
    rule('autobahn.illegal_extension_parameter', /illegal extension parameter/, 'extension_params_rejected', 0.75, `${autobahn}; reproduced: test/fixtures/corpus/python.ndjson corpus-python-51`, { example: 'connection was closed uncleanly ("illegal extension parameter \'foo\' for extension \'permessage-deflate\'")' }),
    rule('autobahn.unrequested_extension', /server wants to use extension "[^"]*" we did not request/, 'extension_params_rejected', 0.75, `${autobahn}; reproduced: test/fixtures/corpus/python.ndjson corpus-python-52`, { example: 'connection was closed uncleanly ("server wants to use extension "x-mixed-zip" we did not request, have not implemented or did not enable")' }),
    rule('autobahn.opening_handshake_timeout', /WebSocket opening handshake timeout/, 'network_timeout', 0.8, `${autobahn}; reproduced: test/fixtures/corpus/python.ndjson corpus-python-53`, { example: 'connection was closed uncleanly ("WebSocket opening handshake timeout (peer did not finish the opening handshake in time)")' }),
    rule('aiohttp.certificate_error', /\bClientConnectorCertificateError\b/, 'tls_unknown', 0.6, aiohttp, { example: 'aiohttp.client_exceptions.ClientConnectorCertificateError: Cannot connect to host api.example.com:443 ssl:True' }),
    rule('aiohttp.ssl_error', /\bClientConnectorSSLError\b|\bClientSSLError\b/, 'tls_unknown', 0.55, aiohttp, { example: 'aiohttp.client_exceptions.ClientConnectorSSLError: Cannot connect to host api.example.com:443 ssl:default' }),
  ],
};
