// Reads counters from a Prometheus text page, for tests that watch wsdiag's /metrics.

/** The sum of a counter's samples (optionally those whose labels start with `labels`). */
export const metricValue = (body: string, name: string, labels = ''): number =>
  body
    .split('\n')
    .filter((l) => l.startsWith(`${name}${labels ? `{${labels}` : ''}`) && !l.startsWith('#'))
    .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);

/**
 * Kafka delivers at least once: a consumer restart under load re-reads records, so "consumed" may exceed
 * what was produced. Every record read is still accounted for: stored, skipped as a duplicate, or dead-lettered.
 */
export const everyRecordAccounted = (body: string): boolean =>
  metricValue(body, 'wsdiag_records_consumed_total') ===
  metricValue(body, 'wsdiag_rows_inserted_total') + metricValue(body, 'wsdiag_duplicates_skipped_total') + metricValue(body, 'wsdiag_dead_letters_total');
