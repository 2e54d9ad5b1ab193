// C and C++ vocabulary: Boost.Beast WebSocket handshake errors, Boost.Asio resolver and SSL stream texts, POCO's certificate
// validation, civetweb's client errors and Crow's server log lines.
import { rule, type Vocabulary } from './types.js';

const beast = 'Boost.Beast websocket/impl/error.ipp (error::handshake_rejected / bad_sec_accept messages) and core/error timeout https://github.com/boostorg/beast/blob/develop/include/boost/beast/websocket/impl/error.ipp';
const asio = 'Boost.Asio error.hpp netdb_errors (host_not_found "Host not found (authoritative)") https://github.com/boostorg/asio/blob/develop/include/boost/asio/impl/error.ipp';
const asioSsl = 'Boost.Asio / standalone asio ssl/impl/error.ipp (ssl::error::stream_truncated, "stream truncated") https://github.com/chriskohlhoff/asio/blob/master/asio/include/asio/ssl/impl/error.ipp';
const crowRouting = 'Crow include/crow/routing.h (Router::handle, handle_upgrade: CROW_LOG_INFO "Cannot match rules", response(404)) https://github.com/CrowCpp/Crow/blob/master/include/crow/routing.h';
const crowConnection = 'Crow include/crow/http_connection.h (handle: catch (std::exception&) CROW_LOG_ERROR "An uncaught exception occurred: ", response(500)) https://github.com/CrowCpp/Crow/blob/master/include/crow/http_connection.h';
const httpParser = 'nodejs/http-parser http_parser.c (HPE_INVALID_METHOD, "invalid HTTP method"), vendored by Crow as include/crow/http_parser_merged.h https://github.com/nodejs/http-parser/blob/main/http_parser.h';
const repro = (n: number): string => `reproduced: test/fixtures/corpus/cpp.ndjson corpus-cpp-${n}`;

const poco = 'POCO NetSSL_OpenSSL src/SecureSocketImpl.cpp verifyPeerCertificateImpl (with extended verification, a failed X509Certificate::verify(host) returns X509_V_ERR_APPLICATION_VERIFICATION) and throws CertificateValidationException("Unacceptable certificate from " + host, X509_verify_cert_error_string(rc)) https://github.com/pocoproject/poco/blob/poco-1.11.0-release/NetSSL_OpenSSL/src/SecureSocketImpl.cpp';
const civetweb = 'civetweb src/civetweb.c mg_connect_websocket_client_impl ("Unexpected server reply": the answer to the upgrade was not 101) and mg_connect_client_impl/get_message ("No data received": the connection ended before any response byte) https://github.com/civetweb/civetweb/blob/v1.15/src/civetweb.c';

export const cppVocabulary: Vocabulary = {
  name: 'cpp',
  rules: [
    // POCO's only application verification is the host name check of extended verification.
    rule('poco.unacceptable_certificate_app_verification', /\bUnacceptable certificate from [^:\n]{1,255}: application verification failure\b/, 'hostname_mismatch', 0.8, `${poco}; reproduced: test/fixtures/holdout-8/poco.ndjson holdout8-poco-7`, { example: 'Certificate validation error: Unacceptable certificate from localhost: application verification failure' }),
    rule('civetweb.unexpected_server_reply', /^Unexpected server reply\b/, 'http_rejected', 0.55, `${civetweb}; reproduced: test/fixtures/holdout-8/civetweb.ndjson holdout8-civetweb-4`, { example: 'Unexpected server reply' }),
    rule('civetweb.no_data_received', /^No data received\b/, 'network_reset', 0.5, `${civetweb}; reproduced: test/fixtures/holdout-8/civetweb.ndjson holdout8-civetweb-5`, { example: 'No data received' }),
    // Beast names no status: the upgrade was refused over HTTP (401, 403, 404, 5xx alike).
    rule('beast.handshake_declined', /The WebSocket handshake was declined by the remote peer/, 'http_rejected', 0.6, `${beast}; ${repro(1)}`, { example: 'The WebSocket handshake was declined by the remote peer' }),
    rule('beast.bad_sec_accept', /The WebSocket handshake Sec-WebSocket-Accept field is invalid/, 'protocol_error', 0.7, `${beast}; ${repro(2)}`, { example: 'The WebSocket handshake Sec-WebSocket-Accept field is invalid' }),
    rule('beast.timeout', /The socket was closed due to a timeout/, 'network_timeout', 0.75, `${beast}; ${repro(3)}`, { example: 'The socket was closed due to a timeout' }),
    // The TLS peer closed the TCP connection without a close_notify (asio::ssl::error::stream_truncated): an EOF, reset by the
    // reset/EOF convention; Crow logs it as "Could not start adaptor: stream truncated" when the TLS accept ended so.
    rule('asio.ssl_stream_truncated', /\bstream truncated\b/, 'network_reset', 0.55, `${asioSsl}; reproduced: test/fixtures/holdout-31/crow.ndjson holdout31-crow-50`, { example: 'Could not start adaptor: stream truncated' }),
    // Crow's router found no route for the path and answers 404 (routing.h Router::handle / handle_upgrade: "Cannot match rules",
    // res = response(404)): the upgrade refused over HTTP.
    rule('crow.cannot_match_rules', /\bCannot match rules\b/, 'http_rejected', 0.55, `${crowRouting}; reproduced: test/fixtures/holdout-31/crow.ndjson holdout31-crow-42`, { example: '[INFO    ] Cannot match rules /socket' }),
    // An exception escaped a handler run for the request (the upgrade's onaccept included): Crow answers 500 (http_connection.h
    // handle: catch, "An uncaught exception occurred: ", res = response(500)), the upgrade refused over HTTP. Only in Crow's own
    // logger's error record ("[ERROR   ] "): the words alone are any program's.
    rule('crow.uncaught_exception', /\[ERROR {0,3}\] An uncaught exception occurred: /, 'http_rejected', 0.5, `${crowConnection}; reproduced: test/fixtures/holdout-31/crow.ndjson holdout31-crow-43`, { example: '[ERROR   ] An uncaught exception occurred: session store unavailable' }),
    // Node's http_parser (vendored by Crow as http_parser_merged.h) refused a request line whose method is no HTTP method (a TLS
    // ClientHello on a plaintext port): HPE_INVALID_METHOD, "invalid HTTP method", a protocol error.
    rule('http_parser.invalid_method', /\binvalid HTTP method\b(?! parsed)/, 'protocol_error', 0.55, `${httpParser}; reproduced: test/fixtures/holdout-31/crow.ndjson holdout31-crow-69`, { example: 'from read(1) with description: "invalid HTTP method"' }),
    rule('asio.host_not_found', /\bHost not found \((?:authoritative|non-authoritative\), try again later)\)?/, 'dns_failure', 0.8, `${asio}; ${repro(4)}`, { example: 'resolve: Host not found (authoritative)' }),
  ],
};
