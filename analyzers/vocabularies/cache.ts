// A cache's own records of a piped connection (Varnish varnishlog): a WebSocket upgrade is piped, so Varnish sees bytes,
// not the 101 or frames. PipeAcct counts the bytes each way; a pipe whose backend request went out and that sent nothing
// back to the client ended before the backend answered: the backend closed the pipe (convention 14: the duration alone
// does not make it a timeout).
import { rule, type Vocabulary } from './types.js';

const vslPipeAcct = 'Varnish include/tbl/vsl_tags.h (PipeAcct "Pipe byte counts": client request headers, backend request headers, piped bytes from client, piped bytes to client) https://github.com/varnishcache/varnish-cache/blob/master/include/tbl/vsl_tags.h; Varnish reference manual vsl(7) https://varnish-cache.org/docs/trunk/reference/vsl.html';

const sessClose = 'Varnish include/tbl/sess_close.h (SESS_CLOSE reasons of the SessClose record: RX_TIMEOUT "Receive timeout", REM_CLOSE "Client Closed", TX_PIPE "Piped transaction") https://github.com/varnishcache/varnish-cache/blob/master/include/tbl/sess_close.h';
const vbeFetch = 'Varnish bin/varnishd/cache/cache_backend.c (vbe_dir_getfd: FetchError "backend %s: unhealthy" when the backend is marked sick, "backend %s: fail errno %d (%s)" for a failed connect) and cache_fetch.c ("no backend connection") https://github.com/varnishcache/varnish-cache/blob/master/bin/varnishd/cache/cache_backend.c';
const vslHealth = 'Varnish reference manual vsl(7) (Backend_health: "Back healthy" / "Went sick" / "Still sick" and the probe bits) https://varnish-cache.org/docs/trunk/reference/vsl.html; Users guide "Health checks" https://varnish-cache.org/docs/trunk/users-guide/vcl-backends.html#health-checks';

export const cacheVocabulary: Vocabulary = {
  name: 'cache',
  rules: [
    rule('varnish.pipe_nothing_back', /\bPipeAcct\s+\d+\s+[1-9]\d*\s+\d+\s+0\b/, 'network_reset', 0.55, vslPipeAcct, { example: '-   PipeAcct       267 310 0 0' }),
    // A pipe that carried bytes back to the client: the backend answered (the 101 and frames went through), an upgrade piped
    // as usual; on a connected outcome it is a connection (Varnish cannot see frames or a close inside the pipe).
    rule('varnish.pipe_bytes_back', /\bPipeAcct\s+\d+\s+[1-9]\d*\s+\d+\s+[1-9]\d*\b/, 'connected', 0.5, vslPipeAcct, { example: '-   PipeAcct       267 309 18 139' }),
    // SessClose reasons (the client side of the session). TX_PIPE ends every pipe, ordinary or not: no row (PipeAcct decides).
    rule('varnish.sessclose_rx_timeout', /\bSessClose\s+RX_TIMEOUT\b/, 'network_timeout', 0.6, sessClose, { example: '-   SessClose      RX_TIMEOUT 5.002' }),
    // The client closed the session: it went away, the cache saw no upstream failure (as Squid's ERR_CLIENT_GONE).
    rule('varnish.sessclose_rem_close', /\bSessClose\s+REM_CLOSE\b/, 'unknown_failure', 0.35, sessClose, { example: '-   SessClose      REM_CLOSE 5.009' }),
    // A backend its health probe marked sick: the probe's reason is not in the request's records, so no cause is named; a
    // failed connect's errno ("fail errno 111 (Connection refused)") is read by the errno rows and outranks these.
    rule('varnish.fetch_backend_unhealthy', /\bFetchError\s+backend \S+: unhealthy\b/, 'unknown_failure', 0.45, vbeFetch, { example: '-   FetchError     backend be58399: unhealthy' }),
    rule('varnish.fetch_no_backend_connection', /\bFetchError\s+no backend connection\b/, 'unknown_failure', 0.4, vbeFetch, { example: '-   FetchError     no backend connection' }),
    rule('varnish.backend_went_sick', /\bBackend_health\b[^\n]{0,80}\b(?:Went|Still) sick\b/, 'unknown_failure', 0.45, vslHealth, { example: '0 Backend_health - boot.be1 Went sick 4---X-R- 2 3 5 0.000000 0.000000 Open error 111 (Connection refused)' }),
  ],
};
