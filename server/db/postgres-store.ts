import type { SQL } from 'drizzle-orm';
import type { Db } from './client.js';
import type { PgDb } from './postgres-client.js';
import * as sqliteSchema from './schema/index.js';
import * as pgSchema from './schema-pg/index.js';
import type { Store } from './store.js';

/** The query builder or an open transaction's: both run `sql` templates and build queries alike. */
type Session = Pick<PgDb, 'execute' | 'select' | 'insert' | 'update' | 'delete' | 'transaction'>;

/**
 * Shared code is typed with the SQLite schema. Handing it PostgreSQL's db and tables under
 * those types is sound for what the Store allows, awaited builders and `sql` templates:
 * schema-pg has every table and column under the same names with the same JavaScript types
 * (test/server/schema-pg.test.ts), and the awaited result of a select, insert, update or
 * delete has the same shape on both. The SQLite-only calls (.all/.get/.run/$client) exist
 * only on SQLite; the PostgreSQL run of the tests catches them.
 */
const asSqliteDb = (session: Session) => session as unknown as Db;
const asSqliteTables = pgSchema as unknown as typeof sqliteSchema;

/** PostgreSQL behind the `Store` interface (server/db/store.ts). */
export class PostgresStore implements Store {
  readonly dialect = 'postgres';
  readonly tables = asSqliteTables;
  readonly sqlite = null;

  static over(pg: PgDb): PostgresStore {
    return new PostgresStore(pg, pg, false);
  }

  private constructor(
    readonly pg: PgDb,
    private readonly session: Session,
    private readonly inTransaction: boolean,
  ) {}

  get db(): Db {
    return asSqliteDb(this.session);
  }

  async all<T>(query: SQL): Promise<T[]> {
    return (await this.session.execute(query)).rows as T[];
  }

  async get<T>(query: SQL): Promise<T | undefined> {
    return (await this.all<T>(query))[0];
  }

  async run(query: SQL): Promise<{ changes: number }> {
    return { changes: (await this.session.execute(query)).rowCount ?? 0 };
  }

  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this);
    return this.pg.transaction((tx) => work(new PostgresStore(this.pg, tx, true)));
  }

  exclusive<T>(): Promise<T> {
    return Promise.reject(
      new Error('store.exclusive is the SQLite fast path; on PostgreSQL use store.db, store.all/get/run or store.pg (choose by store.dialect)'),
    );
  }

  async ping(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const answered = this.pg.$client.query('select 1').then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([answered, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.pg.$client.end();
  }
}
