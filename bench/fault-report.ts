// The full fault run (issue 7): runs the fault suite with the `full` profile (more repetitions, the
// 60 s ClickHouse outage, minutes between a record and its late copy) and prints the fault table.
// Usage: npm run build && node dist/bench/fault-report.js [vitest filters...]
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One row of the fault table; the fault tests append these (test/support/fault-harness.ts `report`). */
export interface FaultRow {
  fault: string;
  repetitions: number;
  produced: number;
  inClickHouse: number;
  inDlq: number;
  /** Dead letters published again for a re-read batch (same source offset). */
  dlqCopies?: number;
  lost: number;
  countedTwice: number;
  recoverMs: number[];
  notes?: string;
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function seconds(ms: number[]): string {
  if (ms.length === 0) return '–';
  const sorted = [...ms].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const max = sorted[sorted.length - 1]!;
  return ms.length === 1 ? `${(max / 1000).toFixed(1)} s` : `${(median / 1000).toFixed(1)} s (max ${(max / 1000).toFixed(1)} s)`;
}

export function renderTable(rows: readonly FaultRow[]): string {
  const header = ['fault', 'repetitions', 'records produced', 'in ClickHouse', 'in the DLQ', 'lost', 'counted twice', 'time to recover (median)'];
  const lines = rows.map((r) => [r.fault, String(r.repetitions), String(r.produced), String(r.inClickHouse), r.dlqCopies ? `${r.inDlq} (+${r.dlqCopies} re-sent copies)` : String(r.inDlq), String(r.lost), String(r.countedTwice), seconds(r.recoverMs)]);
  const table = [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
  const notes = rows.filter((r) => r.notes).map((r) => `- ${r.fault}: ${r.notes}`);
  return `${table}\n\n${notes.join('\n')}\n`;
}

async function main(filters: string[]): Promise<number> {
  const reportFile = join(tmpdir(), `wsdiag-fault-report-${process.pid}.jsonl`);
  rmSync(reportFile, { force: true });
  const started = Date.now();
  const code = await new Promise<number>((resolve) => {
    const child = spawn(join(repoRoot, 'node_modules/.bin/vitest'), ['run', '--config', 'vitest.faults.config.ts', ...filters], {
      cwd: repoRoot,
      env: { ...process.env, WSDIAG_FAULTS_PROFILE: 'full', WSDIAG_FAULTS_REPORT: reportFile },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('close', (c) => resolve(c ?? 1));
  });
  const rows = existsSync(reportFile)
    ? readFileSync(reportFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as FaultRow)
    : [];
  process.stdout.write(`\nFull fault run: ${rows.length} faults in ${Math.round((Date.now() - started) / 1000)} s (vitest exit ${code})\n\n${renderTable(rows)}`);
  rmSync(reportFile, { force: true });
  return code;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`fault-report: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
