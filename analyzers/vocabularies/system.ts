// System vocabulary: socket and resolver errors as libc, Winsock and runtimes print them
// (ECONNREFUSED, ENOTFOUND, "Connection refused", "Name or service not known", ...), and HTTP servers' refusals of a request's
// first bytes, shared by all stacks.
import { errnoRules } from './errno-numbers.js';
import { rule, type Vocabulary } from './types.js';

const errno = 'errno(3) https://man7.org/linux/man-pages/man3/errno.3.html';
const gai = 'getaddrinfo(3) gai_strerror https://man7.org/linux/man-pages/man3/gai_strerror.3.html';
const nodeErrors = 'Node.js common system errors https://nodejs.org/api/errors.html#common-system-errors';
const winsock = 'Windows Sockets error codes https://learn.microsoft.com/en-us/windows/win32/winsock/windows-sockets-error-codes-2';
const goNet = 'Go net package (net.OpError, net.DNSError) https://pkg.go.dev/net#DNSError';
const erlangInet = 'Erlang/OTP gen_tcp:recv/2,3 and ssl:recv/2,3 ("{error, closed} if the socket is closed"), Elixir prints {:error, :closed} https://www.erlang.org/doc/apps/kernel/gen_tcp.html#recv/3';
const mqttConnack = 'OASIS MQTT Version 3.1.1 §3.2.2.3 Connect Return code (Table 3.1: "Connection Refused, bad user name or password") https://docs.oasis-open.org/mqtt/mqtt/v3.1.1/os/mqtt-v3.1.1-os.html#_Toc398718035';
// The CONNACK refusal reasons of MQTT 3.1.1 (return codes 1-5) and 5.0's same-named reason codes (0x84-0x88, 0x8A).
const MQTT_CONNACK_REASONS = ['unacceptable protocol version', 'unsupported protocol version', 'identifier rejected', 'client identifier not valid', 'server unavailable', 'bad user ?name or password', 'not authori[sz]ed', 'banned'].join('|');
const javaNet = 'Java java.net exceptions https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/net/package-summary.html';

// One alternative per word, each pinned on both edges: the matcher's prefilter runs the rule only on texts with one of them (trigger-words.ts).
const ZLIB_DATA_ERROR_TAIL = String.raw`[^\n]{0,30}?\b(?:error|failed|failure|returned|code)\b[^\n\d-]{0,12}-3\b(?![.\d])`;
const ZLIB_DATA_ERROR_CODE = new RegExp(['zlib', 'inflate', 'decompression', 'decompress', 'decompressor'].map((word) => String.raw`\b${word}\b${ZLIB_DATA_ERROR_TAIL}`).join('|'), 'i');
const zlibSource = 'zlib manual (inflate: Z_DATA_ERROR "if the input data was corrupted", msg set) https://zlib.net/manual.html; zlib inflate.c (the msg strings) https://github.com/madler/zlib/blob/develop/inflate.c; Node zlib errors (code Z_DATA_ERROR) https://nodejs.org/api/zlib.html; RFC 7692 §6.2 https://www.rfc-editor.org/rfc/rfc7692#section-6.2; ws lib/permessage-deflate.js (inflateOnError: kStatusCode 1007) https://github.com/websockets/ws/blob/master/lib/permessage-deflate.js';
const httpParsers = [
  'Jetty HttpParser.java (IllegalCharacterException: "Illegal character " + token, a 400 BadMessageException) https://github.com/jetty/jetty.project/blob/jetty-12.0.x/jetty-core/jetty-http/src/main/java/org/eclipse/jetty/http/HttpParser.java',
  'Tomcat org/apache/coyote/http11/LocalStrings.properties (iib.invalidmethod "Invalid character found in method name [{0}]. HTTP method names must be tokens") https://github.com/apache/tomcat/blob/main/java/org/apache/coyote/http11/LocalStrings.properties',
  'gunicorn gunicorn/http/errors.py (InvalidRequestLine "Invalid HTTP request line: %r") https://github.com/benoitc/gunicorn/blob/master/gunicorn/http/errors.py',
  'h11 h11/_readers.py (LocalProtocolError "illegal request line") https://github.com/python-hyper/h11/blob/master/h11/_readers.py',
  'CPython Lib/http/server.py (BaseHTTPRequestHandler.parse_request: send_error(400, "Bad request version (%r)" / "Bad request syntax (%r)" / "Bad HTTP/0.9 request type (%r)"), logged "code %d, message %s") https://github.com/python/cpython/blob/main/Lib/http/server.py',
].join('; ');
// Jetty names the character by its HttpTokens.Token type: a control or non-ASCII byte as "CNTL=0x16"/"OTEXT=0xe2"
// (Token.toString: `_type + "=0x" + hex`), a notation no other parser writes, so its page without the class
// ("<h1>Bad Message 400</h1><pre>reason: Illegal character CNTL=0x16</pre>", ErrorHandler.badMessageError) says the same.
// @see https://github.com/jetty/jetty.project/blob/jetty-9.4.x/jetty-http/src/main/java/org/eclipse/jetty/http/HttpTokens.java
const REQUEST_START_REFUSED =
  /\bHttpParser\b[^\n]{0,80}?\b(?:illegal|invalid) character\b|\billegal character (?:CNTL|OTEXT)=0x[0-9a-f]{1,2}\b|\b(?:invalid|illegal|bad) character (?:found )?in (?:the )?(?:HTTP )?(?:method|request[- ]line)\b|\b(?:invalid|illegal|bad|malformed) request line\b|\b(?:invalid|illegal|bad|malformed) request-line\b|\b(?:invalid|illegal|bad|malformed) HTTP request (?:status )?line\b|\bBad request (?:version|syntax) \(|\bBad HTTP\/0\.9 request type\b/i;

/** Case-insensitive alternation of whole phrases (\b on both ends, so the matcher's prefilter can index them). */
const phrases = (...alternatives: string[]): RegExp => new RegExp(alternatives.map((phrase) => `\\b${phrase}\\b`).join('|'), 'i');

export const systemVocabulary: Vocabulary = {
  name: 'system',
  rules: [
    // MQTT names its CONNACK refusals "Connection Refused, <reason>" (3.1.1 §3.2.2.3 Table 3.1; mqtt.js prints "Connection
    // refused: <reason>"): a broker's answer over an open connection, read by the MQTT reason table (codes/mqtt.ts), no TCP refusal.
    rule('system.econnrefused', phrases('ECONNREFUSED', `Connection refused\\b(?!\\s*[,:]\\s*(?:${MQTT_CONNACK_REASONS})\\b)`, 'actively refused it', 'WSAECONNREFUSED'), 'connection_refused', 0.85, `${errno}; ${nodeErrors}; ${winsock}; reproduced: docs/reproductions.md (closed port: node-ws, python, openssl); ${mqttConnack}`, { example: 'ECONNREFUSED' }),
    rule('system.enotfound', phrases('ENOTFOUND', 'EAI_NONAME', 'EAI_NODATA', 'Name or service not known', 'nodename nor servname provided', 'No such host is known', 'no such host', 'Could not resolve host', 'getaddrinfo failed', 'UnknownHostException', 'Name does not resolve'), 'dns_failure', 0.85, `${gai}; ${nodeErrors}; ${goNet}; ${javaNet}; ${winsock}`, { example: 'ENOTFOUND' }),
    rule('system.eai_again', phrases('EAI_AGAIN', 'Temporary failure in name resolution', 'server misbehaving'), 'dns_failure', 0.8, `${gai}; ${goNet}`, { example: 'getaddrinfo EAI_AGAIN api.example.com' }),
    rule('system.etimedout', phrases('ETIMEDOUT', 'i/o timeout', 'Connection timed out', 'Operation timed out', 'SocketTimeoutException', 'connect timed out', 'Connection timeout', 'WSAETIMEDOUT'), 'network_timeout', 0.8, `${errno}; ${nodeErrors}; ${goNet}; ${javaNet}`, { example: 'ETIMEDOUT' }),
    rule('system.timed_out', phrases('timed out'), 'network_timeout', 0.6, `${errno}; ${javaNet}`, { example: 'timed out' }),
    rule('system.econnreset', phrases('ECONNRESET', 'Connection reset by peer', 'connection was forcibly closed', 'WSAECONNRESET', 'Connection reset'), 'network_reset', 0.75, `${errno}; ${nodeErrors}; ${winsock}`, { example: 'ECONNRESET' }),
    // Erlang's term for a socket the peer closed (FIN or RST); the open connection (101) makes it a 1006 (other-failure).
    rule('system.erlang_closed', /\berror\s*,\s*:?closed\s*\}/, 'network_reset', 0.7, erlangInet, { example: 'ssl:recv/3 -> {error,closed}' }),
    rule('system.epipe', phrases('EPIPE', 'Broken pipe'), 'network_reset', 0.65, errno, { example: 'write EPIPE' }),
    rule('system.unreachable', phrases('EHOSTUNREACH', 'ENETUNREACH', 'No route to host', 'Network is unreachable'), 'connection_refused', 0.65, errno, { example: 'connect EHOSTUNREACH 10.0.0.1:443' }),
    // An HTTP server's request parser refusing the first bytes of a request: an illegal character where the method or request line
    // begins. The bytes are no HTTP/1.x request: most often a TLS ClientHello on a plaintext port (its first byte is the record
    // type handshake, 22 = 0x16, RFC 8446 §5.1), a protocol error in no TLS words (convention 15), as llhttp's HPE_INVALID_METHOD
    // and hyper's "invalid HTTP method parsed" read. Jetty names the character after HttpParser's exception; Tomcat the method
    // name it found; gunicorn and h11 the request line; Python's http.server (BaseHTTPRequestHandler, under every server built on it)
    // the request line's last word that is no "HTTP/x.y" ("Bad request version ('\\x16\\x03…')"), a line of too many or too few words,
    // or a one-word target after a method other than GET (round 37, eng-e2).
    // The request line is also called the request's "status line" (Autobahn's WebSocketServerProtocol fails the handshake with
    // "Bad HTTP request status line '…'" where the first line is not "<method> <target> HTTP/x.y"): the same first line, RFC 9112 §3
    // (round 38, eng-f2). @see https://github.com/crossbario/autobahn-python/blob/master/autobahn/websocket/protocol.py (processHandshake)
    rule('http_server.request_start_refused', REQUEST_START_REFUSED, 'protocol_error', 0.55, httpParsers, { example: 'org.eclipse.jetty.http.HttpParser$IllegalCharacterException: 400: Illegal character CNTL=0x16' }),
    // An endpoint refusing a data frame of a type it cannot accept, in its own words (round 38, eng-f1): RFC 6455 §7.4.1 gives the
    // condition its close code, 1003 ("an endpoint that understands only text data MAY send this if it receives a binary message"),
    // and a library that ends the session by an error instead states it ("Received non-text message from server", a JSON-over-text
    // client's protocol error; "unexpected binary frame"). Convention 11: 1003 → protocol_error.
    // @see https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1
    rule('websocket.data_type_refused', /\bnon-(?:text|binary) (?:message|frame)s?\b|\bunexpected (?:binary|text) (?:message|frame)s?\b/i, 'protocol_error', 0.55, 'RFC 6455 §7.4.1 (1003: a type of data it cannot accept) https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1', { example: 'ProtoError: Received non-text message from server with JSON encoding' }),
    // zlib's inflate refusing the data it was given (Z_DATA_ERROR, -3, and inflate()'s msg strings, as Node's zlib raises them
    // with code 'Z_DATA_ERROR'): on a WebSocket, a permessage-deflate message whose compressed bytes are corrupt (RFC 7692 §6.2,
    // decompression of a message's payload), which ws fails with 1007 (err[kStatusCode] = 1007 in permessage-deflate.js
    // inflateOnError) and Jetty with BadPayloadException 1007 (holdout37-atmosphere-26): a frame's payload broke the protocol.
    rule('system.zlib_data_error', phrases('Z_DATA_ERROR', 'invalid block type', 'invalid stored block lengths', 'invalid distance too far back', 'invalid code lengths set', 'invalid distances set', 'too many length or distance symbols', 'invalid bit length repeat', 'invalid distance code', 'invalid literal/length code', 'invalid literal/lengths set'), 'protocol_error', 0.55, zlibSource, { example: 'invalid block type' }),
    // The same Z_DATA_ERROR as zlib.h's number, -3, after a zlib, inflate or decompression word and an error word ("inflate() failed:
    // -3", "zlib decompression error -3"): a C server that logs the return code of inflate() (round 35, eng-c1). The other negative
    // codes (Z_STREAM_ERROR -2, Z_MEM_ERROR -4, Z_BUF_ERROR -5) are the caller's or memory's, not the data's.
    rule('system.zlib_data_error_code', ZLIB_DATA_ERROR_CODE, 'protocol_error', 0.55, `${zlibSource}; zlib.h (#define Z_DATA_ERROR (-3)) https://github.com/madler/zlib/blob/develop/zlib.h`, { example: 'permessage-deflate: inflate() returned error -3' }),
    // The same errors written as numbers, in an errno notation (errno-numbers.ts).
    ...errnoRules(),
  ],
};
