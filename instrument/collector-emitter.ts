// An emitter that batches events and POSTs them as NDJSON to `wsdiag collect`. Failures are counted,
// never thrown: telemetry must not break the application. Timers are unref'd so they never keep a
// process alive; call flush() before exiting to send what is buffered.
import type { TelemetryEventInput } from './types.js';

export type CollectorEmitterOptions = {
  /** e.g. http://127.0.0.1:9470/v1/events */
  url: string;
  /** Bearer token, when the collector asks for one. */
  token?: string;
  flushMs?: number;
  maxBatch?: number;
  /** Events kept while the collector is unreachable; older ones are dropped first. */
  maxBuffered?: number;
};

export type CollectorEmitter = {
  emit(event: TelemetryEventInput): void;
  flush(): Promise<void>;
  stats(): { sent: number; dropped: number; failedRequests: number };
};

export function collectorEmitter(options: CollectorEmitterOptions): CollectorEmitter {
  const { url, token, flushMs = 1000, maxBatch = 100, maxBuffered = 10_000 } = options;
  let buffer: TelemetryEventInput[] = [];
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  const counts = { sent: 0, dropped: 0, failedRequests: 0 };

  const send = async (batch: TelemetryEventInput[]): Promise<void> => {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: batch.map((e) => JSON.stringify(e)).join('\n'),
      });
      await res.arrayBuffer();
      if (res.status === 202) counts.sent += batch.length;
      else throw new Error(`collector answered ${res.status}`);
    } catch {
      counts.failedRequests++;
      // Keep the batch for the next flush, within the buffer limit.
      buffer = [...batch, ...buffer];
      if (buffer.length > maxBuffered) {
        counts.dropped += buffer.length - maxBuffered;
        buffer = buffer.slice(buffer.length - maxBuffered);
      }
    }
  };

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    inFlight = inFlight.then(async () => {
      while (buffer.length > 0) {
        const batch = buffer.splice(0, maxBatch);
        const before = counts.failedRequests;
        await send(batch);
        if (counts.failedRequests > before) return;
      }
    });
    return inFlight;
  };

  return {
    emit(event) {
      buffer.push(event);
      if (buffer.length >= maxBatch) void flush();
      else if (!timer) {
        timer = setTimeout(() => void flush(), flushMs);
        timer.unref();
      }
    },
    flush,
    stats: () => ({ ...counts }),
  };
}
