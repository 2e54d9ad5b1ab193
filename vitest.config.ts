// Two projects: `unit` needs no server; `integration` shares one Kafka and one ClickHouse, so its
// files run one after another and its global setup (start or reuse the services) runs only when
// integration files are part of the run (e.g. not for `vitest run test/unit`).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One fork for the whole project: files run sequentially against the shared servers.
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
