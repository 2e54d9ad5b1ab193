// SqlRunner on chDB (a current ClickHouse engine in-process, PyPI `chdb`): one long-lived python3
// process speaking JSON lines (scripts/chdb-runner.py), so the two-engine tests run the same SQL
// through the same interface as the 18.16 server.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { SqlRunner } from '../../ingest/sql-runner.js';

export const chdbScript = fileURLToPath(new URL('../../scripts/chdb-runner.py', import.meta.url));

type Request = { op: 'command' | 'query'; sql: string } | { op: 'insert'; table: string; rows: ReadonlyArray<Record<string, unknown>> };
type Response = { id: number; rows?: unknown[]; error?: string };

export class ChdbError extends Error {
  readonly code = 'CHDB_ERROR';
}

export interface ChdbRunner extends SqlRunner {
  close(): Promise<void>;
}

export function createChdbRunner(options: { python?: string } = {}): ChdbRunner {
  const path = mkdtempSync(join(tmpdir(), 'wsdiag-chdb-'));
  const child = spawn(options.python ?? 'python3', [chdbScript, path], { stdio: ['pipe', 'pipe', 'pipe'] });
  const pending = new Map<number, { resolve: (rows: unknown[]) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let stderr = '';
  let exited: Error | undefined;

  child.stderr.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-8000);
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    const response = JSON.parse(line) as Response;
    const waiter = pending.get(response.id);
    if (!waiter) return;
    pending.delete(response.id);
    if (response.error !== undefined) waiter.reject(new ChdbError(response.error));
    else waiter.resolve(response.rows ?? []);
  });
  const closed = new Promise<void>((resolve) => {
    child.once('close', (code, signal) => {
      exited = new ChdbError(`chdb-runner exited (code ${code}, signal ${signal}): ${stderr.trim().slice(-2000)}`);
      for (const waiter of pending.values()) waiter.reject(exited);
      pending.clear();
      resolve();
    });
  });
  child.once('error', (error) => {
    exited = new ChdbError(`cannot start python3 for chDB: ${error.message}`);
  });

  function send(request: Request): Promise<unknown[]> {
    if (exited) return Promise.reject(exited);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      child.stdin.write(`${JSON.stringify({ id, ...request })}\n`);
    });
  }

  return {
    command: async (sql) => void (await send({ op: 'command', sql })),
    query: async <Row>(sql: string) => (await send({ op: 'query', sql })) as Row[],
    insert: async (table, rows) => {
      if (rows.length > 0) await send({ op: 'insert', table, rows });
    },
    insertText: async (table, columns, format, chunks) => {
      const body = typeof chunks === 'string' ? chunks : Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))).toString('utf8');
      if (body.length > 0) await send({ op: 'command', sql: `INSERT INTO ${table} (${columns.join(', ')}) FORMAT ${format}\n${body}` });
    },
    close: async () => {
      if (!exited) child.stdin.end();
      await closed;
    },
  };
}
