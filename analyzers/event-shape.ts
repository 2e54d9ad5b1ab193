// One object shape per event: the classifiers read ~50 event fields per event, and events arrive in many shapes (which
// optional fields are present), so every read was a megamorphic lookup. Rebuilding the event and its parts as literals
// with every schema key in a fixed order (undefined where absent) makes each read site see one shape.
import type { TelemetryEvent } from '../schemas/telemetry-event.js';

type Source = TelemetryEvent['source'];
type Handshake = NonNullable<TelemetryEvent['handshake']>;
type Tls = NonNullable<TelemetryEvent['tls']>;
type Close = NonNullable<TelemetryEvent['close']>;
type EventError = NonNullable<TelemetryEvent['error']>;
type Timing = NonNullable<TelemetryEvent['timing']>;

function sourceOf(s: Source): Source {
  return { kind: s.kind, service: s.service, instance: s.instance, region: s.region, runtime: s.runtime, user_agent: s.user_agent };
}

function handshakeOf(h: Handshake): Handshake {
  return { status: h.status, request_extensions: h.request_extensions, response_extensions: h.response_extensions, required_extensions: h.required_extensions };
}

function tlsOf(t: Tls): Tls {
  return {
    version: t.version,
    cipher: t.cipher,
    alpn: t.alpn,
    alert: t.alert,
    alert_direction: t.alert_direction,
    verify_code: t.verify_code,
    peer_certificate: t.peer_certificate,
    chain_length: t.chain_length,
    chain: t.chain,
  };
}

function closeOf(c: Close): Close {
  return { code: c.code, reason: c.reason, initiator: c.initiator, on_wire: c.on_wire };
}

function errorOf(e: EventError): EventError {
  return { name: e.name, code: e.code, message: e.message };
}

function timingOf(t: Timing): Timing {
  return { connect_ms: t.connect_ms, tls_ms: t.tls_ms, upgrade_ms: t.upgrade_ms, total_ms: t.total_ms };
}

/** The event with every schema key present in schema order (undefined where absent); values and meaning unchanged. */
export function shapedEvent(event: TelemetryEvent): TelemetryEvent {
  const { handshake, tls, close, error, timing } = event;
  return {
    event_id: event.event_id,
    ts: event.ts,
    connection_id: event.connection_id,
    outcome: event.outcome,
    source: sourceOf(event.source),
    target: { url: event.target.url },
    handshake: handshake === undefined ? undefined : handshakeOf(handshake),
    tls: tls === undefined ? undefined : tlsOf(tls),
    close: close === undefined ? undefined : closeOf(close),
    error: error === undefined ? undefined : errorOf(error),
    timing: timing === undefined ? undefined : timingOf(timing),
    labels: event.labels,
  };
}
