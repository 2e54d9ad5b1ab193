// Builds validated telemetry events for the analyzer tests (through the real zod schema).
import { telemetryEventSchema, type TelemetryEvent, type TelemetryEventInput } from '../../../schemas/telemetry-event.js';
import { classify } from '../../../analyzers/classify.js';

export const EVENT_TS = Date.parse('2025-06-01T12:00:00Z');
const DAY = 86_400_000;
export const daysFromEvent = (days: number): number => EVENT_TS + days * DAY;

export function event(overrides: Partial<TelemetryEventInput> = {}): TelemetryEvent {
  return telemetryEventSchema.parse({
    event_id: 'e1',
    ts: EVENT_TS,
    outcome: 'failed',
    source: { kind: 'client', service: 'test', runtime: 'node 20 ws 8.18' },
    target: { url: 'wss://api.example.com/socket' },
    ...overrides,
  });
}

/** The source and target of an event from a test emitter of one kind (ws:// or wss:// to app.example.test), to spread into overrides. */
export function emitter<K extends 'client' | 'server' | 'proxy'>(kind: K, scheme: 'ws' | 'wss' = 'ws') {
  return { source: { kind, service: kind.charAt(0), runtime: 'test' }, target: { url: `${scheme}://app.example.test/ws` } };
}

/** A failed wss:// event whose only evidence is one error text. */
export function failedWithMessage(message: string, extra: Partial<TelemetryEventInput> = {}): TelemetryEvent {
  return event({ error: { message }, ...extra });
}

/** "attribution/cause" of the event built from `overrides`: what the classification tables assert. */
export function verdictOf(overrides: Partial<TelemetryEventInput>): string {
  const result = classify(event(overrides));
  return `${result.attribution}/${result.cause}`;
}
