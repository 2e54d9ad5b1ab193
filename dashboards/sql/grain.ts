// The rows a Grafana panel reads from a minute rollup over its time range, at the coarsest exact grains:
// whole days of the range from the daily twin, whole hours outside them from the hourly twin, the
// minutes at the edges from the minute rollup (each `<grain> AS minute`, FINAL, joined by UNION ALL);
// every minute of the range is read once, at one grain (docs/storage.md). Time series bucket by
// `bucketSecondsSql` ($__interval_s, rounded up to whole hours on ranges over two days) and read hourly
// (daily) rows only when a bucket holds whole hours (days). The dashboards' JSON holds this text
// verbatim (test/unit/dashboards/dashboards-contract.test.ts keeps them equal). A panel that groups and
// filters only by a projection's dimensions reads the projection's hourly and daily rows instead of the
// wide twins' (`rollup_causes_*`: fewer key columns for FINAL to read) and the edge minutes' same columns.
// Written as arithmetic on constants, never if(): 18.16's primary-key analysis folds the former into
// bounds on the time column but reads every row for an if() or a condition without a key column.
import { DAY_S, HOUR_S, projections, projectionTable, rollups, type Projection } from '../../schemas/clickhouse/rollups.js';

/** Ranges longer than this bucket time series by whole hours at least. */
export const HOURLY_BUCKETS_ABOVE_S = 2 * DAY_S;

/** Grafana's bucket width in seconds: $__interval_s, rounded up to whole hours on long ranges. */
export const bucketSecondsSql = `$__interval_s + (intDiv($__interval_s + ${HOUR_S - 1}, ${HOUR_S}) * ${HOUR_S} - $__interval_s) * (toUInt32($__toTime) - toUInt32($__fromTime) > ${HOURLY_BUCKETS_ABOVE_S})`;

/** First whole period of `size` seconds in the range, and the end of the last one ($__timeFilter's end is inclusive: minute <= to). */
const first = (size: number) => `toInt64(intDiv(toUInt32($__fromTime) + ${size - 1}, ${size}) * ${size})`;
const end = (size: number) => `toInt64(intDiv(toUInt32($__toTime) + 60, ${size}) * ${size})`;
/** A time series' end of whole periods: `end` when its buckets hold whole periods, else `first` (none). */
const seriesEnd = (size: number) => `${first(size)} + (${end(size)} - ${first(size)}) * ((${bucketSecondsSql}) % ${size} = 0)`;
const at = (seconds: string) => `toDateTime(${seconds})`;

/** Every column of a minute rollup but `minute` (only the projection's dimensions with one), in table order. */
function columnsOf(minuteTable: string, projection?: Projection): string {
  const rollup = rollups.find((r) => r.table === minuteTable);
  if (!rollup) throw new TypeError(`${minuteTable} is not a minute rollup`);
  if (projection && projection.of !== rollup) throw new TypeError(`${projection.name} is not a projection of ${minuteTable}`);
  const dims = rollup.dimensions.map(([name]) => name).filter((n) => n !== 'minute' && (!projection || projection.dimensions.includes(n)));
  return [...dims, ...rollup.measures.map(([name]) => name)].join(', ');
}

/** The projection of `minuteTable` named `name` (rollup_causes), for panelRollupSource. */
export function projectionOf(minuteTable: string, name: string): Projection {
  const p = projections.find((x) => x.name === name && x.of.table === minuteTable);
  if (!p) throw new TypeError(`${name} is not a projection of ${minuteTable}`);
  return p;
}

/**
 * `(SELECT … UNION ALL SELECT … UNION ALL SELECT …)` to put after FROM in place of
 * `wsdiag.<minuteTable> FINAL`. With `timeSeries`, coarser rows are read only when `bucketSecondsSql`
 * is a whole number of them. With `projection`, only its columns, and hours and days from its tables.
 */
export function panelRollupSource(minuteTable: string, timeSeries = false, projection?: Projection): string {
  const columns = columnsOf(minuteTable, projection);
  const [h0, d0] = [at(first(HOUR_S)), at(first(DAY_S))];
  const [h1, d1] = timeSeries ? [at(seriesEnd(HOUR_S)), at(seriesEnd(DAY_S))] : [at(end(HOUR_S)), at(end(DAY_S))];
  const table = (grain: 'hour' | 'day') => `wsdiag.${projection ? projectionTable(projection, grain) : minuteTable.replace(/minute$/, grain)}`;
  return `(
  SELECT day AS minute, ${columns} FROM ${table('day')} FINAL
  WHERE day >= ${d0} AND day < ${d1}
  UNION ALL
  SELECT hour AS minute, ${columns} FROM ${table('hour')} FINAL
  WHERE hour >= ${h0} AND hour < ${h1} AND (hour < ${d0} OR hour >= ${d1})
  UNION ALL
  SELECT minute, ${columns} FROM wsdiag.${minuteTable} FINAL
  WHERE $__timeFilter(minute) AND (minute < ${h0} OR minute >= ${h1})
)`;
}
