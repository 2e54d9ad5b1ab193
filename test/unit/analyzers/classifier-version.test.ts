// CLASSIFIER_VERSION follows the tables: their fingerprint is pinned per version, so changing a rule, code
// row, concept, lexicon word or confidence fails here until the version is bumped and the pin updated
// (stored rows carry the version that classified them; docs/attribution.md).
import { describe, expect, it } from 'vitest';
import { tablesFingerprint } from '../../../analyzers/classifier-tables.js';
import { CLASSIFIER_VERSION } from '../../../analyzers/classify.js';

/** Version → fingerprint of the tables it shipped with (the latest entry is the current one). */
const PINNED: Record<string, string> = {
  '1.2.0': 'e3c06b157c534c9d',
  '1.3.0': 'a310c3594585a1de',
  // Code tables: library texts pin their last word, Java reasons need their enum or exception word (same outputs).
  '1.3.1': '58a55d4f39e3f87f',
  // Subprotocol concepts, "unsupported protocol" as TLS only next to a TLS word, GnuTLS alert names and status texts,
  // Erlang bad_cert reasons, mbedTLS socket errors, webpki CaUsedAsEndEntity, legacy sigalg,
  // SslStream texts, NSS texts, libcurl codes, GnuTLS pull/push, a reset inside the TLS handshake (text-findings.ts,
  // tls-handshake classifier), TLS handshake timeouts are network timeouts.
  '1.4.0': 'b86ffa503e789e44',
  // WebSocket protocol violations (concepts/protocol-violations.ts), Botan and BouncyCastle certificate texts, EAGAIN
  // and "no progress" are timeouts, h2o's "connection failed", Java's "/<unresolved>" notation is no DNS failure.
  '1.5.0': '947e511a562b0782',
  // libsoup/WebKitGTK, Mono, websocket-client, websockets and IO::Socket::SSL texts, wolfSSL socket errors, Envoy
  // 'verify SAN list', HAProxy server-timeout termination states (an access-log line keeps its status), HTTP-version,
  // 'protocol error', frame-violation and 'no … matching' concepts, more TLS-handshake wordings around a reset, a 4xx
  // refused for the subprotocol its answer names.
  '1.5.1': '9a70ef89383bd1b2',
  // Same tables; the tls-handshake classifier reads the depth of an issuer failure when no chain facts decide it.
  '1.5.2': '9a70ef89383bd1b2',
  // A 1010 a client received is the server's (protocol_error); Go's HTTP answer to an HTTPS client and rustls's
  // InvalidContentType are TLS failures (a plaintext port); websockets' HTTP/1.0 status line keeps its status.
  '1.5.3': '46a57fa2c0e945b2',
  // Issue 11 on holdout-8: an answered extension the client never offered decides 1010 (RFC 6455 §9.1); Haskell
  // x509-validation FailedReason table; a sent alert yields to a reason text; Squid access-log lines keep their status;
  // a closed connection's per-connection log line is no failure; POCO, civetweb, Traffic Server, socket.io, Haskell
  // websockets/tls texts; authorisation refusals in words.
  '1.5.4': 'ddb07fad10eafc65',
  // Issue 11, 1015 causes in general form: error names fused from a certificate concept's words stand without a TLS
  // word (words.ts runs), TLS library names fused with a prefix, negated participles in their base form, validation
  // verbs, TLS alerts by name or number next to "alert" in any notation (concept.tls_alert), an issuer failure decided
  // by the issuer's name (root / intermediate) and by a chain position.
  '1.5.5': '84a074efc918510b',
  // Issue 11, 1010 and negatives: the reset/EOF convention (a reset on an opened connection, outcome closed, is a 1006;
  // a TLS connect call in any notation), a 1006 before opening is unknown_failure, a 1002 whose reason names a restart,
  // extension words after opening are protocol errors, a client's 1000 naming the missing extension, Erlang {error,closed},
  // timeouts worded by what did not arrive, reads that failed, ECONNABORTED/"terminated unexpectedly", ALPN is no refused connect.
  '1.5.6': '8aba5c0a32319001',
  // Socket and resolver errors as numbers in an errno notation (errno-numbers.ts); deflate parameters missing from the answer.
  '1.5.7': '3b36b9cd98e50e40',
  // Issue 11, 1015 causes: host names as one word, TLS word + certificate fact fused in one error name, bad identity,
  // issuer certificate not sent, a name looked for in the certificate, verify results and TLS alerts numbered in any
  // notation next to their word (concept.verify_code, concept.tls_alert), certificate 'rejected'; s2n, gtls, wolfcrypt, sspi.
  '1.5.8': '796ab034df807fd0',
  // Close codes and close names in texts (concept.close_code, 1002 protesting another code), size limits, proxies with no
  // upstream, failed connect attempts, a Common Log Format 101 line, a close the text names for the none classifier.
  '1.5.9': 'f6625f87f1e3f3cc',
  // holdout-9's families: a reset is a TLS failure only with a TLS word in its texts (not by a curl code alone); a
  // client-sent 1002 defers to its text, a 1002 takes the code it protested; extension concepts not next to a certificate
  // word; ended without a Close frame; 'socket ended', 'truncated', 'no address returned'.
  '1.5.10': 'd83728217aaff27c',
  // Issue 11, holdout-9's 1015 families in general form: 'ended', 'truncated', 'overflow' are failure words (a TLS
  // error name or the handshake ending); a certificate 'not valid' at a time is a date failure (expired); WebSocket
  // extension concepts stand aside when a certificate is named (X.509 v3 extensions); pyca/cryptography's 'candidates exhausted'.
  '1.5.11': '03f4d539e26434af',
  // Same outputs: the Winsock numbers' notation is a lookbehind, so the prefilter triggers on the number, not on "error".
  '1.5.12': '0554bb907665c645',
  // Same outputs: a Winsock number's notation is looked behind from the number, so the lookbehind runs only where it stands.
  '1.5.13': 'c106a118c4fafa3c',
  // Issue 11, holdout-10's families: a wrapper class name (java.net.ConnectException) gives way to a cause its chain names;
  // an HTTP reason phrase next to a status word ('StatusCodeError(Forbidden)'); 'did not complete within N s' is a timeout,
  // and a timeout in a TLS handshake text is network_timeout, not 1015.
  '1.5.14': '143b5ea9ae247594',
  // A wrapper phrase ('connection was closed uncleanly (…)') gives way to the reason quoted in it; 'multiple occurrence'
  // is a malformed extension answer; 'dns' names the host (service_identity's DNSMismatch); reason phrases up to 5 words from a status word.
  '1.5.15': '875efa00da55b520',
  // 'not an SSL/TLS record' (Netty's NotSslRecordException): plaintext on a TLS port is a TLS failure (concept.tls_not_record).
  '1.5.16': '6a97896ee2d07813',
  // Issue 11 round 4 ('other' and 1010, eng-d): a quoted '101 Switching Protocols' is no subprotocol; a protocol the server
  // returned unasked ('unsolicited', 'unrecognized', 'non-requested'); accept token / websocket key mismatch; 'invalid HTTP
  // status'; 'no … response within 3s' (fused durations split); a handshake left unfinished is a reset ('protocol error' a
  // wrapper); 1005 protesting a named code; a made-up code over a reset; an opened session ending in a bare error is a 1006;
  // an answer naming another extension than the required one, the offer unrecorded, is unoffered; 'verification code N' is no HTTP status.
  '1.5.17': '06efa86d87760d56',
  // Issue 11, holdout-11's 1015 families (eng-e): GnuTLS certificate status numbers after a verify word (never an HTTP
  // status), GnuTLS error rows from the gnutls.h/errors.c audit, the reset/EOF convention in both directions (a TLS
  // library's error naming a reset is the handshake's; a reset while reading the upgrade's answer is a network reset),
  // 'certificate does not match <host>', 'Unsupported or unrecognized SSL message' is no version mismatch, validity
  // failures decided by dates (ambiguity 'validity').
  // Re-pinned before release: .NET X509ChainStatusFlags and Java PKIXReason rows the audit found missing (no snapshot output changes).
  '1.5.18': '49b1b7cba5268f0f',
  // The answer's Upgrade/Connection header missing or wrong is protocol_error (concept.upgrade_header); a deflate parameter
  // answered unoffered (concept.extension_deflate_param_unoffered); closed before any answer / empty reply are resets;
  // credentials rejected or a missing bearer token are an auth refusal; an answer the client could not read as HTTP
  // ('Invalid response', 'Bad HTTP message', 'bad status line'), nothing else named, is a reset (concept.unreadable_answer, 0.4, a wrapper).
  '1.5.19': '9cdd15ba2c1b3b29',
  // mbedTLS verify-result flags as numbers after a verify word (mbedtls_x509_crt_verify() bits) and five ssl.h error rows (eng-e).
  '1.5.20': 'c5846d6fe583789a',
  // Issue 11, holdout-12's families in general form (eng-f): a closed transport object by its runtime's noun (ClosedChannel,
  // ClosedSession, ClosedStream) is a reset; the resolver's calls (gethostbyname, GetAddrInfoW, res_query) name a DNS failure; a
  // connect failed at the socket (TCP) stands beside a TLS word; retries of a call ran out is a timeout (a wrapper); the answer's
  // Upgrade/Connection/Accept field named bad in any word order or set against the required value ('value is not', 'expected');
  // an Accept value 'but expected' another; a TLS library's reset code next to a bare 'handshake' is the TLS handshake's;
  // reading the answer's lines or headers is after the TLS handshake; 'no' before the subprotocol word and an 'expected'
  // subprotocol header are a subprotocol refusal.
  '1.5.21': '357b33ea40a776a1',
  // Issue 11, the 'other' family's platform codes (eng-g, on top of eng-f's 1.5.21): errno/Winsock rows for host/network down,
  // network reset, not connected, shut down, EAI_FAIL, their strerror and Winsock texts, Boost/.NET/Apple/Swift errno
  // notations; NSURLError/CFNetwork/DNS-SD, WinHTTP/WinINet 12xxx and their HRESULTs, .NET SocketError/WebSocketError/
  // HttpRequestError, java.net, Rust io::ErrorKind, libuv/undici, Qt SocketError(n), Boost.Asio categories, curl 6/7 and
  // strerror texts (analyzers/codes/network.ts).
  '1.5.22': '49b6c5008290efe4',
  // Issue 11, proxy and probe log lines and packed codes (eng-h): proxy status vocabularies (Squid err_type and
  // %err_detail names, Envoy response flags, HAProxy SH/SD termination states, mitmproxy's answer texts;
  // analyzers/codes/proxy.ts), packed OpenSSL/BoringSSL values after their log keys (TLS_LIB_ERR, ERR_get_error,
  // ssl_bc_err) and as 0x-hex; a Squid line naming the proxy's own error is no origin answer, HIER_NONE rules out an
  // upstream reset; a refusal text beside a 101 status is protocol_error; Go's net.ErrClosed ends a relay's pipe orderly.
  '1.5.23': '718f6f37c659bc62',
  // Issue 11, holdout-13's families in general form (eng-i): reads of the upgrade's answer that name no cause are decided
  // by the timing (a timeout's bound) or stay resets; a malformed answer is a protocol error; gorilla's bad handshake by the
  // status (Ambiguity 'answer'); an opened session with no close at all is a drop; an API's 1006 next to an EOF; a 1006
  // whose reason names a close code; client-side size limits; traceback source lines are code; a client that went on with
  // the answer is never 1010; a window-bits value error after an offer.
  '1.5.24': '5783c87f66fa007a',
  // Merge of eng-h (1.5.23) and eng-i (1.5.24): both families together.
  '1.5.25': 'eec0997ef469183e',
  // Issue 11, holdout-14's families in general form (eng-j): a refused upgrade answer without its reason is unknown_failure
  // with no status (101: protocol_error; another status decides); header checks that name the header (probe key=value lines
  // and prose: Extensions absent/refused, Protocol, Accept); failing to get a host's address is DNS; abbreviated key names
  // (secWsKey); a size limit's own name; RSV bits "not zero"; retries that ran out name no cause; EAGAIN by number; a status
  // after a refused answer or a missing "Switching Protocols" (wtx's found: Some(403)).
  '1.5.26': 'e9d674bef55241a9',
  // Round 7 (eng-k): platforms no set covers: ESP-IDF esp-tls and WinRT WebErrorStatus tables, Cloudflare 521-524 as the
  // origin's cause, Fastly's 503 reasons, newlib strerror texts, Mbed TLS "-0x" codes next to a TLS word, WinHTTP codes as
  // HRESULTs, CFNetwork's POSIX "1:61" notation; OpenSSL alert names' version prefix, Dart's HandshakeException, a missing or
  // unverified accept value; Conscrypt's "Read error: ssl=" is after the handshake; .NET Framework's TrustFailure text; an
  // answer "not an upgrade" before its status.
  // Merged with eng-j's 1.5.26 as 1.5.27 (eng-k's branch pinned 946fae76d39c1a43 as its own 1.5.26).
  '1.5.27': '40bedb501291f21b',
  // Round 8 (eng-l): holdout-15's families in general form: an application close code's reason read against the cause words (a Close
  // frame's reason is the close's own; a close code stated in a text is no drop), a policy named as what refused, an application
  // protocol's message sequence, credentials refused in words, the Upgrade field named missing, a resolver call that failed and its
  // EAI status, ENOTCONN reported by a connect.
  '1.5.28': '78723c3a6f6a2026',
  // Round 8 (eng-m): causes named in identifiers: RFC 6455 rules that error names state by their parts (control frames fragmented
  // or over 125 bytes, masked server frames, RSV bits set, continuation order, invalid UTF-8, "op code", a corrupted frame as a
  // wrapper), a frame or message overflow, a message over a limit in words apart, the accept key's check and the Upgrade /
  // Connection fields as error names in an upgrade text ("KeyMismatch", "no_connection_upgrade"); Rust's Protocol(…) beside a
  // frame or close word is no subprotocol refusal; expected header bits (WS_ERR_EXPECTED_MASK), "rsv", close statuses named in an
  // identifier (StatusMessageTooBig), "PROTOCOL_ERR", NoSecWebSocketAccept.
  // eng-m's branch pinned its 1.5.28 as 57cf24811074bd84; merged with eng-l's 1.5.28 as 1.5.29.
  '1.5.29': '344bcdf550fcdccd',
  // Round 9 (eng-o): a library's own close code below 1000 (no on_wire) is no close code, read by its reason's words; reasons naming a
  // shutdown, a close-code name (unsupported data, bad request) or a reconnect asked for; the whole-second timeout bound only with no text.
  '1.5.30': 'd6493fd2c1eba6fb',
  // Round 9 (eng-n): a gateway status a text states weighs below the upstream failure a proxy's lines state; Go's "context
  // canceled" names no cause; credentials refused in a proxy's words ("No valid authentication in request") beside a 403; a
  // reset under a TLS library's error type (native_tls::Error) is the TLS handshake's; "no HTTP Upgrade response" is a drop.
  // eng-n's branch pinned its 1.5.30 as f5f532ca994b3b3a; merged with eng-o's 1.5.30 as 1.5.31.
  '1.5.31': 'dec24c5fd2841e84',
  // Round 10 (eng-p): an OpenSSL verify result (X509_V_ERR_*) read after a log's own certificate-error key ("cert error code: 10",
  // "x509 error 21", "error num=62" beside a certificate word); credentials refused in words: "authorization violation" (NATS),
  // "authentication error", "authentication failure".
  '1.5.32': '267f524efccdf079',
  // Round 11 (eng-q): a failure to connect stated without its reason is unknown_failure (a wrapper, low); a host under .invalid
  // (RFC 6761 §6.4) named in a connect failure is a DNS failure; a cancellation in a client's event that ran to a whole-second
  // bound is its timer; an answer called bad "from server" is a refused answer, an unreadable answer only in prose; llhttp's
  // HPE_* codes (Node's "Parse Error: …").
  // eng-q's branch pinned its 1.5.33 as 75f3c036c25c4b8c.
  // Round 11 (eng-r): a session that opened had its TLS handshake complete (no 1015); a failed opening handshake's cause beside the
  // 1002 the client failed it with; RSV bits and a too-large control frame as an error's whole name; "unoffered" extensions; the answer's
  // headers called invalid as a refused answer; Dart's "was not upgraded" decided by the status; WebSockex's ":closed"; after the
  // probe: §5.4 order by its parts (nested, unfragmented), "not canonical"/"must" as frame verdicts, "name server failure".
  // eng-r's branch pinned its 1.5.34 as 6244668b218ae200; merged with eng-q's 1.5.33 as 1.5.35, with an unreachable network or host
  // as one identifier (Zig's error.NetworkUnreachable) read as refused, so a bare connect failure beside it keeps its reason.
  '1.5.35': '7fd3c3ede096d706',
  // Round 12 (eng-t): Erlang reason atoms as a tuple's last element ({shutdown,closed}, {error,timeout}); MQTT reason codes
  // (3.1.1 CONNACK return codes, 5.0 reason codes) by name and number; OTP's client-generated bad_certificate as self_signed.
  // eng-t's branch pinned its 1.5.36 as 889c60f0ff002ffc.
  // Round 12 (eng-u): Engine.IO/Socket.IO handshake packets (OPEN, CONNECT) refused as the carried protocol's error, engineio's
  // "Unexpected recv exception" as a receive after open, a resolver call traced with its success ("getaddrinfo returned for",
  // "lookup succeeded") is no resolver failure.
  // eng-u's branch pinned its 1.5.37 as 31b3a90aeff97824; merged with eng-t's 1.5.36 as 1.5.38.
  '1.5.38': '6517521db3b462d8',
  // Round 13 (eng-v): 3proxy's result codes read in a proxy's own access-log record (proxy_result table; 0 on a closed tunnel
  // is an orderly end); a server's info/debug lines are no error; a server's own error-level record after open is a server
  // error; a 1005 read from a Close frame with no error is a clean close; "SSL handshake took" places a reset after the handshake.
  // eng-v's branch pinned its 1.5.39 as f59fa72363a2b50d.
  // Round 13 (eng-w): a standard close code on an attempt that never opened, not read from a Close frame, is the API's verdict
  // and its reason decides (close_codes.verdict_before_open, 0.28); an application code's routine reason (renewal, rotation,
  // "no action needed", "bye") is a normal close and "go away" a going away; "wrong handshake key" is a refused Accept.
  // eng-w's branch pinned its 1.5.40 as 6bc0676c508ddbaa; merged with eng-v's 1.5.39 as 1.5.41.
  '1.5.41': '6c2fd2128c82515d',
  // Round 14 (eng-y): a server's view of an extension answer the client failed on (a 101 whose answer the offer does not permit,
  // then a drop without a Close frame: the 1010 family, lower); a server's bracketed [DEBUG]/[INFO] lines are no error; a server's
  // refusal of a malformed upgrade request is protocol_error; credentials "refused"; stack frames name no TLS version.
  // eng-y's branch pinned its 1.5.43 as f210ac16df2c8801.
  // Round 14 (eng-x): a forward proxy's lines of a tunnel or forwarded upgrade that went through (a 2xx to CONNECT, the
  // upstream's 101 it logged) are a connection, not a refusal; a proxy's "connected" does not stand for its client's acceptance
  // of the extensions it logged; a proxy that stripped the offer; a proxy's 4xx beside its own TLS verify or resolver line is
  // its page for the upstream's failure, the upstream's relayed status line is no gateway status; "Timeout: 0" names none.
  // Tables unchanged (logic only).
  // eng-x's branch pinned its 1.5.42 as 6c2fd2128c82515d (its tables unchanged); merged with eng-y's 1.5.43 as 1.5.44.
  '1.5.44': 'f210ac16df2c8801',
  // The lead's merge fix: a 1005 read from a Close frame is a breach again on an opened session too (round 13's clean-close reading
  // withdrawn: it broke the seeded incident's 1005-on-the-wire scenario); tables unchanged.
  '1.5.47': 'f210ac16df2c8801',
  // Round 15 (eng-z1): an RFC 7692 parameter named in full or "extension parameter(s)" with a verdict (concept
  // extension_param_named), JSSE's "Path does not chain with any of the trust anchors", MQTT's CONNACK "Connection refused:
  // <reason>" no TCP refusal, a server's log of a client's 1002 Close frame by the code, no HTTP "status" beside a TLS word.
  // eng-z1's branch pinned its 1.5.45 as 08f20facf84fa29a; merged with the lead's 1.5.47 as 1.5.48.
  '1.5.48': '08f20facf84fa29a',
  // Round 15 (eng-z2): a load-test probe's per-attempt counters (tsung error_connect_<inet reason>, async_unknown_data_rcv,
  // websocket_fail on a 101, a failed match.log check on the upgrade's headers), Erlang socket messages in an OTP crash report
  // (tcp_closed, ssl_closed on an established connection), an OTP state dump is no version evidence; a cache's pipe records
  // (Varnish PipeAcct bytes back or none, SessClose RX_TIMEOUT/REM_CLOSE, FetchError unhealthy / no backend connection,
  // Backend_health sick). New vocabularies probe.ts and cache.ts.
  // eng-z2's branch pinned its 1.5.46 as 21f421ffe772daa0; merged with 1.5.48 as 1.5.49.
  '1.5.49': '891d1315a335050b',
  // Round 16 (eng-a1): a relay's log of the bytes it passed (Dante's data log, socat -v) read back (analyzers/relay/): the
  // upgrade's status and extension headers, the first Close frame and its sender, a wrong Sec-WebSocket-Accept, an unoffered
  // subprotocol, TLS data passed both ways; tables unchanged (logic only).
  '1.5.50': '891d1315a335050b',
  // Round 16 (eng-a2): a server's own failure (error-level record, uncaught exception outside a debug record) beside a 1000 is
  // server_error; invalid UTF-8 beside a 1000 is protocol_error; dated level fields are quiet or error records; "lookup failed"
  // is DNS only beside a host or resolver word; a 400 naming a request header and a refused 101 are protocol_error; OpenSSL
  // verify 4/7 are an untrusted issuer; Node's ERR_SSL_<reason> is a TLS failure; 1002's restart reason only when the API made
  // the code up (on_wire false).
  '1.5.51': 'c0511b496d628a48',
  // The lead merged eng-a1's 1.5.50 and eng-a2's 1.5.51 as 1.5.52 (tables as eng-a2's).
  '1.5.52': 'c0511b496d628a48',
  // Round 17 (eng-b1): an answer-first gateway's upstream leg (upstream-leg.ts: a proxy's TLS handshake failure, upstream status or
  // unfinished opening handshake after the client's 101 decides); the server named as closing beside an error naming no cause is
  // a clean close; concept.cipher not in a record the cipher could not open (lexicon RECORD_LAYER).
  '1.5.53': '26aa1edebcae01ba',
  // Round 17 (eng-b2): rustls' PeerIncompatible variants as a cited table (version / cipher / a missing feature) and
  // PeerMisbehaved as a TLS failure; hyper's "error shutting down connection" a drop; a record MAC is no cipher word (RECORD_MAC, merged into RECORD_LAYER as 1.5.55);
  // a packet size against its "max allowed" is a message over the limit; an API's description of its own 1005/1006 is no reset;
  // a failed attempt's debug/info lines are read; OTP's crash report is an uncaught exception; uWSGI's 101 request record is quiet.
  '1.5.54': 'd5afbfd5d92225dd',
  // The lead merged eng-b1's 1.5.53 and eng-b2's 1.5.54 as 1.5.55, with their two record-layer word classes as one (RECORD_LAYER,
  // an unless of both cipher concepts).
  '1.5.55': 'db8ed8f1d5b663a2',
  // Round 18 (eng-c1): EAGAIN/EINPROGRESS routine in a trace (read only where a text ends on them, never beside a call that
  // returned a count; EINPROGRESS's row added); a relay's debug trace (relay/trace.ts: receives, printed bytes, which side ended
  // first and how) read by its structure, not its words.
  '1.5.56': 'c636857900520c81',
  // Round 18 (eng-c2): a 400 naming the extension offer is the 1010 family, a request field read under an exact finding; a record-layer
  // text decides a handshake_failure as tls_unknown; quiet records dropped from a server's mixed lines; overflow exceeds a size limit;
  // a sent 1011 gives way to the condition its lines name; decoding cut short and property reads; Python's ssl do_handshake frame;
  // websocket-client's "Invalid subprotocol" line.
  '1.5.57': '66ad125e9c3a1bbb',
  // The lead merged eng-c1's 1.5.56 and eng-c2's 1.5.57 as 1.5.58.
  '1.5.58': 'e69ac308b449b1a4',
  // Round 19 (eng-d1): pretty_env_logger's ERROR record; a 101's access line no orderly end beside an error record; a request
  // header refused in any wording beside a 400; the offer refusal above the 400 corroborated by its access line (0.93); a keepalive
  // wait run out (concept.keepalive_missed) over a code made up for it.
  '1.5.59': '119bf073ce02e6e0',
  // Round 19 (eng-d2): a 1000 an API made up (on_wire false, a placeholder reason) gives way to an error naming a failure; a
  // required extension's missing parameter; a proxy's log lines are text for the whole-second bound; ENOTCONN from getpeername()
  // on a connect path. Code only: the tables are 1.5.58's.
  '1.5.60': 'e69ac308b449b1a4',
  // The lead merged eng-d1's 1.5.59 and eng-d2's 1.5.60 as 1.5.61 (tables as eng-d1's).
  '1.5.61': '119bf073ce02e6e0',
  // Round 20 (eng-e1): a stated close code (an application code, 1005) marks its text as no drop (concept.reset's unless); an
  // application code a text states reads normal_closure; close fields: an application code from a Close frame and a 1005 beside
  // an error that name no cause are clean closes; a client API's unsent code yields to a named failure; a 1010 received unasked.
  '1.5.62': '1d3ca41fa6b37577',
  // Round 20 (eng-e2): Netty's, Jetty's and Tomcat's frame texts (netty.*, jetty.*, tomcat.*); a frameworks' upgrade-refusal table
  // (gorilla, Netty) in the fingerprint; "the websocket protocol" no subprotocol (WS_PROTOCOL_ITSELF); a code made up beside a
  // frame violation or size limit yields; Go/Rust panics are uncaught failures; JVM stack frames are no words for concepts.
  '1.5.63': 'f989f207b0bd38c8',
  // The lead merged eng-e1's 1.5.62 and eng-e2's 1.5.63 as 1.5.64.
  '1.5.64': 'ec69d6d32019e357',
  // Round 21 (eng-f1): an idle timer's end in words (concept.idle_closed: IDLE near IDLE_END); an authentication and its verdict in
  // either order (concept.auth_failed); data authentication (AEAD) is no credential refused; a 1010 received unasked also when the
  // offer is not recorded (close-codes.ts, code only).
  '1.5.65': '4b13641f35f06ad0',
  // Round 22 (eng-g1): a traceback ending in a framework's disconnect exception is no server failure; an application's own
  // exception whose message alone holds reset words is server_error; request-header words without "Sec-" (code only).
  '1.5.66': '4b13641f35f06ad0',
  // Round 22 (eng-g2): a close stated without its cause (CLOSE_NO_CAUSE) stands concept.reset down (concept.reset_named keeps a
  // reset in its own words); ws's/Chromium's closed-before-established is unknown_failure; a TLS log line's failed handshake
  // (concept.tls_log_handshake_failed); a certificate resolver is no DNS (CERT_RESOLVER); rustls' InvalidMessage Debug form.
  '1.5.67': '86bd7348012dc7c1',
  // The lead merged eng-g1's 1.5.66 and eng-g2's 1.5.67 as 1.5.68.
  '1.5.68': '86bd7348012dc7c1',
  // Round 23 (eng-h2): header words beside any 4xx refusal but 401/403/404/405, the upgrade named expected (actix-http), the
  // Sec-WebSocket-Protocol header named required → subprotocol_mismatch; Go's "TLS handshake error from …: client sent an
  // HTTP request to an HTTPS server" (go.tls_http_to_https), whose line outranks the 400 the server wrote in its place.
  '1.5.70': '847c8b499cc6c340',
  // Round 23 (eng-h1): a framework's disconnect class as error.name (Falcon's WebSocketDisconnected) says nothing; a framework's
  // "Unhandled exception" header opens its own record; a size limit exceeded outranks frame_violation ("exceeds"); a continuation
  // "not started" (actix-http) is fragment_order; a server draining its connections is going_away (concept.server_drain).
  '1.5.69': '49834cf274cee1ff',
  // The lead merged eng-h1's 1.5.69 and eng-h2's 1.5.70 as 1.5.71.
  '1.5.71': '2f9e721f0c5ecf7e',
  // Round 24 (eng-r1): proxies' lines: zurl conditions and Pingora ErrorType rows, Qt QSslError texts (qt_ssl), zurl/condure TLS lines, a proxy's view of an extension answer.
  '1.5.72': '00bcd1b5e5c86e74',
  // Round 24 (eng-r2): leaving/session-ended close reasons, an API-reported application code, unset key=value fields, timer words,
  // tungstenite Capacity, hyper parse, asio stream_truncated, Crow's router 404 and uncaught-exception 500, http_parser's method,
  // a server's lines that it stops or dropped the session, a header counted twice in a 400.
  '1.5.73': '4ad4f41e85487ce4',
  // The lead merged eng-r1's 1.5.72 and eng-r2's 1.5.73 as 1.5.75 (1.5.74 is eng-r3's, on 1.5.72).
  '1.5.75': '3c1a784c010a41b2',
  // Round 24 (eng-r3): bytes that did not begin a TLS handshake (tls_unknown), an SSL 2.0/3.0 hello (tls_version_mismatch), a request without a host name is no certificate check, a parser's "invalid token" no credential.
  '1.5.74': '100aea703e73e073',
  // The lead merged eng-r3's 1.5.74 into 1.5.75 (eng-r1 + eng-r2) as 1.5.76.
  '1.5.76': 'ff16dd21d64e6d61',
  // eng-s1 (round 25, on 1.5.76): llhttp's request-side codes (HPE_INVALID_METHOD, HPE_INVALID_URL) and Node's HPE_HEADER_OVERFLOW.
  '1.5.77': 'ec53bc9b61af8dbc',
  // Round 25 (eng-s2): servers' own words for a session's end (Workerman's package/opcode lines, keepalive, shutdown, a debug record's handling error), Akka's received Close frame and ws ProtocolException, an application's own close.
  '1.5.78': 'e7e17e2b7cd6169a',
  // The lead merged eng-s2's 1.5.78 into eng-s1's 1.5.77 as 1.5.79.
  '1.5.79': '51e66aa7340f4b55',
  // eng-t1: a server's stated close code before its peer's reset decides (engine logic only, tables unchanged).
  '1.5.80': '51e66aa7340f4b55',
  // eng-t2 (round 26, on 1.5.79): an observer's view of an extension answer the offer does not permit, a proxy's record of the upstream's response, request and URL fields no TLS version (code only: the tables are 1.5.79's).
  '1.5.81': '51e66aa7340f4b55',
  // The lead merged eng-t2's 1.5.81 into eng-t1's 1.5.80 as 1.5.82, a server's duplicated answer recorded open read as 1010 too.
  '1.5.82': '51e66aa7340f4b55',
  // eng-u1: a field restating a header (a header-named key, res_/resp_/response_ fields) is no statement about it; tables unchanged.
  '1.5.83': '51e66aa7340f4b55',
  // eng-v1 (round 28): a refusal's reason in a log or answer label, "could not instantiate" an offered extension (EXT_BAD), a
  // server's parser refusing a request's first bytes (http_server.request_start_refused), a proxy's own TLS listener line.
  '1.5.84': '0955660139d35cc6',
  // eng-v2 (round 28): rustls' corrupt-message family in every release, a key said not to match (concept.key_mismatch), a reset in
  // a TLS handshake the event's own log shows, a server's record naming its transport or a closed connection.
  '1.5.85': '3d673335b4964051',
  // Round 28 merged (eng-v1 + eng-v2).
  '1.5.86': '061134bd99ed36e6',
  // eng-w1 (round 29): gorilla/websocket's frame-error family (incorrect mask flag, FIN rules, 125 for control), a 400's requirement
  // words (must have / requires / expected) naming a request header, a proxy's line stating its upstream answered invalid HTTP.
  '1.5.87': 'cd35980b7e445d25',
  // eng-w2 (round 29): concept.answer_key, concept.status_line_invalid, concept.reply_internal_error; websockets.invalid_message a wrapper.
  '1.5.88': 'a3ef292f46043659',
  // Round 29 merged (eng-w1 + eng-w2).
  '1.5.89': '6ab363b1784dc1c4',
  // eng-x1 (round 30): zlib's data errors (system.zlib_data_error), Jetty's token notation after "Illegal character", an unresponsive
  // peer as an idle word.
  '1.5.90': '7cfa440ea94ec0a8',
  // eng-x2 (round 30): an answer-header label's reason field, a quoted key or 426's reason phrase naming no refused header, a timer
  // run out after a refused upgrade, an emitter's own keepalive line before a made-up 1006 (no table changed).
  '1.5.91': '6ab363b1784dc1c4',
  // Round 30 merged (eng-x1 + eng-x2; one keepalive-before-1006 rule for any source, idle words included).
  '1.5.92': '7cfa440ea94ec0a8',
  // eng-y1 (round 31): a log naming the TLS handshake beside a reset, a dialer's failed TLS handshake line, a server's decoder or
  // request parser refusing the request, Go's/hyper's invalid status line parts behind a proxy's status, an observer's recorded
  // 101 (accept form, unoffered subprotocol), a corroborated drop under a server's view of an extension answer, "not supported" frames.
  '1.5.93': 'd695bd3f08fbcbb1',
  // Round 31 (eng-y2): a call after the connection ended (ALREADY_ENDED), llhttp's reason printed bare (aiohttp), a fault logged
  // before a request timeout, a client's plaintext answer read as TLS beside its status, header mappings in a repr.
  '1.5.94': '812bd10313975703',
  // Round 31 merged (eng-y1 + eng-y2).
  '1.5.95': 'eb2306f0deabfad6',
  // Round 32, eng-z1: a server's own fault beside its extension answer, a TLS listener's handshake call, a bare answer label, a
  // software version field, a proxy with no upstream to forward to, a size stated unsupported, the client's log of a TLS front's EOF.
  '1.5.96': '4dbce91ddc8823f9',
  // Round 32 (eng-z2): a Close-frame 1010 credited to no side after an offer alone (no requirement) is the server's; tables unchanged.
  '1.5.97': 'eb2306f0deabfad6',
  // Round 32 merged (eng-z1 + eng-z2).
  '1.5.98': '4dbce91ddc8823f9',
  // Round 33 (eng-a1): a protocol refused on a peer named by its address (the emitter's own protocol), lws' socket-service close and
  // request-method refusal, lws' "SSL_accept says 0" as the TLS handshake done, an upstream's 101 to another protocol than requested.
  // Also "op 0x…" (an opcode in hex) as a frame word.
  '1.5.99': '9343874d08648ae8',
  // Round 33, eng-a2: a carried protocol's error before its client's own 1000, an error the open session outlived, "not supported"
  // in an application code's reason, a closed-connection class beside the code its message states, pong/heartbeat replies not received.
  '1.5.100': 'cd6fc50240f9170e',
  // Round 33 merged (eng-a1 + eng-a2).
  '1.5.101': '9dafe19eebf168fb',
  // Round 34, eng-b1: a frame length not minimally encoded (concept.length_encoding), a server's own log naming why it ended a
  // session, a listener's logged TLS handshake with nothing else recorded, an HTTP parser's error in a server's log, teardown lines.
  '1.5.102': 'a9a5c5e3612a1197',
  // Round 34, eng-b2: another party's view in labels (client_log, front_socket) read where the observer has no text, or for a TLS
  // cause beside its tls_unknown; a recorded exception chain read link by link; a 1011 the emitter says it sent for a named condition.
  // No table row changed: the fingerprint is 1.5.101's.
  '1.5.103': '9dafe19eebf168fb',
  // Round 34 merged (eng-b1 + eng-b2): eng-b1's tables (eng-b2 changed no table row).
  '1.5.104': 'a9a5c5e3612a1197',
  // Round 35, eng-c1: a framing error (concept.framing_error), zlib's Z_DATA_ERROR as the number -3 (system.zlib_data_error_code); a
  // proxy's stated upstream failure beside the client leg's reset, a server's keepalive record beside its own Close, a server's log
  // naming the peer's end, an open session beside a text naming nothing, a proxy's status beside lines naming no failure.
  '1.5.105': '0eb71b6ff3beacdc',
  // Round 35 (eng-c2): no table row changed: the fingerprint is 1.5.104's.
  '1.5.106': 'a9a5c5e3612a1197',
  // Round 35 merged (eng-c1 + eng-c2): eng-c1's tables (eng-c2 changed no table row).
  '1.5.107': '0eb71b6ff3beacdc',
  // Round 36 (eng-d1): the lexicon's new classes (a peer's hello called bad, MQTT packets called malformed, a protocol version or a
  // non-WebSocket request refused, a connection's clean end) and their concepts.
  '1.5.108': '140b25a48991bc01',
  // Round 36, eng-d2: a close recorded with its had-error flag false is no reset (lexicon CLOSED_WITHOUT_ERROR, concept.reset's
  // unless); a proxy's own log under error lines naming no cause, an observer's front body, another party's error label and timeout,
  // a codeless Close frame before a drop, the answer's time in the timer's reading.
  '1.5.109': '979f44ec38dd4d88',
  // Round 36 merged (eng-d1 + eng-d2): both branches' lexicon rows (CLEAN_END and the round-36 readings; CLOSED_WITHOUT_ERROR).
  '1.5.110': 'afb0409bf39061fd',
  '1.5.111': 'afb0409bf39061fd',
  // Round 37, eng-e2: the HTTP parser rule reads Python http.server's refusals of a request line ("Bad request version (…)").
  '1.5.112': '8001f2101197815e',
  // Round 37 merged (eng-e1 + eng-e2): eng-e2's table row (eng-e1 changed no table row).
  '1.5.113': '8001f2101197815e',
  // Round 38, eng-f1: asyncio's "Connect call failed" a wrapper's rule of its own; a data type refused in words (RFC 6455 1003).
  '1.5.114': 'a1419a07ec647681',
  // Round 38 (eng-f2): Autobahn's request "status line" in the request-start rule; a server's "only speaks" subprotocols.
  '1.5.115': '9f22ce6386fcc669',
  // Round 38 merged (eng-f1 + eng-f2): both branches' rows.
  '1.5.116': 'e6a523aaa54127e2',
  // Round 39 (r39-a): keepalive words in the past participle ("ping timed out"); a file name's extension is no WebSocket extension.
  '1.5.117': 'a2433dc6e7e20b76',
  // Round 39, r39-b: websockets' bare InvalidMessage is the refused-answer family (unknown_failure, Ambiguity 'answer'); its EOFError
  // link "connection closed while reading HTTP status line/headers" a rule of its own (network_reset).
  '1.5.118': '32512669f36922a9',
  // Round 39 merged (r39-a + r39-b): both branches' rows.
  '1.5.119': '2c0692b964fe955d',
  // Round 40 (r40-a): a received length over the receiver's buffer; XMPP's stanza in the size words, a policy condition naming a size
  // limit is the size's; the client's protocol list refused; a keepalive word that is a setting's key=number is no event.
  '1.5.120': '184076242215ada7',
  // Round 40, r40-b: concept.subprotocol_unanswered (the requested subprotocol against an answer with none, within 10 words).
  '1.5.121': 'a5b0644e0ba2a7ba',
  // Round 40 merged (r40-a + r40-b): both branches' rows.
  '1.5.122': 'a43b98bb22cfa4c8',
  // round 41 (r41-a): lexicon EXT_BAD (a count after the offer's verb, a value to a parameter that takes none), FIRST_LINE (start line).
  '1.5.123': '910ea63d3296a1d4',
  // Round 41, r41-b: no table row changed (a quoted status line's reason phrase, a restated close, a close stated before open, a Go
  // panic frame are readings in code): the fingerprint is 1.5.122's.
  '1.5.124': 'a43b98bb22cfa4c8',
  // Round 41 merged (r41-a + r41-b): both branches' rows.
  '1.5.125': '910ea63d3296a1d4',
};

describe('CLASSIFIER_VERSION', () => {
  it('is pinned to the fingerprint of the current tables', () => {
    expect({ version: CLASSIFIER_VERSION, tables: tablesFingerprint() }).toEqual({ version: CLASSIFIER_VERSION, tables: PINNED[CLASSIFIER_VERSION] });
  });

  it('changes when a deciding field of a table changes', async () => {
    const { concepts } = await import('../../../analyzers/concepts/concepts.js');
    const before = tablesFingerprint();
    const first = concepts[0] as { confidence: number };
    const original = first.confidence;
    first.confidence = original + 0.01;
    try {
      expect(tablesFingerprint()).not.toBe(before);
    } finally {
      first.confidence = original;
    }
    expect(tablesFingerprint()).toBe(before);
  });
});
