// Another party's view of the same attempt, recorded in labels beside the emitter's own: the client's log (`client_log`) or the
// socket error of the client at a proxy's or server's front (`front_socket`, `driver_error`) on an observer's event. Read where the emitter's own
// texts are silent or name no cause of their own; never `note` (the maker's words) or the emitter's own log.
import type { TelemetryEvent } from '../schemas/telemetry-event.js';
import type { SourcedFinding } from './candidate.js';
import { fieldFindings, type FieldFindings } from './text-findings.js';

/**
 * `<party>_log` or `<party>_socket` of a party other than the emitter: the client (its library's log lines), the driver or peer
 * that spoke to the observer's front (`front_socket`, `front_log`, `peer_socket`). A label longer than the schema's 1024 characters
 * is split verbatim into `<name>`, `<name>_part2`, … (or `<name>_2`): the parts are one text, joined without a separator.
 */
// The party's own error, as its library raised it (`driver_error`: "EOFError: connection closed by peer before the upgrade response",
// a Python driver's exception at a proxy's front; round 36, eng-d2), is its socket's error in another name.
const OTHER_VIEW_LABEL = /^(client|front|driver|peer)_(log|socket|error)(?:_part(\d+)|_(\d+))?$/;

/** Whether a label is another party's view (`client_log`, `front_socket`, `driver_error`, …), not the emitter's own record. */
export function isOtherViewLabel(key: string): boolean {
  return OTHER_VIEW_LABEL.test(key);
}

const matchers = new Map<string, FieldFindings>();
/** The memoized findings reader of a label (`labels.<name>`), one per label name. */
export function labelMatcher(name: string): FieldFindings {
  let found = matchers.get(name);
  if (found === undefined) matchers.set(name, (found = fieldFindings(`labels.${name}`)));
  return found;
}

/** The other views' texts of an event, as [label name, text] with a long label's parts joined in their order; none for a client's own log. */
export function otherViewTexts(event: TelemetryEvent): [string, string][] {
  const labels = event.labels;
  if (labels === undefined) return [];
  const kind = event.source.kind;
  let parts: Map<string, [number, string][]> | undefined;
  for (const key in labels) {
    const value = labels[key];
    if (!value) continue;
    const match = OTHER_VIEW_LABEL.exec(key);
    // A client's own log is the emitter's, not another view.
    if (!match || (kind === 'client' && match[1] === 'client')) continue;
    const name = `${match[1]}_${match[2]}`;
    const part = match[3] ?? match[4];
    parts ??= new Map();
    let list = parts.get(name);
    if (list === undefined) parts.set(name, (list = []));
    list.push([part === undefined ? 1 : Number(part), value]);
  }
  if (parts === undefined) return [];
  const texts: [string, string][] = [];
  for (const [name, list] of parts) texts.push([name, list.length === 1 ? (list[0] as [number, string])[1] : list.sort((a, b) => a[0] - b[0]).map((p) => p[1]).join('')]);
  return texts;
}

/** The findings of the other views' texts (memoized per distinct text and label name). */
export function otherViewFindings(event: TelemetryEvent): readonly SourcedFinding[] {
  const texts = otherViewTexts(event);
  if (texts.length === 0) return [];
  if (texts.length === 1) {
    const [name, text] = texts[0] as [string, string];
    return labelMatcher(name).get(text);
  }
  const out: SourcedFinding[] = [];
  for (const [name, text] of texts) labelMatcher(name).find(text, out);
  return out;
}


/**
 * The timeouts another party's view states (its timer fired: "TimeoutError: timed out", "The handshake operation timed out"), read on
 * an observer's failed attempt whose own texts name only a drop (round 36, eng-d2): the party that timed out then closed its
 * connection, and the observer's EOF or reset is that close, not another cause; the timer states why (convention 13).
 */
export function otherViewTimeouts(event: TelemetryEvent): readonly SourcedFinding[] {
  let out: SourcedFinding[] | undefined;
  for (const hit of otherViewFindings(event)) if (hit.cause === 'network_timeout') (out ??= []).push(hit);
  return out ?? [];
}
