// WSDIAG_LOG_FORMAT=pretty: each pino JSON line as one readable line for a person at a terminal
// ("08:14:18.524 WARN  kafka  message  key=value"). The JSON is still what pino built and redacted.

const levels: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const hidden = new Set(['level', 'time', 'pid', 'hostname', 'name', 'msg', 'stage']);

const value = (v: unknown): string => (typeof v === 'string' ? (/[\s="]/.test(v) ? JSON.stringify(v) : v) : JSON.stringify(v));

/** One pino JSON line → one readable line (the input unchanged if it is not JSON). */
export function prettyLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const time = typeof entry.time === 'number' ? new Date(entry.time).toISOString().slice(11, 23) : '';
  const level = (levels[Number(entry.level)] ?? String(entry.level)).padEnd(5);
  const stage = typeof entry.stage === 'string' ? `${entry.stage}  ` : '';
  const fields = Object.entries(entry)
    .filter(([k, v]) => !hidden.has(k) && v !== undefined)
    .map(([k, v]) => `${k}=${value(v)}`);
  return `${time} ${level} ${stage}${String(entry.msg ?? '')}${fields.length ? `  ${fields.join(' ')}` : ''}\n`;
}

export function prettyDestination(out: NodeJS.WritableStream): { write(line: string): void } {
  return { write: (line) => void out.write(prettyLine(line)) };
}
