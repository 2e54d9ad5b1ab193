// Progress of long one-shot work on a terminal (stderr): a line rewritten every second with
// records/s and lag, then one summary line. Off when stderr is not a terminal, unless asked for.

export interface Counts {
  records: number;
  stored?: number;
  deadLetters?: number;
  duplicates?: number;
  lag?: number;
  total?: number;
}

const rate = (records: number, ms: number): string => (ms > 0 ? `${Math.round((records * 1000) / ms)}` : '0');

/** The live line: what happened since the last tick. */
export function progressLine(now: Counts, previous: Counts, intervalMs: number): string {
  const parts = [`${now.records}${now.total !== undefined ? `/${now.total}` : ''} records`, `${rate(now.records - previous.records, intervalMs)} records/s`];
  if (now.stored !== undefined) parts.push(`${now.stored} stored`);
  if (now.deadLetters) parts.push(`${now.deadLetters} dead letters`);
  if (now.lag !== undefined) parts.push(`lag ${now.lag}`);
  return parts.join(', ');
}

/** The last line: totals and the average rate. */
export function summaryLine(verb: string, counts: Counts, elapsedMs: number): string {
  const parts = [`${counts.records} records`];
  if (counts.stored !== undefined) parts.push(`${counts.stored} stored`);
  if (counts.deadLetters !== undefined) parts.push(`${counts.deadLetters} dead letters`);
  if (counts.duplicates !== undefined) parts.push(`${counts.duplicates} duplicates skipped`);
  return `${verb}: ${parts.join(', ')} in ${(elapsedMs / 1000).toFixed(1)} s (${rate(counts.records, elapsedMs)} records/s)`;
}

export interface Progress {
  stop(verb: string): Promise<void>;
}

/** Ticks every everyMs on out (rewriting one line on a terminal, one line per tick elsewhere). */
export function startProgress(read: () => Promise<Counts>, out: NodeJS.WritableStream & { isTTY?: boolean }, everyMs = 1000): Progress {
  const started = Date.now();
  let previous: Counts = { records: 0 };
  let last = started;
  const tty = out.isTTY === true;
  const timer = setInterval(() => {
    void read().then((now) => {
      const at = Date.now();
      const line = progressLine(now, previous, at - last);
      out.write(tty ? `\r\x1b[K${line}` : `${line}\n`);
      previous = now;
      last = at;
    });
  }, everyMs);
  return {
    stop: async (verb) => {
      clearInterval(timer);
      const counts = await read();
      out.write(`${tty ? '\r\x1b[K' : ''}${summaryLine(verb, counts, Date.now() - started)}\n`);
    },
  };
}

/** --progress / --no-progress, else on when stderr is a terminal. */
export const progressWanted = (option: unknown): boolean => (typeof option === 'boolean' ? option : process.stderr.isTTY === true);
