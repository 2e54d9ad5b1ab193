// `wsdiag schema`: the telemetry event v1 JSON Schema, for emitters.
import type { CliCommand } from '../program.js';
import { telemetryEventJsonSchema } from '../../schemas/telemetry-event.js';

export const schemaCommand: CliCommand = {
  name: 'schema',
  summary: 'print the telemetry event v1 JSON Schema',
  configure: (command) => command,
  run: async () => {
    process.stdout.write(`${JSON.stringify(telemetryEventJsonSchema(), null, 2)}\n`);
    return 0;
  },
};
