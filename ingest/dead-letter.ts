// Builds dead-letter records: the original key, value and headers untouched, the reason in headers
// (the Kafka Connect convention of error context in `__connect.errors.*`, here `wsdiag.*`).
import type { DeadLetterReason } from './decode-record.js';
import type { OutgoingRecord, SourceRecord } from './record-source.js';

export const deadLetterHeaders = {
  reason: 'wsdiag.error.reason',
  detail: 'wsdiag.error.detail',
  topic: 'wsdiag.source.topic',
  partition: 'wsdiag.source.partition',
  offset: 'wsdiag.source.offset',
  /** HTTP intake (`wsdiag collect`): the item's 1-based position in the request body. */
  item: 'wsdiag.source.item',
} as const;

export interface DeadLetter {
  record: SourceRecord;
  reason: DeadLetterReason;
  detail: string;
}

export function toDeadLetterRecord({ record, reason, detail }: DeadLetter): OutgoingRecord {
  const headers: Record<string, Buffer | string | Array<Buffer | string>> = {};
  for (const [name, value] of Object.entries(record.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? [...value] : (value as Buffer | string);
  }
  headers[deadLetterHeaders.reason] = reason;
  headers[deadLetterHeaders.detail] = detail;
  headers[deadLetterHeaders.topic] = record.topic;
  headers[deadLetterHeaders.partition] = String(record.partition);
  headers[deadLetterHeaders.offset] = record.offset;
  return { key: record.key, value: record.value, headers };
}

/**
 * A dead letter for an item posted to `wsdiag collect`: the item's bytes untouched, the same reason
 * headers, and `http` as its source with the item's position in the request instead of an offset.
 */
export function toCollectedDeadLetterRecord(value: Buffer, reason: DeadLetterReason, detail: string, item: number): OutgoingRecord {
  return {
    key: null,
    value,
    headers: { [deadLetterHeaders.reason]: reason, [deadLetterHeaders.detail]: detail, [deadLetterHeaders.topic]: 'http', [deadLetterHeaders.item]: String(item) },
  };
}
