import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../ingest/config.js';

describe('loadConfig', () => {
  it('applies defaults with units in names and freezes the result', () => {
    const config = loadConfig({});
    expect(config.WSDIAG_KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
    expect(config.WSDIAG_BATCH_FLUSH_MS).toBe(1000);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads only WSDIAG_ variables and parses lists and numbers', () => {
    const config = loadConfig({ PATH: '/bin', WSDIAG_KAFKA_BROKERS: 'a:1, b:2', WSDIAG_BATCH_MAX_ROWS: '250' });
    expect(config.WSDIAG_KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
    expect(config.WSDIAG_BATCH_MAX_ROWS).toBe(250);
  });

  it.each([
    ['broker without port', { WSDIAG_KAFKA_BROKERS: 'localhost' }, 'WSDIAG_KAFKA_BROKERS'],
    ['non-numeric batch size', { WSDIAG_BATCH_MAX_ROWS: 'many' }, 'WSDIAG_BATCH_MAX_ROWS'],
    ['non-http ClickHouse URL', { WSDIAG_CLICKHOUSE_URL: 'ftp://x' }, 'WSDIAG_CLICKHOUSE_URL'],
    ['SASL without credentials', { WSDIAG_KAFKA_SASL_MECHANISM: 'scram-sha-512' }, 'WSDIAG_KAFKA_SASL_USERNAME'],
    ['unknown SASL mechanism', { WSDIAG_KAFKA_SASL_MECHANISM: 'kerberos' }, 'WSDIAG_KAFKA_SASL_MECHANISM'],
    ['CA file without SSL', { WSDIAG_KAFKA_SSL_CA_FILE: '/ca.pem' }, 'WSDIAG_KAFKA_SSL'],
    ['retry wait as long as the session', { WSDIAG_RETRY_MAX_MS: '20000', WSDIAG_KAFKA_SESSION_TIMEOUT_MS: '30000' }, 'WSDIAG_RETRY_MAX_MS'],
    ['database name with SQL in it', { WSDIAG_CLICKHOUSE_DATABASE: 'x; DROP TABLE y' }, 'WSDIAG_CLICKHOUSE_DATABASE'],
  ])('fails fast on %s, naming the variable', (_label, env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });

  it('never echoes a secret value in its error', () => {
    const secret = 'hunter2-very-secret';
    try {
      loadConfig({ WSDIAG_KAFKA_SASL_MECHANISM: 'plain', WSDIAG_KAFKA_SASL_PASSWORD: secret, WSDIAG_BATCH_MAX_ROWS: '-1' });
      expect.unreachable();
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(secret);
    }
  });
});
