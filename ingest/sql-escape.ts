// Client-side quoting for the servers without query parameters (18.16). Values only, never identifiers.
// @see https://clickhouse.com/docs/en/sql-reference/syntax#string — backslash escapes in quoted strings.

export function quoteString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\0/g, '\\0').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
}
