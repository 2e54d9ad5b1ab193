#!/usr/bin/env node
// `wsdiag` entry point: picks the command, runs it, and is the only place that exits.
import { runCommand } from './commands/run.js';
import { migrateCommand } from './commands/migrate.js';
import { produceCommand } from './commands/produce.js';
import { classifyCommand } from './commands/classify.js';
import { schemaCommand } from './commands/schema.js';
import { summaryCommand } from './commands/summary.js';
import { extraCommands } from './commands/extra.js';
import { ConfigError } from '../ingest/config.js';

export type Command = (args: string[], env: NodeJS.ProcessEnv) => Promise<number>;

const commands: Record<string, { run: Command; help: string }> = {
  run: { run: runCommand, help: 'consume telemetry, classify, write to ClickHouse (--drain: exit once caught up)' },
  migrate: { run: migrateCommand, help: 'create or update the ClickHouse tables (idempotent)' },
  produce: { run: produceCommand, help: 'publish deterministic sample traffic (--count N --seed S --invalid-ratio R)' },
  classify: { run: classifyCommand, help: 'classify telemetry NDJSON from FILE or stdin, one JSON result per line' },
  schema: { run: schemaCommand, help: 'print the telemetry event v1 JSON Schema' },
  summary: { run: summaryCommand, help: 'print attributions read back from ClickHouse' },
  ...extraCommands,
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.help}`);
  return `usage: wsdiag <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nConfiguration comes from WSDIAG_* environment variables (docs/configuration.md).\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`wsdiag: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  return command.run(args, process.env);
}

/**
 * Exits explicitly once stdout has drained: after a broker restart kafkajs can keep reconnect timers
 * alive for minutes, and a finished command must not wait for them.
 */
function exit(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

main(process.argv.slice(2)).then(exit, (error: unknown) => {
  // Errors with a stable code are expected failures: one line, no stack.
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  const coded = typeof code === 'string' && code.startsWith('WSDIAG_ERR_');
  if (error instanceof ConfigError || coded) process.stderr.write(`wsdiag: ${(error as Error).message}\n`);
  else process.stderr.write(`wsdiag: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  exit(1);
});
