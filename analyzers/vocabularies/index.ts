// All runtime vocabularies, in one explicit list, compiled once into the matcher that runs them over
// an event's texts (matcher.ts). Captured values (HTTP status, TLS alert, verify code) resolve there.
import { browserVocabulary } from './browser.js';
import { cppVocabulary } from './cpp.js';
import { curlVocabulary } from './curl.js';
import { dotnetVocabulary } from './dotnet.js';
import { goVocabulary } from './go.js';
import { javaVocabulary } from './java.js';
import { nodeVocabulary } from './node.js';
import { opensslVocabulary } from './openssl.js';
import { proxyVocabulary } from './proxy.js';
import { pythonVocabulary } from './python.js';
import { rustVocabulary } from './rust.js';
import { systemVocabulary } from './system.js';
import { VocabularyMatcher, type TextField, type TextHit } from './matcher.js';
import type { Vocabulary } from './types.js';

export type { TextField, TextHit } from './matcher.js';

export const vocabularies: readonly Vocabulary[] = [
  browserVocabulary,
  nodeVocabulary,
  goVocabulary,
  javaVocabulary,
  pythonVocabulary,
  dotnetVocabulary,
  rustVocabulary,
  curlVocabulary,
  cppVocabulary,
  opensslVocabulary,
  proxyVocabulary,
  systemVocabulary,
];

const matcher = new VocabularyMatcher(vocabularies.flatMap((vocabulary) => vocabulary.rules));

/** Rules that always run (no trigger word and no required literal could be derived); for the tests. */
export const alwaysRunRuleIds: readonly string[] = matcher.alwaysRunRuleIds();

/** Every rule that matches any of the fields, field by field in table order; [] when there is no text. */
export function matchVocabularies(fields: readonly TextField[]): TextHit[] {
  const hits: TextHit[] = [];
  for (const field of fields) matcher.matchText(field.kind, field.text, hits);
  return hits;
}

// Telemetry repeats the same error texts across many clients and retries, and the hits of a text are a
// pure function of (field, text): they are memoized per field in a small set-associative cache (2 ways,
// least recently used out). Admission: the first sighting of a text records only its fingerprint
// (length and sampled characters), the second stores the text and its hits, later ones reuse them. One-off
// texts pay a fingerprint, not a hash-map lookup, nor an entry for the garbage collector. A fingerprint
// collision costs at most a string comparison: an entry is reused only for the very same text. It changes
// no result: the tests run the engine on distinct texts too; docs/attribution.md ("Speed") says why.
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

class TextMemo implements FieldMatcher {
  private readonly prints = new Int32Array(MEMO_SETS * 2);
  /** undefined while a fingerprint has been seen once only. */
  private readonly texts: (string | undefined)[] = new Array<string | undefined>(MEMO_SETS * 2).fill(undefined);
  private readonly hits: (readonly TextHit[] | undefined)[] = new Array<readonly TextHit[] | undefined>(MEMO_SETS * 2).fill(undefined);
  /** Per set, the way to replace next (the one used least recently). */
  private readonly victim = new Uint8Array(MEMO_SETS);

  constructor(private readonly kind: string) {}

  match(text: string, out: TextHit[]): void {
    if (text.length > MEMO_MAX_TEXT) return matcher.matchText(this.kind, text, out);
    const print = fingerprint(text);
    const set = print & (MEMO_SETS - 1);
    for (let way = 0; way < 2; way++) {
      const entry = set * 2 + way;
      if (this.prints[entry] !== print) continue;
      const known = this.texts[entry];
      if (known !== undefined && known !== text) continue;
      this.victim[set] = 1 - way;
      let hits = this.hits[entry];
      if (hits === undefined) {
        // Second sighting: admitted.
        const fresh: TextHit[] = [];
        matcher.matchText(this.kind, text, fresh);
        this.texts[entry] = text;
        this.hits[entry] = hits = fresh;
      }
      for (let i = 0; i < hits.length; i++) out.push(hits[i] as TextHit);
      return;
    }
    const way = this.victim[set] as number;
    const entry = set * 2 + way;
    this.prints[entry] = print;
    this.texts[entry] = undefined;
    this.hits[entry] = undefined;
    this.victim[set] = 1 - way;
    matcher.matchText(this.kind, text, out);
  }
}

/** A text field's matcher with its memo: made once per field name at start-up, not looked up per text. */
export interface FieldMatcher {
  /** Appends the hits of one text of this field to `hits`, in table order. */
  match(text: string, hits: TextHit[]): void;
}

export function fieldMatcher(kind: string): FieldMatcher {
  return new TextMemo(kind);
}

/** Reference matcher without the prefilter: every rule on every field (tests compare both). */
export function matchVocabulariesExhaustively(fields: readonly TextField[]): TextHit[] {
  const hits: TextHit[] = [];
  for (const field of fields) matcher.matchTextExhaustively(field, hits);
  return hits;
}
