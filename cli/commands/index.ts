// Every `wsdiag` command, in the order `wsdiag --help` lists them.
import type { CliCommand } from '../program.js';
import { runCommand } from './run.js';
import { migrateCommand } from './migrate.js';
import { produceCommand } from './produce.js';
import { classifyCommand } from './classify.js';
import { schemaCommand } from './schema.js';
import { summaryCommand } from './summary.js';
import { extraCommands } from './extra.js';

export const allCommands: readonly CliCommand[] = [runCommand, migrateCommand, produceCommand, classifyCommand, schemaCommand, summaryCommand, ...extraCommands];
