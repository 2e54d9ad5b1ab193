// A server's own view of a session: its log lines travel in error.message, but lines logged at info or debug level
// ("INFO:     connection open", pino's level 30 "incoming request", asyncio's "SSL handshake took 2.6 ms") report the
// session's steps, not a failure. When every line of the text is such a record and the error names no class or code,
// the event carries no error at all: an open session stays connected, a 1005 stays a clean close.
import type { TelemetryEvent } from '../schemas/telemetry-event.js';

// Python logging's level prefix as uvicorn's and most formatters print it ("%(levelprefix)s": "INFO:     ").
// @see https://docs.python.org/3/library/logging.html#logging-levels (DEBUG 10, INFO 20)
const PYTHON_QUIET = /^(?:DEBUG|INFO):\s/;
// pino's numeric level first in its JSON line (trace 10, debug 20, info 30; warn 40 and above are not quiet).
// @see https://getpino.io/#/docs/api?id=loggerlevels-object (pino levels)
const PINO_QUIET = /^\{"level":[123]0,/;

// The level in brackets after the line's time and process id, as gunicorn's and hypercorn's default error log prints it
// ("%(asctime)s [%(process)d] [%(levelname)s] %(message)s": "[2026-12-03 12:33:10 +0000] [17745] [DEBUG] …").
// @see https://docs.gunicorn.org/en/stable/settings.html#logconfig (gunicorn's default format; hypercorn's logging.py copies it)
const BRACKETED_QUIET = /^(?:\[[^\]\n]{1,40}\]\s*){0,2}\[(?:DEBUG|INFO)\]\s/;

function quietLine(line: string): boolean {
  return PYTHON_QUIET.test(line) || PINO_QUIET.test(line) || BRACKETED_QUIET.test(line);
}

/** Whether every line of a server's text is an info- or debug-level record (no line of a failure, no traceback). */
export function onlyQuietLines(text: string): boolean {
  if (text.length === 0) return false;
  for (const line of text.split('\n')) if (!quietLine(line)) return false;
  return true;
}

/** The event as the engine reads it: a server's error made only of its info/debug lines is no error. */
export function withoutQuietServerLines(event: TelemetryEvent): TelemetryEvent {
  const error = event.error;
  if (error === undefined || event.source.kind !== 'server' || error.name !== undefined || error.code !== undefined || !error.message) return event;
  if (!onlyQuietLines(error.message)) return event;
  const { error: _quiet, ...rest } = event;
  return rest;
}
