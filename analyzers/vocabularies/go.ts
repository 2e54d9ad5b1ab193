// Go vocabulary: crypto/x509 and crypto/tls error strings, gorilla/websocket and coder/websocket handshake errors.
import { rule, type Vocabulary } from './types.js';

const x509 = 'Go src/crypto/x509/verify.go (CertificateInvalidError, UnknownAuthorityError, HostnameError) https://go.dev/src/crypto/x509/verify.go';
const tlsAlert = 'Go src/crypto/tls/alert.go https://go.dev/src/crypto/tls/alert.go';
const tlsHandshake = 'Go src/crypto/tls/handshake_client.go, handshake_server.go https://go.dev/src/crypto/tls/handshake_server.go';
const tlsConn = 'Go src/crypto/tls/conn.go https://go.dev/src/crypto/tls/conn.go';
const gorilla = 'gorilla/websocket client.go (ErrBadHandshake) https://github.com/gorilla/websocket/blob/main/client.go';
const coder = 'coder/websocket dial.go; seen in https://github.com/coder/websocket/issues/316';

const coderClose = 'coder/websocket close.go (CloseError "status = %v and reason = %q", StatusCode names) https://github.com/coder/websocket/blob/master/close.go';
const coderRead = 'coder/websocket read.go ("failed to read frame header: %w") https://github.com/coder/websocket/blob/master/read.go';

const xnet = 'golang.org/x/net/websocket hybi.go (ErrChallengeResponse, ErrBadWebSocketProtocol, ErrUnsupportedExtensions, ErrBadStatus) https://cs.opensource.google/go/x/net/+/master:websocket/hybi.go';
const gobwas = 'gobwas/ws dialer.go and errors.go (ErrHandshakeBadSecAccept, ErrHandshakeBadSubProtocol, ErrHandshakeBadExtensions, StatusError) https://github.com/gobwas/ws/blob/master/dialer.go';

const gws = 'lxzan/gws client.go and internal/error.go (ErrSubprotocolNegotiation, "unexpected status code") https://github.com/lxzan/gws/blob/master/client.go';

export const goVocabulary: Vocabulary = {
  name: 'go',
  rules: [
    // net/http's answer when a TLS dial gets a plaintext HTTP reply: the server does not speak TLS on that port.
    rule('go.http_response_to_https', /\bserver gave HTTP response to HTTPS client\b/, 'tls_unknown', 0.75, 'Go src/net/http/transport.go ("http: server gave HTTP response to HTTPS client") https://github.com/golang/go/blob/master/src/net/http/transport.go', { example: 'Get "https://localhost:8443/": http: server gave HTTP response to HTTPS client' }),
    rule('go.x509_expired_after', /x509: certificate has expired or is not yet valid: current time \S+ is after/, 'cert_expired', 0.9, x509, { example: 'x509: certificate has expired or is not yet valid: current time 2025-06-01T12:00:00Z is after 2025-05-01T00:00:00Z' }),
    rule('go.x509_not_yet_valid_before', /x509: certificate has expired or is not yet valid: current time \S+ is before/, 'cert_not_yet_valid', 0.9, x509, { example: 'x509: certificate has expired or is not yet valid: current time 2025-06-01T12:00:00Z is before 2025-07-01T00:00:00Z' }),
    // Before Go 1.16 the text carried no times: expiry is the usual case, certificate dates decide otherwise.
    rule('go.x509_expired_or_not_yet_valid', /x509: certificate has expired or is not yet valid/, 'cert_expired', 0.65, x509, { ambiguity: 'validity', example: 'x509: certificate has expired or is not yet valid: current time 2025-06-01T12:00:00Z is after 2025-05-01T00:00:00Z' }),
    rule('go.x509_unknown_authority', /x509: certificate signed by unknown authority/, 'untrusted_ca', 0.6, x509, { example: 'x509: certificate signed by unknown authority', ambiguity: 'issuer' }),
    rule('go.x509_hostname', /x509: certificate is valid for .+, not \S+|x509: certificate is not valid for any names|x509: cannot validate certificate for \S+ because it doesn't contain any IP SANs/, 'hostname_mismatch', 0.85, x509, { example: 'x509: certificate is valid for gw.mixed3.test, ops.mixed3.test, not localhost' }),
    rule('go.x509_legacy_common_name', /x509: certificate relies on legacy Common Name field/, 'hostname_mismatch', 0.8, x509, { example: 'x509: certificate relies on legacy Common Name field, use SANs instead' }),
    rule('go.darwin_not_trusted', /\bx509: “[^”]*” certificate is not trusted/, 'untrusted_ca', 0.6, `${x509}; Go src/crypto/x509/root_darwin.go`, { example: 'x509: “localhost” certificate is not trusted', ambiguity: 'issuer' }),
    rule('go.darwin_expired', /\bx509: “[^”]*” certificate is expired/, 'cert_expired', 0.75, 'Go src/crypto/x509/root_darwin.go (macOS platform verifier messages)', { example: 'x509: “api.example.com” certificate is expired' }),
    rule('go.remote_alert', /\bremote error: tls: ([a-z ]+)/, 'tls_unknown', 0.8, tlsAlert, { example: 'remote error: tls: internal error', capture: 'tls_alert' }),
    rule('go.tls_protocol_version', /tls: protocol version not supported|tls: client offered only unsupported versions|tls: server selected unsupported protocol version/, 'tls_version_mismatch', 0.85, `${tlsAlert}; ${tlsHandshake}`, { example: 'remote error: tls: protocol version not supported' }),
    rule('go.tls_no_cipher', /tls: no cipher suite supported by both client and server|tls: server chose an unconfigured cipher suite/, 'cipher_mismatch', 0.85, tlsHandshake, { example: 'tls: no cipher suite supported by both client and server' }),
    rule('go.tls_insufficient_security', /tls: insufficient security level/, 'cipher_mismatch', 0.8, tlsAlert, { example: 'remote error: tls: insufficient security level' }),
    rule('go.tls_handshake_failure', /tls: handshake failure/, 'cipher_mismatch', 0.55, tlsAlert, { example: 'remote error: tls: handshake failure', ambiguity: 'handshake' }),
    rule('go.tls_unknown_ca', /tls: unknown certificate authority/, 'untrusted_ca', 0.8, tlsAlert, { example: 'remote error: tls: unknown certificate authority', ambiguity: 'issuer' }),
    rule('go.tls_expired_certificate', /tls: expired certificate/, 'cert_expired', 0.8, tlsAlert, { example: 'remote error: tls: expired certificate' }),
    rule('go.tls_bad_certificate', /tls: bad certificate|tls: unknown certificate\b(?! authority)|tls: unsupported certificate/, 'tls_unknown', 0.55, `${tlsAlert}; seen in https://github.com/danieldin95/lightstar/issues/1`, { example: 'http: TLS handshake error from 121.225.47.175:6998: remote error: tls: unknown certificate' }),
    rule('go.tls_unrecognized_name', /tls: unrecognized name/, 'hostname_mismatch', 0.7, tlsAlert, { example: 'remote error: tls: unrecognized name' }),
    // Go's HTTPS server on a plaintext HTTP request: it answers the raw 400 itself and logs the TLS handshake error in its place
    // (convention 7: the server's TLS line decides, not the status it wrote). Only the log line's form: a client that reads the
    // 400's body ("Client sent an HTTP request to an HTTPS server.") was answered, and its status decides.
    rule('go.tls_http_to_https', /TLS handshake error from \S+: client sent an HTTP request to an HTTPS server/, 'tls_unknown', 0.6, 'Go src/net/http/server.go (conn.serve: "http: TLS handshake error from %s: %v" on a tls.RecordHeaderError that looks like HTTP, after writing "400 Bad Request") https://go.dev/src/net/http/server.go', { example: 'http: TLS handshake error from 127.0.0.1:44658: client sent an HTTP request to an HTTPS server' }),
    rule('go.tls_not_tls', /tls: first record does not look like a TLS handshake/, 'tls_unknown', 0.6, tlsConn, { example: 'http: TLS handshake error from 10.0.0.2:51234: tls: first record does not look like a TLS handshake' }),
    // ErrBadHandshake stands for a status other than 101 and for a failed Upgrade/Connection/Accept check alike (client.go:
    // one condition, one error): the client refused the answer and did not say why. The status decides (Ambiguity 'answer',
    // classifiers/other-failure/answer-read.ts); a catch-all, so a status the text writes beside it is read too.
    rule('go.gorilla_bad_handshake', /websocket: bad handshake/, 'unknown_failure', 0.5, `${gorilla} (DialContext: resp.StatusCode != 101 || Upgrade || Connection || Sec-Websocket-Accept → ErrBadHandshake)`, { example: 'websocket: bad handshake', ambiguity: 'answer' }),
    // coder/websocket (and nhooyr.io/websocket, its former name) spelled "protcol" in older releases.
    rule('go.coder_accept_mismatch', /WebSocket protoc?ol violation: invalid Sec-WebSocket-Accept/, 'protocol_error', 0.7, `${coder}; reproduced: test/fixtures/corpus/go.ndjson corpus-go-37`, { example: 'failed to WebSocket dial: WebSocket protocol violation: invalid Sec-WebSocket-Accept "UT421w0LgtixpkOak2xSRy2JG6M=", key "m83wgNBzwQOOGGOqhBcoZA=="' }),
    rule('go.coder_subprotocol', /unexpected Sec-WebSocket-Protocol from server/, 'subprotocol_mismatch', 0.8, `${coder}; reproduced: test/fixtures/corpus/go.ndjson corpus-go-38`, { example: 'failed to WebSocket dial: WebSocket protocol violation: unexpected Sec-WebSocket-Protocol from server: "chat.v9"' }),
    rule('go.coder_close_too_big', /received close frame: status = StatusMessageTooBig\b/, 'message_too_big', 0.8, `${coderClose}; reproduced: test/fixtures/corpus/go.ndjson corpus-go-40`, { example: 'failed to get reader: received close frame: status = StatusMessageTooBig and reason = "message too large"' }),
    rule('go.coder_close_policy', /received close frame: status = StatusPolicyViolation\b/, 'policy_violation', 0.8, coderClose, { example: 'failed to get reader: received close frame: status = StatusPolicyViolation and reason = "origin not allowed"' }),
    rule('go.coder_close_internal', /received close frame: status = StatusInternalError\b/, 'server_error', 0.8, coderClose, { example: 'failed to get reader: received close frame: status = StatusInternalError and reason = ""' }),
    rule('go.coder_close_restart', /received close frame: status = Status(?:ServiceRestart|TryAgainLater)\b/, 'service_restart', 0.75, coderClose, { example: 'failed to get reader: received close frame: status = StatusTryAgainLater and reason = "overloaded"' }),
    rule('go.coder_frame_header_eof', /failed to read frame header: (?:unexpected )?EOF/, 'abnormal_closure', 0.6, `${coderRead}; reproduced: test/fixtures/corpus/go.ndjson corpus-go-41`, { example: 'failed to get reader: failed to read frame header: EOF' }),
    rule('go.context_deadline', /\bcontext deadline exceeded\b/, 'network_timeout', 0.65, `Go src/context/context.go (DeadlineExceeded) https://go.dev/src/context/context.go; reproduced: test/fixtures/corpus/go.ndjson corpus-go-39`, { example: 'context deadline exceeded' }),
    rule('go.xnet_challenge', /mismatch challenge\/response/, 'protocol_error', 0.7, `${xnet}; reproduced: test/fixtures/corpus/go.ndjson corpus-go-43`, { example: 'websocket.Dial ws://localhost:10490/: mismatch challenge/response' }),
    rule('go.xnet_protocol', /missing or bad WebSocket-Protocol/, 'subprotocol_mismatch', 0.75, `${xnet}; reproduced: test/fixtures/corpus/go.ndjson corpus-go-44`, { example: 'websocket.Dial ws://localhost:10491/: missing or bad WebSocket-Protocol' }),
    // x/net/websocket offers no extension, so any answered one is the server's protocol violation.
    rule('go.xnet_extensions', /websocket\.Dial \S+: unsupported extensions/, 'extension_params_rejected', 0.7, `${xnet}; reproduced: test/fixtures/corpus/go.ndjson corpus-go-45`, { example: 'websocket.Dial ws://localhost:10497/: unsupported extensions' }),
    rule('go.xnet_bad_status', /websocket\.Dial \S+: bad status/, 'http_rejected', 0.6, `${xnet}; reproduced: test/fixtures/corpus/go.ndjson corpus-go-46`, { example: 'websocket.Dial ws://localhost:10501/: bad status' }),
    rule('go.gobwas_accept', /handshake error: bad "Sec-WebSocket-Accept" header/, 'protocol_error', 0.7, `${gobwas}; reproduced: test/fixtures/corpus/go.ndjson corpus-go-47`, { example: 'handshake error: bad "Sec-WebSocket-Accept" header' }),
    rule('go.gobwas_protocol', /unexpected protocol in "Sec-WebSocket-Protocol" header/, 'subprotocol_mismatch', 0.8, `${gobwas}; reproduced: test/fixtures/corpus/go.ndjson corpus-go-48`, { example: 'unexpected protocol in "Sec-WebSocket-Protocol" header' }),
    // gobwas names the wrong header in this text; it is about an extension the client did not offer.
    rule('go.gobwas_extensions', /unexpected extensions in "Sec-WebSocket-Protocol" header/, 'extension_params_rejected', 0.6, `${gobwas}; reproduced: test/fixtures/corpus/go.ndjson corpus-go-49`, { example: 'unexpected extensions in "Sec-WebSocket-Protocol" header' }),
    rule('go.gobwas_status', /unexpected HTTP response status: (\d{3})/, 'http_rejected', 0.85, `${gobwas}; reproduced: test/fixtures/corpus/go.ndjson corpus-go-50`, { example: 'unexpected HTTP response status: 401', capture: 'http_status' }),
    rule('go.gws_subprotocol', /gws: sub-protocol negotiation failed/, 'subprotocol_mismatch', 0.8, `${gws}; reproduced: test/fixtures/corpus/go.ndjson corpus-go-52`, { example: 'gws: sub-protocol negotiation failed' }),
    rule('go.gws_status', /(?:^|: )unexpected status code: (\d{3})/, 'http_rejected', 0.8, `${gws}; reproduced: test/fixtures/corpus/go.ndjson corpus-go-51`, { example: 'unexpected status code: 403', capture: 'http_status' }),
    rule('go.coder_status', /expected handshake response status code 101 but got (\d{3})/, 'http_rejected', 0.85, coder, { example: 'failed to WebSocket dial: expected handshake response status code 101 but got 403', capture: 'http_status' }),
  ],
};
