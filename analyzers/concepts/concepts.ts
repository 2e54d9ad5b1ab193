// The generalising tier's concepts: a cause recognised from word classes (lexicon.ts) that occur near
// each other in any text, whatever stack printed it. Each concept carries an example phrasing that no
// vocabulary rule knows, which the tests run it on. Confidences stay below the exact rules (0.6+):
// 0.55 for a specific cause, 0.45-0.5 for generic ones, and the text-level filter (scanner.ts) lets an
// exact rule's finding stand over any concept on the same text.
import type { Cause } from '../../schemas/classification.js';
import type { Ambiguity } from '../candidate.js';
import type { ClassName } from './lexicon.js';

export interface Concept {
  /** Stable id "concept.<what>", printed in evidence. */
  readonly id: string;
  readonly cause: Cause;
  readonly confidence: number;
  readonly ambiguity?: Ambiguity;
  /** Word classes that must all occur within `within` words of each other (in any order). */
  readonly all: readonly ClassName[];
  readonly within: number;
  /** The text must also contain a word of one of these classes, anywhere. */
  readonly context?: readonly ClassName[];
  /**
   * The words fused into one identifier ("HOSTNAME_MISMATCH", "MissingIntermediate") stand without `context`:
   * only for concepts whose words name a certificate fact (a "protocol version" or a "cipher" has other layers).
   */
  readonly identifier?: true;
  /** Only when the words form one identifier by themselves ("SSL_EXPIRED", "G_TLS_CERTIFICATE_NOT_ACTIVATED"). */
  readonly identifierOnly?: true;
  /**
   * Only when the words are one name in any case ("MG_MAX_RECV_SIZE", "maxFrameSize", "max_message_size") that no value
   * follows ("max_message_size=65536" is a setting): a limit named as the error.
   */
  readonly limitName?: true;
  /**
   * Only when the words are one name (one identifier, any case) that no value follows, and `context` holds: an error name
   * built from the concept's words ("KeyMismatch", "no_connection_upgrade"), not the same words in prose.
   */
  readonly name?: true;
  /** Only in prose: the words are not one identifier ("HandshakeError" is a class every handshake failure of a library carries). */
  readonly prose?: true;
  /** The concept does not apply when the text contains a word of one of these classes. */
  readonly unless?: readonly ClassName[];
  /** A wider reading of nearer concepts of the same cause: it stands only where none of them matched, so their evidence is not repeated. */
  readonly widening?: true;
  /** A phrasing the concept recognises and no exact rule does (tests run every concept on it). */
  readonly example: string;
  /**
   * Only in a Close frame's reason (context REASON_FIELD alone): the tests read the example in close.reason, and the other
   * classifier sets the finding aside when the close code is one no Close frame carries (1005, 1006, 1015: the API made it up).
   */
  readonly reasonOnly?: true;
  /**
   * A wrapper phrase that frames another reason ("connection was closed uncleanly (…)"): its finding stands only
   * when no text of the event names another cause (text-findings.ts, dropWrappedBy).
   */
  readonly wrapper?: true;
  /**
   * The concept says a read of the upgrade's answer failed without saying why (a reset, or a timeout the client's timer
   * ended): the event's timing may tell (classifiers/other-failure/answer-read.ts).
   */
  readonly untimed?: true;
  /**
   * Not where the words are one name a number is assigned to ("idleTimeout=5000", "ping_timeout: 20"): a setting printed with its
   * value, no event (round 40, r40-a).
   */
  readonly notSetting?: true;
}

const TLS_CONTEXT: readonly ClassName[] = ['CERT', 'TLS'];

/** In table order: at equal confidence the earlier concept's finding is cited first. */
export const concepts: readonly Concept[] = [
  // --- 1015: certificate validity ---
  { id: 'concept.cert_expired', cause: 'cert_expired', confidence: 0.55, all: ['CERT', 'EXPIRED'], within: 8, example: 'TLS peer validation error: the server cert expired on 2024-01-01' },
  { id: 'concept.cert_not_yet_valid', cause: 'cert_not_yet_valid', confidence: 0.55, all: ['CERT', 'NOT_YET_VALID'], within: 8, example: 'CertificateNotYetValidError: notBefore lies in the future' },
  // "cert is not valid at validation time", "certificate date invalid": a validity-date failure that does not say which end;
  // read as expired (RFC 5280 §4.1.2.5), below the concepts that name either end.
  { id: 'concept.cert_date_invalid', cause: 'cert_expired', confidence: 0.5, ambiguity: 'validity', all: ['CERT', 'NOT_VALID', 'TIME_WORD'], within: 5, example: 'peer cert not valid at current time' },
  { id: 'concept.self_signed_in_chain', cause: 'untrusted_ca', confidence: 0.55, all: ['SELF_SIGNED', 'IN_CHAIN'], within: 5, example: 'verification stopped: a self signed root in the cert chain' },
  // A self-signed root (a private CA) the client does not trust, as verify code 19 says.
  { id: 'concept.self_signed_root', cause: 'untrusted_ca', confidence: 0.55, all: ['SELF_SIGNED', 'ROOT'], within: 8, unless: ['IN_CHAIN'], example: 'chain ends in a root that is self signed and not in the store' },
  { id: 'concept.self_signed', cause: 'self_signed', confidence: 0.55, all: ['SELF_SIGNED'], within: 0, unless: ['IN_CHAIN', 'ROOT'], example: 'peer presented a SelfSigned leaf' },
  // A TLS error name fused from a TLS word and a certificate fact ("SSL_EXPIRED", "SSL_UNTRUSTED", Android SslError):
  // the TLS word stands for the certificate (only inside one identifier: in prose "SSL expired" may be a session).
  { id: 'concept.tls_name_expired', cause: 'cert_expired', confidence: 0.5, all: ['TLS', 'EXPIRED'], within: 3, identifierOnly: true, example: 'onError: SSL_EXPIRED' },
  { id: 'concept.tls_name_not_yet_valid', cause: 'cert_not_yet_valid', confidence: 0.5, all: ['TLS', 'NOT_YET_VALID'], within: 3, identifierOnly: true, example: 'onError: SSL_NOTYETVALID' },
  { id: 'concept.tls_name_untrusted', cause: 'untrusted_ca', confidence: 0.45, ambiguity: 'issuer', all: ['TLS', 'UNTRUSTED_STRICT'], within: 3, identifierOnly: true, example: 'onError: SSL_UNTRUSTED' },
  // --- 1015: names ---
  // "No server host: X in the server certificate", "SNI name X not in cert": a name looked for in the certificate and not there.
  { id: 'concept.hostname_not_in_cert', cause: 'hostname_mismatch', confidence: 0.55, all: ['NEGATION', 'HOSTNAME', 'IN_CERT'], within: 8, context: TLS_CONTEXT, example: 'no DNS name api.example.com found in peer cert' },
  { id: 'concept.bad_identity', cause: 'hostname_mismatch', confidence: 0.5, all: ['BAD_IDENTITY'], within: 0, context: TLS_CONTEXT, example: 'TLS peer: certificate has a bad identity' },
  { id: 'concept.hostname_mismatch', cause: 'hostname_mismatch', confidence: 0.55, all: ['HOSTNAME', 'MISMATCH'], within: 6, context: TLS_CONTEXT, identifier: true, unless: ['NAME_NOT_SENT'], example: "SSL peer's subjectAltName entries do not match wss target" },
  { id: 'concept.hostname_no_match', cause: 'hostname_mismatch', confidence: 0.55, all: ['NEGATION', 'HOSTNAME_STRICT', 'MATCHING'], within: 7, context: TLS_CONTEXT, identifier: true, example: 'cert check: no SubjectAltName entry found matching wss host' },
  // The certificate said not to match a host the text names ("The x509 certificate does not match \"localhost\"", "cert
  // doesn't match 10.0.0.5"): the host check (RFC 6125 §6); a certificate not matching its key or a local copy names no host.
  { id: 'concept.cert_not_match_host', cause: 'hostname_mismatch', confidence: 0.55, all: ['CERT', 'MISMATCH', 'HOST_VALUE'], within: 6, example: "peer certificate doesn't match db.internal" },
  // A name absent from the certificate or its name list ("the SAN list does not include api.example.com", "certificate does not
  // contain the host name"): the host check (RFC 6125 §6). Only with the certificate or its list named: a request or ClientHello that
  // did not include a host name (sniproxy tls.c, "Request from … did not include a hostname") is a name-based proxy's routing refusal,
  // no certificate check (eng-r3; NAME_NOT_SENT: "no SNI", "missing server name" stand the host name concepts down).
  { id: 'concept.hostname_not_listed', cause: 'hostname_mismatch', confidence: 0.55, all: ['CERT_NAME_LIST', 'NAME_ABSENT', 'HOSTNAME'], within: 6, unless: ['NAME_NOT_SENT'], example: 'TLS peer: SAN list does not include the host name api.example.com' },
  { id: 'concept.cert_not_list_host', cause: 'hostname_mismatch', confidence: 0.55, all: ['CERT_NAME_LIST', 'NAME_ABSENT', 'HOST_VALUE'], within: 6, unless: ['NAME_NOT_SENT'], example: 'peer cert does not list db.internal' },
  { id: 'concept.hostname_verify_failed', cause: 'hostname_mismatch', confidence: 0.55, all: ['HOSTNAME_STRICT', 'VERIFY_FAILED_STRICT'], within: 4, example: 'TLS: host name verification failed for api.example.com' },
  // The certificate named invalid for the host name ("CertificateInvalidHostname", "certificate invalid for hostname").
  { id: 'concept.hostname_cert_invalid', cause: 'hostname_mismatch', confidence: 0.55, all: ['CERT', 'VERIFY_FAILED', 'HOSTNAME_STRICT'], within: 4, example: 'peer cert invalid: wrong hostname' },
  // --- 1015: trust ---
  { id: 'concept.untrusted_issuer', cause: 'untrusted_ca', confidence: 0.5, ambiguity: 'issuer', all: ['UNTRUSTED', 'ISSUER'], within: 4, context: [...TLS_CONTEXT, 'CHAIN'], identifier: true, example: 'cert check: issuing authority is not trusted' },
  { id: 'concept.untrusted_root', cause: 'untrusted_ca', confidence: 0.5, ambiguity: 'issuer', all: ['UNTRUSTED_STRICT', 'ISSUER'], within: 3, example: 'TrustResult: ROOT_UNTRUSTED' },
  { id: 'concept.untrusted_certificate', cause: 'untrusted_ca', confidence: 0.5, ambiguity: 'issuer', all: ['CERT', 'UNTRUSTED_STRICT'], within: 4, example: 'Peer Certificate Untrusted' },
  { id: 'concept.incomplete_chain', cause: 'incomplete_chain', confidence: 0.55, all: ['CHAIN', 'INCOMPLETE'], within: 5, context: TLS_CONTEXT, identifier: true, example: 'x509 verify: intermediate certificate missing from the served bundle' },
  // The issuer's own certificate missing or not sent: the server left out its intermediate.
  { id: 'concept.issuer_not_sent', cause: 'incomplete_chain', confidence: 0.5, all: ['ISSUER_CERT', 'INCOMPLETE'], within: 4, context: TLS_CONTEXT, example: 'TLS: issuer cert not provided by peer' },
  // --- 1015: negotiation ---
  { id: 'concept.tls_version', cause: 'tls_version_mismatch', confidence: 0.55, all: ['VERSION', 'NO_SHARED'], within: 6, context: ['TLS'], example: 'ssl: peer offered TLS 1.0 which is disabled by policy' },
  { id: 'concept.tls_protocol', cause: 'tls_version_mismatch', confidence: 0.5, all: ['TLS', 'PROTOCOL', 'NO_SHARED'], within: 5, unless: ['OTHER_PROTOCOL', 'HTTP_NAME'], example: 'SSL protocol not supported by remote endpoint' },
  { id: 'concept.cipher', cause: 'cipher_mismatch', confidence: 0.55, all: ['CIPHER', 'NO_SHARED'], within: 6, unless: ['LEGACY', 'RECORD_LAYER'], example: 'could not agree on a cipher suite with the server' },
  { id: 'concept.cipher_group', cause: 'cipher_mismatch', confidence: 0.5, all: ['CIPHER_WEAK', 'NO_SHARED'], within: 4, context: ['TLS', 'HANDSHAKE'], unless: ['LEGACY', 'RECORD_LAYER'], example: 'tls handshake: no shared curve' },
  // --- 1015: generic ---
  { id: 'concept.tls_handshake_failure', cause: 'tls_unknown', confidence: 0.5, all: ['TLS', 'HANDSHAKE', 'FAILURE'], within: 5, unless: ['TIMEOUT'], example: 'SecureChannelFailure: TLS negotiation aborted' },
  // A handshake named as what failed in a line that names TLS anywhere (a proxy's own log: sozu's "RUSTLS Session(…) >>> Could not perform
  // handshake: …", the session's fields between): the TLS handshake failed, cause unnamed. Not where the line speaks of the WebSocket or
  // HTTP upgrade (that handshake is the upgrade's) or of a timeout.
  { id: 'concept.tls_log_handshake_failed', cause: 'tls_unknown', confidence: 0.45, all: ['HANDSHAKE_FAILED'], within: 0, context: ['TLS'], unless: ['TIMEOUT', 'WEBSOCKET', 'HTTP_NAME', 'BAD_STATUS'], example: 'edge-proxy TLS  conn(id=4, peer=10.0.0.7:50122, sni=None) -> could not perform handshake: Decode' },
  { id: 'concept.certificate_failure', cause: 'tls_unknown', confidence: 0.45, all: ['CERT', 'VERIFY_FAILED'], within: 4, example: 'peer cert could not be verified' },
  // What arrived is no TLS record (RFC 8446 §5.1): the server answered the ClientHello in plaintext (an HTTP port), as
  // Go's "first record does not look like a TLS handshake" and Netty's NotSslRecordException say: the handshake failed.
  { id: 'concept.tls_not_record', cause: 'tls_unknown', confidence: 0.45, all: ['NEGATION', 'TLS', 'TLS_RECORD'], within: 3, unless: ['TIMEOUT', 'DNS_STRONG'], example: 'not an SSL/TLS record: 48545450' },
  // What a TLS listener read did not begin as a handshake or hello (sniproxy tls.c "Request did not begin with TLS handshake.", Go's
  // "first record does not look like a TLS handshake", "data does not start with a ClientHello"): plaintext on a TLS port, the handshake
  // never began (RFC 8446 §5.1; convention 11, tls_unknown). Above concept.tls_not_record, which needs the word "record".
  { id: 'concept.tls_not_begun', cause: 'tls_unknown', confidence: 0.5, all: ['NOT_BEGIN', 'TLS', 'TLS_OPENING'], within: 5, unless: ['TIMEOUT', 'DNS_STRONG'], example: 'listener: bytes do not begin an SSL client hello' },
  // A hello of SSL 2.0 or 3.0 received (sniproxy's "Received SSL 3.0 handshake without extensions", "Received SSL 2.0 Client Hello
  // which can not support SNI"; Go's "unsupported SSLv2 handshake received"): a version RFC 6176 / RFC 7568 retire, one no TLS peer
  // speaks: tls_version_mismatch. In prose only (OpenSSL's "ssl3_get_client_hello" names a function); not an alert ("sslv3 alert …"
  // is OpenSSL's prefix for any TLS alert, concept.tls_alert's).
  { id: 'concept.old_ssl_hello', cause: 'tls_version_mismatch', confidence: 0.55, all: ['OLD_SSL', 'HELLO_SENT'], within: 4, prose: true, unless: ['ALERT_WORD', 'OPENSSL_STATE_NAME'], example: 'got an SSL v3.0 client hello from 10.0.0.2' },
  // A peer's hello the TLS library could not parse (round 36, eng-d1; lexicon PEER_HELLO): the handshake failed on what arrived, cause
  // untold (convention 15: a plaintext request read by a TLS listener as its ClientHello is tls_unknown).
  { id: 'concept.hello_unreadable', cause: 'tls_unknown', confidence: 0.5, all: ['HELLO_BAD', 'PEER_HELLO'], within: 2, prose: true, unless: ['TIMEOUT', 'DNS_STRONG'], example: 'ssl_cli.c:1702: bad server hello message' },
  { id: 'concept.tls_failure', cause: 'tls_unknown', confidence: 0.4, all: ['TLS', 'FAILURE'], within: 3, unless: ['TIMEOUT'], example: 'SSLError in stream' },
  // --- other: transport ---
  { id: 'concept.refused_strong', cause: 'connection_refused', confidence: 0.55, all: ['REFUSED_STRONG'], within: 0, example: 'dial error: ConnectionRefused' },
  { id: 'concept.refused', cause: 'connection_refused', confidence: 0.5, all: ['REFUSED', 'CONNECT'], within: 4, unless: ['BAD_STATUS', 'REJECT_WORD', 'AUTH_WORD', 'INVALID_TOKEN', 'SUBPROTOCOL', 'EXTENSION'], example: 'remote side refused our connect attempt' },
  // A connect that failed without saying why ("Unable to connect", "connect failed"): the evidence says the connect failed, not
  // why (Mono prints the same text for a 403), so unknown_failure, low, and a wrapper: a reason anywhere in the event decides
  // (docs/attribution.md "Labelling conventions", a failure to connect stated without its reason; since 1.5.33, was refused).
  // A connect named at the socket (concept.socket_connect_failed) is the TCP connect itself, read as refused like curl's code 7.
  { id: 'concept.connect_failed', cause: 'unknown_failure', confidence: 0.3, all: ['CONNECT_FAILED'], within: 0, unless: ['TLS', 'CERT', 'HANDSHAKE', 'BAD_STATUS', 'REJECT_WORD', 'AUTH_WORD', 'INVALID_TOKEN', 'ALPN'], example: 'could not open a connection to feed.example.com', wrapper: true },
  // A connect failure named at the socket (TCP) itself ("Error connecting socket", "TCP connect failed"): before any TLS, so a TLS word
  // elsewhere in the text (a wrapper's function name, "…_open_websocket_tls") does not make it a TLS failure. Timeouts and DNS say more.
  { id: 'concept.socket_connect_failed', cause: 'connection_refused', confidence: 0.44, all: ['CONNECT_FAILED', 'SOCKET_WORD'], within: 2, unless: ['TIMEOUT', 'DNS_STRONG', 'BAD_STATUS', 'REJECT_WORD', 'AUTH_WORD', 'INVALID_TOKEN', 'ALPN'], example: 'net: error connecting sock fd=7' },
  { id: 'concept.no_backend', cause: 'connection_refused', confidence: 0.45, all: ['NO_BACKEND'], within: 0, unless: ['TLS', 'CERT', 'TIMEOUT', 'DNS_STRONG'], example: 'proxy: no alive server for pool ws-pool' },
  { id: 'concept.connect_attempt_failed', cause: 'connection_refused', confidence: 0.42, all: ['CONNECT_ATTEMPT', 'FAILED_WORD'], within: 10, unless: ['TLS', 'CERT', 'HANDSHAKE', 'BAD_STATUS', 'REJECT_WORD', 'AUTH_WORD', 'INVALID_TOKEN', 'ALPN', 'DNS_STRONG'], example: 'attempt to connect to 10.0.0.5:8080 (*) failed' },
  // Not a TLS server's certificate resolver (CERT_RESOLVER): it looks up a certificate by SNI, not a name.
  { id: 'concept.dns', cause: 'dns_failure', confidence: 0.55, all: ['DNS_STRONG'], within: 0, unless: ['DNS_SUCCEEDED', 'CERT_RESOLVER'], example: 'lookup of feed.example.com: SERVFAIL' },
  // "lookup failed" names no resolver by itself (an application's own "ledger lookup failed"): only with a host, a host name or a
  // resolver's word or code in the text ("DNS lookup failed", "lookup failed for ws.example.invalid").
  { id: 'concept.lookup_failed', cause: 'dns_failure', confidence: 0.55, all: ['LOOKUP_LOOSE'], within: 0, context: ['HOST_VALUE', 'HOSTNAME', 'HOST_ADDRESS', 'DNS_STRONG'], unless: ['DNS_SUCCEEDED', 'TLS', 'CERT'], example: 'name service: lookup failed for feed.example.com' },
  // Getting the address of a host failed (Helidon's "Failed to get address for host X"): the name did not resolve.
  { id: 'concept.address_lookup', cause: 'dns_failure', confidence: 0.55, all: ['LOOKUP_FAILED', 'HOST_ADDRESS'], within: 7, unless: ['TLS', 'CERT', 'TIMEOUT', 'REFUSED_STRONG'], example: 'net: failed to obtain the IP address for host feed.example.com' },
  // A resolver call named as what failed with the host between ("resolve no-such-host.example failed", "resolving api.example.com
  // failed", "resolution of db.internal failed"): the name did not resolve. Only where a host or host name is named ("failed to resolve
  // module" names none); a timeout or refusal named wins.
  { id: 'concept.resolve_failed', cause: 'dns_failure', confidence: 0.55, all: ['RESOLVE_WORD', 'FAILED_WORD'], within: 3, context: ['HOST_VALUE', 'HOSTNAME', 'HOST_ADDRESS'], unless: ['TLS', 'CERT', 'TIMEOUT', 'REFUSED_STRONG'], example: 'net: resolving feed.example.com has failed' },
  // A failure to connect or reach a backend that names a host under .invalid: RFC 6761 §6.4 has resolvers answer such names
  // negatively, always, so the name did not resolve whatever the connect's own words say ("Failed to connect to … .invalid",
  // a proxy's "can't connect to backend ….invalid"). Above a bare connect or no-backend finding; a timeout or refusal named wins.
  { id: 'concept.invalid_host', cause: 'dns_failure', confidence: 0.5, all: ['INVALID_HOST'], within: 0, context: ['CONNECT_FAILED', 'NO_BACKEND', 'FAILED_WORD', 'CONNECT_ATTEMPT'], unless: ['TLS', 'CERT', 'TIMEOUT', 'REFUSED_STRONG'], example: 'dial feed.example.invalid:443: no route found, connect failed' },
  { id: 'concept.timeout', cause: 'network_timeout', confidence: 0.5, all: ['TIMEOUT'], within: 0, example: 'connect attempt exceeded its deadline' },
  // A keepalive wait that ran out (KEEPALIVE_MISSED): above a bare timeout and a close code an API or server made up for it
  // (convention "A keepalive timeout after open"; other-failure's sent 1011, none's made-up 1001).
  // Not a timer's setting printed as key=value (Jetty 9.4's WebSocketSession toString "…,idleTimeout=5000,…" in its open line): a
  // configuration value, no wait that ran out (round 40, r40-a).
  { id: 'concept.keepalive_missed', cause: 'network_timeout', confidence: 0.55, all: ['KEEPALIVE_MISSED'], within: 0, notSetting: true, example: 'session 12 dropped: missed pong from peer' },
  // An idle timer that ended the connection, in words with no timeout word (IDLE near IDLE_END: poem's "closing connection due to
  // inactivity", "dropped idle client after 300 s"): a timeout (convention "A keepalive timeout after open": timeout words decide;
  // a timeout word present is concept.timeout's or concept.keepalive_missed's).
  { id: 'concept.idle_closed', cause: 'network_timeout', confidence: 0.5, all: ['IDLE', 'IDLE_END'], within: 6, unless: ['TIMEOUT', 'KEEPALIVE_MISSED'], example: 'ws-gw: session 7 reaped after 90 s of inactivity' },
  // Retries ran out ("Max retries exceeded", "connection attempts exhausted", "Max retry calls=1001 to SSL_connect reached"): each
  // attempt failed for a reason the text does not give, so it says the client gave up, not why: unknown_failure, low (since
  // 1.5.26; a timeout only where the text names one, e.g. nopoll's errno=11, EAGAIN). A wrapper: a cause it wraps wins.
  // The attempt was cancelled, by its caller or a timer: it names no cause (low, a wrapper). In a client's own event that ran to a
  // whole-second bound, its timer cancelled it (answer-read.ts; "Cancellation requested" after the connect timer, docs/attribution.md
  // "Labelling conventions"). Not the TLS alert user_canceled (RFC 8446 §6.1).
  { id: 'concept.cancelled', cause: 'unknown_failure', confidence: 0.35, all: ['CANCELLED'], within: 0, unless: ['TLS', 'CERT', 'TIMEOUT', 'TIMER_WORD'], example: 'dial: request was called off (cancellation)', wrapper: true, untimed: true },
  { id: 'concept.retries_exhausted', cause: 'unknown_failure', confidence: 0.25, all: ['RETRY_LIMIT', 'RETRY_WORD'], within: 3, example: 'handshake: gave up, retry limit hit', wrapper: true },
  // Not beside a close stated without its cause (CLOSE_NO_CAUSE: "WebSocket closed with reason: undefined", "closed before the connection
  // was established"): "closed" then names no cause (convention 9); a reset in its own words or a peer's close still is one (concept.reset_named).
  { id: 'concept.reset', cause: 'network_reset', confidence: 0.48, all: ['RESET'], within: 0, unless: ['CLOSED_SESSION', 'DATA_END', 'CLOSE_STATED', 'CLOSE_NO_CAUSE', 'SERVER_DRAIN', 'ALREADY_ENDED', 'CLEAN_END', 'CLOSED_WITHOUT_ERROR'], example: 'peer hung up unexpectedly' },
  // A connection lost whose reason says it closed cleanly (Twisted's connectionLost(ConnectionDone), round 36, eng-d1): an EOF, below any
  // cause a text names (a server's own refusal beside the close it made, 0.45 and up); a reset named beside it keeps concept.reset's reading.
  { id: 'concept.reset_clean', cause: 'network_reset', confidence: 0.44, all: ['RESET', 'CLEAN_END'], within: 8, unless: ['CLOSED_SESSION', 'DATA_END', 'CLOSE_STATED', 'CLOSE_NO_CAUSE', 'SERVER_DRAIN', 'ALREADY_ENDED'], example: 'link: connection lost (ConnectionDone)' },
  { id: 'concept.reset_named', cause: 'network_reset', confidence: 0.48, all: ['RESET_NAMED'], within: 0, context: ['CLOSE_NO_CAUSE'], unless: ['CLOSED_SESSION', 'DATA_END', 'CLOSE_STATED'], example: 'upstream hung up on us; close reason: null' },
  // A session that ended without a Close frame, in words (RFC 6455 §7.1.5: its close code is 1006). A wrapper: autobahn
  // quotes the reason inside it ('connection was closed uncleanly ("<reason>")'), and a cause that reason names wins.
  { id: 'concept.closed_without_close', cause: 'abnormal_closure', confidence: 0.5, all: ['RESET', 'CLOSED_SESSION'], within: 6, unless: ['TLS', 'CERT'], example: 'the connection ended without a Close frame', wrapper: true },
  // Nothing answered within a bound ("no upgrade response within 3s", "reply not received after 10 seconds"): a timeout worded by what did not come.
  { id: 'concept.no_answer_within', cause: 'network_timeout', confidence: 0.5, all: ['NEGATION', 'ANSWER', 'TIME_BOUND', 'TIME_UNIT'], within: 7, example: 'gave up: no upgrade reply within 3s' },
  // The upgrade's handshake left unfinished with no cause or time named: the peer ended the connection before answering.
  { id: 'concept.handshake_unfinished', cause: 'network_reset', confidence: 0.5, all: ['HANDSHAKE_WORD', 'UNFINISHED'], within: 3, unless: ['TIMEOUT', 'TIME_UNIT', 'TLS', 'CERT', 'EXTENSION', 'SUBPROTOCOL'], example: 'client: upgrade handshake incomplete' },
  { id: 'concept.no_answer_in_time', cause: 'network_timeout', confidence: 0.5, all: ['NO_ANSWER', 'TIME_UNIT'], within: 5, example: 'gave up: no reply within 3000 ms' },
  // A read that failed with no cause given: the peer closed before answering (a cause in the text, e.g. a timeout, wins).
  { id: 'concept.read_failed', cause: 'network_reset', confidence: 0.42, all: ['READ_FAILED'], within: 0, unless: ['TLS', 'CERT', 'TIMEOUT', 'EXTENSION', 'FRAME', 'CLOSE_STATED', 'MEMBER_WORD'], example: 'upstream: error reading the answer', untimed: true },
  // The upgrade's answer named as never come ("no HTTP Upgrade response", "no handshake reply from server"), with no time bound,
  // timeout or status: the connection ended before the answer, the server closed on the request (a time bound named is
  // concept.no_answer_within's timeout; an attempt that ran to its timer is read as one, untimed).
  { id: 'concept.no_answer', cause: 'network_reset', confidence: 0.42, all: ['ANSWER_NEVER'], within: 0, context: ['HANDSHAKE_WORD', 'HTTP_NAME', 'WEBSOCKET'], unless: ['TIMEOUT', 'TIME_UNIT', 'TLS', 'CERT', 'SUBPROTOCOL', 'EXTENSION', 'ACCEPT_KEY', 'UPGRADE_HEADER'], example: 'ws client: got no upgrade answer from peer', untimed: true },
  // --- other: the HTTP answer to the upgrade (numbers are read by scanner.ts) ---
  { id: 'concept.bad_status', cause: 'http_rejected', confidence: 0.45, all: ['BAD_STATUS'], within: 0, unless: ['NETWORK_ERROR', 'STATUS_LINE', 'TLS'], example: 'handshake: unexpected status from server' },
  // An HTTP reason phrase as an enum variant or in words, next to a status word ("StatusCodeError(Forbidden)",
  // "status: NotFound", "response code BadGateway"): the upgrade was answered with that status (RFC 9110 §15).
  { id: 'concept.status_reason_phrase', cause: 'http_rejected', confidence: 0.45, all: ['STATUS_WORD', 'REJECT_WORD'], within: 5, unless: ['TLS', 'CERT', 'CLOSE_WORD', 'NETWORK_ERROR'], example: 'Other(StatusCodeError(BadGateway))' },
  // Not when TLS is named: SslStream and others call the TLS handshake "authentication"; nor of data (AEAD: an AEAD tag or MAC).
  { id: 'concept.auth', cause: 'http_auth_rejected', confidence: 0.45, all: ['AUTH_WORD'], within: 0, unless: ['TLS', 'CERT', 'AEAD'], example: 'upgrade denied: Unauthorized' },
  // "invalid token" refuses a credential (a bearer token, a JWT), but not where an HTTP parser speaks (HTTP_SYNTAX): httparse's
  // Error::Token prints "invalid token" for a byte no HTTP token may hold (RFC 9110 §5.6.2), quoted by Pingora ("InvalidHTTPHeader …
  // cause: invalid token") and condure (ParseError(Token)): a malformed request, no credential (eng-r3).
  { id: 'concept.auth_token_invalid', cause: 'http_auth_rejected', confidence: 0.45, all: ['INVALID_TOKEN'], within: 0, unless: ['TLS', 'CERT', 'AEAD', 'HTTP_SYNTAX'], example: 'ws gateway: invalid token for tenant acme' },
  // An authentication (or login) and a verdict on it within three words, in either order ("Service feed failed the authentication",
  // "failed to authenticate", "auth failed", "unable to authenticate", "login refused"): the credentials were refused in words, as
  // concept.auth's fixed phrases say. Not with a TLS or certificate word (SslStream and Mono call the TLS handshake authentication)
  // nor of data (an AEAD tag, a MAC, a decrypt: "cipher: message authentication failed").
  { id: 'concept.auth_failed', cause: 'http_auth_rejected', confidence: 0.45, all: ['AUTH_ACT', 'AUTH_VERDICT'], within: 3, unless: ['TLS', 'CERT', 'AEAD', 'RECORD_LAYER', 'AUTH_WORD'], example: 'relay: tenant acme failed the authentication' },
  // A credential named with a verdict on it ("token in login doesn't match token from configuration", "password incorrect", "invalid
  // API key", "signature mismatch"): the server refused the credentials in words. The noun decides: a certificate that does not match is
  // the host name check, an accept key or Sec-WebSocket-Accept that does not match is the handshake's (RFC 6455 §4.1), a key file's
  // password is local configuration, a parser's "unexpected token" is no credential. Below a close code's own cause (0.5): "token
  // revoked" in a 1008's reason stays the policy the code names.
  { id: 'concept.credential_refused', cause: 'http_auth_rejected', confidence: 0.45, all: ['CREDENTIAL', 'CREDENTIAL_BAD'], within: 5, unless: ['TLS', 'CERT', 'ACCEPT_KEY', 'ACCEPT_HEADER_NAME', 'UPGRADE_HEADER', 'HEADER_NOUN', 'KEY_FILE', 'PARSE_WORD', 'HTTP_SYNTAX'], example: 'login: supplied password is wrong' },
  // --- other: the server's Sec-WebSocket-Accept does not answer the client's key (RFC 6455 §4.1, step 4) ---
  // The request's Sec-WebSocket-Version refused or missing (RFC 6455 §4.2.1 item 6, §4.4): the request broke the opening handshake.
  { id: 'concept.request_version', cause: 'protocol_error', confidence: 0.5, all: ['WS_VERSION', 'VERSION_REFUSED'], within: 6, unless: ['TLS', 'CERT'], example: 'upgrade: web socket version 7 unsupported' },
  { id: 'concept.accept_key', cause: 'protocol_error', confidence: 0.56, all: ['ACCEPT_KEY', 'ACCEPT_BAD'], within: 8, example: 'server accept-key hash wrong for our nonce' },
  // The same in prose, named as the handshake's key ("Server wrong handshake key"): a WebSocket handshake has one key, Sec-WebSocket-Key,
  // whose hash the answer's Accept must carry (RFC 6455 §4.1); a TLS handshake's keys are never named so without a TLS word.
  { id: 'concept.handshake_key', cause: 'protocol_error', confidence: 0.54, all: ['HANDSHAKE_KEY', 'KEY_BAD'], within: 3, unless: ['TLS', 'CERT', 'TLS_RECORD', 'CIPHER'], example: 'peer answered an incorrect handshake key' },
  // The same in the fewest words ("mismatch key", "key does not match"): a key said not to match, no other key named.
  { id: 'concept.key_mismatch', cause: 'protocol_error', confidence: 0.5, all: ['KEY_NOUN', 'KEY_MISMATCH'], within: 2, prose: true, unless: ['TLS', 'CERT', 'KEY_FILE', 'CREDENTIAL', 'OTHER_HANDSHAKE', 'OTHER_KEY', 'AEAD', 'ACCEPT_KEY', 'ACCEPT_HEADER_NAME'], example: 'ws client: keys do not match' },
  // A key called invalid, wrong or bad, said of the server's answer ("invalid server key", "wrong key in response"): the answer's
  // key is its Sec-WebSocket-Accept (RFC 6455 §4.1 step 4), as for concept.key_mismatch; not with another key named (a server's
  // private or host key, an API key), nor with TLS, certificate, key-file or credential words; "handshake key" is concept.handshake_key's.
  { id: 'concept.answer_key', cause: 'protocol_error', confidence: 0.5, all: ['KEY_NOUN', 'ANSWER_KEY_BAD', 'ANSWER_SIDE'], within: 3, prose: true, unless: ['TLS', 'CERT', 'KEY_FILE', 'CREDENTIAL', 'OTHER_HANDSHAKE', 'OTHER_KEY', 'AEAD', 'ACCEPT_KEY', 'ACCEPT_HEADER_NAME', 'HANDSHAKE_KEY'], example: 'client: peer replied with a wrong key' },
  // The same check as an error name's parts ("KeyMismatch", "InvalidNonce") in a text about the upgrade: one name, no value after it.
  { id: 'concept.accept_key_name', cause: 'protocol_error', confidence: 0.54, all: ['KEY_WORD', 'KEY_BAD'], within: 1, name: true, context: ['WEBSOCKET', 'HANDSHAKE', 'HTTP_NAME', 'HTTP_WORD'], unless: ['TLS', 'CERT'], example: 'upgrade: NonceMismatch' },
  // The answer's Upgrade or Connection field named with its value, or its Sec-WebSocket-Accept field, in an error name
  // ("no_connection_upgrade", "NoSecWebSocketAccept").
  { id: 'concept.upgrade_field_name', cause: 'protocol_error', confidence: 0.5, all: ['FIELD_BAD_PREFIX', 'FIELD_VALUE'], within: 4, name: true, context: ['WEBSOCKET', 'HANDSHAKE', 'HTTP_NAME'], unless: ['TLS', 'CERT', 'SUBPROTOCOL', 'EXTENSION', 'RESET', 'TIMEOUT'], example: 'ws handshake: MissingUpgradeWebsocket' },
  // An answer the client could not read as HTTP, nothing else named: most often the server closed on the request (an empty or
  // cut answer). Low (0.4) and a wrapper: any cause another word or field names wins, a status field above all.
  // Not when the text refuses the handshake's answer ("Invalid handshake response"): that answer was read (concept.answer_refused).
  // Only in prose: an error name ("BadResponse", "InvalidResponse") is a library's one variant for every answer it refuses, a
  // status or a header alike (drogon's ReqResult::BadResponse, "Bad response from server"), not a read that came back empty.
  { id: 'concept.unreadable_answer', cause: 'network_reset', confidence: 0.4, prose: true, all: ['UNREADABLE', 'HTTP_ANSWER'], within: 2, unless: ['TLS', 'CERT', 'SUBPROTOCOL', 'EXTENSION', 'ACCEPT_KEY', 'UPGRADE_HEADER', 'PROTOCOL', 'HTTP_VERSION', 'TIMEOUT', 'REFUSED_RESPONSE'], example: 'upgrade: unparsable reply from peer', wrapper: true, untimed: true },
  // The client refused the upgrade's answer and said no more ("ws handshake error", "upgrade failed"): a status other than 101 or a
  // failed header check. The status decides (Ambiguity 'answer': 101 → protocol_error, none → unknown_failure); a wrapper, so a
  // status, header or cause the text names wins ("upgrade failed: unexpected status code: 403").
  { id: 'concept.answer_refused', cause: 'unknown_failure', confidence: 0.45, ambiguity: 'answer', all: ['ANSWER_REFUSED'], within: 0, prose: true, unless: ['TLS', 'CERT', 'OTHER_HANDSHAKE'], example: 'client: ws upgrade rejected', wrapper: true },
  // An HTTP answer's status line called invalid or illegal in prose (websockets' "invalid HTTP status line: SSH-2.0-…", h11's
  // "illegal status line: …"): bytes arrived and were no HTTP status line, the server spoke something else on the port; a protocol
  // error, as concept.malformed_answer. An empty or cut read names the EOF instead; "bad status line" stays concept.unreadable_answer.
  // @see https://github.com/python-websockets/websockets/blob/main/src/websockets/http11.py (Response.parse: "invalid HTTP status line")
  // @see https://github.com/python-hyper/h11/blob/master/h11/_readers.py (maybe_read_from_SEND_RESPONSE_server: "illegal status line")
  { id: 'concept.status_line_invalid', cause: 'protocol_error', confidence: 0.45, all: ['LINE_BAD', 'FIRST_LINE'], within: 3, prose: true, unless: ['TLS', 'CERT', 'TIMEOUT', 'RESET', 'EMPTY_READ'], example: 'upgrade: unparsable status line from peer' },
  // An answer that arrived and is no HTTP (Go's 'malformed HTTP response "\x15\x03\x01…"'): the server spoke something else on the
  // port (TLS on a ws:// port, another protocol), a protocol error; above the unreadable answer, which it outranks as a wrapper.
  { id: 'concept.malformed_answer', cause: 'protocol_error', confidence: 0.42, all: ['MALFORMED', 'HTTP_ANSWER'], within: 3, unless: ['TLS', 'CERT', 'SUBPROTOCOL', 'EXTENSION', 'ACCEPT_KEY', 'TIMEOUT', 'RESET'], example: 'upgrade: garbled reply from peer' },
  // The answer's Upgrade or Connection header missing or wrong (RFC 6455 §4.1, steps 2-3: the client must fail the connection).
  { id: 'concept.upgrade_header', cause: 'protocol_error', confidence: 0.52, all: ['UPGRADE_HEADER', 'HEADER_BAD'], within: 5, unless: ['TLS', 'CERT', 'SUBPROTOCOL', 'EXTENSION', 'ACCEPT_KEY'], example: "answer lacks the Connection header 'upgrade' value" },
  // The same check in any word order, the field named after its header ("missing header upgrade", Netty's "Invalid handshake response
  // connection: null", "invalid response headers: [… connection=Upgrade …]"). Not when the text says the connection broke or timed out.
  { id: 'concept.upgrade_field', cause: 'protocol_error', confidence: 0.5, all: ['HEADER_BAD', 'HEADER_NOUN', 'UPGRADE_FIELD'], within: 5, unless: ['TLS', 'CERT', 'SUBPROTOCOL', 'EXTENSION', 'RESET', 'TIMEOUT', 'REFUSED_STRONG'], example: 'reply field connection: wrong value keep-alive' },
  // The Upgrade field named missing ("missing or bad upgrade", x/net/websocket's ErrBadUpgrade, returned when the answer's Upgrade is not
  // "websocket" or its Connection not "upgrade"; RFC 6455 §4.1 steps 2-3): an upgrade (the process) cannot be missing, its header can.
  // Not when the text names the answer, a status, the request or another header (their concepts decide).
  { id: 'concept.upgrade_missing', cause: 'protocol_error', confidence: 0.5, all: ['UPGRADE_ABSENT', 'UPGRADE_WORD'], within: 3, unless: ['TLS', 'CERT', 'HTTP_ANSWER', 'REFUSED_RESPONSE', 'BAD_STATUS', 'STATUS_WORD', 'REQUEST_WORD', 'SUBPROTOCOL', 'EXTENSION', 'ACCEPT_KEY', 'TIMEOUT', 'RESET'], example: 'ws dial: absent upgrade' },
  // --- other: the peer broke WebSocket framing (RFC 6455 §5.2, §5.5, §7.4) in words protocol-violations.ts does not list ---
  // Not when a limit is named exceeded (actix-http's Overflow "Payload length is invalid or exceeds the size limit"): the size
  // limit is the cause, "invalid" its generic word (concept.size_limit).
  { id: 'concept.frame_violation', cause: 'protocol_error', confidence: 0.52, all: ['FRAME', 'FRAME_BAD'], within: 5, unless: ['TLS', 'CERT', 'EXTENSION', 'HTTP_WORD', 'EXCEEDED'], example: 'peer sent a Frame with the RSV2 bit set: illegal' },
  // The protocol spoken over WebSocket broken by its message sequence or type (graphql-ws's 4004 "First message cannot be of type next",
  // "unexpected message type", "invalid message type: foo"): a protocol error of the application's protocol, as RFC 6455 §7.4.1's 1002
  // is of WebSocket's. Not TLS's unexpected_message alert, nor a message that did not come in time (a timeout).
  { id: 'concept.message_sequence', cause: 'protocol_error', confidence: 0.5, all: ['APP_MESSAGE', 'MESSAGE_BAD'], within: 4, unless: ['TLS', 'CERT', 'TIMEOUT', 'NO_ANSWER'], example: 'subscription: unexpected message type "ka" from peer' },
  // RFC 6455 rules that error names state by their parts (round 8): a control frame fragmented or over 125 bytes (§5.5; above the
  // size concepts: "PingFrameTooLarge" is no message over the client's limit), a masked server frame (§5.1), RSV bits set (§5.2),
  // a continuation out of order (§5.4), a text payload that is no UTF-8 (§8.1).
  { id: 'concept.control_fragmented', cause: 'protocol_error', confidence: 0.53, all: ['CONTROL', 'FRAGMENTED'], within: 3, unless: ['TLS', 'CERT'], example: 'Codec(FragmentedControl)' },
  { id: 'concept.control_frame_size', cause: 'protocol_error', confidence: 0.56, all: ['CONTROL_FRAME', 'CONTROL_SIZE'], within: 5, unless: ['TLS', 'CERT', 'TIMEOUT'], example: 'PongFrameTooBig' },
  { id: 'concept.frame_masked', cause: 'protocol_error', confidence: 0.52, all: ['MASKED', 'FRAME_NOUN'], within: 4, unless: ['TLS', 'CERT'], example: 'MaskedFrameFromServer' },
  { id: 'concept.rsv_set', cause: 'protocol_error', confidence: 0.53, all: ['RSV_BIT', 'BIT_SET'], within: 4, unless: ['TLS', 'CERT'], example: 'ws: RSV3 set' },
  // The same rules as the error's whole name (round 11): RSV bits (§5.2) and a control frame over its size (§5.5), in one identifier.
  { id: 'concept.rsv_name', cause: 'protocol_error', confidence: 0.52, all: ['RSV_NAME'], within: 0, name: true, unless: ['TLS', 'CERT'], example: 'read: error.ReservedBits' },
  // The RSV bits named beside the frame that carried them (txWS's "Reserved flag in HyBi-07 frame"): RSV bits are named only where
  // they were set without an extension's meaning (RFC 6455 §5.2); a draft's name between them ("HyBi-07") keeps them apart.
  { id: 'concept.rsv_in_frame', cause: 'protocol_error', confidence: 0.52, all: ['RSV_NAME', 'FRAME_NOUN'], within: 6, unless: ['TLS', 'CERT'], example: 'reserved bit set on a draft-10 text frame' },
  // The control frame named by "control" alone beside §5.5's number ("len > 125 for control"): the number says the rule.
  { id: 'concept.control_over_125', cause: 'protocol_error', confidence: 0.53, all: ['CONTROL', 'CONTROL_LIMIT'], within: 4, unless: ['TLS', 'CERT', 'TIMEOUT'], example: 'ws: len > 125 for control' },
  { id: 'concept.message_before_fin', cause: 'protocol_error', confidence: 0.52, all: ['DATA_START', 'BEFORE_FIN'], within: 3, unless: ['TLS', 'CERT', 'HTTP_WORD', 'RESET', 'TIMEOUT'], example: 'ws: text frame before FIN of the open message' },
  { id: 'concept.control_size_name', cause: 'protocol_error', confidence: 0.53, all: ['CONTROL', 'SIZE_ADJ'], within: 1, identifierOnly: true, unless: ['TLS', 'CERT', 'TIMEOUT'], example: 'read: error.BigControl' },
  { id: 'concept.bit_expected', cause: 'protocol_error', confidence: 0.52, all: ['BIT_EXPECTED'], within: 0, unless: ['TLS', 'CERT'], example: 'ERR_MASK_REQUIRED' },
  { id: 'concept.fragment_order', cause: 'protocol_error', confidence: 0.52, all: ['CONTINUATION', 'ORDER_BAD'], within: 3, unless: ['TLS', 'CERT', 'HTTP_WORD'], example: 'ExpectedContinuation' },
  // A frame length in a longer encoding than its size needs, refused (§5.2's minimal encoding; lexicon LENGTH_ENCODING).
  { id: 'concept.length_encoding', cause: 'protocol_error', confidence: 0.52, all: ['FRAME', 'LENGTH_ENCODING', 'ENCODING_REFUSED'], within: 6, unless: ['TLS', 'CERT', 'HTTP_WORD'], example: 'ws reader: rejected 64-bit encoding of payload length 7' },
  // A frame called corrupted says a rule was broken, not which: a wrapper, below a size or rule the message names.
  { id: 'concept.frame_corrupted', cause: 'protocol_error', confidence: 0.46, all: ['FRAME', 'CORRUPTED'], within: 3, unless: ['TLS', 'CERT'], example: 'CorruptFrameError', wrapper: true },
  // A framing error named as such (lexicon FRAMING_FAILED): the peer's bytes did not decode as the frames of the protocol read, a
  // protocol error of that protocol (RFC 6455 §7.4.1's 1002 for WebSocket's). Not with TLS words (a TLS record layer's "bad record").
  { id: 'concept.framing_error', cause: 'protocol_error', confidence: 0.5, all: ['FRAMING_FAILED'], within: 0, unless: ['TLS', 'CERT'], example: 'amqp reader: FramingError on channel 3' },
  // A message that could not be decoded because its data ended inside a structure (lexicon DATA_END): the peer's data broke the
  // format the endpoint reads, the failure RFC 6455 §7.4.1 gives 1007 ("data within a message that was not consistent with the type").
  { id: 'concept.data_cut_short', cause: 'protocol_error', confidence: 0.5, all: ['DATA_END'], within: 0, unless: ['TLS', 'CERT'], example: 'decoder: unexpected end of buffer while reading update' },
  { id: 'concept.invalid_utf8', cause: 'protocol_error', confidence: 0.5, all: ['UTF8', 'UTF8_BAD'], within: 4, unless: ['TLS', 'CERT'], example: 'BadUtf8Payload' },
  // --- other: the upgrade answered in another HTTP version (RFC 6455 §4.1), "protocol error" in a WebSocket text ---
  { id: 'concept.http_version', cause: 'protocol_error', confidence: 0.56, all: ['HTTP_VERSION', 'VERSION_BAD'], within: 6, unless: ['TLS'], example: 'upgrade answer speaks HTTP/1.0 but HTTP/1.1 is required: bad' },
  { id: 'concept.ws_protocol_error', cause: 'protocol_error', confidence: 0.5, all: ['WS_PROTOCOL_ERROR'], within: 0, context: ['WEBSOCKET', 'CLOSE_CONTEXT', 'REASON_FIELD'], unless: ['TLS', 'CERT'], example: 'ws session: protocol violation by peer', wrapper: true },
  // --- other and none: a close named in words (RFC 6455 §7.4.1; IANA WebSocket Close Code Number Registry), for texts that carry the close ---
  { id: 'concept.close_restart', cause: 'service_restart', confidence: 0.5, all: ['CLOSE_RESTART'], within: 0, unless: ['TLS', 'CERT'], example: 'StatusCode.TRY_AGAIN_LATER' },
  // A policy condition whose words name the size limit it enforced is the size's (convention 17: a server's own record of why it ended a
  // session, by its reason): RFC 6120 §4.9.3.14 names <policy-violation/> for "a stanza exceeds a configured size limit", and Prosody's
  // mod_websocket sends it with "stanza too large" for the frame it would close 1009. Round 40, r40-a.
  // @see https://www.rfc-editor.org/rfc/rfc6120#section-4.9.3.14
  { id: 'concept.close_policy', cause: 'policy_violation', confidence: 0.53, all: ['CLOSE_POLICY'], within: 0, unless: ['TLS', 'CERT', 'CLOSE_TOO_BIG'], example: 'CloseStatus: PolicyViolation' },
  // A policy named as what refused, in a close ("close 4403: forbidden by policy", a reason "denied by policy"): 1008 Policy Violation in
  // words (RFC 6455 §7.4.1). Only in a close (a close word, or the text is a Close frame's reason): "forbidden by policy" in an HTTP answer
  // is that status's.
  { id: 'concept.close_policy_refusal', cause: 'policy_violation', confidence: 0.5, all: ['POLICY_WORD', 'POLICY_REFUSAL'], within: 3, context: ['CLOSE_WORD', 'REASON_FIELD'], unless: ['TLS', 'CERT'], example: 'session closed: denied by policy' },
  { id: 'concept.close_too_big', cause: 'message_too_big', confidence: 0.53, all: ['CLOSE_TOO_BIG'], within: 0, unless: ['TLS', 'CERT', 'HTTP_WORD'], example: 'Close(MessageTooBig)' },
  // The same as a close status's name ("StatusMessageTooBig"): "status" there is the close status, no HTTP answer.
  { id: 'concept.close_status_too_big', cause: 'message_too_big', confidence: 0.53, all: ['CLOSE_STATUS_NAME', 'CLOSE_TOO_BIG'], within: 3, name: true, unless: ['TLS', 'CERT'], example: 'CLOSE_STATUS_MESSAGE_TOO_BIG' },
  // The limit named as the error itself (Mongoose's mg_error(c, "MG_MAX_RECV_SIZE") when a message outgrows its receive buffer).
  { id: 'concept.size_limit_name', cause: 'message_too_big', confidence: 0.45, all: ['LIMIT_MAX', 'LIMIT_WHAT'], within: 3, limitName: true, unless: ['TLS', 'CERT', 'ALPN', 'SETTING_WORD'], example: 'ws read: MAX_INCOMING_SIZE' },
  // A message or frame over a limit in words apart ("message exceeded the locally configured limit"); not a rate or request limit.
  { id: 'concept.message_over_limit', cause: 'message_too_big', confidence: 0.5, all: ['DATA_NOUN', 'EXCEEDED', 'LIMIT_WORD'], within: 6, unless: ['TLS', 'CERT', 'HTTP_WORD', 'EXTENSION', 'RATE', 'CONTROL_FRAME'], example: 'inbound frame exceeded our max' },
  // A message's or frame's length stated as unsupported ("payload length not supported", ws's WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH):
  // above the frame words' own reading (0.52), which the same "unsupported" wakes; a control frame's length is §5.5's rule, no limit.
  { id: 'concept.size_unsupported', cause: 'message_too_big', confidence: 0.53, all: ['SIZE_LIMIT', 'SIZE_UNSUPPORTED'], within: 4, unless: ['TLS', 'CERT', 'HTTP_WORD', 'EXTENSION', 'CONTROL_FRAME'], example: 'frame length not supported: 9007199254740992' },
  // A received length over the receiver's buffer ("advertised length (70000) greater than buffer size (16383)", "Insufficient buffer for
  // payload size 70000"): above a read failure logged after it (0.42), which is how the server then dropped the connection.
  { id: 'concept.length_over_buffer', cause: 'message_too_big', confidence: 0.5, all: ['LENGTH_WORD', 'BUFFER_SHORT'], within: 5, unless: ['TLS', 'CERT', 'HTTP_WORD', 'EXTENSION', 'HEADER_NOUN'], example: 'ws: declared frame length 900000 exceeds buffer of 65536' },
  { id: 'concept.size_limit', cause: 'message_too_big', confidence: 0.5, all: ['SIZE_LIMIT', 'EXCEEDED'], within: 5, unless: ['TLS', 'CERT', 'HTTP_WORD', 'EXTENSION'], example: 'incoming frame length exceeds the configured limit' },
  // 1011 Internal Error by name, only next to a close word: alone, "Internal Server Error" is HTTP 500's reason phrase.
  // The internal-error words in an error text that names no close, status or HTTP ("Error 100: internal server error (temporary:
  // True)", Centrifuge's ReplyError; JSON-RPC 2.0's -32603 "Internal error"; STOMP's ERROR frame): an application protocol's reply
  // after the upgrade, the server's failure (server_error, as 1011 for a session: RFC 6455 §7.4.1). Before the upgrade succeeded the
  // same words are an HTTP answer's reason phrase; so the finding is a default (Ambiguity 'session') that the other classifier reads
  // only on a session that opened (a 101 recorded, or outcome closed), as MQTT's generic reasons stand only beside an MQTT word.
  // @see https://centrifugal.dev/docs/transports/client_protocol (Error: code 100 "internal server error", temporary)
  // @see https://www.jsonrpc.org/specification (5.1 Error object: -32603 Internal error)
  { id: 'concept.reply_internal_error', cause: 'unknown_failure', confidence: 0.45, ambiguity: 'session', all: ['INTERNAL_ERROR'], within: 0, unless: ['TLS', 'CERT', 'BAD_STATUS', 'CLOSE_WORD', 'REASON_FIELD', 'HTTP_NAME'], example: 'rpc reply: code 13, Internal Error' },
  { id: 'concept.close_internal_error', cause: 'server_error', confidence: 0.5, all: ['CLOSE_WORD', 'INTERNAL_ERROR'], within: 4, unless: ['TLS', 'CERT', 'BAD_STATUS', 'STATUS_VERB'], example: 'WebSocketCloseStatus.InternalServerError' },
  // The same words as a Close frame's reason (close.reason), where the field is the close: an application code (3000-4999, RFC 6455 §7.4.2)
  // with the reason "Internal server error" (graphql-ws's 4500) names 1011's cause. Not with a status or an HTTP word in the reason.
  { id: 'concept.reason_internal_error', cause: 'server_error', confidence: 0.5, all: ['INTERNAL_ERROR'], within: 0, context: ['REASON_FIELD'], unless: ['TLS', 'CERT', 'BAD_STATUS', 'STATUS_VERB', 'STATUS_WORD'], example: 'Internal server error', reasonOnly: true },
  // A server closing its sessions as it stops (lexicon SERVER_DRAIN): 1001 Going Away's meaning, not a drop.
  { id: 'concept.server_drain', cause: 'going_away', confidence: 0.5, all: ['SERVER_DRAIN'], within: 0, unless: ['TLS', 'CERT'], example: 'closing active connections num=3' },
  { id: 'concept.close_going_away', cause: 'going_away', confidence: 0.5, all: ['CLOSE_GOING_AWAY'], within: 0, unless: ['TLS', 'CERT'], example: 'peer: endpoint going away' },
  // A close's reason in words of its own, where no registered code says it (an application code 3000-4999, or a library's own
  // code below 1000 that no Close frame carried; RFC 6455 §7.4.2; Centrifugo's disconnect codes 3001 "shutdown", 3501 "bad request",
  // https://centrifugal.dev/docs/server/codes): the server stops (1001's meaning), the peer's message broke the protocol spoken
  // (1003's name; "bad request"), or the server asks the client to come back (a planned close, as 1000 with that reason).
  { id: 'concept.reason_shutdown', cause: 'going_away', confidence: 0.5, all: ['REASON_SHUTDOWN'], within: 0, context: ['REASON_FIELD'], unless: ['TLS', 'CERT', 'RESET', 'BAD_STATUS'], example: 'shutdown', reasonOnly: true },
  // A peer that says it is leaving (RFC 6455 §7.4.1, 1001: "a browser having navigated away from a page"): going away in its words.
  { id: 'concept.reason_leaving', cause: 'going_away', confidence: 0.5, all: ['REASON_LEAVING'], within: 0, context: ['REASON_FIELD'], unless: ['TLS', 'CERT', 'RESET', 'BAD_STATUS', 'FAILURE'], example: 'user leaving', reasonOnly: true },
  { id: 'concept.reason_bad_data', cause: 'protocol_error', confidence: 0.5, all: ['REASON_BAD_DATA'], within: 0, context: ['REASON_FIELD'], unless: ['TLS', 'CERT'], example: 'bad request', reasonOnly: true },
  // A reason that says the close is routine (key or certificate upkeep, a planned close, "no action needed", "bye"): a normal close in
  // the application's words, as 1000 with that reason (RFC 6455 §7.4.2: 3000-4999 carry no meaning of their own). A TLS or certificate
  // word in it names what is kept up, not a failure: only words that something failed, expired or was refused rule it out.
  { id: 'concept.reason_routine', cause: 'normal_closure', confidence: 0.45, all: ['REASON_ROUTINE'], within: 0, context: ['REASON_FIELD'], unless: ['FAILURE', 'RESET', 'BAD_STATUS', 'EXPIRED', 'NOT_YET_VALID', 'UNTRUSTED', 'MISMATCH', 'NAME_ABSENT', 'REFUSED', 'TIMEOUT', 'INTERNAL_ERROR'], example: 'signing key rollover, no action needed', reasonOnly: true },
  { id: 'concept.reason_reconnect', cause: 'normal_closure', confidence: 0.45, all: ['REASON_RECONNECT'], within: 0, context: ['REASON_FIELD'], unless: ['RESET', 'BAD_STATUS'], example: 'maintenance done, please reconnect', reasonOnly: true },
  // --- other: subprotocol ---
  { id: 'concept.subprotocol', cause: 'subprotocol_mismatch', confidence: 0.55, all: ['SUBPROTOCOL', 'SUB_NEGATIVE'], within: 6, example: 'server picked a sub-protocol we never asked for: mismatch' },
  // Both sides of the negotiation named ("requested chat.v2, server selected chat.v1"): only a refusal is logged so.
  { id: 'concept.subprotocol_answer', cause: 'subprotocol_mismatch', confidence: 0.55, all: ['SUBPROTOCOL', 'SUB_REQUESTED', 'SUB_SELECTED'], within: 10, example: 'client wanted sub protocol v2 yet server chose v1' },
  // The subprotocol the client asked for set against an answer with none or another, in a driver's words ("Sec-WebSocket-Protocol:
  // requested \"chat\", answer has none"; tungstenite's "Server sent no subprotocol" says the same nearer): the request's side named
  // with an absence or refusal, farther apart than concept.subprotocol reads (RFC 6455 §4.1 client step 6, §11.3.4). Round 40, r40-b.
  { id: 'concept.subprotocol_unanswered', cause: 'subprotocol_mismatch', confidence: 0.55, all: ['SUBPROTOCOL', 'SUB_REQUESTED', 'SUB_NEGATIVE'], within: 10, widening: true, example: 'Sec-WebSocket-Protocol: asked for "v2.stomp", the 101 carried none' },
  // A library's own word for the subprotocol is "protocol": named with both sides, or refused, with no TLS, URL or ALPN word about.
  { id: 'concept.protocol_answer', cause: 'subprotocol_mismatch', confidence: 0.5, all: ['PROTOCOL', 'SUB_REQUESTED', 'SUB_SELECTED'], within: 10, unless: ['TLS', 'CERT', 'VERSION', 'OTHER_PROTOCOL', 'HTTP_NAME'], example: "client offered protocols [a, b]; server agreed on 'c'" },
  // A "protocol" the server returned that the client calls wrong ("unsolicited protocol returned", "missing protocol returned by the
  // server"): the subprotocol answer (RFC 6455 §4.1 step 6), even inside an HTTP-header text; not a TLS or HTTP version.
  { id: 'concept.protocol_returned', cause: 'subprotocol_mismatch', confidence: 0.5, all: ['SUB_NEGATIVE', 'PROTOCOL', 'SUB_SELECTED'], within: 4, unless: ['TLS', 'CERT', 'VERSION', 'OTHER_PROTOCOL', 'HTTP_VERSION'], example: "server replied with unacceptable protocol 'x.v3'" },
  // Not beside a frame or close word: Rust's Error::Protocol(…) wraps a framing error ("Protocol(InvalidCloseSequence)"); nor where
  // the protocol is the WebSocket protocol itself ("the client is not using the websocket protocol").
  { id: 'concept.protocol_refused', cause: 'subprotocol_mismatch', confidence: 0.45, all: ['PROTOCOL', 'SUB_NEGATIVE'], within: 3, unless: ['TLS', 'CERT', 'VERSION', 'OTHER_PROTOCOL', 'HTTP_NAME', 'HANDSHAKE', 'FRAME', 'CLOSE_WORD', 'WS_PROTOCOL_ITSELF', 'PEER_ORIGIN', 'REMOTE_PROTOCOL'], example: 'peer answered with an unsupported Protocol' },
  // The client's protocol list named beside the server's refusal of it, words apart ("Client didn't want to talk XMPP, list of protocols
  // was mqtt"): the offer lacked the server's own subprotocol. Not a TLS, ALPN or version list.
  { id: 'concept.protocol_list_refused', cause: 'subprotocol_mismatch', confidence: 0.5, all: ['PROTOCOL_LIST', 'LIST_REFUSED'], within: 8, unless: ['TLS', 'CERT', 'VERSION', 'OTHER_PROTOCOL', 'HTTP_VERSION', 'CIPHER'], example: 'ws: offered protocols [mqtt, stomp] do not include sip' },
  // A connection the server's socket service found failed under it (libwebsockets' close "caller: server socket svc fail"): the peer's
  // socket ended or errored before any answer, the transport's end (network_reset), not an application's refusal.
  { id: 'concept.socket_service_failed', cause: 'network_reset', confidence: 0.48, all: ['SOCKET_SERVICE_FAILED'], within: 0, unless: ['TLS', 'CERT', 'CLOSE_STATED'], example: 'srv: server socket service failed' },
  // A server's HTTP parser refusing the request's method (RFC 9112 §3: the request line; a server that cannot parse it answers 400 or
  // drops the connection): the peer's request broke HTTP, the protocol the listener speaks (protocol_error, as a 400 would say).
  // @see https://www.rfc-editor.org/rfc/rfc9112#section-3
  { id: 'concept.request_method_refused', cause: 'protocol_error', confidence: 0.5, all: ['METHOD_REFUSED', 'HTTP_SYNTAX'], within: 12, unless: ['TLS', 'CERT', 'SUBPROTOCOL'], example: 'http parser: unknown method, request dropped' },
  // The emitter's OWN protocol refused on a connecting peer's bytes, the peer named by its address (a proxy's listener that cannot
  // tell which of its protocols a client spoke; an MQTT broker whose CONNECT carries another protocol name, MQTT 3.1.1 §3.1.2.1:
  // "the Server MAY disconnect the Client"): the peer broke the protocol the listener speaks (protocol_error), no subprotocol was
  // negotiated. A subprotocol refusal still reads with a subprotocol word (concept.subprotocol). Not the next hop's protocol.
  // @see http://docs.oasis-open.org/mqtt/mqtt/v3.1.1/os/mqtt-v3.1.1-os.html#_Toc398718030 (3.1.2.1 Protocol Name)
  { id: 'concept.peer_protocol_refused', cause: 'protocol_error', confidence: 0.45, all: ['PROTOCOL', 'SUB_NEGATIVE', 'PEER_ORIGIN'], within: 8, unless: ['TLS', 'CERT', 'VERSION', 'OTHER_PROTOCOL', 'HTTP_NAME', 'SUBPROTOCOL', 'REMOTE_PROTOCOL', 'WS_PROTOCOL_ITSELF'], example: 'unsupported protocol from 10.0.0.7' },
  // Round 36 (eng-d1): the WebSocket version refused by the side reading it (RFC 6455 §4.2.2; lexicon WS_VERSION), a request the server
  // says was no WebSocket request (§4.2.1), an MQTT control packet called malformed (MQTT 5.0 §4.13: Malformed Packet): the peer
  // broke the protocol spoken. Not beside a TLS word (a TLS "protocol version" is convention 4's), an HTTP name or a subprotocol.
  { id: 'concept.protocol_version_refused', cause: 'protocol_error', confidence: 0.5, all: ['PROTO_VERSION', 'PROTO_VERSION_REFUSED'], within: 4, prose: true, unless: ['TLS', 'CERT', 'HTTP_NAME', 'SUBPROTOCOL', 'OTHER_PROTOCOL', 'ALERT_WORD', 'TLS_VERSION_NAME'], example: 'server: protocol version 6 is not supported here' },
  { id: 'concept.not_ws_request', cause: 'protocol_error', confidence: 0.5, all: ['NOT_WS_REQUEST'], within: 0, unless: ['TLS', 'CERT', 'SUBPROTOCOL'], example: 'refusing: not a websocket request' },
  { id: 'concept.mqtt_packet_malformed', cause: 'protocol_error', confidence: 0.5, all: ['MQTT_MALFORMED', 'MQTT_PACKET'], within: 1, unless: ['TLS', 'CERT', 'HTTP_NAME'], example: 'client c7: malformed SUBSCRIBE, dropping' },
  // --- 1010: extension negotiation (RFC 6455 §9.1, RFC 7692 §5-7); not when only TLS extensions are meant ---
  { id: 'concept.extension_params', cause: 'extension_params_rejected', confidence: 0.55, all: ['EXTENSION', 'EXT_PARAM', 'EXT_BAD'], within: 8, unless: ['TLS', 'CERT', 'FILE_EXTENSION'], example: 'compression negotiation: bad value for window bits' },
  // RFC 6455 §9.1: an extension the client did not offer must fail the connection; the client rejects the answer.
  { id: 'concept.extension_deflate_param', cause: 'extension_params_rejected', confidence: 0.55, all: ['DEFLATE_PARAM', 'EXT_BAD'], within: 6, unless: ['TLS', 'CERT'], example: 'server_max_window_bits=3 out of range' },
  { id: 'concept.extension_unoffered', cause: 'extension_params_rejected', confidence: 0.55, all: ['EXTENSION', 'EXT_UNOFFERED'], within: 6, unless: ['TLS', 'CERT', 'FILE_EXTENSION'], example: 'handshake answer carries extension x-zip that we never offered' },
  { id: 'concept.extension_missing', cause: 'extension_not_negotiated', confidence: 0.55, all: ['EXTENSION', 'EXT_MISSING'], within: 6, unless: ['TLS', 'CERT', 'FILE_EXTENSION'], example: 'permessage-deflate required but absent from the reply' },
  // RFC 7692 §7.1: a parameter the client offered (server_no_context_takeover) missing from the answer, or not confirmed.
  { id: 'concept.extension_deflate_param_missing', cause: 'extension_params_rejected', confidence: 0.55, all: ['DEFLATE_PARAM', 'EXT_MISSING'], within: 6, unless: ['TLS', 'CERT'], example: 'server_no_context_takeover not confirmed by server' },
  // RFC 7692 §7.1.2.2: a parameter the server answered that the client did not offer ("client_max_window_bits … not offered").
  { id: 'concept.extension_deflate_param_unoffered', cause: 'extension_params_rejected', confidence: 0.55, all: ['DEFLATE_PARAM', 'EXT_UNOFFERED'], within: 8, unless: ['TLS', 'CERT'], example: 'peer replied with max_window_bits though we never offered it' },
  { id: 'concept.extension_param_only', cause: 'extension_params_rejected', confidence: 0.55, all: ['ONLY', 'DEFLATE_PARAM', 'SUPPORTED'], within: 6, unless: ['TLS', 'CERT'], example: 'Only 15 window size is supported.' },
  // A parameter named in full with a verdict on it, the verdict up to ten words away ("An invalid windows of [16] size was
  // specified for [server_max_window_bits]", "responded with extension parameters the client is unable to support").
  { id: 'concept.extension_param_named', cause: 'extension_params_rejected', confidence: 0.55, all: ['EXT_PARAM_NAMED', 'EXT_VERDICT'], within: 10, unless: ['TLS', 'CERT'], example: 'an invalid value [3] was given for [client_max_window_bits]' },
  { id: 'concept.extension_bad', cause: 'extension_params_rejected', confidence: 0.5, all: ['EXTENSION', 'EXT_BAD'], within: 5, unless: ['TLS', 'CERT', 'FILE_EXTENSION'], example: 'Sec-WebSocket-Extensions: malformed header' },
];
