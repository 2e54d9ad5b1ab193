// HTTP intake for telemetry (`wsdiag collect`): POST /v1/events with NDJSON or a JSON array of v1
// events. Each item is decoded and validated like a Kafka record (decode-record.ts); valid ones are
// published to the telemetry topic, the rest to the dead-letter topic, and only then is the request
// answered (202), so a client that sees an error can retry (event_id makes a repeat count once).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { Counter, Histogram, Registry } from 'prom-client';
import { decodeRecord, type DeadLetterReason } from './decode-record.js';
import { toCollectedDeadLetterRecord } from './dead-letter.js';
import type { OutgoingRecord, RecordPublisher } from './record-source.js';

export const collectPath = '/v1/events';

export type CollectorOptions = {
  topic: string;
  dlqTopic: string;
  maxBodyBytes: number;
  maxRecordBytes: number;
  /** Bearer token the requests must carry; undefined: no authentication. */
  token?: string;
  /** Origins allowed to POST from a page; `*` allows any. */
  corsOrigins: readonly string[];
};

export function createCollectorMetrics() {
  const registry = new Registry();
  return {
    registry,
    requests: new Counter({ name: 'wsdiag_collect_requests_total', help: 'HTTP requests to the collector, by status', labelNames: ['status'] as const, registers: [registry] }),
    published: new Counter({ name: 'wsdiag_collect_events_published_total', help: 'Valid events published to the telemetry topic', registers: [registry] }),
    deadLetters: new Counter({ name: 'wsdiag_collect_dead_letters_total', help: 'Posted items sent to the dead-letter topic, by reason', labelNames: ['reason'] as const, registers: [registry] }),
    publishFailures: new Counter({ name: 'wsdiag_collect_publish_failures_total', help: 'Requests answered 503 because Kafka did not acknowledge', registers: [registry] }),
    bodyBytes: new Histogram({ name: 'wsdiag_collect_request_body_bytes', help: 'Size of accepted request bodies', buckets: [256, 1024, 4096, 16384, 65536, 262144, 1048576], registers: [registry] }),
  };
}
export type CollectorMetrics = ReturnType<typeof createCollectorMetrics>;

export type BodyItem = { value: Buffer; item: number };

/**
 * A JSON array body gives one item per element (re-serialised: the array's own bytes are not one
 * record each); anything else is NDJSON, one item per non-blank line, bytes untouched. A body that
 * starts like an array but is not JSON stays one item, which then dead-letters as `not_json`.
 */
export function splitBody(body: Buffer): BodyItem[] {
  const text = body.toString('utf8');
  if (text.trimStart().startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed.map((element, i) => ({ value: Buffer.from(JSON.stringify(element) ?? 'null'), item: i + 1 }));
    } catch {
      return [{ value: body, item: 1 }];
    }
  }
  const items: BodyItem[] = [];
  let start = 0;
  let line = 0;
  while (start <= body.length) {
    let end = body.indexOf(0x0a, start);
    if (end < 0) end = body.length;
    line++;
    let slice = body.subarray(start, end);
    if (slice.length > 0 && slice[slice.length - 1] === 0x0d) slice = slice.subarray(0, slice.length - 1);
    if (slice.toString('utf8').trim() !== '') items.push({ value: Buffer.from(slice), item: line });
    start = end + 1;
  }
  return items;
}

export type Sorted = {
  events: OutgoingRecord[];
  deadLetters: OutgoingRecord[];
  errors: Array<{ item: number; reason: DeadLetterReason; detail: string }>;
};

/** Decides each item's way: the telemetry topic (keyed by event_id) or the dead-letter topic. */
export function sortItems(items: readonly BodyItem[], maxRecordBytes: number): Sorted {
  const sorted: Sorted = { events: [], deadLetters: [], errors: [] };
  for (const { value, item } of items) {
    const decoded = decodeRecord(value, maxRecordBytes);
    if (decoded.ok) sorted.events.push({ key: decoded.event.event_id, value });
    else {
      sorted.deadLetters.push(toCollectedDeadLetterRecord(value, decoded.reason, decoded.detail, item));
      sorted.errors.push({ item, reason: decoded.reason, detail: decoded.detail });
    }
  }
  return sorted;
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Constant-time comparison of the presented bearer token (hashes first, so lengths never leak). */
export function authorized(header: string | undefined, token: string | undefined): boolean {
  if (token === undefined) return true;
  const presented = /^Bearer (.+)$/i.exec(header ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(presented), digest(token));
}

function corsHeaders(origin: string | undefined, allowed: readonly string[]): Record<string, string> {
  if (!origin) return {};
  if (allowed.includes('*')) return { 'access-control-allow-origin': '*' };
  return allowed.includes(origin) ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.removeAllListeners('data');
        reject(new BodyTooLarge());
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export type CollectorParts = {
  publisher: RecordPublisher;
  options: CollectorOptions;
  metrics: CollectorMetrics;
  logger: Logger;
};

/** The request handler; the caller owns the server (and its listen/close). */
export function createCollectorHandler({ publisher, options, metrics, logger }: CollectorParts) {
  let lastPublishFailed = false;
  const reply = (res: ServerResponse, status: number, headers: Record<string, string>, body?: unknown): void => {
    metrics.requests.inc({ status: String(status) });
    const json = body === undefined ? undefined : JSON.stringify(body);
    res.writeHead(status, { ...headers, ...(json === undefined ? {} : { 'content-type': 'application/json' }) }).end(json);
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0];
    const cors = corsHeaders(req.headers.origin, options.corsOrigins);
    if (path === '/metrics') {
      const body = await metrics.registry.metrics();
      res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body);
      return;
    }
    if (path === '/healthz') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
    if (path === '/readyz') return void res.writeHead(lastPublishFailed ? 503 : 200, { 'content-type': 'text/plain' }).end(lastPublishFailed ? 'not ready\n' : 'ready\n');
    if (path !== collectPath) return reply(res, 404, {}, { error: 'not_found' });
    if (req.method === 'OPTIONS') {
      // CORS preflight (fetch with an Authorization or JSON content-type header).
      return reply(res, 204, { ...cors, 'access-control-allow-methods': 'POST, OPTIONS', 'access-control-allow-headers': 'authorization, content-type', 'access-control-max-age': '600' });
    }
    if (req.method !== 'POST') return reply(res, 405, { ...cors, allow: 'POST, OPTIONS' }, { error: 'method_not_allowed' });
    if (!authorized(req.headers.authorization, options.token)) {
      req.resume();
      return reply(res, 401, { ...cors, 'www-authenticate': 'Bearer' }, { error: 'unauthorized' });
    }
    let body: Buffer;
    try {
      body = await readBody(req, options.maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLarge) return reply(res, 413, { ...cors, connection: 'close' }, { error: 'body_too_large', limit_bytes: options.maxBodyBytes });
      return reply(res, 400, cors, { error: 'body_unreadable' });
    }
    metrics.bodyBytes.observe(body.length);
    const sorted = sortItems(splitBody(body), options.maxRecordBytes);
    try {
      await publisher.publish(options.topic, sorted.events);
      await publisher.publish(options.dlqTopic, sorted.deadLetters);
      lastPublishFailed = false;
    } catch (error) {
      lastPublishFailed = true;
      metrics.publishFailures.inc();
      logger.warn({ err: { message: (error as Error).message } }, 'publish failed; the client should retry');
      return reply(res, 503, { ...cors, 'retry-after': '5' }, { error: 'kafka_unavailable' });
    }
    metrics.published.inc(sorted.events.length);
    for (const e of sorted.errors) metrics.deadLetters.inc({ reason: e.reason });
    reply(res, 202, cors, { accepted: sorted.events.length, dead_lettered: sorted.deadLetters.length, errors: sorted.errors.slice(0, 100) });
  };
}
