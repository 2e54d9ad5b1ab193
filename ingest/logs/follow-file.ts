// Reads a log file line by line and, with `follow`, keeps reading as it grows, like `tail -F`: a
// rename-and-recreate rotation (new inode) is picked up once the old file is read to its end, and a
// truncation (copytruncate) starts over at 0. The only I/O of `wsdiag logs`; parsing lives elsewhere.
import { stat, open, type FileHandle } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { setTimeout as sleep } from 'node:timers/promises';

export type FollowOptions = {
  pollMs: number;
  signal: AbortSignal;
  /** Awaited each time the reader has caught up, before it waits (flush batched output here). */
  onIdle?: () => Promise<void>;
};

/** A line longer than this (no newline in sight) is handed over cut, so memory stays bounded. */
const MAX_LINE_CHARS = 1 << 20;

async function pause(ms: number, signal: AbortSignal): Promise<void> {
  await sleep(ms, undefined, { signal }).catch(() => {});
}

async function openWhenPresent(path: string, options: FollowOptions): Promise<FileHandle | undefined> {
  while (!options.signal.aborted) {
    try {
      return await open(path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await options.onIdle?.();
      await pause(options.pollMs, options.signal);
    }
  }
  return undefined;
}

export async function* followLines(path: string, options: FollowOptions): AsyncGenerator<string> {
  let handle = await openWhenPresent(path, options);
  if (!handle) return;
  let inode = (await handle.stat()).ino;
  let position = 0;
  let pending = '';
  let decoder = new StringDecoder('utf8');
  const buffer = Buffer.alloc(64 * 1024);
  try {
    while (!options.signal.aborted) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead > 0) {
        position += bytesRead;
        pending += decoder.write(buffer.subarray(0, bytesRead));
        let newline: number;
        while ((newline = pending.indexOf('\n')) >= 0) {
          yield pending.slice(0, newline).replace(/\r$/, '');
          pending = pending.slice(newline + 1);
        }
        if (pending.length > MAX_LINE_CHARS) {
          yield pending;
          pending = '';
        }
        continue;
      }
      // Caught up with this file: has it been rotated away or truncated?
      const current = await stat(path).catch(() => undefined);
      if (current && current.ino !== inode) {
        if (pending !== '') yield pending;
        pending = '';
        await handle.close();
        const next = await openWhenPresent(path, options);
        if (!next) return;
        handle = next;
        inode = (await handle.stat()).ino;
        position = 0;
        decoder = new StringDecoder('utf8');
        continue;
      }
      if ((await handle.stat()).size < position) {
        position = 0;
        pending = '';
        decoder = new StringDecoder('utf8');
        continue;
      }
      await options.onIdle?.();
      await pause(options.pollMs, options.signal);
    }
  } finally {
    await handle.close();
  }
}
