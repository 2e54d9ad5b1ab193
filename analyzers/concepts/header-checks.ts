// A check on the upgrade's answer that names the header it failed, in any stack's words or a probe's key=value line:
// blackbox_exporter's "Missing required header … header=Sec-WebSocket-Extensions", "Header did not match regular
// expression … header=Sec-WebSocket-Protocol", "expected header X", "header X mismatch", "X header missing". The header
// decides the cause, the verdict (absent, or present with a value the check refused) the 1010 cause:
// - Sec-WebSocket-Extensions absent → extension_not_negotiated; present and refused → extension_params_rejected (RFC 7692 §5-7);
// - Sec-WebSocket-Protocol → subprotocol_mismatch (RFC 6455 §4.1 client step 6);
// - Sec-WebSocket-Accept → protocol_error (RFC 6455 §4.1 client step 4).
// @see https://github.com/prometheus/blackbox_exporter/blob/master/prober/http.go (matchRegularExpressionsOnHeaders)
import type { Cause } from '../../schemas/classification.js';
import { sourcedFinding, type SourcedFinding } from '../candidate.js';
import { lexicon, type ClassName } from './lexicon.js';

/** A word class found in the text (scanner.ts's occurrences): word positions and the text span. */
export interface ClassOccurrence {
  readonly cls: number;
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
}

const CLASS_NAMES = Object.keys(lexicon) as ClassName[];
const at = (name: ClassName): number => CLASS_NAMES.indexOf(name);
const EXT = at('EXT_HEADER_NAME');
const PROTOCOL = at('PROTOCOL_HEADER_NAME');
const ACCEPT = at('ACCEPT_HEADER_NAME');
const NOUN = at('HEADER_NOUN');
const ABSENT = at('HEADER_ABSENT');
const MISMATCH = at('HEADER_MISMATCH');
const REQUIRED = at('HEADER_REQUIRED');

// Above the concepts that read extension or subprotocol words alone (0.55): the check names the header and its verdict.
const CONFIDENCE = 0.57;
// Words between a verdict and the header it names in prose ("Sec-WebSocket-Extensions header was missing from the answer").
const NEAR_WORDS = 8;
const NEAR_REQUIRED = 3;
const DUMPED = /^\s*:/;
// A key whose value is the header's name ("header=Sec-WebSocket-Protocol", header="…", "header": "…"): the line's message
// is about that header, wherever the message stands in the line.
const HEADER_KEY = /\bheaders?["']?\s*[=:]\s*["']?$/i;

type Verdict = 'absent' | 'mismatch' | 'required';
// The strongest verdict wins: "Missing required header" is absent; "did not match" beats a "required" elsewhere in the line.
const RANK: Record<Verdict, number> = { absent: 3, mismatch: 2, required: 1 };

function causeOf(header: number, verdict: Verdict): Cause {
  if (header === PROTOCOL) return 'subprotocol_mismatch';
  if (header === ACCEPT) return 'protocol_error';
  return verdict === 'mismatch' ? 'extension_params_rejected' : 'extension_not_negotiated';
}

const HEADER_NAMES: Record<number, string> = { [EXT]: 'Sec-WebSocket-Extensions', [PROTOCOL]: 'Sec-WebSocket-Protocol', [ACCEPT]: 'Sec-WebSocket-Accept' };

/** Whether no line break stands between offsets `from` and `to`. */
function sameLine(text: string, from: number, to: number): boolean {
  const lineBreak = text.indexOf('\n', Math.min(from, to));
  return lineBreak === -1 || lineBreak >= Math.max(from, to);
}

/** Whether the word at `start` is part of a URL (a probe's target path "…/missing/ext" is no verdict). */
function inUrl(text: string, start: number): boolean {
  let k = start;
  while (k > 0 && !/[\s"'=]/.test(text.charAt(k - 1))) k--;
  return text.slice(k, start).includes('/');
}

/** The finding of a header check the text reports, or undefined (only when a header noun and a verdict occur). */
export function headerCheckFinding(kind: string, text: string, found: readonly ClassOccurrence[], present: Uint8Array): SourcedFinding | undefined {
  if (present[NOUN] !== 1 || (present[ABSENT] !== 1 && present[MISMATCH] !== 1 && present[REQUIRED] !== 1)) return undefined;
  if (present[EXT] !== 1 && present[PROTOCOL] !== 1 && present[ACCEPT] !== 1) return undefined;
  for (const name of found) {
    if (name.cls !== EXT && name.cls !== PROTOCOL && name.cls !== ACCEPT) continue;
    const keyed = HEADER_KEY.test(text.slice(Math.max(0, name.start - 12), name.start));
    // "Name: value" is a dump of the answer's headers ("Response headers: Sec-WebSocket-Extensions: permessage-deflate"), no
    // check: only a verdict that is its value counts ("Sec-WebSocket-Extensions: missing").
    const dumped = !keyed && DUMPED.test(text.slice(name.end, name.end + 3));
    const near = (o: ClassOccurrence): boolean => {
      if (!sameLine(text, o.start, name.start)) return false;
      if (keyed) return true;
      if (dumped) return o.first > name.last && o.first - name.last <= 1;
      // "required"/"expected" says least: only right beside the name or its noun ("expected header X", "X header required").
      const gap = o.first > name.last ? o.first - name.last : name.first - o.last;
      return gap <= (o.cls === REQUIRED ? NEAR_REQUIRED : NEAR_WORDS);
    };
    if (!keyed && !found.some((o) => o.cls === NOUN && near(o))) continue;
    let verdict: Verdict | undefined;
    let said: ClassOccurrence | undefined;
    for (const o of found) {
      const v = o.cls === ABSENT ? 'absent' : o.cls === MISMATCH ? 'mismatch' : o.cls === REQUIRED ? 'required' : undefined;
      if (!v || !near(o) || inUrl(text, o.start) || (verdict && RANK[verdict] >= RANK[v])) continue;
      verdict = v;
      said = o;
    }
    if (!verdict || !said) continue;
    const cause = causeOf(name.cls, verdict);
    const words = `${JSON.stringify(text.slice(said.start, said.end))} … ${JSON.stringify(text.slice(name.start, name.end))}`;
    const detail = `words ${words}: a check on the answer's ${HEADER_NAMES[name.cls]} header, ${verdict === 'mismatch' ? 'present with a value it refused' : verdict === 'absent' ? 'not present' : 'required'} (concept concept.header_check) → ${cause}`;
    return sourcedFinding('concept.header_check', cause, CONFIDENCE, { kind, detail }, undefined, true);
  }
  return undefined;
}
