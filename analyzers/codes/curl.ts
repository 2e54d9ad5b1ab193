// libcurl result codes (CURLcode), as a curl-based client reports them: the exit code in "curl: (35) ..."
// or a bare error.code next to a curl runtime, "cURL error 7" (PHP's Guzzle and others) and the curl_easy_strerror texts.
// Names are from libcurl-errors(3), texts from lib/strerror.c.
import { rowMaker, type CodeRow } from './types.js';

const c = rowMaker('curl', 'libcurl error codes (CURLcode) https://curl.se/libcurl/c/libcurl-errors.html; curl_easy_strerror texts, lib/strerror.c https://github.com/curl/curl/blob/master/lib/strerror.c');
/** The notations of a code in texts: curl's "curl: (7)", and "cURL error 7" / "curl error code 7" / "libcurl error 7" of the bindings. */
const notations = (code: number): string[] => [`curl: (${code})`, `curl error ${code}`, `curl error code ${code}`, `libcurl error ${code}`, `libcurl error code ${code}`];

export const curlTable: readonly CodeRow[] = [
  c('CURLE_COULDNT_RESOLVE_HOST', 6, "couldn't resolve host: the given remote host was not resolved", 'dns_failure', 0.75, { texts: [...notations(6), "Couldn't resolve host name"] }),
  c('CURLE_COULDNT_CONNECT', 7, 'failed to connect() to host or proxy', 'connection_refused', 0.7, { texts: [...notations(7), "Couldn't connect to server"] }),
  c('CURLE_OPERATION_TIMEDOUT', 28, 'operation timeout', 'network_timeout', 0.7, { texts: [...notations(28), 'Timeout was reached'] }),
  // A problem occurred somewhere in the SSL/TLS handshake: the text beside it may say which.
  c('CURLE_SSL_CONNECT_ERROR', 35, 'a problem occurred somewhere in the SSL/TLS handshake', 'tls_unknown', 0.6, { texts: ['curl: (35)'] }),
  c('CURLE_GOT_NOTHING', 52, 'nothing was returned from the server', 'network_reset', 0.5, { texts: [...notations(52), 'Server returned nothing (no headers, no data)'] }),
  c('CURLE_SEND_ERROR', 55, 'failed sending network data', 'network_reset', 0.5, { texts: [...notations(55), 'Failed sending data to the peer'] }),
  c('CURLE_RECV_ERROR', 56, 'failure with receiving network data', 'network_reset', 0.5, { texts: [...notations(56), 'Failure when receiving data from the peer'] }),
  c('CURLE_SSL_CIPHER', 59, "couldn't use specified cipher", 'cipher_mismatch', 0.6, { texts: ['curl: (59)'] }),
  c('CURLE_PEER_FAILED_VERIFICATION', 60, "the remote server's SSL certificate or SSH fingerprint was deemed not OK", 'tls_unknown', 0.6, { texts: ['curl: (60)'] }),
];
