import { sql } from 'drizzle-orm';
import type { Store } from '../db/store.js';
import type { HistoryCatchUp } from '../history/history.js';
import { Serial } from '../lib/serial.js';
import { META_KEYS } from '../db/meta-keys.js';
import type { StatsReads, StatsSnapshot, StatsSql } from './stats-snapshot.js';

export const POSTGRES_STATS_SQL: StatsSql = {
  dialect: 'postgres',
  // An array parameter: one statement text whatever the list's length.
  oneOf: (expr, values) => sql`${expr} = ANY(${sql.param(values)})`,
  keyFirstJoin: sql`JOIN`,
  indexedBy: () => sql``,
};

/** The statistics on PostgreSQL: one repeatable-read, read-only transaction per request, so every statement sees the same commit. */
export class PostgresStatsReads implements StatsReads {
  constructor(
    private readonly store: Store,
    private readonly history: HistoryCatchUp,
  ) {}

  async read<T>(work: (snapshot: StatsSnapshot) => Promise<T>): Promise<T> {
    await this.history.upToDate();
    return this.store.transaction(async (tx) => {
      await tx.run(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`);
      const line = await tx.get<{ value: string }>(sql`SELECT value FROM rollup_meta WHERE key = ${META_KEYS.sealedBefore}`);
      // The statistics issue their queries together (Promise.all, which SQLite's snapshot needs); the transaction is one
      // connection, which takes one query at a time: node-postgres queues the rest itself but warns it will stop (pg@9).
      const oneAtATime = new Serial();
      return work({
        ...POSTGRES_STATS_SQL,
        sealedBefore: line === undefined ? null : Number(line.value),
        rows: (query) => oneAtATime.run(async () => (await tx.all(query)).map((row) => Object.values(row))),
      });
    });
  }
}
