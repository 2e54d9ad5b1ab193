// Cluster suite (`npm run test:cluster`): several pipeline instances against a two-shard ClickHouse
// cluster of its own (scripts/services --cluster) and the shared Kafka. Runs under the fault suite's
// lock (package.json), so it never overlaps a fault-suite run on the same machine.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/cluster/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    teardownTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } },
  },
});
