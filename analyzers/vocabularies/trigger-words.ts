// Prefilter for the vocabulary matcher: for each rule, one whole word per top-level alternative that
// every match must contain (e.g. "cert_has_expired", "x509"). The matcher splits a text into words
// once and runs only the rules whose trigger word occurs, instead of every regex on every text.
// Derived from the pattern source, conservatively: a word counts only if the pattern pins both of its
// edges (a literal non-word character, \b, \s, ^ or $); a rule without such a word always runs.

type Token = { kind: 'literal'; char: string } | { kind: 'boundary' } | { kind: 'other' } | { kind: 'lookaround' };

/** Split a regex source at its top-level `|`. */
function topLevelAlternatives(source: string): string[] {
  const alternatives: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      alternatives.push(source.slice(start, i));
      start = i + 1;
    }
  }
  alternatives.push(source.slice(start));
  return alternatives;
}

/** Index just past the group or class that opens at `start`. */
function skipGroup(source: string, start: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = start; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i + 1;
  }
  return source.length;
}

function tokenize(alternative: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < alternative.length; ) {
    const ch = alternative[i] as string;
    if (ch === '\\') {
      const next = alternative[i + 1] ?? '';
      i += 2;
      if (next === 'b' || next === 's') tokens.push({ kind: 'boundary' });
      else if (/[A-Za-z0-9]/.test(next)) tokens.push({ kind: 'other' });
      else tokens.push({ kind: 'literal', char: next });
    } else if (ch === '(') {
      const end = skipGroup(alternative, i);
      const lookaround = /^\(\?<?[=!]/.test(alternative.slice(i, i + 4));
      tokens.push(lookaround ? { kind: 'lookaround' } : { kind: 'other' });
      i = end;
    } else if (ch === '[') {
      let j = i + 1;
      while (j < alternative.length && alternative[j] !== ']') j += alternative[j] === '\\' ? 2 : 1;
      tokens.push({ kind: 'other' });
      i = j + 1;
    } else if (ch === '?' || ch === '*' || ch === '+' || ch === '{') {
      // A quantified literal is not a fixed character: turn it into "other".
      const last = tokens.length - 1;
      if (last >= 0 && tokens[last]?.kind === 'literal') tokens[last] = { kind: 'other' };
      if (ch === '{') while (i < alternative.length && alternative[i] !== '}') i++;
      i++;
    } else if (ch === '^' || ch === '$') {
      tokens.push({ kind: 'boundary' });
      i++;
    } else if (ch === '.') {
      tokens.push({ kind: 'other' });
      i++;
    } else {
      tokens.push({ kind: 'literal', char: ch });
      i++;
    }
  }
  return tokens;
}

const WORD = /[A-Za-z0-9_]/;

/** Whole words (lower case, 3+ chars) that any match of this alternative must contain. */
export function pinnedWords(alternative: string): string[] {
  const tokens = tokenize(alternative).filter((token) => token.kind !== 'lookaround');
  const words: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (tokens[i]?.kind !== 'literal') {
      i++;
      continue;
    }
    const begin = i;
    let segment = '';
    while (i < tokens.length && tokens[i]?.kind === 'literal') {
      segment += (tokens[i] as { char: string }).char;
      i++;
    }
    const leftPinned = begin > 0 && tokens[begin - 1]?.kind === 'boundary';
    const rightPinned = i < tokens.length && tokens[i]?.kind === 'boundary';
    for (const match of segment.matchAll(/[A-Za-z0-9_]+/g)) {
      const from = match.index;
      const to = from + match[0].length;
      const left = from > 0 ? !WORD.test(segment[from - 1] as string) : leftPinned;
      const right = to < segment.length ? !WORD.test(segment[to] as string) : rightPinned;
      if (left && right && match[0].length >= 3) words.push(match[0].toLowerCase());
    }
  }
  return words;
}

/**
 * Words that occur in most error texts (counted over the fixture corpus): poor triggers, since they
 * would wake their rules for nearly every text. Used only when a pattern pins nothing better.
 */
const COMMON_WORDS = new Set(
  ('error errors failed failure certificate cert not invalid valid verify handshake connection connect net http https ' +
    'response request received status code has was the for with from during server client peer chain get ' +
    'unsupported extension upstream websocket unable alert protocol version host remote reason header ssl tls ' +
    'expired unknown timeout refused reset closed while before after')
    .split(' '),
);

/**
 * One trigger word per alternative of each pattern (uncommon words first, then the rarest across all
 * patterns, then the longest), or undefined for a pattern with an alternative that pins no word.
 */
export function triggerWords(sources: readonly string[]): (string[] | undefined)[] {
  const perPattern = sources.map((source) => topLevelAlternatives(source).map(pinnedWords));
  const frequency = new Map<string, number>();
  for (const alternatives of perPattern)
    for (const words of alternatives) for (const word of new Set(words)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  return perPattern.map((alternatives) => {
    if (alternatives.some((words) => words.length === 0)) return undefined;
    return alternatives.map(
      (words) =>
        [...words].sort(
          (a, b) =>
            Number(COMMON_WORDS.has(a)) - Number(COMMON_WORDS.has(b)) ||
            (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0) ||
            b.length - a.length,
        )[0] as string,
    );
  });
}

/**
 * For a pattern without trigger words: per alternative, its longest literal run (3+ characters) that
 * every match contains verbatim, or undefined when an alternative has none or the pattern ignores case.
 */
export function requiredLiterals(source: string, flags: string): string[] | undefined {
  if (flags.includes('i')) return undefined;
  const literals: string[] = [];
  for (const alternative of topLevelAlternatives(source)) {
    let longest = '';
    let run = '';
    for (const token of [...tokenize(alternative), { kind: 'other' } as const]) {
      if (token.kind === 'literal') run += token.char;
      else {
        if (run.length > longest.length) longest = run;
        run = '';
      }
    }
    if (longest.length < 3) return undefined;
    literals.push(longest);
  }
  return literals;
}

/**
 * The pinned words of each top-level alternative of a pattern (deduplicated), or undefined when an
 * alternative pins none: any match of an alternative contains every one of its words.
 */
export function alternativeWords(source: string): string[][] | undefined {
  const alternatives = topLevelAlternatives(source).map((alternative) => [...new Set(pinnedWords(alternative))]);
  return alternatives.some((words) => words.length === 0) ? undefined : alternatives;
}
