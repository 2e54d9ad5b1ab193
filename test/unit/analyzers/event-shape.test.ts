import { describe, expect, it } from 'vitest';
import { shapedEvent } from '../../../analyzers/event-shape.js';
import { closeSchema, errorSchema, handshakeSchema, sourceSchema, targetSchema, telemetryEventSchema, timingSchema, tlsSchema } from '../../../schemas/telemetry-event.js';

const sparse = telemetryEventSchema.parse({
  event_id: 'a',
  ts: 1764061204250,
  outcome: 'failed',
  source: { kind: 'client', service: 'web' },
  target: { url: 'wss://api.example.com/ws' },
  error: { message: 'connect ECONNREFUSED 10.0.0.1:443' },
});
const full = telemetryEventSchema.parse({
  ...sparse,
  connection_id: 'c',
  handshake: { status: 101, request_extensions: '' },
  tls: { version: 'TLSv1.3', alert: 45 },
  close: { code: 1006, on_wire: false },
  error: { name: 'Error', code: 'ECONNREFUSED', message: 'x' },
  timing: { connect_ms: 3 },
  labels: { pod: 'p' },
});

describe('shapedEvent', () => {
  it('gives every event all schema keys in schema order, so events of any mix of fields share one shape', () => {
    const keys = Object.keys(telemetryEventSchema.shape);
    expect(Object.keys(shapedEvent(sparse))).toEqual(keys);
    expect(Object.keys(shapedEvent(full))).toEqual(keys);
  });

  it.each([
    ['source', sourceSchema],
    ['target', targetSchema],
    ['handshake', handshakeSchema],
    ['tls', tlsSchema],
    ['close', closeSchema],
    ['error', errorSchema],
    ['timing', timingSchema],
  ] as const)('gives %s all of its schema keys', (part, schema) => {
    expect(Object.keys(shapedEvent(full)[part] as object)).toEqual(Object.keys(schema.shape));
  });

  it('keeps every value: absent parts stay undefined, present ones equal', () => {
    expect(shapedEvent(sparse).handshake).toBeUndefined();
    expect(shapedEvent(sparse).close).toBeUndefined();
    expect(JSON.parse(JSON.stringify(shapedEvent(full)))).toEqual(JSON.parse(JSON.stringify(full)));
    expect(JSON.parse(JSON.stringify(shapedEvent(sparse)))).toEqual(JSON.parse(JSON.stringify(sparse)));
  });
});
