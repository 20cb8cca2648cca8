import type { Statement } from 'better-sqlite3';
import { sql, type SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/client.js';
import type { Store } from '../db/store.js';

export type Row = Record<string, unknown>;

/**
 * Work on the history's tables written once for both stores: a generator yields each
 * statement in order and receives its rows (none for a write). On SQLite it runs
 * synchronously (`runOnSqlite`), each text a cached prepared statement; on the Store
 * asynchronously (`runOnStore`), the same texts as drizzle `sql` templates.
 */
export type Steps<T> = Generator<SQL, T, Row[]>;

/** A statement's text with `?` placeholders for `params`, as a drizzle template. */
export function query(text: string, params: readonly unknown[] = []): SQL {
  const parts = text.split('?');
  if (parts.length !== params.length + 1) throw new Error(`${parts.length - 1} placeholders for ${params.length} parameters: ${text}`);
  return sql.join(parts.flatMap((part, i) => (i < params.length ? [sql.raw(part), sql`${params[i]}`] : [sql.raw(part)])));
}

const sqliteDialect = new SQLiteSyncDialect();
const statements = new WeakMap<Db['$client'], Map<string, Statement>>();

/** The database's prepared statement for `text` (sealing runs the same few every 15 minutes of data). */
function statement(db: Db, text: string): Statement {
  let mine = statements.get(db.$client);
  if (!mine) statements.set(db.$client, (mine = new Map()));
  let stmt = mine.get(text);
  if (!stmt) mine.set(text, (stmt = db.$client.prepare(text)));
  return stmt;
}

/** Runs one statement on the SQLite file: its rows, or none for a write. */
export function runSqlite(db: Db, q: SQL): Row[] {
  const { sql: text, params } = sqliteDialect.sqlToQuery(q);
  const stmt = statement(db, text);
  if (stmt.reader) return stmt.all(...params) as Row[];
  stmt.run(...params);
  return [];
}

/** The steps on the SQLite file, synchronously, in one transaction (a savepoint inside an open one). */
export function runOnSqlite<T>(db: Db, steps: Steps<T>): T {
  return db.$client.transaction(() => {
    let step = steps.next();
    while (!step.done) step = steps.next(runSqlite(db, step.value));
    return step.value;
  })();
}

/** The steps on the Store, in one transaction (joining the caller's when `store` is one). */
export function runOnStore<T>(store: Store, steps: Steps<T>): Promise<T> {
  return store.transaction(async (tx) => {
    let step = steps.next();
    while (!step.done) step = steps.next(await tx.all(step.value));
    return step.value;
  });
}
