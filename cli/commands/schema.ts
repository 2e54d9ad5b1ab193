import type { Command } from '../wsdiag.js';
import { telemetryEventJsonSchema } from '../../schemas/telemetry-event.js';

export const schemaCommand: Command = async () => {
  process.stdout.write(`${JSON.stringify(telemetryEventJsonSchema(), null, 2)}\n`);
  return 0;
};
