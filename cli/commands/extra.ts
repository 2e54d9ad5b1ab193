// Commands added by later features (retro, ...), kept apart so the entry point stays fixed.
import type { Command } from '../wsdiag.js';

export const extraCommands: Record<string, { run: Command; help: string }> = {};
