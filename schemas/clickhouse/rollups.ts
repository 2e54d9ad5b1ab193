// Rollup tables and their materialized views, built from wsdiag.events (issue 4 fills this in).
import type { Capabilities } from './capabilities.js';

export function rollupStatements(_db: string, _caps: Capabilities): string[] {
  return [];
}
