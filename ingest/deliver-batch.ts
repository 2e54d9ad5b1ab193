// The delivery contract in one place: write the rows → publish the dead letters → commit the offsets.
// A transient failure is retried (heartbeating meanwhile) and nothing is committed until both writes
// were acknowledged; a permanent one is thrown uncommitted, so a restart re-reads the batch.
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

export interface DeliveryReport {
  inserted: number;
  duplicates: number;
  deadLetters: DeadLetter[];
  /** False when the commit failed (a rebalance took the partition): its next owner re-reads. */
  committed: boolean;
  commitError?: string;
}

export async function deliverBatch(batch: PreparedBatch, seams: DeliverySeams, policy: DeliveryPolicy): Promise<DeliveryReport> {
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

  const written = batch.rows.length > 0 ? await whileHeartbeating(seams, policy.heartbeatEveryMs, () => persistently('write', () => seams.write(batch.rows))) : { inserted: 0, duplicates: 0, rejected: [] };
  const deadLetters = [...batch.deadLetters, ...written.rejected.map(({ ref, detail }) => ({ record: ref, reason: 'rejected_by_clickhouse' as const, detail }))];
  if (deadLetters.length > 0) await persistently('dead-letters', () => seams.publishDeadLetters(deadLetters.map(toDeadLetterRecord)));
  const report = { inserted: written.inserted, duplicates: written.duplicates, deadLetters };
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
