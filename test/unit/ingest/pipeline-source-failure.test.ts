// A source that stopped for good (e.g. a batch it cannot decode): the job reports it once with its
// stable code and where reading stopped, counts it, is not ready any more, and ends with an error.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../ingest/logger.js';
import { createMetrics } from '../../../ingest/metrics.js';
import { createPipeline, SourceStoppedError } from '../../../ingest/pipeline.js';
import { loadConfig } from '../../../ingest/config.js';
import type { RecordSource, SourceFailure } from '../../../ingest/record-source.js';
import { classify, CLASSIFIER_VERSION } from '../../../analyzers/classify.js';

const stopped: SourceFailure = {
  code: 'WSDIAG_ERR_KAFKA_UNDECODABLE',
  message: 'zstd batch could not be decompressed: invalid zstd data',
  topic: 'ws.telemetry',
  positions: [{ topic: 'ws.telemetry', partition: 3, offset: '1200' }],
};

function fakeSource(): RecordSource & { fail(): void; commits: number } {
  let failure: SourceFailure | undefined;
  return {
    commits: 0,
    fail: () => (failure = stopped),
    async start() {},
    async commit() {
      this.commits++;
    },
    async lag() {
      return [{ partition: 3, endOffset: '1500', committedOffset: '1200', lowOffset: '0' }];
    },
    isConnected: () => failure === undefined,
    failure: () => failure,
    async pause() {},
    async disconnect() {},
  };
}

/** A pipeline over `source` with in-memory seams; its log lines are captured as parsed JSON. */
function pipelineOver(source: RecordSource) {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger('info', new Writable({ write: (chunk, _e, done) => (lines.push(JSON.parse(String(chunk))), done()) }));
  const metrics = createMetrics();
  const pipeline = createPipeline({
    config: loadConfig({}),
    source,
    publisher: { publish: async () => {}, disconnect: async () => {} },
    sink: { write: async () => ({ inserted: 0, duplicates: 0, rejected: [] }) },
    classify,
    classifierVersion: CLASSIFIER_VERSION,
    metrics,
    logger,
  });
  return { pipeline, metrics, lines };
}

describe('pipeline when the source stops for good', () => {
  it('is not ready, counts the failure, logs one error with code and position, and rejects', async () => {
    const source = fakeSource();
    const { pipeline, metrics, lines } = pipelineOver(source);
    const running = pipeline.run({ drain: true });
    await new Promise((r) => setTimeout(r, 300));
    source.fail();
    await expect(running).rejects.toThrow(SourceStoppedError);
    await expect(running).rejects.toThrow('WSDIAG_ERR_KAFKA_UNDECODABLE: consumer stopped at ws.telemetry[3]@1200: zstd batch could not be decompressed');
    expect(pipeline.isReady()).toBe(false);
    expect(await metrics.registry.getSingleMetricAsString('wsdiag_consumer_failures_total')).toContain('wsdiag_consumer_failures_total{code="WSDIAG_ERR_KAFKA_UNDECODABLE"} 1');
    const errors = lines.filter((l) => l.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'WSDIAG_ERR_KAFKA_UNDECODABLE', topic: 'ws.telemetry', positions: stopped.positions });
    expect(source.commits).toBe(0);
  });
});

describe('pipeline when the source can never connect', () => {
  it.each([
    ['WSDIAG_ERR_KAFKA_AUTH', 'the broker refused the SASL credentials'],
    ['WSDIAG_ERR_KAFKA_TLS', 'TLS to 127.0.0.1:9094 failed, peer certificate: unable to verify the first certificate'],
  ])('%s: counts it, logs one error with the code, and rejects with it', async (code, reason) => {
    const refused = Object.assign(new Error(`${code}: ${reason}`), { code, retriable: false });
    const { pipeline, metrics, lines } = pipelineOver({ ...fakeSource(), start: () => Promise.reject(refused) });
    await expect(pipeline.run({ drain: true })).rejects.toBe(refused);
    expect(await metrics.registry.getSingleMetricAsString('wsdiag_consumer_failures_total')).toContain(`wsdiag_consumer_failures_total{code="${code}"} 1`);
    const errors = lines.filter((l) => l.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code });
  });
});
