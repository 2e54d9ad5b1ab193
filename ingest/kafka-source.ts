// kafkajs behind the RecordSource / RecordPublisher seam. The only module that imports kafkajs:
// a successor client (kafkajs is unmaintained since 2023) replaces this one file.
import { readFileSync } from 'node:fs';
import { connect as netConnect, isIP } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import kafkajs, { Kafka, logLevel, type ISocketFactory, type KafkaConfig, type LogEntry, type SASLOptions } from 'kafkajs';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { batchCodecs, type BatchCodec } from './kafka-codecs.js';
import { permanentTlsFailure } from './tls-failure.js';
import type { OutgoingRecord, PartitionLag, RecordPublisher, RecordSource, SourceFailure, SourceRecord } from './record-source.js';

/** A batch the client cannot decode will not decode on a retry either: kafkajs must not retry it. */
class UndecodableBatchError extends Error {
  readonly retriable = false;
  readonly code = 'WSDIAG_ERR_KAFKA_UNDECODABLE';
}

function kafkajsCodec(name: string, codec: BatchCodec) {
  return () => ({
    compress: async (encoder: { buffer: Buffer }) => codec.compress(encoder.buffer),
    decompress: async (data: Buffer) => {
      try {
        return codec.decompress(data);
      } catch (error) {
        throw new UndecodableBatchError(`${name} batch could not be decompressed: ${(error as Error).message}`);
      }
    },
  });
}

// kafkajs is CommonJS and Node cannot see these two as named exports.
const { CompressionCodecs, CompressionTypes } = kafkajs;
CompressionCodecs[CompressionTypes.Snappy] = kafkajsCodec('snappy', batchCodecs.snappy);
CompressionCodecs[CompressionTypes.LZ4] = kafkajsCodec('lz4', batchCodecs.lz4);
CompressionCodecs[CompressionTypes.ZSTD] = kafkajsCodec('zstd', batchCodecs.zstd);

const compressionTypes = { none: CompressionTypes.None, gzip: CompressionTypes.GZIP, snappy: CompressionTypes.Snappy, lz4: CompressionTypes.LZ4 } as const;

/**
 * The client can never connect as configured: the broker refused the SASL credentials, or TLS failed
 * for good (a broker certificate that does not verify, or the broker refused ours). Thrown by the
 * first call that needs a connection; kafkajs alone would retry a TLS failure for minutes.
 */
export class KafkaConnectError extends Error {
  readonly retriable = false;
  constructor(
    readonly code: 'WSDIAG_ERR_KAFKA_AUTH' | 'WSDIAG_ERR_KAFKA_TLS',
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'KafkaConnectError';
  }
}

/** Stable codes for a consumer that stopped for good (docs/reliability.md, "Error codes"). */
function failureCode(error: Error): SourceFailure['code'] {
  const root = rootCause(error);
  if (root instanceof UndecodableBatchError || root.name === 'KafkaJSNotImplemented') return 'WSDIAG_ERR_KAFKA_UNDECODABLE';
  if (root.name === 'KafkaJSSASLAuthenticationError') return 'WSDIAG_ERR_KAFKA_AUTH';
  if (permanentTlsFailure(error)) return 'WSDIAG_ERR_KAFKA_TLS';
  return 'WSDIAG_ERR_KAFKA_FATAL';
}

const authHint = (config: Config) => `check WSDIAG_KAFKA_SASL_USERNAME / _PASSWORD (mechanism ${config.WSDIAG_KAFKA_SASL_MECHANISM ?? 'none'})`;

/** A kafkajs failure to connect as a KafkaConnectError when retrying cannot help, else unchanged. */
function connectError(error: unknown, config: Config): unknown {
  if (error instanceof KafkaConnectError || !(error instanceof Error)) return error;
  const root = rootCause(error);
  if (root.name === 'KafkaJSSASLAuthenticationError') return new KafkaConnectError('WSDIAG_ERR_KAFKA_AUTH', `the broker refused the SASL credentials (${root.message}); ${authHint(config)}`);
  return error;
}

function rootCause(error: Error): Error {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error && cause !== error ? rootCause(cause) : error;
}

/** TLS and SASL settings of a client, shared by the pipeline's clients and the reachability check. */
function securityOptions(config: Config): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  const options: Pick<KafkaConfig, 'ssl' | 'sasl'> = {};
  if (config.WSDIAG_KAFKA_SSL) {
    const read = (path: string | undefined) => (path ? readFileSync(path, 'utf8') : undefined);
    const [ca, cert, key] = [read(config.WSDIAG_KAFKA_SSL_CA_FILE), read(config.WSDIAG_KAFKA_SSL_CERT_FILE), read(config.WSDIAG_KAFKA_SSL_KEY_FILE)];
    options.ssl = ca || cert ? { ...(ca ? { ca: [ca] } : {}), ...(cert && key ? { cert, key } : {}) } : true;
  }
  const sasl = saslOptions(config);
  if (sasl) options.sasl = sasl;
  return options;
}

function saslOptions(config: Config): SASLOptions | undefined {
  const mechanism = config.WSDIAG_KAFKA_SASL_MECHANISM;
  if (!mechanism) return undefined;
  const username = config.WSDIAG_KAFKA_SASL_USERNAME ?? '';
  const password = config.WSDIAG_KAFKA_SASL_PASSWORD ?? '';
  return { mechanism, username, password } as SASLOptions;
}

/**
 * What kafkajs logs as an error while a group forms or a topic gets its leaders, and then retries by
 * itself: the coordinator moving or loading, a rebalance, a leader election. Not an operator's matter.
 */
const transientKafkaErrors = [
  /rebalanc/i,
  /not aware of this member/i,
  /not the correct coordinator/i,
  /coordinator is (loading|not available)/i,
  /no leader for this topic-partition/i,
  /leadership election/i,
  /does not host this topic-partition/i,
];

export function isTransientKafkaLog(message: string, error: unknown): boolean {
  const text = `${message} ${typeof error === 'string' ? error : ''}`;
  return transientKafkaErrors.some((pattern) => pattern.test(text));
}

/** kafkajs' own log lines go through pino (and its redaction) at one level lower than kafkajs asks; transient ones at debug. */
function logCreatorFor(logger: Logger) {
  const kafkaLogger = logger.child({ stage: 'kafka' });
  return () =>
    ({ level, log }: LogEntry) => {
      const { message, ...rest } = log;
      if (level <= logLevel.ERROR && !isTransientKafkaLog(message, rest.error)) kafkaLogger.warn(rest, message);
      else kafkaLogger.debug(rest, message);
    };
}

/**
 * For one-shot commands: does any broker answer within timeoutMs? Throws WSDIAG_ERR_KAFKA_UNREACHABLE
 * instead of waiting out the pipeline's long reconnect policy (minutes) on a mistyped broker.
 */
export async function requireBrokers(config: Config, logger: Logger, topics: readonly string[] = [], timeoutMs = 5000): Promise<void> {
  let tlsFailure: KafkaConnectError | undefined;
  const kafka = new Kafka({
    socketFactory: tlsWatchingSocketFactory((error) => (tlsFailure ??= error)),
    clientId: config.WSDIAG_KAFKA_CLIENT_ID,
    brokers: [...config.WSDIAG_KAFKA_BROKERS],
    ...securityOptions(config),
    connectionTimeout: timeoutMs,
    retry: { retries: 1, initialRetryTime: 300, maxRetryTime: 1000 },
    // The one error line below says it all: kafkajs' own lines go to debug only (redacted like the rest).
    logLevel: logLevel.INFO,
    logCreator: () => ({ log }: LogEntry) => {
      const { message, ...rest } = log;
      logger.child({ stage: 'kafka-check' }).debug(rest, message);
    },
  });
  const admin = kafka.admin();
  let existing: string[];
  try {
    await admin.connect();
    existing = await admin.listTopics();
  } catch (error) {
    // Wrong credentials and failed TLS have their own codes and advice (and answer in seconds anyway).
    const coded = tlsFailure ?? connectError(error, config);
    if (coded instanceof KafkaConnectError) throw coded;
    const reason = error instanceof Error ? error.message : String(error);
    throw Object.assign(
      new Error(`WSDIAG_ERR_KAFKA_UNREACHABLE: no Kafka broker answered at ${config.WSDIAG_KAFKA_BROKERS.join(',')} (WSDIAG_KAFKA_BROKERS): ${reason}. Start one (scripts/services up) or point WSDIAG_KAFKA_BROKERS at yours.`),
      { code: 'WSDIAG_ERR_KAFKA_UNREACHABLE', retriable: false },
    );
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  // A missing topic is otherwise retried for minutes ("does not host this topic-partition").
  const missing = topics.filter((t) => !existing.includes(t));
  if (missing.length > 0) {
    throw Object.assign(
      new Error(`WSDIAG_ERR_KAFKA_NO_TOPIC: topic ${missing.join(', ')} does not exist on ${config.WSDIAG_KAFKA_BROKERS.join(',')}: create it (scripts/services topics creates WSDIAG_TOPIC and WSDIAG_DLQ_TOPIC) or set WSDIAG_TOPIC.`),
      { code: 'WSDIAG_ERR_KAFKA_NO_TOPIC', retriable: false },
    );
  }
}

interface KafkaClient {
  kafka: Kafka;
  /** Set once a connection failed in a way no retry can fix. */
  connectFailure(): KafkaConnectError | undefined;
  /** Settles like `work`, but rejects as soon as a connection failed for good; kafkajs errors get codes. */
  guard<T>(work: Promise<T>): Promise<T>;
}

/**
 * kafkajs' own socket factory plus one listener: a TLS error that no reconnect can fix is recorded,
 * since kafkajs wraps every socket error into a retriable connection error.
 */
function tlsWatchingSocketFactory(onPermanent: (error: KafkaConnectError) => void): ISocketFactory {
  return ({ host, port, ssl, onConnect }) => {
    const socket = ssl ? tlsConnect({ host, port, ...(isIP(host) ? {} : { servername: host }), ...ssl }, onConnect) : netConnect({ host, port }, onConnect);
    socket.setKeepAlive(true, 60_000);
    socket.on('error', (error) => {
      const tls = permanentTlsFailure(error);
      if (!tls) return;
      const hint = tls.side === 'peer certificate' ? 'check WSDIAG_KAFKA_SSL_CA_FILE and the broker address' : 'check WSDIAG_KAFKA_SSL_CERT_FILE / _KEY_FILE and the listener';
      onPermanent(new KafkaConnectError('WSDIAG_ERR_KAFKA_TLS', `TLS to ${host}:${port} failed, ${tls.side}: ${tls.message.trim()} (${tls.code}); ${hint}`));
    });
    return socket;
  };
}

export function kafkaClient(config: Config, logger: Logger): KafkaClient {
  let failure: KafkaConnectError | undefined;
  let fail: (error: KafkaConnectError) => void = () => undefined;
  const failed = new Promise<never>((_resolve, reject) => (fail = reject));
  failed.catch(() => undefined);
  const kafkaConfig: KafkaConfig = {
    clientId: config.WSDIAG_KAFKA_CLIENT_ID,
    brokers: [...config.WSDIAG_KAFKA_BROKERS],
    // Broker outages are waited out: the pipeline must reconnect rather than give up.
    retry: { initialRetryTime: 300, maxRetryTime: 10000, retries: 30 },
    logLevel: logLevel.INFO,
    logCreator: logCreatorFor(logger),
    socketFactory: tlsWatchingSocketFactory((error) => {
      failure ??= error;
      fail(failure);
    }),
  };
  Object.assign(kafkaConfig, securityOptions(config));
  return {
    kafka: new Kafka(kafkaConfig),
    connectFailure: () => failure,
    async guard(work) {
      try {
        return await Promise.race([work, failed]);
      } catch (error) {
        throw connectError(error, config);
      }
    },
  };
}

export function createKafkaSource(config: Config, logger: Logger): RecordSource {
  const { kafka, guard, connectFailure } = kafkaClient(config, logger);
  const topic = config.WSDIAG_TOPIC;
  const consumer = kafka.consumer({
    groupId: config.WSDIAG_KAFKA_GROUP_ID,
    sessionTimeout: config.WSDIAG_KAFKA_SESSION_TIMEOUT_MS,
    heartbeatInterval: Math.floor(config.WSDIAG_KAFKA_SESSION_TIMEOUT_MS / 10),
    allowAutoTopicCreation: false,
    // Shorter long-polls: a stop or rebalance waits for the fetch in flight.
    maxWaitTimeInMs: 1000,
    // Bounded fetches: with one batch writing and one waiting, this caps what a stalled sink holds (docs/reliability.md).
    maxBytes: config.WSDIAG_KAFKA_FETCH_MAX_BYTES,
    maxBytesPerPartition: Math.min(1_048_576, config.WSDIAG_KAFKA_FETCH_MAX_BYTES),
  });
  const admin = kafka.admin();
  const tlsFailure = (): SourceFailure | undefined => {
    const error = connectFailure();
    return error && { code: error.code, message: error.message.replace(`${error.code}: `, ''), topic, positions: [] };
  };
  let connected = false;
  let failure: SourceFailure | undefined;
  let crashed = false;
  /** Next offset to fetch per partition, from the batches handed over: where reading stopped. */
  const fetchPositions = new Map<number, string>();
  consumer.on(consumer.events.GROUP_JOIN, () => (connected = true));
  consumer.on(consumer.events.DISCONNECT, () => (connected = false));

  async function stoppedAt(): Promise<SourceFailure['positions']> {
    const lags = await source.lag().catch(() => []);
    return lags
      .map((l) => ({ partition: l.partition, offset: fetchPositions.get(l.partition) ?? (l.committedOffset === '-1' ? l.lowOffset : l.committedOffset), end: l.endOffset }))
      .filter((p) => BigInt(p.offset) < BigInt(p.end))
      .map(({ partition, offset }) => ({ topic, partition, offset }));
  }

  // kafkajs restarts the consumer itself after retriable crashes; any other crash ends consuming for good.
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    connected = false;
    if (payload.restart) return;
    crashed = true;
    const error = payload.error as Error;
    const code = failureCode(error);
    void stoppedAt().then((positions) => {
      failure = { code, message: rootCause(error).message, topic, positions };
    });
  });

  const source: RecordSource = {
    async start(deliver) {
      await guard(consumer.connect());
      await guard(admin.connect());
      await guard(consumer.subscribe({ topics: [topic], fromBeginning: true }));
      await guard(consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: 1,
        eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
          if (!isRunning() || isStale() || batch.messages.length === 0) return;
          const records: SourceRecord[] = batch.messages.map((m) => ({
            topic: batch.topic,
            partition: batch.partition,
            offset: m.offset,
            key: m.key,
            value: m.value,
            headers: m.headers ?? {},
          }));
          await deliver(records, { heartbeat });
          // Advances the fetch position only; offsets are committed after ClickHouse has the rows.
          resolveOffset(batch.lastOffset());
          fetchPositions.set(batch.partition, (BigInt(batch.lastOffset()) + 1n).toString());
        },
      }));
    },
    async commit(offsets) {
      await consumer.commitOffsets(offsets.map((o) => ({ topic: o.topic, partition: o.partition, offset: o.offset })));
    },
    async lag(): Promise<PartitionLag[]> {
      const [ends, [committed]] = await guard(Promise.all([
        admin.fetchTopicOffsets(topic),
        admin.fetchOffsets({ groupId: config.WSDIAG_KAFKA_GROUP_ID, topics: [topic] }),
      ]));
      const committedByPartition = new Map(committed?.partitions.map((p) => [p.partition, p.offset]) ?? []);
      return ends.map((e) => ({
        partition: e.partition,
        endOffset: e.high,
        lowOffset: e.low,
        committedOffset: committedByPartition.get(e.partition) ?? '-1',
      }));
    },
    isConnected: () => connected,
    // A TLS failure while running (a reconnect to a broker whose certificate no longer verifies) ends the job too.
    failure: () => failure ?? tlsFailure(),
    async pause() {
      // A crashed consumer has no group left to pause (kafkajs throws); it fetches nothing anyway.
      if (!crashed) consumer.pause([{ topic }]);
    },
    async disconnect() {
      await consumer.disconnect();
      await admin.disconnect();
    },
  };
  return source;
}

export function createKafkaPublisher(config: Config, logger: Logger): RecordPublisher {
  const { kafka, guard } = kafkaClient(config, logger);
  const producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1 });
  const compression = compressionTypes[config.WSDIAG_DLQ_COMPRESSION];
  let connecting: Promise<void> | undefined;
  return {
    async publish(topic: string, records: OutgoingRecord[]) {
      if (records.length === 0) return;
      connecting ??= producer.connect();
      await guard(connecting);
      for (const chunk of requestChunks(records)) await guard(producer.send({ topic, acks: -1, compression, messages: chunk.map((r) => ({ ...r })) }));
    },
    async disconnect() {
      if (connecting) await producer.disconnect();
    },
  };
}

/**
 * kafkajs puts all of a request's records for one partition into one record batch, and the broker
 * refuses a batch larger than the topic's max.message.bytes (1 MiB by default) for good. Dead letters
 * of big records must therefore go in small requests, or one batch of them could never be published.
 */
const MAX_REQUEST_BYTES = 512 * 1024;

function sizeOf(record: OutgoingRecord): number {
  let bytes = (record.key?.length ?? 0) + (record.value?.length ?? 0);
  for (const [name, value] of Object.entries(record.headers ?? {})) bytes += name.length + (Array.isArray(value) ? value.reduce((n, v) => n + v.length, 0) : value.length);
  return bytes;
}

export function requestChunks(records: readonly OutgoingRecord[], maxBytes = MAX_REQUEST_BYTES): OutgoingRecord[][] {
  const chunks: OutgoingRecord[][] = [];
  let current: OutgoingRecord[] = [];
  let bytes = 0;
  for (const record of records) {
    const size = sizeOf(record);
    if (current.length > 0 && bytes + size > maxBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(record);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
