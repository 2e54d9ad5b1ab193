// SqlRunner over ClickHouse's HTTP interface (@clickhouse/client): the only module that talks to
// the server. Errors become data ({ code, retriable }) so callers branch on codes, not on text.
import { createClient, type ClickHouseClient, ClickHouseLogLevel } from '@clickhouse/client';
import { Readable } from 'node:stream';
import type { SqlRunner } from './sql-runner.js';
import { permanentTlsFailure } from './tls-failure.js';

export interface ClickHouseConfig {
  url: string;
  username: string;
  password: string;
  requestTimeoutMs: number;
  /** PEM of the CA that signed the server's HTTPS certificate. */
  caCert?: Buffer;
  /**
   * Cluster mode: an insert into a Distributed table is acknowledged only once every shard it routes
   * rows to has stored them (not when the initiator queued them), so offsets are never committed ahead.
   */
  distributedSync?: boolean;
}

/** Server error codes that mean "this input can never be stored" (retrying will not help). */
const permanentServerCodes = new Set([
  6, // CANNOT_PARSE_TEXT
  27, // CANNOT_PARSE_INPUT_ASSERTION_FAILED
  38, // CANNOT_PARSE_DATE
  41, // CANNOT_PARSE_DATETIME
  53, // TYPE_MISMATCH
  69, // ARGUMENT_OUT_OF_BOUND
  70, // CANNOT_CONVERT_TYPE
  72, // CANNOT_PARSE_NUMBER
  117, // INCORRECT_DATA
  131, // TOO_LARGE_STRING_SIZE
  321, // VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE
]);

/** Server error codes that mean "these credentials will never be accepted". */
const authServerCodes = new Set([
  192, // UNKNOWN_USER
  193, // WRONG_PASSWORD
  194, // REQUIRED_PASSWORD
  516, // AUTHENTICATION_FAILED (current servers)
]);

/**
 * `CH_*`: one request failed (retried when retriable, or its rows are dead-lettered when rejected);
 * `WSDIAG_ERR_CLICKHOUSE_*`: the job cannot work as configured and stops (docs/reliability.md, "Error codes").
 */
export type ClickHouseErrorCode = 'CH_UNAVAILABLE' | 'CH_SERVER_ERROR' | 'CH_REJECTED_DATA' | 'WSDIAG_ERR_CLICKHOUSE_AUTH' | 'WSDIAG_ERR_CLICKHOUSE_TLS';

function errorCode(serverCode: number | undefined, tlsFailure: boolean): ClickHouseErrorCode {
  if (tlsFailure) return 'WSDIAG_ERR_CLICKHOUSE_TLS';
  if (serverCode === undefined) return 'CH_UNAVAILABLE';
  if (authServerCodes.has(serverCode)) return 'WSDIAG_ERR_CLICKHOUSE_AUTH';
  return permanentServerCodes.has(serverCode) ? 'CH_REJECTED_DATA' : 'CH_SERVER_ERROR';
}

const hints: Partial<Record<ClickHouseErrorCode, string>> = {
  WSDIAG_ERR_CLICKHOUSE_AUTH: 'check WSDIAG_CLICKHOUSE_USER / _PASSWORD',
  WSDIAG_ERR_CLICKHOUSE_TLS: 'check WSDIAG_CLICKHOUSE_CA_FILE and the host in WSDIAG_CLICKHOUSE_URL',
};

export class ClickHouseError extends Error {
  readonly code: ClickHouseErrorCode;
  readonly serverCode: number | undefined;
  readonly retriable: boolean;
  constructor(message: string, serverCode: number | undefined, options: { cause: unknown; tlsFailure?: boolean }) {
    const code = errorCode(serverCode, options.tlsFailure ?? false);
    const hint = hints[code];
    // Codes that stop the job lead the message: the CLI prints it as the one line an operator reads.
    super(hint ? `${code}: ${message.trim()}; ${hint}` : message, { cause: options.cause });
    this.name = 'ClickHouseError';
    this.serverCode = serverCode;
    this.code = code;
    this.retriable = code === 'CH_UNAVAILABLE' || code === 'CH_SERVER_ERROR';
  }
}

/** Parses both the 18.16 ("Code: 46, e.displayText() = …") and current ("Code: 46. DB::Exception…") forms. */
export function toClickHouseError(error: unknown, origin = 'ClickHouse'): ClickHouseError {
  const tls = permanentTlsFailure(error);
  if (tls) return new ClickHouseError(`TLS to ${origin} failed, ${tls.side}: ${tls.message} (${tls.code})`, undefined, { cause: error, tlsFailure: true });
  const message = error instanceof Error ? error.message : String(error);
  const match = /Code: (\d+)[.,]/.exec(message);
  return new ClickHouseError(message.slice(0, 2000), match ? Number(match[1]) : undefined, { cause: error });
}

export function createClickHouseRunner(config: ClickHouseConfig): SqlRunner & { close(): Promise<void>; ping(): Promise<boolean> } {
  const client: ClickHouseClient = createClient({
    url: config.url,
    username: config.username,
    password: config.password,
    request_timeout: config.requestTimeoutMs,
    ...(config.caCert ? { tls: { ca_cert: config.caCert } } : {}),
    // insert_distributed_sync is the 18.16 name; current servers keep it as an alias.
    ...(config.distributedSync ? { clickhouse_settings: { insert_distributed_sync: 1 } } : {}),
    // The client would print errors with their arguments to the console; we log through pino instead.
    log: { level: ClickHouseLogLevel.OFF },
  });
  const wrap = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw toClickHouseError(error, new URL(config.url).origin);
    }
  };
  return {
    command: (sql) => wrap(async () => void (await client.command({ query: sql }))),
    query: <Row>(sql: string) =>
      wrap(async () => (await (await client.query({ query: sql, format: 'JSONEachRow' })).json()) as Row[]),
    insert: (table, rows) =>
      wrap(async () => {
        if (rows.length > 0) await client.insert({ table, values: rows as Record<string, unknown>[], format: 'JSONEachRow' });
      }),
    insertText: (table, columns, format, body) =>
      wrap(async () => {
        const chunks = typeof body === 'string' ? [body] : body;
        if (chunks.every((chunk) => chunk.length === 0)) return;
        // Each chunk is encoded as it is sent: no single buffer of the whole body.
        await client.insert({ table, columns: [...columns] as [string, ...string[]], format, values: Readable.from(encoded(chunks), { objectMode: false }) });
      }),
    ping: async () => (await client.ping()).success,
    close: () => client.close(),
  };
}

function* encoded(chunks: ReadonlyArray<string | Uint8Array>): Generator<Uint8Array> {
  for (const chunk of chunks) if (chunk.length > 0) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
}
