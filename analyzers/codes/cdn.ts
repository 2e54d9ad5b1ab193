// CDN and proxy HTTP statuses that report a failed TLS handshake between the edge and the origin.
// Only statuses a vendor documents as TLS failures are listed.
import { rowMaker, type CodeRow } from './types.js';

const cf525 = 'Cloudflare docs: Error 525 SSL handshake failed https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-525/';
const cf526 = 'Cloudflare docs: Error 526 Invalid SSL certificate https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/error-526/';

export const cdnTable: readonly CodeRow[] = [
  // The edge could not complete a TLS handshake with the origin (no shared cipher, SNI, origin TLS off).
  rowMaker('cdn_status', cf525)('SSL handshake failed', 525, 'Cloudflare could not negotiate a TLS handshake with the origin', 'tls_unknown', 0.75),
  // The origin certificate is expired, self-signed, from an untrusted CA or for another name (Full strict).
  rowMaker('cdn_status', cf526)('Invalid SSL certificate', 526, 'Cloudflare could not validate the origin certificate', 'tls_unknown', 0.75),
];

const byStatus = new Map<number, CodeRow>(cdnTable.map((row) => [row.code as number, row]));

/** The row for an upgrade status that reports an origin TLS failure (525, 526), else undefined. */
export function cdnStatusRow(status: number): CodeRow | undefined {
  return byStatus.get(status);
}
