// CDN HTTP statuses that report how the edge failed to reach the origin: a failed TLS handshake (525, 526) or a failed
// connection (521-524). Only statuses a vendor documents with one cause are listed (520, "unknown error", is not).
import { rowMaker, type CodeRow } from './types.js';

const cf525 = 'Cloudflare docs: Error 525 SSL handshake failed https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-525/';
const cf5xx = (status: number): string =>
  `Cloudflare docs: Error ${status} https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-${status}/`;
const cf521 = cf5xx(521);
const cf522 = cf5xx(522);
const cf523 = cf5xx(523);
const cf524 = cf5xx(524);
const cf526 = 'Cloudflare docs: Error 526 Invalid SSL certificate https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-526/';

export const cdnTable: readonly CodeRow[] = [
  // The edge could not complete a TLS handshake with the origin (no shared cipher, SNI, origin TLS off).
  rowMaker('cdn_status', cf525)('SSL handshake failed', 525, 'Cloudflare could not negotiate a TLS handshake with the origin', 'tls_unknown', 0.75),
  // The origin certificate is expired, self-signed, from an untrusted CA or for another name (Full strict).
  rowMaker('cdn_status', cf526)('Invalid SSL certificate', 526, 'Cloudflare could not validate the origin certificate', 'tls_unknown', 0.75),
  // The edge's connection to the origin, before any HTTP answer: the cause of the 52x is the origin's, as a proxy's log
  // line states an upstream failure (0.6: the origin's own evidence, when the event has it, can still decide).
  rowMaker('cdn_status', cf521)('Web server is down', 521, 'the origin refused the connection from Cloudflare', 'connection_refused', 0.6),
  rowMaker('cdn_status', cf522)('Connection timed out', 522, 'the TCP connection from Cloudflare to the origin timed out', 'network_timeout', 0.6),
  rowMaker('cdn_status', cf523)('Origin is unreachable', 523, 'Cloudflare could not reach the origin (no route, DNS record of the origin)', 'connection_refused', 0.6),
  rowMaker('cdn_status', cf524)('A timeout occurred', 524, 'the origin accepted the connection but sent no HTTP answer in time', 'network_timeout', 0.6),
];

const byStatus = new Map<number, CodeRow>(cdnTable.map((row) => [row.code as number, row]));

/** The row for an upgrade status that reports how the edge failed to reach the origin (521-526), else undefined. */
export function cdnStatusRow(status: number): CodeRow | undefined {
  return byStatus.get(status);
}

/** The statuses of the table: an edge's report of the origin, not the origin's answer (a gateway status). */
export const cdnStatuses: readonly number[] = cdnTable.map((row) => row.code as number);
