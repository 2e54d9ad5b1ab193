import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../ingest/logger.js';
import { loadConfig } from '../../../ingest/config.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  return { lines, stream };
}

describe('logger redaction', () => {
  it('writes JSON and never the ClickHouse or SASL password', () => {
    const { lines, stream } = capture();
    const logger = createLogger('info', stream);
    const config = loadConfig({ WSDIAG_CLICKHOUSE_PASSWORD: 'ch-secret-1', WSDIAG_KAFKA_SASL_MECHANISM: 'plain', WSDIAG_KAFKA_SASL_USERNAME: 'u', WSDIAG_KAFKA_SASL_PASSWORD: 'sasl-secret-2' });
    logger.info({ config }, 'starting');
    logger.info({ sasl: { mechanism: 'plain', username: 'u', password: 'sasl-secret-2' } }, 'kafka');
    logger.child({ stage: 'sink' }).warn({ password: 'ch-secret-1', headers: { authorization: 'Basic abc' } }, 'retry');
    const out = lines.join('');
    expect(out).not.toContain('ch-secret-1');
    expect(out).not.toContain('sasl-secret-2');
    expect(out).not.toContain('Basic abc');
    const first = JSON.parse(lines[0]!);
    expect(first.config.WSDIAG_CLICKHOUSE_PASSWORD).toBe('[redacted]');
    expect(first.msg).toBe('starting');
  });
});
