// ddlRunner: in cluster mode every command migrate sends becomes its ON CLUSTER translation, while
// reads and inserts pass unchanged; without a cluster the runner is returned as is.
import { describe, expect, it } from 'vitest';
import { ddlRunner } from '../../../ingest/migrate.js';
import type { SqlRunner } from '../../../ingest/sql-runner.js';

function recordingRunner() {
  const commands: string[] = [];
  const queries: string[] = [];
  const runner = {
    command: async (sql: string) => void commands.push(sql),
    query: async <Row>(sql: string) => (queries.push(sql), [] as Row[]),
    insert: async () => undefined,
  } as unknown as SqlRunner;
  return { runner, commands, queries };
}

describe('ddlRunner', () => {
  it('returns the runner itself without a cluster (single-server mode unchanged)', () => {
    const { runner } = recordingRunner();
    expect(ddlRunner(runner, undefined)).toBe(runner);
  });

  it('sends each translated statement in order and leaves queries alone', async () => {
    const { runner, commands, queries } = recordingRunner();
    const ddl = ddlRunner(runner, 'c1');
    await ddl.command('CREATE TABLE IF NOT EXISTS w.t (event_id String, ts DateTime) ENGINE = ReplacingMergeTree() ORDER BY (ts, event_id)');
    await ddl.query("SELECT name FROM system.columns WHERE database = 'w' AND table = 't'");
    expect(commands).toEqual([
      "CREATE TABLE IF NOT EXISTS w.t_local ON CLUSTER c1 (event_id String, ts DateTime)\nENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/w/t_local', '{replica}') ORDER BY (ts, event_id)",
      'CREATE TABLE IF NOT EXISTS w.t ON CLUSTER c1 AS w.t_local\nENGINE = Distributed(c1, w, t_local, cityHash64(event_id))',
    ]);
    expect(queries).toEqual(["SELECT name FROM system.columns WHERE database = 'w' AND table = 't'"]);
  });

  it('fails before sending anything it cannot translate', async () => {
    const { runner, commands } = recordingRunner();
    await expect(ddlRunner(runner, 'c1').command('RENAME TABLE w.a TO w.b')).rejects.toMatchObject({ code: 'WSDIAG_ERR_CLUSTER_DDL' });
    expect(commands).toEqual([]);
  });
});
