// Classifies telemetry NDJSON without any server: one JSON result per input line, in order.
// A line that is not a valid event yields {"line", "error": {reason, detail}} and exit code 1 at the end.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from '../wsdiag.js';
import { classify } from '../../analyzers/classify.js';
import { decodeRecord } from '../../ingest/decode-record.js';

export const classifyCommand: Command = async (args) => {
  const file = args[0] ?? '-';
  const input = file === '-' ? process.stdin : createReadStream(file);
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
  return invalid > 0 ? 1 : 0;
};
