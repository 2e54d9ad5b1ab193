// Results of pure functions of texts and handshakes, which repeat across connections: kept once per distinct key and shared
// (read-only), bounded so a long-running pipeline's memory stays flat (started afresh when full; a cheap reset beats LRU
// bookkeeping on a hit path).
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly maxEntries = 1024) {}

  /** The cached value for the key, computed from it and kept on a miss. */
  get(key: string, compute: (key: string) => V): V {
    let value = this.entries.get(key);
    if (value === undefined) {
      value = compute(key);
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(key, value);
    }
    return value;
  }
}

/**
 * A pure reading of a text, done once per distinct text: checks that run on every event's message (a pattern over its lines, a
 * substring scan) would otherwise repeat for each event of the same text. Bounded like the text findings' memo (text-findings.ts):
 * texts over `maxLength` are read each time, and a full memo starts afresh. Values are kept, so a reading must not be undefined.
 */
export function oncePerText<V extends NonNullable<unknown>>(read: (text: string) => V, maxEntries = 4096, maxLength = 1024): (text: string) => V {
  const cache = new BoundedCache<V>(maxEntries);
  return (text) => (text.length > maxLength ? read(text) : cache.get(text, read));
}
