// Commands added by later features (retro, ...), kept apart so the core list stays fixed.
import type { CliCommand } from '../program.js';
import { probeCommand } from './probe.js';
import { retroCommand } from './retro.js';
import { logsCommand } from './logs.js';
import { collectCommand } from './collect.js';

export const extraCommands: readonly CliCommand[] = [logsCommand, probeCommand, collectCommand, retroCommand];
