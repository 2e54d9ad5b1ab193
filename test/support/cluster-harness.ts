// Cluster suite harness (`npm run test:cluster`): its own ZooKeeper and two ClickHouse 18.16 shards
// (scripts/services --cluster, own state dir and ports) beside the shared Kafka, a sandbox whose
// database is migrated ON CLUSTER, and read-backs from each shard's local tables.
import { afterAll, beforeAll } from 'vitest';
import { createClickHouseRunner } from '../../ingest/clickhouse-client.js';
import { faultPipelineEnv, type FaultSandbox } from './fault-harness.js';
import { createSandbox, runCli } from './pipeline-harness.js';
import { runServices } from './services.js';

export const CLUSTER = 'wsdiag_test';
export const clusterServicesEnv = {
  WSDIAG_SERVICES_DIR: process.env.WSDIAG_CLUSTER_SERVICES_DIR ?? '/tmp/cluster-svc',
  WSDIAG_CLUSTER_NAME: CLUSTER,
  WSDIAG_ZK_PORT: '12181',
  WSDIAG_CLUSTER_HTTP_PORTS: '18124,18125',
  WSDIAG_CLUSTER_TCP_PORTS: '19001,19002',
  WSDIAG_CLUSTER_INTERSERVER_PORTS: '19011,19012',
  // Jars are a cache shared with the repo's default services dir.
  WSDIAG_ZK_LIBS: process.env.WSDIAG_ZK_LIBS ?? new URL('../../.services/zookeeper/libs', import.meta.url).pathname,
} as const;
export const shardUrls = clusterServicesEnv.WSDIAG_CLUSTER_HTTP_PORTS.split(',').map((p) => `http://127.0.0.1:${p}`);

/** `scripts/services <command> --cluster [target]` on the suite's own cluster; the time it took. */
export async function clusterServices(command: 'up' | 'down', target: 'clickhouse' | 'shard1' | 'shard2' = 'clickhouse'): Promise<number> {
  const started = Date.now();
  const run = await runServices([command, '--cluster', target], { env: clusterServicesEnv });
  if (run.code !== 0) throw new Error(`scripts/services ${command} --cluster ${target} failed (exit ${run.code}):\n${run.stderr.slice(-3000)}`);
  return Date.now() - started;
}

/**
 * Around a describe block: the cluster up, a sandbox on the shared Kafka whose database lives on the
 * cluster (migrated with `wsdiag migrate --cluster`), and afterwards the database dropped ON CLUSTER
 * and the cluster stopped.
 */
export function useClusterSandbox(name: string): () => FaultSandbox {
  let sandbox: FaultSandbox | undefined;
  beforeAll(async () => {
    await clusterServices('up');
    sandbox = await createSandbox(name, {
      partitions: 6,
      prefix: 'cluster',
      clickhouseUrl: shardUrls[0],
      kafkaRetry: { retries: 20, maxRetryTime: 5000 },
      env: { ...faultPipelineEnv, WSDIAG_CLICKHOUSE_CLUSTER: CLUSTER },
    });
    const migrated = await runCli(['migrate', '--cluster', CLUSTER], sandbox.env);
    if (migrated.code !== 0) throw new Error(`wsdiag migrate --cluster failed: ${migrated.stderr.slice(0, 3000)}`);
  }, 240_000);
  afterAll(async () => {
    await clusterServices('up').catch(() => undefined);
    if (sandbox) {
      await sandbox.clickhouse.command(`DROP DATABASE IF EXISTS ${sandbox.database} ON CLUSTER ${CLUSTER}`).catch(() => undefined);
      await sandbox.cleanup();
    }
    await clusterServices('down');
  }, 240_000);
  return () => {
    if (!sandbox) throw new Error(`cluster sandbox ${name} is not set up`);
    return sandbox;
  };
}

/** Distinct event_ids stored in each shard's own events table (no Distributed read). */
export async function idsPerShard(database: string): Promise<Array<Set<string>>> {
  return Promise.all(
    shardUrls.map(async (url) => {
      const shard = createClickHouseRunner({ url, username: 'default', password: '', requestTimeoutMs: 60_000 });
      try {
        const rows = await shard.query<{ event_id: string }>(`SELECT DISTINCT event_id FROM ${database}.events_local`);
        return new Set(rows.map((r) => r.event_id));
      } finally {
        await shard.close();
      }
    }),
  );
}
