// The snappy, lz4 and zstd batch codecs registered with kafkajs: frames other Kafka clients write
// decode, what we write decodes in the format other clients expect, and garbage fails with an error.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { batchCodecs, snappyCompressXerial, snappyDecompress } from '../../../ingest/kafka-codecs.js';
import { compressSync } from 'snappy';

const payload = Buffer.from('{"event_id":"e-1","outcome":"failed"}'.repeat(200));

describe('snappy', () => {
  it('reads a bare block (librdkafka) and a xerial-framed stream of several blocks (Java client)', () => {
    expect(snappyDecompress(compressSync(payload))).toEqual(payload);
    const half = payload.length / 2;
    const blocks = [payload.subarray(0, half), payload.subarray(half)].map((part) => {
      const block = compressSync(part);
      const length = Buffer.alloc(4);
      length.writeInt32BE(block.length);
      return Buffer.concat([length, block]);
    });
    const framed = Buffer.concat([snappyCompressXerial(Buffer.alloc(0)).subarray(0, 16), ...blocks]);
    expect(snappyDecompress(framed)).toEqual(payload);
  });

  it('writes the xerial frame: magic, versions 1/1, one length-prefixed block', () => {
    const framed = snappyCompressXerial(payload);
    expect(framed.subarray(0, 8)).toEqual(Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]));
    expect([framed.readInt32BE(8), framed.readInt32BE(12), framed.readInt32BE(16)]).toEqual([1, 1, framed.length - 20]);
    expect(snappyDecompress(framed)).toEqual(payload);
  });

  it('refuses a xerial block that runs past the end', () => {
    const framed = snappyCompressXerial(payload);
    expect(() => snappyDecompress(framed.subarray(0, framed.length - 5))).toThrow(/past the end/);
  });
});

describe('lz4 (frame format) and zstd', () => {
  it.each([
    ['lz4', ['lz4', '-c', '-q']],
    ['zstd', ['zstd', '-c', '-q']],
  ] as const)('decodes a frame written by the %s command-line tool', (name, command) => {
    const framed = spawnSync(command[0], command.slice(1), { input: payload });
    expect(framed.status).toBe(0);
    expect(batchCodecs[name].decompress(framed.stdout)).toEqual(payload);
  });

  it('lz4 frames we write are read by the lz4 tool', () => {
    const out = spawnSync('lz4', ['-d', '-c', '-q'], { input: batchCodecs.lz4.compress(payload) });
    expect(out.stdout).toEqual(payload);
  });

  it.each(['snappy', 'lz4', 'zstd'] as const)('%s throws on bytes that are not its format', (name) => {
    expect(() => batchCodecs[name].decompress(Buffer.from('definitely not compressed data, just text'))).toThrow();
  });
});
