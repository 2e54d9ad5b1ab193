// HAProxy log lines → parsed connection facts: connection errors (error-log-format, e.g.
// "ip:port [date] fe/bind: SSL handshake failure"), HTTP logs (`option httplog` and the same layout
// with fields appended) and "Server be/srv is DOWN" health-check lines. Lines may carry a syslog header.
// @see HAProxy doc/configuration.txt §8.2.3 (HTTP log format), §8.2.5 (error log format), §8.5 (termination states).
import { clfTimeMs, requestPath, type LineParser, type LineResult, type ParsedLogLine } from './log-line.js';

const syslogHeader = /^(?:<\d{1,3}>\d? ?)?(?:.*?\bhaproxy\[\d+\]: )?/;
const connectionError = /^(\S+) \[([^\]]+)\] ([^\s/]+)\/(\S+): (.+)$/;
const httpLog = /^(\S+) \[([^\]]+)\] (\S+) (\S+)\/(\S+) (\S+) (-?\d+) \+?-?\d+ \S+ \S+ (\S{4}) \S+ \S+ (?:\{([^}]*)\} )?(?:\{[^}]*\} )?"([^"]*)"/;
const serverDown = /^(?:Health check for )?(?:backup )?[Ss]erver (\S+) is DOWN, reason: ([^,]+)/;

/** A TCP connection that sent no ClientHello (health checks, port scans). */
const closedBeforeHello = /^Connection closed during SSL handshake(?: \(-\))?$/;

function parseConnectionError(m: RegExpExecArray, utcOffsetMinutes: number): LineResult {
  const [, client, time = '', frontend, , message = ''] = m;
  if (closedBeforeHello.test(message)) return { ok: false, skip: 'closed_before_hello' };
  const line: ParsedLogLine = { outcome: 'failed', side: 'downstream', ...(client ? { clientAddress: client } : {}), ...(frontend ? { listener: frontend.replace(/~$/, '') } : {}) };
  const ts = clfTimeMs(time, utcOffsetMinutes);
  if (ts !== undefined) line.ts = ts;
  return { ok: true, line };
}

/** A 101 connected; a session that ended on a connection-phase error or a 5xx failed; other requests are skipped. */
function parseHttpLog(m: RegExpExecArray, utcOffsetMinutes: number): LineResult {
  const [, client, time = '', frontend = '', backend = '', server = '', , statusText, termination = '----', capturedRequestHeaders, request] = m;
  const status = Number(statusText);
  const connectionPhaseError = /^[SCPRIKD][C]/.test(termination) || termination.startsWith('S');
  const failed = status !== 101 && (connectionPhaseError || status >= 500);
  if (status !== 101 && !failed) return { ok: false, skip: 'not_connection' };
  const line: ParsedLogLine = {
    outcome: failed ? 'failed' : 'connected',
    side: failed && server !== '<NOSRV>' && termination[0] !== 'C' ? 'upstream' : 'downstream',
    listener: frontend.replace(/~$/, ''),
    ...(client ? { clientAddress: client } : {}),
    ...(server && server !== '<NOSRV>' ? { upstreamAddress: `${backend}/${server}` } : {}),
    ...(status > 0 ? { status } : {}),
  };
  // `capture request header Host len 64` puts the Host first in the braces.
  const capturedHost = capturedRequestHeaders?.split('|')[0];
  if (capturedHost) line.host = capturedHost.trim();
  const path = requestPath(request);
  if (path) line.path = path;
  const ts = clfTimeMs(time, utcOffsetMinutes);
  if (ts !== undefined) line.ts = ts;
  return { ok: true, line };
}

export const parseHaproxyLine: LineParser = (text, { utcOffsetMinutes }) => {
  const message = text.replace(syslogHeader, '');
  const http = httpLog.exec(message);
  if (http) return parseHttpLog(http, utcOffsetMinutes);
  const error = connectionError.exec(message);
  if (error) return parseConnectionError(error, utcOffsetMinutes);
  const down = serverDown.exec(message);
  if (down) return { ok: true, line: { outcome: 'failed', side: 'upstream', upstreamAddress: down[1], listener: down[1] } };
  // Start-up, reload and "Proxy started" notices, and anything else HAProxy says about itself.
  if (/^(?:Proxy|Server|Backend|Health check|Loading|Pausing|Stopping|Resuming|\[NOTICE\]|\[WARNING\]|\[ALERT\])\b/.test(message)) {
    return { ok: false, skip: 'not_connection' };
  }
  return { ok: false, skip: 'unparsable' };
};
