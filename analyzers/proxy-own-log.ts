// A proxy's own log beside its error lines: where the lines it reported as the failure (its ERROR records) say only that the
// upstream failed ("OnFailure host:…, reason:ConnectionFailure") and the gateway status it answered, the quieter lines of the same
// log (a DEBUG connect record) may state how: convention 9 labels a proxy's status by the upstream failure its lines state.
import type { TelemetryEvent } from '../schemas/telemetry-event.js';
import type { SourcedFinding } from './candidate.js';
import { logLabels } from './codes/proxy-result.js';
import { statedStatus } from './concepts/scanner.js';
import { labelMatcher } from './other-view-labels.js';

// Convention 9's upstream causes: a reset or EOF, a refused connect, a timeout, a resolver failure, a TLS cause (any 1015 finding).
const UPSTREAM_CAUSES: ReadonlySet<string> = new Set(['network_reset', 'connection_refused', 'network_timeout', 'dns_failure']);
// The gateway statuses a proxy answers for an upstream it could not reach or use (RFC 9110 §15.6.3-§15.6.5).
// @see https://www.rfc-editor.org/rfc/rfc9110#section-15.6.3
const GATEWAY_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);

/**
 * The upstream failure a proxy's own log labels state, read only where its error lines name no cause (the caller passes no
 * findings) beside a gateway status it answered: each label's exact-tier findings (a runtime's own words or codes, memoized per
 * distinct text) of convention 9's causes. The generalising tier's words ("connection closed") are a log's routine teardown there.
 */
export function ownLogUpstreamFindings(event: TelemetryEvent): readonly SourcedFinding[] {
  const status = event.handshake?.status;
  if (event.source.kind !== 'proxy' || status === undefined || !GATEWAY_STATUSES.has(status) || !event.error?.message) return [];
  let out: SourcedFinding[] | undefined;
  for (const [key, text] of logLabels(event.labels))
    for (const hit of labelMatcher(key).get(text)) if (!hit.concept && (hit.attribution === '1015' || (hit.attribution === 'other' && UPSTREAM_CAUSES.has(hit.cause)))) (out ??= []).push(hit);
  return out ?? [];
}

/**
 * Whether an error text's finding only restates the status recorded in the handshake ("proxy rejected connection: HTTP 502"):
 * the same status in words names no cause of its own, so the proxy's own log may state the upstream's failure (round 38, eng-f2).
 */
export function restatesStatus(hit: SourcedFinding, status: number | undefined): boolean {
  return status !== undefined && hit.cause === 'http_rejected' && statedStatus(hit) === status;
}
