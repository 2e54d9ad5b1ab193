// A server's own view of a session: its log lines travel in error.message, but lines logged at info or debug level
// ("INFO:     connection open", pino's level 30 "incoming request", asyncio's "SSL handshake took 2.6 ms") report the
// session's steps, not a failure. When every line of the text is such a record and the error names no class or code,
// the event carries no error at all: an open session stays connected, a 1005 stays a clean close.
// The same level field tells a server's own failure: an error-level record or an uncaught exception's traceback.
import type { TelemetryEvent } from '../schemas/telemetry-event.js';

// Python logging's level first in the line: uvicorn's "%(levelprefix)s" ("INFO:     ") and logging.BASIC_FORMAT
// "%(levelname)s:%(name)s:%(message)s" ("DEBUG:asyncio:…").
// @see https://docs.python.org/3/library/logging.html#logging-levels (DEBUG 10, INFO 20), logging.BASIC_FORMAT
const PYTHON_QUIET = /^(?:DEBUG|INFO):(?:\s|[\w.]+:)/;
// pino's numeric level first in its JSON line (trace 10, debug 20, info 30; warn 40 and above are not quiet).
// @see https://getpino.io/#/docs/api?id=loggerlevels-object (pino levels)
const PINO_QUIET = /^\{"level":[123]0,/;

// The level in brackets after the line's time and process id, as gunicorn's and hypercorn's default error log prints it
// ("%(asctime)s [%(process)d] [%(levelname)s] %(message)s": "[2026-12-03 12:33:10 +0000] [17745] [DEBUG] …").
// @see https://docs.gunicorn.org/en/stable/settings.html#logconfig (gunicorn's default format; hypercorn's logging.py copies it)
const BRACKETED_QUIET = /^(?:\[[^\]\n]{1,40}\]\s*){0,2}\[(?:DEBUG|INFO)\]\s/;

// The level as the field after the record's date and time ("%(asctime)s %(levelname)s %(message)s"), with at most a short
// process or logger name before the date ("Main  2026-12-03 13:39:51 +0000 INFO: …", "2026-12-03 12:59:58,945 DEBUG    …"):
// the common layout of Python's, log4j's and logback's pattern formatters.
// @see https://docs.python.org/3/library/logging.html#logrecord-attributes (asctime, levelname)
// @see https://logback.qos.ch/manual/layouts.html#ClassicPatternLayout (%d %level)
const DATED_LEVEL = /^[\w.-]{0,24}\s*\|?\s*\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:\s?(?:Z|[+-]\d{2}:?\d{2}))?\]?\s+\[?(DEBUG|INFO|WARN|WARNING|ERROR|CRITICAL|FATAL|SEVERE)\]?(?::|\s)/;

// uWSGI's request log line for an upgrade it answered 101 (its default logformat ends "%(method) %(uri) => generated %(rsize)
// bytes in %(msecs) msecs (%(proto) %(status)) …"): the record of a request served, written for every request whatever
// followed, no failure. Only the 101's own record: any other status is the answer the request got.
// @see https://uwsgi-docs.readthedocs.io/en/latest/LogFormat.html (default request log format)
const SWITCHED_REQUEST_RECORD = /^\[pid: \d+\|app: [^\]\n]*\] .* => generated \d+ bytes in \d+ msecs \(HTTP\/1\.[01] 101\)/;

function quietLine(line: string): boolean {
  if (PYTHON_QUIET.test(line) || PINO_QUIET.test(line) || BRACKETED_QUIET.test(line)) return true;
  const dated = DATED_LEVEL.exec(line);
  return dated !== null && (dated[1] === 'DEBUG' || dated[1] === 'INFO');
}

/** Whether every line of a server's text is an info- or debug-level record or a 101's request record (no line of a failure, no traceback). */
export function onlyQuietLines(text: string): boolean {
  if (text.length === 0) return false;
  for (const line of text.split('\n')) if (!quietLine(line) && !SWITCHED_REQUEST_RECORD.test(line)) return false;
  return true;
}

/** The event as the engine reads it: a server's error made only of its info/debug lines is no error. */
export function withoutQuietServerLines(event: TelemetryEvent): TelemetryEvent {
  const error = event.error;
  if (error === undefined || event.source.kind !== 'server' || event.outcome === 'failed' || error.name !== undefined || error.code !== undefined || !error.message) return event;
  if (!onlyQuietLines(error.message)) return event;
  const { error: _quiet, ...rest } = event;
  return rest;
}

// A server's own error-level record: Python logging's "ERROR:"/"CRITICAL:" level prefix (uvicorn's, or BASIC_FORMAT's
// "ERROR:robyn.ws:…"), pino's level 50/60 JSON line, a bracketed [ERROR], or the level after the record's date and time.
const ERROR_PREFIX = /^(?:ERROR|CRITICAL):(?:\s|[\w.]+:)|^\{"level":[56]0,|^(?:\[[^\]\n]{1,40}\]\s*){0,2}\[(?:ERROR|CRITICAL|FATAL)\]\s/;
const ERROR_LEVELS: ReadonlySet<string> = new Set(['ERROR', 'CRITICAL', 'FATAL', 'SEVERE']);
// An exception that escaped the code that raised it, as the runtime prints it: Python's traceback header, or the words of an
// uncaught or unhandled exception (Node's "Uncaught …", a framework's "Exception occurred while handling").
// @see https://docs.python.org/3/library/traceback.html ("Traceback (most recent call last):")
// Erlang/OTP's crash report ("=CRASH REPORT====", proc_lib's report for a process that exited on an exception its code raised:
// "exception error: bad argument"); an "=ERROR REPORT====" alone may tell of a process killed from outside ("exit with reason:
// killed", an untrappable exit signal), which is a drop, not the code's failure.
// @see https://www.erlang.org/doc/apps/stdlib/proc_lib.html (crash report), https://www.erlang.org/doc/apps/kernel/logger_formatter.html (legacy_header)
const UNCAUGHT = /^=CRASH REPORT====|Traceback \(most recent call last\)|\b(?:Uncaught|Unhandled) (?:exception|error|rejection)\b|\bException (?:occurred while handling|in (?:ASGI application|WebSocket handler|thread))\b/i;

function errorLine(line: string): boolean {
  if (ERROR_PREFIX.test(line)) return true;
  const dated = DATED_LEVEL.exec(line);
  return dated !== null && ERROR_LEVELS.has(dated[1] as string);
}

/**
 * Whether a server's text records its own failure: an error-level record (its own level field says so), or an exception that
 * escaped its handler outside a debug or info record (asyncio logs a transport's shutdown traceback under a DEBUG record:
 * the record's level says it is a step, not a failure). A client's text never answers for the server.
 */
export function recordsServerFailure(event: TelemetryEvent): boolean {
  const message = event.error?.message;
  if (message === undefined || event.source.kind !== 'server') return false;
  // The lines after a record (a traceback, its exception) belong to it until the next record.
  let inQuietRecord = false;
  for (const line of message.split('\n')) {
    if (errorLine(line)) return true;
    if (quietLine(line)) inQuietRecord = true;
    else if (!inQuietRecord && UNCAUGHT.test(line)) return true;
  }
  return false;
}
