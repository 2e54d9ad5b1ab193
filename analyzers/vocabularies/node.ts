// Node.js vocabulary: tls error codes (OpenSSL verify names and ERR_SSL_* reasons), ERR_TLS_* codes,
// and the `ws` library's handshake and frame errors. Syscall errnos live in system.ts.
import { rule, type Vocabulary } from './types.js';

const nodeErrors = 'Node.js errors https://nodejs.org/api/errors.html';
const nodeTls = 'Node.js lib/_tls_wrap.js and src/crypto/crypto_common.cc (verify error names) https://github.com/nodejs/node/blob/main/src/crypto/crypto_common.cc';
const nodeAltnames = 'Node.js lib/tls.js checkServerIdentity https://github.com/nodejs/node/blob/main/lib/tls.js';
const nodeSsl = 'Node.js: OpenSSL reason codes surface as ERR_SSL_<REASON> (lib/internal/errors.js) https://nodejs.org/api/errors.html#openssl-error-codes';
const ws = 'ws lib/websocket.js https://github.com/websockets/ws/blob/master/lib/websocket.js';
const wsReceiver = 'ws lib/receiver.js https://github.com/websockets/ws/blob/master/lib/receiver.js';
const repro = 'reproduced: docs/reproductions.md (node-ws against loopback ws/https servers)';
const socketIo = 'socket.io lib/client.ts (a CONNECT to a namespace that does not exist or that no dynamic namespace admits: CONNECT_ERROR "Invalid namespace") https://github.com/socketio/socket.io/blob/4.8.1/packages/socket.io/lib/client.ts';
const undici = 'undici lib/web/websocket/connection.js (failWebsocketConnection reasons) https://github.com/nodejs/undici/blob/main/lib/web/websocket/connection.js';
const wsServer = 'ws lib/websocket-server.js https://github.com/websockets/ws/blob/master/lib/websocket-server.js';

const wsDriver = 'websocket-driver lib/websocket/driver/client.js ("Sec-WebSocket-Protocol mismatch") and websocket-extensions ("Server sent an extension response for unknown extension") https://github.com/faye/websocket-driver-node/blob/main/lib/websocket/driver/client.js';
const websocketNode = 'WebSocket-Node lib/WebSocketClient.js (validateHandshake) https://github.com/theturtle32/WebSocket-Node/blob/master/lib/WebSocketClient.js';

export const nodeVocabulary: Vocabulary = {
  name: 'node',
  rules: [
    rule('socketio.invalid_namespace', /^Invalid namespace$/, 'http_rejected', 0.6, `${socketIo}; reproduced: test/fixtures/holdout-8/socketio.ndjson holdout8-socketio-8`, { example: 'Invalid namespace' }),
    rule('node.cert_has_expired', /\bCERT_HAS_EXPIRED\b/, 'cert_expired', 0.9, nodeTls, { example: 'CERT_HAS_EXPIRED' }),
    rule('node.cert_not_yet_valid', /\bCERT_NOT_YET_VALID\b/, 'cert_not_yet_valid', 0.9, nodeTls, { example: 'CERT_NOT_YET_VALID' }),
    rule('node.depth_zero_self_signed', /\bDEPTH_ZERO_SELF_SIGNED_CERT\b/, 'self_signed', 0.9, nodeTls, { example: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
    rule('node.self_signed_in_chain', /\bSELF_SIGNED_CERT_IN_CHAIN\b/, 'untrusted_ca', 0.9, nodeTls, { example: 'SELF_SIGNED_CERT_IN_CHAIN' }),
    rule('node.unable_to_verify_leaf', /\bUNABLE_TO_VERIFY_LEAF_SIGNATURE\b/, 'incomplete_chain', 0.6, nodeTls, { example: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', ambiguity: 'issuer' }),
    rule('node.unable_to_get_issuer_locally', /\bUNABLE_TO_GET_ISSUER_CERT_LOCALLY\b/, 'untrusted_ca', 0.55, nodeTls, { example: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', ambiguity: 'issuer' }),
    rule('node.unable_to_get_issuer', /\bUNABLE_TO_GET_ISSUER_CERT\b/, 'untrusted_ca', 0.55, nodeTls, { example: 'UNABLE_TO_GET_ISSUER_CERT', ambiguity: 'issuer' }),
    rule('node.cert_untrusted', /\bCERT_UNTRUSTED\b/, 'untrusted_ca', 0.85, nodeTls, { example: 'CERT_UNTRUSTED' }),
    rule('node.altname_invalid', /\bERR_TLS_CERT_ALTNAME_INVALID\b|Hostname\/IP does not match certificate's altnames/, 'hostname_mismatch', 0.9, `${nodeAltnames}; ${repro}`, { example: 'ERR_TLS_CERT_ALTNAME_INVALID' }),
    rule('node.ssl_alert', /\bERR_SSL_(?:SSLV3|TLSV1|TLSV13)_ALERT_([A-Z_]+)\b/, 'tls_unknown', 0.85, nodeSsl, { example: 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION', capture: 'tls_alert' }),
    rule('node.ssl_unsupported_protocol', /\bERR_SSL_UNSUPPORTED_PROTOCOL\b|\bERR_SSL_NO_PROTOCOLS_AVAILABLE\b|\bERR_SSL_VERSION_TOO_LOW\b|\bERR_SSL_UNKNOWN_PROTOCOL\b/, 'tls_version_mismatch', 0.85, nodeSsl, { example: 'ERR_SSL_UNSUPPORTED_PROTOCOL' }),
    rule('node.ssl_no_shared_cipher', /\bERR_SSL_NO_SHARED_CIPHER\b|\bERR_SSL_NO_CIPHERS_AVAILABLE\b|\bERR_SSL_NO_CIPHER_MATCH\b/, 'cipher_mismatch', 0.85, nodeSsl, { example: 'ERR_SSL_NO_SHARED_CIPHER' }),
    rule('node.ssl_wrong_version_number', /\bERR_SSL_WRONG_VERSION_NUMBER\b/, 'tls_unknown', 0.6, nodeSsl, { example: 'ERR_SSL_WRONG_VERSION_NUMBER' }),
    rule('node.tls_disconnected', /Client network socket disconnected before secure TLS connection was established/, 'tls_unknown', 0.78, nodeErrors, { example: 'Client network socket disconnected before secure TLS connection was established' }),
    // The server accepted TCP and never finished the handshake: a timeout, as every held-out lab labelled it (Go's net/http says the same words).
    rule('node.tls_handshake_timeout', /\bERR_TLS_HANDSHAKE_TIMEOUT\b|TLS handshake timeout/, 'network_timeout', 0.7, nodeErrors, { example: 'ERR_TLS_HANDSHAKE_TIMEOUT' }),
    // ws
    rule('ws.unexpected_server_response', /\bUnexpected server response: (\d{3})/, 'http_rejected', 0.85, `${ws}; ${repro}`, { example: 'Unexpected server response: 403', capture: 'http_status' }),
    rule('ws.no_subprotocol', /Server sent no subprotocol|Server sent an invalid subprotocol|Server sent a subprotocol but none was requested/, 'subprotocol_mismatch', 0.85, `${ws}; ${repro}; tungstenite prints the same texts (src/error.rs SubProtocolError https://github.com/snapview/tungstenite-rs/blob/master/src/error.rs; reproduced: test/fixtures/corpus/rust.ndjson corpus-rust-11)`, { example: 'Server sent no subprotocol' }),
    // An extension in the answer that the client never offered: RFC 6455 §9.1 obliges the client to fail the connection.
    rule('ws.unrequested_extension', /Server sent a Sec-WebSocket-Extensions header but no extension was requested/, 'extension_params_rejected', 0.8, ws, { example: 'Server sent a Sec-WebSocket-Extensions header but no extension was requested' }),
    rule('node.extension_not_requested', /Server indicated an extension that was not requested/, 'extension_params_rejected', 0.8, 'reproduced: test/fixtures/corpus/node.ndjson corpus-node-19 (lab server answering x-webkit-deflate-frame)', { example: 'Server indicated an extension that was not requested' }),
    rule('ws.invalid_extensions_header', /Invalid Sec-WebSocket-Extensions header/, 'extension_params_rejected', 0.85, `${ws}; ${repro} (server_max_window_bits=7, unoffered client_max_window_bits)`, { example: 'Invalid Sec-WebSocket-Extensions header' }),
    rule('ws.server_invalid_extensions', /Invalid or unacceptable Sec-WebSocket-Extensions header/, 'extension_params_rejected', 0.8, wsServer, { example: 'Invalid or unacceptable Sec-WebSocket-Extensions header' }),
    rule('ws.rsv1_must_be_clear', /RSV1 must be clear/, 'protocol_error', 0.8, wsReceiver, { example: 'Invalid WebSocket frame: RSV1 must be clear' }),
    rule('ws.invalid_frame', /Invalid WebSocket frame: /, 'protocol_error', 0.75, wsReceiver, { example: 'Invalid WebSocket frame: invalid opcode 7' }),
    rule('ws.max_payload', /Max payload size exceeded/, 'message_too_big', 0.85, wsReceiver, { example: 'Max payload size exceeded' }),
    rule('ws.handshake_timeout', /Opening handshake has timed out/, 'network_timeout', 0.75, ws, { example: 'Opening handshake has timed out' }),
    rule('ws.invalid_accept', /Invalid Sec-WebSocket-Accept header|Invalid Upgrade header/, 'protocol_error', 0.6, ws, { example: 'Invalid Sec-WebSocket-Accept header' }),
    // close() (or terminate()) called while CONNECTING: the connection never opened, and the text names no cause (an after-open
    // 1006 would be wrong). unknown_failure, low: a status, a timer or any other evidence in the event says why (not a wrapper: as an exact rule it keeps
    // concept.reset off its "closed", which names the application's own close).
    rule('ws.closed_before_established', /WebSocket was closed before the connection was established/, 'unknown_failure', 0.3, ws, { example: 'WebSocket was closed before the connection was established' }),
    // undici: Node's global WebSocket (and the npm package's)
    rule('undici.accept_mismatch', /Incorrect hash received in Sec-WebSocket-Accept header/, 'protocol_error', 0.7, `${undici}; reproduced: test/fixtures/corpus/node.ndjson corpus-node-43`, { example: 'Incorrect hash received in Sec-WebSocket-Accept header.' }),
    rule('undici.subprotocol', /Protocol was not set in the opening handshake/, 'subprotocol_mismatch', 0.75, `${undici}; reproduced: test/fixtures/corpus/node.ndjson corpus-node-44`, { example: 'Protocol was not set in the opening handshake.' }),
    rule('undici.extensions_mismatch', /Sec-WebSocket-Extensions header does not match/, 'extension_params_rejected', 0.7, `${undici}; reproduced: test/fixtures/corpus/node.ndjson corpus-node-45`, { example: 'Sec-WebSocket-Extensions header does not match.' }),
    // faye-websocket (websocket-driver) and WebSocket-Node (npm `websocket`)
    // Above the 1002 close faye reports with it (0.8): the text says what the protocol error was.
    rule('faye.protocol_mismatch', /Error during WebSocket handshake: Sec-WebSocket-Protocol mismatch/, 'subprotocol_mismatch', 0.85, `${wsDriver}; reproduced: test/fixtures/corpus/node.ndjson corpus-node-46`, { example: 'Error during WebSocket handshake: Sec-WebSocket-Protocol mismatch' }),
    rule('faye.unknown_extension', /Server sent an extension response for unknown extension/, 'extension_params_rejected', 0.8, `${wsDriver}; reproduced: test/fixtures/corpus/node.ndjson corpus-node-47`, { example: 'Error during WebSocket handshake: Server sent an extension response for unknown extension "x-libs-zip"' }),
    rule('websocket_node.no_protocol', /Server did not respond with a requested protocol/, 'subprotocol_mismatch', 0.8, `${websocketNode}; reproduced: test/fixtures/corpus/node.ndjson corpus-node-48`, { example: 'Server did not respond with a requested protocol.' }),
    rule('websocket_node.accept_mismatch', /Sec-WebSocket-Accept header from server didn't match expected value/, 'protocol_error', 0.7, `${websocketNode}; reproduced: test/fixtures/corpus/node.ndjson corpus-node-49`, { example: 'Sec-WebSocket-Accept header from server didn\'t match expected value of pUPnprcWnUJN2EEbM1bzrFZg1iQ=' }),
    rule('node.socket_hang_up', /\bsocket hang up\b/, 'network_reset', 0.6, nodeErrors, { example: 'socket hang up' }),
  ],
};
