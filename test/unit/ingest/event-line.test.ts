// Contract: the direct line encoder (event-line.ts) writes exactly what the reference path writes,
// tsvLineEncoder(eventColumns)(toEventRow(…)): the same columns in the DDL's order, the same escaping.
// Checked on an event with every field set to a value no other column holds (so a swapped or missing
// column shows), on awkward text, on sample traffic and on every valid event among the fixtures.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify, CLASSIFIER_VERSION } from '../../../analyzers/classify.js';
import type { Classification } from '../../../schemas/classification.js';
import { eventColumns } from '../../../schemas/clickhouse/events-table.js';
import { checkTelemetryEvent } from '../../../schemas/telemetry-event-check.js';
import { telemetryEventSchema, type TelemetryEvent } from '../../../schemas/telemetry-event.js';
import { eventLine, lineContext } from '../../../ingest/event-line.js';
import { toEventRow, type RecordPosition } from '../../../ingest/event-row.js';
import { sampleTraffic } from '../../../ingest/sample-traffic.js';
import { tsvLineEncoder } from '../../../ingest/tsv.js';

const reference = tsvLineEncoder(eventColumns);
const INGESTED_MS = Date.UTC(2026, 10, 25, 9, 1, 2, 345);

function bothLines(event: TelemetryEvent, result: Classification = classify(event), position: RecordPosition = { topic: 'ws.telemetry', partition: 4, offset: '9007199254740993' }) {
  return {
    direct: eventLine(event, result, position, lineContext(INGESTED_MS, CLASSIFIER_VERSION)),
    reference: reference(toEventRow(event, result, position, INGESTED_MS, CLASSIFIER_VERSION)),
  };
}

const everyField = telemetryEventSchema.parse({
  event_id: 'id-1',
  ts: 1764061204250,
  connection_id: 'conn-2',
  outcome: 'failed',
  source: { kind: 'proxy', service: 'svc-3', instance: 'inst-4', region: 'reg-5', runtime: 'golang 1.23', user_agent: 'ua-6' },
  target: { url: 'wss://Host-7.example:8443/p' },
  handshake: { status: 426, request_extensions: 'req-ext-8', response_extensions: 'resp-ext-9', required_extensions: ['rq-10', "it's"] },
  tls: {
    version: 'TLSv1.2',
    alert: 'alert-11',
    alert_direction: 'received',
    verify_code: 'verify-12',
    peer_certificate: { subject: 'CN=subj-13', issuer: 'CN=iss-14', not_before: 1_700_000_001_000, not_after: 1_800_000_002_000, self_signed: true },
    chain_length: 3,
    chain: [
      { subject: 'CN=c-15', issuer: 'CN=c-16', not_before: 1_600_000_003_000, not_after: 1_900_000_004_000, self_signed: false },
      { subject: 'CN=c-17', issuer: 'CN=c-17', not_after: 1_950_000_005_000, self_signed: true },
    ],
  },
  close: { code: 1010, reason: 'reason-18', initiator: 'server', on_wire: false },
  error: { name: 'name-19', code: -9814, message: 'message-20' },
});

const awkward = telemetryEventSchema.parse({
  ...everyField,
  event_id: 'tab\there',
  connection_id: 'back\\slash',
  source: { kind: 'client', service: 'line\nbreak', runtime: '  ', user_agent: 'Mozilla/5.0 (X11) Chrome/131.0 Safari/537.36', instance: 'cr\r' },
  handshake: { required_extensions: ['a\tb', 'c\\d', "e'f"] },
  tls: { alert: 47, verify_code: 10, peer_certificate: { subject: 'CN=ünïcode → ✓', not_after: '2026-11-25T09:00:00Z' } },
  error: { message: 'évidence "quoted"\t→' },
});

function* fixtureEvents(dir = fileURLToPath(new URL('../../fixtures/', import.meta.url))): Generator<TelemetryEvent> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* fixtureEvents(path);
    else if (name.endsWith('.ndjson')) {
      for (const line of readFileSync(path, 'utf8').split('\n')) if (line.trim()) yield* nestedEvents(JSON.parse(line));
    } else if (name.endsWith('.json')) yield* nestedEvents(JSON.parse(readFileSync(path, 'utf8')));
  }
}

function* nestedEvents(value: unknown): Generator<TelemetryEvent> {
  const event = checkTelemetryEvent(value);
  if (event) yield event;
  else if (typeof value === 'object' && value !== null) for (const child of Object.values(value)) yield* nestedEvents(child);
}

describe('eventLine', () => {
  it('writes every column of an event with every field set, in eventColumns order', () => {
    const { direct, reference } = bothLines(everyField);
    expect(direct).toBe(reference);
    const fields = direct.split('\t');
    expect(fields).toHaveLength(eventColumns.length);
    const at = (name: string) => fields[eventColumns.findIndex(([column]) => column === name)];
    expect(at('connection_id')).toBe('conn-2');
    expect(at('runtime_family')).toBe('go');
    expect(at('target_host')).toBe('host-7.example');
    expect(at('required_extensions')).toBe("['rq-10','it\\'s']");
    expect(at('chain_subject')).toBe("['CN=c-15','CN=c-17']");
    expect(at('chain_not_before')).toBe("['1600000003','0000000000']");
    expect(at('chain_self_signed')).toBe('[0,1]');
    expect(at('kafka_offset')).toBe('9007199254740993');
    expect(at('ingested_at')).toBe(String(Math.floor(INGESTED_MS / 1000)));
  });

  it('escapes as the reference does (tabs, newlines, backslashes, quotes in arrays, non-ASCII)', () => {
    const { direct, reference } = bothLines(awkward);
    expect(direct).toBe(reference);
    expect(direct.split('\t')).toHaveLength(eventColumns.length);
  });

  it('takes the runtime family from the User-Agent when the runtime names no stack', () => {
    const line = bothLines(awkward).direct.split('\t');
    expect(line[eventColumns.findIndex(([c]) => c === 'runtime_family')]).toBe('chrome');
  });

  it('equals the reference on sample traffic and on every valid event among the fixtures', () => {
    const sample = sampleTraffic({ count: 5000, seed: 11, invalidRatio: 0, startMs: Date.parse('2026-11-25T00:00:00Z') });
    const events = [...sample.map((r) => checkTelemetryEvent(JSON.parse(r.value.toString('utf8')))!), ...fixtureEvents()];
    expect(events.length).toBeGreaterThan(5500);
    const mismatches = events.filter((e) => {
      const { direct, reference } = bothLines(e);
      return direct !== reference;
    });
    expect(mismatches.map((e) => e.event_id).slice(0, 5)).toEqual([]);
    // It classifies every fixture event (each blind set adds ~300): a budget for a loaded CI machine, not a speed check.
  }, 60_000);
});
