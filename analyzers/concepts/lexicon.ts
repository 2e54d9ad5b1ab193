// Word classes of the generalising tier: the words and short phrases TLS and WebSocket stacks use for
// one idea, after words.ts normalisation (lower case, singular, filler words dropped, negations read
// "not"). Drawn from how the stacks word their errors in general (OpenSSL/BoringSSL reason strings and
// X509 verify texts, NSS, SChannel/CryptoAPI, SecureTransport, JSSE/PKIX, .NET, Go crypto/tls and
// crypto/x509, rustls/webpki, Python ssl, mbedTLS, wolfSSL, GnuTLS, Erlang ssl; errno and resolver
// texts; RFC 6455/7692 terms), not from specific lines of the corpus or held-out sets.

/** A class: single words and phrases (arrays of normalised words, matched in order, adjacent). */
export type WordClass = readonly (string | readonly string[])[];

// An answer called bad and said to come from the server ("Bad response from server", "invalid reply from peer"): it arrived
// and the client refused it, for its status or a header, unnamed (a refused upgrade answer without its reason, docs/attribution.md
// "Labelling conventions"); an unreadable answer says no sender ("Invalid response", "Bad HTTP message": often an empty read).
const ANSWER_FROM_PEER: WordClass = ['bad', 'invalid', 'unexpected'].flatMap((verdict) =>
  ['response', 'reply', 'answer'].flatMap((answer) => ['server', 'peer', 'remote'].map((sender) => [verdict, answer, 'from', sender])));

// RFC 6455 §5.2's opcodes %x0-F as "op 0x…" writes them (one or two hex digits).
const OPCODE_HEX: readonly (readonly string[])[] = Array.from({ length: 16 }, (_, n) => n.toString(16)).flatMap((d) => [['op', `0x${d}`], ['op', `0x0${d}`]]);

export const lexicon = {
  // --- TLS context ---
  CERT: ['certificate', 'cert', 'x509', 'pkix', 'certpath', ['certification', 'path'], 'certpathvalidatorexception', 'peercertificate', 'servercertificate'],
  TLS: [
    // Library names fused with "tls"/"ssl" (openssl, gnutls, mbedtls, rustls, UNITYTLS_…) read as "tls"/"ssl" (words.ts).
    'tls', 'ssl', 'sslv2', 'sslv3', 'tlsv1', 'tlsv12', 'tlsv13', 'tls1', 'tls10', 'tls11', 'tls12', 'tls13', 'dtls', 'webpki', 's2n', 'gtls', 'wolfcrypt', 'sspi',
    'schannel', ['secure', 'channel'], ['secure', 'connection'], ['secure', 'transport'], 'securetransport', 'jsse', 'nss', 'sslerror', 'sslexception', 'tlserror',
  ],
  HANDSHAKE: ['handshake', 'handshaking', 'negotiation', 'hello', ['client', 'hello'], ['server', 'hello']],
  // --- certificate validity ---
  EXPIRED: ['expired', 'expire', 'expiry', 'expiration', 'outdated', ['not', 'valid', 'after'], 'notafter', ['not', 'time', 'valid'], 'nottimevalid', ['invalid', 'time'], ['time', 'invalid'], ['validity', 'period'], ['no', 'longer', 'valid'], ['past', 'validity'], ['out', 'validity'], ['outside', 'validity'], ['validity', 'ended'], ['validity', 'over']],
  NOT_YET_VALID: [['not', 'yet', 'valid'], ['not', 'valid', 'yet'], 'notyetvalid', ['not', 'valid', 'before'], 'notbefore', ['valid', 'in', 'future'], ['future', 'date'], ['in', 'future'], ['not', 'active', 'yet'], ['not', 'yet', 'active'], ['not', 'activated'], ['not', 'valid', 'until'], ['not', 'valid', 'till']],
  SELF_SIGNED: [['self', 'signed'], 'selfsigned', ['self', 'sign'], ['self', 'issued']],
  IN_CHAIN: [['in', 'certificate', 'chain'], ['in', 'chain'], ['in', 'cert', 'chain']],
  // --- names ---
  HOSTNAME: ['hostname', ['host', 'name'], 'host', 'altname', ['alt', 'name'], 'subjectaltname', ['subject', 'alt', 'name'], ['subject', 'alternative', 'name'], ['alternative', 'name'], 'san', ['common', 'name'], 'commonname', 'cn', ['server', 'name'], ['peer', 'name'], ['dns', 'name'], 'dns', ['certificate', 'name'], ['cert', 'name'], ['subject', 'name'], 'domain', ['ip', 'address'], 'identity', 'sni'],
  HOSTNAME_STRICT: ['hostname', ['host', 'name'], 'altname', ['alt', 'name'], 'subjectaltname', ['subject', 'alt', 'name'], ['subject', 'alternative', 'name'], ['alternative', 'name'], ['common', 'name'], 'commonname', ['server', 'identity'], ['peer', 'identity'], ['host', 'identity']],
  MISMATCH: ['mismatch', 'mismatched', ['not', 'match'], ['no', 'match'], ['not', 'matching'], ['match', 'failed'], ['none', 'match'], ['not', 'valid', 'for'], ['valid', 'for'], ['not', 'covered'], ['not', 'in', 'cert'], ['no', 'alternative'], 'doesntmatch', 'notvalidforname'],
  VERIFY_FAILED: [['verification', 'failed'], ['verification', 'failure'], ['verify', 'failed'], ['failed', 'verify'], ['validation', 'failed'], ['validation', 'failure'], ['failed', 'validate'], ['could', 'not', 'validate'], ['unable', 'validate'], ['not', 'validated'], ['not', 'verified'], ['could', 'not', 'verify'], ['unable', 'verify'], ['check', 'failed'], 'unverified', 'invalid', 'rejected'],
  // A check that failed, not merely "invalid" ("InvalidHostName" is a malformed URL's host, no certificate check).
  // The certificate's identity named wrong (GLib G_TLS_CERTIFICATE_BAD_IDENTITY): the name it was checked for.
  BAD_IDENTITY: [['bad', 'identity'], ['wrong', 'identity'], ['invalid', 'identity'], ['identity', 'mismatch'], ['identity', 'invalid'], ['identity', 'not', 'match']],
  // The issuer's own certificate (not a CA or root in general): one the server should have sent.
  ISSUER_CERT: ['issuer', ['issuer', 'certificate'], ['issuing', 'certificate'], ['issuer', 'cert']],
  // Where a name was looked for: the certificate and its name lists.
  IN_CERT: [['in', 'certificate'], ['in', 'cert'], ['in', 'peer', 'certificate'], ['in', 'server', 'certificate'], ['in', 'peer', 'cert'], ['in', 'server', 'cert'], ['in', 'san'], ['in', 'subjectaltname'], ['in', 'subject', 'alt', 'name'], ['among', 'san']],
  // A certificate "not valid" at a time: its validity dates (expired or not yet valid; expired by far the more common).
  NOT_VALID: [['not', 'valid'], 'invalid'],
  TIME_WORD: ['time', 'date', 'now', 'clock', 'today', ['current', 'time']],
  VERIFY_FAILED_STRICT: [['verification', 'failed'], ['verification', 'failure'], ['verify', 'failed'], ['failed', 'verify'], ['validation', 'failed'], ['validation', 'failure'], ['failed', 'validate'], ['could', 'not', 'validate'], ['unable', 'validate'], ['not', 'validated'], ['not', 'verified'], ['could', 'not', 'verify'], ['unable', 'verify'], ['check', 'failed'], 'unverified'],
  // --- trust ---
  UNTRUSTED: ['unknown', 'untrusted', ['not', 'trusted'], ['no', 'trusted'], ['no', 'trust'], 'distrusted', 'nottrusted', ['not', 'found'], ['unable', 'find'], ['could', 'not', 'find'], ['not', 'find'], 'unrecognized', ['not', 'recognized'], ['unable', 'get'], 'invalid', 'unverifiable', 'untrustedroot', 'unknownissuer', 'unknownauthority'],
  UNTRUSTED_STRICT: ['untrusted', ['not', 'trusted'], ['no', 'trusted'], ['no', 'trust'], 'distrusted', 'nottrusted', ['not', 'trust'], 'untrustedroot'],
  ISSUER: ['issuer', 'authority', 'ca', 'cas', 'root', 'anchor', ['trust', 'anchor'], ['certification', 'path'], 'signer', ['trust', 'store'], 'truststore', ['trusted', 'root'], 'untrustedroot', 'unknownissuer', 'unknownauthority', 'certpath'],
  CHAIN: ['chain', 'intermediate', 'certchain', 'partialchain', ['certification', 'path'], ['path', 'building'], ['path', 'validation'], 'certpath'],
  INCOMPLETE: ['incomplete', 'missing', 'partial', 'partialchain', 'broken', ['not', 'provided'], ['not', 'sent'], ['no', 'issuer'], ['not', 'complete'], ['could', 'not', 'build'], ['unable', 'build'], ['failed', 'build'], ['not', 'build']],
  ROOT: ['root', 'ca', ['root', 'certificate'], 'anchor', ['trust', 'anchor']],
  // A policy against a legacy algorithm of the certificate (OpenSSL security levels), not a failed negotiation.
  // A record the cipher could not open (JSSE's "Insufficient buffer remaining for AEAD cipher fragment", a BadPaddingException;
  // "decryption failed or bad record mac", OTP's "Bad Record MAC", TLS alert 20 bad_record_mac): the record layer's failure with a
  // negotiated cipher, no negotiation that failed. Rules out both cipher concepts.
  // @see https://www.rfc-editor.org/rfc/rfc8446#section-5.2 (AEAD records; a record that fails to deprotect: bad_record_mac)
  // @see https://www.rfc-editor.org/rfc/rfc8446#section-6.2 (bad_record_mac: "a record is received which cannot be deprotected")
  RECORD_LAYER: ['fragment', 'padding', 'decrypt', 'decryption', ['record', 'mac'], ['bad', 'mac'], 'badrecordmac'],
  LEGACY: ['legacy', 'disallowed', 'weak', ['too', 'weak'], 'md5', 'sha1', ['key', 'too', 'small'], ['ee', 'key']],
  // --- negotiation ---
  VERSION: ['version', 'sslv2', 'sslv3', 'tlsv1', 'tlsv12', 'tlsv13', 'tls1', 'tls10', 'tls11', 'tls12', 'tls13', ['tls', '1'], ['ssl', '3'], ['ssl', '2'], ['protocol', 'version']],
  PROTOCOL: ['protocol'],
  CIPHER: ['cipher', 'ciphersuite', ['cipher', 'suite'], 'cypher', ['signature', 'algorithm'], 'sigalg', ['key', 'exchange'], 'kex', ['security', 'level'], ['common', 'algorithm']],
  CIPHER_WEAK: ['algorithm', 'curve', 'group', 'kem', 'mac'],
  NO_SHARED: [
    ['no', 'shared'], ['no', 'common'], ['no', 'suitable'], ['no', 'matching'], ['no', 'overlap'], ['no', 'mutual'], ['no', 'acceptable'], ['no', 'usable'], ['no', 'valid'], ['in', 'common'], ['only', 'support'], ['share', 'no'], ['shared', 'no'], ['not', 'supported'], 'unsupported', 'mismatch', ['could', 'not', 'agree'], ['not', 'agree'],
    ['failed', 'negotiate'], ['not', 'negotiate'], ['negotiation', 'failed'], ['negotiation', 'failure'], ['not', 'enabled'], 'disabled', ['too', 'low'], ['too', 'old'], ['too', 'high'], 'obsolete', 'insecure', 'deprecated',
    ['not', 'allowed'], ['not', 'accepted'], 'inappropriate', ['not', 'possess'], 'incompatible', ['no', 'cipher'], 'insufficient', ['none', 'supported'], ['no', 'supported'], ['not', 'available'], ['no', 'available'], 'unavailable', 'nocipher', 'noshared', 'notsupported', 'unknown',
  ],
  FAILURE: ['fail', 'failed', 'failure', 'error', 'alert', 'unsupported', 'eof', 'reset', 'aborted', 'abort', 'terminated', 'closed', 'ended', 'truncated', 'overflow', 'unexpected', 'interrupted', 'exception', 'invalid', 'bad', 'rejected', 'reject', 'unsuccessful', ['not', 'complete'], ['could', 'not'], 'unable', 'fatal', 'problem', 'broken', 'lost'],
  // --- transport ---
  REFUSED: ['refused', 'refuse', 'refusing'],
  // An unreachable network or host as one identifier (Rust io::ErrorKind, .NET SocketError, Zig's error sets: error.NetworkUnreachable)
  // is a connect that found no route, read as refused as the network code tables read it.
  REFUSED_STRONG: ['econnrefused', 'wsaeconnrefused', 'connectionrefused', ['actively', 'refused'], ['connection', 'refused'], ['refused', 'connection'], 'connectexception',
    ['network', 'unreachable'], ['host', 'unreachable']],
  CONNECT_FAILED: [['unable', 'connect'], ['not', 'connect'], ['could', 'not', 'connect'], ['failed', 'connect'], ['connect', 'failed'], ['connect', 'error'], ['not', 'open', 'connection'], ['failed', 'open', 'connection'],
    // The gerund ("Error connecting socket", "failed connecting to 10.0.0.5:80", "connecting failed").
    ['error', 'connecting'], ['failed', 'connecting'], ['connecting', 'failed'], ['connecting', 'error'], ['unable', 'connecting']],
  // The transport a connect named itself at (TCP), before any TLS: "Error connecting socket", "TCP connect failed", "socket connect error".
  SOCKET_WORD: ['socket', 'tcp', 'sock', ['tcp', 'socket']],
  // A bound counted in retries, reached ("Max retry calls=1001 to SSL_connect reached", "Max retries exceeded", "retry limit reached",
  // "maximum number of attempts exhausted"). "retries" reads "retrie" (words.ts drops a plural s).
  RETRY_WORD: ['retry', 'retrie', 'attempt', 'reconnect', 'reconnection'],
  // The attempt called off ("Cancellation requested", "The operation was canceled", "CancelledError"): by whoever held it.
  // A timer or scheduled task that was cancelled (Crow's "timer cancelled", "task_timer task cancelled"): an event loop disarming
  // a timer, no cancellation of the connection.
  TIMER_WORD: ['timer', ['task', 'timer']],
  CANCELLED: ['cancelled', 'canceled', 'cancellation', 'cancelederror', 'cancellederror', ['operation', 'canceled'], ['operation', 'cancelled']],
  RETRY_LIMIT: ['max', 'maximum', 'limit', 'exhausted', ['too', 'many'], ['run', 'out'], ['ran', 'out']],
  CONNECT: ['connect', 'connection', 'connecting', 'socket', 'tcp', 'dial', 'port'],
  // A resolver call named with its success ("opensock: getaddrinfo returned for 127.0.0.1:52605", tinyproxy's INFO trace; "lookup
  // succeeded"): the lookup worked, so its call's name is no failure (concept.dns stands down). A failed call says "failed" or
  // returns an error ("getaddrinfo returned -2"), not "returned for". Not "resolved to": "to" is no word here, and "resolved"
  // alone stands in "name not resolved".
  DNS_SUCCEEDED: [['getaddrinfo', 'returned', 'for'], ['getaddrinfo', 'succeeded'], ['lookup', 'succeeded'], ['resolution', 'succeeded'], ['resolve', 'succeeded']],
  DNS_STRONG: [
    'getaddrinfo', 'enotfound', 'nxdomain', 'servfail', ['eai', 'again'], ['eai', 'noname'], ['eai', 'nodata'], ['eai', 'fail'], ['no', 'such', 'host'], ['unknown', 'host'], 'unknownhost', 'unknownhostexception', ['host', 'not', 'found'], ['hostname', 'not', 'found'],
    ['name', 'resolution'], ['name', 'or', 'service', 'not', 'known'], ['nodename', 'nor', 'servname'], ['name', 'not', 'resolved'], ['could', 'not', 'resolve'], ['unable', 'resolve'], ['failed', 'resolve'], ['not', 'resolve'], 'unresolved', 'unresolvable', 'unresolvedaddress', 'unresolvedaddressexception',
    ['no', 'address', 'associated'],
    // The resolver named as the server it asked (EAI_AGAIN as Zig's std.net names it, error.TemporaryNameServerFailure; "name server failure").
    ['name', 'server', 'failure'], 'nameserver',
    // The resolver's own calls named as what failed ("Error gethostbyname", "gethostbyname failed. errno=2", "GetAddrInfoW failed", c-ares
    // "ares_gethostbyname", res_query): a lookup, whatever the wrapper says around it.
    'gethostbyname', 'gethostbyname2', 'getaddrinfoex', ['get', 'addr', 'info'], ['res', 'query'], ['res', 'search'], ['dns', 'query'],
    ['no', 'address', 'returned'], ['no', 'address', 'found'], ['no', 'address', 'for', 'host'], ['name', 'not', 'known'], ['host', 'unknown'], ['dns', 'lookup'], ['dns', 'resolution'], ['dns', 'error'], ['dns', 'failure'], ['dns', 'failed'], ['host', 'lookup'], 'resolver',
  ],
  // A lookup or resolution that failed, in words any application uses for its own lookups ("RuntimeError: ledger lookup failed",
  // "no record for user 7"): a resolver's failure only beside a host, a host name or a resolver word (concept.lookup_failed).
  LOOKUP_LOOSE: [['lookup', 'failed'], ['resolution', 'failed'], ['resolve', 'failed'], ['no', 'record']],
  // A failed attempt to get, resolve or look up an address (Helidon's "Failed to get address for host X", "unable to resolve
  // address for", "could not obtain the address of host"), and the host or name it was for: a name lookup that failed.
  LOOKUP_FAILED: [['failed', 'get'], ['unable', 'get'], ['not', 'get'], ['failed', 'obtain'], ['unable', 'obtain'], ['not', 'obtain'], ['failed', 'find'], ['unable', 'find'], ['not', 'find'],
    ['failed', 'resolve'], ['unable', 'resolve'], ['not', 'resolve'], ['failed', 'lookup'], ['failed', 'look', 'up'], ['unable', 'look', 'up'], ['not', 'look', 'up'], ['failed', 'determine'], ['unable', 'determine'], ['not', 'determine'],
    ['error', 'getting'], ['error', 'resolving'], ['error', 'looking', 'up'], ['failed', 'getting'], ['failed', 'resolving'], ['failure', 'resolving'], ['failure', 'getting']],
  HOST_ADDRESS: [['address', 'for', 'host'], ['address', 'host'], ['address', 'for', 'hostname'], ['address', 'hostname'], ['address', 'for', '#host'], ['address', '#host'], ['ip', 'for', 'host'], ['ip', 'address', 'for', 'host'], ['ip', 'address', 'host'], ['ip', 'address', 'for', '#host'], ['inet', 'address', 'for', 'host'], ['host', 'address']],
  // EAGAIN/EWOULDBLOCK ("Resource temporarily unavailable") is what recv() returns when SO_RCVTIMEO runs out: a read timeout.
  TIMEOUT: [
    'timeout', ['timed', 'out'], 'timedout', ['time', 'out'], 'etimedout', 'wsaetimedout', 'deadline', ['took', 'too', 'long'], 'timeouterror', 'timeoutexception', 'sockettimeoutexception',
    ['resource', 'temporarily', 'unavailable'], 'eagain', 'ewouldblock', 'wsaewouldblock', ['operation', 'would', 'block'], ['no', 'progress'],
  ],
  RESET: [
    'reset', 'econnreset', 'wsaeconnreset', 'connectionreset', ['broken', 'pipe'], 'epipe', 'brokenpipe', ['connection', 'aborted'], 'econnaborted', 'connectionaborted', ['forcibly', 'closed'], ['connection', 'lost'], ['hang', 'up'], ['hung', 'up'],
    ['closed', 'peer'], ['closed', 'remote'], ['remotely', 'closed'], ['closed', 'remotely'],
    // The peer closed before any answer came ("server closed the connection before sending a response", "empty reply from server").
    ['closed', 'connection', 'before'], ['closed', 'stream', 'before'],
    // The same without "before" ("Remote end closed connection without response", "server closed connection"): a peer that ended
    // it; a session that had opened and ended without a Close frame reads as one (CLOSED_SESSION, concept.closed_without_close).
    ['closed', 'connection', 'without'], ['server', 'closed', 'connection'], ['stream', 'closed', 'before'], ['empty', 'reply'], ['empty', 'response'], ['remote', 'host', 'closed'], ['remote', 'closed'], ['peer', 'closed'], ['unexpected', 'eof'], 'eof', 'unexpectedeof', ['connection', 'closed'], ['prematurely', 'closed'], ['premature', 'close'], ['closed', 'unexpectedly'], 'disconnected', ['connection', 'dropped'], ['end', 'stream'], ['stream', 'ended'], ['socket', 'closed'], ['end', 'file'], ['unexpected', 'end'], ['premature', 'close'], ['premature', 'connection', 'close'], 'prematurely', ['premature', 'eof'],
    // ECONNABORTED's strerror ("Software caused connection abort") and "terminated/closed abruptly" wordings.
    ['connection', 'abort'], ['connection', 'terminated'], ['socket', 'ended'], ['connection', 'ended'], ['stream', 'ended', 'unexpectedly'], ['terminated', 'unexpectedly'], ['unexpectedly', 'terminated'], ['closed', 'abruptly'], ['abruptly', 'closed'],
    // The transport object the error is about, named in its closed state under the runtime's own noun (java.nio
    // ClosedChannelException, netty StacklessClosedChannelException, Armeria ClosedSessionException / ClosedStreamException, kotlinx
    // ClosedReceiveChannelException). Not "Stream is closed" / "channel closed": holdout-2 labels tornado's StreamClosedError, raised
    // after the client closed its own stream, unknown_failure (docs/attribution.md, Known gaps).
    ['closed', 'channel'], ['closed', 'session'], ['closed', 'stream'], ['closed', 'receive', 'channel'], ['closed', 'send', 'channel'],
  ],
  // A keepalive ping left unanswered or an idle timer run out, in a server's or client's words ("no pong received within 1.4s",
  // "keepalive: no pong received, terminating", Jetty's "Connection Idle Timeout", Socket.IO's "ping timeout"): a timer ended
  // a wait after open (convention "A keepalive timeout after open"). Round 25 (eng-s2): the peer's ping or pong not sent in the
  // server's time ("no ping/message from client within 3s", socketioxide's "client did not send a PONG packet in time",
  // engineioxide DisconnectReason::HeartbeatTimeout, https://github.com/Totodore/socketioxide/blob/main/crates/engineioxide/src/socket.rs).
  KEEPALIVE_MISSED: [['no', 'ping'], ['not', 'send', 'pong'], ['not', 'send', 'ping'], ['no', 'pong'], ['pong', 'not', 'received'], ['pong', 'reply', 'not', 'received'], ['pong', 'response', 'not', 'received'], ['heartbeat', 'not', 'received'], ['missed', 'pong'], ['missing', 'pong'], ['ping', 'timeout'], ['pong', 'timeout'], ['keepalive', 'timeout'], ['heartbeat', 'timeout'], ['idle', 'timeout'],
    // Round 39 (r39-a): the wait said in the past participle, "ping timed out" (Tornado's keepalive close reason), "pong timed out".
    ['ping', 'timed', 'out'], ['pong', 'timed', 'out'], ['keepalive', 'timed', 'out'], ['heartbeat', 'timed', 'out']],
  // --- round 21 (eng-f1): an idle timer's end in a server's or proxy's words, with no timeout word ---
  // The connection named idle or inactive (poem's "closing connection due to inactivity", poem/src/server.rs serve_connection; Jetty's
  // IdleTimeout "Idle timeout expired: 30000/30000 ms" and nginx's "client timed out" carry a timeout word and read as TIMEOUT). Not a
  // bare "idle": asyncio's transport repr prints "read=idle write=<idle, bufsize=0>" on every debug line; nor "inactive" alone
  // (Netty's channelInactive event is any channel's close): only with what was idle or for how long.
  IDLE: ['inactivity', 'idleness', ['no', 'activity'], ['lack', 'activity'], ['idle', 'timer'], ['idle', 'time'], ['idle', 'period'], ['idle', 'interval'], ['idle', 'limit'],
    ['idle', 'too', 'long'], ['too', 'long', 'idle'], ['max', 'idle'], ['maximum', 'idle'], ['idle', 'for'],
    ['connection', 'inactive'], ['session', 'inactive'], ['client', 'inactive'], ['peer', 'inactive'], ['inactive', 'connection'], ['inactive', 'session'], ['inactive', 'client'], ['inactive', 'peer'], ['inactive', 'for'],
    // A peer that answered no heartbeat (ws' documented keepalive: terminate() the client whose pong did not come, logged as
    // "terminating unresponsive client"; round 30, eng-x1): the peer named unresponsive, as inactive above.
    // @see https://github.com/websockets/ws#how-to-detect-and-close-broken-connections
    ['unresponsive', 'client'], ['unresponsive', 'peer'], ['unresponsive', 'connection'], ['unresponsive', 'session'], ['unresponsive', 'socket']],
  // What the idle timer did: closed, dropped or ended the connection, or ran out (the verbs servers log: "closing", "disconnected",
  // "terminated", "evicted", "reaped"; "idle time exceeded", "inactivity period elapsed").
  IDLE_END: ['close', 'closed', 'closing', 'disconnect', 'disconnected', 'disconnecting', 'terminate', 'terminated', 'terminating', 'termination',
    'drop', 'dropped', 'dropping', 'evicted', 'evicting', 'reaped', 'reaping', 'killed', 'killing', 'kicked', 'abort', 'aborted', 'aborting', ['shutting', 'down'], 'shutdown',
    'expired', 'exceeded', 'elapsed', 'reached'],
  // A read of the answer that failed without a cause (the peer closed before answering: "error reading status line", libwebsockets' "read failed").
  READ_FAILED: [['error', 'reading'], ['read', 'failed'], ['failed', 'read'], ['read', 'error'], ['unable', 'read'], ['not', 'read'], ['recv', 'failed'], ['receive', 'failed'], ['failed', 'receive'], ['recv', 'error'],
    // The gerund after the failure ("Failed reading HTTP status line", "failure reading response", "error while reading headers").
    ['failed', 'reading'], ['reading', 'failed'], ['failure', 'reading'], ['error', 'while', 'reading'], ['failed', 'while', 'reading'], ['unable', 'receive'], ['failed', 'receiving'], ['error', 'receiving']],
  // Nothing came back within a stated time ("no result after 20000 ms", "nothing received for 4000 ms"): a timeout worded by what did not arrive.
  NO_ANSWER: [['no', 'result'], ['no', 'response'], ['no', 'reply'], ['no', 'answer'], ['nothing', 'received'], ['no', 'data'], ['not', 'received'], ['no', 'event'], ['nothing', 'read'], ['no', 'message'], ['not', 'complete'], ['not', 'completed'], ['not', 'finished']],
  // The upgrade's answer named as never come ("no HTTP Upgrade response", "no handshake reply"): "no" before the answer word.
  ANSWER_NEVER: [['no', 'response'], ['no', 'reply'], ['no', 'answer'], ['no', 'http', 'response'], ['no', 'http', 'reply'], ['no', 'http', 'answer'], ['no', 'upgrade', 'response'], ['no', 'upgrade', 'reply'], ['no', 'upgrade', 'answer'], ['no', 'handshake', 'response'], ['no', 'handshake', 'reply'], ['no', 'handshake', 'answer'], ['no', 'websocket', 'response'], ['no', 'websocket', 'reply'], ['no', 'websocket', 'answer'], ['no', 'server', 'response'], ['no', 'server', 'reply'], ['no', 'server', 'answer'], ['no', 'http', 'upgrade', 'response'], ['no', 'http', 'upgrade', 'reply'], ['no', 'http', 'upgrade', 'answer'], ['no', 'websocket', 'upgrade', 'response'], ['no', 'websocket', 'upgrade', 'reply'], ['no', 'websocket', 'upgrade', 'answer'], ['no', 'websocket', 'handshake', 'response'], ['no', 'websocket', 'handshake', 'reply'], ['no', 'websocket', 'handshake', 'answer'], ['no', 'upgrade', 'handshake', 'response'], ['no', 'upgrade', 'handshake', 'reply'], ['no', 'upgrade', 'handshake', 'answer'], ['no', 'opening', 'handshake', 'response'], ['no', 'opening', 'handshake', 'reply'], ['no', 'opening', 'handshake', 'answer']],
  // What answers a request: "no upgrade response within 3s", "reply not received after 10 seconds".
  ANSWER: ['response', 'respond', 'responded', 'reply', 'answer', 'result', 'pong'],
  // A bound in time before a duration ("within 3 s", "after 10 seconds", "in 5000 ms", "for 30 s").
  TIME_BOUND: ['within', 'after', 'in', 'for'],
  // A handshake that did not finish, no cause given ("Handshake not finished", "upgrade incomplete").
  HANDSHAKE_WORD: ['handshake', 'upgrade'],
  UNFINISHED: [['not', 'finished'], 'unfinished', 'incomplete', ['not', 'complete'], ['not', 'completed'], 'interrupted', 'truncated'],
  TIME_UNIT: ['ms', 's', 'msec', 'millisecond', 'second', 'sec', 'minute', 'min'],
  // A proxy with no upstream to send to (nginx "no live upstreams", Envoy "no healthy upstream", HAProxy <NOSRV>, pound
  // "no backend found"): every backend failed its checks or connects, most often because nothing listens.
  NO_BACKEND: [['no', 'live', 'upstream'], ['no', 'healthy', 'upstream'], ['no', 'healthy', 'host'], ['no', 'backend'], ['no', 'server', 'available'], ['no', 'available', 'server'], ['no', 'available', 'backend'], ['no', 'upstream', 'available'], ['no', 'alive', 'server'], 'nosrv', ['all', 'backend', 'down'], ['backend', 'dead'], ['no', 'healthy', 'backend'], ['no', 'healthy', 'server']],
  // An attempt to connect that the text says failed, words apart ("attempt to connect to 10.0.0.5:8080 (*) failed", "failed to make connection to backend").
  CONNECT_ATTEMPT: [['attempt', 'connect'], ['make', 'connection'], ['connect', 'attempt'], ['connection', 'attempt']],
  FAILED_WORD: ['failed', 'failure', 'fail', 'unsuccessful'],
  // A WebSocket close named in a text (RFC 6455 §7.4.1, IANA registry), for close codes written in texts only.
  CLOSE_CONTEXT: ['close', 'closed', 'closing', 'closecode', 'closestatus', 'websocketclosestatus', ['close', 'frame'], ['close', 'code'], ['close', 'status'], 'disconnect', 'disconnected', 'code', 'status', 'received', 'sent', 'reason'],
  // The IANA names of the close codes whose words are no HTTP reason phrase (1012 Service Restart, 1013 Try Again Later, 1008, 1009, 1001).
  CLOSE_RESTART: [['service', 'restart'], 'servicerestart', ['try', 'again', 'later'], 'tryagainlater', ['server', 'restarting'], ['service', 'restarting'], ['server', 'restart']],
  CLOSE_POLICY: [['policy', 'violation'], 'policyviolation', ['policy', 'violated']],
  CLOSE_TOO_BIG: [['message', 'too', 'big'], 'messagetoobig', ['message', 'too', 'large'], ['frame', 'too', 'large'], ['frame', 'too', 'big'], ['payload', 'too', 'large'], ['payload', 'too', 'big'],
    // Client-side limits worded by the size itself ("VeryLargePayload", "message too long", "oversized frame").
    ['large', 'payload'], ['payload', 'too', 'long'], ['message', 'too', 'long'], ['frame', 'too', 'long'], ['oversized', 'message'], ['oversized', 'frame'], ['oversized', 'payload'], ['too', 'large', 'message'], ['too', 'big', 'message'], ['too', 'large', 'frame'], ['too', 'big', 'frame'],
    // Netty's TooLongFrameException, ratchet's FrameOverflow: the frame or message ran over the limit.
    ['too', 'long', 'frame'], ['frame', 'overflow'], ['message', 'overflow'], ['payload', 'overflow'],
    // XMPP's unit of a message is the stanza (RFC 6120 §8): Prosody's "stanza too large" (mod_websocket's 1009, mod_c2s's
    // stanza-size limit). Round 40, r40-a. @see https://www.rfc-editor.org/rfc/rfc6120#section-4.9.3.14
    ['stanza', 'too', 'large'], ['stanza', 'too', 'big'], ['stanza', 'too', 'long'], ['oversized', 'stanza'], ['stanza', 'overflow']],
  SIZE_LIMIT: [
    // A read limit the client set on messages (gorilla's SetReadLimit "read limit exceeded", "size limit", "max size").
    ['read', 'limit'], ['size', 'limit'], ['message', 'limit'], ['payload', 'limit'], ['frame', 'limit'], ['max', 'size'], ['maximum', 'size'], ['max', 'length'], ['maximum', 'length'],
    ['max', 'frame'], ['maximum', 'frame'], ['max', 'message'], ['maximum', 'message'], ['max', 'payload'], ['maximum', 'payload'], 'maxpayload', ['payload', 'size'], ['message', 'size'], ['frame', 'size'], ['frame', 'length'], ['message', 'length'], ['payload', 'length'],
    // A WebSocket packet is its frame (uWSGI's "invalid packet size received: 8192, max allowed: 4096").
    ['packet', 'size'], ['packet', 'length']],
  // A size limit's own name, as code spells it (Mongoose's MG_MAX_RECV_SIZE, MAX_FRAME_SIZE, maxMessageSize, max_payload_len): the
  // error names the limit the message ran into (concept.size_limit_name reads these only inside one identifier).
  LIMIT_MAX: ['max', 'maximum'],
  LIMIT_WHAT: [['recv', 'size'], ['receive', 'size'], ['read', 'size'], ['message', 'size'], ['msg', 'size'], ['frame', 'size'], ['payload', 'size'], ['incoming', 'size'],
    ['recv', 'len'], ['msg', 'len'], ['frame', 'len'], ['message', 'len'], ['payload', 'len'], ['frame', 'length'], ['message', 'length'], ['payload', 'length'], ['recv', 'buffer'], ['receive', 'buffer'], ['recv', 'buf']],
  // A configuration's word: "SETTINGS_MAX_FRAME_SIZE" is HTTP/2's setting (RFC 9113 §6.5.2), no message that ran into a limit.
  SETTING_WORD: ['setting', 'config', 'configuration'],
  // A size the receiver says it does not support (round 32, eng-z1): ws's receiver closes 1009 on "Unsupported WebSocket frame: payload
  // length > 2^53 - 1" (WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH, lib/receiver.js getPayloadLength64): a length it cannot process is
  // a message too big for it (RFC 6455 §7.4.1, 1009). @see https://github.com/websockets/ws/blob/master/lib/receiver.js
  SIZE_UNSUPPORTED: ['unsupported', ['not', 'supported']],
  EXCEEDED: ['exceed', 'exceeded', 'exceeding', ['too', 'big'], ['too', 'large'], ['larger', 'than'], ['over', 'limit'], ['limit', 'exceeded'],
    // A received size set against the most the receiver allows ("…: 8192, max allowed: 4096").
    ['max', 'allowed'], ['maximum', 'allowed'], ['allowed', 'max'], ['allowed', 'maximum'],
    // A buffer that would run over the limit ("would overflow the max message size of 1024"): overflow is the limit exceeded.
    'overflow', 'overflowed', 'overflowing'],
  CLOSE_WORD: ['close', 'closed', 'closing', 'closecode', 'closestatus', 'websocketclosestatus', ['close', 'frame'], ['close', 'code'], ['close', 'status'], 'disconnect', 'disconnected'],
  INTERNAL_ERROR: [['internal', 'error'], ['internal', 'server', 'error'], 'internalerror', 'internalservererror'],
  CLOSE_GOING_AWAY: [['going', 'away'], 'goingaway', ['endpoint', 'going', 'away']],
  // --- round 9 (eng-o): a close's reason in the words of a close-code name or a server's plan, read only in close.reason ---
  // 1001's meaning in a reason: the server stops ("shutdown", Centrifugo's 3001; "server shutting down").
  // A server draining its sessions as it stops (anycable-go's "closing active connections" / "all active connections closed" after
  // "Shutting down..."; "graceful shutdown"): every session is closed on purpose, 1001's meaning (RFC 6455 §7.4.1), no drop.
  // Words as words() gives them (plurals singular).
  SERVER_DRAIN: [['closing', 'active', 'connection'], ['closing', 'all', 'connection'], ['active', 'connection', 'closed'], ['all', 'connection', 'closed'],
    ['closing', 'active', 'session'], ['closing', 'all', 'session'], ['graceful', 'shutdown']],
  REASON_SHUTDOWN: ['shutdown', ['shutting', 'down'],
    // 1001's name said to the peer ("Go away!"): the server sends the client off.
    ['go', 'away']],
  // --- round 24 (eng-r2): 1001's other half, an endpoint that leaves (RFC 6455 §7.4.1: "a browser having navigated away from a
  // page"): a peer's reason that it is leaving ("leaving", "user leaving", "navigating away"), read only in close.reason.
  REASON_LEAVING: ['leaving', ['navigating', 'away'], ['navigated', 'away'], ['navigate', 'away']],
  // A session that ended, said of itself in a close's reason ("tls session ended", "session closed by user"): the close states
  // what it is doing; the end word is no failure unless another word says how it ended ("ended unexpectedly").
  SESSION_ENDED: [['session', 'ended'], ['session', 'closed'], ['session', 'finished'], ['session', 'over']],
  // How a session ended, when it did not end cleanly ("ended unexpectedly", "closed abruptly"): the end word is a failure again.
  ENDED_HOW: ['unexpectedly', 'abruptly', 'prematurely', 'abnormally', 'uncleanly'],
  // RFC 6455 §7.4.1 1003's name, and "bad request" (Centrifugo's 3501): the peer's message broke the protocol spoken.
  REASON_BAD_DATA: [['unsupported', 'data'], 'unsupporteddata', ['bad', 'request'], 'badrequest'],
  // The server asks the client back: a planned close, no failure ("certificate rotation complete, reconnect later").
  REASON_RECONNECT: [['please', 'reconnect'], ['reconnect', 'please'], ['reconnect', 'later'], ['reconnect', 'required'], ['reconnect', 'now']],
  // --- round 13 (eng-w): a reason that says the close is routine, in an application code's words ---
  // Upkeep of keys and certificates (renewal, rotation), a planned or scheduled close, nothing for the client to do ("no action
  // needed"), a farewell ("bye"): nothing failed ("TLS certificate will be renewed, no action needed", "session ticket key rotated").
  REASON_ROUTINE: ['renew', 'renewed', 'renewal', 'renewing', 'rotate', 'rotated', 'rotation', 'rotating', 'rollover', 'scheduled', 'planned', 'routine',
    ['no', 'action'], ['not', 'action'], 'bye', 'goodbye', ['good', 'bye']],
  // TLS's application-protocol negotiation (RFC 7301): an HTTP/2 ALPN failure is not a refused connect.
  ALPN: ['alpn', ['application', 'protocol'], 'h2', 'http2'],
  // Words of a WebSocket session that was open and ended without a closing handshake (a 1006, not a failed connect).
  CLOSED_SESSION: ['uncleanly', ['closing', 'handshake'], ['close', 'frame'], 'closure', '1006', ['abnormal', 'closure'], ['abnormally', 'closed'], ['connection', 'closed', 'error'], ['close', 'code'], ['without', 'close']],
  NETWORK_ERROR: [['network', 'error']],
  // --- round 8 (eng-l): a close's own words, credentials refused in words, the Upgrade field, a resolver call that failed ---
  // Set by scanner.ts, not by words: the text is a Close frame's reason (the field close.reason), so its words are the close's own.
  REASON_FIELD: [],
  // Set by scanner.ts, not by words: the text states a close code valid on the wire (1000-1003, 1007-1014, 3000-4999) after a close
  // word ("websocket: close 4403: forbidden by policy"): a Close frame came, so a read error around it is no drop.
  CLOSE_STATED: [],
  // A policy named as what refused ("forbidden by policy", "denied by policy", "blocked by policy"): RFC 6455 §7.4.1's 1008 in words.
  POLICY_WORD: ['policy'],
  POLICY_REFUSAL: ['forbidden', 'denied', 'blocked', 'rejected', 'refused', 'prohibited', 'disallowed', ['not', 'allowed'], 'violation', 'violated'],
  // An application protocol's message sequence or message type (graphql-ws "First message cannot be of type next", "unexpected message
  // type", "invalid message type: foo", "expected connection_ack as first message"): the peer broke the protocol spoken over WebSocket.
  // Also a packet of the protocol carried (Engine.IO's handshake packet OPEN, Socket.IO's CONNECT; "no OPEN packet": the first packet
  // after the 101 was another type; https://socket.io/docs/v4/engine-io-protocol/ "Handshake", socket-io-protocol "Packet types").
  APP_MESSAGE: [['open', 'packet'], ['connect', 'packet'], ['handshake', 'packet'], ['first', 'packet'], ['packet', 'type'], ['message', 'type'], ['msg', 'type'], 'messagetype', ['type', 'message'], ['message', 'not', 'type'], ['first', 'message'], ['second', 'message'], ['initial', 'message'], ['message', 'kind'], ['message', 'order'], ['message', 'sequence']],
  MESSAGE_BAD: ['no', 'not', 'unexpected', 'invalid', 'unknown', 'unsupported', 'illegal', 'wrong', 'bad', 'expected', 'must', 'unrecognized', 'unrecognised', 'disallowed'],
  // A credential by its noun (a token, password, secret, signature, API key): what a login or an upgrade's authentication checks.
  // Not "key" alone (the accept key, a TLS key), nor "certificate" (a TLS fact): the noun decides what failed.
  CREDENTIAL: ['token', 'password', 'passwd', 'credential', 'secret', 'signature', ['api', 'key'], 'apikey', ['access', 'key'], 'jwt'],
  CREDENTIAL_BAD: ['mismatch', 'mismatched', ['not', 'match'], ['no', 'match'], ['not', 'matching'], 'invalid', 'wrong', 'incorrect', 'bad', 'rejected', 'refused', 'denied', ['not', 'valid']],
  // A key file and its password (PEM, PKCS#12, a keystore), or a parser's token ("Invalid or unexpected token", JSON): no credential refused.
  KEY_FILE: [['private', 'key'], 'pem', 'keystore', 'truststore', 'pkcs12', 'p12', 'pfx', 'keyfile', ['key', 'file']],
  PARSE_WORD: ['syntax', 'syntaxerror', 'json', 'parse', 'parser', 'parsing', 'lexer', ['unexpected', 'token']],
  // --- round 18 (eng-c2): a structure being decoded that ran out, and a value read from an object ---
  // The data a decoder read ended inside a structure (JSON.parse's "Unexpected end of JSON input", a binary decoder's "Unexpected
  // end of array", Python's UnicodeDecodeError "unexpected end of data"): the message was cut short or malformed, no connection's end.
  DATA_END: [['unexpected', 'end', 'array'], ['unexpected', 'end', 'json'], ['unexpected', 'end', 'input'], ['unexpected', 'end', 'data'], ['unexpected', 'end', 'buffer'], ['unexpected', 'end', 'string'], ['unexpected', 'end', 'object']],
  // A property read from a value that is none (V8's "Cannot read properties of undefined (reading 'id')", its older "Cannot read
  // property 'id' of null"): a programming error, no read from a socket. "properties" normalises to "propertie" (words.ts singular).
  MEMBER_WORD: ['property', 'propertie', 'attribute'],
  // The Upgrade header field named missing (x/net/websocket's ErrBadUpgrade "missing or bad upgrade", RFC 6455 §4.1 step 2): an
  // upgrade (the process) cannot be missing, its header can.
  UPGRADE_WORD: ['upgrade'],
  UPGRADE_ABSENT: ['missing', 'absent', 'lack', 'lacking', ['not', 'present']],
  REQUEST_WORD: ['request', 'method'],
  // A resolver call named as what failed, the host between ("resolve no-such-host.example failed", "resolving api.example.com failed").
  RESOLVE_WORD: ['resolve', 'resolving', 'resolution'],
  // --- HTTP answer to the upgrade ---
  // Nouns a status follows within a few words ("status code: 403", "HTTP/1.1 403"); verbs only right before it ("got 403").
  STATUS_WORD: ['status', 'http', 'response', 'code', 'statuscode', 'reply'],
  // Also an answer that was "not an upgrade" right before its status (Starscream's HTTPUpgradeError.notAnUpgrade(403, …)).
  STATUS_VERB: ['responded', 'got', 'returned', 'received', 'answered', 'replied', 'answer', 'rejected', 'failed', ['not', 'upgrade'], ['not', 'upgraded']],
  BAD_STATUS: [['bad', 'status'], ['unexpected', 'status'], ['invalid', 'status'], ['unhandled', 'status'], ['wrong', 'status'], ['unexpected', 'response', 'code'], ['not', '101'], ['expected', '101'], ['instead', '101'], ['expected', 'http', '101'], ['bad', 'response', 'status'], ['unexpected', 'http', 'status'], ['unsuccessful', 'status'],
    // The status named with its protocol or line between ("Invalid HTTP status", "bad status line"): the answer was no 101.
    ['invalid', 'http', 'status'], ['bad', 'http', 'status'], ['wrong', 'http', 'status'], ['invalid', 'response', 'status'], ['unexpected', 'response', 'status'],
    // The 101 named as missing (wtx's "MissingSwitchingProtocols { found: Some(403) }", "no Switching Protocols"): the answer was another status.
    ['missing', 'switching', 'protocol'], ['no', 'switching', 'protocol'], ['not', 'switching', 'protocol'], ['expected', 'switching', 'protocol']],
  AUTH_WORD: [['invalid', 'credential'], ['bad', 'credential'], ['rejected', 'credential'], ['credential', 'rejected'], ['missing', 'credential'], ['missing', 'bearer', 'token'], 'unauthorized', 'unauthorised', ['authentication', 'required'], ['authentication', 'failed'], ['authentication', 'failure'], ['authentication', 'error'], ['authorization', 'violation'], ['authorisation', 'violation'], ['proxy', 'authentication'], ['not', 'authorized'], ['not', 'authorised'], ['not', 'authenticated'], 'unauthenticated', ['token', 'expired'], ['authorization', 'failed'],
    // A request that carried no credentials the server accepts, in a proxy's or gateway's words (oauth2-proxy's "No valid
    // authentication in request. Initiating login."): no valid/missing authentication, a login it requires or starts.
    ['no', 'valid', 'authentication'], ['no', 'valid', 'credential'], ['no', 'valid', 'session'], ['no', 'valid', 'token'], ['authentication', 'missing'], ['missing', 'authentication'], ['login', 'required'], ['not', 'logged', 'in'], ['initiating', 'login']],
  // --- round 21 (eng-f1): an authentication that failed, in either word order ("Service feed failed the authentication", rathole's
  // server; "Authentication failed: feed: Incorrect token", its client; "failed to authenticate", "auth failed", "unable to
  // authenticate", "login refused"): the act and a verdict on it within a few words (concept.auth_failed).
  AUTH_ACT: ['authentication', 'authenticate', 'authenticating', 'auth', 'authn', 'login', 'logon', 'signin'],
  AUTH_VERDICT: ['failed', 'failure', 'fail', 'unsuccessful', 'rejected', 'refused', 'denied', 'unable', ['could', 'not'], ['not', 'succeed']],
  // Authentication of data, not of a peer: an AEAD cipher's tag ("cipher: message authentication failed", Go's crypto/cipher GCM
  // Open; "authentication tag mismatch"; a noise or TLS record that did not decrypt): a record-layer failure, no credential refused.
  AEAD: [['message', 'authentication'], ['authentication', 'tag'], ['auth', 'tag'], 'aead', 'ciphertext', 'decrypt', 'decryption', 'mac', 'gcm', 'poly1305'],
  REJECT_WORD: ['forbidden', ['not', 'found'], ['bad', 'gateway'], ['service', 'unavailable'], ['gateway', 'timeout'], ['internal', 'server', 'error'], ['bad', 'request'], ['upgrade', 'required'], ['too', 'many', 'request'], ['method', 'not', 'allowed']],
  // --- WebSocket negotiation ---
  // An answer the client could not read as HTTP at all ("Invalid response", "Bad HTTP message", "bad status line", "malformed
  // reply"): most often none came (the server closed on the request and the parser read an empty or cut answer).
  UNREADABLE: ['invalid', 'bad', 'malformed', 'unparsable', 'unparseable', 'garbled', 'truncated', 'incomplete', 'empty', 'corrupt', 'corrupted', ['could', 'not', 'parse'], ['failed', 'parse'], ['unable', 'parse'], ['not', 'parse']],
  // An answer that came but is no HTTP ("malformed HTTP response", "garbled reply"): bytes arrived, so no drop; an empty or cut
  // answer is UNREADABLE's ("invalid response", "truncated reply").
  // ("unparsable" stays UNREADABLE's: parsers say so of an empty answer too.)
  MALFORMED: ['malformed', 'garbled', 'corrupt', 'corrupted', ['not', 'http'], ['not', 'valid', 'http']],
  // A client's verdict on the upgrade's answer that names no reason ("websocket: bad handshake", "ws handshake error", "upgrade
  // failed", "Invalid handshake response"): the answer came and was refused, for its status or for a header, the text does not
  // say which (gorilla/websocket's ErrBadHandshake and Mongoose's "ws handshake error" stand for both).
  ANSWER_REFUSED: [['bad', 'handshake'], ['handshake', 'error'], ['handshake', 'failed'], ['handshake', 'failure'], ['handshake', 'rejected'], ['rejected', 'handshake'],
    ['invalid', 'handshake'], ['handshake', 'invalid'], ['upgrade', 'failed'], ['upgrade', 'failure'], ['upgrade', 'error'], ['upgrade', 'rejected'], ['failed', 'upgrade'],
    ['invalid', 'upgrade', 'response'], ['bad', 'upgrade', 'response'], ['invalid', 'handshake', 'response'], ['bad', 'handshake', 'response'], ['unexpected', 'handshake', 'response'],
    ...ANSWER_FROM_PEER,
    // The answer's headers as a whole called invalid (Godot's "Invalid response headers." after its own header check): read, then refused.
    ['invalid', 'response', 'header'], ['bad', 'response', 'header']],
  // The handshake's answer itself called invalid ("Invalid handshake response"): read and refused, not unreadable.
  REFUSED_RESPONSE: [['invalid', 'handshake', 'response'], ['bad', 'handshake', 'response'], ['unexpected', 'handshake', 'response'], ['invalid', 'upgrade', 'response'], ['bad', 'upgrade', 'response'],
    ['invalid', 'response', 'header'], ['bad', 'response', 'header'], ...ANSWER_FROM_PEER],
  // Handshakes of other protocols that a WebSocket text may name (chisel's "ssh: handshake failed", a SOCKS or SASL handshake).
  OTHER_HANDSHAKE: ['ssh', 'socks4', 'socks5', 'sasl', 'noise', 'quic', 'mqtt', 'amqp', 'stomp'],
  // "bad status line" is an unreadable answer, not a status the client disliked ("bad status").
  STATUS_LINE: [['status', 'line']],
  HTTP_ANSWER: ['response', 'reply', 'answer', ['http', 'message'], ['http', 'response'], ['http', 'reply'], ['status', 'line'], ['response', 'line'], ['response', 'header'], ['http', 'header']],
  // The answer's WebSocket header fields by name (RFC 6455 §11.3), for a check that names the header it failed (header-checks.ts).
  EXT_HEADER_NAME: [['sec', 'websocket', 'extension'], ['sec', 'web', 'socket', 'extension'], 'secwebsocketextension'],
  PROTOCOL_HEADER_NAME: [['sec', 'websocket', 'protocol'], ['sec', 'web', 'socket', 'protocol'], 'secwebsocketprotocol'],
  ACCEPT_HEADER_NAME: [['sec', 'websocket', 'accept'], ['sec', 'web', 'socket', 'accept'], 'secwebsocketaccept'],
  // A check's verdict on a header: not there at all; there with a value the check refused; required (no more said).
  HEADER_ABSENT: ['missing', 'absent', ['not', 'present'], ['not', 'found'], 'lack', 'lacking', ['not', 'set'], ['not', 'sent'], ['not', 'returned'], ['not', 'included'], ['not', 'include'], ['not', 'contain'], 'empty', 'without'],
  HEADER_MISMATCH: [['not', 'match'], ['no', 'match'], 'mismatch', 'mismatched', ['not', 'matching'], 'unexpected', 'invalid', 'wrong', 'incorrect', 'malformed', 'bad', ['but', 'got'], ['but', 'received'],
    ['not', 'valid'], ['not', 'equal'], 'unsupported', ['not', 'supported'], 'unacceptable', ['not', 'acceptable'], ['not', 'allowed'], 'rejected', 'differ', 'different',
    // A forbidden value found (blackbox_exporter's fail_if_header_matches: "Header matched regular expression").
    ['matched', 'regular', 'expression'], ['matched', 'regexp'], ['matched', 'regex'], ['matched', 'pattern']],
  HEADER_REQUIRED: ['required', 'require', 'expected', 'expecting', 'expect', 'mandatory'],
  // The client's key and the server's answer to it (Sec-WebSocket-Key / Sec-WebSocket-Accept), as a token, nonce or digest.
  // The upgrade's own header fields in the answer (RFC 6455 §4.1, steps 2-3: "Upgrade: websocket", "Connection: Upgrade").
  UPGRADE_HEADER: [['upgrade', 'header'], ['connection', 'header'], ['upgrade', 'token'], ['upgrade', 'websocket', 'header'], ['upgrade', 'field'], ['connection', 'field'], ['upgrade', 'value'], ['connection', 'value']],
  // A header of the answer named as such, or the handshake's answer itself, next to the field's name ("missing header upgrade",
  // Netty's "Invalid handshake response upgrade: null", "invalid response headers: [connection=Upgrade, …]").
  HEADER_NOUN: ['header', 'field', ['header', 'field'], ['handshake', 'response'], ['response', 'header'], ['http', 'header'], ['upgrade', 'response']],
  // The answer's fields that RFC 6455 §4.1 (client steps 2-4) requires: Upgrade, Connection, Sec-WebSocket-Accept.
  // Any Sec-WebSocket-* field of the answer, however its name is spelt or misspelt ("Sec-WebSocketAaccept"): the Protocol and
  // Extensions fields have concepts of their own (the concepts reading this class exclude SUBPROTOCOL and EXTENSION).
  UPGRADE_FIELD: ['upgrade', 'connection', ['sec', 'websocket', 'accept'], 'secwebsocketaccept', ['sec', 'websocket'], ['sec', 'web', 'socket']],
  HEADER_BAD: ['missing', 'absent', 'bad', 'invalid', 'wrong', 'unexpected', 'incorrect', 'malformed', ['not', 'contain'], ['not', 'include'], ['not', 'present'], ['not', 'found'], 'mismatch', ['not', 'match'], ['no', 'upgrade'], 'lack', 'lacking', 'without',
    // A value set against the required one (Chrome's "'Connection' header value is not 'Upgrade'", OkHttp's "Expected 'Connection'
    // header value 'Upgrade' but was 'null'", "… but got …").
    ['value', 'not'], 'expected', ['but', 'got']],
  // The protocol version the upgrade request names (RFC 6455 §4.1 step 9, §4.2.1 item 6: Sec-WebSocket-Version, 13), called
  // unsupported or missing by the server that read it ("WebSocket version 99 not supported", "missing Sec-WebSocket-Version").
  WS_VERSION: [['websocket', 'version'], ['web', 'socket', 'version'], ['sec', 'websocket', 'version'], 'secwebsocketversion'],
  VERSION_REFUSED: ['unsupported', ['not', 'supported'], 'missing', 'absent', 'invalid', 'bad', 'wrong', 'required', ['not', 'present']],
  ACCEPT_KEY: [['accept', 'key'], ['accept', 'token'], ['accept', 'nonce'], ['accept', 'digest'], ['websocket', 'key'], ['web', 'socket', 'key'], ['sec', 'websocket', 'key'], 'secwebsocketkey', ['key', 'accept'],
    // Abbreviated as code names the fields ("secWsKey", "sec_ws_accept", "wsKey"): Helidon's "expected valid secWsKey".
    ['sec', 'ws', 'key'], ['ws', 'key'], 'secwskey', ['sec', 'ws', 'accept'], ['ws', 'accept'], 'secwsaccept', ['sec', 'accept'], ['sec', 'websocket', 'accept'], ['sec', 'web', 'socket', 'accept'], 'secwebsocketaccept', ['accept', 'header'], ['accept', 'hash'], ['accept', 'value'], 'challenge', ['challenge', 'response']],
  // A received value set against the expected one ("received Sec-Websocket-Accept X but expected Y") says the same as "mismatch".
  // Also an answer without the field (RFC 6455 §4.1 step 4: "If the response lacks a |Sec-WebSocket-Accept| header field ... the
  // client MUST _Fail_"), and a value the client could not verify against its key ("did not verify WebSocket challenge").
  ACCEPT_BAD: ['mismatch', ['not', 'match'], ['no', 'match'], 'invalid', 'incorrect', 'wrong', 'bad', 'missing', 'unexpected', ['not', 'valid'], 'failed', 'failure', 'error', ['but', 'expected'], ['expected', 'valid'], ['not', 'found'], 'absent', ['not', 'present'], ['not', 'verify'], ['not', 'verified']],
  WEBSOCKET: ['websocket', ['web', 'socket'], 'ws', 'wss', 'upgrade', 'permessage', 'deflate', 'rfc6455', 'rfc7692'],
  SUBPROTOCOL: ['subprotocol', ['sub', 'protocol'], ['sec', 'websocket', 'protocol'], ['sec', 'web', 'socket', 'protocol'], 'secwebsocketprotocol'],
  SUB_NEGATIVE: [
    'mismatch', ['not', 'match'], ['no', 'match'], 'unsupported', ['not', 'supported'], 'invalid', 'missing', 'unexpected', 'unknown', 'unrequested', ['not', 'requested'], ['not', 'offered'], ['not', 'set'], ['not', 'sent'], 'no', 'none', 'rejected',
    // Answered without being asked for, or not understood: "unsolicited", "unrecognized", "non-requested" (words.ts reads "non" as "not").
    'unsolicited', 'unrecognized', 'unrecognised', ['not', 'recognized'], 'incorrect', 'unoffered', 'disallowed', ['not', 'allowed'], ['not', 'accepted'], ['not', 'acceptable'],
    'failed', 'failure', 'empty', 'wrong', 'not', 'bad', 'illegal', 'unacceptable', 'absent', 'malformed',
    // A protocol header the client expected and did not get (WebSocket-Node's "Expected a Sec-WebSocket-Protocol header.").
    'expected',
    // A server naming the only subprotocols it takes, said only where the request's did not fit (Autobahn's 400 "This server only
    // speaks WebSocket subprotocols wamp.2.json, …", .NET's "server is only accepting 'echo' protocol(s)"; round 38, eng-f2).
    // @see https://github.com/crossbario/autobahn-python/blob/master/autobahn/wamp/websocket.py (onConnect, STRICT_PROTOCOL_NEGOTIATION)
    ['only', 'speak'], ['only', 'support'], ['only', 'accept'], ['only', 'accepting'], ['only', 'allow'],
  ],
  // The other side of a subprotocol negotiation: what the client asked for and what the server answered (RFC 6455 §4.1, §11.3.4).
  // The client's list of (sub)protocols named by the server that refused it (round 40, r40-a): Prosody's mod_websocket "Client didn't
  // want to talk XMPP, list of protocols was %s" (it answers 501 when the offer lacks "xmpp", RFC 7395 §3.3), "offered protocols
  // [mqtt] do not include sip". RFC 6455 §4.2.2 item 4: the server picks one of the client's values or none.
  // @see https://hg.prosody.im/0.12/file/tip/plugins/mod_websocket.lua @see https://www.rfc-editor.org/rfc/rfc7395#section-3.3
  PROTOCOL_LIST: [['list', 'protocol'], ['protocol', 'list'], ['offered', 'protocol'], ['requested', 'protocol'], ['protocol', 'offered'], ['protocol', 'requested']],
  LIST_REFUSED: [['not', 'want'], ['not', 'speak'], ['not', 'talk'], ['not', 'include'], ['not', 'contain'], ['not', 'supported'], 'unsupported', 'none', ['not', 'offer'], ['not', 'request'], ['not', 'acceptable']],
  SUB_REQUESTED: ['requested', 'asked', 'offered', 'wanted', 'expected', 'proposed'],
  SUB_SELECTED: ['selected', 'chose', 'chosen', 'picked', 'accept', 'accepting', 'accepted', 'returned', 'answered', 'responded', 'replied', 'agreed', 'negotiated', 'sent'],
  // "protocol" that names no subprotocol: a URL scheme, the WebSocket protocol itself breaking, TLS's application protocol (ALPN).
  // "101 Switching Protocols" is the status the upgrade wants (RFC 9110 §15.2.2), quoted by texts about any other status.
  // HTTP_NAME ("http") is a class of its own: a subprotocol answer may be reported inside an HTTP-header text.
  OTHER_PROTOCOL: [['switching', 'protocol'], 'switchingprotocol', 'scheme', 'url', 'uri', 'libcurl', ['protocol', 'error'], ['protocol', 'violation'], ['violation', 'protocol'], 'protocolerror', 'protocolexception', ['protocol', 'exception'], 'alpn', ['application', 'protocol'], 'h2', 'eprotonosupport', ['address', 'family'], ['protocol', 'family'], ['protocol', 'not', 'available'], ['wrong', 'type']],
  HTTP_NAME: ['http'],
  // The peer a server's or proxy's log line names as the source of what it refused ("Unsupported protocol from 127.0.0.1", "Invalid
  // protocol \"XXXX\" in CONNECT from ::ffff:10.0.0.7", an IPv4-mapped IPv6 address, RFC 4291 §2.5.5.2): the bytes a connecting peer
  // spoke to the emitter's own listener, not a subprotocol answer, which a client reports with both sides named and no address.
  PEER_ORIGIN: [['from', '#host'], ['from', 'ffff', '#host'], ['from', 'localhost']],
  // libwebsockets' record of why it freed a connection (__lws_close_free_wsi's "caller" string): "server socket svc fail" is the
  // server's socket service finding the socket failed or closed under it (a read of 0 or an error), no answer of any protocol.
  // @see https://github.com/warmcat/libwebsockets/blob/main/lib/core-net/close.c (__lws_close_free_wsi, caller)
  SOCKET_SERVICE_FAILED: [['socket', 'svc', 'fail'], ['socket', 'service', 'fail'], ['socket', 'service', 'failed'], ['socket', 'svc', 'failed']],
  // An HTTP request's method the server's parser does not know (libwebsockets' "Unknown method - dropping"; llhttp's
  // HPE_INVALID_METHOD "Invalid method encountered"): only beside a parser word, since an RPC's "unknown method" is the application's.
  METHOD_REFUSED: [['unknown', 'method'], ['invalid', 'method'], ['unsupported', 'method']],
  // The protocol of the next hop ("Unknown remote protocol"): a proxy that could not read its upstream's answer, whose cause it does not say.
  REMOTE_PROTOCOL: [['remote', 'protocol'], ['upstream', 'protocol']],
  // The WebSocket protocol itself, no subprotocol: gorilla's server refuses a request that is no upgrade with "the client is not
  // using the websocket protocol: …" (server.go). "Sec-WebSocket-Protocol" holds these words too, and is a SUBPROTOCOL word, which
  // the subprotocol concept reads.
  // @see https://github.com/gorilla/websocket/blob/main/server.go (Upgrader.Upgrade: badHandshake)
  WS_PROTOCOL_ITSELF: [['websocket', 'protocol'], ['web', 'socket', 'protocol']],
  // An HTTP response, not a frame: "status code 403" is the upgrade's answer.
  HTTP_WORD: ['upgrade', 'response', 'handshake', 'status'],
  // WebSocket framing (RFC 6455 §5, §7.4): a frame, its header bits and opcodes, and the close code inside a Close frame.
  // "op" before a 4-bit opcode in hex ("we do not support op 0x00 yet", Kore's websocket.c; §5.2's %x0-F) is the frame's opcode;
  // "op" alone is an application's field (a gateway's JSON "op") and reads nothing.
  FRAME: ['frame', 'opcode', ['op', 'code'], ...OPCODE_HEX, 'rsv', 'rsv1', 'rsv2', 'rsv3', ['reserved', 'bit'], 'masked', 'unmasked', 'mask', 'masking', ['close', 'code'], ['close', 'status'], 'fragment', 'fragmented', 'continuation', ['payload', 'length'], ['control', 'frame'], 'fin'],
  // "not canonical": a length not in its shortest form (§5.2: "the minimal number of bytes MUST be used"); "must": a rule stated
  // as the error ("close payload length must be 0 or >= 2", §5.5.1; "be" is a filler word).
  // "incorrect": gorilla/websocket's "incorrect mask flag" (conn.go advanceFrame before 1.5.1, a client frame unmasked or a server
  // frame masked, §5.1).
  // "not supported" as "unsupported" (round 31, eng-y1): microdot 2.x's "Continuation frames not supported" (microdot/websocket.py
  // _parse_frame_header raises WebSocketError for a frame without FIN), a peer's fragmented message refused (§5.4: an endpoint MUST
  // be prepared to receive fragments).
  FRAME_BAD: ['unexpected', 'illegal', 'invalid', 'incorrect', 'unknown', 'reserved', 'bad', 'unsupported', ['not', 'supported'], ['not', 'canonical'], 'noncanonical', ['not', 'minimal'], 'must', ['must', 'not'], ['not', 'allowed'], ['not', 'permitted'], ['out', 'range'], ['must', 'range'], 'malformed', 'wrong', 'violation', ['not', 'implemented']],
  // A frame's length written in a longer encoding than its size needs (RFC 6455 §5.2: "the minimal number of bytes MUST be used
  // to encode the length"), refused: lwan's get_frame_length() "Can't use 16-bit encoding for frame length of 10", Netty's
  // WebSocket08FrameDecoder "invalid data frame length (not using minimal length encoding)" (round 34, eng-b1).
  // @see https://www.rfc-editor.org/rfc/rfc6455#section-5.2
  LENGTH_ENCODING: [['bit', 'encoding'], ['byte', 'encoding'], ['length', 'encoding'], ['minimal', 'encoding'], ['minimal', 'length']],
  ENCODING_REFUSED: [['not', 'use'], ['not', 'using'], ['not', 'take'], ['not', 'accept'], 'overlong', 'nonminimal', ['not', 'minimal'], 'rejected', 'refused', 'invalid', 'illegal'],
  // A frame called corrupted ("CorruptedWebSocketFrameException"): Netty's class for every frame error, the too long one included.
  CORRUPTED: ['corrupted', 'corrupt'],
  // A framing error: the term of a message protocol's spec for bytes that do not decode as its frames (AMQP 0-9-1's reply code 501
  // frame-error, "the sender sent a malformed frame that the recipient could not decode"; STOMP 1.2 and MQTT carried over WebSocket
  // are framed the same way). Round 35, eng-c1. @see https://www.rabbitmq.com/resources/specs/amqp0-9-1.pdf (§1.2 Constants: frame-error)
  FRAMING_FAILED: [['framing', 'error'], ['framing', 'failure'], ['framing', 'failed'], ['framing', 'violation'], ['frame', 'decode', 'error'], ['frame', 'decoding', 'error'], ['frame', 'decoding', 'failed'], 'framingerror'],
  // RFC 6455 rules that error names state by their parts (round 8): "FragmentedControlFrame", "MaskedFrameFromServer", "RSV1 set",
  // "PingFrameTooLarge", "ExpectedFragment(Text)", "InvalidUTF8". A control frame (§5.5) is never fragmented and carries at most 125 bytes.
  CONTROL: ['control'],
  // A control frame without FIN is a fragmented one (§5.5 "MUST NOT be fragmented"): gorilla/websocket's "control frame not final"
  // (1.4) and "FIN not set on control" (1.5.1+, conn.go advanceFrame).
  // @see https://github.com/gorilla/websocket/blob/main/conn.go
  FRAGMENTED: ['fragmented', 'fragment', 'fragmentation', ['not', 'final'], ['fin', 'not', 'set'], ['fin', 'unset'], ['without', 'fin']],
  CONTROL_FRAME: [['control', 'frame'], ['ping', 'frame'], ['pong', 'frame'], ['control', 'message'], ['control', 'payload']],
  // "125" is §5.5's own limit: "len > 125 for control" (gorilla/websocket 1.5.1+) names it beside the word "control".
  CONTROL_SIZE: [['too', 'big'], ['too', 'large'], ['too', 'long'], 'exceed', 'exceeded', 'exceeding', 'limit', 'length', 'len', 'size', ['less', 'than'], ['more', 'than'], '125'],
  CONTROL_LIMIT: ['125'],
  // §5.1: a server never masks, a client always does: a frame named masked (or not) is the violation.
  MASKED: ['masked', 'unmasked', ['not', 'masked']],
  FRAME_NOUN: ['frame'],
  // §5.2: RSV1-3 are 0 unless an extension gave them a meaning: named set, non-zero, or used with no extension.
  RSV_BIT: ['rsv', 'rsv1', 'rsv2', 'rsv3', ['reserved', 'bit'], ['reserved', 'flag']],
  BIT_SET: ['set', ['not', 'zero'], 'nonzero', ['no', 'extension']],
  // The RSV bits named as the error itself (websocket.zig's error.ReservedFlags, "ReservedBits"): the name says they were used (§5.2).
  RSV_NAME: [['reserved', 'flag'], ['reserved', 'bit'], ['rsv', 'bit'], ['rsv', 'flag']],
  // A size word in an error name whose other part is the control frame (websocket.zig's error.LargeControl, "BigControl"; §5.5: at most 125 bytes).
  SIZE_ADJ: ['large', 'big', 'long', 'oversized', 'overflow'],
  // A header bit a rule requires, named expected or missing ("WS_ERR_EXPECTED_MASK", "WS_ERR_EXPECTED_FIN", "MaskRequired").
  BIT_EXPECTED: [['expected', 'mask'], ['mask', 'expected'], ['mask', 'required'], ['missing', 'mask'], ['unexpected', 'mask'], ['expected', 'fin'], ['fin', 'expected'], ['fin', 'required'], ['missing', 'fin']],
  // A close status named in an identifier ("StatusMessageTooBig", "LWS_CLOSE_STATUS_MESSAGE_TOO_LARGE"): the close code's name.
  CLOSE_STATUS_NAME: ['status', ['close', 'status'], ['close', 'code'], 'closecode', 'closestatus'],
  // §5.4: continuation frames only inside a fragmented message.
  CONTINUATION: ['continuation', ['continue', 'frame'], 'fragment'],
  // §5.4 by its parts (websocket.zig's error.NestedFragment, a data frame inside an open message; error.UnfragmentedContinuation,
  // a continuation with no message open).
  // actix-http's ProtocolError::ContinuationNotStarted ("Continuation has not started"): a continuation with no message open.
  // @see https://github.com/actix/actix-web/blob/master/actix-http/src/ws/mod.rs (enum ProtocolError)
  // gorilla/websocket's "continuation after FIN" (1.5.1+; "continuation after final message frame" in 1.4).
  ORDER_BAD: [['not', 'started'], 'expected', ['after', 'final'], ['after', 'fin'], ['outside', 'fragmented'], ['inside', 'fragmented'], 'nested', 'unfragmented'],
  // §5.4: a new data message begun while a fragmented one is open, before its final frame: gorilla/websocket's "data before FIN"
  // (1.5.1+) and "message start before final message frame" (1.4); websocket.zig's NestedFragment says the same by name.
  DATA_START: ['data', ['message', 'start'], ['text', 'frame'], ['binary', 'frame'], ['data', 'frame'], ['new', 'message']],
  BEFORE_FIN: [['before', 'fin'], ['before', 'final'], ['before', 'last', 'frame']],
  // §5.6, §8.1: text frames carry UTF-8 (1007 Invalid frame payload data).
  UTF8: ['utf8', ['utf', '8']],
  UTF8_BAD: ['invalid', 'bad', ['not', 'valid'], 'malformed', 'illegal', 'error'],
  // A message over a limit in words apart ("The WebSocket message exceeded the locally configured limit"); not a rate limit.
  DATA_NOUN: ['message', 'frame', 'payload'],
  LIMIT_WORD: ['limit', 'maximum', 'max'],
  RATE: ['rate', 'quota', 'throttle', 'throttled', 'throttling', 'request'],
  // A received length set against the receiver's buffer (round 40, r40-a): the frame announced more than the buffer holds, RFC 6455
  // §7.4.1's 1009 ("a message that is too big for it to process"). Kamailio's tcp_read_ws() "advertised length (%d) greater than buffer
  // size (%d)" (core/tcp_read.c); POCO's WebSocketImpl "Insufficient buffer for payload size %d" (WS_ERR_PAYLOAD_TOO_BIG).
  // @see https://github.com/kamailio/kamailio/blob/master/src/core/tcp_read.c @see https://github.com/pocoproject/poco/blob/main/Net/src/WebSocketImpl.cpp
  LENGTH_WORD: ['length', 'size', 'len'],
  BUFFER_SHORT: [['greater', 'than', 'buffer'], ['larger', 'than', 'buffer'], ['bigger', 'than', 'buffer'], ['more', 'than', 'buffer'], ['exceed', 'buffer'], ['exceeding', 'buffer'],
    ['exceeded', 'buffer'], ['insufficient', 'buffer'], ['buffer', 'too', 'small'], ['not', 'fit', 'in', 'buffer'], ['not', 'fit', 'into', 'buffer']],
  // §4.1 step 4 by an error name's parts ("KeyMismatch", "InvalidKey"): the key's answer refused.
  KEY_WORD: ['key', 'nonce'],
  KEY_BAD: ['mismatch', 'mismatched', 'invalid', 'wrong', 'incorrect'],
  // The upgrade's key pair in prose ("wrong handshake key"): Sec-WebSocket-Key and its Accept are the handshake's only key (RFC 6455 §4.1).
  HANDSHAKE_KEY: [['handshake', 'key']],
  // A key said not to match in prose ("mismatch key", "key mismatch", "keys do not match"): the one key a WebSocket client checks
  // an answer against is Sec-WebSocket-Key (RFC 6455 §4.1 step 4), unless another key is named: a host or public key (SSH), a
  // private key and its certificate (OpenSSL's "key values mismatch"), a database's foreign key, an API or session key.
  KEY_NOUN: ['key', 'keys'],
  KEY_MISMATCH: ['mismatch', 'mismatched', ['not', 'match'], ['no', 'match'], ['not', 'matching']],
  OTHER_KEY: ['host', 'public', 'private', 'foreign', 'primary', 'api', 'session', 'encryption', 'signing', 'ssh', 'license', 'licence', 'cache', 'value', 'pgp', 'gpg', 'fingerprint'],
  // A key said bad in words of the server's answer ("invalid server key", ws < 4's verdict on Sec-WebSocket-Accept; "wrong key in
  // response", "server returned an incorrect key"): the key a client checks in the answer is the accept key (RFC 6455 §4.1 step 4).
  // @see https://github.com/websockets/ws/blob/3.3.3/lib/WebSocket.js (initAsClient: res.headers['sec-websocket-accept'] !== key → 'invalid server key')
  ANSWER_KEY_BAD: ['invalid', 'wrong', 'bad', 'incorrect', ['not', 'valid'], 'unexpected', 'mismatch', 'mismatched', ['not', 'match']],
  ANSWER_SIDE: ['server', 'response', 'answer', 'reply', 'replied', 'returned', 'received', 'responded', 'answered', 'remote', 'peer'],
  // An HTTP answer's first line (RFC 9112 §4: status-line) called invalid or illegal in prose; an "empty" or missing line is a read
  // that came back empty. "bad status line" stays the unreadable answer (Python http.client's BadStatusLine, concept.unreadable_answer).
  // RFC 9112 §2.1's generic name, start-line (a request-line or a status-line): ActiveJ's "Invalid start line prefix" for an answer
  // that does not open with "HTTP/1." (round 41, r41-a). @see https://www.rfc-editor.org/rfc/rfc9112#section-2.1
  FIRST_LINE: [['status', 'line'], ['response', 'line'], 'statusline', ['start', 'line'], 'startline'],
  LINE_BAD: ['invalid', 'illegal', 'malformed', ['not', 'valid'], 'unparsable', 'unparseable', 'garbled'],
  EMPTY_READ: ['empty', 'no', 'missing'],
  // §4.1 steps 2-3 by an error name's parts: a field named with its required value ("no_connection_upgrade", "no_upgrade_websocket").
  FIELD_BAD_PREFIX: ['no', 'missing', 'bad', 'invalid'],
  FIELD_VALUE: [['connection', 'upgrade'], ['upgrade', 'websocket'], ['sec', 'websocket', 'accept'], ['sec', 'web', 'socket', 'accept'], 'secwebsocketaccept', ['sec', 'accept']],
  // A hostname check worded "no … name … matching": the negation and the match verb apart.
  NEGATION: ['no', 'none', 'not'],
  // A TLS record (RFC 8446 §5): "not an SSL/TLS record", "record does not look like TLS": plaintext on a TLS port.
  TLS_RECORD: ['record'],
  MATCHING: ['matching', 'match', 'matched'],
  // A host the text names: a host name or IPv4 address (words.ts reads it as one word, "#host") or localhost.
  HOST_VALUE: ['#host', 'localhost', '#invalidhost'],
  // A host name under .invalid (words.ts; RFC 6761 §6.4): no resolver answers it.
  INVALID_HOST: ['#invalidhost'],
  // The HTTP version of the upgrade answer (RFC 6455 §4.1: HTTP/1.1 or higher), not TLS's.
  HTTP_VERSION: [['http', 'version'], ['http', 'protocol', 'version'], ['http', '1', '0'], ['expected', 'http', '1', '1'], ['http', '1', '1', 'required']],
  VERSION_BAD: ['must', 'required', 'expected', 'unsupported', ['not', 'supported'], 'invalid', 'wrong', 'higher', 'bad', 'unexpected'],
  WS_PROTOCOL_ERROR: [['protocol', 'error'], ['protocol', 'violation'], 'protocolerror', ['protocol', 'err']],
  // A file name's extension ("unknown file extension .tmpl", "invalid filename extension"): no WebSocket extension (round 39, r39-a: a
  // server's 500 naming one stays the application's refusal).
  FILE_EXTENSION: [['file', 'extension'], ['filename', 'extension'], ['file', 'name', 'extension'], ['file', 'ext']],
  EXTENSION: ['extension', 'ext', ['sec', 'websocket', 'extension'], ['sec', 'web', 'socket', 'extension'], 'secwebsocketextension', 'permessage', ['permessage', 'deflate'], 'deflate', 'compression', 'compress', ['deflate', 'frame']],
  EXT_PARAM: ['param', 'parameter', ['window', 'bit'], 'wbit', ['max', 'wbit'], ['max', 'window'], ['context', 'takeover'], 'option', ['window', 'size'], 'value', 'offer', 'argument', 'attribute'],
  EXT_BAD: [
    'invalid', 'malformed', 'duplicate', 'duplicated', 'unparsable', 'unparseable', ['not', 'parse'], ['could', 'not', 'parse'], ['failed', 'parse'], ['failed', 'parsing'], ['parse', 'error'], ['parsing', 'error'], 'reject', 'rejected', 'unacceptable', ['not', 'acceptable'],
    'illegal', 'bad', 'unsupported', ['not', 'supported'], 'unexpected', ['out', 'range'], ['too', 'large'], ['too', 'small'], 'syntax', 'incorrect', 'wrong', 'unknown', 'unrecognized', 'conflicting', 'repeated', ['more', 'than', 'once'], ['multiple', 'occurrence'], 'error', ['must', 'between'],
    // The server could not build the extension the offer named from its parameters: the offer refused ("could not instantiate
    // offered extension", Jetty 12's 400 page, reproduced in test/fixtures/holdout-35 cometd-34; "failed to instantiate").
    ['not', 'instantiate'], ['failed', 'instantiate'], ['unable', 'instantiate'],
    // A duplicate said by its count after the verb that put it in the header ("permessage-deflate offered twice", "listed multiple
    // times"; not "retried twice", a count of attempts), as "more than once" is; and a value given to a parameter that takes none:
    // RFC 7692 §7.1.1.1/§7.1.1.2 has the server decline an offer whose *_no_context_takeover "has a value" ("parameter
    // client_no_context_takeover takes no value", "must not have a value", "no value allowed"). Round 41, r41-a.
    // @see https://www.rfc-editor.org/rfc/rfc7692#section-7.1.1.1
    ...['offered', 'sent', 'given', 'specified', 'listed', 'present', 'included', 'declared', 'appear', 'occur'].flatMap((verb) => [[verb, 'twice'], [verb, 'multiple', 'time']]), ['take', 'no', 'value'], ['not', 'take', 'value'], ['expect', 'no', 'value'], ['must', 'not', 'value'], ['no', 'value', 'allowed'], ['value', 'not', 'allowed'],
  ],
  // permessage-deflate's own parameter names (RFC 7692 §7.1): naming one is naming the extension.
  DEFLATE_PARAM: [['window', 'bit'], 'wbit', ['max', 'wbit'], ['context', 'takeover'], ['max', 'window'], ['window', 'size']],
  // A parameter named in full: RFC 7692 §7.1's four names, or "extension parameter(s)" (Tomcat perMessageDeflate.*,
  // wsWebSocketContainer.invalidExtensionParameters). Named so, the parameter is the subject even far from the verdict.
  EXT_PARAM_NAMED: [['server', 'max', 'window', 'bit'], ['client', 'max', 'window', 'bit'], ['server', 'no', 'context', 'takeover'], ['client', 'no', 'context', 'takeover'], ['extension', 'parameter']],
  // A library's verdict on such a parameter (narrower than EXT_BAD: no "error" or "bad" that a log line may carry nearby).
  EXT_VERDICT: ['invalid', 'unsupported', ['not', 'supported'], ['unable', 'support'], ['not', 'support'], ['not', 'valid'], ['out', 'range'], 'unknown', 'duplicate', 'duplicated', 'illegal'],
  // "Only 15 window size is supported": a restriction the answer did not meet.
  ONLY: ['only'],
  SUPPORTED: ['supported', 'allowed', 'accepted', 'permitted'],
  EXT_MISSING: [
    'missing', 'absent', ['not', 'negotiated'], 'required', 'mandatory', ['not', 'accepted'], 'declined', ['not', 'accept'], ['not', 'present'], ['no', 'extension'], 'without', ['not', 'enabled'], ['not', 'agreed'], ['not', 'include'], ['not', 'included'], ['not', 'return'],
    ['not', 'returned'], ['not', 'respond'], ['not', 'confirmed'], ['failed', 'negotiate'], ['negotiation', 'failed'], ['not', 'negotiate'], 'lack', 'lacking',
  ],
  EXT_UNOFFERED: [
    ['not', 'requested'], 'unrequested', ['not', 'request'], ['not', 'offered'], ['not', 'offer'], ['not', 'asked'], 'unsolicited', ['not', 'in', 'request'], ['not', 'sent'], ['unknown', 'extension'], ['unsupported', 'extension'],
    ['unexpected', 'extension'], ['unrecognized', 'extension'], ['extension', 'not', 'supported'], 'unasked', 'unoffered',
  ],
  // --- round 22 (eng-g2): a close with no reason, a reset named, a certificate resolver, a TLS handshake that failed ---
  // A close stated without its cause: a reason given as empty or a placeholder ("WebSocket closed with reason: undefined (undefined)",
  // "closed, reason: null", "no reason"), or a socket closed before it opened (ws and Chromium's "WebSocket was closed before the
  // connection was established": close() called while CONNECTING). "closed" then names no reset (convention 9; concept.reset stands down).
  CLOSE_NO_CAUSE: [['reason', 'undefined'], ['reason', 'null'], ['reason', 'none'], ['reason', 'empty'], ['no', 'reason'], ['without', 'reason'], ['reason', 'not', 'given'], ['empty', 'reason'],
    ['closed', 'before', 'connection', 'established'], ['closed', 'before', 'established'], ['closed', 'before', 'connected'], ['closed', 'before', 'opened'], ['closed', 'while', 'connecting']],
  // A reset in its own words or errno (reset, abort, EOF, hang-up, broken pipe) or a close by the peer: a reset even beside CLOSE_NO_CAUSE.
  RESET_NAMED: ['reset', 'econnreset', 'wsaeconnreset', 'connectionreset', ['broken', 'pipe'], 'epipe', 'brokenpipe', ['connection', 'aborted'], 'econnaborted', 'connectionaborted', ['connection', 'abort'],
    ['forcibly', 'closed'], ['hang', 'up'], ['hung', 'up'], 'eof', ['unexpected', 'eof'], 'unexpectedeof',
    ['closed', 'peer'], ['closed', 'remote'], ['remotely', 'closed'], ['closed', 'remotely'], ['remote', 'closed'], ['peer', 'closed'], ['server', 'closed'], ['remote', 'host', 'closed']],
  // A TLS server's certificate resolver (rustls ResolvesServerCert; "TLS-RESOLVER >>> cannot look up certificate: no SNI"): it picks a
  // certificate by SNI, no name lookup, so its "resolver" is no DNS.
  CERT_RESOLVER: [['tls', 'resolver'], ['certificate', 'resolver'], ['cert', 'resolver'], ['look', 'up', 'certificate'], ['lookup', 'certificate'], ['certificate', 'lookup'], ['no', 'sni'], ['certificate', 'chain', 'resolved'], ['cert', 'resolved']],
  // A handshake named as what failed ("Could not perform handshake", "handshake failed"): a TLS one where the line names TLS.
  HANDSHAKE_FAILED: [['not', 'perform', 'handshake'], ['unable', 'perform', 'handshake'], ['failed', 'perform', 'handshake'], ['handshake', 'failed'], ['handshake', 'failure'], ['failed', 'handshake']],
  // --- round 24 (eng-r3): bytes that are no TLS handshake, an SSL 2.0/3.0 hello, a request that carried no name, a parser's token ---
  // What a TLS listener read did not open as a handshake (sniproxy tls.c "Request did not begin with TLS handshake.", Go crypto/tls
  // "first record does not look like a TLS handshake", "does not start with a ClientHello"): plaintext on a TLS port (convention 11).
  // @see https://github.com/dlundquist/sniproxy/blob/master/src/tls.c (parse_tls_header)
  // @see https://www.rfc-editor.org/rfc/rfc8446#section-5.1 (every TLS connection opens with a handshake record, type 22)
  NOT_BEGIN: [['not', 'begin'], ['not', 'start'], ['not', 'look', 'like'], ['not', 'look'], ['not', 'appear'], ['not', 'seem'], ['not', 'beginning'], ['not', 'starting']],
  TLS_OPENING: ['handshake', 'hello', 'clienthello', 'record'],
  // An SSL 2.0 or 3.0 hello named (sniproxy's "Received SSL 3.0 handshake without extensions", "Received SSL 2.0 Client Hello which
  // can not support SNI", Go's "tls: unsupported SSLv2 handshake received", JSSE's "Unsupported SSL v2.0 ClientHello"): a protocol
  // RFC 6176 and RFC 7568 prohibit, so no TLS peer speaks it. Not OpenSSL's function prefixes "ssl2_"/"ssl3_" (they read "ssl3").
  // @see https://www.rfc-editor.org/rfc/rfc6176 (SSL 2.0 prohibited)  @see https://www.rfc-editor.org/rfc/rfc7568 (SSL 3.0 deprecated)
  OLD_SSL: ['sslv2', 'sslv3', ['ssl', '2'], ['ssl', '3'], ['ssl', 'v2'], ['ssl', 'v3']],
  // OpenSSL's handshake state names ("SSLv3/TLS read client hello", SSL_state_string_long in ssl/ssl_stat.c) call every
  // version's state machine "SSLv3/TLS": a state, no SSL 3.0 hello (round 36, eng-d1: a listener's log read for its stated cause).
  // @see https://github.com/openssl/openssl/blob/master/ssl/ssl_stat.c (SSL_state_string_long)
  OPENSSL_STATE_NAME: [['sslv3', 'tls']],
  HELLO_SENT: ['handshake', 'hello', 'clienthello', 'received', 'receive'],
  // A name's absence from what held it (a certificate's SAN list "does not contain/include/list/cover" the host): a host name check
  // only where the text names the certificate or its name list; a request or ClientHello that did not include a host name is no
  // certificate check (sniproxy's "Request from … did not include a hostname", an SNI proxy's routing refusal).
  NAME_ABSENT: [['not', 'contain'], ['not', 'include'], ['not', 'list'], ['not', 'cover']],
  CERT_NAME_LIST: ['certificate', 'cert', 'x509', 'san', 'subjectaltname', ['subject', 'alt', 'name'], ['subject', 'alternative', 'name'], 'altname', ['alt', 'name'], ['common', 'name'], 'commonname', ['dns', 'name']],
  // A request or hello that carried no host name (RFC 6066 §3: SNI is the client's to send; "no SNI", "missing server name",
  // "without SNI", "SNI not provided"): a routing refusal by a name-based proxy, no certificate's host check.
  // @see https://www.rfc-editor.org/rfc/rfc6066#section-3
  NAME_NOT_SENT: [['no', 'sni'], ['missing', 'sni'], ['without', 'sni'], ['sni', 'missing'], ['sni', 'not', 'provided'], ['sni', 'not', 'sent'], ['not', 'send', 'sni'], ['not', 'support', 'sni'],
    ['no', 'server', 'name', 'indication'], ['missing', 'server', 'name'], ['server', 'name', 'missing'], ['missing', 'hostname'], ['hostname', 'missing'], ['hostname', 'not', 'provided'],
    ['request', 'not', 'include'], ['request', 'not', 'contain'], ['hello', 'not', 'include'], ['hello', 'not', 'contain']],
  // "invalid token": refused credentials (a bearer token or JWT), unless an HTTP parser says it (HTTP_SYNTAX): httparse's Error::Token
  // prints "invalid token" for a byte no HTTP token may hold (RFC 9110 §5.6.2 tchar), as Pingora's "InvalidHTTPHeader … cause: invalid
  // token" and condure's ParseError(Token) quote it.
  // @see https://github.com/seanmonstar/httparse/blob/master/src/lib.rs (Error::Token => "invalid token")
  // @see https://www.rfc-editor.org/rfc/rfc9110#section-5.6.2
  INVALID_TOKEN: [['invalid', 'token']],
  // OpenSSL prints every TLS alert as "sslv3 alert <name>" (its SSL3_AD_ prefix): no SSL 3.0 hello.
  ALERT_WORD: ['alert'],
  HTTP_SYNTAX: ['parse', 'parser', 'parsing', 'parseerror', 'httparse', 'syntax', 'lexer', 'tokenizer', 'tokeniser', ['invalid', 'http'], ['malformed', 'http'], ['bad', 'http'], ['request', 'line'], ['status', 'line'], ['header', 'name'], ['invalid', 'header'], ['malformed', 'header'], 'tchar'],
  // --- round 31 (eng-y2): a call made after the connection had ended ---
  // A state reported to a call made after the connection ended ("request GetVersion: client already disconnected", goobs; Eclipse
  // Paho's 32101 "Client is already disconnected"): the call found the connection gone, which says nothing of how it ended; the
  // close on record decides (a reset in its own words still is one: concept.reset_named).
  // @see https://github.com/eclipse/paho.mqtt.java/blob/master/org.eclipse.paho.client.mqttv3/src/main/java/org/eclipse/paho/client/mqttv3/internal/nls/messages.properties (32101)
  ALREADY_ENDED: [['already', 'disconnected'], ['already', 'disconnecting']],
  // --- round 36 (eng-d1): a hello the TLS library could not read, an MQTT packet called malformed, a WebSocket version or request refused ---
  // A peer's hello message the TLS library could not parse: mbedTLS's ssl_srv.c/ssl_cli.c debug lines "bad client hello message",
  // "bad server hello message" (MBEDTLS_ERR_SSL_BAD_HS_CLIENT_HELLO / _SERVER_HELLO), a "malformed ClientHello".
  // @see https://github.com/Mbed-TLS/mbedtls/blob/v2.28.3/library/ssl_srv.c (ssl_parse_client_hello)
  PEER_HELLO: [['client', 'hello'], 'clienthello', ['server', 'hello'], 'serverhello'],
  HELLO_BAD: ['bad', 'malformed', 'invalid', 'corrupt', 'corrupted', 'illegal', ['not', 'parse']],
  // MQTT's control packet types (MQTT 5.0 §2.1.2 Table 2-1, 3.1.1 §2.2.1 Table 2.1) named as malformed: MQTT's Malformed Packet (§1.2,
  // §4.13: "a Control Packet [that] cannot be parsed according to this specification"), a broker's "Malformed CONNECT". AUTH is left
  // out (an HTTP auth header called malformed is credentials'), and so is any packet's name without "malformed".
  // @see https://docs.oasis-open.org/mqtt/mqtt/v5.0/os/mqtt-v5.0-os.html#_Toc3901022 (2.1.2 MQTT Control Packet type)
  MQTT_PACKET: ['connect', 'connack', 'publish', 'puback', 'pubrec', 'pubrel', 'pubcomp', 'subscribe', 'suback', 'unsubscribe', 'unsuback', 'pingreq', 'pingresp', 'disconnect'],
  MQTT_MALFORMED: ['malformed'],
  // A connection's end stated as clean: Twisted's ConnectionDone, "Connection was closed cleanly." (twisted/internet/error.py), the reason
  // IProtocol.connectionLost() gets for an orderly TCP close (a FIN, by either side) as opposed to ConnectionLost's "non-clean fashion".
  // An EOF by the reset convention, but one that says nothing failed: weaker than a reset's own words (concept.reset_clean).
  // @see https://github.com/twisted/twisted/blob/trunk/src/twisted/internet/error.py (class ConnectionDone)
  CLEAN_END: [['closed', 'cleanly'], 'connectiondone', ['connection', 'done']],
  // "Protocol version" refused with no TLS word (txWS's "Can't support protocol version 99!"): RFC 6455 calls Sec-WebSocket-Version
  // "the version of the protocol", and a server that does not understand it aborts the handshake (§4.2.1 item 6, §4.2.2); MQTT's
  // Unsupported Protocol Version says the same of MQTT's. WS_VERSION (concept.request_version) names the WebSocket; this is the bare
  // phrase, read only with no TLS word, alert or TLS version name about (convention 4's version is TLS's).
  // @see https://www.rfc-editor.org/rfc/rfc6455#section-4.2.2
  PROTO_VERSION: [['protocol', 'version']],
  // Only a speaker's refusal in prose ("can't support", "not supported", "not handled"): a bare "Unsupported Protocol Version" is MQTT's
  // generic reason name, read only beside an MQTT word (codes/mqtt.ts MQTT_GENERIC_REASONS).
  PROTO_VERSION_REFUSED: [['not', 'supported'], ['not', 'support'], ['not', 'handle'], ['not', 'handled'], ['not', 'understood'], ['not', 'accepted'], ['not', 'acceptable']],
  // TLS versions by name or by their wire value (RFC 8446 §4.2.1: 0x0300 SSL 3.0 to 0x0304 TLS 1.3).
  TLS_VERSION_NAME: ['sslv2', 'sslv3', 'tlsv1', 'tlsv11', 'tlsv12', 'tlsv13', 'tls1', 'tls10', 'tls11', 'tls12', 'tls13', '0x0300', '0x0301', '0x0302', '0x0303', '0x0304'],
  // A request the server says was no WebSocket request at all (Netty's "not a WebSocket request", "Not handling non-WS request"): it
  // lacked what RFC 6455 §4.2.1 requires of an opening handshake (the Upgrade, Connection, key or version fields).
  // @see https://www.rfc-editor.org/rfc/rfc6455#section-4.2.1
  NOT_WS_REQUEST: [['not', 'ws', 'request'], ['not', 'websocket', 'request'], ['not', 'web', 'socket', 'request'], ['not', 'ws', 'handshake', 'request'], ['not', 'websocket', 'handshake', 'request'], ['not', 'upgrade', 'request']],
  // --- round 36 (eng-d2): a close recorded with its had-error flag false ---
  // A socket's close event carries whether a transmission error closed it (Node's net.Socket 'close' passes `hadError`, which
  // localtunnel logs as "local connection closed [false]", its server as "closed socket (error: false)"; Python's
  // `connection_lost(exc)` with exc None): a close logged with the flag false says no error ended it, no reset.
  // @see https://nodejs.org/api/net.html#event-close_1
  CLOSED_WITHOUT_ERROR: [['closed', 'false'], ['close', 'false'], ['error', 'false'], ['errored', 'false'], ['closed', 'error', 'none']],
} as const satisfies Record<string, WordClass>;

export type ClassName = keyof typeof lexicon;
