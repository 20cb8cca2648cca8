import { getTableConfig as pgConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import * as sqliteSchema from '../db/schema/index.js';
import * as pgSchema from '../db/schema-pg/index.js';

/** One column as the copy moves it: read from SQLite, converted, written to PostgreSQL as its SQL type. */
export interface CopyColumn {
  name: string;
  /** PostgreSQL's type of the column, for the unnest() array it is inserted from. */
  pgType: string;
  /** A SQLite value (as better-sqlite3 returns it) as node-postgres must be given it: 0/1 → boolean, JSON text → JSON text, … */
  toPg(value: unknown): unknown;
  /** A SQLite value and a PostgreSQL one (as node-postgres returns it) as the same JavaScript value, to compare them. */
  fromSqlite(value: unknown): unknown;
  fromPg(value: unknown): unknown;
}

/** One table of the copy: its columns and its primary key (the order it is read and written in). */
export interface CopyTable {
  name: string;
  columns: CopyColumn[];
  /** Indexes into `columns` of the primary key's columns, in the key's order. */
  key: number[];
}

const orNull = (map: (value: unknown) => unknown) => (value: unknown) => (value === null || value === undefined ? null : map(value));

/**
 * Every table of the schema, paired by name (server/db/schema and schema-pg hold the same tables,
 * test/server/schema-pg.test.ts), tables another references first so foreign keys hold at every step.
 * The conversions are drizzle's own column mappings, so a value means on PostgreSQL what it meant on SQLite.
 */
export function copyTables(): CopyTable[] {
  const sqliteTables = new Map(
    (Object.values(sqliteSchema) as unknown[])
      .filter((t): t is SQLiteTable => t instanceof SQLiteTable)
      .map((t) => [sqliteConfig(t).name, sqliteConfig(t)] as const),
  );
  const pgTables = (Object.values(pgSchema) as unknown[])
    .filter((t): t is PgTable => t instanceof PgTable)
    .map((t) => pgConfig(t));
  const tables = pgTables.map((pg): CopyTable & { references: string[] } => {
    const lite = sqliteTables.get(pg.name);
    if (!lite) throw new Error(`table ${pg.name} is in schema-pg but not in the SQLite schema`);
    const liteColumns = new Map<string, SQLiteColumn>(lite.columns.map((c) => [c.name, c]));
    const columns = pg.columns.map((p: PgColumn): CopyColumn => {
      const l = liteColumns.get(p.name);
      if (!l) throw new Error(`column ${pg.name}.${p.name} is in schema-pg but not in the SQLite schema`);
      const fromSqlite = orNull((v) => l.mapFromDriverValue(v));
      return {
        name: p.name,
        pgType: p.getSQLType(),
        fromSqlite,
        toPg: orNull((v) => p.mapToDriverValue(fromSqlite(v))),
        fromPg: orNull((v) => p.mapFromDriverValue(v)),
      };
    });
    const keyNames = pg.primaryKeys[0]?.columns.map((c) => c.name) ?? pg.columns.filter((c) => c.primary).map((c) => c.name);
    if (keyNames.length === 0) throw new Error(`table ${pg.name} has no primary key to copy it in order by`);
    return {
      name: pg.name,
      columns,
      key: keyNames.map((k) => columns.findIndex((c) => c.name === k)),
      references: pg.foreignKeys.map((f) => pgConfig(f.reference().foreignTable).name).filter((n) => n !== pg.name),
    };
  });
  return referencedFirst(tables).map(({ name, columns, key }) => ({ name, columns, key }));
}

/** Tables in name order, each after the tables it references. */
function referencedFirst<T extends { name: string; references: string[] }>(tables: T[]): T[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const ordered: T[] = [];
  const visit = (t: T) => {
    if (done.has(t.name)) return;
    done.add(t.name);
    for (const r of t.references) visit(byName.get(r)!);
    ordered.push(t);
  };
  for (const t of [...tables].sort((a, b) => (a.name < b.name ? -1 : 1))) visit(t);
  return ordered;
}
