// All runtime vocabularies, in one explicit list, compiled once into the matcher that runs them over
// an event's texts (matcher.ts). Captured values (HTTP status, TLS alert, verify code) resolve there.
// analyzers/text-findings.ts runs them per text field, with the code tables, behind a memo.
import { browserVocabulary } from './browser.js';
import { cppVocabulary } from './cpp.js';
import { curlVocabulary } from './curl.js';
import { dotnetVocabulary } from './dotnet.js';
import { goVocabulary } from './go.js';
import { haskellVocabulary } from './haskell.js';
import { javaVocabulary } from './java.js';
import { nodeVocabulary } from './node.js';
import { opensslVocabulary } from './openssl.js';
import { proxyVocabulary } from './proxy.js';
import { probeVocabulary } from './probe.js';
import { cacheVocabulary } from './cache.js';
import { pythonVocabulary } from './python.js';
import { phpVocabulary } from './php.js';
import { rustVocabulary } from './rust.js';
import { systemVocabulary } from './system.js';
import { VocabularyMatcher, type TextField, type TextHit } from './matcher.js';
import type { Vocabulary } from './types.js';
import { codesVocabulary } from '../codes/vocabulary.js';

export type { TextField, TextHit } from './matcher.js';

export const vocabularies: readonly Vocabulary[] = [
  browserVocabulary,
  nodeVocabulary,
  goVocabulary,
  javaVocabulary,
  pythonVocabulary,
  phpVocabulary,
  dotnetVocabulary,
  rustVocabulary,
  curlVocabulary,
  cppVocabulary,
  haskellVocabulary,
  opensslVocabulary,
  proxyVocabulary,
  probeVocabulary,
  cacheVocabulary,
  systemVocabulary,
];

// The code tables' rules (analyzers/codes/vocabulary.ts) run in the same pass, after every runtime rule,
// so one word scan serves both; code-findings.ts keeps their hits only where they add a cause.
const matcher = new VocabularyMatcher([...vocabularies.flatMap((vocabulary) => vocabulary.rules), ...codesVocabulary.rules]);

/** Rules that always run (no trigger word and no required literal could be derived); for the tests. */
export const alwaysRunRuleIds: readonly string[] = matcher.alwaysRunRuleIds();

/** Every rule that matches any of the fields, field by field in table order; [] when there is no text. */
export function matchVocabularies(fields: readonly TextField[]): TextHit[] {
  const hits: TextHit[] = [];
  for (const field of fields) matcher.matchText(field.kind, field.text, hits);
  return hits;
}

/** Appends the hits of one text field (named `kind` in evidence) to `hits`, in table order. */
export function matchText(kind: string, text: string, hits: TextHit[]): void {
  matcher.matchText(kind, text, hits);
}

/** Reference matcher without the prefilter: every rule on every field (tests compare both). */
export function matchVocabulariesExhaustively(fields: readonly TextField[]): TextHit[] {
  const hits: TextHit[] = [];
  for (const field of fields) matcher.matchTextExhaustively(field, hits);
  return hits;
}
