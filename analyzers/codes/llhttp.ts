// llhttp's error codes (llhttp_errno_t), as Node's HTTP client reports a response it could not parse: the error's code is the
// name ("HPE_INVALID_CONSTANT") and its message "Parse Error: <reason>" (lib/_http_common.js, prepareError), the reason being
// the parser's text for the state it failed in. A client's parser reads the upgrade's answer, so:
// - a reason that says the bytes that came are no HTTP/1.x answer (no "HTTP/" protocol, a bad version, status, header or
//   framing) says the server answered, and wrongly: protocol_error (the peer spoke another protocol on the port, or broke
//   HTTP/1.1 syntax; RFC 6455 §4.1 requires a valid HTTP answer);
// - HPE_INVALID_EOF_STATE says the connection ended inside the answer (llhttp_finish in the middle of a message): a
//   truncated answer, network_reset.
// Callback, pause and user codes (HPE_CB_*, HPE_PAUSED*, HPE_USER) are the embedding program's, no cause; request-only
// codes (HPE_INVALID_METHOD, HPE_INVALID_URL) never come from a client's parser.
import { rowMaker, type CodeRow } from './types.js';

const enumSource = 'llhttp llhttp_errno (src/llhttp/constants.ts ERROR; include/llhttp.h as vendored in Node, deps/llhttp/include/llhttp.h) https://github.com/nodejs/llhttp/blob/main/src/llhttp/constants.ts';
const reasons = (where: string): string => `${enumSource}; reason texts: ${where} https://github.com/nodejs/llhttp/blob/main/src/llhttp/http.ts; Node's "Parse Error: <reason>", lib/_http_common.js prepareError https://github.com/nodejs/node/blob/main/lib/_http_common.js`;
const eof = rowMaker('llhttp', `${enumSource}; "Invalid EOF state": llhttp_finish with finish == HTTP_FINISH_UNSAFE, src/native/api.c https://github.com/nodejs/llhttp/blob/main/src/native/api.c`);
const line = rowMaker('llhttp', reasons('src/llhttp/http.ts buildLine (res_after_start, res_http_major/minor, res_status_code_*)'));
const head = rowMaker('llhttp', reasons('src/llhttp/http.ts buildHeaders (header_field, header_value_*, chunk_size_*)'));
/** Node's notation of a reason. */
const parseError = (reason: string): string => `Parse Error: ${reason}`;

export const llhttpTable: readonly CodeRow[] = [
  line('HPE_INVALID_CONSTANT', 8, 'the answer does not start with "HTTP/" (or RTSP/, ICE/): another protocol spoke on the port', 'protocol_error', 0.6, { texts: [parseError('Expected HTTP/')] }),
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
  eof('HPE_INVALID_EOF_STATE', 14, 'the connection ended inside the answer: a truncated answer', 'network_reset', 0.55, { texts: [parseError('Invalid EOF state')] }),
];
