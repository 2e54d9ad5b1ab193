// The pipeline's own telemetry while it runs: /healthz, /readyz and /metrics with bounded labels,
// then a clean SIGTERM exit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleTraffic } from '../../ingest/sample-traffic.js';
import { createSandbox, startCli, type Sandbox } from '../support/pipeline-harness.js';
import { freePort } from '../support/free-port.js';
import { everyRecordAccounted, metricValue } from '../support/metrics-text.js';

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}


describe('wsdiag run: /healthz, /readyz, /metrics', () => {
  let sandbox: Sandbox;
  const records = sampleTraffic({ count: 500, seed: 11, invalidRatio: 0.02, startMs: Date.UTC(2026, 10, 25, 7) });

  beforeAll(async () => {
    sandbox = await createSandbox('metrics');
    const producer = sandbox.kafka.producer();
    await producer.connect();
    await producer.send({ topic: sandbox.topic, messages: records.map((r) => ({ key: r.key, value: r.value })) });
    await producer.disconnect();
  });
  afterAll(async () => sandbox?.cleanup());

  it('reports health, readiness and counters, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const secret = 'do-not-leak-this-password';
    const { child, done } = startCli(['run'], { ...sandbox.env, WSDIAG_METRICS_PORT: String(port), WSDIAG_CLICKHOUSE_PASSWORD: '', WSDIAG_KAFKA_CLIENT_ID: 'wsdiag-metrics-test', WSDIAG_LOG_LEVEL: 'info', WSDIAG_READER_PASSWORD: secret });
    const base = `http://127.0.0.1:${port}`;
    try {
      expect((await waitFor(() => fetch(`${base}/healthz`).then((r) => (r.ok ? r : undefined)), 30_000)).status).toBe(200);
      await waitFor(() => fetch(`${base}/readyz`).then((r) => (r.status === 200 ? true : undefined)), 30_000);
      // Kafka delivers at least once: a consumer restart under load re-reads records, so the counters
      // of what was handed over may exceed 500, but every record read is accounted for and storage
      // keeps each event once. Waits for a moment when every record read has been delivered.
      const body = await waitFor(async () => {
        const text = await (await fetch(`${base}/metrics`)).text();
        return metricValue(text, 'wsdiag_rows_inserted_total') >= 490 && everyRecordAccounted(text) ? text : undefined;
      }, 60_000);
      expect(metricValue(body, 'wsdiag_rows_inserted_total')).toBe(490);
      expect(metricValue(body, 'wsdiag_records_consumed_total')).toBeGreaterThanOrEqual(500);
      expect(metricValue(body, 'wsdiag_dead_letters_total')).toBeGreaterThanOrEqual(10);
      expect(metricValue(body, 'wsdiag_events_classified_total')).toBe(490 + metricValue(body, 'wsdiag_duplicates_skipped_total'));
      expect(metricValue(body, 'wsdiag_events_classified_total', 'attribution="1015"')).toBeGreaterThan(0);
      expect(body).not.toContain(secret);
      expect(body).not.toMatch(/evt-11-|conn-11-/); // no per-event label values
      expect((await fetch(`${base}/nope`)).status).toBe(404);
    } finally {
      child.kill('SIGTERM');
    }
    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).not.toContain(secret);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { msg: string; level: number });
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['consuming', 'stopped after flushing and committing']));
  });
});
