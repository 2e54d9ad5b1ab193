// The record-batch codecs kafkajs lacks (it ships gzip only): snappy, lz4 and zstd, as plain
// compress/decompress pairs over buffers. kafka-source.ts registers them with kafkajs.
import { compressSync as snappyCompress, uncompressSync as snappyUncompress } from 'snappy';
import { compressFrameSync as lz4CompressFrame, decompressFrameSync as lz4DecompressFrame } from 'lz4-napi';
import { decompress as zstdDecompress } from 'fzstd';

export interface BatchCodec {
  compress(data: Buffer): Buffer;
  decompress(data: Buffer): Buffer;
}

/**
 * Java producers frame snappy the way xerial's SnappyOutputStream does: an 8-byte magic, two int32
 * versions, then blocks of [int32 length][snappy block]. librdkafka and others write one bare block.
 * @see https://github.com/xerial/snappy-java/blob/master/src/main/java/org/xerial/snappy/SnappyCodec.java
 */
const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
const XERIAL_HEADER_BYTES = 16;

export function snappyDecompress(data: Buffer): Buffer {
  if (data.length < XERIAL_HEADER_BYTES || !data.subarray(0, XERIAL_MAGIC.length).equals(XERIAL_MAGIC)) {
    return asBuffer(snappyUncompress(data));
  }
  const blocks: Buffer[] = [];
  let at = XERIAL_HEADER_BYTES;
  while (at < data.length) {
    if (at + 4 > data.length) throw new Error('snappy: truncated xerial block length');
    const size = data.readInt32BE(at);
    at += 4;
    if (size < 0 || at + size > data.length) throw new Error('snappy: xerial block runs past the end of the batch');
    blocks.push(asBuffer(snappyUncompress(data.subarray(at, at + size))));
    at += size;
  }
  return Buffer.concat(blocks);
}

/** One xerial-framed block: what the Java client writes, and what every Kafka client reads. */
export function snappyCompressXerial(data: Buffer): Buffer {
  const block = snappyCompress(data);
  const header = Buffer.alloc(XERIAL_HEADER_BYTES + 4);
  XERIAL_MAGIC.copy(header);
  header.writeInt32BE(1, 8); // format version
  header.writeInt32BE(1, 12); // minimum compatible version
  header.writeInt32BE(block.length, XERIAL_HEADER_BYTES);
  return Buffer.concat([header, block]);
}

function asBuffer(value: string | Buffer): Buffer {
  return typeof value === 'string' ? Buffer.from(value) : value;
}

const zstdUnsupportedForWriting = (): Buffer => {
  // No zstd compressor without a native build outside the registries; reading is what users need.
  throw new Error('zstd compression is not available for producing; use gzip, snappy or lz4');
};

/** Kafka's codec ids (record batch attributes, bits 0-2) to codecs; gzip stays kafkajs' own. */
export const batchCodecs = {
  snappy: { compress: snappyCompressXerial, decompress: snappyDecompress },
  // Kafka's LZ4 is the LZ4 frame format (KIP-57), not bare blocks.
  lz4: { compress: (data) => lz4CompressFrame(data), decompress: (data) => lz4DecompressFrame(data) },
  zstd: { compress: zstdUnsupportedForWriting, decompress: (data) => Buffer.from(zstdDecompress(data)) },
} as const satisfies Record<string, BatchCodec>;

/** Compression the dead-letter producer can write with (`WSDIAG_DLQ_COMPRESSION`). */
export const producerCompressions = ['none', 'gzip', 'snappy', 'lz4'] as const;
export type ProducerCompression = (typeof producerCompressions)[number];
