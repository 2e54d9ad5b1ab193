// Several `wsdiag run` instances in one consumer group over a 6-partition topic, writing through a
// two-shard ClickHouse cluster (Replicated tables, Distributed in front, sharded by event_id): one
// instance is killed with SIGKILL, another joins, and one shard's server is restarted mid-stream.
// Every figure a user sees (distinct ids, FINAL rows, rollups, retro) must count each event once,
// and each event must live on exactly one shard.
import { describe, expect, it } from 'vitest';
import { expectExactlyOnce, finishStream } from '../support/fault-assert.js';
import {
  committedTotal,
  connectProducer,
  expectationOf,
  metric,
  report,
  sampleRecords,
  sleep,
  startPipeline,
  startStream,
  stderrProblems,
  waitCaughtUp,
  waitFor,
} from '../support/fault-harness.js';
import { clusterServices, idsPerShard, shardUrls, useClusterSandbox } from '../support/cluster-harness.js';

const RATE_PER_S = 1_000;
const COUNT = 30_000;

describe('cluster: instances come and go, a shard restarts', () => {
  const sandbox = useClusterSandbox('instances');

  it('SIGKILL of one instance, a join, a shard restart: 0 lost, 0 counted twice, one shard per event', async () => {
    const records = sampleRecords(COUNT, 1616, 0.01, '2026-11-26T08:00:00.000Z', sandbox().partitions);
    const producer = await connectProducer(sandbox());
    // Each instance sends its queries to a different shard's server (the Distributed tables route).
    const run = (shard: number) => startPipeline(sandbox(), ['run', '--no-migrate'], { WSDIAG_CLICKHOUSE_URL: shardUrls[shard]! });
    const a = await run(0);
    const b = await run(1);
    const stream = startStream(sandbox(), producer, records, RATE_PER_S / 10);
    const consuming = (p: { metricsPort: number }) => async () => (await metric(p.metricsPort, 'wsdiag_records_consumed_total')) > 0;
    await waitFor('both instances to consume', async () => (await consuming(a)()) && (await consuming(b)()), 60_000);

    await sleep(2_000);
    a.child.kill('SIGKILL');
    const killed = await a.done;
    expect(killed.signal).toBe('SIGKILL');
    expect(stderrProblems(killed.stderr)).toEqual([]);

    const c = await run(0);
    await waitFor('the joining instance to consume', consuming(c), 60_000);

    // One shard's server goes away and comes back while both instances write through it.
    const baseline = (await committedTotal(sandbox())).committed;
    const downMs = await clusterServices('down', 'shard2');
    await sleep(3_000);
    const upMs = await clusterServices('up', 'shard2');
    await waitFor('commits to resume', async () => (await committedTotal(sandbox())).committed > baseline, 90_000);

    await finishStream(sandbox(), stream, producer, c, 150_000);
    await waitCaughtUp(sandbox(), 30_000);
    b.child.kill('SIGTERM');
    const left = await b.done;
    expect(left.code, left.stderr).toBe(0);
    expect(stderrProblems(left.stderr)).toEqual([]);

    const expected = expectationOf(stream.placed);
    const f = await expectExactlyOnce(sandbox(), expected, { reReads: true });

    // Sharded by event_id: both shards hold events, none is on both, together they are all.
    const [one, two] = await idsPerShard(sandbox().database);
    const onBoth = [...one!].filter((id) => two!.has(id)).length;
    expect({ shard1: one!.size > 0, shard2: two!.size > 0, onBoth, total: one!.size + two!.size }).toEqual({
      shard1: true,
      shard2: true,
      onBoth: 0,
      total: expected.validIds.size,
    });
    process.stderr.write(
      `[cluster] produced ${stream.placed.length}, distinct ${expected.validIds.size}; lost ${f.lost}, counted twice ${f.countedTwice}; ` +
        `shard1 ${one!.size} ids, shard2 ${two!.size}; physical rows ${f.rawRows}; shard2 down+up ${downMs + upMs} ms\n`,
    );
    report(
      {
        fault: 'cluster: kill -9, join, shard restart',
        repetitions: 1,
        produced: stream.placed.length,
        recoverMs: [downMs + upMs],
        notes: `shard1 ${one!.size} ids, shard2 ${two!.size}; physical rows ${f.rawRows} (FINAL ${f.rawFinal})`,
      },
      f,
    );
  }, 300_000);
});
