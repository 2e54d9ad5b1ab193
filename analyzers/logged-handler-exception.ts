// A server's own log recording, at error level, the exception its event carries (round 41, r41-a): the handler's failure on a
// session that had opened, read beside a close the server's API attributes to the client.
import { oncePerText } from './bounded-cache.js';
import type { Finding } from './candidate.js';
import { EXCEPTION_CLASS } from './application-close-error.js';
import { logLabels } from './codes/proxy-result.js';
import { isDisconnectClassName } from './raised-exception.js';
import type { TelemetryEvent } from '../schemas/telemetry-event.js';

// An error-level record after its time stamp, with the thread in brackets between them as SLF4J's and logback's default layouts
// print it ("%d [%thread] %-5level %logger - %msg": "18:53:59.224 [ratpack-compute-1-3] ERROR r.s.i.NettyHandlerAdapter - "), or
// without it (log4j's "%d %-5p [%c] %m"). The exception the record carries may follow on the next line (a logger given only the
// throwable prints an empty message, then the throwable's toString).
// @see https://logback.qos.ch/manual/layouts.html#ClassicPatternLayout, https://www.slf4j.org/api/org/slf4j/simple/SimpleLogger.html
const ERROR_RECORD = /\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?\S*\s+(?:\[[^\]\n]{1,60}\]\s+)?(?:ERROR|SEVERE|FATAL|CRITICAL)\b/;

/** Whether some error-level record of `log` (its line or the line after it) carries `message`. */
function recordCarries(log: string, message: string): boolean {
  const lines = log.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!ERROR_RECORD.test(lines[i] as string)) continue;
    if ((lines[i] as string).includes(message) || (lines[i + 1] ?? '').includes(message)) return true;
  }
  return false;
}
const carriedOnce = oncePerText((key: string): boolean => {
  const cut = key.indexOf('\u0000');
  return recordCarries(key.slice(cut + 1), key.slice(0, cut));
}, 1024, 4096);

const LOGGED_HANDLER_EXCEPTION: Finding = {
  cause: 'server_error',
  confidence: 0.55,
  evidence: {
    kind: 'error.message',
    detail: "a server's own log records at error level the exception its event carries, on a session that had opened: its handler failed the session, whichever side the API names as closing after it → server_error (rule inferred.logged_handler_exception, convention 17, RFC 6455 §7.4.1: 1011)",
  },
};

/**
 * On a server's session that opened and ended with no close code: an error that is an exception class (not the framework's class
 * for the peer's disconnect) whose message the server's own log (`server_log`, `log`) records at error level. A close the API
 * attributes to the client after it (Ratpack's onClose fromClient=true, which holdout-48's lab saw for a client reset, a FIN, any
 * client Close and the server's own idle timeout) does not say why the session ended; the logged exception does.
 */
export function loggedHandlerException(event: TelemetryEvent): Finding | undefined {
  const error = event.error;
  const name = error?.name;
  const message = error?.message?.trim();
  if (name === undefined || message === undefined || message.length < 8 || !EXCEPTION_CLASS.test(name) || isDisconnectClassName(name)) return undefined;
  for (const [, log] of logLabels(event.labels)) if (carriedOnce(`${message}\u0000${log}`)) return LOGGED_HANDLER_EXCEPTION;
  return undefined;
}
