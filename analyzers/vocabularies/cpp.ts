// C++ vocabulary: Boost.Beast WebSocket handshake errors and Boost.Asio resolver texts.
import { rule, type Vocabulary } from './types.js';

const beast = 'Boost.Beast websocket/impl/error.ipp (error::handshake_rejected / bad_sec_accept messages) and core/error timeout https://github.com/boostorg/beast/blob/develop/include/boost/beast/websocket/impl/error.ipp';
const asio = 'Boost.Asio error.hpp netdb_errors (host_not_found "Host not found (authoritative)") https://github.com/boostorg/asio/blob/develop/include/boost/asio/impl/error.ipp';
const repro = (n: number): string => `reproduced: test/fixtures/corpus/cpp.ndjson corpus-cpp-${n}`;

export const cppVocabulary: Vocabulary = {
  name: 'cpp',
  rules: [
    // Beast names no status: the upgrade was refused over HTTP (401, 403, 404, 5xx alike).
    rule('beast.handshake_declined', /The WebSocket handshake was declined by the remote peer/, 'http_rejected', 0.6, `${beast}; ${repro(1)}`, { example: 'The WebSocket handshake was declined by the remote peer' }),
    rule('beast.bad_sec_accept', /The WebSocket handshake Sec-WebSocket-Accept field is invalid/, 'protocol_error', 0.7, `${beast}; ${repro(2)}`, { example: 'The WebSocket handshake Sec-WebSocket-Accept field is invalid' }),
    rule('beast.timeout', /The socket was closed due to a timeout/, 'network_timeout', 0.75, `${beast}; ${repro(3)}`, { example: 'The socket was closed due to a timeout' }),
    rule('asio.host_not_found', /\bHost not found \((?:authoritative|non-authoritative\), try again later)\)?/, 'dns_failure', 0.8, `${asio}; ${repro(4)}`, { example: 'resolve: Host not found (authoritative)' }),
  ],
};
