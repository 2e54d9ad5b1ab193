// The rows a Grafana panel reads from a minute rollup over its time range, at the coarsest exact grain:
// whole hours of the range from the hourly twin (`hour AS minute`), the minutes at its edges from the
// minute rollup, both FINAL; every minute of the range is read once, at one grain (docs/storage.md).
// Time series bucket by `bucketSecondsSql`, which is $__interval_s on ranges up to two days and whole
// hours beyond; hourly rows are read only when a bucket holds whole hours. The dashboards' JSON holds
// this text verbatim (test/unit/dashboards/dashboards-contract.test.ts keeps them equal).
// Written as arithmetic on constants, never if(): 18.16's primary-key analysis folds the former into
// bounds on `minute`/`hour` but reads every row for an if() or a condition without a key column.
import { HOUR_S, hourTable, rollups } from '../../schemas/clickhouse/rollups.js';

/** Ranges longer than this bucket time series by whole hours at least. */
export const HOURLY_BUCKETS_ABOVE_S = 2 * 86_400;

/** Grafana's bucket width in seconds: $__interval_s, rounded up to whole hours on long ranges. */
export const bucketSecondsSql = `$__interval_s + (intDiv($__interval_s + ${HOUR_S - 1}, ${HOUR_S}) * ${HOUR_S} - $__interval_s) * (toUInt32($__toTime) - toUInt32($__fromTime) > ${HOURLY_BUCKETS_ABOVE_S})`;

/** First whole hour in the range, and the end of the last one ($__timeFilter's end is inclusive: minute <= to). */
const firstHourS = `intDiv(toUInt32($__fromTime) + ${HOUR_S - 1}, ${HOUR_S}) * ${HOUR_S}`;
const firstHour = `toDateTime(${firstHourS})`;
const hoursEnd = `toDateTime(intDiv(toUInt32($__toTime) + 60, ${HOUR_S}) * ${HOUR_S})`;
/** A time series' end of whole hours: hoursEnd when its buckets hold whole hours, else firstHour (no hours). */
const seriesHoursEnd = `toDateTime(toInt64(${firstHourS}) + (toInt64(intDiv(toUInt32($__toTime) + 60, ${HOUR_S}) * ${HOUR_S}) - toInt64(${firstHourS})) * ((${bucketSecondsSql}) % ${HOUR_S} = 0))`;

/** Every column of a minute rollup but `minute`, in table order. */
function columnsOf(minuteTable: string): string {
  const rollup = rollups.find((r) => r.table === minuteTable);
  if (!rollup) throw new TypeError(`${minuteTable} is not a minute rollup`);
  return [...rollup.dimensions.map(([name]) => name).filter((n) => n !== 'minute'), ...rollup.measures.map(([name]) => name)].join(', ');
}

/**
 * `(SELECT … UNION ALL SELECT …)` to put after FROM in place of `wsdiag.<minuteTable> FINAL`. With
 * `timeSeries`, hourly rows are read only when `bucketSecondsSql` is a whole number of hours.
 */
export function panelRollupSource(minuteTable: string, timeSeries = false): string {
  const columns = columnsOf(minuteTable);
  const end = timeSeries ? seriesHoursEnd : hoursEnd;
  return `(
  SELECT hour AS minute, ${columns} FROM wsdiag.${hourTable(minuteTable)} FINAL
  WHERE hour >= ${firstHour} AND hour < ${end}
  UNION ALL
  SELECT minute, ${columns} FROM wsdiag.${minuteTable} FINAL
  WHERE $__timeFilter(minute) AND (minute < ${firstHour} OR minute >= ${end})
)`;
}
