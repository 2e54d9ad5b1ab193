import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCode, errorCodes, isRetriable } from '../../../ingest/errors.js';
import { toClickHouseError } from '../../../ingest/clickhouse-client.js';

describe('error contract', () => {
  const reliability = readFileSync(new URL('../../../docs/reliability.md', import.meta.url), 'utf8');

  it.each(Object.keys(errorCodes))('%s is documented in docs/reliability.md', (code) => {
    expect(reliability).toContain(`| \`${code}\` |`);
  });

  it.each([
    ['ClickHouse down', toClickHouseError(new Error('connect ECONNREFUSED 127.0.0.1:8123')), 'CH_UNAVAILABLE', true],
    ['ClickHouse busy', toClickHouseError(new Error('Code: 202, e.displayText() = DB::Exception: Too many simultaneous queries')), 'CH_SERVER_ERROR', true],
    ['ClickHouse refuses the data', toClickHouseError(new Error('Code: 131, e.displayText() = DB::Exception: Too large value for FixedString(24)')), 'CH_REJECTED_DATA', false],
    ['a Kafka client error', new Error('The group is rebalancing'), 'UNKNOWN', true],
  ])('%s → %s, retriable %s', (_label, error, code, retriable) => {
    expect(errorCode(error)).toBe(code);
    expect(isRetriable(error)).toBe(retriable);
    expect(Object.keys(errorCodes)).toContain(code);
  });
});
