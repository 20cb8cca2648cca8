import type { SQL } from 'drizzle-orm';
import type { Db } from './client.js';
import type { PgDb } from './postgres-client.js';
import type * as schema from './schema/index.js';

/**
 * The database as the rest of the server sees it: one interface over the embedded SQLite
 * file and PostgreSQL (FLOORVIEW_DATABASE_URL), every access asynchronous.
 *
 * Shared code (most areas) uses `db` and `tables`: drizzle's query builder, always awaited,
 * and `all`/`get`/`run` for `sql` templates. Both are typed with the SQLite schema; on
 * PostgreSQL they are the same tables (server/db/schema-pg mirrors every table and column
 * with the same JavaScript types), so the awaited builder and rendered templates serve both.
 * Never call the SQLite driver's `.all()`/`.get()`/`.run()`/`.$client` on `db` in shared
 * code: they exist only on SQLite (the PostgreSQL run of the test suite catches it).
 *
 * An area whose SQL must differ (a hot path, a dialect's own feature) keeps one module per
 * dialect and takes `sqlite` or `pg`, exactly one of which is set.
 */
export interface Store {
  readonly dialect: Dialect;
  readonly db: Db;
  readonly tables: typeof schema;
  /** Rows of a `sql` template (column aliases as written: quote camelCase ones, PostgreSQL folds the rest to lower case). */
  all<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
  get<T = Record<string, unknown>>(query: SQL): Promise<T | undefined>;
  run(query: SQL): Promise<{ changes: number }>;
  /**
   * All or nothing. Inside, use only `tx` (it joins this transaction; a nested call joins it too).
   * On SQLite transactions and `exclusive` work are serialised: one writer at a time, as the file allows.
   * So every write goes through one, even a single statement: on SQLite a write made straight on `db`
   * would run inside whichever other task's transaction is open at that moment, and roll back with it.
   */
  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T>;
  /**
   * SQLite only: runs synchronous work on `sqlite` (its own transactions included) while no
   * other transaction of this process is open. Every write through `sqlite` must go through here,
   * or it could land inside another task's open transaction. On PostgreSQL it is not available.
   */
  exclusive<T>(work: (sqlite: Db) => T): Promise<T>;
  /** The SQLite database, for a SQLite module's synchronous fast path (reads may use it directly); null on PostgreSQL. */
  readonly sqlite: Db | null;
  /** The PostgreSQL database (typed with server/db/schema-pg), for a PostgreSQL module's own SQL; null on SQLite. */
  readonly pg: PgDb | null;
  /** Whether the database answers within `timeoutMs` (the health check). */
  ping(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

export type Dialect = 'sqlite' | 'postgres';
