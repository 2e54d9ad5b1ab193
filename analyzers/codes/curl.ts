// libcurl result codes (CURLcode), as a curl-based client reports them: the exit code in "curl: (35) ..."
// or a bare error.code next to a curl runtime. Names and texts are from libcurl-errors(3).
import { rowMaker, type CodeRow } from './types.js';

const c = rowMaker('curl', 'libcurl error codes (CURLcode) https://curl.se/libcurl/c/libcurl-errors.html');

export const curlTable: readonly CodeRow[] = [
  c('CURLE_OPERATION_TIMEDOUT', 28, 'operation timeout', 'network_timeout', 0.7, { texts: ['curl: (28)'] }),
  // A problem occurred somewhere in the SSL/TLS handshake: the text beside it may say which.
  c('CURLE_SSL_CONNECT_ERROR', 35, 'a problem occurred somewhere in the SSL/TLS handshake', 'tls_unknown', 0.6, { texts: ['curl: (35)'] }),
  c('CURLE_GOT_NOTHING', 52, 'nothing was returned from the server', 'network_reset', 0.5, { texts: ['curl: (52)'] }),
  c('CURLE_SEND_ERROR', 55, 'failed sending network data', 'network_reset', 0.5, { texts: ['curl: (55)'] }),
  c('CURLE_RECV_ERROR', 56, 'failure with receiving network data', 'network_reset', 0.5, { texts: ['curl: (56)'] }),
  c('CURLE_SSL_CIPHER', 59, "couldn't use specified cipher", 'cipher_mismatch', 0.6, { texts: ['curl: (59)'] }),
  c('CURLE_PEER_FAILED_VERIFICATION', 60, "the remote server's SSL certificate or SSH fingerprint was deemed not OK", 'tls_unknown', 0.6, { texts: ['curl: (60)'] }),
];
