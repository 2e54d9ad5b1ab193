// A server's own view of a session: its log lines travel in error.message, but lines logged at info or debug level
// ("INFO:     connection open", pino's level 30 "incoming request", asyncio's "SSL handshake took 2.6 ms") report the
// session's steps, not a failure. When every line of the text is such a record and the error names no class or code,
// the event carries no error at all: an open session stays connected, a 1005 stays a clean close.
// The same level field tells a server's own failure: an error-level record or an uncaught exception's traceback.
import type { TelemetryEvent } from '../schemas/telemetry-event.js';
import { oncePerText } from './bounded-cache.js';
import { raisedDisconnect } from './raised-exception.js';

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

// A debug or info record whose message is the error the server hit handling the peer's data ("DEBUG engineioxide::transport::ws:
// error when handling packet: WsTransport(Capacity(MessageTooLong { … }))"): the library logs at that level the failure that ends
// the session, so the record is no step but the failure's words (round 25).
// @see https://github.com/Totodore/socketioxide/blob/main/crates/engineioxide/src/transport/ws.rs (debug!("error when handling packet: {:?}", e))
const HANDLING_ERROR = /\berror (?:when|while) (?:handling|processing|reading|decoding|parsing)\b/i;

function quietLine(line: string): boolean {
  if (HANDLING_ERROR.test(line)) return false;
  if (PYTHON_QUIET.test(line) || PINO_QUIET.test(line) || BRACKETED_QUIET.test(line)) return true;
  const dated = DATED_LEVEL.exec(line);
  return dated !== null && (dated[1] === 'DEBUG' || dated[1] === 'INFO');
}

/** Whether a line opens a record at a level: a quiet one (above), an error-level one, or any level after the date. */
const opensRecord = (line: string): boolean => ERROR_PREFIX.test(line) || DATED_LEVEL.test(line) || LEVEL_PREFIX.test(line) || UNCAUGHT_HEADER.test(line);
// A framework's own header for an exception that escaped the application, first in its line, with at most its bracketed tag
// (Falcon's "[FALCON] Unhandled exception in ASGI app", logged at error level by its default error handler): a record of its own,
// not a line of the quiet record above it. A traceback alone stays under the record above it (asyncio's DEBUG records).
// @see https://github.com/falconry/falcon/blob/master/falcon/asgi/app.py (_python_error_handler: "[FALCON] Unhandled exception in ASGI app")
const UNCAUGHT_HEADER = /^(?:\[[\w.-]{1,40}\]\s*)?(?:Uncaught|Unhandled) (?:exception|error)\b/i;
// Any other level first in the line, as the quiet and error patterns spell it (WARNING:, [WARN], pino's 40).
const LEVEL_PREFIX = /^(?:WARN(?:ING)?):(?:\s|[\w.]+:)|^\{"level":\d0,|^(?:\[[^\]\n]{1,40}\]\s*){0,2}\[(?:WARN(?:ING)?)\]\s/;

/**
 * The text without its quiet records: a quiet line and the lines after it that open no record of their own (a payload the
 * record prints on the next line, a traceback logged under it, a blank line) are one record, as recordsServerFailure reads them.
 * pino's JSON lines and uWSGI's request record are one line each: a line after them is another logger's.
 * Returns the text itself (equal, not always the same string) when no record is quiet, and '' when every record is.
 * Read once per distinct text: a server's and a proxy's messages repeat across events, and every line runs up to ten patterns.
 */
export const withoutQuietRecords = oncePerText(quietRecordsRemoved);

function quietRecordsRemoved(text: string): string {
  if (text.length === 0) return text;
  const lines = text.split('\n');
  let kept: string[] | undefined;
  let inQuietRecord = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const oneLine = PINO_QUIET.test(line) || SWITCHED_REQUEST_RECORD.test(line);
    const quiet = oneLine || quietLine(line);
    // A record that may go on over the next lines, or a line of the record before it.
    if (quiet || opensRecord(line) || i === 0) inQuietRecord = quiet && !oneLine;
    if (quiet || inQuietRecord) kept ??= lines.slice(0, i);
    else kept?.push(line);
  }
  return kept === undefined ? text : kept.join('\n');
}

/** Whether every record of a server's text is an info- or debug-level record or a 101's request record (no line of a failure, no traceback of its own). */
export function onlyQuietLines(text: string): boolean {
  return text.length > 0 && withoutQuietRecords(text).length === 0;
}

/**
 * The event as the engine reads it: a server's info/debug records report an open session's steps ("connection closed" as the
 * session ended, a payload it received), not a failure. A server's error made only of such records is no error; beside other
 * records, the others are its text. A failed attempt never opened: every line its server wrote is read.
 */
export function withoutQuietServerLines(event: TelemetryEvent): TelemetryEvent {
  const error = event.error;
  if (error === undefined || event.source.kind !== 'server' || event.outcome === 'failed' || !error.message) return event;
  const loud = withoutQuietRecords(error.message);
  if (loud === error.message) return event;
  if (loud.trim().length > 0) return { ...event, error: { ...error, message: loud } };
  if (error.name !== undefined || error.code !== undefined) return event;
  const { error: _quiet, ...rest } = event;
  return rest;
}

// A server's own error-level record: Python logging's "ERROR:"/"CRITICAL:" level prefix (uvicorn's, or BASIC_FORMAT's
// "ERROR:robyn.ws:…"), pino's level 50/60 JSON line, a bracketed [ERROR], or the level after the record's date and time.
// pretty_env_logger's record (" ERROR warp_srv > …": the level padded to five, the target, " > ", the message), the format
// warp's and hyper's examples log with.
// @see https://github.com/seanmonstar/pretty-env-logger/blob/master/src/lib.rs (formatted_builder: " {level} {target} > {args}")
const ERROR_PREFIX = /^(?:ERROR|CRITICAL):(?:\s|[\w.]+:)|^\{"level":[56]0,|^(?:\[[^\]\n]{1,40}\]\s*){0,2}\[(?:ERROR|CRITICAL|FATAL)\]\s|^ ERROR [\w:.-]+ +> /;
const ERROR_LEVELS: ReadonlySet<string> = new Set(['ERROR', 'CRITICAL', 'FATAL', 'SEVERE']);
// An exception that escaped the code that raised it, as the runtime prints it: Python's traceback header, or the words of an
// uncaught or unhandled exception (Node's "Uncaught …", a framework's "Exception occurred while handling").
// @see https://docs.python.org/3/library/traceback.html ("Traceback (most recent call last):")
// Erlang/OTP's crash report ("=CRASH REPORT====", proc_lib's report for a process that exited on an exception its code raised:
// "exception error: bad argument"); an "=ERROR REPORT====" alone may tell of a process killed from outside ("exit with reason:
// killed", an untrappable exit signal), which is a drop, not the code's failure.
// @see https://www.erlang.org/doc/apps/stdlib/proc_lib.html (crash report), https://www.erlang.org/doc/apps/kernel/logger_formatter.html (legacy_header)
// A panic, Go's and Rust's runtime-level uncaught failure: Go's runtime prints "panic: <value>" before the goroutine trace (and a
// framework that recovers it, Fiber's contrib/websocket defaultRecover, prints the same with debug.Stack()); net/http's server
// recovers a handler's panic as "http: panic serving <addr>: <value>"; Rust's default panic hook prints "thread '<name>' panicked at".
// @see https://go.dev/src/runtime/panic.go (printpanics: "panic: "), https://go.dev/src/net/http/server.go ("http: panic serving %v: %v\n%s")
// @see https://doc.rust-lang.org/std/panic/fn.set_hook.html (the default hook: "thread '<name>' panicked at <location>")
// A Go goroutine trace whose frame is the runtime's panic ("panic({0x7541c0?, 0x7f9d50?})" over runtime/panic.go: the traceback
// prints runtime.gopanic as "panic"): the code panicked, whichever middleware recovered and logged it with debug.Stack() (Echo's
// Recover "[PANIC RECOVER] …", chi's Recoverer). Round 41, r41-b. @see https://go.dev/src/runtime/traceback.go (funcNamePiecesForPrint)
const UNCAUGHT = /^panic: |^panic\(\{?0x[0-9a-f]+|\bhttp: panic serving\b|^thread '[^'\n]*' panicked at\b|^=CRASH REPORT====|Traceback \(most recent call last\)|\b(?:Uncaught|Unhandled) (?:exception|error|rejection)\b|\bException (?:occurred while handling|in (?:ASGI application|WebSocket handler|thread))\b/i;

// The server's own words that it ended the session because its code raised ("closing connection … because of exception TypeError",
// "connection closed due to an unhandled exception"): the exception escaped the code that handled the message, and the server
// gave the session up for it.
const CLOSED_ON_EXCEPTION = /\b(?:clos(?:e|es|ed|ing)|terminat(?:e|es|ed|ing)|abort(?:s|ed|ing)?)\b[^\n]{0,80}?\b(?:because of|due to)(?: an?)?(?: unhandled| uncaught)? exception\b/i;

function errorLine(line: string): boolean {
  if (ERROR_PREFIX.test(line)) return true;
  const dated = DATED_LEVEL.exec(line);
  return dated !== null && ERROR_LEVELS.has(dated[1] as string);
}

/**
 * How a server's text records its own failure: `uncaught`, an exception that escaped its handler outside a debug or info record
 * (asyncio logs a transport's shutdown traceback under a DEBUG record: the record's level says it is a step, not a failure);
 * `record`, only an error-level record (its own level field says so: the application logged an error it caught); undefined,
 * neither. A client's text never answers for the server.
 */
export function serverFailureKind(event: TelemetryEvent): 'uncaught' | 'record' | undefined {
  const message = event.error?.message;
  if (message === undefined || event.source.kind !== 'server') return undefined;
  const kind = failureKindOf(message);
  // A traceback that ends in the framework's exception for the peer's close (BlackSheep's WebSocketDisconnectError, logged at
  // error level with the client's 1000) reports the disconnect, not a failure: the close beside it decides (raised-exception.ts).
  return kind !== undefined && raisedDisconnect(message) ? undefined : kind;
}

function failureKindOf(message: string): 'uncaught' | 'record' | undefined {
  // The lines after a record (a traceback, its exception) belong to it until the next record.
  let inQuietRecord = false;
  let record = false;
  for (const line of message.split('\n')) {
    if (errorLine(line)) {
      record = true;
      inQuietRecord = false;
    } else if (quietLine(line)) inQuietRecord = true;
    else if (UNCAUGHT_HEADER.test(line)) inQuietRecord = false;
    if (!inQuietRecord && (UNCAUGHT.test(line) || CLOSED_ON_EXCEPTION.test(line))) return 'uncaught';
  }
  return record ? 'record' : undefined;
}

/** The error-level lines of a server's text (an error prefix, or ERROR/CRITICAL/FATAL/SEVERE after the date): its failure records. */
export function errorRecordLines(message: string): string[] {
  const lines: string[] = [];
  for (const line of message.split('\n')) if (errorLine(line)) lines.push(line);
  return lines;
}

/** Whether a server's text records its own failure: an uncaught exception or an error-level record (serverFailureKind). */
export function recordsServerFailure(event: TelemetryEvent): boolean {
  return serverFailureKind(event) !== undefined;
}
