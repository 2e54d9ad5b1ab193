// Pipeline configuration: one zod schema over the environment, parsed once at start-up and frozen.
// A bad setting fails fast with a message naming the variable; secrets are never echoed.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { producerCompressions } from './kafka-codecs.js';

/** Words (levels, mechanisms, booleans) are read case-insensitively: `PLAIN` is `plain`. */
const lower = (v: unknown): unknown => (typeof v === 'string' ? v.trim().toLowerCase() : v);
const word = <const T extends readonly [string, ...string[]]>(values: T) => z.preprocess(lower, z.enum(values));
const bool = word(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');
const port = z.coerce.number().int().min(1).max(65535);
const csv = z.string().transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean));

export const configSchema = z
  .object({
    WSDIAG_KAFKA_BROKERS: csv.pipe(z.array(z.string().regex(/^[^\s:]+:\d+$/, 'host:port')).min(1)).default(['127.0.0.1:9092']),
    WSDIAG_KAFKA_CLIENT_ID: z.string().min(1).default('wsdiag'),
    WSDIAG_KAFKA_GROUP_ID: z.string().min(1).default('wsdiag'),
    WSDIAG_TOPIC: z.string().min(1).default('ws.telemetry'),
    WSDIAG_DLQ_TOPIC: z.string().min(1).default('ws.telemetry.dlq'),
    WSDIAG_KAFKA_SSL: bool.default(false),
    WSDIAG_KAFKA_SSL_CA_FILE: z.string().optional(),
    /** Client certificate and key (PEM) for brokers that authenticate clients by certificate (mTLS). */
    WSDIAG_KAFKA_SSL_CERT_FILE: z.string().optional(),
    WSDIAG_KAFKA_SSL_KEY_FILE: z.string().optional(),
    WSDIAG_KAFKA_SASL_MECHANISM: word(['plain', 'scram-sha-256', 'scram-sha-512']).optional(),
    WSDIAG_KAFKA_SASL_USERNAME: z.string().optional(),
    WSDIAG_KAFKA_SASL_PASSWORD: z.string().optional(),
    WSDIAG_DLQ_COMPRESSION: word(producerCompressions).default('none'),
    WSDIAG_KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6000).max(300000).default(30000),
    /** Most bytes one fetch may return (kafkajs maxBytes); per partition at most 1 MiB of it. */
    WSDIAG_KAFKA_FETCH_MAX_BYTES: z.coerce.number().int().min(65536).max(104857600).default(4194304),
    WSDIAG_CLICKHOUSE_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:8123'),
    WSDIAG_CLICKHOUSE_USER: z.string().default('default'),
    WSDIAG_CLICKHOUSE_PASSWORD: z.string().default(''),
    /** PEM file of the CA that signed ClickHouse's HTTPS certificate (for an https:// URL). */
    WSDIAG_CLICKHOUSE_CA_FILE: z.string().optional(),
    /** Password for the read-only `wsdiag_reader` user that `migrate` creates on servers with SQL users. */
    WSDIAG_READER_PASSWORD: z.string().min(8, 'at least 8 characters').optional(),
    WSDIAG_CLICKHOUSE_DATABASE: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a plain identifier').default('wsdiag'),
    /** Cluster mode: the remote_servers cluster that migrate creates ON CLUSTER tables on (docs/scaling.md). */
    WSDIAG_CLICKHOUSE_CLUSTER: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a plain identifier').optional(),
    WSDIAG_CLICKHOUSE_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30000),
    WSDIAG_RETENTION_DAYS: z.coerce.number().int().min(0).default(0),
    WSDIAG_BATCH_MAX_ROWS: z.coerce.number().int().min(1).max(500000).default(5000),
    WSDIAG_BATCH_FLUSH_MS: z.coerce.number().int().min(10).max(600000).default(1000),
    /** How often minutes written since their last build are rebuilt into the rollups. */
    WSDIAG_ROLLUP_INTERVAL_MS: z.coerce.number().int().min(100).max(600000).default(5000),
    WSDIAG_MAX_RECORD_BYTES: z.coerce.number().int().min(1024).default(262144),
    // `wsdiag collect` (HTTP intake).
    WSDIAG_COLLECT_HOST: z.string().default('127.0.0.1'),
    WSDIAG_COLLECT_PORT: z.coerce.number().int().min(0).max(65535).default(9470),
    WSDIAG_COLLECT_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
    WSDIAG_COLLECT_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
    WSDIAG_COLLECT_CORS_ORIGINS: csv.default(['*']),
    WSDIAG_RETRY_INITIAL_MS: z.coerce.number().int().min(1).default(200),
    WSDIAG_RETRY_MAX_MS: z.coerce.number().int().min(1).default(10000),
    WSDIAG_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
    WSDIAG_METRICS_HOST: z.string().default('127.0.0.1'),
    WSDIAG_LOG_LEVEL: word(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** `json` (default: one pino JSON object a line) or `pretty` (one readable line, for a terminal). */
    WSDIAG_LOG_FORMAT: word(['json', 'pretty']).default('json'),
    /** The ports scripts/services starts Kafka and ClickHouse on; they move the defaults below too. */
    WSDIAG_KAFKA_PORT: port.optional(),
    WSDIAG_CH_HTTP_PORT: port.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.WSDIAG_KAFKA_SASL_MECHANISM && (!c.WSDIAG_KAFKA_SASL_USERNAME || !c.WSDIAG_KAFKA_SASL_PASSWORD)) {
      ctx.addIssue({ code: 'custom', path: ['WSDIAG_KAFKA_SASL_USERNAME'], message: 'SASL needs WSDIAG_KAFKA_SASL_USERNAME and WSDIAG_KAFKA_SASL_PASSWORD' });
    }
    for (const name of ['WSDIAG_KAFKA_SSL_CA_FILE', 'WSDIAG_KAFKA_SSL_CERT_FILE', 'WSDIAG_KAFKA_SSL_KEY_FILE'] as const) {
      if (c[name] && !c.WSDIAG_KAFKA_SSL) ctx.addIssue({ code: 'custom', path: ['WSDIAG_KAFKA_SSL'], message: `${name} is set but WSDIAG_KAFKA_SSL is not true` });
    }
    if (Boolean(c.WSDIAG_KAFKA_SSL_CERT_FILE) !== Boolean(c.WSDIAG_KAFKA_SSL_KEY_FILE)) {
      ctx.addIssue({ code: 'custom', path: ['WSDIAG_KAFKA_SSL_CERT_FILE'], message: 'a client certificate needs both WSDIAG_KAFKA_SSL_CERT_FILE and WSDIAG_KAFKA_SSL_KEY_FILE' });
    }
    if (c.WSDIAG_CLICKHOUSE_CA_FILE && !c.WSDIAG_CLICKHOUSE_URL.startsWith('https:')) {
      ctx.addIssue({ code: 'custom', path: ['WSDIAG_CLICKHOUSE_CA_FILE'], message: 'is set but WSDIAG_CLICKHOUSE_URL is not https://' });
    }
    // One backoff wait longer than the session would get the member evicted mid-retry.
    if (c.WSDIAG_RETRY_MAX_MS >= c.WSDIAG_KAFKA_SESSION_TIMEOUT_MS / 2) {
      ctx.addIssue({ code: 'custom', path: ['WSDIAG_RETRY_MAX_MS'], message: 'must be below half of WSDIAG_KAFKA_SESSION_TIMEOUT_MS' });
    }
    if (c.WSDIAG_RETRY_MAX_MS < c.WSDIAG_RETRY_INITIAL_MS) {
      ctx.addIssue({ code: 'custom', path: ['WSDIAG_RETRY_MAX_MS'], message: 'must be ≥ WSDIAG_RETRY_INITIAL_MS' });
    }
  });

export type Config = Readonly<z.output<typeof configSchema>>;

export class ConfigError extends Error {
  readonly code = 'WSDIAG_ERR_CONFIG';
}

/**
 * Variables that hold secrets. Each may instead name a file with `<NAME>_FILE` (the convention of
 * container images and Kubernetes secrets); one trailing newline of the file is dropped.
 */
export const secretVariables = ['WSDIAG_KAFKA_SASL_USERNAME', 'WSDIAG_KAFKA_SASL_PASSWORD', 'WSDIAG_CLICKHOUSE_PASSWORD', 'WSDIAG_READER_PASSWORD', 'WSDIAG_COLLECT_TOKEN'] as const;

/** Reads only WSDIAG_* variables; the message lists each bad variable, never its value. */
export function loadConfig(env: Record<string, string | undefined>, readFile: (path: string) => string = (path) => readFileSync(path, 'utf8')): Config {
  const relevant: Record<string, string> = Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[0].startsWith('WSDIAG_') && e[1] !== undefined && e[1] !== ''),
  );
  // One pair of port variables moves scripts/services and the CLI alike (docs/services.md).
  if (relevant.WSDIAG_KAFKA_BROKERS === undefined && relevant.WSDIAG_KAFKA_PORT !== undefined) relevant.WSDIAG_KAFKA_BROKERS = `127.0.0.1:${relevant.WSDIAG_KAFKA_PORT}`;
  if (relevant.WSDIAG_CLICKHOUSE_URL === undefined && relevant.WSDIAG_CH_HTTP_PORT !== undefined) relevant.WSDIAG_CLICKHOUSE_URL = `http://127.0.0.1:${relevant.WSDIAG_CH_HTTP_PORT}`;
  const problems: string[] = [];
  for (const name of secretVariables) {
    const path = relevant[`${name}_FILE`];
    delete relevant[`${name}_FILE`];
    if (path === undefined) continue;
    if (relevant[name] !== undefined) problems.push(`  ${name}: set either ${name} or ${name}_FILE, not both`);
    else {
      try {
        relevant[name] = readFile(path).replace(/\r?\n$/, '');
      } catch (error) {
        problems.push(`  ${name}_FILE: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      }
    }
  }
  const parsed = configSchema.safeParse(relevant);
  if (!parsed.success) problems.push(...parsed.error.issues.map((i) => `  ${i.path.join('.') || '(config)'}: ${i.message}`));
  if (problems.length > 0 || !parsed.success) throw new ConfigError(`invalid configuration:\n${problems.join('\n')}`);
  return Object.freeze(parsed.data);
}

/** WSDIAG_* variables read by scripts/services, the tests and the benches rather than by the CLI. */
export const otherVariables = [
  'WSDIAG_SERVICES_DIR', 'WSDIAG_KAFKA_LIBS', 'WSDIAG_CH_TCP_PORT', 'WSDIAG_KAFKA_CONTROLLER_PORT', 'WSDIAG_TOPIC_PARTITIONS',
  'WSDIAG_DLQ_TOPIC_PARTITIONS', 'WSDIAG_CH_START_TIMEOUT_SECS', 'WSDIAG_KAFKA_START_TIMEOUT_SECS', 'WSDIAG_STOP_TIMEOUT_SECS',
  'WSDIAG_KAFKA_HEAP', 'WSDIAG_UPDATE_DOCS', 'WSDIAG_FAULTS_REPORT', 'WSDIAG_FAULTS_PROFILE', 'WSDIAG_FAULTS_SERVICES_DIR', 'WSDIAG_PROMTOOL',
  'WSDIAG_CH_HTTPS_PORT', 'WSDIAG_CH_WRITER_USER', 'WSDIAG_KAFKA_MTLS_PORT', 'WSDIAG_KAFKA_SASL_SSL_PORT', 'WSDIAG_SECURE_DIR', 'WSDIAG_SERVICES_TOPICS',
  'WSDIAG_CLUSTER_HTTP_PORTS', 'WSDIAG_CLUSTER_INTERSERVER_PORTS', 'WSDIAG_CLUSTER_NAME', 'WSDIAG_CLUSTER_SERVICES_DIR', 'WSDIAG_CLUSTER_TCP_PORTS',
  'WSDIAG_ZK_HEAP', 'WSDIAG_ZK_LIBS', 'WSDIAG_ZK_PORT', 'WSDIAG_ZK_START_TIMEOUT_SECS',
] as const;

const knownVariables: readonly string[] = [...Object.keys(configSchema.shape), ...secretVariables.map((n) => `${n}_FILE`), ...otherVariables];

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/**
 * WSDIAG_* variables no part of wsdiag reads (zod would drop them silently), each with the closest
 * known name when one is near: a misspelt setting must not leave its default in force unnoticed.
 */
export function unknownVariables(env: Record<string, string | undefined>): Array<{ name: string; suggestion?: string }> {
  return Object.keys(env)
    .filter((name) => name.startsWith('WSDIAG_') && !knownVariables.includes(name))
    .sort()
    .map((name) => {
      const [best] = knownVariables.map((known) => ({ known, d: editDistance(name, known) })).sort((x, y) => x.d - y.d);
      return best && best.d <= Math.max(2, Math.floor(name.length / 4)) ? { name, suggestion: best.known } : { name };
    });
}
