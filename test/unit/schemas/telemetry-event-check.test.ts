// The hand-written check on the hot path ≡ telemetryEventSchema (zod): identical accept/reject and
// identical output (values, key order, -0) on every JSON value of every fixture, on sample traffic and on
// records mutated by a seeded fuzzer that aims at the schema's keys, types and boundaries.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sampleTraffic, seededRandom } from '../../../ingest/sample-traffic.js';
import { checkTelemetryEvent } from '../../../schemas/telemetry-event-check.js';
import { EPOCH_MS_FROM, MAX_TS_MS, MAX_TS_SECONDS, telemetryEventJsonSchema, telemetryEventSchema } from '../../../schemas/telemetry-event.js';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** Mismatches between the two validators, described (empty when they agree). */
function disagreements(values: Iterable<unknown>): { checked: number; accepted: number; mismatches: string[] } {
  let checked = 0;
  let accepted = 0;
  const mismatches: string[] = [];
  for (const value of values) {
    checked++;
    const zod = telemetryEventSchema.safeParse(value);
    const hand = checkTelemetryEvent(value);
    if (zod.success) accepted++;
    const same = zod.success ? hand !== undefined && JSON.stringify(hand) === JSON.stringify(zod.data) && sameValues(hand, zod.data) : hand === undefined;
    if (!same && mismatches.length < 5) mismatches.push(`${JSON.stringify(value)?.slice(0, 2000)} zod ${zod.success ? 'accepts' : 'rejects'}, check ${hand === undefined ? 'rejects' : 'accepts'}`);
  }
  return { checked, accepted, mismatches };
}

/** Deep equality with Object.is on leaves (JSON.stringify writes -0 as 0). */
function sameValues(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameValues((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Every JSON value of every .ndjson/.json fixture, and every value nested in them (events sit inside corpus lines). */
function* fixtureValues(dir = fixtures): Generator<unknown> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* fixtureValues(path);
    else if (name.endsWith('.ndjson')) {
      for (const line of readFileSync(path, 'utf8').split('\n')) if (line.trim()) yield* nested(JSON.parse(line));
    } else if (name.endsWith('.json')) yield* nested(JSON.parse(readFileSync(path, 'utf8')));
  }
}

function* nested(value: unknown): Generator<unknown> {
  yield value;
  if (typeof value === 'object' && value !== null) for (const child of Object.values(value)) yield* nested(child);
}

const sample = sampleTraffic({ count: 20_000, seed: 7, invalidRatio: 0.05, startMs: Date.parse('2026-11-25T00:00:00Z') });
const sampleValues = sample.flatMap((r) => {
  try {
    return [JSON.parse(r.value.toString('utf8')) as unknown];
  } catch {
    return [];
  }
});

/** Every property name the schema knows, so mutations hit real fields as often as unknown ones. */
function schemaKeys(): string[] {
  const keys = new Set<string>(['__proto__', 'constructor', 'unknown_field']);
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    for (const [k, v] of Object.entries(node)) {
      if (k === 'properties') for (const name of Object.keys(v as object)) keys.add(name);
      walk(v);
    }
  };
  walk(telemetryEventJsonSchema());
  return [...keys];
}

const boundaryLengths = [0, 1, 63, 64, 65, 128, 129, 255, 256, 257, 1024, 1025, 4096, 4097, 8192, 8193];
const boundaryNumbers = [
  0, -0, -1, 0.5, 1, 2, 45, 64, 65, 101, 255, 256, 999, 1000, 1006, 1010, 65535, 65536, 100000, 100001, 1e9 + 0.25, 1764061204, 1764061204.9995,
  MAX_TS_SECONDS, MAX_TS_SECONDS + 0.001, EPOCH_MS_FROM - 1, EPOCH_MS_FROM, EPOCH_MS_FROM + 0.5, MAX_TS_MS, MAX_TS_MS + 1, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e308, -1e-300,
];
const timestampTexts = [
  '2026-11-25T09:00:04.250Z', '2026-11-25t09:00:04z', '2026-11-25 09:00:04+01:00', '2026-11-25T09:00:04.123456789-05:30', '2026-11-25T09:00:04',
  '1970-01-01T00:00:00Z', '1969-12-31T23:59:59.999Z', '2106-02-07T06:28:15.999Z', '2106-02-07T06:28:16Z', '2026-02-30T00:00:00Z', '2026-13-01T00:00:00Z',
  '2026-11-25T24:00:00Z', '2026-11-25T09:00:60Z', '9999-12-31T23:59:59Z', '2026-11-25T09:00:04.250+24:00', 'yesterday', '',
];
const textValues = ['wss://api.example.com/socket', 'ws://h', 'WSS://H/x', 'wss://', 'wss:// h', 'https://h', 'client', 'server', 'proxy', 'probe', 'unknown', 'sent', 'received', 'connected', 'failed', 'closed', 'Closed', 'x', 'CERT_HAS_EXPIRED'];

/** An event with every field of the schema set, so mutations reach each one. */
const everyField = {
  event_id: 'e-full', ts: '2026-11-25T09:00:04.250+01:00', connection_id: 'c1', outcome: 'failed',
  source: { kind: 'client', service: 'feed', instance: 'i', region: 'r', runtime: 'node 20', user_agent: 'ua' },
  target: { url: 'wss://api.example.com/socket' },
  handshake: { status: 101, request_extensions: 'permessage-deflate', response_extensions: '', required_extensions: ['permessage-deflate'] },
  tls: {
    version: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256', alpn: 'http/1.1', alert: 45, alert_direction: 'received', verify_code: 'X509_V_ERR_CERT_HAS_EXPIRED',
    peer_certificate: { subject: 'CN=a', issuer: 'CN=b', not_before: 1764061204, not_after: 1764061204250, self_signed: false, san: ['DNS:a'] },
    chain_length: 2,
    chain: [{ subject: 'CN=a', issuer: 'CN=b', not_before: '2026-01-01T00:00:00Z', not_after: 1764061204.5, self_signed: false, san: [], ca: false, fingerprint_sha256: 'ab:cd' }],
  },
  close: { code: 1006, reason: 'r', initiator: 'unknown', on_wire: false },
  error: { name: 'Error', code: -9814, message: 'certificate has expired' },
  timing: { connect_ms: 1.5, tls_ms: 0, upgrade_ms: 2, total_ms: 3 },
  labels: { team: 'x' },
};

const timestampKeys = new Set(['ts', 'not_before', 'not_after']);
const pickFrom = (r: () => number) => <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** A value of a random kind, biased to the schema's boundaries; sometimes a subtree taken from another event. */
function randomValue(r: () => number, key: string, donorParts: readonly unknown[]): unknown {
  const pick = pickFrom(r);
  if (timestampKeys.has(key) && r() < 0.6) return r() < 0.5 ? pick(timestampTexts) : pick(boundaryNumbers);
  switch (Math.floor(r() * 10)) {
    case 0: return pick(boundaryNumbers);
    case 1: return pick(timestampTexts);
    case 2: return pick(textValues);
    case 3: return pick(['é', 'a']).repeat(pick(boundaryLengths));
    case 4: return pick([null, true, false, [], {}, [1], ['a'], [{}]]);
    case 5: {
      const item = pick<unknown>(['permessage-deflate', 'a'.repeat(256), 'a'.repeat(257), 'a'.repeat(1024), 'a'.repeat(1025), 1, {}]);
      return Array.from({ length: pick([0, 1, 15, 16, 17, 31, 32, 33, 255, 256, 257]) }, () => item);
    }
    case 6: return Math.floor(r() * 100) - 10 + pick([0, 0.5]);
    default: return structuredClone(pick(donorParts));
  }
}

/** Copies `event` and applies 1–4 mutations at random nodes: set a (known or unknown) key, delete one, or replace a node. */
function mutate(event: unknown, r: () => number, keys: readonly string[], donorParts: readonly unknown[]): unknown {
  const copy = structuredClone(event) as Record<string, unknown>;
  const pick = pickFrom(r);
  for (let n = 1 + Math.floor(r() * 4); n > 0; n--) {
    const nodes = [...nested(copy)].filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null);
    const node = pick(nodes);
    const existing = Object.keys(node);
    const key = Array.isArray(node) ? String(Math.floor(r() * (node.length + 1))) : r() < 0.5 && existing.length > 0 ? pick(existing) : pick(keys);
    if (r() < 0.15 && !Array.isArray(node)) delete node[key];
    // defineProperty, so a `__proto__` key becomes an own property as JSON.parse makes it.
    else Object.defineProperty(node, key, { value: randomValue(r, key, donorParts), enumerable: true, writable: true, configurable: true });
  }
  // Round-trip through JSON: the validators only ever see JSON.parse output.
  return JSON.parse(JSON.stringify(copy));
}

const fixtureList = [...fixtureValues()];

/** Every path in `value` (objects, arrays and leaves), as lists of keys. */
function paths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

/** `everyField` with the value at `path` replaced (undefined: the key removed). */
function withValue(path: string[], value: unknown): unknown {
  const copy = structuredClone(everyField) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = path.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return JSON.parse(JSON.stringify(copy));
}

/** Each field of `everyField` set in turn to every boundary value, and each list grown to the lengths around its limit. */
function oneFieldChanges(): unknown[] {
  const scalars = [...boundaryNumbers, ...timestampTexts, ...textValues, ...boundaryLengths.flatMap((n) => ['a'.repeat(n), 'é'.repeat(n)]), null, true, false, [], {}, undefined];
  return paths(everyField)
    .filter((path) => path.length > 0)
    .flatMap((path) => {
      const current = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], everyField);
      const grown = Array.isArray(current) && current.length > 0 ? [15, 16, 17, 31, 32, 33, 255, 256, 257].map((n) => Array<unknown>(n).fill(current[0])) : [];
      return [...scalars, ...grown].map((value) => withValue(path, value));
    });
}

describe('checkTelemetryEvent ≡ telemetryEventSchema', { timeout: 120_000 }, () => {
  it('agrees on every JSON value of every fixture (corpus, holdouts, schemas, snapshots)', () => {
    const result = disagreements(fixtureList);
    expect(result.mismatches).toEqual([]);
    expect(result.accepted).toBeGreaterThan(1000);
  });

  it('agrees on sample traffic, valid and invalid records', () => {
    const result = disagreements(sampleValues);
    expect(result.mismatches).toEqual([]);
    expect(result.accepted).toBe(sample.filter((s) => s.eventId !== undefined).length);
  });

  it('agrees with every field set to each boundary value in turn', () => {
    const result = disagreements(oneFieldChanges());
    expect(result.mismatches).toEqual([]);
    expect(result.accepted).toBeGreaterThan(result.checked * 0.1);
  });

  it('agrees on 10 000 mutated records (keys, types, lengths and numeric/time boundaries)', () => {
    const r = seededRandom(13);
    const keys = schemaKeys();
    const valid = [...sampleValues.slice(0, 1000), ...fixtureList, ...Array<unknown>(500).fill(everyField)].filter((v) => telemetryEventSchema.safeParse(v).success);
    const donorParts = valid.flatMap((v) => [...nested(v)]);
    const mutated = Array.from({ length: 10_000 }, () => mutate(valid[Math.floor(r() * valid.length)], r, keys, donorParts));
    const result = disagreements(mutated);
    expect(result.mismatches).toEqual([]);
    // The fuzzer must produce both kinds in quantity, or the agreement says little.
    expect(result.accepted).toBeGreaterThan(result.checked * 0.15);
    expect(result.checked - result.accepted).toBeGreaterThan(result.checked * 0.15);
  });

  it.each([
    ['a __proto__ label is skipped, as zod skips it', '{"event_id":"e","ts":1764061204,"outcome":"failed","source":{"kind":"client","service":"s"},"target":{"url":"wss://h"},"labels":{"__proto__":"x","a":"b"}}'],
    ['-0 epoch seconds stay -0', '{"event_id":"e","ts":-0,"outcome":"failed","source":{"kind":"client","service":"s"},"target":{"url":"wss://h"}}'],
    ['an overflowing number (Infinity) is rejected', '{"event_id":"e","ts":1e999,"outcome":"failed","source":{"kind":"client","service":"s"},"target":{"url":"wss://h"}}'],
    ['an error code beyond the safe integers is kept', '{"event_id":"e","ts":1764061204,"outcome":"failed","source":{"kind":"client","service":"s"},"target":{"url":"wss://h"},"error":{"code":1e300}}'],
  ])('%s', (_label, text) => {
    expect(disagreements([JSON.parse(text)]).mismatches).toEqual([]);
  });
});
