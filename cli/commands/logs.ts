// `wsdiag logs --format nginx|haproxy|envoy [FILE|-]`: proxy log lines in, telemetry v1 events out
// (NDJSON on stdout, or published to the telemetry topic). Lines that are not about a connection are
// skipped and counted; a line that does not parse never stops it; `--follow` survives rotation.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Command } from '../wsdiag.js';
import { lineParsers } from '../../ingest/logs/formats.js';
import { followLines } from '../../ingest/logs/follow-file.js';
import { logFormats, skipReasons, toTelemetryEvent, type EventContext, type LogFormat, type SkipReason } from '../../ingest/logs/log-line.js';
import { createKafkaPublisher } from '../../ingest/kafka-source.js';
import type { OutgoingRecord } from '../../ingest/record-source.js';
import { loadConfig } from '../../ingest/config.js';
import { createLogger } from '../../ingest/logger.js';

const usage =
  'wsdiag logs: --format nginx|haproxy|envoy [FILE|-] [--follow] [--emit stdout|kafka] [--service S] [--kind proxy|server] [--host NAME] [--scheme wss|ws] [--instance I] [--poll-ms N]\n';

const BATCH_RECORDS = 500;

function lines(file: string, follow: boolean, signal: AbortSignal, onIdle: () => Promise<void>): AsyncIterable<string> {
  if (follow && file !== '-') return followLines(file, { pollMs: 250, signal, onIdle });
  return createInterface({ input: file === '-' ? process.stdin : createReadStream(file), crlfDelay: Infinity });
}

export const logsCommand: Command = async (args, env) => {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        follow: { type: 'boolean', default: false },
        emit: { type: 'string', default: 'stdout' },
        service: { type: 'string' },
        kind: { type: 'string', default: 'proxy' },
        host: { type: 'string' },
        scheme: { type: 'string', default: 'wss' },
        instance: { type: 'string' },
        'poll-ms': { type: 'string', default: '250' },
      },
    });
  } catch (error) {
    process.stderr.write(`wsdiag logs: ${(error as Error).message}\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const format = values.format as LogFormat | undefined;
  const pollMs = Number(values['poll-ms']);
  if (
    !format || !logFormats.includes(format) || !['stdout', 'kafka'].includes(values.emit) || !['proxy', 'server'].includes(values.kind) ||
    !['ws', 'wss'].includes(values.scheme) || positionals.length > 1 || !(Number.isInteger(pollMs) && pollMs >= 10)
  ) {
    process.stderr.write(usage);
    return 2;
  }
  const file = positionals[0] ?? '-';
  const config = loadConfig(env);
  // stdout carries the events: the process's own logs go to stderr.
  const logger = createLogger(config.WSDIAG_LOG_LEVEL, process.stderr);
  const log = logger.child({ stage: 'logs', format });
  const parse = lineParsers[format];
  const context: Omit<EventContext, 'nowMs'> = {
    format,
    service: values.service ?? format,
    kind: values.kind as 'proxy' | 'server',
    scheme: values.scheme as 'ws' | 'wss',
    ...(values.host ? { fallbackHost: values.host } : {}),
    ...(values.instance ? { instance: values.instance } : {}),
  };
  const parseOptions = { utcOffsetMinutes: -new Date().getTimezoneOffset() };
  const counts = { lines: 0, events: 0, skipped: Object.fromEntries(skipReasons.map((r) => [r, 0])) as Record<SkipReason, number> };

  const publisher = values.emit === 'kafka' ? createKafkaPublisher(config, logger) : undefined;
  let batch: OutgoingRecord[] = [];
  const flush = async (): Promise<void> => {
    if (!publisher || batch.length === 0) return;
    const records = batch;
    batch = [];
    await publisher.publish(config.WSDIAG_TOPIC, records);
  };

  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  try {
    for await (const text of lines(file, values.follow, stop.signal, flush)) {
      if (text.trim() === '') continue;
      counts.lines++;
      const result = parse(text, parseOptions);
      if (!result.ok) {
        counts.skipped[result.skip]++;
        continue;
      }
      counts.events++;
      const event = toTelemetryEvent(text, result.line, { ...context, nowMs: Date.now() });
      const json = JSON.stringify(event);
      if (publisher) {
        batch.push({ key: event.event_id, value: json });
        if (batch.length >= BATCH_RECORDS) await flush();
      } else if (!process.stdout.write(`${json}\n`)) {
        await new Promise((r) => process.stdout.once('drain', r));
      }
      if (stop.signal.aborted) break;
    }
    await flush();
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    await publisher?.disconnect();
  }
  log.info({ file: file === '-' ? 'stdin' : file, ...counts }, 'log lines read');
  return 0;
};
