// Fault 9: a record batch the client cannot decode (a zstd batch whose frame was damaged on the
// broker's disk). The job must not spin: it reports the stable code with topic, partition and offset
// and exits non-zero (so an orchestrator restarts it and an alert fires), without committing past the
// batch. /readyz and the failure metric in the moment before exit are checked with in-memory parts
// (test/unit/ingest/pipeline-source-failure.test.ts).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleTraffic } from '../../ingest/sample-traffic.js';
import { groupOffsets } from '../support/pipeline-harness.js';
import { faultServicesEnv, services, startPipeline, useFaultSandbox } from '../support/fault-harness.js';

const ZSTD_MAGIC = Buffer.from([0x28, 0xb5, 0x2f, 0xfd]);
/** A v2 record batch's header is 61 bytes; the compressed records follow it. */
const BATCH_HEADER_BYTES = 61;

function kcatProduce(topic: string, partition: number, codec: string, lines: string[]): void {
  const brokers = `127.0.0.1:${faultServicesEnv.WSDIAG_KAFKA_PORT}`;
  const result = spawnSync('kcat', ['-P', '-b', brokers, '-t', topic, '-p', String(partition), '-z', codec], { input: lines.join('\n') + '\n', encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`kcat failed: ${result.stderr}`);
}

describe('fault 9: undecodable record batch', () => {
  const sandbox = useFaultSandbox('undecodable');

  it('exits non-zero with the code, topic, partition and offset; never commits past the batch', async () => {
    const events = sampleTraffic({ count: 300, seed: 909, invalidRatio: 0, startMs: Date.parse('2026-12-01T09:00:00Z') });
    const lines = events.map((r) => r.value.toString('utf8'));
    kcatProduce(sandbox().topic, 1, 'gzip', lines.slice(0, 100));
    kcatProduce(sandbox().topic, 0, 'zstd', lines.slice(100));

    await services('down', 'kafka');
    const segment = join(faultServicesEnv.WSDIAG_SERVICES_DIR, 'kafka', 'data', `${sandbox().topic}-0`, '00000000000000000000.log');
    const bytes = readFileSync(segment);
    expect(bytes.subarray(BATCH_HEADER_BYTES, BATCH_HEADER_BYTES + 4)).toEqual(ZSTD_MAGIC);
    bytes.fill(0, BATCH_HEADER_BYTES, BATCH_HEADER_BYTES + 4);
    writeFileSync(segment, bytes);
    await services('up', 'kafka');

    const pipeline = await startPipeline(sandbox(), ['run', '--drain'], { WSDIAG_LOG_LEVEL: 'info' });
    const timeout = setTimeout(() => pipeline.child.kill('SIGKILL'), 90_000);
    const result = await pipeline.done;
    clearTimeout(timeout);

    expect(result.signal, 'the job spun until killed').toBeNull();
    expect(result.code).toBe(1);
    const errors = result.stdout.split('\n').filter((l) => l.includes('"level":50'));
    expect(errors).toHaveLength(1);
    const logged = JSON.parse(errors[0]!) as { code: string; topic: string; positions: Array<{ topic: string; partition: number; offset: string }> };
    expect(logged.code).toBe('WSDIAG_ERR_KAFKA_UNDECODABLE');
    expect(logged.topic).toBe(sandbox().topic);
    // kafkajs decodes a fetch response whole, so the batch's partition is among those reading stopped at:
    // here the damaged partition 0 and partition 1, whose gzip batch came in the same response.
    const topic = sandbox().topic;
    expect(logged.positions).toContainEqual({ topic, partition: 0, offset: '0' });
    for (const p of logged.positions) expect([`${topic}[0]@0`, `${topic}[1]@0`]).toContain(`${p.topic}[${p.partition}]@${p.offset}`);
    expect(result.stderr).toMatch(new RegExp(`^wsdiag: WSDIAG_ERR_KAFKA_UNDECODABLE: consumer stopped at .*\\[0\\]@0.*zstd batch could not be decompressed`, 'm'));

    const offsets = await groupOffsets(sandbox().kafka, sandbox().groupId, sandbox().topic);
    expect(offsets.find((p) => p.partition === 0)!.committed).toBe('-1');
    const [stored] = await sandbox().clickhouse.query<{ n: string }>(`SELECT uniqExact(event_id) AS n FROM ${sandbox().database}.events`);
    expect(['0', '100']).toContain(stored!.n);
  });
});
