import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { reportChunks, reports } from '../db/schema/reports.js';
import { MAX_REPORTS_PER_SUPERVISOR, type ReportErrorCode } from '../../contract/reports.js';

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
 * The reports table and its chunks. Every change that must be atomic is one
 * transaction: creating a report with the limit (IMMEDIATE, so concurrent
 * creators — in this process or another — queue for the write lock before
 * reading the count), claiming a job, and each chunk with the job's progress,
 * guarded by the lease so a job that lost its lease, or was deleted, writes nothing.
 */
export class ReportStore {
  constructor(private readonly db: Db) {}

  /** Adds a queued report, and deletes the supervisor's oldest beyond the limit; returns the new one and those deleted. */
  create(row: { id: string; supervisorId: string; params: string; createdAt: number }): { created: ReportRecord; dropped: ReportRecord[] } {
    return this.db.$client
      .transaction(() => {
        const created = this.db
          .insert(reports)
          .values({
            ...row,
            status: 'queued',
            rowCount: 0,
            seq: sql`(SELECT coalesce(max(${reports.seq}), 0) + 1 FROM ${reports})`,
          })
          .returning()
          .get();
        // At most one beyond the limit, unless it was lowered.
        const dropped = this.list(row.supervisorId).slice(MAX_REPORTS_PER_SUPERVISOR);
        if (dropped.length > 0) this.db.delete(reports).where(inArray(reports.id, dropped.map((r) => r.id))).run();
        return { created, dropped };
      })
      .immediate();
  }

  /** A supervisor's reports, newest first. */
  list(supervisorId: string): ReportRecord[] {
    return this.db.select().from(reports).where(eq(reports.supervisorId, supervisorId)).orderBy(desc(reports.seq)).all();
  }

  get(id: string): ReportRecord | undefined {
    return this.db.select().from(reports).where(eq(reports.id, id)).get();
  }

  /** Deletes a supervisor's report (its chunks go with it); false when there was none. */
  delete(id: string, supervisorId: string): boolean {
    return this.db.delete(reports).where(and(eq(reports.id, id), eq(reports.supervisorId, supervisorId))).run().changes > 0;
  }

  /**
   * The oldest job ready to run, now held by `owner` until `leaseUntil`: a
   * queued one, one released by a clean stop, or one whose holder is gone
   * (lease expired, or `isDead` knows it died). A job interrupted
   * MAX_INTERRUPTIONS times is failed instead, and returned in `failed`.
   */
  claim(owner: string, now: number, leaseUntil: number, isDead: (owner: string) => boolean): { job: ReportRecord | null; failed: ReportRecord[] } {
    // The sweep asks every few seconds: take the write lock only when there may be something to take.
    const open = this.db.$client
      .prepare("SELECT EXISTS (SELECT 1 FROM reports WHERE status = 'queued' OR (status = 'generating' AND (lease_owner IS NULL OR lease_owner <> ?)))")
      .pluck()
      .get(owner);
    if (!open) return { job: null, failed: [] };
    return this.db.$client
      .transaction(() => {
        const failed: ReportRecord[] = [];
        const open = this.db.select().from(reports).where(inArray(reports.status, ['queued', 'generating'])).orderBy(asc(reports.seq)).all();
        for (const r of open) {
          const held = r.status === 'generating' && r.leaseOwner !== null;
          if (held && r.leaseOwner === owner) continue;
          const interrupted = held && (r.leaseUntil === null || r.leaseUntil < now || isDead(r.leaseOwner!));
          if (held && !interrupted) continue;
          if (interrupted && r.interruptions + 1 >= MAX_INTERRUPTIONS) {
            const message = `Generating the report was interrupted ${MAX_INTERRUPTIONS} times (the server stopped); generate it again, or choose a shorter range.`;
            const done = this.failNow(r.id, 'interrupted', message, now);
            if (done) failed.push(done);
            continue;
          }
          const job = this.db
            .update(reports)
            .set({
              status: 'generating',
              leaseOwner: owner,
              leaseUntil,
              startedAt: r.startedAt ?? now,
              interruptions: r.interruptions + (interrupted ? 1 : 0),
            })
            .where(eq(reports.id, r.id))
            .returning()
            .get();
          return { job, failed };
        }
        return { job: null, failed };
      })
      .immediate();
  }

  /** Writes a chunk and the job's progress; false (nothing written) when the job was deleted or its lease lost. */
  append(job: HeldJob, chunk: Chunk, progress: { cursor: string | null; leaseUntil: number; expectedRows?: number }): boolean {
    return this.db.$client.transaction(() => {
      const updated = this.db
        .update(reports)
        .set({
          rowCount: sql`${reports.rowCount} + ${chunk.rowCount}`,
          byteSize: sql`${reports.byteSize} + ${chunk.bytes}`,
          chunkCount: chunk.seq + 1,
          cursor: progress.cursor,
          leaseUntil: progress.leaseUntil,
          ...(progress.expectedRows !== undefined ? { expectedRows: progress.expectedRows } : {}),
        })
        .where(this.heldBy(job, eq(reports.chunkCount, chunk.seq)))
        .run();
      if (updated.changes === 0) return false;
      this.db.insert(reportChunks).values({ reportId: job.id, seq: chunk.seq, rowCount: chunk.rowCount, data: chunk.data }).run();
      return true;
    })();
  }

  /** Extends the leases of the jobs `owner` holds. */
  renew(owner: string, leaseUntil: number): void {
    this.db
      .update(reports)
      .set({ leaseUntil })
      .where(and(eq(reports.leaseOwner, owner), eq(reports.status, 'generating')))
      .run();
  }

  /** Lets go of `owner`'s jobs on a clean stop: the next process resumes them at once, not counting an interruption. */
  release(owner: string): void {
    this.db
      .update(reports)
      .set({ leaseOwner: null, leaseUntil: null })
      .where(and(eq(reports.leaseOwner, owner), eq(reports.status, 'generating')))
      .run();
  }

  finish(job: HeldJob, now: number): ReportRecord | undefined {
    return this.db
      .update(reports)
      .set({ status: 'ready', finishedAt: now, leaseOwner: null, leaseUntil: null, cursor: null })
      .where(this.heldBy(job))
      .returning()
      .get();
  }

  /** Fails a job its holder could not generate; its partial CSV is deleted. */
  fail(job: HeldJob, code: ReportErrorCode, message: string, now: number): ReportRecord | undefined {
    return this.db.$client.transaction(() => {
      const held = this.db.select({ id: reports.id }).from(reports).where(this.heldBy(job)).get();
      return held ? this.failNow(job.id, code, message, now) : undefined;
    })();
  }

  /** One chunk of a report's CSV, deflated; undefined if the report (or the chunk) is gone. */
  chunk(reportId: string, seq: number): Buffer | undefined {
    return this.db
      .select({ data: reportChunks.data })
      .from(reportChunks)
      .where(and(eq(reportChunks.reportId, reportId), eq(reportChunks.seq, seq)))
      .get()?.data;
  }

  private failNow(id: string, code: ReportErrorCode, message: string, now: number): ReportRecord | undefined {
    this.db.delete(reportChunks).where(eq(reportChunks.reportId, id)).run();
    return this.db
      .update(reports)
      .set({ status: 'failed', errorCode: code, error: message, finishedAt: now, leaseOwner: null, leaseUntil: null, cursor: null, byteSize: 0, chunkCount: 0 })
      .where(eq(reports.id, id))
      .returning()
      .get();
  }

  private heldBy(job: HeldJob, extra?: ReturnType<typeof eq>) {
    return and(eq(reports.id, job.id), eq(reports.leaseOwner, job.owner), eq(reports.status, 'generating'), extra);
  }
}
