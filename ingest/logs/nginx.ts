// nginx error log lines (and `combined` access lines with status 101) → parsed connection facts.
// Error log: "YYYY/MM/DD HH:MM:SS [level] pid#tid: *conn message, client: A, server: S, request: "...",
// upstream: "...", host: "..."" (ngx_log_error_core and ngx_http_log_error in src/http/ngx_http_request.c).
import { clfTimeMs, requestPath, wallClockMs, type LineParser, type LineResult, type ParsedLogLine } from './log-line.js';

const errorLine = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2}) \[(\w+)\] \d+#\d+: (?:\*\d+ )?(.*)$/;
const accessLine = /^(\S+) \S+ \S+ \[([^\]]+)\] "([^"]*)" (\d{3}) /;
const failureLevels = new Set(['emerg', 'alert', 'crit', 'error', 'warn']);

/** A TCP connection that sent no ClientHello (health checks, port scans): nothing about TLS or WebSocket. */
const closedBeforeHello = /^client closed connection while SSL handshaking/;

function context(message: string, name: string): string | undefined {
  const quoted = new RegExp(`, ${name}: "([^"]*)"`).exec(message);
  if (quoted) return quoted[1];
  return new RegExp(`, ${name}: ([^,]*)`).exec(message)?.[1];
}

function parseErrorLine(m: RegExpExecArray, utcOffsetMinutes: number): LineResult {
  const [, year, month, day, hour, minute, second, level = '', message = ''] = m;
  const ts = wallClockMs(
    { year: Number(year), month: Number(month) - 1, day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second) },
    utcOffsetMinutes,
  );
  if (ts === undefined) return { ok: false, skip: 'unparsable' };
  const client = context(message, 'client');
  const aboutTls = /SSL|handshak/.test(message);
  const relevant = client !== undefined && (failureLevels.has(level) || (level === 'info' && aboutTls));
  if (!relevant) return { ok: false, skip: 'not_connection' };
  if (closedBeforeHello.test(message)) return { ok: false, skip: 'closed_before_hello' };
  const host = context(message, 'host');
  const upstream = context(message, 'upstream');
  const server = context(message, 'server');
  const line: ParsedLogLine = {
    outcome: 'failed',
    side: /\bupstream\b/.test(message) ? 'upstream' : 'downstream',
    clientAddress: client,
    ...(host ? { host } : {}),
    ...(upstream ? { upstreamAddress: upstream.replace(/^[a-z]+:\/\//, '').split('/')[0] } : {}),
    ...(server ? { listener: server } : {}),
  };
  const path = requestPath(context(message, 'request'));
  if (path) line.path = path;
  line.ts = ts;
  return { ok: true, line };
}

/** Access lines say only how a request ended; a 101 is a WebSocket that connected (failures are in the error log). */
function parseAccessLine(m: RegExpExecArray, utcOffsetMinutes: number): LineResult {
  const [, client, time = '', request, status] = m;
  if (status !== '101') return { ok: false, skip: 'not_connection' };
  const line: ParsedLogLine = { outcome: 'connected', side: 'downstream', status: 101, ...(client ? { clientAddress: client } : {}) };
  const path = requestPath(request);
  if (path) line.path = path;
  const ts = clfTimeMs(time, utcOffsetMinutes);
  if (ts !== undefined) line.ts = ts;
  return { ok: true, line };
}

export const parseNginxLine: LineParser = (text, { utcOffsetMinutes }) => {
  const error = errorLine.exec(text);
  if (error) return parseErrorLine(error, utcOffsetMinutes);
  const access = accessLine.exec(text);
  if (access) return parseAccessLine(access, utcOffsetMinutes);
  return { ok: false, skip: 'unparsable' };
};
