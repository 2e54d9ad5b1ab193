// Results of pure functions of up to three strings (a request and a response header; a runtime, a user agent and a code), kept
// once per distinct combination in nested Maps: no key string of the parts is built and hashed per event, only the parts' own
// (their hashes are kept on the strings). Bounded in total like BoundedCache: started afresh when full.
export class NestedCache<V> {
  private readonly entries = new Map<string | undefined, Map<string | undefined, Map<string | undefined, V>>>();
  private size = 0;

  constructor(private readonly maxEntries = 1024) {}

  /** The cached value for (first, second, third), computed on a miss and kept. */
  get(first: string | undefined, second: string | undefined, third: string | undefined, compute: () => V): V {
    const value = this.entries.get(first)?.get(second)?.get(third);
    if (value !== undefined) return value;
    const fresh = compute();
    if (this.size >= this.maxEntries) {
      this.entries.clear();
      this.size = 0;
    }
    let bySecond = this.entries.get(first);
    if (bySecond === undefined) this.entries.set(first, (bySecond = new Map()));
    let byThird = bySecond.get(second);
    if (byThird === undefined) bySecond.set(second, (byThird = new Map()));
    byThird.set(third, fresh);
    this.size++;
    return fresh;
  }
}
