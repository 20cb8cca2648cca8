import type { Statement } from 'better-sqlite3';
import { sql, type SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/client.js';
import type { HistoryCatchUp } from '../history/history.js';
import { sealedBefore } from '../history/rollup-meta.js';
import type { StatsReads, StatsSnapshot, StatsSql } from './stats-snapshot.js';

export const SQLITE_STATS_SQL: StatsSql = {
  dialect: 'sqlite',
  oneOf: (expr, values) => sql`${expr} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`,
  keyFirstJoin: sql`CROSS JOIN`,
  indexedBy: (index) => sql.raw(`INDEXED BY ${index}`),
};

/**
 * The statistics' hot path on the SQLite file: every query a prepared statement (cached by
 * its text, which the lists' single JSON parameter keeps to a few), run synchronously in
 * one read transaction. Reads take no write lock: in WAL mode they see the last commit.
 * When another task's transaction is open on the connection (it awaits between statements),
 * the reads join it; the history tables are only written synchronously (Store.exclusive),
 * so they hold nothing uncommitted then.
 */
export class SqliteStatsReads implements StatsReads {
  private readonly statements = new Map<string, Statement>();
  private readonly render = new SQLiteSyncDialect();

  constructor(
    private readonly db: Db,
    private readonly history: HistoryCatchUp,
  ) {}

  async read<T>(work: (snapshot: StatsSnapshot) => Promise<T>): Promise<T> {
    await this.history.upToDate();
    const client = this.db.$client;
    const begin = !client.inTransaction;
    if (begin) client.exec('BEGIN');
    let open = true;
    try {
      return work({
        ...SQLITE_STATS_SQL,
        sealedBefore: sealedBefore(this.db),
        rows: async (query) => {
          if (!open) throw new Error('A statistics query came after its snapshot closed: issue every query before the first await.');
          return this.rows(query);
        },
      });
    } finally {
      open = false;
      if (begin) client.exec('COMMIT');
    }
  }

  private rows(query: SQL): unknown[][] {
    const { sql: text, params } = this.render.sqlToQuery(query);
    let stmt = this.statements.get(text);
    if (!stmt) {
      stmt = this.db.$client.prepare(text).raw();
      this.statements.set(text, stmt);
    }
    return stmt.all(...params) as unknown[][];
  }
}
