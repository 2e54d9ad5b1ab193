// llhttp's error codes (llhttp_errno_t), as Node's HTTP client reports a response it could not parse: the error's code is the
// name ("HPE_INVALID_CONSTANT") and its message "Parse Error: <reason>" (lib/_http_common.js, prepareError), the reason being
// the parser's text for the state it failed in. A client's parser reads the upgrade's answer, so:
// - a reason that says the bytes that came are no HTTP/1.x answer (no "HTTP/" protocol, a bad version, status, header or
//   framing) says the server answered, and wrongly: protocol_error (the peer spoke another protocol on the port, or broke
//   HTTP/1.1 syntax; RFC 6455 §4.1 requires a valid HTTP answer);
// - HPE_INVALID_EOF_STATE says the connection ended inside the answer (llhttp_finish in the middle of a message): a
//   truncated answer, network_reset.
// Callback, pause and user codes (HPE_CB_*, HPE_PAUSED*, HPE_USER) are the embedding program's, no cause.
// A server's parser (Node's http.Server 'clientError' event, a proxy's front) reads the request: the request-only codes
// (HPE_INVALID_METHOD, HPE_INVALID_URL) say the bytes that came are no HTTP/1.x request (a TLS ClientHello sent to a plaintext
// port begins with byte 0x16, no method): protocol_error (RFC 9112 §3; RFC 6455 §4.1: the opening handshake is an HTTP request);
// Node's own HPE_HEADER_OVERFLOW (its max header size, not an llhttp code) is a request head too large, which Node's server
// answers 431 Request Header Fields Too Large (RFC 6585 §5): a refused request, http_rejected (round 25, eng-s1).
import { rowMaker, type CodeRow } from './types.js';

const enumSource = 'llhttp llhttp_errno (src/llhttp/constants.ts ERROR; include/llhttp.h as vendored in Node, deps/llhttp/include/llhttp.h) https://github.com/nodejs/llhttp/blob/main/src/llhttp/constants.ts';
const reasons = (where: string): string => `${enumSource}; reason texts: ${where} https://github.com/nodejs/llhttp/blob/main/src/llhttp/http.ts; Node's "Parse Error: <reason>", lib/_http_common.js prepareError https://github.com/nodejs/node/blob/main/lib/_http_common.js`;
const eof = rowMaker('llhttp', `${enumSource}; "Invalid EOF state": llhttp_finish with finish == HTTP_FINISH_UNSAFE, src/native/api.c https://github.com/nodejs/llhttp/blob/main/src/native/api.c`);
const line = rowMaker('llhttp', reasons('src/llhttp/http.ts buildLine (res_after_start, res_http_major/minor, res_status_code_*)'));
const head = rowMaker('llhttp', reasons('src/llhttp/http.ts buildHeaders (header_field, header_value_*, chunk_size_*)'));
const request = rowMaker('llhttp', reasons('src/llhttp/http.ts (the request line: "Invalid method encountered", "Expected space after method"); src/llhttp/url.ts ("Unexpected start char in url", "Invalid char in url path")'));
const overflow = rowMaker('llhttp', 'Node src/node_http_parser.cc (TrackHeader: HPE_HEADER_OVERFLOW "Header overflow" past --max-http-header-size) https://github.com/nodejs/node/blob/main/src/node_http_parser.cc; lib/_http_server.js socketOnError (answers 431 Request Header Fields Too Large) https://github.com/nodejs/node/blob/main/lib/_http_server.js; RFC 6585 §5 https://www.rfc-editor.org/rfc/rfc6585#section-5; a code of Node\'s binding of llhttp, with no llhttp_errno value of its own (https://github.com/nodejs/llhttp/blob/main/src/llhttp/constants.ts)');
/** Node's notation of a reason. */
const parseError = (reason: string): string => `Parse Error: ${reason}`;

export const llhttpTable: readonly CodeRow[] = [
  // The reason also stands bare in another binding's text: aiohttp's compiled parser (_http_parser.pyx parser_error_from_errno)
  // raises BadStatusLine with llhttp_get_error_reason() followed by the bytes ("Bad status line:\n  Expected HTTP/, RTSP/ or
  // ICE/:\n\n  b'SSH-2.0-…'"), llhttp 9's full wording; the 400 its ClientResponseError carries is the parser's code, no answer's.
  // @see https://github.com/aio-libs/aiohttp/blob/master/aiohttp/_http_parser.pyx (parser_error_from_errno)
  line('HPE_INVALID_CONSTANT', 8, 'the answer does not start with "HTTP/" (or RTSP/, ICE/): another protocol spoke on the port', 'protocol_error', 0.6, { texts: [parseError('Expected HTTP/'), 'Expected HTTP/, RTSP/ or ICE/'] }),
  line('HPE_INVALID_VERSION', 9, 'the status line\'s HTTP version is malformed or unsupported', 'protocol_error', 0.6, { texts: [parseError('Invalid major version'), parseError('Invalid minor version'), parseError('Invalid HTTP version'), parseError('Expected space after version')] }),
  line('HPE_INVALID_STATUS', 13, 'the status code is not three digits', 'protocol_error', 0.6, { texts: [parseError('Invalid status code'), parseError('Invalid response status')] }),
  line('HPE_CR_EXPECTED', 25, 'a line of the answer lacks its CR', 'protocol_error', 0.55, { texts: [parseError('Missing expected CR')] }),
  head('HPE_LF_EXPECTED', 3, 'a line of the answer lacks its LF', 'protocol_error', 0.55),
  head('HPE_INVALID_HEADER_TOKEN', 10, 'a header name or value holds a character HTTP forbids', 'protocol_error', 0.55),
  head('HPE_INVALID_CONTENT_LENGTH', 11, 'a malformed or duplicated Content-Length', 'protocol_error', 0.55),
  head('HPE_UNEXPECTED_CONTENT_LENGTH', 4, 'Content-Length beside Transfer-Encoding: chunked', 'protocol_error', 0.55),
  head('HPE_INVALID_TRANSFER_ENCODING', 15, 'a Transfer-Encoding the parser refuses', 'protocol_error', 0.55),
  head('HPE_INVALID_CHUNK_SIZE', 12, 'a chunk size that is no hex number', 'protocol_error', 0.55),
  head('HPE_UNEXPECTED_SPACE', 30, 'a space where HTTP allows none (before a header name\'s colon)', 'protocol_error', 0.55),
  // A server's parser refusing the request (Node's 'clientError'): bytes that are no HTTP request, a head too large.
  request('HPE_INVALID_METHOD', 6, 'the request does not begin with an HTTP method: bytes of another protocol (a TLS hello on a plaintext port)', 'protocol_error', 0.55, { texts: [parseError('Invalid method encountered'), parseError('Expected space after method')] }),
  request('HPE_INVALID_URL', 7, 'the request target holds a character a URL may not', 'protocol_error', 0.55, { texts: [parseError('Unexpected start char in url'), parseError('Invalid char in url path'), parseError('Unexpected char in url schema')] }),
  overflow('HPE_HEADER_OVERFLOW', undefined, 'the request head exceeds the server\'s header size limit; Node answers 431', 'http_rejected', 0.5, { texts: [parseError('Header overflow')] }),
  eof('HPE_INVALID_EOF_STATE', 14, 'the connection ended inside the answer: a truncated answer', 'network_reset', 0.55, { texts: [parseError('Invalid EOF state')] }),
];
