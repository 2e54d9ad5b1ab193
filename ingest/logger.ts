// The one pino root. Redaction is configured here so no stage can log a secret by accident.
import { pino, type Logger, type DestinationStream } from 'pino';
import { prettyDestination } from './pretty-log.js';

export const redactedPaths = [
  'password',
  '*.password',
  'config.WSDIAG_CLICKHOUSE_PASSWORD',
  'config.WSDIAG_KAFKA_SASL_PASSWORD',
  'WSDIAG_CLICKHOUSE_PASSWORD',
  'WSDIAG_KAFKA_SASL_PASSWORD',
  'config.WSDIAG_READER_PASSWORD',
  'WSDIAG_READER_PASSWORD',
  'ssl.key',
  '*.ssl.key',
  'config.WSDIAG_COLLECT_TOKEN',
  'WSDIAG_COLLECT_TOKEN',
  'sasl.password',
  '*.sasl.password',
  'authorization',
  '*.authorization',
  'headers.authorization',
];

/** format `pretty` turns each JSON line into a readable one (opt-in with WSDIAG_LOG_FORMAT=pretty). */
export function createLogger(level: string, destination?: DestinationStream, format: 'json' | 'pretty' = 'json'): Logger {
  const out = format === 'pretty' ? prettyDestination((destination as NodeJS.WritableStream | undefined) ?? process.stdout) : destination;
  return pino({ name: 'wsdiag', level, redact: { paths: redactedPaths, censor: '[redacted]' } }, out);
}
