// The command line as data: each command declares its arguments and options on a commander Command
// and gets back plain values; usage problems become a UsageError (exit 2), never a stack trace.
import { Command, CommanderError } from 'commander';

/** Exit codes, the same for every command. */
export const exitCodes = { ok: 0, failure: 1, usage: 2, invalidInput: 3 } as const;

/** A usage problem found after parsing (a bad value, a missing URL): one line on stderr, exit 2. */
export class UsageError extends Error {
  readonly code = 'WSDIAG_ERR_USAGE';
}

/** A runtime failure the user can act on: one line `CODE: what happened and what to do`, exit 1. */
export class CliError extends Error {
  readonly code: string;
  readonly retriable = false;
  constructor(code: `WSDIAG_ERR_${string}`, message: string) {
    super(`${code}: ${message}`);
    this.code = code;
  }
}

export interface Parsed {
  opts: Record<string, unknown>;
  args: string[];
}

export interface CliCommand {
  name: string;
  summary: string;
  /** Declares arguments and options (and help text) on the command. */
  configure(command: Command): Command;
  run(parsed: Parsed, env: NodeJS.ProcessEnv): Promise<number>;
}

/** Commander's own messages start with "error: "; ours name the command instead. */
export function usageLine(command: string, message: string): string {
  const text = message.replace(/^error:\s*/i, '').trim().replace(/\s*\n\s*/g, ' ');
  return `wsdiag ${command}: ${text} (see 'wsdiag ${command} --help')\n`;
}

/** Parses args with a command's declarations alone (no action, no output): for tests and library callers. */
export function parseWith(command: Pick<CliCommand, 'name' | 'configure'>, args: readonly string[]): { ok: true; parsed: Parsed } | { ok: false; error: string } {
  const cmd = command.configure(new Command(command.name))
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined, outputError: () => undefined });
  let parsed: Parsed | undefined;
  cmd.action(function (this: Command) {
    parsed = { opts: this.opts(), args: [...this.args] };
  });
  try {
    cmd.parse([...args], { from: 'user' });
  } catch (error) {
    return { ok: false, error: error instanceof CommanderError ? error.message.replace(/^error:\s*/i, '') : String(error) };
  }
  return parsed ? { ok: true, parsed } : { ok: false, error: 'nothing parsed' };
}

/** A duration value: "60s", "500ms", "2m", "1h", "1d" or bare seconds → milliseconds. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text.trim());
  if (!match) return undefined;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(match[2] ?? 's') as 'ms' | 's' | 'm' | 'h' | 'd'];
  const ms = Math.round(Number(match[1]) * unit);
  return ms > 0 ? ms : undefined;
}

/** commander's collector for a repeatable option. */
export const collect = (value: string, previous: string[]): string[] => [...previous, value];
