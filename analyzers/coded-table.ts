// Lookup over a table of numbered rows (TLS alerts, OpenSSL verify codes) by number or by any spelling
// a runtime prints. Texts capture a few usual spellings over and over, so those are answered from a map
// filled at load by the same `byName` normalisation: only the cost changes, never the answer.

export interface CodedRow {
  readonly code: number;
}

/**
 * `byName` maps any non-numeric spelling to its row; `spellings` lists the usual ones per row.
 * Numbers and digit strings ("45") go to the row with that code.
 */
export function codedTableLookup<Row extends CodedRow>(
  rows: readonly Row[],
  byName: (text: string) => Row | undefined,
  spellings: (row: Row) => readonly string[],
): (key: string | number) => Row | undefined {
  const byCode = new Map<number, Row>(rows.map((row) => [row.code, row]));
  const normalised = (key: string): Row | undefined => {
    const text = key.trim();
    return /^\d{1,5}$/.test(text) ? byCode.get(Number(text)) : byName(text);
  };
  const known = new Map<string, Row | null>();
  for (const row of rows) for (const spelling of spellings(row)) known.set(spelling, normalised(spelling) ?? null);
  return (key) => {
    if (typeof key === 'number') return byCode.get(key);
    const hit = known.get(key);
    return hit !== undefined ? (hit ?? undefined) : normalised(key);
  };
}
