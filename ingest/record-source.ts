// The seam between the pipeline and the Kafka client. kafkajs sits behind it in kafka-source.ts;
// a successor client replaces that one file.

export type HeaderValue = Buffer | string | ReadonlyArray<Buffer | string> | undefined;

export interface SourceRecord {
  topic: string;
  partition: number;
  /** Decimal string: Kafka offsets are 64-bit. */
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Readonly<Record<string, HeaderValue>>;
}

/** The next offset to read for a partition, i.e. last processed + 1 (Kafka's commit convention). */
export interface PartitionOffset {
  topic: string;
  partition: number;
  offset: string;
}

export interface PartitionLag {
  partition: number;
  endOffset: string;
  /** "-1" when the group has committed nothing yet. */
  committedOffset: string;
  lowOffset: string;
}

export interface DeliveryControl {
  /** Keeps the group membership alive while a delivery waits (e.g. on a ClickHouse outage). */
  heartbeat(): Promise<void>;
}

/** Why a source stopped consuming for good, and where: the job must exit so it is restarted and seen. */
export interface SourceFailure {
  code: 'WSDIAG_ERR_KAFKA_UNDECODABLE' | 'WSDIAG_ERR_KAFKA_AUTH' | 'WSDIAG_ERR_KAFKA_TLS' | 'WSDIAG_ERR_KAFKA_FATAL';
  message: string;
  topic: string;
  /** Partitions with unread records and the offset reading stopped at. */
  positions: PartitionOffset[];
}

export interface RecordSource {
  /** Starts the consumer. `deliver` is awaited before further records are handed over (backpressure). */
  start(deliver: (records: SourceRecord[], control: DeliveryControl) => Promise<void>): Promise<void>;
  commit(offsets: PartitionOffset[]): Promise<void>;
  /** End, low and committed offsets of the group on its topic. */
  lag(): Promise<PartitionLag[]>;
  isConnected(): boolean;
  /** Set once the consumer has stopped for good (a non-retriable failure); consuming will not resume. */
  failure(): SourceFailure | undefined;
  /** Stops fetching; membership stays so a final commit still works. */
  pause(): Promise<void>;
  disconnect(): Promise<void>;
}

export interface OutgoingRecord {
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers?: Record<string, Buffer | string | Array<Buffer | string>>;
  partition?: number;
}

export interface RecordPublisher {
  /** Resolves once the broker acknowledged every record (acks=all). */
  publish(topic: string, records: OutgoingRecord[]): Promise<void>;
  disconnect(): Promise<void>;
}
