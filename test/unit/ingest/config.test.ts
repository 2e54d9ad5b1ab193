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

describe('secrets from files (<NAME>_FILE)', () => {
  const files: Record<string, string> = { '/run/secrets/ch': 's3cret-ch\n', '/run/secrets/sasl': 'sasl-pw', '/run/secrets/user': 'svc-wsdiag\r\n' };
  const readFile = (path: string) => {
    if (!(path in files)) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return files[path]!;
  };

  it('reads each secret from its file, dropping one trailing newline', () => {
    const config = loadConfig(
      {
        WSDIAG_CLICKHOUSE_PASSWORD_FILE: '/run/secrets/ch',
        WSDIAG_KAFKA_SASL_MECHANISM: 'scram-sha-512',
        WSDIAG_KAFKA_SASL_USERNAME_FILE: '/run/secrets/user',
        WSDIAG_KAFKA_SASL_PASSWORD_FILE: '/run/secrets/sasl',
      },
      readFile,
    );
    expect([config.WSDIAG_CLICKHOUSE_PASSWORD, config.WSDIAG_KAFKA_SASL_USERNAME, config.WSDIAG_KAFKA_SASL_PASSWORD]).toEqual(['s3cret-ch', 'svc-wsdiag', 'sasl-pw']);
    expect(Object.keys(config).some((k) => k.endsWith('_FILE') && k.includes('PASSWORD'))).toBe(false);
  });

  it('refuses both forms at once and an unreadable file, naming the variable but never the value', () => {
    const attempt = () => loadConfig({ WSDIAG_CLICKHOUSE_PASSWORD: 'inline-pw', WSDIAG_CLICKHOUSE_PASSWORD_FILE: '/run/secrets/ch', WSDIAG_READER_PASSWORD_FILE: '/nope' }, readFile);
    expect(attempt).toThrow(/WSDIAG_CLICKHOUSE_PASSWORD: set either WSDIAG_CLICKHOUSE_PASSWORD or WSDIAG_CLICKHOUSE_PASSWORD_FILE/);
    expect(attempt).toThrow(/WSDIAG_READER_PASSWORD_FILE: cannot read \/nope \(ENOENT\)/);
    try {
      attempt();
    } catch (error) {
      expect(String((error as Error).message)).not.toMatch(/inline-pw|s3cret/);
    }
  });

  it('a file secret still meets the variable rules (reader password length)', () => {
    files['/run/secrets/short'] = 'short\n';
    expect(() => loadConfig({ WSDIAG_READER_PASSWORD_FILE: '/run/secrets/short' }, readFile)).toThrow(/WSDIAG_READER_PASSWORD: at least 8 characters/);
  });
});

describe('TLS settings', () => {
  it.each([
    ['client cert without key', { WSDIAG_KAFKA_SSL: 'true', WSDIAG_KAFKA_SSL_CERT_FILE: '/c.pem' }, /needs both WSDIAG_KAFKA_SSL_CERT_FILE and WSDIAG_KAFKA_SSL_KEY_FILE/],
    ['client key without TLS', { WSDIAG_KAFKA_SSL_CERT_FILE: '/c.pem', WSDIAG_KAFKA_SSL_KEY_FILE: '/k.pem' }, /WSDIAG_KAFKA_SSL_CERT_FILE is set but WSDIAG_KAFKA_SSL is not true/],
    ['ClickHouse CA on http', { WSDIAG_CLICKHOUSE_CA_FILE: '/ca.pem' }, /WSDIAG_CLICKHOUSE_CA_FILE: is set but WSDIAG_CLICKHOUSE_URL is not https/],
  ])('%s is refused', (_label, env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('accepts mTLS to Kafka and a CA for ClickHouse over HTTPS', () => {
    const config = loadConfig({
      WSDIAG_KAFKA_SSL: 'true',
      WSDIAG_KAFKA_SSL_CA_FILE: '/ca.pem',
      WSDIAG_KAFKA_SSL_CERT_FILE: '/c.pem',
      WSDIAG_KAFKA_SSL_KEY_FILE: '/k.pem',
      WSDIAG_CLICKHOUSE_URL: 'https://ch.internal:8443',
      WSDIAG_CLICKHOUSE_CA_FILE: '/ca.pem',
    });
    expect([config.WSDIAG_KAFKA_SSL_CERT_FILE, config.WSDIAG_CLICKHOUSE_CA_FILE]).toEqual(['/c.pem', '/ca.pem']);
  });
});
