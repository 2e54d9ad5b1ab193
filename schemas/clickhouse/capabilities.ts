// What the connected ClickHouse can do; migrations and queries read this instead of guessing.
// Probed once at start-up from version() and system tables, so the same DDL serves 18.16 and 25.x.

export interface Capabilities {
  readonly version: string;
  /** LowCardinality(String) usable without experimental settings (19.x+). */
  readonly lowCardinality: boolean;
  /** Column/table TTL (19.6+). */
  readonly ttl: boolean;
  /** Column compression codecs, e.g. CODEC(ZSTD(3)) (19.x+). */
  readonly codecs: boolean;
  /** Server-side query parameters `{name:Type}` (19.x+); without them, values are escaped client-side. */
  readonly queryParameters: boolean;
  /** SQL-driven users and grants, CREATE USER / GRANT (20.5+); older servers declare users in users.xml. */
  readonly accessControl: boolean;
}

export interface CapabilityFacts {
  version: string;
  /** Rows of system.settings for the names in `probedSettings`. */
  settings: ReadonlyArray<{ name: string; value: string }>;
  /** Whether system.data_type_families lists LowCardinality. */
  hasLowCardinalityType: boolean;
}

export const probedSettings = ['allow_experimental_low_cardinality_type'] as const;

function atLeast(version: string, major: number, minor: number): boolean {
  const [maj = 0, min = 0] = version.split('.').map(Number);
  return maj > major || (maj === major && min >= minor);
}

/** Pure: facts read from the server → what we may use. */
export function capabilitiesFrom(facts: CapabilityFacts): Capabilities {
  const gate = facts.settings.find((s) => s.name === 'allow_experimental_low_cardinality_type');
  return Object.freeze({
    version: facts.version,
    // 18.16 has the type behind an experimental switch: we do not build storage on experiments.
    lowCardinality: facts.hasLowCardinalityType && (gate === undefined || gate.value === '1') && atLeast(facts.version, 19, 9),
    ttl: atLeast(facts.version, 19, 6),
    codecs: atLeast(facts.version, 19, 10),
    queryParameters: atLeast(facts.version, 19, 11),
    accessControl: atLeast(facts.version, 20, 5),
  });
}

/** The SQL that gathers CapabilityFacts; runs on every supported version. */
export const capabilityQueries = {
  version: 'SELECT version() AS version',
  settings: `SELECT name, toString(value) AS value FROM system.settings WHERE name IN (${probedSettings.map((s) => `'${s}'`).join(', ')})`,
  lowCardinalityType: "SELECT count() AS n FROM system.data_type_families WHERE name = 'LowCardinality'",
} as const;
