// The follower on real files in a temp folder: lines as they are appended, a rename-and-recreate
// rotation (logrotate's default), a truncation (copytruncate), a file that appears late.
import { appendFile, mkdtemp, rename, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { followLines } from '../../../../ingest/logs/follow-file.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wsdiag-follow-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Collects lines until `count` arrived (or 5 s passed), running `steps` in between as the follower idles. */
async function collect(path: string, count: number, steps: Array<() => Promise<void>>): Promise<string[]> {
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), 5000);
  const seen: string[] = [];
  const onIdle = async (): Promise<void> => {
    await steps.shift()?.();
  };
  for await (const line of followLines(path, { pollMs: 10, signal: stop.signal, onIdle })) {
    seen.push(line);
    if (seen.length >= count) break;
  }
  clearTimeout(timer);
  return seen;
}

it('follows appends, including a line written in two pieces', async () => {
  const file = join(dir, 'error.log');
  await writeFile(file, 'one\n');
  const lines = await collect(file, 3, [() => appendFile(file, 'tw'), () => appendFile(file, 'o\r\nthree\n')]);
  expect(lines).toEqual(['one', 'two', 'three']);
});

it('survives a rename-and-recreate rotation: the old file is read to its end, then the new one from 0', async () => {
  const file = join(dir, 'error.log');
  await writeFile(file, 'a\n');
  const lines = await collect(file, 4, [
    async () => {
      await appendFile(file, 'b\n');
      await rename(file, `${file}.1`);
      await writeFile(file, 'c\n');
    },
    () => appendFile(file, 'd\n'),
  ]);
  expect(lines).toEqual(['a', 'b', 'c', 'd']);
});

it('starts over after a truncation (copytruncate)', async () => {
  const file = join(dir, 'access.log');
  await writeFile(file, 'first line\nsecond line\n');
  const lines = await collect(file, 3, [
    async () => {
      await truncate(file, 0);
      await appendFile(file, 'x\n');
    },
  ]);
  expect(lines).toEqual(['first line', 'second line', 'x']);
});

it('waits for a file that does not exist yet', async () => {
  const file = join(dir, 'late.log');
  const lines = await collect(file, 1, [() => writeFile(file, 'here\n')]);
  expect(lines).toEqual(['here']);
});
