// A proxy's own log beside its error lines: where the lines it reported as the failure (its ERROR records) say only that the
// upstream failed ("OnFailure host:…, reason:ConnectionFailure") and the gateway status it answered, the quieter lines of the same
// log (a DEBUG connect record) may state how: convention 9 labels a proxy's status by the upstream failure its lines state.
import type { TelemetryEvent } from '../schemas/telemetry-event.js';
import type { SourcedFinding } from './candidate.js';
import { isLogLabel } from './codes/proxy-result.js';
import { statedStatus } from './concepts/scanner.js';
import { isOtherViewLabel, labelMatcher } from './other-view-labels.js';

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
  for (const [key, text] of ownRecords(event.labels, false))
    for (const hit of labelMatcher(key).get(text)) if (!hit.concept && (hit.attribution === '1015' || (hit.attribution === 'other' && UPSTREAM_CAUSES.has(hit.cause)))) (out ??= []).push(hit);
  return out ?? [];
}

// A proxy's record of one exchange, beside its log: the session or flow its own UI or API keeps (whistle's captured sessions,
// `cgi-bin/get-data`; mitmproxy's flows; Fiddler's and Charles' sessions), with the answer the proxy gave and the error it met.
const SESSION_RECORD_LABEL = /(?:^|_)(?:sessions?|flows?)$/;
/**
 * The proxy's own log labels and, where asked (`own`), its session records, without another party's view (the client's log at the
 * front is its view, not the proxy's record: other-view-labels.ts), as [key, text]; without it, every log label as round 36 read them.
 */
function* ownRecords(labels: TelemetryEvent['labels'], own: boolean): Generator<[string, string]> {
  if (labels === undefined) return;
  for (const key in labels) {
    const text = labels[key];
    if (text && (own ? (isLogLabel(key) || SESSION_RECORD_LABEL.test(key)) && !isOtherViewLabel(key) : isLogLabel(key))) yield [key, text];
  }
}

// The failures of a connect to the upstream: no upstream connection came to be (RFC 9110 §15.6.3's 502 "invalid response" aside).
const CONNECT_CAUSES: ReadonlySet<string> = new Set(['connection_refused', 'dns_failure', 'network_timeout']);
/**
 * A proxy's own records stating that its connect to the upstream failed (refused, unresolved, timed out), read on a failed attempt
 * with no status whose own texts name only a symptom of the client leg: a drop (the proxy hung up the client: "socket hang up",
 * ECONNRESET), a TLS failure without a cause (the client read the proxy's plaintext as TLS after its CONNECT got a 200: "wrong
 * version number"), or nothing ("tunnel closed before CONNECT answer"). With no upstream connection there was no upstream to drop
 * or to speak TLS, so what the client leg met is the proxy ending it for that failure (convention 9: a proxy's stated upstream cause
 * is the label; round 39, r39-b). Exact-tier findings only, as above; a TLS cause of the proxy's own upstream leg stays 1015 (its
 * records then state a TLS failure, no connect failure).
 * @see https://github.com/avwo/whistle (session records with the answer's `statusCode` and `body` "Error: connect ECONNREFUSED …")
 * @see https://nodejs.org/api/errors.html#common-system-errors (ECONNREFUSED, ENOTFOUND, ETIMEDOUT on the proxy's upstream socket)
 */
export function ownRecordConnectFailures(event: TelemetryEvent): readonly SourcedFinding[] {
  let out: SourcedFinding[] | undefined;
  for (const [key, text] of ownRecords(event.labels, true))
    for (const hit of labelMatcher(key).get(text)) if (!hit.concept && hit.attribution === 'other' && CONNECT_CAUSES.has(hit.cause)) (out ??= []).push(hit);
  return out ?? [];
}

/**
 * A finding of the client leg's symptom on a proxy's event: a drop, or a TLS failure that names no cause. A catch-all of the proxy's
 * own words ("context canceled": the client went away) is its statement, convention 9's unknown_failure, and keeps it.
 */
export function clientLegSymptom(hit: SourcedFinding): boolean {
  return hit.cause === 'network_reset' || hit.cause === 'abnormal_closure' || hit.cause === 'tls_unknown';
}

/**
 * Whether an error text's finding only restates the status recorded in the handshake ("proxy rejected connection: HTTP 502"):
 * the same status in words names no cause of its own, so the proxy's own log may state the upstream's failure (round 38, eng-f2).
 */
export function restatesStatus(hit: SourcedFinding, status: number | undefined): boolean {
  return status !== undefined && hit.cause === 'http_rejected' && statedStatus(hit) === status;
}
