// A bounded, approximate memory of event_ids this process wrote recently: two rotating Bloom filters
// (2 MiB together). "Maybe seen" only selects which ids the sink looks up in ClickHouse before an
// insert, so a false positive costs one look-up and never drops an event; "not seen" skips the look-up.

const BITS = 1 << 23; // 1 MiB per generation
const HASHES = 4;
/** Ids per generation before it rotates: ~0.2% false positives at this fill. */
const PER_GENERATION = 500_000;

/** FNV-1a 32-bit and a second, differently seeded variant; double hashing gives the k positions. */
function hashes(id: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ id.length;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, (b | 1) >>> 0];
}

export function createRecentIds() {
  let current = new Uint8Array(BITS / 8);
  let previous = new Uint8Array(BITS / 8);
  let added = 0;
  const has = (bits: Uint8Array, [a, b]: [number, number]) => {
    for (let k = 0; k < HASHES; k++) {
      const bit = (a + k * b) % BITS;
      if ((bits[bit >>> 3]! & (1 << (bit & 7))) === 0) return false;
    }
    return true;
  };
  return {
    mightContain(id: string): boolean {
      const h = hashes(id);
      return has(current, h) || has(previous, h);
    },
    add(id: string): void {
      if (added >= PER_GENERATION) {
        previous = current;
        current = new Uint8Array(BITS / 8);
        added = 0;
      }
      const [a, b] = hashes(id);
      for (let k = 0; k < HASHES; k++) {
        const bit = (a + k * b) % BITS;
        current[bit >>> 3]! |= 1 << (bit & 7);
      }
      added++;
    },
  };
}
