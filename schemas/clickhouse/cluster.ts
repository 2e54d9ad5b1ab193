// Cluster mode (`wsdiag migrate --cluster NAME`): the single-server DDL translated, statement by
// statement, into ON CLUSTER DDL. Every *MergeTree table becomes a Replicated* table per shard
// (`<name>_local`, ZooKeeper path /clickhouse/tables/{shard}/<db>/<name>_local, replica {replica})
// with a Distributed table in front under the name readers and writers already use. Pure: the
// translator learns the tables it replicated from the CREATE statements it has seen.
//
// Sharding keeps exactness shard-local: a table with an event_id column is sharded by
// cityHash64(event_id), so every copy of one event lands on the same shard (its ReplacingMergeTree
// and any per-event deduplication see them together); any other table by a hash of its ORDER BY key,
// so rows that replace each other (ReplacingMergeTree versions, aggregate states of one key) meet on
// one shard and FINAL or a merge collapses them there. docs/scaling.md says what this needs.
// @see https://clickhouse.com/docs/engines/table-engines/mergetree-family/replication
// @see https://clickhouse.com/docs/engines/table-engines/special/distributed

export const LOCAL_SUFFIX = '_local';

export class ClusterDdlError extends Error {
  readonly code = 'WSDIAG_ERR_CLUSTER_DDL';
  readonly retriable = false;
}

export interface ClusterTranslator {
  /** The ON CLUSTER statements that stand for one single-server statement, in order. */
  translate(sql: string): string[];
  /** Sharding key per replicated table (learned from CREATE TABLE), for tests and docs. */
  readonly shardingKeys: ReadonlyMap<string, string>;
}

const ident = '[A-Za-z_][A-Za-z0-9_]*';
const qualified = `(${ident})\\.(${ident})`;

/** The text between the parenthesis at `open` and its match (quotes respected). */
function balanced(text: string, open: number): { inner: string; end: number } {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '`' || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return { inner: text.slice(open + 1, i), end: i };
  }
  throw new ClusterDdlError(`unbalanced parentheses in: ${text.slice(0, 200)}`);
}

/** Column names of a CREATE TABLE body `(name Type, ...)`. */
function columnNames(body: string): string[] {
  return [...body.matchAll(new RegExp(`(?:^|,)\\s*(${ident})\\s`, 'g'))].map((m) => m[1]!);
}

/** The ORDER BY expression list after the engine clause, without the outer parentheses. */
function orderByKey(rest: string): string {
  const at = /\bORDER BY\s*/i.exec(rest);
  if (!at) throw new ClusterDdlError(`no ORDER BY to shard by in: ${rest.slice(0, 200)}`);
  const from = at.index + at[0].length;
  if (rest[from] === '(') return balanced(rest, from).inner.trim();
  return /^[^\n]+?(?=\s+(?:TTL|SETTINGS|SAMPLE|PRIMARY)\b|\s*$)/i.exec(rest.slice(from))![0].trim();
}

export function createClusterTranslator(cluster: string): ClusterTranslator {
  if (!new RegExp(`^${ident}$`).test(cluster)) throw new ClusterDdlError(`cluster name must be a plain identifier, got "${cluster}"`);
  const onCluster = `ON CLUSTER ${cluster}`;
  const shardingKeys = new Map<string, string>();
  const replicated = (db: string, table: string) => shardingKeys.has(`${db}.${table}`);
  const distributed = (db: string, table: string) => {
    const key = shardingKeys.get(`${db}.${table}`)!;
    return `CREATE TABLE IF NOT EXISTS ${db}.${table} ${onCluster} AS ${db}.${table}${LOCAL_SUFFIX}\nENGINE = Distributed(${cluster}, ${db}, ${table}${LOCAL_SUFFIX}, ${key})`;
  };
  /** `db.t` → `db.t_local` for every replicated table named in `sql` (views read and write shard-locally). */
  const toLocal = (sql: string) => sql.replace(new RegExp(`\\b${qualified}\\b`, 'g'), (whole, db: string, t: string) => (replicated(db, t) ? `${db}.${t}${LOCAL_SUFFIX}` : whole));

  function createTable(sql: string, db: string, table: string, afterName: string): string[] {
    const open = afterName.indexOf('(');
    if (open < 0 || afterName.slice(0, open).trim() !== '') throw new ClusterDdlError(`CREATE TABLE ${db}.${table} without a column list is not translatable`);
    const { inner: body, end } = balanced(afterName, open);
    const rest = afterName.slice(end + 1);
    const engine = /^\s*ENGINE\s*=\s*(\w*MergeTree)\s*(\()?/i.exec(rest);
    if (!engine || engine[1]!.startsWith('Replicated')) throw new ClusterDdlError(`only plain *MergeTree tables can be replicated: ${sql.slice(0, 200)}`);
    const args = engine[2] ? balanced(rest, engine[0].length - 1) : { inner: '', end: engine[0].length - 1 };
    const path = `'/clickhouse/tables/{shard}/${db}/${table}${LOCAL_SUFFIX}', '{replica}'`;
    const replicatedEngine = `ENGINE = Replicated${engine[1]}(${[path, args.inner.trim()].filter(Boolean).join(', ')})`;
    const tail = rest.slice(args.end + 1);
    const key = columnNames(body).includes('event_id') ? 'cityHash64(event_id)' : `cityHash64(${orderByKey(tail)})`;
    shardingKeys.set(`${db}.${table}`, key);
    return [`CREATE TABLE IF NOT EXISTS ${db}.${table}${LOCAL_SUFFIX} ${onCluster} (${body})\n${replicatedEngine}${tail}`, distributed(db, table)];
  }

  function translate(statement: string): string[] {
    const sql = statement.trim();
    let m: RegExpExecArray | null;
    if ((m = new RegExp(`^CREATE DATABASE (IF NOT EXISTS )?(${ident})\\s*$`, 'i').exec(sql))) return [`CREATE DATABASE ${m[1] ?? ''}${m[2]} ${onCluster}`];
    if ((m = new RegExp(`^CREATE TABLE (?:IF NOT EXISTS )?${qualified}\\s*([\\s\\S]*)$`, 'i').exec(sql))) return createTable(sql, m[1]!, m[2]!, m[3]!);
    if ((m = new RegExp(`^CREATE (MATERIALIZED VIEW|VIEW) (IF NOT EXISTS )?${qualified}\\s+([\\s\\S]*)$`, 'i').exec(sql))) {
      const [, kind, ifNot = '', db, name, rest] = m;
      // A materialized view fires on the shard that receives the insert: it must read and write the
      // local tables. A plain view is a stored query: it reads the Distributed tables like any reader.
      if (kind!.toUpperCase() === 'MATERIALIZED VIEW' && !/^TO\s/i.test(rest!)) throw new ClusterDdlError(`materialized view ${db}.${name} needs TO <table> in cluster mode`);
      return [`CREATE ${kind} ${ifNot}${db}.${name} ${onCluster} ${kind!.toUpperCase() === 'VIEW' ? rest : toLocal(rest!)}`];
    }
    if ((m = new RegExp(`^ALTER TABLE ${qualified}\\s+([\\s\\S]*)$`, 'i').exec(sql))) {
      const [, db, table, ops] = m;
      if (!replicated(db!, table!)) return [`ALTER TABLE ${db}.${table} ${onCluster} ${ops}`];
      const local = [`ALTER TABLE ${db}.${table}${LOCAL_SUFFIX} ${onCluster} ${ops}`];
      // A Distributed table copies its columns at creation, and ALTER ON CLUSTER refuses non-replicated
      // tables on a replicated cluster: recreate it (it holds no data; inserts are synchronous).
      if (!/\b(ADD|DROP|MODIFY|RENAME|CLEAR|COMMENT) COLUMN\b/i.test(ops!)) return local;
      return [...local, `DROP TABLE IF EXISTS ${db}.${table} ${onCluster}`, distributed(db!, table!)];
    }
    if ((m = new RegExp(`^DROP TABLE (IF EXISTS )?${qualified}\\s*$`, 'i').exec(sql))) {
      const [, ifExists = '', db, table] = m;
      const drop = [`DROP TABLE ${ifExists}${db}.${table} ${onCluster}`];
      return replicated(db!, table!) ? [...drop, `DROP TABLE ${ifExists}${db}.${table}${LOCAL_SUFFIX} ${onCluster}`] : drop;
    }
    if ((m = new RegExp(`^OPTIMIZE TABLE ${qualified}(\\s[\\s\\S]*)?$`, 'i').exec(sql)) && replicated(m[1]!, m[2]!)) {
      return [`OPTIMIZE TABLE ${m[1]}.${m[2]}${LOCAL_SUFFIX} ${onCluster}${m[3] ?? ''}`];
    }
    if ((m = new RegExp(`^(CREATE USER (?:IF NOT EXISTS )?|ALTER USER )(${ident})\\s([\\s\\S]*)$`, 'i').exec(sql))) return [`${m[1]}${m[2]} ${onCluster} ${m[3]}`];
    if ((m = /^GRANT\s([\s\S]*)$/i.exec(sql))) return [`GRANT ${onCluster} ${m[1]}`];
    // Data statements go through the Distributed tables, which route rows by the sharding key.
    if (/^(INSERT|SELECT)\s/i.test(sql)) return [sql];
    throw new ClusterDdlError(`no cluster translation for: ${sql.slice(0, 200)}`);
  }

  return { translate, shardingKeys };
}
