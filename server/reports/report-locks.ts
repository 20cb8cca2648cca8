import { eq, sql } from 'drizzle-orm';
import type { Store } from '../db/store.js';
import type { ReportRecord } from './report-store.js';

/**
 * How a report transaction keeps other writers off what it decides on: the one
 * place where the two stores differ for report jobs.
 *
 * On SQLite a write transaction holds the whole file (BEGIN IMMEDIATE, and one
 * writer per process: server/db/sqlite-store.ts), so what it read stays true
 * until it commits. On PostgreSQL several transactions (several nodes) run at
 * once, so each takes what it needs: creators queue on one advisory lock (the
 * limit of 50 is counted after the insert), and a claimer locks the job it
 * means to take with FOR UPDATE SKIP LOCKED, reading it again under the lock.
 */
export interface ReportLocks {
  /** Waits until no other transaction is creating a report. */
  creating(tx: Store): Promise<void>;
  /** The job as it is now, held by this transaction; null when another transaction holds it (it is being taken). */
  job(tx: Store, seen: ReportRecord): Promise<ReportRecord | null>;
}

/** Any 64-bit number of our own: the advisory lock report creators queue on. */
const CREATING_KEY = 0x666c_7672_7074; // "flvrpt"

const sqliteLocks: ReportLocks = {
  creating: async () => {},
  job: async (_tx, seen) => seen,
};

const postgresLocks: ReportLocks = {
  async creating(tx) {
    await tx.run(sql`SELECT pg_advisory_xact_lock(${CREATING_KEY})`);
  },
  async job(tx, seen) {
    const reports = tx.tables.reports;
    const locked = await tx.all(sql`SELECT id FROM ${reports} WHERE id = ${seen.id} FOR UPDATE SKIP LOCKED`);
    if (locked.length === 0) return null;
    const [now] = await tx.db.select().from(reports).where(eq(reports.id, seen.id));
    return now ?? null;
  },
};

export const reportLocksFor = (store: Store): ReportLocks => (store.dialect === 'postgres' ? postgresLocks : sqliteLocks);
