// Upgrades a database created by release 0.1.0 (c2fe4a4): its rollups were AggregatingMergeTree tables
// of uniqExact/min/max states fed by materialized views on events, and `certificates` was a table.
// Pure: the caller reads the legacy state from system tables and runs the statements in order.
// Every step is safe to repeat if an upgrade is interrupted (docs/storage.md, "Upgrading from 0.1.0").
import { rollups } from './rollups.js';

export interface LegacyState {
  /** Rollup tables whose `events` column still holds uniqExact states. */
  stateRollups: readonly string[];
  /** `<table>_v1` copies left by an interrupted upgrade, still to be converted. */
  renamedRollups: readonly string[];
  /** `certificates` exists as a table (0.1.0) instead of a view. */
  certificatesTable: boolean;
}

export const legacyStateQueries = {
  stateRollups: (db: string) => `SELECT table FROM system.columns WHERE database = '${db}' AND name = 'events' AND type LIKE 'AggregateFunction%'`,
  tables: (db: string) => `SELECT name, engine FROM system.tables WHERE database = '${db}'`,
} as const;

/** Before the new tables are created: stop the views, move the state tables aside. */
export function beforeCreate(db: string, state: LegacyState): string[] {
  return [
    ...rollups.map((r) => `DROP TABLE IF EXISTS ${db}.${r.table}_mv`),
    `DROP TABLE IF EXISTS ${db}.certificates_mv`,
    ...state.stateRollups.filter((t) => !state.renamedRollups.includes(t)).map((t) => `RENAME TABLE ${db}.${t} TO ${db}.${t}_v1`),
    ...(state.certificatesTable ? [`DROP TABLE IF EXISTS ${db}.certificates`] : []),
  ];
}

/**
 * After the new tables exist: each state table's groups become count rows with version 0 (any later
 * build of the minute replaces them), then the state table goes. Repeating the INSERT after a crash
 * adds rows with the same key and version, which ReplacingMergeTree and FINAL collapse.
 */
export function afterCreate(db: string, state: LegacyState): string[] {
  const pending = [...new Set([...state.stateRollups, ...state.renamedRollups])];
  return rollups
    .filter((r) => pending.includes(r.table))
    .flatMap((r) => {
      const dims = r.dimensions.map(([name]) => name);
      const merged = r.measures.map(([name]) => (name === 'events' ? 'uniqExactMerge(events)' : name === 'last_seen' ? 'maxMerge(last_seen)' : `minMerge(${name})`));
      const columns = [...dims, ...r.measures.map(([name]) => name), 'built_at'];
      return [
        `INSERT INTO ${db}.${r.table} (${columns.join(', ')})
SELECT ${dims.join(', ')}, ${merged.map((m, i) => `${m} AS m${i}`).join(', ')}, toUInt32(0) AS built_at
FROM ${db}.${r.table}_v1
GROUP BY ${dims.join(', ')}`,
        `DROP TABLE ${db}.${r.table}_v1`,
      ];
    });
}
