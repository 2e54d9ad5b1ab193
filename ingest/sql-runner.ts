// The one seam every SQL reader and writer goes through: the ClickHouse server over HTTP in
// production, chDB (in-process current engine) in the two-engine tests.

export interface SqlRunner {
  /** DDL or any statement without a result. */
  command(sql: string): Promise<void>;
  /** A SELECT; rows as JSON objects (64-bit integers may arrive as strings: use Number()). */
  query<Row = Record<string, unknown>>(sql: string): Promise<Row[]>;
  /** Appends rows to a table (JSONEachRow). */
  insert(table: string, rows: ReadonlyArray<Record<string, unknown>>): Promise<void>;
  /** Appends rows already encoded in `format` (e.g. TabSeparated, UTF-8 when bytes), columns in the order given; a body in chunks is sent as one insert. */
  insertText(table: string, columns: readonly string[], format: 'TabSeparated', body: string | ReadonlyArray<string | Uint8Array>): Promise<void>;
}
