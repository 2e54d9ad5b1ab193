// Findings of one text field (error.code, error.name, error.message, close.reason): the runtime
// vocabularies' exact rules, then the codes written in the text (code-findings.ts). A pure function of
// (field, text), so it is memoized: telemetry repeats the same error texts across clients and retries.
import type { SourcedFinding } from './candidate.js';
import { textCodeFindings } from './code-findings.js';
import { matchText } from './vocabularies/index.js';

/** Appends every finding of one text of field `kind` to `out`: exact rules first, then codes. */
export function findTextFindings(kind: string, text: string, out: SourcedFinding[]): void {
  const from = out.length;
  matchText(kind, text, out);
  textCodeFindings(kind, text, out, from);
}

// The memo is a small set-associative cache (2 ways, least recently used out). Admission: the first
// sighting of a text records only its fingerprint (length and sampled characters), the second stores the
// text and its findings, later ones reuse them. One-off texts pay a fingerprint, not a hash-map lookup, nor
// an entry for the garbage collector. A fingerprint collision costs at most a string comparison: an entry
// is reused only for the very same text. It changes no result: the tests run the engine on distinct texts too.
const MEMO_MAX_TEXT = 1024;
const MEMO_SETS = 1024;

/** Length and nine sampled characters (both ends, where texts from one template differ), mixed FNV-style. */
function fingerprint(text: string): number {
  const length = text.length;
  let hash = Math.imul(0x811c9dc5 ^ length, 16777619);
  if (length === 0) return hash;
  hash = Math.imul(hash ^ text.charCodeAt(0), 16777619);
  hash = Math.imul(hash ^ text.charCodeAt(length >> 2), 16777619);
  hash = Math.imul(hash ^ text.charCodeAt(length >> 1), 16777619);
  hash = Math.imul(hash ^ text.charCodeAt((length * 3) >> 2), 16777619);
  for (let i = length - 1; i >= 0 && i >= length - 5; i--) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash ^ (hash >>> 15);
}

/** A text field's findings with their memo: made once per field name at start-up, not looked up per text. */
export interface FieldFindings {
  /** Appends the findings of one text of this field to `out`. */
  find(text: string, out: SourcedFinding[]): void;
}

class MemoizedFieldFindings implements FieldFindings {
  private readonly prints = new Int32Array(MEMO_SETS * 2);
  /** undefined while a fingerprint has been seen once only. */
  private readonly texts: (string | undefined)[] = new Array<string | undefined>(MEMO_SETS * 2).fill(undefined);
  private readonly found: (readonly SourcedFinding[] | undefined)[] = new Array<readonly SourcedFinding[] | undefined>(MEMO_SETS * 2).fill(undefined);
  /** Per set, the way to replace next (the one used least recently). */
  private readonly victim = new Uint8Array(MEMO_SETS);

  constructor(private readonly kind: string) {}

  find(text: string, out: SourcedFinding[]): void {
    if (text.length > MEMO_MAX_TEXT) return findTextFindings(this.kind, text, out);
    const print = fingerprint(text);
    const set = print & (MEMO_SETS - 1);
    for (let way = 0; way < 2; way++) {
      const entry = set * 2 + way;
      if (this.prints[entry] !== print) continue;
      const known = this.texts[entry];
      if (known !== undefined && known !== text) continue;
      this.victim[set] = 1 - way;
      let found = this.found[entry];
      if (found === undefined) {
        // Second sighting: admitted.
        const fresh: SourcedFinding[] = [];
        findTextFindings(this.kind, text, fresh);
        this.texts[entry] = text;
        this.found[entry] = found = fresh;
      }
      for (let i = 0; i < found.length; i++) out.push(found[i] as SourcedFinding);
      return;
    }
    const way = this.victim[set] as number;
    const entry = set * 2 + way;
    this.prints[entry] = print;
    this.texts[entry] = undefined;
    this.found[entry] = undefined;
    this.victim[set] = 1 - way;
    findTextFindings(this.kind, text, out);
  }
}

export function fieldFindings(kind: string): FieldFindings {
  return new MemoizedFieldFindings(kind);
}
