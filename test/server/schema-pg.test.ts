import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { is, type Column, type InferInsertModel, type InferSelectModel, type Table } from 'drizzle-orm';
import { getTableConfig as pgConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as pg from '../../server/db/schema-pg/index.js';
import * as sqlite from '../../server/db/schema/index.js';

// Shared code is typed with the SQLite schema and runs on the PostgreSQL one: a column missing,
// renamed or read as another JavaScript type on one side would fail only on that store.
// The types are held together at compile time (rows read and written), the rest here.

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Tables<S> = { [K in keyof S as S[K] extends Table ? K : never]: S[K] };
type RowsAgree = {
  [K in keyof Tables<typeof sqlite>]: K extends keyof typeof pg
    ? (typeof sqlite)[K] extends Table
      ? (typeof pg)[K] extends Table
        ? Same<InferSelectModel<(typeof sqlite)[K]>, InferSelectModel<(typeof pg)[K]>> &
            Same<InferInsertModel<(typeof sqlite)[K]>, InferInsertModel<(typeof pg)[K]>>
        : false
      : false
    : false;
};
/** Fails to compile when a table's rows differ: the names of those that do. */
type Disagreeing = { [K in keyof RowsAgree]: RowsAgree[K] extends true ? never : K }[keyof RowsAgree];
const disagreeing: [Disagreeing] extends [never] ? 'none' : Disagreeing = 'none';

/** What JavaScript gets from a column: drizzle's data type, bytea (a custom type on PostgreSQL) as the Buffer it returns. */
function jsType(column: Column): string {
  if (column.dataType === 'custom' && column.getSQLType() === 'bytea') return 'buffer';
  return column.dataType;
}

function describeColumn(column: Column) {
  return {
    name: column.name,
    type: jsType(column),
    notNull: column.notNull,
    primary: column.primary,
    // An identity numbers new rows on PostgreSQL as the rowid alias does on SQLite.
    default: column.generatedIdentity ? 'numbered' : column.primary && column.dataType === 'number' && !column.default ? 'numbered' : column.default,
    enumValues: column.enumValues ?? null,
  };
}

type Config = ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>;

function describeTable(config: Config) {
  const columnNames = (columns: readonly Column[]) => columns.map((c) => c.name);
  return {
    name: config.name,
    columns: config.columns.map(describeColumn),
    primaryKeys: config.primaryKeys.map((key) => columnNames(key.columns)),
    indexes: config.indexes
      .map((index) => ({
        name: index.config.name,
        unique: index.config.unique,
        on: index.config.columns.map((column) => (column as Column).name),
      }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name))),
    foreignKeys: config.foreignKeys.map((key) => {
      const reference = key.reference();
      return {
        columns: columnNames(reference.columns),
        table: (reference.foreignTable as unknown as { [name: symbol]: string })[Symbol.for('drizzle:Name')],
        foreignColumns: columnNames(reference.foreignColumns),
        onDelete: key.onDelete ?? 'no action',
      };
    }),
  };
}

describe('the PostgreSQL schema', () => {
  const sqliteTables = Object.entries(sqlite).filter(([, value]) => is(value, SQLiteTable)) as [string, SQLiteTable][];
  const pgTables = Object.entries(pg).filter(([, value]) => is(value, PgTable)) as [string, PgTable][];

  it('has every table of the SQLite schema under the same export name, and no other', () => {
    assert.ok(sqliteTables.length > 50, `${sqliteTables.length} tables`);
    assert.deepEqual(pgTables.map(([name]) => name).sort(), sqliteTables.map(([name]) => name).sort());
    assert.equal(disagreeing, 'none');
  });

  it('keeps instants, seqs and millisecond counters in int8, where epoch milliseconds fit', () => {
    const wide = /^(at|seq|bucket|hour|watermark|last_seq|lease_until|byte_size)$|_at$|_ms$/;
    const narrow = pgTables.flatMap(([, table]) =>
      pgConfig(table)
        .columns.filter((column) => wide.test(column.name) && column.getSQLType() !== 'bigint')
        .map((column) => `${pgConfig(table).name}.${column.name}`),
    );
    assert.deepEqual(narrow, []);
  });

  it('gives every table the same columns, JavaScript types, keys, defaults and indexes', () => {
    const pgByName = new Map(pgTables);
    for (const [name, table] of sqliteTables) {
      const mirror = pgByName.get(name);
      assert.ok(mirror, name);
      assert.deepEqual(describeTable(pgConfig(mirror)), describeTable(sqliteConfig(table)), name);
    }
  });
});
