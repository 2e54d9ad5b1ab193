// `wsdiag logs --format nginx|haproxy|envoy [FILE|-]`: proxy log lines in, telemetry v1 events out
// (NDJSON on stdout, or published to the telemetry topic). Lines that are not about a connection are
// skipped and counted; a line that does not parse never stops it; `--follow` survives rotation.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { UsageError, type CliCommand } from '../program.js';
import { lineParsers } from '../../ingest/logs/formats.js';
import { followLines } from '../../ingest/logs/follow-file.js';
import { logFormats, skipReasons, toTelemetryEvent, type EventContext, type LogFormat, type SkipReason } from '../../ingest/logs/log-line.js';
import { createKafkaPublisher } from '../../ingest/kafka-source.js';
import type { OutgoingRecord } from '../../ingest/record-source.js';
import { loadConfig } from '../../ingest/config.js';
import { createLogger } from '../../ingest/logger.js';


const BATCH_RECORDS = 500;

function lines(file: string, follow: boolean, signal: AbortSignal, onIdle: () => Promise<void>): AsyncIterable<string> {
  if (follow && file !== '-') return followLines(file, { pollMs: 250, signal, onIdle });
  return createInterface({ input: file === '-' ? process.stdin : createReadStream(file), crlfDelay: Infinity });
}

interface LogsOptions {
  format?: string; follow: boolean; emit: string; service?: string; kind: string; host?: string; scheme: string; instance?: string; pollMs: string;
}

export const logsCommand: CliCommand = {
  name: 'logs',
  summary: 'proxy log lines as telemetry events (--format nginx|haproxy|envoy [FILE|-] [--follow] [--emit stdout|kafka])',
  configure: (command) =>
    command
      .argument('[file]', "log file, or '-' for stdin", '-')
      .option('--format <format>', `log format: ${logFormats.join(', ')} (required)`)
      .option('--follow', 'keep reading as the file grows (survives rotation)', false)
      .option('--emit <where>', 'stdout (NDJSON) or kafka (WSDIAG_TOPIC)', 'stdout')
      .option('--service <name>', 'source.service of the events (default: the format)')
      .option('--kind <kind>', 'proxy or server', 'proxy')
      .option('--host <name>', 'target host when a line names none')
      .option('--scheme <scheme>', 'wss or ws', 'wss')
      .option('--instance <name>', 'source.instance of the events')
      .option('--poll-ms <n>', 'how often --follow looks for new lines', '250'),
  run: async ({ opts, args }, env) => logs(opts as unknown as LogsOptions, args, env),
};

async function logs(values: LogsOptions, positionals: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const format = values.format as LogFormat | undefined;
  const pollMs = Number(values.pollMs);
  if (!format || !logFormats.includes(format)) throw new UsageError(`--format must be one of ${logFormats.join(', ')}`);
  if (!['stdout', 'kafka'].includes(values.emit)) throw new UsageError('--emit must be stdout or kafka');
  if (!['proxy', 'server'].includes(values.kind)) throw new UsageError('--kind must be proxy or server');
  if (!['ws', 'wss'].includes(values.scheme)) throw new UsageError('--scheme must be ws or wss');
  if (!(Number.isInteger(pollMs) && pollMs >= 10)) throw new UsageError('--poll-ms takes a whole number ≥ 10');
  const file = positionals[0] ?? '-';
  const config = loadConfig(env);
  // stdout carries the events: the process's own logs go to stderr.
  const logger = createLogger(config.WSDIAG_LOG_LEVEL, process.stderr, config.WSDIAG_LOG_FORMAT);
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
}
