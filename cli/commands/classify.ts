// Classifies telemetry NDJSON without any server: one JSON result per input line, in order.
// A line that is not a valid event yields {"line", "error": {reason, detail}}; the exit code then is 3
// ("some lines invalid"), apart from 1 for a file that cannot be read.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { exitCodes, type CliCommand } from '../program.js';
import { classify } from '../../analyzers/classify.js';
import { decodeRecord } from '../../ingest/decode-record.js';

export class InputError extends Error {
  readonly code = 'WSDIAG_ERR_INPUT';
}

/** Opens the file first, so a missing one is a clear error before any output. */
async function open(file: string): Promise<NodeJS.ReadableStream> {
  if (file === '-') return process.stdin;
  const stream = createReadStream(file);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (error: NodeJS.ErrnoException) => reject(new InputError(`WSDIAG_ERR_INPUT: cannot read ${file} (${error.code ?? error.message})`)));
  });
  return stream;
}

export const classifyCommand: CliCommand = {
  name: 'classify',
  summary: 'classify telemetry NDJSON from FILE or stdin, one JSON result per line (exit 3: some lines invalid)',
  configure: (command) => command.argument('[file]', "NDJSON file, or '-' for stdin", '-'),
  run: async ({ args }) => {
    const input = await open(args[0] ?? '-');
    let line = 0;
    let invalid = 0;
    for await (const text of createInterface({ input, crlfDelay: Infinity })) {
      line++;
      if (text.trim() === '') continue;
      const decoded = decodeRecord(Buffer.from(text), Number.MAX_SAFE_INTEGER);
      const out = decoded.ok ? classify(decoded.event) : { line, error: { reason: decoded.reason, detail: decoded.detail } };
      if (!decoded.ok) invalid++;
      if (!process.stdout.write(`${JSON.stringify(out)}\n`)) await new Promise((r) => process.stdout.once('drain', r));
    }
    if (invalid > 0) process.stderr.write(`wsdiag classify: ${invalid} of ${line} lines are not valid telemetry events (see their "error" lines)\n`);
    return invalid > 0 ? exitCodes.invalidInput : exitCodes.ok;
  },
};
