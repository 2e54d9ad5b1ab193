// A load-test probe's per-attempt counters and logs (tsung): its statistics name each failure as a counter,
// "error_connect_<reason>" with the inet reason of the failed connect, and its match.log records a failed <match> check by
// the name the probe gave it. Counters are read as the codes they are; the retries counter names no cause of its own
// (concept.retries_exhausted, 0.25), so the connect counter beside it decides.
// Erlang's socket messages in a crash report's "Last message in was" say how the connection ended.
import { rule, type Vocabulary } from './types.js';

const tsungClient = 'tsung src/tsung/ts_client.erl (handle_reconnect_issue / reconnect: ts_mon:add({count, error_connect_<Reason>}) for the inet error of a failed connect, then error_abort_max_conn_retries; handle_info in think state: async_unknown_data_rcv) https://github.com/processone/tsung/blob/master/src/tsung/ts_client.erl; tsung user manual "Statistics and reports" (errors) http://tsung.erlang-projects.org/user_manual/reports.html';
const tsungMatch = 'tsung src/tsung/ts_search.erl (match/4 and log_match: a <match> whose condition fails runs its action and writes "<ts> <userid> <sessid> <reqid> <action> - <name>" to match.log; counter nomatch) https://github.com/processone/tsung/blob/master/src/tsung/ts_search.erl; tsung user manual "Checking the server\'s response" http://tsung.erlang-projects.org/user_manual/conf-sessions.html#checking-the-server-s-response';
const tsungWebsocket = 'tsung src/tsung/ts_websocket.erl (parse of the handshake answer: websocket:check_handshake(Header, Accept) fails → ts_mon_cache:add({count, websocket_fail})) https://github.com/processone/tsung/blob/master/src/tsung/ts_websocket.erl; RFC 6455 §4.1 (client steps 1-4)';
const inetPosix = 'Erlang/OTP inet manual, POSIX error codes (econnrefused, econnreset, nxdomain, timeout) https://www.erlang.org/doc/apps/kernel/inet.html#module-posix-error-codes';
const gentcp = 'Erlang/OTP gen_tcp manual ({tcp_closed, Socket}: the peer closed the connection) https://www.erlang.org/doc/apps/kernel/gen_tcp.html and ssl manual ({ssl_closed, SslSocket}: an established TLS connection closed) https://www.erlang.org/doc/apps/ssl/ssl.html';

export const probeVocabulary: Vocabulary = {
  name: 'probe',
  rules: [
    // error_connect_<inet reason>: a closed connect names no TLS (convention 1: a closed connect without TLS words is a reset).
    rule('tsung.error_connect_closed', /\berror_connect_closed\b/, 'network_reset', 0.6, `${tsungClient}; ${inetPosix}`, { example: 'stats: error_connect_closed 5 5' }),
    rule('tsung.error_connect_econnreset', /\berror_connect_econnreset\b/, 'network_reset', 0.65, `${tsungClient}; ${inetPosix}`, { example: 'stats: error_connect_econnreset 1 1' }),
    rule('tsung.error_connect_econnrefused', /\berror_connect_econnrefused\b/, 'connection_refused', 0.7, `${tsungClient}; ${inetPosix}`, { example: 'stats: error_connect_econnrefused 4 4' }),
    rule('tsung.error_connect_timeout', /\berror_connect_(?:timeout|etimedout)\b/, 'network_timeout', 0.65, `${tsungClient}; ${inetPosix}`, { example: 'stats: error_connect_timeout 2 2' }),
    rule('tsung.error_connect_nxdomain', /\berror_connect_nxdomain\b/, 'dns_failure', 0.7, `${tsungClient}; ${inetPosix}`, { example: 'stats: error_connect_nxdomain 1 1' }),
    // Data that arrived while the session waited for nothing (a server's frame between requests): no failure of the session.
    rule('tsung.async_unknown_data_rcv', /\basync_unknown_data_rcv\b/, 'connected', 0.5, tsungClient, { example: 'stats: async_unknown_data_rcv 1 1' }),
    // A failed <match> check named for the upgrade's header (convention 7: a probe's failed check on the extension header is
    // the 1010 family). Only after the nomatch counter: the match.log line alone is also written for a check that matched.
    rule('tsung.nomatch_extensions_header', /\bmatch_(?:stop|abort|restart|loop|continue|log) - [^\n]{0,80}?\bSec-WebSocket-Extensions\b(?<=\bnomatch\b[\s\S]*)/i, 'extension_not_negotiated', 0.6, tsungMatch, { example: 'stats: nomatch 1 1\nmatch.log: 1796302573.36 1 1 1 match_stop - Sec-WebSocket-Extensions:permessage-deflate' }),
    rule('tsung.nomatch_protocol_header', /\bmatch_(?:stop|abort|restart|loop|continue|log) - [^\n]{0,80}?\bSec-WebSocket-Protocol\b(?<=\bnomatch\b[\s\S]*)/i, 'subprotocol_mismatch', 0.6, tsungMatch, { example: 'stats: nomatch 1 1\nmatch.log: 1796302573.36 1 1 1 match_stop - Sec-WebSocket-Protocol:chat' }),
    // The probe's handshake check failed on an answer that was a 101: the 101's headers were refused (RFC 6455 §4.1 steps 2-4,
    // as rule inferred.answer_headers_rejected); a non-101 answer's status decides by itself.
    rule('tsung.websocket_fail_on_101', /\bwebsocket_fail\b(?=[\s\S]*\bHTTP\/1\.1 101\b)/, 'protocol_error', 0.55, tsungWebsocket, { example: 'stats: websocket_fail 1 1\n** Last message in was {tcp,#Port<0.15>, <<"HTTP/1.1 101 Switching Protocols\\r\\nUpgrade: websocket\\r\\n\\r\\n">>}' }),
    // Erlang socket messages as an OTP crash report's last message: the peer closed the TCP connection, or an established TLS
    // connection (an sslsocket exists only once the handshake finished), so no TLS failure.
    rule('erlang.tcp_closed_message', /\{tcp_closed,\s*#Port</, 'network_reset', 0.6, gentcp, { example: '** Last message in was {tcp_closed,#Port<0.15>}' }),
    rule('erlang.ssl_closed_message', /\{ssl_closed,\s*\{sslsocket\b/, 'network_reset', 0.6, gentcp, { example: '** Last message in was {ssl_closed,\n {sslsocket,\n {gen_tcp,#Port<0.15>,tls_connection,undefined}, [<0.201.0>]}}' }),
  ],
};
