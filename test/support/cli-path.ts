// The built CLI (`npm test` builds dist/ first, in its pretest step).
import { fileURLToPath } from 'node:url';

export const cliPath = fileURLToPath(new URL('../../dist/cli/wsdiag.js', import.meta.url));
