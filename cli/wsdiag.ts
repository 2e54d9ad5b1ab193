#!/usr/bin/env node
// `wsdiag` entry point: builds the command line from the command list, runs one command, and is the
// only place that exits. Exit codes: 0 done, 1 runtime failure, 2 usage error, 3 some input invalid.
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { Command, CommanderError } from 'commander';
import { allCommands } from './commands/index.js';
import { unknownVariables } from '../ingest/config.js';
import { exitCodes, usageLine, UsageError, type CliCommand } from './program.js';

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const footer = `
Start here (services on this machine: scripts/services up):
  wsdiag migrate && wsdiag produce --count 2000 && wsdiag run --drain && wsdiag summary

Configuration comes from WSDIAG_* environment variables (docs/configuration.md).
'wsdiag <command> --help' shows a command's options.`;

/** Throws CommanderError for usage problems and help; the command's own exit code otherwise. */
async function main(argv: string[], commands: readonly CliCommand[]): Promise<number> {
  let exitCode: number = exitCodes.usage;
  const program = new Command('wsdiag')
    .description('Tells why WebSocket connections fail: telemetry from Kafka, attributed failures in ClickHouse.')
    .version(version, '-V, --version')
    .option('--verbose', 'print stack traces of unexpected errors')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ outputError: () => undefined })
    .addHelpText('after', footer)
    .hook('preAction', () => {
      for (const { name, suggestion } of unknownVariables(process.env)) {
        process.stderr.write(`wsdiag: warning: ${name} is not a wsdiag setting${suggestion ? ` (did you mean ${suggestion}?)` : ''}; it is ignored\n`);
      }
    });
  for (const spec of commands) {
    const command = program.command(spec.name).description(spec.summary);
    spec.configure(command).action(async function (this: Command) {
      exitCode = await spec.run({ opts: this.opts(), args: [...this.args] }, process.env);
    });
  }
  await program.parseAsync(argv, { from: 'user' });
  return exitCode;
}

function commandName(argv: string[]): string | undefined {
  return argv.find((a) => !a.startsWith('-'));
}

function verbose(argv: string[]): boolean {
  return argv.includes('--verbose') || ['debug', 'trace'].includes(process.env.WSDIAG_LOG_LEVEL ?? '');
}

/** One line for anything expected (usage, coded errors); the stack only when asked for. */
function report(error: unknown, argv: string[]): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return exitCodes.ok;
    // `wsdiag` alone printed the overview on stderr: a usage error.
    if (error.code === 'commander.help') return exitCodes.usage;
    const name = commandName(argv);
    const known = name !== undefined && allCommands.some((c) => c.name === name);
    process.stderr.write(known ? usageLine(name, error.message) : `wsdiag: ${error.message.replace(/^error:\s*/i, '').replace(/\s*\n\s*/g, ' ')} (see 'wsdiag --help')\n`);
    return exitCodes.usage;
  }
  if (error instanceof UsageError) {
    process.stderr.write(usageLine(commandName(argv) ?? '', error.message));
    return exitCodes.usage;
  }
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  const coded = typeof code === 'string' && code.startsWith('WSDIAG_ERR_');
  const message = error instanceof Error ? error.message : String(error);
  if (verbose(argv)) process.stderr.write(`wsdiag: ${inspect(error, { depth: 4 })}\n`);
  else if (coded) process.stderr.write(`wsdiag: ${message}\n`);
  else process.stderr.write(`wsdiag: ${message.split('\n')[0]} (--verbose shows where)\n`);
  return exitCodes.failure;
}

/**
 * Exits explicitly once stdout has drained: after a broker restart kafkajs can keep reconnect timers
 * alive for minutes, and a finished command must not wait for them.
 */
function exit(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

const argv = process.argv.slice(2);
main(argv, allCommands).then(exit, (error: unknown) => exit(report(error, argv)));
