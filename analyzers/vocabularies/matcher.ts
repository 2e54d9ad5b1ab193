// The vocabulary matcher: every rule that matches a text, without running every regex on it.
// Compiled once from the rule table: trigger word → rules (trigger-words.ts), and for the few rules
// without a trigger word a literal every match contains. Per text, one allocation-free pass hashes
// its words and marks the rules whose trigger occurs; only those regexes run, in table order.
import type { Cause } from '../../schemas/classification.js';
import { sourcedFinding, type Ambiguity, type SourcedFinding } from '../candidate.js';
import { httpStatusCause } from '../http-status.js';
import { tlsAlertRow } from '../tls-alerts.js';
import { verifyCodeRow } from '../verify-codes.js';
import { alternativeWords, requiredLiterals, triggerWords } from './trigger-words.js';
import type { VocabularyRule } from './types.js';

/** One text field of an event, named as evidence names it ("error.message"). */
export interface TextField {
  readonly kind: string;
  readonly text: string;
}

/** A vocabulary rule that matched, with the cause after resolving its capture: a plain finding. */
export type TextHit = SourcedFinding;

/** The hit of a rule on a text: evidence quotes the matched text (read-only: the text memo shares hits between events). */
function hit(rule: VocabularyRule, cause: Cause, confidence: number, ambiguity: Ambiguity | undefined, kind: string, matched: string, note: string): TextHit {
  const evidence = { kind, detail: `"${matched.slice(0, 160)}" matched ${rule.id}${note} → ${cause}` };
  return sourcedFinding(rule.id, cause, confidence, evidence, ambiguity);
}

function firstGroup(match: RegExpExecArray): string | undefined {
  for (let i = 1; i < match.length; i++) if (match[i] !== undefined) return match[i];
  return undefined;
}

/** The hit for a match: a captured HTTP status, TLS alert or verify code decides the cause through its table. */
function resolve(rule: VocabularyRule, match: RegExpExecArray, kind: string): TextHit {
  let cause: Cause = rule.cause;
  let confidence = rule.confidence;
  let ambiguity = rule.ambiguity;
  let note = '';
  const value = rule.capture ? firstGroup(match) : undefined;
  if (value !== undefined) {
    if (rule.capture === 'http_status') {
      // A 101 the client still refused: the server switched protocols, so a header of the answer failed the client's check
      // (RFC 6455 §4.1 steps 2-6; convention "A refused upgrade answer without its reason": with a 101, protocol_error).
      const status = Number(value);
      const refused101 = status === 101 && cause === 'http_rejected';
      cause = refused101 ? 'protocol_error' : (httpStatusCause(status) ?? cause);
      note = refused101 ? ` (HTTP 101: the answer's headers were refused, RFC 6455 §4.1)` : ` (HTTP ${value})`;
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
  return hit(rule, cause, confidence, ambiguity, kind, match[0], note);
}

/** FNV-1a over a word's lower-cased characters: the scan looks words up without allocating them. */
function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/** Char code → its lower-case form when it is a word character (a-z, 0-9, _), else 0 (every UTF-16 unit: no range check). */
const WORD_CHAR = new Uint8Array(0x10000);
for (let code = 0; code < 128; code++) {
  if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95) WORD_CHAR[code] = code;
  else if (code >= 65 && code <= 90) WORD_CHAR[code] = code + 32;
}

/** The rule table compiled for matching: built once, read-only afterwards. */
export class VocabularyMatcher {
  // Pinned word hash → indexes of the rules it triggers, as an open-addressing table in typed arrays
  // (slot → hash, and a range of `slotRules`, empty for a pinned word that triggers no rule). A hash
  // collision only adds a candidate rule or marks a word present, whose regex then decides: the
  // prefilter stays exact.
  private readonly slotUsed: Uint8Array;
  private readonly slotHash: Int32Array;
  private readonly slotStart: Int32Array;
  private readonly slotEnd: Int32Array;
  private readonly slotRules: Int32Array;
  private readonly slotMask: number;
  // A candidate woken by its trigger word still needs, for one of its alternatives, every other word
  // that alternative pins: rule → range of alternatives → range of slots (its words), checked against
  // the slots stamped by the scan. Cheaper than the substring search it saves, which ~1 in 4 candidates fail.
  private readonly ruleAlternativeStart: Int32Array;
  private readonly ruleAlternativeEnd: Int32Array;
  private readonly alternativeSlotStart: Int32Array;
  private readonly alternativeSlotEnd: Int32Array;
  private readonly alternativeSlots: Int32Array;
  // Bitmap over the low 16 bits of pinned word hashes: most words of a text are none and skip the table.
  private readonly triggerBits = new Uint8Array(1 << 13);
  /** Rules without a trigger word (`\bERR_SSL_…_ALERT_([A-Z_]+)`): candidates for every text, stopped by their literals. */
  private readonly untriggered: number[] = [];
  // Per rule, literals (one per alternative) a case-sensitive match must contain: checked with a
  // native substring search before the regex runs, since most candidates woken by a word do not match.
  private readonly literals: (readonly string[] | undefined)[];
  // Scratch for one text: candidate indexes kept sorted, and a stamp per rule so each is added once.
  // Reset on every call and never read across calls; JS runs one matchText at a time.
  private readonly candidates: Int32Array;
  private readonly stamps: Uint32Array;
  /** Per slot, the stamp of the last text that contained its word. */
  private readonly slotStamps: Uint32Array;
  private stamp = 0;

  constructor(private readonly rules: readonly VocabularyRule[]) {
    this.candidates = new Int32Array(rules.length);
    this.stamps = new Uint32Array(rules.length);
    this.literals = rules.map((rule) => requiredLiterals(rule.pattern.source, rule.pattern.flags));
    const rulesByWord = new Map<number, number[]>();
    const sources = rules.map((rule) => rule.pattern.source);
    triggerWords(sources).forEach((words, index) => {
      if (!words) return void this.untriggered.push(index);
      for (const word of new Set(words)) {
        const hash = wordHash(word) | 0;
        rulesByWord.set(hash, [...(rulesByWord.get(hash) ?? []), index]);
      }
    });
    const perRule = sources.map((source) => alternativeWords(source)?.map((words) => [...new Set(words.map((word) => wordHash(word) | 0))]));
    for (const alternatives of perRule) for (const hashes of alternatives ?? []) for (const hash of hashes) if (!rulesByWord.has(hash)) rulesByWord.set(hash, []);
    for (const hash of rulesByWord.keys()) this.triggerBits[(hash & 0xffff) >>> 3]! |= 1 << (hash & 7);
    let slots = 16;
    while (slots < rulesByWord.size * 4) slots *= 2;
    this.slotMask = slots - 1;
    this.slotUsed = new Uint8Array(slots);
    this.slotHash = new Int32Array(slots);
    this.slotStart = new Int32Array(slots);
    this.slotEnd = new Int32Array(slots);
    this.slotStamps = new Uint32Array(slots);
    this.slotRules = new Int32Array([...rulesByWord.values()].flat());
    const slotOf = new Map<number, number>();
    let next = 0;
    for (const [hash, indexes] of rulesByWord) {
      let slot = hash & this.slotMask;
      while (this.slotUsed[slot] !== 0) slot = (slot + 1) & this.slotMask;
      this.slotUsed[slot] = 1;
      this.slotHash[slot] = hash;
      this.slotStart[slot] = next;
      this.slotEnd[slot] = next += indexes.length;
      slotOf.set(hash, slot);
    }
    this.ruleAlternativeStart = new Int32Array(rules.length);
    this.ruleAlternativeEnd = new Int32Array(rules.length);
    const slotStarts: number[] = [];
    const slotEnds: number[] = [];
    const flatSlots: number[] = [];
    perRule.forEach((alternatives, index) => {
      this.ruleAlternativeStart[index] = slotStarts.length;
      for (const hashes of alternatives ?? []) {
        slotStarts.push(flatSlots.length);
        for (const hash of hashes) flatSlots.push(slotOf.get(hash) as number);
        slotEnds.push(flatSlots.length);
      }
      this.ruleAlternativeEnd[index] = slotStarts.length;
    });
    this.alternativeSlotStart = new Int32Array(slotStarts);
    this.alternativeSlotEnd = new Int32Array(slotEnds);
    this.alternativeSlots = new Int32Array(flatSlots);
  }

  /** Ids of the rules that run on every text (no trigger word, no required literal). */
  alwaysRunRuleIds(): string[] {
    return this.untriggered.filter((index) => !this.literals[index]).map((index) => (this.rules[index] as VocabularyRule).id);
  }

  /** Appends the hits of one text field (named `kind` in evidence) to `hits`, in table order. */
  matchText(kind: string, text: string, hits: TextHit[]): void {
    if (++this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.slotStamps.fill(0);
      this.stamp = 1;
    }
    let count = 0;
    const length = text.length;
    const triggerBits = this.triggerBits;
    // Two tight loops: skip separators, then hash one word; a word's end is the only branch that varies.
    let i = 0;
    for (;;) {
      while (i < length && WORD_CHAR[text.charCodeAt(i)] === 0) i++;
      if (i >= length) break;
      const start = i;
      let hash = 0x811c9dc5;
      let word = 0;
      while (i < length && (word = WORD_CHAR[text.charCodeAt(i)] as number) !== 0) {
        hash = Math.imul(hash ^ word, 16777619);
        i++;
      }
      // Trigger words have 3+ characters: shorter words need no lookup.
      if (i - start >= 3 && ((triggerBits[(hash & 0xffff) >>> 3] as number) & (1 << (hash & 7))) !== 0) count = this.addTriggered(hash, count);
    }
    for (let u = 0; u < this.untriggered.length; u++) count = this.addCandidate(this.untriggered[u] as number, count);
    for (let c = 0; c < count; c++) {
      const index = this.candidates[c] as number;
      if (!this.someAlternativeHasItsWords(index)) continue;
      const literals = this.literals[index];
      if (literals && !containsAny(text, literals)) continue;
      const rule = this.rules[index] as VocabularyRule;
      const match = rule.pattern.exec(text);
      if (match) hits.push(resolve(rule, match, kind));
    }
  }

  /** Every rule on the text, no prefilter: the reference the tests compare `matchText` with. */
  matchTextExhaustively(field: TextField, hits: TextHit[]): void {
    for (const rule of this.rules) {
      const match = rule.pattern.exec(field.text);
      if (match) hits.push(resolve(rule, match, field.kind));
    }
  }

  /** Stamps the slot of the pinned word with this hash and adds the rules it triggers (a bitmap hit may still be no pinned word). */
  private addTriggered(hash: number, count: number): number {
    for (let slot = hash & this.slotMask; this.slotUsed[slot] !== 0; slot = (slot + 1) & this.slotMask) {
      if (this.slotHash[slot] !== hash) continue;
      this.slotStamps[slot] = this.stamp;
      const end = this.slotEnd[slot] as number;
      for (let r = this.slotStart[slot] as number; r < end; r++) count = this.addCandidate(this.slotRules[r] as number, count);
      break;
    }
    return count;
  }

  /** Whether every pinned word of one of the rule's alternatives occurred in this text (true for a rule without pinned words). */
  private someAlternativeHasItsWords(index: number): boolean {
    const first = this.ruleAlternativeStart[index] as number;
    const end = this.ruleAlternativeEnd[index] as number;
    if (first === end) return true;
    const stamp = this.stamp;
    for (let a = first; a < end; a++) {
      const slotsEnd = this.alternativeSlotEnd[a] as number;
      let s = this.alternativeSlotStart[a] as number;
      while (s < slotsEnd && this.slotStamps[this.alternativeSlots[s] as number] === stamp) s++;
      if (s === slotsEnd) return true;
    }
    return false;
  }

  /** Inserts a rule index into the sorted candidates once (insertion sort: a text has a handful). */
  private addCandidate(index: number, count: number): number {
    if (this.stamps[index] === this.stamp) return count;
    this.stamps[index] = this.stamp;
    let at = count;
    while (at > 0 && (this.candidates[at - 1] as number) > index) {
      this.candidates[at] = this.candidates[at - 1] as number;
      at--;
    }
    this.candidates[at] = index;
    return count + 1;
  }
}

function containsAny(text: string, literals: readonly string[]): boolean {
  for (let i = 0; i < literals.length; i++) if (text.includes(literals[i] as string)) return true;
  return false;
}
