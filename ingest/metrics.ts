// The pipeline's own metrics (prom-client), one registry per pipeline instance.
// Labels are bounded sets (attribution, cause, reason code, partition): never ids, hosts or secrets.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export function createMetrics() {
  const registry = new Registry();
  const metrics = {
    registry,
    recordsConsumed: new Counter({ name: 'wsdiag_records_consumed_total', help: 'Kafka records handed to the pipeline', registers: [registry] }),
    eventsClassified: new Counter({
      name: 'wsdiag_events_classified_total',
      help: 'Valid events classified, by attribution and cause',
      labelNames: ['attribution', 'cause'] as const,
      registers: [registry],
    }),
    deadLetters: new Counter({ name: 'wsdiag_dead_letters_total', help: 'Records sent to the dead-letter topic, by reason', labelNames: ['reason'] as const, registers: [registry] }),
    duplicatesSkipped: new Counter({ name: 'wsdiag_duplicates_skipped_total', help: 'Events not written again because their event_id was already stored or repeated in the batch', registers: [registry] }),
    rowsInserted: new Counter({ name: 'wsdiag_rows_inserted_total', help: 'Rows ClickHouse acknowledged', registers: [registry] }),
    insertFailures: new Counter({ name: 'wsdiag_insert_failures_total', help: 'Failed ClickHouse insert attempts, by error code', labelNames: ['code'] as const, registers: [registry] }),
    batchRows: new Histogram({ name: 'wsdiag_batch_rows', help: 'Records per flushed batch', buckets: [1, 10, 100, 500, 1000, 5000, 10000, 50000], registers: [registry] }),
    insertSeconds: new Histogram({ name: 'wsdiag_insert_duration_seconds', help: 'Time ClickHouse took to acknowledge an insert', buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry] }),
    consumerLag: new Gauge({ name: 'wsdiag_consumer_lag', help: 'End offset minus committed offset, per partition', labelNames: ['partition'] as const, registers: [registry] }),
    lastCommitSeconds: new Gauge({ name: 'wsdiag_last_commit_timestamp_seconds', help: 'Unix time of the last offset commit', registers: [registry] }),
    consumerFailures: new Counter({ name: 'wsdiag_consumer_failures_total', help: 'Times the Kafka consumer stopped for good (the job then exits), by error code', labelNames: ['code'] as const, registers: [registry] }),
    ready: new Gauge({ name: 'wsdiag_ready', help: '1 when Kafka is joined and the last ClickHouse write succeeded', registers: [registry] }),
  };
  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;
