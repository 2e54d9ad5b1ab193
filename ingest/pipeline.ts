// The streaming job's loop. An event's whole path is `processBatch`: prepareBatch (decode → validate →
// classify → row; pure) then deliverBatch (write → dead letters → commit). The loop around it only
// schedules: batching by size and age, backpressure, heartbeats, drain detection and shutdown.
import type { Logger } from 'pino';
import type { Classification } from '../schemas/classification.js';
import type { TelemetryEvent } from '../schemas/telemetry-event.js';
import type { Config } from './config.js';
import { deliverBatch, type DeliveryPolicy, type DeliveryReport, type DeliverySeams, type SinkResult } from './deliver-batch.js';
import { errorCode, errorMessage } from './errors.js';
import type { Metrics } from './metrics.js';
import { prepareBatch, type PendingRow, type PrepareContext, type PreparedBatch } from './prepare-batch.js';
import type { RollupBuilder } from './rollup-builder.js';
import type { DeliveryControl, PartitionOffset, RecordPublisher, RecordSource, SourceFailure, SourceRecord } from './record-source.js';

/** Where rows go; throws errors with `{ code, retriable }` (errors.ts). */
export interface EventSink {
  write(rows: ReadonlyArray<PendingRow<SourceRecord>>): Promise<SinkResult<SourceRecord>>;
  /** Starts the look-up for rows that `write` will get next, while the write before them runs. */
  lookAhead?(rows: ReadonlyArray<PendingRow<SourceRecord>>): void;
}

export interface PipelineParts {
  config: Config;
  source: RecordSource;
  publisher: RecordPublisher;
  sink: EventSink;
  /** Rebuilds rollups for the minutes written; scheduled here, never in a batch's delivery path. */
  rollups?: RollupBuilder;
  classify(event: TelemetryEvent): Classification;
  classifierVersion: string;
  metrics: Metrics;
  logger: Logger;
  now?: () => number;
  /** Test hook: waits between retries and between drain checks. */
  sleep?: (ms: number) => Promise<void>;
}

/** Batches in the write chain at once: one writing, one prepared and waiting (bounds memory). */
const MAX_QUEUED_BATCHES = 2;
/** How often the consumer lag gauge is refreshed outside drain mode. */
const LAG_POLL_MS = 5000;

export function createPipeline(parts: PipelineParts) {
  const { config, source, publisher, sink, metrics, logger } = parts;
  const now = parts.now ?? Date.now;
  const sleep = parts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const log = logger.child({ stage: 'pipeline' });

  let pending: SourceRecord[] = [];
  /** Per partition, the offset of the last record handed over: a drain flushes once every end is fetched. */
  const lastFetched = new Map<number, string>();
  let pendingSinceMs = now();
  let writing: Promise<void> = Promise.resolve();
  let queued = 0;
  let inFlightDelivery: Promise<void> = Promise.resolve();
  let failure: unknown;
  let stopping = false;
  let clickhouseWritable = true;
  let control: DeliveryControl = { heartbeat: async () => {} };
  let building: Promise<void> | undefined;
  let lastBuildMs = now();

  const seams: DeliverySeams = {
    write: async (rows) => {
      const stopTimer = metrics.insertSeconds.startTimer();
      const result = await sink.write(rows);
      stopTimer();
      return result;
    },
    publishDeadLetters: (records) => publisher.publish(config.WSDIAG_DLQ_TOPIC, records),
    commit: (offsets) => source.commit(offsets),
    heartbeat: () => control.heartbeat(),
  };

  const policy: DeliveryPolicy = {
    retryInitialMs: config.WSDIAG_RETRY_INITIAL_MS,
    retryMaxMs: config.WSDIAG_RETRY_MAX_MS,
    heartbeatEveryMs: Math.max(500, Math.floor(config.WSDIAG_KAFKA_SESSION_TIMEOUT_MS / 4)),
    onRetry(stage, error, attempt, delayMs) {
      if (stage === 'write') {
        clickhouseWritable = false;
        metrics.insertFailures.inc({ code: errorCode(error) });
      }
      log.warn({ stage, attempt, delay_ms: delayMs, code: errorCode(error), err: { message: errorMessage(error) } }, `${stage} failed, retrying`);
    },
    ...(parts.sleep ? { sleep: parts.sleep } : {}),
  };

  /** One batch's whole path. */
  async function processBatch(batch: PreparedBatch): Promise<void> {
    const report = await deliverBatch(batch, seams, policy);
    clickhouseWritable = true;
    observe(batch, report);
  }

  function observe(batch: PreparedBatch, report: DeliveryReport): void {
    metrics.batchRows.observe(batch.records);
    metrics.rowsInserted.inc(report.inserted);
    metrics.duplicatesSkipped.inc(report.duplicates);
    const classified = new Map<string, { attribution: string; cause: string; n: number }>();
    for (const { attribution, cause } of batch.rows) {
      const key = `${attribution}\u0000${cause}`;
      const entry = classified.get(key) ?? classified.set(key, { attribution, cause, n: 0 }).get(key)!;
      entry.n++;
    }
    for (const { attribution, cause, n } of classified.values()) metrics.eventsClassified.inc({ attribution, cause }, n);
    for (const d of report.deadLetters) metrics.deadLetters.inc({ reason: d.reason });
    if (report.committed) metrics.lastCommitSeconds.set(now() / 1000);
    // Typically a rebalance took the partition away: its next owner re-reads, and storage drops the repeats.
    else log.warn({ err: { message: report.commitError } }, 'offset commit failed; the records will be re-read and deduplicated');
    log.debug({ records: batch.records, inserted: report.inserted, duplicates: report.duplicates, dead_letters: report.deadLetters.length }, 'batch delivered');
  }

  /**
   * Prepares what is pending now (CPU work overlaps the write in flight) and queues its delivery.
   * Deliveries are serialised, so batches commit strictly in order. Resolves when the batch before
   * this one is delivered: awaiting it is the backpressure on fetching.
   */
  function flush(): Promise<void> {
    const previous = writing;
    if (pending.length === 0 || failure !== undefined) return previous;
    const prepared = prepareInSlices(pending, {
      classify: parts.classify,
      classifierVersion: parts.classifierVersion,
      maxRecordBytes: config.WSDIAG_MAX_RECORD_BYTES,
      ingestedAtMs: now(),
    }).then((batch) => {
      sink.lookAhead?.(batch.rows);
      return batch;
    });
    pending = [];
    pendingSinceMs = now();
    queued++;
    // A batch that cannot be delivered stops the job uncommitted: a restart re-reads it, nothing is skipped.
    writing = previous
      .then(() => prepared)
      .then((batch) => (failure === undefined ? processBatch(batch) : undefined))
      .catch((error: unknown) => {
        failure ??= error;
        stopping = true;
        log.error({ code: errorCode(error), err: { message: errorMessage(error) } }, 'batch could not be delivered; stopping without commit');
      })
      .finally(() => queued--);
    return previous;
  }

  async function deliver(records: SourceRecord[], deliveryControl: DeliveryControl): Promise<void> {
    control = deliveryControl;
    metrics.recordsConsumed.inc(records.length);
    for (const record of records) {
      pending.push(record);
      lastFetched.set(record.partition, record.offset);
    }
    if (pending.length >= config.WSDIAG_BATCH_MAX_ROWS) await flush();
  }

  function flushIfDue(): void {
    if (pending.length > 0 && queued < MAX_QUEUED_BATCHES && now() - pendingSinceMs >= config.WSDIAG_BATCH_FLUSH_MS) void flush();
  }

  /** Starts a rollup build unless one is running; a failed build is retried at the next interval. */
  function buildRollups(which: 'due' | 'all'): Promise<void> {
    if (!parts.rollups) return Promise.resolve();
    building ??= parts.rollups
      .buildPending(which)
      .then((minutes) => void (minutes > 0 && log.debug({ minutes }, 'rollups built')))
      .catch((error: unknown) => log.warn({ code: errorCode(error), err: { message: errorMessage(error) } }, 'rollup build failed; retrying at the next interval'))
      .finally(() => {
        building = undefined;
        lastBuildMs = now();
      });
    return building;
  }

  function tick(): void {
    flushIfDue();
    if (now() - lastBuildMs >= config.WSDIAG_ROLLUP_INTERVAL_MS) void buildRollups('due');
  }

  const isReady = () => source.isConnected() && clickhouseWritable && !stopping;

  async function shutdown(): Promise<void> {
    stopping = true;
    await source.pause();
    await inFlightDelivery.catch(() => undefined);
    void flush();
    await writing;
    // Every delivery has ended (committed or not): the clients can leave while the last rollups build.
    // Leaving waits out the consumer's fetch in flight (a long-poll of up to a second on a drained topic).
    const leaving = Promise.all([source.disconnect(), publisher.disconnect()]);
    leaving.catch(() => undefined);
    await building;
    // What the last batches wrote is in the rollups before the job reports it has stopped.
    if (failure === undefined) await buildRollups('all');
    await leaving;
    log.info('stopped after flushing and committing');
  }

  return {
    isReady,

    /** Consumes until `stop()`; with `drain`, stops by itself once the group has caught up. */
    async run({ drain }: { drain: boolean }): Promise<void> {
      const timer = setInterval(tick, Math.max(10, Math.floor(config.WSDIAG_BATCH_FLUSH_MS / 4)));
      try {
        await source.start((records, deliveryControl) => (inFlightDelivery = deliver(records, deliveryControl)));
      } catch (error) {
        clearInterval(timer);
        // Wrong credentials or a certificate that does not verify: nothing was read, nothing to flush.
        if (cannotConnect(error)) {
          metrics.consumerFailures.inc({ code: error.code });
          log.error({ code: error.code, err: { message: error.message } }, 'cannot connect to Kafka; exiting');
        }
        throw error;
      }
      log.info({ topic: config.WSDIAG_TOPIC, group: config.WSDIAG_KAFKA_GROUP_ID }, 'consuming');
      try {
        // Committed offsets are polled for the lag gauge (it must move while ClickHouse is down and
        // nothing is fetched) every few seconds, and often only when draining needs them.
        let lastLagPollMs = 0;
        while (!stopping) {
          await sleep(drain ? 250 : 1000);
          const sourceFailure = source.failure();
          if (sourceFailure) {
            // Nothing more will be read: say so once, loudly, and end so an orchestrator restarts us.
            metrics.consumerFailures.inc({ code: sourceFailure.code });
            log.error({ code: sourceFailure.code, topic: sourceFailure.topic, positions: sourceFailure.positions, err: { message: sourceFailure.message } }, 'consumer stopped for good; exiting');
            failure ??= new SourceStoppedError(sourceFailure);
            stopping = true;
            break;
          }
          metrics.ready.set(isReady() ? 1 : 0);
          if (!drain && now() - lastLagPollMs < LAG_POLL_MS) continue;
          lastLagPollMs = now();
          const lags = await source.lag().catch(() => undefined);
          if (!lags) continue;
          for (const l of lags) metrics.consumerLag.set({ partition: String(l.partition) }, lagOf(l));
          // Nothing more will arrive for the batch being filled: it need not wait WSDIAG_BATCH_FLUSH_MS.
          if (drain && pending.length > 0 && queued < MAX_QUEUED_BATCHES && fetchedAll(lags, lastFetched)) void flush();
          if (drain && pending.length === 0 && queued === 0 && caughtUp(lags)) break;
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

/** Records prepared per turn of the event loop: the write in flight keeps streaming and acknowledging meanwhile. */
const PREPARE_SLICE = 500;

/**
 * prepareBatch over slices of the records, yielding to the event loop between them. One synchronous
 * pass over a batch blocks the process for hundreds of milliseconds, and with it the insert in flight.
 */
export async function prepareInSlices(records: ReadonlyArray<SourceRecord>, ctx: PrepareContext): Promise<PreparedBatch> {
  const batch: PreparedBatch = { rows: [], deadLetters: [], offsets: [], records: 0 };
  const offsets = new Map<string, PartitionOffset>();
  for (let i = 0; i < records.length; i += PREPARE_SLICE) {
    if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const slice = prepareBatch(records.slice(i, i + PREPARE_SLICE), ctx);
    for (const row of slice.rows) batch.rows.push(row);
    for (const deadLetter of slice.deadLetters) batch.deadLetters.push(deadLetter);
    // Slices are in record order, so a later slice's offset for a partition is the later one.
    for (const offset of slice.offsets) offsets.set(`${offset.topic}\u0000${offset.partition}`, offset);
    batch.records += slice.records;
  }
  batch.offsets = [...offsets.values()];
  return batch;
}

/** The error `run` ends with when the source stopped for good; carries the source's stable code. */
export class SourceStoppedError extends Error {
  readonly code: SourceFailure['code'];
  readonly retriable = false;
  constructor(readonly failure: SourceFailure) {
    const where = failure.positions.map((p) => `${p.topic}[${p.partition}]@${p.offset}`).join(', ') || failure.topic;
    super(`${failure.code}: consumer stopped at ${where}: ${failure.message}`);
    this.code = failure.code;
  }
}

/** The source's client can never connect as configured (docs/reliability.md, "Error codes"). */
const connectCodes: ReadonlySet<unknown> = new Set(['WSDIAG_ERR_KAFKA_AUTH', 'WSDIAG_ERR_KAFKA_TLS']);
function cannotConnect(error: unknown): error is Error & { code: SourceFailure['code'] } {
  return error instanceof Error && connectCodes.has((error as { code?: unknown }).code);
}

function lagOf(l: { endOffset: string; committedOffset: string; lowOffset: string }): number {
  const from = l.committedOffset === '-1' ? l.lowOffset : l.committedOffset;
  return Math.max(0, Number(BigInt(l.endOffset) - BigInt(from)));
}

/** Every partition's records up to its end offset were handed over (or committed before this run). */
export function fetchedAll(lags: ReadonlyArray<{ partition: number; endOffset: string; committedOffset: string; lowOffset: string }>, lastFetched: ReadonlyMap<number, string>): boolean {
  return lags.every((l) => {
    const last = lastFetched.get(l.partition);
    const fetched = last === undefined ? -1n : BigInt(last) + 1n;
    const committed = BigInt(l.committedOffset === '-1' ? l.lowOffset : l.committedOffset);
    return (fetched > committed ? fetched : committed) >= BigInt(l.endOffset);
  });
}

/** Every partition's committed offset has reached its end offset (an empty partition counts as caught up). */
export function caughtUp(lags: ReadonlyArray<{ endOffset: string; committedOffset: string; lowOffset: string }>): boolean {
  return lags.every((l) => (l.committedOffset === '-1' ? l.endOffset === l.lowOffset : BigInt(l.committedOffset) >= BigInt(l.endOffset)));
}
