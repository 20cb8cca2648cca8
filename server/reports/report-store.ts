import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Store } from '../db/store.js';
import type { reports } from '../db/schema/reports.js';
import { MAX_REPORTS_PER_SUPERVISOR, type ReportErrorCode } from '../../contract/reports.js';
import { reportLocksFor, type ReportLocks } from './report-locks.js';

export type ReportRecord = typeof reports.$inferSelect;

/** A job as its holder knows it: the lease it claimed it with. */
export interface HeldJob {
  id: string;
  owner: string;
}

export interface Chunk {
  /** The chunk's place in the file: the report's `chunkCount` when it is written. */
  seq: number;
  rowCount: number;
  /** Deflated CSV. */
  data: Buffer;
  /** Bytes of CSV it holds, inflated. */
  bytes: number;
}

/** A process died holding a job this many times: fail it rather than let it take a node down again. */
export const MAX_INTERRUPTIONS = 3;

/**
 * The reports table and its chunks, on either store (one implementation: the
 * query builder serves both; server/reports/report-locks.ts holds what differs).
 * Every change is one transaction: creating a report with the limit (creators
 * queue, so concurrent ones — in this process or another — count after each
 * other), claiming a job, and each chunk with the job's progress, guarded by
 * the lease so a job that lost its lease, or was deleted, writes nothing.
 * Even a single statement is written in a transaction: on SQLite that is what
 * keeps it out of another task's open one (server/db/sqlite-store.ts).
 */
export class ReportStore {
  private readonly locks: ReportLocks;

  constructor(private readonly store: Store) {
    this.locks = reportLocksFor(store);
  }

  /** Adds a queued report, and deletes the supervisor's oldest beyond the limit; returns the new one and those deleted. */
  create(row: { id: string; supervisorId: string; params: string; createdAt: number }): Promise<{ created: ReportRecord; dropped: ReportRecord[] }> {
    return this.store.transaction(async (tx) => {
      const { reports } = tx.tables;
      await this.locks.creating(tx);
      const [created] = await tx.db
        .insert(reports)
        .values({
          ...row,
          status: 'queued',
          rowCount: 0,
          seq: sql`(SELECT coalesce(max(${reports.seq}), 0) + 1 FROM ${reports})`,
        })
        .returning();
      // At most one beyond the limit, unless it was lowered.
      const dropped = (await this.listIn(tx, row.supervisorId)).slice(MAX_REPORTS_PER_SUPERVISOR);
      if (dropped.length > 0) await tx.db.delete(reports).where(inArray(reports.id, dropped.map((r) => r.id)));
      return { created: created!, dropped };
    });
  }

  /** A supervisor's reports, newest first. */
  list(supervisorId: string): Promise<ReportRecord[]> {
    return this.listIn(this.store, supervisorId);
  }

  async get(id: string): Promise<ReportRecord | undefined> {
    const { reports } = this.store.tables;
    return (await this.store.db.select().from(reports).where(eq(reports.id, id)))[0];
  }

  /** Deletes a supervisor's report (its chunks go with it); false when there was none. */
  delete(id: string, supervisorId: string): Promise<boolean> {
    return this.store.transaction(async (tx) => {
      const { reports } = tx.tables;
      const deleted = await tx.db
        .delete(reports)
        .where(and(eq(reports.id, id), eq(reports.supervisorId, supervisorId)))
        .returning({ id: reports.id });
      return deleted.length > 0;
    });
  }

  /**
   * The oldest job ready to run, now held by `owner` until `leaseUntil`: a
   * queued one, one released by a clean stop, or one whose holder is gone
   * (lease expired, or `isDead` knows it died). A job interrupted
   * MAX_INTERRUPTIONS times is failed instead, and returned in `failed`.
   * A job another node's transaction is taking at this moment is passed over.
   */
  async claim(owner: string, now: number, leaseUntil: number, isDead: (owner: string) => boolean): Promise<{ job: ReportRecord | null; failed: ReportRecord[] }> {
    const { reports } = this.store.tables;
    // The sweep asks every few seconds: open a write transaction only when there may be something to take.
    const open = await this.store.get(
      sql`SELECT 1 AS one FROM ${reports} WHERE ${reports.status} = 'queued' OR (${reports.status} = 'generating' AND (${reports.leaseOwner} IS NULL OR ${reports.leaseOwner} <> ${owner})) LIMIT 1`,
    );
    if (!open) return { job: null, failed: [] };
    return this.store.transaction(async (tx) => {
      const failed: ReportRecord[] = [];
      const candidates = await tx.db.select().from(reports).where(inArray(reports.status, ['queued', 'generating'])).orderBy(asc(reports.seq));
      for (const seen of candidates) {
        if (!takeable(seen, owner, now, isDead)) continue;
        const r = await this.locks.job(tx, seen);
        if (!r || !takeable(r, owner, now, isDead)) continue;
        const interrupted = r.status === 'generating' && r.leaseOwner !== null;
        if (interrupted && r.interruptions + 1 >= MAX_INTERRUPTIONS) {
          const message = `Generating the report was interrupted ${MAX_INTERRUPTIONS} times (the server stopped); generate it again, or choose a shorter range.`;
          const done = await this.failNow(tx, r.id, 'interrupted', message, now);
          if (done) failed.push(done);
          continue;
        }
        const [job] = await tx.db
          .update(reports)
          .set({
            status: 'generating',
            leaseOwner: owner,
            leaseUntil,
            startedAt: r.startedAt ?? now,
            interruptions: r.interruptions + (interrupted ? 1 : 0),
          })
          .where(eq(reports.id, r.id))
          .returning();
        return { job: job ?? null, failed };
      }
      return { job: null, failed };
    });
  }

  /** Writes a chunk and the job's progress; false (nothing written) when the job was deleted or its lease lost. */
  append(job: HeldJob, chunk: Chunk, progress: { cursor: string | null; leaseUntil: number; expectedRows?: number }): Promise<boolean> {
    return this.store.transaction(async (tx) => {
      const { reports, reportChunks } = tx.tables;
      const updated = await tx.db
        .update(reports)
        .set({
          rowCount: sql`${reports.rowCount} + ${chunk.rowCount}`,
          byteSize: sql`${reports.byteSize} + ${chunk.bytes}`,
          chunkCount: chunk.seq + 1,
          cursor: progress.cursor,
          leaseUntil: progress.leaseUntil,
          ...(progress.expectedRows !== undefined ? { expectedRows: progress.expectedRows } : {}),
        })
        .where(this.heldBy(tx, job, eq(reports.chunkCount, chunk.seq)))
        .returning({ id: reports.id });
      if (updated.length === 0) return false;
      await tx.db.insert(reportChunks).values({ reportId: job.id, seq: chunk.seq, rowCount: chunk.rowCount, data: chunk.data });
      return true;
    });
  }

  /** Extends the leases of the jobs `owner` holds. */
  renew(owner: string, leaseUntil: number): Promise<void> {
    return this.setLeases(owner, { leaseUntil });
  }

  /** Lets go of `owner`'s jobs on a clean stop: the next process resumes them at once, not counting an interruption. */
  release(owner: string): Promise<void> {
    return this.setLeases(owner, { leaseOwner: null, leaseUntil: null });
  }

  finish(job: HeldJob, now: number): Promise<ReportRecord | undefined> {
    return this.store.transaction(async (tx) => {
      const { reports } = tx.tables;
      const [finished] = await tx.db
        .update(reports)
        .set({ status: 'ready', finishedAt: now, leaseOwner: null, leaseUntil: null, cursor: null })
        .where(this.heldBy(tx, job))
        .returning();
      return finished;
    });
  }

  /** Fails a job its holder could not generate; its partial CSV is deleted. */
  fail(job: HeldJob, code: ReportErrorCode, message: string, now: number): Promise<ReportRecord | undefined> {
    return this.store.transaction(async (tx) => {
      const { reports } = tx.tables;
      const [held] = await tx.db.select({ id: reports.id }).from(reports).where(this.heldBy(tx, job));
      return held ? this.failNow(tx, job.id, code, message, now) : undefined;
    });
  }

  /** One chunk of a report's CSV, deflated; undefined if the report (or the chunk) is gone. */
  async chunk(reportId: string, seq: number): Promise<Buffer | undefined> {
    const { reportChunks } = this.store.tables;
    const [found] = await this.store.db
      .select({ data: reportChunks.data })
      .from(reportChunks)
      .where(and(eq(reportChunks.reportId, reportId), eq(reportChunks.seq, seq)));
    return found?.data;
  }

  private listIn(store: Store, supervisorId: string): Promise<ReportRecord[]> {
    const { reports } = store.tables;
    return store.db.select().from(reports).where(eq(reports.supervisorId, supervisorId)).orderBy(desc(reports.seq));
  }

  private setLeases(owner: string, lease: { leaseOwner?: null; leaseUntil: number | null }): Promise<void> {
    return this.store.transaction(async (tx) => {
      const { reports } = tx.tables;
      await tx.db
        .update(reports)
        .set(lease)
        .where(and(eq(reports.leaseOwner, owner), eq(reports.status, 'generating')));
    });
  }

  private async failNow(tx: Store, id: string, code: ReportErrorCode, message: string, now: number): Promise<ReportRecord | undefined> {
    const { reports, reportChunks } = tx.tables;
    await tx.db.delete(reportChunks).where(eq(reportChunks.reportId, id));
    const [failed] = await tx.db
      .update(reports)
      .set({ status: 'failed', errorCode: code, error: message, finishedAt: now, leaseOwner: null, leaseUntil: null, cursor: null, byteSize: 0, chunkCount: 0 })
      .where(eq(reports.id, id))
      .returning();
    return failed;
  }

  private heldBy(tx: Store, job: HeldJob, extra?: SQL): SQL | undefined {
    const { reports } = tx.tables;
    return and(eq(reports.id, job.id), eq(reports.leaseOwner, job.owner), eq(reports.status, 'generating'), extra);
  }
}

/** Whether `owner` may take `r` now: queued, released, or held by a holder that is gone (not by `owner` itself). */
function takeable(r: ReportRecord, owner: string, now: number, isDead: (owner: string) => boolean): boolean {
  if (r.status === 'queued' || r.leaseOwner === null) return true;
  if (r.leaseOwner === owner) return false;
  return r.leaseUntil === null || r.leaseUntil < now || isDead(r.leaseOwner);
}
