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

// Built once at load: trigger word → indexes of the rules it may fire, and the rules that always run.
const rulesByWord = new Map<string, number[]>();
const alwaysRun: number[] = [];
triggerWords(allRules.map((rule) => rule.pattern.source)).forEach((words, index) => {
  if (!words) return void alwaysRun.push(index);
  for (const word of new Set(words)) {
    const list = rulesByWord.get(word);
    if (list) list.push(index);
    else rulesByWord.set(word, [index]);
  }
});

/** a-z, 0-9 and _ in a lower-cased text: the characters of a trigger word. */
function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95;
}

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
  const evidence = { kind, detail };
  return ambiguity ? { ruleId: rule.id, cause, confidence, ambiguity, evidence } : { ruleId: rule.id, cause, confidence, evidence };
}

function candidateRules(text: string): number[] {
  const candidates: number[] = [];
  const lower = text.toLowerCase();
  const length = lower.length;
  let start = -1;
  for (let i = 0; i <= length; i++) {
    if (i < length && isWordCode(lower.charCodeAt(i))) {
      if (start < 0) start = i;
      continue;
    }
    // Trigger words have 3+ characters: shorter words need no lookup.
    if (start >= 0 && i - start >= 3) {
      const rules = rulesByWord.get(lower.slice(start, i));
      if (rules) for (const index of rules) if (!candidates.includes(index)) candidates.push(index);
    }
    start = -1;
  }
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

// Telemetry repeats the same error texts across many clients: the hits of a text are a pure function
// of (field, text), so they are memoized. Bounded: a cache that reaches its size starts over.
const CACHE_ENTRIES = 4096;
const CACHE_MAX_TEXT = 1024;
const cacheByKind = new Map<string, Map<string, readonly TextHit[]>>();

function cachedMatchField(field: TextField): readonly TextHit[] {
  if (field.text.length > CACHE_MAX_TEXT) return matchField(field);
  let cache = cacheByKind.get(field.kind);
  if (!cache) cacheByKind.set(field.kind, (cache = new Map()));
  const cached = cache.get(field.text);
  if (cached) return cached;
  const hits = matchField(field);
  if (cache.size >= CACHE_ENTRIES) cache.clear();
  cache.set(field.text, hits);
  return hits;
}

/** Every rule that matches any of the fields; [] when there is no text. Hits are frozen and may be shared. */
export function matchVocabularies(fields: readonly TextField[]): readonly TextHit[] {
  if (fields.length === 1) return cachedMatchField(fields[0] as TextField);
  const hits: TextHit[] = [];
  for (const field of fields) for (const hit of cachedMatchField(field)) hits.push(hit);
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
