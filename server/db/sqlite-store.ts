import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './client.js';
import * as schema from './schema/index.js';
import { Serial } from '../lib/serial.js';
import type { Store } from './store.js';

/** The embedded SQLite file behind the `Store` interface (server/db/store.ts). */
export class SqliteStore implements Store {
  readonly dialect = 'sqlite';
  readonly tables = schema;
  readonly pg = null;

  static over(sqlite: Db): SqliteStore {
    // One writer at a time on the file: a transaction may await between its statements, so every write waits its turn.
    return new SqliteStore(sqlite, new Serial(), false);
  }

  private constructor(
    readonly sqlite: Db,
    private readonly lock: Serial,
    private readonly inTransaction: boolean,
  ) {}

  get db(): Db {
    return this.sqlite;
  }

  async all<T>(query: SQL): Promise<T[]> {
    return this.sqlite.all<T>(query);
  }

  async get<T>(query: SQL): Promise<T | undefined> {
    return this.sqlite.get<T>(query);
  }

  async run(query: SQL): Promise<{ changes: number }> {
    return { changes: this.sqlite.run(query).changes };
  }

  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this);
    return this.lock.run(async () => {
      const client = this.sqlite.$client;
      client.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(new SqliteStore(this.sqlite, this.lock, true));
        client.exec('COMMIT');
        return result;
      } catch (error) {
        if (client.inTransaction) client.exec('ROLLBACK');
        throw error;
      }
    });
  }

  exclusive<T>(work: (sqlite: Db) => T): Promise<T> {
    if (this.inTransaction) return Promise.resolve(work(this.sqlite));
    return this.lock.run(() => work(this.sqlite));
  }

  /** A file open in this process answers or throws at once. */
  async ping(): Promise<boolean> {
    try {
      this.sqlite.get(sql`select 1`);
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.lock.run(() => this.sqlite.$client.close());
  }
}
