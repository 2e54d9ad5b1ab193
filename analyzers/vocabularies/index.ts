// All runtime vocabularies, in one explicit list, compiled once into the matcher that runs them over
// an event's texts (matcher.ts). Captured values (HTTP status, TLS alert, verify code) resolve there.
import { browserVocabulary } from './browser.js';
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
// pure function of (field, text): they are memoized, bounded (a full memo starts over). The memo adapts:
// while fewer than 1 lookup in 8 hits (every text distinct), it keeps only 1 miss in 32, so one-off
// texts do not pile up for the garbage collector. It changes no result: the tests run the engine on
// distinct texts too, and docs/attribution.md ("Speed") says why it is kept.
const MEMO_ENTRIES = 512;
const MEMO_MAX_TEXT = 1024;
const MEMO_WINDOW = 1024;
const memoByKind = new Map<string, Map<string, readonly TextHit[]>>();
let memoLookups = 0;
let memoHits = 0;
let memoMisses = 0;
let memoStoreEvery = 1;

function memoWindowTick(): void {
  if (++memoLookups < MEMO_WINDOW) return;
  memoStoreEvery = memoHits * 8 >= memoLookups ? 1 : 32;
  memoLookups = 0;
  memoHits = 0;
}

/** Appends the hits of one text field to `hits` (the engine's path: no field objects per event). */
export function matchText(kind: string, text: string, hits: TextHit[]): void {
  if (text.length > MEMO_MAX_TEXT) return matcher.matchText(kind, text, hits);
  let memo = memoByKind.get(kind);
  if (!memo) memoByKind.set(kind, (memo = new Map()));
  let known = memo.get(text);
  if (known) memoHits++;
  else {
    const fresh: TextHit[] = [];
    matcher.matchText(kind, text, fresh);
    known = fresh;
    if (++memoMisses % memoStoreEvery === 0) {
      if (memo.size >= MEMO_ENTRIES) memo.clear();
      memo.set(text, known);
    }
  }
  memoWindowTick();
  for (let i = 0; i < known.length; i++) hits.push(known[i] as TextHit);
}

/** Reference matcher without the prefilter: every rule on every field (tests compare both). */
export function matchVocabulariesExhaustively(fields: readonly TextField[]): TextHit[] {
  const hits: TextHit[] = [];
  for (const field of fields) matcher.matchTextExhaustively(field, hits);
  return hits;
}
