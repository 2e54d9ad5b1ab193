// All runtime vocabularies, in one explicit list, and the matcher that runs them over an event's texts.
// Captured values (HTTP status, TLS alert, verify code) are resolved here through their tables.
import type { Cause, Evidence } from '../../schemas/classification.js';
import type { Ambiguity } from '../candidate.js';
import { httpStatusCause } from '../http-status.js';
import { tlsAlertRow } from '../tls-alerts.js';
import { verifyCodeRow } from '../verify-codes.js';
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
import { triggerWords } from './trigger-words.js';
import type { Vocabulary, VocabularyRule } from './types.js';

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

const allRules: readonly VocabularyRule[] = vocabularies.flatMap((vocabulary) => vocabulary.rules);

/** FNV-1a over a word's lower-cased characters: the matcher looks words up without allocating them. */
function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 16777619);
  return hash >>> 0;
}

// Built once at load: trigger word hash → indexes of the rules it may fire, and the rules that always run.
// A hash collision only adds a candidate rule, whose regex then decides: the prefilter stays exact.
const rulesByWord = new Map<number, number[]>();
// Bitmap over the low 16 bits of trigger hashes: most words of a text are no trigger and skip the Map.
const triggerBits = new Uint8Array(1 << 13);
const alwaysRun: number[] = [];
triggerWords(allRules.map((rule) => rule.pattern.source)).forEach((words, index) => {
  if (!words) return void alwaysRun.push(index);
  for (const word of new Set(words)) {
    const hash = wordHash(word);
    triggerBits[(hash & 0xffff) >>> 3]! |= 1 << (hash & 7);
    const list = rulesByWord.get(hash);
    if (list) list.push(index);
    else rulesByWord.set(hash, [index]);
  }
});


/** Rules that always run (no trigger word could be derived); exported for the tests. */
export const alwaysRunRuleIds: readonly string[] = alwaysRun.map((index) => allRules[index]?.id ?? '');

/** One text field of an event, named as evidence names it ("error.message"). */
export interface TextField {
  readonly kind: string;
  readonly text: string;
}

/** A vocabulary rule that matched, with the cause after resolving its capture. */
export interface TextHit {
  readonly ruleId: string;
  readonly cause: Cause;
  readonly confidence: number;
  readonly ambiguity?: Ambiguity;
  readonly evidence: Evidence;
}

function firstGroup(match: RegExpExecArray): string | undefined {
  for (let i = 1; i < match.length; i++) if (match[i] !== undefined) return match[i];
  return undefined;
}

function resolve(rule: VocabularyRule, match: RegExpExecArray, kind: string): TextHit {
  let cause: Cause = rule.cause;
  let confidence = rule.confidence;
  let ambiguity = rule.ambiguity;
  let note = '';
  const value = rule.capture ? firstGroup(match) : undefined;
  if (value !== undefined) {
    if (rule.capture === 'http_status') {
      cause = httpStatusCause(Number(value)) ?? cause;
      note = ` (HTTP ${value})`;
    } else {
      const row = rule.capture === 'tls_alert' ? tlsAlertRow(value) : verifyCodeRow(value);
      if (row?.cause) {
        cause = row.cause;
        confidence = Math.min(confidence, row.confidence ?? confidence);
        ambiguity = row.ambiguity;
        note = ` (${rule.capture === 'tls_alert' ? 'alert' : 'verify'} ${row.code} ${row.name})`;
      } else {
        confidence = Math.min(confidence, 0.5);
      }
    }
  }
  const detail = `"${match[0].slice(0, 160)}" matched ${rule.id}${note} → ${cause}`;
  const evidence = Object.freeze({ kind, detail });
  return ambiguity ? { ruleId: rule.id, cause, confidence, ambiguity, evidence } : { ruleId: rule.id, cause, confidence, evidence };
}

/** Char code → its lower-case form when it is a word character (a-z, 0-9, _), else 0. */
const WORD_CHAR = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95) WORD_CHAR[code] = code;
  else if (code >= 65 && code <= 90) WORD_CHAR[code] = code + 32;
}

function isTrigger(hash: number): boolean {
  return ((triggerBits[(hash & 0xffff) >>> 3] as number) & (1 << (hash & 7))) !== 0;
}

function addCandidates(candidates: number[], hash: number): void {
  const rules = rulesByWord.get(hash >>> 0);
  if (rules) for (const index of rules) if (!candidates.includes(index)) candidates.push(index);
}

function candidateRules(text: string): number[] {
  const candidates: number[] = [];
  let hash = 0x811c9dc5;
  let wordLength = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const word = code < 128 ? (WORD_CHAR[code] as number) : 0;
    if (word !== 0) {
      hash = Math.imul(hash ^ word, 16777619);
      wordLength++;
      continue;
    }
    // Trigger words have 3+ characters: shorter words need no lookup.
    if (wordLength >= 3 && isTrigger(hash)) addCandidates(candidates, hash);
    hash = 0x811c9dc5;
    wordLength = 0;
  }
  if (wordLength >= 3 && isTrigger(hash)) addCandidates(candidates, hash);
  for (const index of alwaysRun) candidates.push(index);
  // Table order, so evidence order does not depend on word order.
  return candidates.sort((a, b) => a - b);
}

function matchField(field: TextField): readonly TextHit[] {
  const hits: TextHit[] = [];
  for (const index of candidateRules(field.text)) {
    const rule = allRules[index] as VocabularyRule;
    const match = rule.pattern.exec(field.text);
    if (match) hits.push(Object.freeze(resolve(rule, match, field.kind)));
  }
  return Object.freeze(hits);
}

// Telemetry repeats the same error texts across many clients and retries: the hits of a text are a
// pure function of (field, text), so they are memoized, bounded (a full memo starts over). The memo
// adapts: while fewer than 1 lookup in 8 hits (every text distinct), it keeps only 1 miss in 32, so
// one-off texts do not pile up for the garbage collector, yet repeating texts are still noticed.
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

function memoizedMatchField(field: TextField): readonly TextHit[] {
  if (field.text.length > MEMO_MAX_TEXT) return matchField(field);
  let memo = memoByKind.get(field.kind);
  if (!memo) memoByKind.set(field.kind, (memo = new Map()));
  const known = memo.get(field.text);
  if (known) {
    memoHits++;
    memoWindowTick();
    return known;
  }
  const hits = matchField(field);
  if (++memoMisses % memoStoreEvery === 0) {
    if (memo.size >= MEMO_ENTRIES) memo.clear();
    memo.set(field.text, hits);
  }
  memoWindowTick();
  return hits;
}

/** Every rule that matches any of the fields; [] when there is no text. Hits are frozen (shared by the memo). */
export function matchVocabularies(fields: readonly TextField[]): readonly TextHit[] {
  if (fields.length === 1) return memoizedMatchField(fields[0] as TextField);
  const hits: TextHit[] = [];
  for (const field of fields) for (const hit of memoizedMatchField(field)) hits.push(hit);
  return hits;
}

/** Reference matcher without the prefilter: every rule on every field (tests compare both). */
export function matchVocabulariesExhaustively(fields: readonly TextField[]): TextHit[] {
  const hits: TextHit[] = [];
  for (const field of fields)
    for (const rule of allRules) {
      const match = rule.pattern.exec(field.text);
      if (match) hits.push(resolve(rule, match, field.kind));
    }
  return hits;
}
