// The streaming job: decode → validate → classify → buffer → write (ClickHouse + dead letters) → commit.
// Offsets are committed only after ClickHouse and the dead-letter topic acknowledged the batch.
import type { Logger } from 'pino';
import type { Classification } from '../schemas/classification.js';
import type { TelemetryEvent } from '../schemas/telemetry-event.js';
import type { Config } from './config.js';
import { decodeRecord } from './decode-record.js';
import { toDeadLetterRecord, type DeadLetter } from './dead-letter.js';
import { toEventRow } from './event-row.js';
import { createEventSink, type PendingRow } from './clickhouse-sink.js';
import { ClickHouseError } from './clickhouse-client.js';
import type { Metrics } from './metrics.js';
import type { DeliveryControl, PartitionOffset, RecordPublisher, RecordSource, SourceFailure, SourceRecord } from './record-source.js';
import type { SqlRunner } from './sql-runner.js';
import { retry } from './retry.js';

export interface PipelineParts {
  config: Config;
  source: RecordSource;
  publisher: RecordPublisher;
  runner: SqlRunner;
  classify(event: TelemetryEvent): Classification;
  classifierVersion: string;
  metrics: Metrics;
  logger: Logger;
  now?: () => number;
}

interface Batch {
  rows: PendingRow<SourceRecord>[];
  deadLetters: DeadLetter[];
  /** Last record taken per "topic\u0000partition"; its offset + 1 is committed after the write. */
  positions: Map<string, SourceRecord>;
  records: number;
  startedAtMs: number;
}

const emptyBatch = (now: number): Batch => ({ rows: [], deadLetters: [], positions: new Map(), records: 0, startedAtMs: now });

export function createPipeline(parts: PipelineParts) {
  const { config, source, publisher, runner, metrics, logger } = parts;
  const now = parts.now ?? Date.now;
  const log = logger.child({ stage: 'pipeline' });
  const sink = createEventSink(runner, config.WSDIAG_CLICKHOUSE_DATABASE);
  let batch = emptyBatch(now());
  let flushing: Promise<void> = Promise.resolve();
  let stopping = false;
  let clickhouseWritable = true;
  let control: DeliveryControl = { heartbeat: async () => {} };

  function accept(record: SourceRecord): void {
    metrics.recordsConsumed.inc();
    batch.records++;
    batch.positions.set(`${record.topic}\u0000${record.partition}`, record);
    const decoded = decodeRecord(record.value, config.WSDIAG_MAX_RECORD_BYTES);
    if (!decoded.ok) {
      batch.deadLetters.push({ record, reason: decoded.reason, detail: decoded.detail });
      return;
    }
    const result = parts.classify(decoded.event);
    const position = { topic: record.topic, partition: record.partition, offset: record.offset };
    batch.rows.push({ row: toEventRow(decoded.event, result, position, now(), parts.classifierVersion), ref: record });
  }

  /** Retries transient failures until they pass; the consumer heartbeats meanwhile, fetching waits. */
  function persistently<T>(what: string, run: () => Promise<T>): Promise<T> {
    return retry(run, {
      initialMs: config.WSDIAG_RETRY_INITIAL_MS,
      maxMs: config.WSDIAG_RETRY_MAX_MS,
      isRetriable: (error) => !(error instanceof ClickHouseError) || error.retriable,
      onRetry: async (error, attempt, delayMs) => {
        if (what === 'insert') {
          clickhouseWritable = false;
          metrics.insertFailures.inc({ code: error instanceof ClickHouseError ? error.code : 'UNKNOWN' });
        }
        log.warn({ what, attempt, delay_ms: delayMs, err: { message: String((error as Error).message).slice(0, 300) } }, `${what} failed, retrying`);
        await control.heartbeat().catch(() => undefined);
      },
    });
  }

  /**
   * A long write (a batch being bisected around rejected rows, a slow server) must not outlast the
   * consumer session: otherwise the group evicts this member, the commit fails and the batch is read again.
   */
  async function whileHeartbeating<T>(run: () => Promise<T>): Promise<T> {
    const everyMs = Math.max(500, Math.floor(config.WSDIAG_KAFKA_SESSION_TIMEOUT_MS / 4));
    const timer = setInterval(() => void control.heartbeat().catch(() => undefined), everyMs);
    try {
      return await run();
    } finally {
      clearInterval(timer);
    }
  }

  async function writeBatch(current: Batch): Promise<void> {
    if (current.records === 0) return;
    metrics.batchRows.observe(current.records);
    const stopTimer = metrics.insertSeconds.startTimer();
    const written = await whileHeartbeating(() => persistently('insert', () => sink.write(current.rows)));
    stopTimer();
    clickhouseWritable = true;
    metrics.rowsInserted.inc(written.inserted);
    metrics.duplicatesSkipped.inc(written.duplicates);
    for (const { row } of current.rows) metrics.eventsClassified.inc({ attribution: String(row.attribution), cause: String(row.cause) });
    const deadLetters = [
      ...current.deadLetters,
      ...written.rejected.map(({ ref, detail }) => ({ record: ref, reason: 'rejected_by_clickhouse' as const, detail })),
    ];
    for (const d of deadLetters) metrics.deadLetters.inc({ reason: d.reason });
    await persistently('dead-letter publish', () => publisher.publish(config.WSDIAG_DLQ_TOPIC, deadLetters.map(toDeadLetterRecord)));
    try {
      await source.commit([...current.positions.values()].map(nextOffset));
      metrics.lastCommitSeconds.set(now() / 1000);
    } catch (error) {
      // Typically a rebalance took the partition away: its next owner re-reads, and the sink drops the repeats.
      log.warn({ err: { message: String((error as Error).message) } }, 'offset commit failed; the records will be re-read and deduplicated');
    }
    log.debug({ records: current.records, inserted: written.inserted, duplicates: written.duplicates, dead_letters: deadLetters.length }, 'batch flushed');
  }

  /**
   * Starts writing the current batch. Writes are serialised (batches commit strictly in order);
   * resolves `previous` when the batch before this one is written, so one batch fills while one writes.
   */
  function flush(): { previous: Promise<void>; written: Promise<void> } {
    const current = batch;
    batch = emptyBatch(now());
    const previous = flushing;
    // A batch that cannot be written stops the job uncommitted: a restart re-reads it, nothing is skipped.
    flushing = previous.then(() => (failure === undefined ? writeBatch(current) : undefined)).catch((error) => {
      failure ??= error;
      stopping = true;
      log.error({ err: { message: String((error as Error).message) } }, 'batch could not be written; stopping without commit');
    });
    return { previous, written: flushing };
  }

  async function deliver(records: SourceRecord[], deliveryControl: DeliveryControl): Promise<void> {
    control = deliveryControl;
    for (const record of records) {
      accept(record);
      // Backpressure: at most one batch writing and one filling; fetching waits while ClickHouse is behind.
      if (batch.records >= config.WSDIAG_BATCH_MAX_ROWS) await flush().previous;
    }
  }

  let inFlightDelivery: Promise<void> = Promise.resolve();
  let failure: unknown;

  const isReady = () => source.isConnected() && clickhouseWritable && !stopping;

  async function shutdown(): Promise<void> {
    stopping = true;
    await source.pause();
    await inFlightDelivery.catch(() => undefined);
    if (failure === undefined) await flush().written;
    await source.disconnect();
    await publisher.disconnect();
    log.info('stopped after flushing and committing');
  }

  return {
    isReady,

    /** Consumes until `stop()`; with `drain`, stops by itself once the group has caught up. */
    async run({ drain }: { drain: boolean }): Promise<void> {
      const timer = setInterval(() => {
        if (batch.records > 0 && now() - batch.startedAtMs >= config.WSDIAG_BATCH_FLUSH_MS) flush();
      }, Math.max(10, Math.floor(config.WSDIAG_BATCH_FLUSH_MS / 4)));
      await source.start((records, deliveryControl) => (inFlightDelivery = deliver(records, deliveryControl)));
      log.info({ topic: config.WSDIAG_TOPIC, group: config.WSDIAG_KAFKA_GROUP_ID }, 'consuming');
      try {
        while (!stopping) {
          await new Promise((resolve) => setTimeout(resolve, 250));
          const sourceFailure = source.failure();
          if (sourceFailure) {
            // Nothing more will be read: say so once, loudly, and end so an orchestrator restarts us.
            metrics.consumerFailures.inc({ code: sourceFailure.code });
            log.error({ code: sourceFailure.code, topic: sourceFailure.topic, positions: sourceFailure.positions, err: { message: sourceFailure.message } }, 'consumer stopped for good; exiting');
            failure ??= new SourceStoppedError(sourceFailure);
            stopping = true;
            break;
          }
          const lags = await source.lag().catch(() => undefined);
          metrics.ready.set(isReady() ? 1 : 0);
          if (!lags) continue;
          for (const l of lags) metrics.consumerLag.set({ partition: String(l.partition) }, lagOf(l));
          if (drain && batch.records === 0 && caughtUp(lags)) break;
        }
      } finally {
        clearInterval(timer);
        await shutdown();
      }
      if (failure !== undefined) throw failure;
    },

    /** Asks `run` to stop fetching, flush what is buffered, commit and disconnect. */
    stop(): void {
      stopping = true;
    },
  };
}

/** The error `run` ends with when the source stopped for good; carries the source's stable code. */
export class SourceStoppedError extends Error {
  readonly code: SourceFailure['code'];
  constructor(readonly failure: SourceFailure) {
    const where = failure.positions.map((p) => `${p.topic}[${p.partition}]@${p.offset}`).join(', ') || failure.topic;
    super(`${failure.code}: consumer stopped at ${where}: ${failure.message}`);
    this.code = failure.code;
  }
}

/** Kafka commits the offset to read next: last processed + 1 (offsets are 64-bit, hence BigInt). */
function nextOffset(record: SourceRecord): PartitionOffset {
  return { topic: record.topic, partition: record.partition, offset: (BigInt(record.offset) + 1n).toString() };
}

function lagOf(l: { endOffset: string; committedOffset: string; lowOffset: string }): number {
  const from = l.committedOffset === '-1' ? l.lowOffset : l.committedOffset;
  return Math.max(0, Number(BigInt(l.endOffset) - BigInt(from)));
}

/** Every partition's committed offset has reached its end offset (an empty partition counts as caught up). */
export function caughtUp(lags: ReadonlyArray<{ endOffset: string; committedOffset: string; lowOffset: string }>): boolean {
  return lags.every((l) => (l.committedOffset === '-1' ? l.endOffset === l.lowOffset : BigInt(l.committedOffset) >= BigInt(l.endOffset)));
}
