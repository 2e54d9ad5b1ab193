// Results of pure functions of texts and handshakes, which repeat across connections: kept once per distinct key and shared
// (read-only), bounded so a long-running pipeline's memory stays flat (started afresh when full; a cheap reset beats LRU
// bookkeeping on a hit path).
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly maxEntries = 1024) {}

  /** The cached value for the key, computed and kept on a miss. */
  get(key: string, compute: () => V): V {
    let value = this.entries.get(key);
    if (value === undefined) {
      value = compute();
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(key, value);
    }
    return value;
  }
}
