// Vitest global setup for suites that need real servers (integration, faults): reuse what answers,
// start the rest with scripts/services. Servers are left running for the next run;
// `scripts/services down` stops the ones the script started.
import { ensureServices, servicesConfig } from './services.js';

export default async function setup(): Promise<void> {
  const started = Date.now();
  await ensureServices(servicesConfig());
  const ms = Date.now() - started;
  if (ms > 1000) process.stderr.write(`[global-setup] services ready in ${ms} ms\n`);
}
