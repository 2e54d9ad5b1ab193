// Rust vocabulary: rustls errors (Debug and Display forms) and tungstenite handshake errors.
import { rule, type Vocabulary } from './types.js';
import { rustlsPeerRules } from './rustls-peer.js';

const rustlsError = 'rustls src/error.rs (Error, CertificateError, PeerIncompatible) https://github.com/rustls/rustls/blob/main/rustls/src/error.rs';
const tungstenite = 'tungstenite src/error.rs (Error::Http, "HTTP error: {}") https://github.com/snapview/tungstenite-rs/blob/master/src/error.rs';

const tungsteniteProtocol = 'tungstenite src/error.rs (ProtocolError: SecWebSocketAcceptKeyMismatch, ResetWithoutClosingHandshake, SecWebSocketSubProtocolError) https://github.com/snapview/tungstenite-rs/blob/master/src/error.rs';

const tokioWebsockets = 'tokio-websockets src/upgrade.rs and src/error.rs (UpgradeError::DidNotSwitchProtocols, WrongWebSocketAccept; Error::CannotResolveHost) https://github.com/Gelbpunkt/tokio-websockets/blob/main/src/error.rs';

export const rustVocabulary: Vocabulary = {
  name: 'rust',
  rules: [
    // rustls read a record that is no TLS record (a plaintext server on the port): the TLS handshake failed. One family in
    // every release: 0.20's Error::CorruptMessage ("received corrupt message", no type) and CorruptMessagePayload(ContentType)
    // ("received corrupt message of type Handshake"), 0.21+'s InvalidMessage(…) ("received corrupt message of type
    // InvalidContentType"); a wrapper's quoting (ws-tool's `IO error: …`) does not change it.
    rule('rustls.invalid_content_type', /\breceived corrupt message(?: of type \w+)?|\bInvalidMessage\(InvalidContentType\)|\bCorruptMessage(?:Payload)?\b/, 'tls_unknown', 0.7, 'rustls src/error.rs (0.20: Error::CorruptMessage Display "received corrupt message", Error::CorruptMessagePayload "received corrupt message of type {:?}"; 0.21+: Error::InvalidMessage(InvalidMessage::InvalidContentType), Display "received corrupt message of type …", Debug "InvalidMessage(InvalidContentType)") https://github.com/rustls/rustls/blob/v/0.20.9/rustls/src/error.rs', { example: 'IO error: received corrupt message of type InvalidContentType' }),
    rule('rustls.expired', /\bInvalidCertificate\(Expired(?:Context)?\b|invalid peer certificate: Expired|certificate expired: verification time/, 'cert_expired', 0.85, rustlsError, { example: 'invalid peer certificate: Expired' }),
    rule('rustls.not_valid_yet', /\bInvalidCertificate\(NotValidYet(?:Context)?\b|invalid peer certificate: NotValidYet|certificate not valid yet\b/, 'cert_not_yet_valid', 0.85, rustlsError, { example: 'InvalidCertificate(NotValidYet)' }),
    rule('rustls.unknown_issuer', /\bInvalidCertificate\(UnknownIssuer\)|invalid peer certificate: UnknownIssuer/, 'untrusted_ca', 0.6, rustlsError, { example: 'invalid peer certificate: UnknownIssuer', ambiguity: 'issuer' }),
    rule('rustls.not_valid_for_name', /\bInvalidCertificate\(NotValidForName(?:Context)?\b|invalid peer certificate: NotValidForName|certificate not valid for name/, 'hostname_mismatch', 0.85, rustlsError, { example: 'invalid peer certificate: NotValidForName' }),
    // A self-signed certificate that is also a CA (openssl req -x509 sets CA:TRUE) served as the leaf.
    rule('webpki.ca_used_as_end_entity', /\bCaUsedAsEndEntity\b/, 'self_signed', 0.75, 'webpki src/error.rs (Error::CaUsedAsEndEntity) https://github.com/rustls/webpki/blob/main/src/error.rs', { example: 'invalid peer certificate: Other(OtherError(CaUsedAsEndEntity))' }),
    rule('webpki.cert_expired', /\bCertExpired\b/, 'cert_expired', 0.85, 'webpki src/error.rs (Error::CertExpired) https://github.com/briansmith/webpki/blob/main/src/error.rs; seen in https://github.com/rustls/rustls/issues/235', { example: 'TLS error: WebPKIError(CertExpired)' }),
    rule('webpki.cert_not_valid_yet', /\bCertNotValidYet\b/, 'cert_not_yet_valid', 0.85, 'webpki src/error.rs (Error::CertNotValidYet) https://github.com/briansmith/webpki/blob/main/src/error.rs', { example: 'TLS error: WebPKIError(CertNotValidYet)' }),
    rule('webpki.cert_not_valid_for_name', /\bCertNotValidForName\b/, 'hostname_mismatch', 0.85, 'webpki src/error.rs (Error::CertNotValidForName) https://github.com/briansmith/webpki/blob/main/src/error.rs; seen in https://github.com/rustls/rustls/issues/1131', { example: 'invalid peer certificate: CertNotValidForName' }),
    rule('rustls.fatal_alert', /received fatal alert: ([A-Za-z]+)|\bAlertReceived\(([A-Za-z]+)\)/, 'tls_unknown', 0.85, rustlsError, { example: 'received fatal alert: ProtocolVersion', capture: 'tls_alert' }),
    rule('rustls.no_cipher_in_common', /\bNoCipherSuitesInCommon\b/, 'cipher_mismatch', 0.85, rustlsError, { example: 'peer is incompatible: NoCipherSuitesInCommon' }),
    rule('rustls.unsupported_version', /\bServerDoesNotSupportTls12Or13\b|\bSupportedVersionsExtensionRequired\b|peer is incompatible: .*Version/, 'tls_version_mismatch', 0.8, rustlsError, { example: 'PeerIncompatible(ServerDoesNotSupportTls12Or13)' }),
    ...rustlsPeerRules,
    rule('tungstenite.accept_mismatch', /Key mismatch in "Sec-WebSocket-Accept" header/i, 'protocol_error', 0.7, `${tungsteniteProtocol}; reproduced: test/fixtures/corpus/rust.ndjson corpus-rust-9`, { example: 'WebSocket protocol error: Key mismatch in "Sec-WebSocket-Accept" header' }),
    // Above system.econnreset (0.75): the connection was open and dropped without a Close frame, a 1006.
    rule('tungstenite.reset_without_close', /Connection reset without closing handshake/, 'abnormal_closure', 0.8, `${tungsteniteProtocol}; reproduced: test/fixtures/corpus/rust.ndjson corpus-rust-10`, { example: 'WebSocket protocol error: Connection reset without closing handshake' }),
    rule('tokio_rustls.handshake_eof', /\btls handshake eof\b/, 'tls_unknown', 0.55, 'reproduced: test/fixtures/corpus/rust.ndjson corpus-rust-12 (tokio-rustls, server closed during the handshake)', { example: 'IO error: tls handshake eof' }),
    rule('native_tls.unexpected_eof', /native-tls error: unexpected EOF/, 'tls_unknown', 0.55, 'rust-native-tls src/imp/openssl.rs (Error::Ssl display) https://github.com/sfackler/rust-native-tls/blob/master/src/imp/openssl.rs; reproduced: test/fixtures/corpus/rust.ndjson corpus-rust-13', { example: 'TLS error: native-tls error: unexpected EOF' }),
    rule('tokio_websockets.did_not_switch', /expected HTTP 101 Switching Protocols, got status code (\d{3})/, 'http_rejected', 0.85, `${tokioWebsockets}; reproduced: test/fixtures/corpus/rust.ndjson corpus-rust-14`, { example: 'expected HTTP 101 Switching Protocols, got status code 401', capture: 'http_status' }),
    rule('tokio_websockets.accept', /mismatching Sec-WebSocket-Accept header/, 'protocol_error', 0.7, `${tokioWebsockets}; reproduced: test/fixtures/corpus/rust.ndjson corpus-rust-15`, { example: 'mismatching Sec-WebSocket-Accept header' }),
    rule('tokio_websockets.dns', /client DNS lookup failed/, 'dns_failure', 0.8, `${tokioWebsockets}; reproduced: test/fixtures/corpus/rust.ndjson corpus-rust-16`, { example: 'client DNS lookup failed' }),
    rule('tokio.deadline_elapsed', /\bdeadline has elapsed\b/, 'network_timeout', 0.65, 'tokio src/time/error.rs (Elapsed: "deadline has elapsed") https://github.com/tokio-rs/tokio/blob/master/tokio/src/time/error.rs; reproduced: test/fixtures/corpus/rust.ndjson corpus-rust-17', { example: 'deadline has elapsed' }),
    // hyper's HTTP/1 connection failed to shut its transport down (Kind::Shutdown): the write of the end (a TLS close_notify,
    // a FIN) failed on a socket the peer had already reset. A drop by the peer, low: the io error it wraps is not printed.
    rule('hyper.shutdown', /\berror shutting down connection\b/, 'network_reset', 0.45, 'hyper src/error.rs (Kind::Shutdown => "error shutting down connection", http1) https://github.com/hyperium/hyper/blob/master/src/error.rs', { example: 'connection error peer=127.0.0.1:34662 error=error shutting down connection' }),
    // tungstenite's Capacity error: a message or frame over its configured max_message_size / max_frame_size (1009's meaning,
    // RFC 6455 §7.4.1), in its Display ("Space limit exceeded: Message too long: 10000 > 4096") or Debug form.
    rule('tungstenite.capacity', /\bSpace limit exceeded: Message too long\b|\bCapacity\(MessageTooLong\b/, 'message_too_big', 0.75, 'tungstenite src/error.rs (Error::Capacity, "Space limit exceeded: {0}"; CapacityError::MessageTooLong, "Message too long: {size} > {max_size}") https://github.com/snapview/tungstenite-rs/blob/master/src/error.rs; reproduced: test/fixtures/holdout-31/rocket.ndjson holdout31-rocket-16', { example: 'websocket error: Space limit exceeded: Message too long: 10000 > 4096 (Capacity(MessageTooLong { size: 10000, max_size: 4096 }))' }),
    // hyper's HTTP/1 parser refused the bytes that came as no HTTP request or answer (Parse::Method, Parse::Version, Parse::Header):
    // a peer that spoke another protocol on the port (a TLS ClientHello on a plaintext listener), a protocol error.
    rule('hyper.parse', /\binvalid HTTP (?:method|version|header) parsed\b/, 'protocol_error', 0.55, 'hyper src/error.rs (Kind::Parse(Parse::Method) "invalid HTTP method parsed", Parse::Version "invalid HTTP version parsed", Parse::Header "invalid HTTP header parsed") https://github.com/hyperium/hyper/blob/master/src/error.rs; reproduced: test/fixtures/holdout-31/rocket.ndjson holdout31-rocket-37', { example: 'Warning: Connection failed: invalid HTTP method parsed' }),
    rule('tungstenite.http', /HTTP error: (\d{3})|Http\(Response \{ status: (\d{3})/, 'http_rejected', 0.85, tungstenite, { example: 'HTTP error: 403 Forbidden', capture: 'http_status' }),
  ],
};
