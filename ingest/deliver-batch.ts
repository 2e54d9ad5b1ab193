// The delivery contract in one place: write the rows and publish the dead letters → commit the offsets.
// A transient failure is retried (heartbeating meanwhile) and nothing is committed until both writes
// were acknowledged and the batch before has committed; a permanent one is thrown uncommitted, so a
// restart re-reads the batch. The two writes run at once, and the caller may start the next batch's
// write as soon as this one's rows are acknowledged (`order.written`): only commits are kept in order.
import type { DeadLetter } from './dead-letter.js';
import { toDeadLetterRecord } from './dead-letter.js';
import { errorMessage, isRetriable } from './errors.js';
import type { PendingRow, PreparedBatch } from './prepare-batch.js';
import type { OutgoingRecord, PartitionOffset, SourceRecord } from './record-source.js';
import { retry } from './retry.js';

export interface SinkResult<Ref> {
  inserted: number;
  duplicates: number;
  /** Rows ClickHouse rejected for good, with the server's message. */
  rejected: Array<{ ref: Ref; detail: string }>;
  /** The sink's work left after the acknowledgement (e.g. bookkeeping of what was stored); retried, and done before the commit. */
  finish?: () => Promise<void>;
}

/** The seams deliverBatch writes through; each throws errors with `{ code, retriable }` (errors.ts). */
export interface DeliverySeams {
  write(rows: ReadonlyArray<PendingRow<SourceRecord>>): Promise<SinkResult<SourceRecord>>;
  publishDeadLetters(records: OutgoingRecord[]): Promise<void>;
  commit(offsets: PartitionOffset[]): Promise<void>;
  /** Keeps the consumer's group membership alive while a write waits or retries. */
  heartbeat(): Promise<void>;
}

export interface DeliveryPolicy {
  retryInitialMs: number;
  retryMaxMs: number;
  heartbeatEveryMs: number;
  /** Told about every failed attempt before its backoff (for logs, metrics, readiness). */
  onRetry(stage: 'write' | 'dead-letters', error: unknown, attempt: number, delayMs: number): void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** How a batch's delivery is ordered against its neighbours'. */
export interface DeliveryOrder {
  /** Called once the rows are acknowledged (or there were none): the next batch's write may start. */
  written(): void;
  /** The delivery of the batch before: this batch commits only after it, and not at all if it failed. */
  previous: Promise<unknown>;
}

const alone: DeliveryOrder = { written: () => undefined, previous: Promise.resolve() };

export interface DeliveryReport {
  inserted: number;
  duplicates: number;
  deadLetters: DeadLetter[];
  /** False when the commit failed (a rebalance took the partition): its next owner re-reads. */
  committed: boolean;
  commitError?: string;
}

export async function deliverBatch(batch: PreparedBatch, seams: DeliverySeams, policy: DeliveryPolicy, order: DeliveryOrder = alone): Promise<DeliveryReport> {
  const persistently = <T>(stage: 'write' | 'dead-letters', run: () => Promise<T>) =>
    retry(run, {
      initialMs: policy.retryInitialMs,
      maxMs: policy.retryMaxMs,
      isRetriable,
      onRetry: async (error, attempt, delayMs) => {
        policy.onRetry(stage, error, attempt, delayMs);
        await seams.heartbeat().catch(() => undefined);
      },
      ...(policy.sleep ? { sleep: policy.sleep } : {}),
      ...(policy.random ? { random: policy.random } : {}),
    });

  const publish = (letters: readonly DeadLetter[]) => (letters.length > 0 ? persistently('dead-letters', () => seams.publishDeadLetters(letters.map(toDeadLetterRecord))) : Promise.resolve());
  const store = async (): Promise<SinkResult<SourceRecord>> => {
    if (batch.rows.length === 0) return order.written(), { inserted: 0, duplicates: 0, rejected: [] };
    const written = await whileHeartbeating(seams, policy.heartbeatEveryMs, () => persistently('write', () => seams.write(batch.rows)));
    order.written();
    if (written.finish) await whileHeartbeating(seams, policy.heartbeatEveryMs, () => persistently('write', written.finish!));
    return written;
  };
  // Both settle before either failure is thrown: no retry loop is left running behind a stopped job.
  const [stored, published] = await Promise.allSettled([store(), publish(batch.deadLetters)]);
  if (stored.status === 'rejected') throw stored.reason;
  if (published.status === 'rejected') throw published.reason;
  const written = stored.value;
  const rejected = written.rejected.map(({ ref, detail }) => ({ record: ref, reason: 'rejected_by_clickhouse' as const, detail }));
  await publish(rejected);
  const report = { inserted: written.inserted, duplicates: written.duplicates, deadLetters: [...batch.deadLetters, ...rejected] };
  // Offsets commit in batch order: a later batch's offsets must not be overwritten by an earlier one's,
  // nor committed past a batch that could not be delivered.
  await order.previous;
  if (batch.offsets.length === 0) return { ...report, committed: true };
  try {
    await seams.commit(batch.offsets);
    return { ...report, committed: true };
  } catch (error) {
    return { ...report, committed: false, commitError: errorMessage(error) };
  }
}

/**
 * A long write (a batch bisected around rejected rows, a slow server) must not outlast the consumer
 * session: otherwise the group evicts this member, the commit fails and the batch is read again.
 */
async function whileHeartbeating<T>(seams: DeliverySeams, everyMs: number, run: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => void seams.heartbeat().catch(() => undefined), everyMs);
  try {
    return await run();
  } finally {
    clearInterval(timer);
  }
}
