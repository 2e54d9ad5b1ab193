// SqlRunner over ClickHouse's HTTP interface (@clickhouse/client): the only module that talks to
// the server. Errors become data ({ code, retriable }) so callers branch on codes, not on text.
import { createClient, type ClickHouseClient, ClickHouseLogLevel } from '@clickhouse/client';
import type { SqlRunner } from './sql-runner.js';

export interface ClickHouseConfig {
  url: string;
  username: string;
  password: string;
  requestTimeoutMs: number;
  /** PEM of the CA that signed the server's HTTPS certificate. */
  caCert?: Buffer;
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

export class ClickHouseError extends Error {
  readonly code: string;
  readonly serverCode: number | undefined;
  readonly retriable: boolean;
  constructor(message: string, serverCode: number | undefined, options: { cause: unknown }) {
    super(message, options);
    this.name = 'ClickHouseError';
    this.serverCode = serverCode;
    this.retriable = serverCode === undefined || !permanentServerCodes.has(serverCode);
    this.code = serverCode === undefined ? 'CH_UNAVAILABLE' : this.retriable ? 'CH_SERVER_ERROR' : 'CH_REJECTED_DATA';
  }
}

/** Parses both the 18.16 ("Code: 46, e.displayText() = …") and current ("Code: 46. DB::Exception…") forms. */
export function toClickHouseError(error: unknown): ClickHouseError {
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
    // The client would print errors with their arguments to the console; we log through pino instead.
    log: { level: ClickHouseLogLevel.OFF },
  });
  const wrap = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw toClickHouseError(error);
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
    ping: async () => (await client.ping()).success,
    close: () => client.close(),
  };
}
