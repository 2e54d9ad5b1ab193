// What counting each event once costs, against the naive design: a plain events table with a
// count() rollup (SummingMergeTree), which double-counts every re-read batch. Measures ingest rows/s
// (sink + per-minute rollup builds from deduplicated raw events vs plain insert + count rollup) and
// the retro's totals and timeline on each. `node dist/bench/exactly-once-cost.js`.
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { createEventSink } from '../ingest/clickhouse-sink.js';
import { pendingRow } from '../ingest/prepare-batch.js';
import { createRollupBuilder } from '../ingest/rollup-builder.js';
import { migrate, probeCapabilities } from '../ingest/migrate.js';
import { createEventsTable } from '../schemas/clickhouse/events-table.js';
import { benchClickHouse, benchRows, medianMs } from './storage-bench.js';

const BLOCK_ROWS = 5000;

export async function runExactlyOnceCost(count = Number(process.env.BENCH_EVENTS ?? 100_000)) {
  const runner = benchClickHouse();
  const id = randomUUID().slice(0, 8);
  const exact = `wsdiag_bench_exact_${id}`;
  const naive = `wsdiag_bench_naive_${id}`;
  try {
    const rows = benchRows(count);
    const caps = await probeCapabilities(runner);
    await migrate(runner, { db: exact, retentionDays: 0 });
    await runner.command(`CREATE DATABASE ${naive}`);
    await runner.command(createEventsTable(naive, caps, 0).replace('ReplacingMergeTree()', 'MergeTree()'));
    await runner.command(`CREATE TABLE ${naive}.rollup_minute (minute DateTime, service String, region String, attribution String, cause String, events UInt64)
      ENGINE = SummingMergeTree() PARTITION BY toYYYYMM(minute) ORDER BY (minute, service, region, attribution, cause)`);
    await runner.command(`CREATE MATERIALIZED VIEW ${naive}.rollup_minute_mv TO ${naive}.rollup_minute AS
      SELECT toStartOfMinute(ts) AS minute, service, region, attribution, cause, count() AS events FROM ${naive}.events GROUP BY minute, service, region, attribution, cause`);

    const sink = createEventSink(runner, exact);
    const builder = createRollupBuilder(runner, exact);
    const pending = rows.map((row) => pendingRow(row, null));
    let started = performance.now();
    // A build after every block: each minute of the block is built once, as a steady job would.
    for (let i = 0; i < pending.length; i += BLOCK_ROWS) {
      await sink.write(pending.slice(i, i + BLOCK_ROWS));
      await builder.buildPending();
    }
    const exactPerSec = count / ((performance.now() - started) / 1000);
    started = performance.now();
    for (let i = 0; i < rows.length; i += BLOCK_ROWS) await runner.insert(`${naive}.events`, rows.slice(i, i + BLOCK_ROWS));
    const naivePerSec = count / ((performance.now() - started) / 1000);
    // A re-read of the last block, as after a crash: the exact design adds nothing, the naive one double-counts.
    const replay = pending.slice(-BLOCK_ROWS);
    const replayRows = rows.slice(-BLOCK_ROWS);
    // A restarted instance (nothing in its memory of recent ids) writes the copies; the build absorbs them.
    started = performance.now();
    await createEventSink(runner, exact).write(replay);
    await builder.buildPending();
    const replayMs = performance.now() - started;
    await runner.insert(`${naive}.events`, replayRows);

    const exactTotals = `SELECT sum(events) AS n FROM ${exact}.rollup_minute FINAL`;
    const naiveTotals = `SELECT sum(events) AS n FROM ${naive}.rollup_minute`;
    const exactTimeline = `SELECT minute, sum(events) AS n FROM ${exact}.rollup_minute FINAL GROUP BY minute ORDER BY minute`;
    const naiveTimeline = `SELECT minute, sum(events) AS n FROM ${naive}.rollup_minute GROUP BY minute ORDER BY minute`;
    const [exactCount] = await runner.query<{ n: string }>(exactTotals);
    const [naiveCount] = await runner.query<{ n: string }>(naiveTotals);
    return {
      server: caps.version,
      rows: count,
      exactPerSec,
      naivePerSec,
      replayMs,
      exactTotalsMs: await medianMs(7, () => runner.query(exactTotals)),
      naiveTotalsMs: await medianMs(7, () => runner.query(naiveTotals)),
      exactTimelineMs: await medianMs(7, () => runner.query(exactTimeline)),
      naiveTimelineMs: await medianMs(7, () => runner.query(naiveTimeline)),
      exactCountAfterReplay: Number(exactCount?.n),
      naiveCountAfterReplay: Number(naiveCount?.n),
    };
  } finally {
    await runner.command(`DROP DATABASE IF EXISTS ${exact}`).catch(() => undefined);
    await runner.command(`DROP DATABASE IF EXISTS ${naive}`).catch(() => undefined);
    await runner.close();
  }
}

export function formatExactlyOnceCost(r: Awaited<ReturnType<typeof runExactlyOnceCost>>): string {
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  return [
    `## cost of counting once (${fmt(r.rows)} events, ClickHouse ${r.server}, blocks of ${BLOCK_ROWS}, then one block re-read)`,
    `ingest: sink + per-minute rollup builds:            ${fmt(r.exactPerSec)} rows/s`,
    `ingest: plain insert + count() rollup:              ${fmt(r.naivePerSec)} rows/s (exact / plain = ${(r.exactPerSec / r.naivePerSec).toFixed(2)})`,
    `re-read block of ${BLOCK_ROWS}: exact design ${r.replayMs.toFixed(0)} ms, total afterwards ${fmt(r.exactCountAfterReplay)}; plain design total ${fmt(r.naiveCountAfterReplay)}`,
    `retro totals:   exact ${r.exactTotalsMs.toFixed(1)} ms, plain ${r.naiveTotalsMs.toFixed(1)} ms`,
    `retro timeline: exact ${r.exactTimelineMs.toFixed(1)} ms, plain ${r.naiveTimelineMs.toFixed(1)} ms`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(formatExactlyOnceCost(await runExactlyOnceCost()));
}
