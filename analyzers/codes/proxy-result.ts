// A proxy's numeric result code in its own access-log record: 3proxy writes one record per connection, its %E field the
// code the connection ended with (0 for an orderly end). The code is read only from a proxy event's record, in its field
// (the third, after the time and the service port), never as a number in free text: five digits mean nothing elsewhere.
import type { TelemetryEvent } from '../../schemas/telemetry-event.js';
import { rowMaker, type CodeRow } from './types.js';
import { oncePerText } from '../bounded-cache.js';

const howto = '3proxy doc/html/howtoe.html "Log error codes reference" https://github.com/3proxy/3proxy/blob/master/doc/html/howtoe.html#ERRORS';
const sslPlugin = '3proxy src/ssl.c (dosrvcon: param->res = 8011, "SSL handshake to server failed"; ssl_filter_client: param->res = 8013, "Handshake to client failed") https://github.com/3proxy/3proxy/blob/master/src/ssl.c';

const row = rowMaker('proxy_result', howto);
const ssl = rowMaker('proxy_result', sslPlugin);

/**
 * 3proxy result codes that state a cause. Not listed: 2, 9, 10 (redirection, traffic limit), 11–14 (socket(), bind(),
 * connect(), getpeername() failed: a failed connect() does not say refused or unreachable, convention 9 leaves it
 * unknown), 30–79 (a parent proxy's errors), 90, 91, 93 (3proxy's own faults, rate limits), 94 (unsent data at an
 * ordinary end), 95 (the client went away: no upstream failure, as Squid's ERR_CLIENT_GONE).
 */
export const proxyResultTable: readonly CodeRow[] = [
  row('3proxy 0', 0, 'operation successfully completed (the connection was closed by one of the peers)', 'normal_closure', 0.6),
  row('3proxy 1', 1, 'access denied by ACL (deny)', 'http_rejected', 0.6),
  row('3proxy 3', 3, 'no ACL found, denied by default', 'http_rejected', 0.6),
  row('3proxy 4', 4, 'auth=strong and no username in request', 'http_auth_rejected', 0.7),
  row('3proxy 5', 5, 'auth=strong and no matching username in configuration', 'http_auth_rejected', 0.7),
  row('3proxy 6', 6, 'user found, wrong password (cleartext)', 'http_auth_rejected', 0.7),
  row('3proxy 7', 7, 'user found, wrong password (crypt)', 'http_auth_rejected', 0.7),
  row('3proxy 8', 8, 'user found, wrong password (NT)', 'http_auth_rejected', 0.7),
  row('3proxy 92', 92, 'connection terminated by timeout', 'network_timeout', 0.6),
  row('3proxy 96', 96, 'dirty connection termination by server (or networking issue)', 'network_reset', 0.55),
  row('3proxy 97', 97, 'dirty connection termination by both client and server (probably networking issue)', 'network_reset', 0.5),
  row('3proxy 100', 100, 'HOST NOT FOUND', 'dns_failure', 0.7),
  ssl('3proxy 8011', 8011, 'SSL handshake to server (the upstream) failed', 'tls_unknown', 0.5),
  ssl('3proxy 8013', 8013, 'TLS handshake to client failed', 'tls_unknown', 0.5),
];

const byCode = new Map<number, CodeRow>(proxyResultTable.map((r) => [r.code as number, r]));

/**
 * 3proxy's default record (src/proxy.h DEFLOGFORMAT "G%y%m%d%H%M%S.%. %p %E %U %C:%c %R:%r %O %I %h %T"; src/log.c
 * prints %E as "%.05d"): time, service port, result code, user, client and target address:port, bytes out, in, hops.
 * @see https://github.com/3proxy/3proxy/blob/master/src/proxy.h
 */
const RECORD = /^\d{12}\.\d{3} \d{1,5} (\d{5}) \S+ \S+:\d+ \S+:\d+ \d+ \d+ \d+ /m;

/**
 * A label that carries the emitter's log (`log`, `proxy_log`, and a long log's continuations `proxy_log_2`, …): never `note` or
 * any other free label.
 */
const LOG_LABEL = /(?:^|_)log(?:_\d+)?$/;
export function isLogLabel(key: string): boolean {
  return LOG_LABEL.test(key);
}

/** An event's log labels with text, in their order, as [key, text] (a long log split over `proxy_log`, `proxy_log_2`, … included). */
export function* logLabels(labels: Readonly<Record<string, unknown>> | undefined): Generator<[string, string]> {
  if (labels === undefined) return;
  for (const key of Object.keys(labels)) {
    const text = labels[key];
    if (typeof text === 'string' && text !== '' && LOG_LABEL.test(key)) yield [key, text];
  }
}

/** The first record's result code in a text, or undefined when the text holds no record. */
function recordCode(text: string | undefined): number | undefined {
  if (text === undefined || text.length < 40) return undefined;
  const code = recordCodeIn(text);
  return code === NO_RECORD ? undefined : code;
}
// Read once per distinct text (a proxy's every failed or closed event asks); -1 is no result code (%E is 5 digits).
const NO_RECORD = -1;
const recordCodeIn = oncePerText((text) => {
  const match = RECORD.exec(text);
  return match ? Number(match[1]) : NO_RECORD;
});

/** The result code of a proxy event's own access-log record (its error text or a log label); undefined for other sources. */
export function proxyRecordCode(event: TelemetryEvent): number | undefined {
  if (event.source.kind !== 'proxy') return undefined;
  const fromError = recordCode(event.error?.message);
  if (fromError !== undefined) return fromError;
  const labels = event.labels;
  if (labels === undefined) return undefined;
  for (const key of Object.keys(labels)) {
    if (!isLogLabel(key)) continue;
    const code = recordCode(labels[key]);
    if (code !== undefined) return code;
  }
  return undefined;
}

/** The row of a result code that states a cause, else undefined. */
export function proxyResultRow(code: number): CodeRow | undefined {
  return byCode.get(code);
}
