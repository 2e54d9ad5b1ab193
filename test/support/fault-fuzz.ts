// Hostile and fuzzed telemetry for fault 6, generated from a seed (same seed, same bytes).
// Pure: no I/O. The pipeline's own decodeRecord is the oracle for what each record should become.
import { decodeRecord } from '../../ingest/decode-record.js';
import { sampleTraffic, seededRandom } from '../../ingest/sample-traffic.js';

export interface FuzzRecord {
  key: string;
  value: Buffer;
  kind: string;
}

const MiB = 1024 * 1024;

/** 1 000 records that must all be dead-lettered: one shape per index, cycling through the kinds. */
export function hostileRecords(count = 1_000, seed = 6): FuzzRecord[] {
  const base = sampleTraffic({ count, seed, invalidRatio: 0, startMs: Date.parse('2026-11-24T18:00:00.000Z') });
  const shapes: Array<[string, (event: Record<string, unknown>, i: number) => Buffer]> = [
    ['not_json', (_, i) => Buffer.from(['hello', '{', '[1,2', 'nul', '{"event_id":', "{'single':'quotes'}", 'NaN', ''][i % 8] + ` ${i}`)],
    ['wrong_types', (e) => json({ ...e, event_id: 12345, ts: 'yesterday', source: 'client', outcome: 5 })],
    ['huge_value', (e, i) => (i % 50 === 2 ? json({ ...e, error: { message: 'A'.repeat(MiB) } }) : json({ ...e, error: { message: 'B'.repeat(9_000) } }))],
    ['deep_nesting', (e, i) => (i % 2 === 0 ? Buffer.from(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) : Buffer.from(`{"event_id":"deep-${i}","labels":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`))],
    ['invalid_utf8', (e) => Buffer.concat([Buffer.from(JSON.stringify(e).slice(0, -2)), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('"}')])],
    ['nul_bytes', (e, i) => (i % 2 === 0 ? Buffer.alloc(64) : Buffer.from(JSON.stringify(e).replace('"event_id":"', '"event_id":"\u0000'), 'utf8'))],
    ['proto_keys', (e, i) => Buffer.from(`{"__proto__":{"polluted":true,"event_id":"p-${i}"},"constructor":{"prototype":{"polluted":true}},"ts":${JSON.stringify(e.ts)},"outcome":"failed"}`)],
    ['empty', () => Buffer.alloc(0)],
  ];
  return base.map((r, i) => {
    const [kind, make] = shapes[i % shapes.length]!;
    return { key: `hostile-${i}`, value: make(JSON.parse(r.value.toString()) as Record<string, unknown>, i), kind };
  });
}

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

type Mutation = (value: Buffer, r: () => number) => Buffer;

const flipBytes: Mutation = (value, r) => {
  const out = Buffer.from(value);
  const flips = 1 + Math.floor(r() * 3);
  for (let k = 0; k < flips; k++) {
    const at = Math.floor(r() * out.length);
    out[at] = (out[at] ?? 0) ^ (1 + Math.floor(r() * 255));
  }
  return out;
};
const truncate: Mutation = (value, r) => value.subarray(0, Math.floor(r() * value.length));

function paths(node: unknown, prefix: string[] = []): string[][] {
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
}
function mutateJson(value: Buffer, r: () => number, change: (parent: Record<string, unknown>, key: string, r: () => number) => void): Buffer {
  const event = JSON.parse(value.toString()) as Record<string, unknown>;
  const all = paths(event);
  const path = all[Math.floor(r() * all.length)]!;
  let parent = event;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string, unknown>;
  change(parent, path[path.length - 1]!, r);
  return json(event);
}
const deleteField: Mutation = (value, r) => mutateJson(value, r, (parent, key) => delete parent[key]);
const swapType: Mutation = (value, r) =>
  mutateJson(value, r, (parent, key, rr) => {
    const current = parent[key];
    const choices: unknown[] = [null, 0, -1, 1e308, 'text', '', true, [], {}, [current], { v: current }, String(current), Number(current)];
    parent[key] = choices[Math.floor(rr() * choices.length)];
  });
const hugeString: Mutation = (value, r) =>
  mutateJson(value, r, (parent, key, rr) => {
    parent[key] = 'Z'.repeat([300, 9_000, 70_000, 300_000][Math.floor(rr() * 4)]!);
  });

/** Weighted mutations; weights sum to 100. "keep" leaves a valid event valid. */
const mutations: ReadonlyArray<readonly [number, string, Mutation | undefined]> = [
  [30, 'flip', flipBytes],
  [15, 'truncate', truncate],
  [20, 'delete_field', deleteField],
  [22, 'swap_type', swapType],
  [1, 'huge_string', hugeString],
  [12, 'keep', undefined],
];

/**
 * `count` records, each mutated from its own valid base event. A mutation that would leave a valid
 * event sharing its event_id with a different valid record is redrawn, so "the first copy stands"
 * never depends on the order partitions are consumed in.
 */
export function fuzzRecords(count: number, seed: number): FuzzRecord[] {
  const base = sampleTraffic({ count, seed, invalidRatio: 0, startMs: Date.parse('2026-11-24T20:00:00.000Z') });
  const r = seededRandom(seed ^ 0x5eed);
  const owners = new Map<string, number>();
  return base.map((record, i) => {
    for (;;) {
      let roll = r() * 100;
      const [, kind, mutate] = mutations.find(([w]) => (roll -= w) < 0) ?? mutations[0]!;
      const value = mutate ? mutate(record.value, r) : record.value;
      const decoded = decodeRecord(value, 262_144);
      if (decoded.ok) {
        const owner = owners.get(decoded.event.event_id);
        if (owner !== undefined && owner !== i) continue;
        owners.set(decoded.event.event_id, i);
      }
      return { key: `fuzz-${i}`, value, kind };
    }
  });
}
