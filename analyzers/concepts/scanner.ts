// The generalising tier: finds the concepts (concepts.ts) of one text from its words (words.ts) and
// word classes (lexicon.ts), and HTTP statuses written next to a status word ("unexpected status 403",
// "got '401 Unauthorized'"). Findings say which concept and which words matched. Compiled once: classes
// are numbered, so a concept whose classes do not all occur is skipped with a few array reads.
import type { Cause } from '../../schemas/classification.js';
import { attributionOf, type SourcedFinding } from '../candidate.js';
import { httpStatusCause } from '../http-status.js';
import { concepts, type Concept } from './concepts.js';
import { lexicon, type ClassName } from './lexicon.js';
import { findProtocolViolations } from './protocol-violations.js';
import { words, type Word } from './words.js';

const CLASS_NAMES = Object.keys(lexicon) as ClassName[];
const classIndex = new Map<ClassName, number>(CLASS_NAMES.map((name, index) => [name, index]));
const indexOf = (name: ClassName): number => classIndex.get(name) as number;

/** First word → the phrases starting with it and their class, longest first. */
const phrasesByFirstWord = new Map<string, { rest: readonly string[]; cls: number }[]>();
for (const name of CLASS_NAMES) {
  for (const entry of lexicon[name] as readonly (string | readonly string[])[]) {
    const phrase = typeof entry === 'string' ? [entry] : entry;
    const list = phrasesByFirstWord.get(phrase[0] as string) ?? [];
    list.push({ rest: phrase.slice(1), cls: indexOf(name) });
    phrasesByFirstWord.set(phrase[0] as string, list);
  }
}
for (const list of phrasesByFirstWord.values()) list.sort((a, b) => b.rest.length - a.rest.length);

interface CompiledConcept {
  readonly concept: Concept;
  readonly all: readonly number[];
  readonly context: readonly number[];
  readonly unless: readonly number[];
}
const compiled: readonly CompiledConcept[] = concepts.map((concept) => ({
  concept,
  all: concept.all.map(indexOf),
  context: (concept.context ?? []).map(indexOf),
  unless: (concept.unless ?? []).map(indexOf),
}));

/** A word class found in the text: word positions [first, last] and the text span for evidence. */
interface Occurrence {
  readonly cls: number;
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
}

/** Every class occurrence of the text's words, and which classes occur. */
function occurrences(list: readonly Word[], present: Uint8Array): Occurrence[] {
  const found: Occurrence[] = [];
  for (let i = 0; i < list.length; i++) {
    const candidates = phrasesByFirstWord.get((list[i] as Word).norm);
    if (candidates === undefined) continue;
    let lastClassStart = -1;
    for (const { rest, cls } of candidates) {
      if (i + rest.length >= list.length) continue;
      let k = 0;
      while (k < rest.length && (list[i + 1 + k] as Word).norm === rest[k]) k++;
      if (k < rest.length) continue;
      // One occurrence per class and start word: the longest phrase (sorted first) wins.
      if (present[cls] === 1 && lastClassStart === i && found.some((o) => o.cls === cls && o.first === i)) continue;
      const last = i + rest.length;
      found.push({ cls, first: i, last, start: (list[i] as Word).start, end: (list[last] as Word).end });
      present[cls] = 1;
      lastClassStart = i;
    }
  }
  return found;
}

/** One occurrence per class of `classes`, pairwise apart, all within `within` words (first to last word), or undefined. */
function nearTogether(found: readonly Occurrence[], classes: readonly number[], within: number): Occurrence[] | undefined {
  const chosen: Occurrence[] = [];
  const search = (index: number, first: number, last: number): boolean => {
    if (index === classes.length) return true;
    const cls = classes[index];
    for (const occurrence of found) {
      if (occurrence.cls !== cls) continue;
      const newFirst = Math.min(first, occurrence.first);
      const newLast = Math.max(last, occurrence.last);
      if (index > 0 && newLast - newFirst > within) continue;
      // Two classes may not be read from the very same words ("invalid" is both a failure and a mismatch).
      if (chosen.some((other) => other.first <= occurrence.last && occurrence.first <= other.last)) continue;
      chosen.push(occurrence);
      if (search(index + 1, newFirst, newLast)) return true;
      chosen.pop();
    }
    return false;
  };
  return search(0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY) ? chosen : undefined;
}

function applies(entry: CompiledConcept, found: readonly Occurrence[], present: Uint8Array): Occurrence[] | undefined {
  for (const cls of entry.all) if (present[cls] !== 1) return undefined;
  for (const cls of entry.unless) if (present[cls] === 1) return undefined;
  if (entry.context.length > 0 && !entry.context.some((cls) => present[cls] === 1)) return undefined;
  return nearTogether(found, entry.all, entry.concept.within);
}

function quoted(text: string, matched: readonly Occurrence[]): string {
  return [...matched]
    .sort((a, b) => a.start - b.start)
    .map((occurrence) => JSON.stringify(text.slice(occurrence.start, occurrence.end).slice(0, 60)))
    .join(' … ');
}

function conceptFinding(kind: string, rule: string, cause: Cause, confidence: number, detail: string, concept?: Concept): SourcedFinding {
  const evidence = { kind, detail };
  return concept?.ambiguity
    ? { rule, attribution: attributionOf(cause), cause, confidence, evidence, ambiguity: concept.ambiguity, concept: true }
    : { rule, attribution: attributionOf(cause), cause, confidence, evidence, concept: true };
}

// Above the other concepts: a status the text states is more specific than a socket error name next to it.
const STATUS_CONFIDENCE = 0.58;

// Registered HTTP statuses (IANA HTTP Status Code Registry, RFC 9110 §15) from 200 up, plus the 52x a CDN
// answers when its origin fails (Cloudflare 520-527, 530): any other number after "response" is no status.
// @see https://www.iana.org/assignments/http-status-codes/http-status-codes.xhtml
const HTTP_STATUSES: ReadonlySet<number> = new Set([
  200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 307, 308,
  400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451,
  500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511, 520, 521, 522, 523, 524, 525, 526, 527, 530,
]);
const STATUS_WORD = indexOf('STATUS_WORD');
const STATUS_VERB = indexOf('STATUS_VERB');
const REJECT_WORD = indexOf('REJECT_WORD');
const AUTH_WORD = indexOf('AUTH_WORD');

/**
 * An HTTP status (a registered one from 200 up: 1xx is no refusal, and errno and alert numbers stay out)
 * after a status word ("status 403", "HTTP/1.1 503") or right after a verb ("got 401"), or right before a
 * reason phrase ("403 Forbidden"); not a port ("host:443", "port 443").
 */
function statusFinding(kind: string, text: string, list: readonly Word[], found: readonly Occurrence[], present: Uint8Array): SourcedFinding | undefined {
  if (present[STATUS_WORD] !== 1 && present[STATUS_VERB] !== 1 && present[REJECT_WORD] !== 1 && present[AUTH_WORD] !== 1) return undefined;
  for (let i = 0; i < list.length; i++) {
    const word = list[i] as Word;
    if (word.norm.length !== 3 || !HTTP_STATUSES.has(Number(word.norm))) continue;
    if (text.charCodeAt(word.start - 1) === 58 && /[A-Za-z0-9\]]/.test(text.charAt(word.start - 2))) continue;
    if (i > 0 && (list[i - 1] as Word).norm === 'port') continue;
    const stated = found.some(
      (o) =>
        (o.cls === STATUS_WORD && o.last < i && i - o.last <= 3) ||
        (o.cls === STATUS_VERB && o.last === i - 1) ||
        ((o.cls === REJECT_WORD || o.cls === AUTH_WORD) && o.first === i + 1),
    );
    if (!stated) continue;
    const status = Number(word.norm);
    const cause = httpStatusCause(status);
    if (!cause) continue;
    const detail = `HTTP status ${status} in ${JSON.stringify(text.slice(Math.max(0, word.start - 40), word.end + 20))} (concept concept.http_status) → ${cause}`;
    return conceptFinding(kind, 'concept.http_status', cause, STATUS_CONFIDENCE, detail);
  }
  return undefined;
}

// Java's InetSocketAddress prints an address made without a lookup as "host/<unresolved>:port" (clients such as
// Pekko resolve at connect time): a notation, not a failed resolution. Blanked to the same length, so offsets stay.
// @see https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/net/InetSocketAddress.html#toString()
const UNRESOLVED = '<unresolved>';
const UNRESOLVED_NOTATION = /\/<unresolved>/g;

/** Appends the concept findings of one text field (named `kind` in evidence) to `out`. */
export function findConcepts(kind: string, text: string, out: SourcedFinding[]): void {
  findProtocolViolations(kind, text, out);
  const list = words(text.includes(UNRESOLVED) ? text.replace(UNRESOLVED_NOTATION, (notation) => ' '.repeat(notation.length)) : text);
  if (list.length === 0) return;
  const present = new Uint8Array(CLASS_NAMES.length);
  const found = occurrences(list, present);
  if (found.length === 0) return;
  const status = statusFinding(kind, text, list, found, present);
  if (status) out.push(status);
  let matches: { concept: Concept; matched: Occurrence[]; span: number }[] | undefined;
  for (const entry of compiled) {
    const matched = applies(entry, found, present);
    if (!matched) continue;
    let first = Number.POSITIVE_INFINITY;
    let last = 0;
    for (const o of matched) {
      first = Math.min(first, o.first);
      last = Math.max(last, o.last);
    }
    (matches ??= []).push({ concept: entry.concept, matched, span: last - first });
  }
  if (!matches) return;
  // Among equally confident concepts the one whose words stand closest together is cited first (and wins a tie).
  matches.sort((a, b) => b.concept.confidence - a.concept.confidence || a.span - b.span);
  for (const { concept, matched } of matches) {
    const detail = `words ${quoted(text, matched)} (${concept.all.join(' + ').toLowerCase()}) matched ${concept.id} → ${concept.cause}`;
    out.push(conceptFinding(kind, concept.id, concept.cause, concept.confidence, detail, concept));
  }
}
