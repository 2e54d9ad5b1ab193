// The pure half of the event path: records → (decode → validate → classify → row) → rows, dead letters
// and the offsets to commit once both are delivered. Synchronous, no I/O, no clock (the caller passes it).
// Each event's TabSeparated line is written straight from the event (event-line.ts, no row object), and
// only the line and the few fields the sink and the metrics read are kept: ~600 bytes per event, and the lines
// of a batch sit in one buffer outside the JavaScript heap, already in the bytes the insert sends.
import type { Classification } from '../schemas/classification.js';
import type { TelemetryEvent } from '../schemas/telemetry-event.js';
import { decodeRecord } from './decode-record.js';
import type { DeadLetter } from './dead-letter.js';
import type { EventRow } from './event-row.js';
import { eventLine, lineContext } from './event-line.js';
import type { PartitionOffset, SourceRecord } from './record-source.js';
import { tsvLineEncoder } from './tsv.js';
import { eventColumns } from '../schemas/clickhouse/events-table.js';

/** One classified event on its way to ClickHouse. */
export interface PendingRow<Ref> {
  eventId: string;
  /** Event time, unix seconds (the events table's `ts`). */
  ts: number;
  attribution: string;
  cause: string;
  /** The events row as one TabSeparated line in `eventColumns` order: UTF-8, ending with its newline. */
  tsv: Buffer;
  ref: Ref;
}

const rowLine = tsvLineEncoder(eventColumns);

export interface PreparedBatch {
  rows: PendingRow<SourceRecord>[];
  deadLetters: DeadLetter[];
  /** Per partition, the offset to read next (last record + 1): committed after delivery. */
  offsets: PartitionOffset[];
  records: number;
}

export interface PrepareContext {
  classify(event: TelemetryEvent): Classification;
  classifierVersion: string;
  maxRecordBytes: number;
  ingestedAtMs: number;
}

export function prepareBatch(records: ReadonlyArray<SourceRecord>, ctx: PrepareContext): PreparedBatch {
  const rows: PendingRow<SourceRecord>[] = [];
  const lines: string[] = [];
  const deadLetters: DeadLetter[] = [];
  const last = new Map<string, SourceRecord>();
  const shared = lineContext(ctx.ingestedAtMs, ctx.classifierVersion);
  for (const record of records) {
    last.set(`${record.topic}\u0000${record.partition}`, record);
    const decoded = decodeRecord(record.value, ctx.maxRecordBytes);
    if (!decoded.ok) {
      deadLetters.push({ record, reason: decoded.reason, detail: decoded.detail });
      continue;
    }
    const { event } = decoded;
    const result = ctx.classify(event);
    rows.push({ eventId: event.event_id, ts: Math.floor(event.ts / 1000), attribution: result.attribution, cause: result.cause, tsv: NO_BYTES, ref: record });
    lines.push(eventLine(event, result, record, shared));
  }
  const bytes = linesInOneBuffer(lines);
  for (let i = 0; i < rows.length; i++) rows[i]!.tsv = bytes[i]!;
  return { rows, deadLetters, offsets: [...last.values()].map(nextOffset), records: records.length };
}

const NO_BYTES = Buffer.alloc(0);

/** An events row as the sink takes it: encoded, with the fields the sink and the metrics read. */
export function pendingRow<Ref>(row: EventRow, ref: Ref, tsv = Buffer.from(`${rowLine(row)}\n`)): PendingRow<Ref> {
  return { eventId: String(row.event_id), ts: Number(row.ts), attribution: String(row.attribution), cause: String(row.cause), tsv, ref };
}

/** The lines, each with its newline, as views of one buffer: one allocation outside the JavaScript heap. */
function linesInOneBuffer(lines: readonly string[]): Buffer[] {
  let bytes = lines.length;
  for (const line of lines) bytes += Buffer.byteLength(line, 'utf8');
  const body = Buffer.allocUnsafeSlow(bytes);
  const views: Buffer[] = [];
  let at = 0;
  for (const line of lines) {
    const start = at;
    at += body.write(line, at, 'utf8');
    body[at++] = 0x0a;
    views.push(body.subarray(start, at));
  }
  return views;
}

/** Kafka commits the offset to read next: last processed + 1 (offsets are 64-bit, hence BigInt). */
export function nextOffset(record: SourceRecord): PartitionOffset {
  return { topic: record.topic, partition: record.partition, offset: (BigInt(record.offset) + 1n).toString() };
}
