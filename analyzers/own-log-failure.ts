// A client's own log as its error text, where the attempt failed and the client's API raised nothing (round 38, eng-f1): a
// library that retries the connect itself logs each failure with its traceback (websockets' reconnecting `connect()` logs "connect
// failed; reconnecting in %.1f seconds" at INFO with exc_info) and hands the caller no exception. Only the log's failure records
// are read, never its routine lines ("State change: disconnected -> connecting" is a state, not a reset).
import type { TelemetryEvent } from '../schemas/telemetry-event.js';
import type { SourcedFinding } from './candidate.js';
import { oncePerText } from './bounded-cache.js';
import { errorRecordLines } from './server-log-levels.js';
import { labelMatcher } from './other-view-labels.js';

// The emitter's own log on a client's event: `client_log` or `log` (a long label's parts `_2`, `_part2`); never another
// party's (`server_log`, `proxy_log`: other-view and proxy rules read those) and never `note`.
const OWN_CLIENT_LOG = /^(?:client_)?log(?:_part\d+|_\d+)?$/;

/**
 * Python's traceback as the traceback module prints it: a header "Traceback (most recent call last):", frames ("  File "…", line N,
 * in fn" and their indented source lines), then the exception at column 0 ("Class: message", or the bare class). Each traceback's
 * last frame and its exception lines are its failure: the frame says where it was raised (ssl.py's do_handshake, asyncio's
 * sslproto _on_handshake_complete), the exception what.
 * @see https://docs.python.org/3/library/traceback.html (TracebackException.format: header, stack, exception only)
 */
const TRACEBACK_HEADER = 'Traceback (most recent call last):';
const FRAME_OR_SOURCE = /^\s/;

function tracebackTails(log: string): string[] {
  const tails: string[] = [];
  let at = log.indexOf(TRACEBACK_HEADER);
  while (at >= 0) {
    const lines = log.slice(at + TRACEBACK_HEADER.length).split('\n');
    let lastFrame = -1;
    let i = 1;
    for (; i < lines.length && (FRAME_OR_SOURCE.test(lines[i] as string) || lines[i] === ''); i++) if (/^\s+File "/.test(lines[i] as string)) lastFrame = i;
    // The exception line and its continuation lines (a message printed over several lines stays indented or empty).
    const exception = i < lines.length ? (lines[i] as string) : '';
    if (exception !== '') tails.push([...(lastFrame >= 0 ? lines.slice(lastFrame, i) : []), exception].join('\n'));
    at = log.indexOf(TRACEBACK_HEADER, at + TRACEBACK_HEADER.length);
  }
  return tails;
}

/** A log's failure records: its tracebacks' last frames and exceptions, and its error-level lines, one text (memoized per log). */
export const logFailureText = oncePerText((log) => {
  const parts = tracebackTails(log);
  for (const line of errorRecordLines(log)) parts.push(line);
  // The same failure logged at each retry is one statement.
  return [...new Set(parts)].join('\n');
}, 256);

/**
 * The findings of a client's own log, read as its error text on a failed attempt with no text of its own (no error, no close
 * reason, no status): the failure records only (logFailureText), memoized per distinct text and label name.
 */
export function ownClientLogFindings(event: TelemetryEvent): readonly SourcedFinding[] {
  const labels = event.labels;
  if (labels === undefined || event.source.kind !== 'client' || event.handshake?.status !== undefined) return [];
  let out: SourcedFinding[] | undefined;
  for (const key in labels) {
    const value = labels[key];
    if (!value || !OWN_CLIENT_LOG.test(key)) continue;
    const text = logFailureText(value);
    if (text === '') continue;
    for (const hit of labelMatcher(key).get(text)) (out ??= []).push(hit);
  }
  return out ?? [];
}
