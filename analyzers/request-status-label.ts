// The HTTP status of a client's own request before its upgrade, recorded as a label (round 38, eng-f1): a client that asks an
// HTTP endpoint first and opens the WebSocket only on its answer (SignalR's negotiate POST, an Engine.IO polling handshake, a
// SockJS info request) fails before any upgrade when that request is refused, and its exception may carry only a class or the bare
// number ("AuthorizationError", "ConnectionError: 403"). The label's status is the refusal the connection got (RFC 6455 §4.1
// reads any answer but 101 as a failed connection; the request before it is the same attempt's first answer).
// @see https://github.com/dotnet/aspnetcore/blob/main/src/SignalR/docs/specs/TransportProtocols.md (the negotiate request)
import type { TelemetryEvent } from '../schemas/telemetry-event.js';
import { sourcedFinding, type SourcedFinding } from './candidate.js';
import { httpStatusCause } from './http-status.js';

// A label named for a request's status (`negotiate_status`, `poll_status_code`): words, then "status" (and "code") last. Its value
// must be the bare status, a refusal (4xx, 5xx): a state word ("CHANNEL_ERROR"), a close code or a success is no refusal.
const STATUS_LABEL = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*_status(?:_code)?$/;
const REFUSAL = /^\s*([45]\d\d)\s*$/;
// Statuses of other things than a request the client sent: the upgrade's own (read from handshake.status), a close's or an exit's.
const NOT_A_REQUEST = /^(?:handshake|upgrade|close|exit|channel|process|job|task)_/;

/** The refusal a failed client's request before the upgrade got, read from its status label; none where the upgrade itself answered. */
export function requestStatusFindings(event: TelemetryEvent): readonly SourcedFinding[] {
  const labels = event.labels;
  if (labels === undefined || event.source.kind !== 'client' || event.handshake?.status !== undefined) return [];
  for (const key in labels) {
    if (!STATUS_LABEL.test(key) || NOT_A_REQUEST.test(key)) continue;
    const match = REFUSAL.exec(labels[key] ?? '');
    if (match === null) continue;
    const status = Number(match[1]);
    const cause = httpStatusCause(status);
    if (cause === undefined) continue;
    return [sourcedFinding('labels.request_status', cause, 0.6, { kind: `labels.${key}`, detail: `the client's request before its upgrade was answered HTTP ${status} (${key}): the attempt was refused before any WebSocket handshake → ${cause} (rule labels.request_status, RFC 6455 §4.1, RFC 9110 §15)` })];
  }
  return [];
}
