import { sql, type SQL } from 'drizzle-orm';
import type { Dialect, Store } from '../db/store.js';
import type { HistoryCatchUp } from '../history/history.js';
import { PostgresStatsReads } from './stats-snapshot.postgres.js';
import { SqliteStatsReads } from './stats-snapshot.sqlite.js';

/** What the statistics' SQL says differently on each store; everything else is written once. */
export interface StatsSql {
  readonly dialect: Dialect;
  /** `expr` is one of `values` (one parameter, whatever the list's length). */
  oneOf(expr: SQL, values: readonly (string | number)[]): SQL;
  /** Joins a key table to a level table, key by key (on SQLite in that order, whatever the planner would guess). */
  readonly keyFirstJoin: SQL;
  /** An index the planner must use (SQLite, which has no statistics); PostgreSQL plans by its own. */
  indexedBy(index: string): SQL;
}

/**
 * One consistent view of the history for all of a request's reads. `rows` returns the
 * selected columns in order; numbers may come back as strings (PostgreSQL's int8 and
 * numeric), so readers convert what they count with Number().
 */
export interface StatsSnapshot extends StatsSql {
  /** The seal line (server/history/day-sealing.ts) as of the snapshot; null before any data. */
  readonly sealedBefore: number | null;
  rows(query: SQL): Promise<unknown[][]>;
}

export interface StatsReads {
  /**
   * Runs `work` on one snapshot, once the history of every accepted event is written.
   * Issue every query before the first await (Promise.all): on SQLite the snapshot is a read
   * transaction held only while `work` runs synchronously, and a query issued later throws.
   */
  read<T>(work: (snapshot: StatsSnapshot) => Promise<T>): Promise<T>;
}

/** The statistics' reads on the given store. */
export function statsReads(store: Store, history: HistoryCatchUp): StatsReads {
  return store.sqlite ? new SqliteStatsReads(store.sqlite, history) : new PostgresStatsReads(store, history);
}

/** Selected expressions as `c0, c1, …`: PostgreSQL names rows' columns, and two `sum(…)` would share one name. */
export const selectList = (exprs: readonly SQL[]) => sql.join(exprs.map((e, i) => sql`${e} AS ${sql.raw(`c${i}`)}`), sql`, `);

/** An instant or count read back (int8 is a string on PostgreSQL); null stays null. */
export const numberOrNull = (x: unknown) => (x === null || x === undefined ? null : Number(x));
