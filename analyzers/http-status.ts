// Cause of a refused WebSocket upgrade from its HTTP status (RFC 6455 §4.1: anything but 101 fails).
// @see https://www.rfc-editor.org/rfc/rfc6455#section-4.1 and RFC 9110 §15.5.2 / §15.5.8 (401, 407)
import type { Cause } from '../schemas/classification.js';
import { cdnStatusRow } from './codes/cdn.js';

/** A CDN's report of the origin (521-526, analyzers/codes/cdn.ts) gives the origin's cause, anything else but 101 a refusal. */
export function httpStatusCause(status: number): Cause | undefined {
  if (status === 101 || status < 100 || status > 599) return undefined;
  const cdn = cdnStatusRow(status);
  if (cdn) return cdn.cause;
  return status === 401 || status === 407 ? 'http_auth_rejected' : 'http_rejected';
}
