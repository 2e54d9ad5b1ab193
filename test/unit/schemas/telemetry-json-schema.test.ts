// `wsdiag schema` and the validator agree: an emitter that passes the JSON Schema (checked here with
// ajv, draft 2020-12) is never dead-lettered for it, and one the validator refuses fails the schema too.
// Every field carries a description, so the schema can be registered and read as documentation.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../bench/accuracy.js';
import { EPOCH_MS_FROM, MAX_TS_MS, TELEMETRY_SCHEMA_ID, telemetryEventJsonSchema, telemetryEventSchema } from '../../../schemas/telemetry-event.js';

const jsonSchema = telemetryEventJsonSchema();
const validate = new Ajv2020({ strict: false }).compile(jsonSchema);
const base = { event_id: 'e1', outcome: 'failed', source: { kind: 'client', service: 'feed' }, target: { url: 'wss://api.example.com/' } };

describe('telemetry event JSON Schema', () => {
  it('names itself and documents every field', () => {
    expect(jsonSchema).toMatchObject({ $id: TELEMETRY_SCHEMA_ID, title: expect.any(String), description: expect.any(String) });
    const undocumented: string[] = [];
    const walk = (node: Record<string, unknown>, path: string): void => {
      for (const [name, child] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        if (typeof child.description !== 'string' || child.description.length === 0) undocumented.push(`${path}${name}`);
        walk(child, `${path}${name}.`);
      }
    };
    walk(jsonSchema, '');
    expect(undocumented).toEqual([]);
  });

  it.each([
    ['RFC 3339 with Z', '2026-11-25T09:00:04.250Z', Date.UTC(2026, 10, 25, 9, 0, 4, 250)],
    ['RFC 3339 with offset and microseconds', '2026-11-25T10:00:04.250123+01:00', Date.UTC(2026, 10, 25, 9, 0, 4, 250)],
    ['epoch seconds', 1764061204, 1764061204000],
    ['epoch seconds with a fraction (time.time())', 1764061204.25, 1764061204250],
    ['epoch milliseconds', 1764061204250, 1764061204250],
    ['the first epoch millisecond counted as such', EPOCH_MS_FROM, EPOCH_MS_FROM],
    ['the last storable instant', MAX_TS_MS, MAX_TS_MS],
  ])('accepts ts as %s, in both', (_label, ts, epochMs) => {
    const input = { ...base, ts };
    expect(validate(input)).toBe(true);
    const parsed = telemetryEventSchema.safeParse(input);
    expect(parsed.success && parsed.data.ts).toBe(epochMs);
  });

  it.each([
    ['no offset (would be read in local time)', '2026-11-25T09:00:04'],
    ['a date only', '2026-11-25'],
    ['RFC 2822', 'Wed, 25 Nov 2026 09:00:04 GMT'],
    ['between the seconds and milliseconds ranges', 5e10],
    ['negative', -1],
    ['fractional milliseconds', 1764061204250.5],
    ['after 2106', MAX_TS_MS + 1],
  ])('refuses ts as %s, in both', (_label, ts) => {
    const input = { ...base, ts };
    expect(validate(input)).toBe(false);
    expect(telemetryEventSchema.safeParse(input).success).toBe(false);
  });

  it('agrees with the validator on every corpus and held-out event', () => {
    const { samples } = loadCorpus();
    expect(samples.length).toBeGreaterThan(200);
    // The corpus loader hands over validated output; the input form is what emitters wrote, ts as RFC 3339.
    for (const sample of samples) expect(validate({ ...sample.event, ts: new Date(sample.event.ts).toISOString() }), sample.event.event_id).toBe(true);
  });
});
