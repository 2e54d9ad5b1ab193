// In-memory implementations of the pipeline's seams (source, publisher, sink) for unit tests of the
// delivery contract. They record every step in one shared journal, so a test can check the order.
import { sampleTraffic } from '../../ingest/sample-traffic.js';
import type { SinkResult } from '../../ingest/deliver-batch.js';
import type { PendingRow } from '../../ingest/prepare-batch.js';
import type { DeliveryControl, OutgoingRecord, PartitionOffset, RecordPublisher, RecordSource, SourceRecord } from '../../ingest/record-source.js';

export type Step = { kind: 'write-attempt' | 'write-ack'; ids: string[] } | { kind: 'dead-letters'; offsets: string[] } | { kind: 'commit'; offsets: PartitionOffset[] };

export class Journal {
  readonly steps: Step[] = [];
  of<K extends Step['kind']>(kind: K): Array<Extract<Step, { kind: K }>> {
    return this.steps.filter((s): s is Extract<Step, { kind: K }> => s.kind === kind);
  }
}

export const codedError = (code: string, retriable: boolean) => Object.assign(new Error(`${code} (fake)`), { code, retriable });

/** Sink that fails as told: `failures` transient errors first, then acknowledges; `reject` ids are refused for good. */
export function fakeSink(journal: Journal, options: { failures?: number; permanent?: boolean; reject?: Set<string>; gate?: () => Promise<void> } = {}) {
  let failuresLeft = options.failures ?? 0;
  const stored: string[] = [];
  return {
    stored,
    async write(rows: ReadonlyArray<PendingRow<SourceRecord>>): Promise<SinkResult<SourceRecord>> {
      const ids = rows.map((r) => r.eventId);
      journal.steps.push({ kind: 'write-attempt', ids });
      await options.gate?.();
      if (options.permanent) throw codedError('CH_SOMETHING_PERMANENT', false);
      if (failuresLeft > 0) {
        failuresLeft--;
        throw codedError('CH_UNAVAILABLE', true);
      }
      const rejected = rows.filter((r) => options.reject?.has(r.eventId)).map((r) => ({ ref: r.ref, detail: 'Code: 131 (fake)' }));
      const accepted = ids.filter((id) => !options.reject?.has(id));
      stored.push(...accepted);
      journal.steps.push({ kind: 'write-ack', ids: accepted });
      return { inserted: accepted.length, duplicates: 0, rejected };
    },
  };
}

export function fakePublisher(journal: Journal, options: { failures?: number } = {}): RecordPublisher & { published: OutgoingRecord[] } {
  let failuresLeft = options.failures ?? 0;
  const published: OutgoingRecord[] = [];
  return {
    published,
    async publish(_topic, records) {
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new Error('broker not available (fake)');
      }
      published.push(...records);
      journal.steps.push({ kind: 'dead-letters', offsets: records.map((r) => String(r.headers?.['wsdiag.source.offset'])) });
    },
    async disconnect() {},
  };
}

/** Source over a fixed list of records; `push` hands records to the pipeline as one fetch would. */
export function fakeSource(journal: Journal, topic = 't') {
  let deliver: ((records: SourceRecord[], control: DeliveryControl) => Promise<void>) | undefined;
  const committed = new Map<number, bigint>();
  const ends = new Map<number, bigint>();
  const state = { paused: false, disconnected: false, heartbeats: 0 };
  const source: RecordSource & { push(records: SourceRecord[]): Promise<void>; state: typeof state; started: Promise<void> } = {
    state,
    started: Promise.resolve(),
    async start(d) {
      deliver = d;
    },
    async push(records) {
      for (const r of records) ends.set(r.partition, BigInt(r.offset) + 1n > (ends.get(r.partition) ?? 0n) ? BigInt(r.offset) + 1n : ends.get(r.partition)!);
      if (!deliver) throw new Error('not started');
      await deliver(records, { heartbeat: async () => void state.heartbeats++ });
    },
    async commit(offsets) {
      journal.steps.push({ kind: 'commit', offsets });
      for (const o of offsets) committed.set(o.partition, BigInt(o.offset));
    },
    async lag() {
      return [...ends].map(([partition, end]) => ({ partition, endOffset: String(end), lowOffset: '0', committedOffset: committed.has(partition) ? String(committed.get(partition)) : '-1' }));
    },
    isConnected: () => !state.disconnected,
    failure: () => undefined,
    async pause() {
      state.paused = true;
    },
    async disconnect() {
      state.disconnected = true;
    },
  };
  void topic;
  return source;
}

/** Sample records as a source would hand them over: round-robin over `partitions`, offsets per partition. */
export function sampleRecords(count: number, options: { partitions?: number; invalidRatio?: number; topic?: string } = {}): SourceRecord[] {
  const partitions = options.partitions ?? 1;
  const next = new Array<number>(partitions).fill(0);
  return sampleTraffic({ count, seed: 11, invalidRatio: options.invalidRatio ?? 0, startMs: 1_764_000_000_000 }).map((r, i) => {
    const partition = i % partitions;
    return { topic: options.topic ?? 't', partition, offset: String(next[partition]!++), key: Buffer.from(r.key), value: r.value, headers: {} };
  });
}
