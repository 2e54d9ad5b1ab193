// The one pino root. Redaction is configured here so no stage can log a secret by accident.
import { pino, type Logger, type DestinationStream } from 'pino';

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

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ name: 'wsdiag', level, redact: { paths: redactedPaths, censor: '[redacted]' } }, destination);
}
