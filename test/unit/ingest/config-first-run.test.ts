// What a newcomer gets wrong in the environment: a misspelt name, an upper-case word, one port moved.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, unknownVariables } from '../../../ingest/config.js';

describe('unknownVariables', () => {
  it.each([
    ['WSDIAG_KAFKA_BROKER', 'WSDIAG_KAFKA_BROKERS'],
    ['WSDIAG_CLICKHOUSE_ULR', 'WSDIAG_CLICKHOUSE_URL'],
    ['WSDIAG_LOGLEVEL', 'WSDIAG_LOG_LEVEL'],
    ['WSDIAG_METRIC_PORT', 'WSDIAG_METRICS_PORT'],
  ])('%s → did you mean %s', (name, suggestion) => {
    expect(unknownVariables({ [name]: 'x' })).toEqual([{ name, suggestion }]);
  });

  it('names a far-off variable without a guess', () => {
    expect(unknownVariables({ WSDIAG_SOMETHING_ELSE_ENTIRELY: '1' })).toEqual([{ name: 'WSDIAG_SOMETHING_ELSE_ENTIRELY' }]);
  });

  it('leaves known settings, *_FILE secrets, scripts/services variables and foreign variables alone', () => {
    expect(
      unknownVariables({ WSDIAG_KAFKA_BROKERS: 'a:1', WSDIAG_CLICKHOUSE_PASSWORD_FILE: '/run/p', WSDIAG_SERVICES_DIR: '/tmp', WSDIAG_CH_TCP_PORT: '9000', PATH: '/bin', KAFKA_BROKERS: 'x' }),
    ).toEqual([]);
  });
});

describe('every WSDIAG_* variable scripts/ reads is known (so the warning never names a real one)', () => {
  const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
  const named = new Set(files('scripts').flatMap((f) => readFileSync(f, 'utf8').match(/\bWSDIAG_[A-Z0-9_]*[A-Z0-9]\b/g) ?? []));
  it.each([...named].filter((n) => !n.startsWith('WSDIAG_ERR_') && !['WSDIAG_SHARD', 'WSDIAG_REPLICA'].includes(n)).sort())('%s', (name) => {
    expect(unknownVariables({ [name]: 'x' })).toEqual([]);
  });
});

describe('words are case-insensitive', () => {
  it.each([
    ['WSDIAG_KAFKA_SASL_MECHANISM', 'PLAIN', 'plain'],
    ['WSDIAG_KAFKA_SASL_MECHANISM', 'SCRAM-SHA-512', 'scram-sha-512'],
    ['WSDIAG_LOG_LEVEL', 'Debug', 'debug'],
    ['WSDIAG_DLQ_COMPRESSION', 'GZIP', 'gzip'],
    ['WSDIAG_KAFKA_SSL', 'TRUE', true],
  ])('%s=%s', (name, value, expected) => {
    const config = loadConfig({ [name]: value, WSDIAG_KAFKA_SASL_USERNAME: 'u', WSDIAG_KAFKA_SASL_PASSWORD: 'p' });
    expect(config[name as keyof typeof config]).toBe(expected);
  });
  it('still refuses an unknown mechanism, naming the variable', () => {
    expect(() => loadConfig({ WSDIAG_KAFKA_SASL_MECHANISM: 'GSSAPI', WSDIAG_KAFKA_SASL_USERNAME: 'u', WSDIAG_KAFKA_SASL_PASSWORD: 'p' })).toThrow(/WSDIAG_KAFKA_SASL_MECHANISM/);
  });
});

describe('one set of port variables moves scripts/services and the CLI', () => {
  it('WSDIAG_KAFKA_PORT and WSDIAG_CH_HTTP_PORT move the defaults', () => {
    const config = loadConfig({ WSDIAG_KAFKA_PORT: '19092', WSDIAG_CH_HTTP_PORT: '18123' });
    expect(config.WSDIAG_KAFKA_BROKERS).toEqual(['127.0.0.1:19092']);
    expect(config.WSDIAG_CLICKHOUSE_URL).toBe('http://127.0.0.1:18123');
  });
  it('explicit URL and brokers win', () => {
    const config = loadConfig({ WSDIAG_KAFKA_PORT: '19092', WSDIAG_KAFKA_BROKERS: 'k:9', WSDIAG_CH_HTTP_PORT: '18123', WSDIAG_CLICKHOUSE_URL: 'http://c:1' });
    expect(config.WSDIAG_KAFKA_BROKERS).toEqual(['k:9']);
    expect(config.WSDIAG_CLICKHOUSE_URL).toBe('http://c:1');
  });
});
