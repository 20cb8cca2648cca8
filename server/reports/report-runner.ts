import { promisify } from 'node:util';
import { deflateRaw as deflateRawCb, constants } from 'node:zlib';
import { scopeOf } from '../auth/principal.js';
import type { Directory } from '../directory/directory.js';
import { ApiError } from '../lib/errors.js';
import { ownerIsDead } from './job-owner.js';
import type { ReportErrorCode } from '../../contract/reports.js';
import { reportHeader, reportRecord } from './report-csv.js';
import { planReport, type ReportPlan } from './report-request.js';
import { cursorOf, type ReportRows, type RowCursor } from './report-rows.js';
import type { ReportRecord, ReportStore } from './report-store.js';
import type { StoredParams } from './report-view.js';

const deflateRaw = promisify(deflateRawCb);

export interface RunnerOptions {
  /** Rows per page: one query, one chunk, then the event loop is free again (2,000: ~30 ms at a time on the reference centre, bench/report-generation.ts). */
  pageRows: number;
  /** Rest between pages (0: just yield), leaving a busy node's database to live traffic. */
  pauseMs: number;
  /** How long a claimed job stays held without a sign of life from its holder. */
  leaseMs: number;
  /** Jobs generated at once by this process (a small report need not wait for a large one). */
  concurrency: number;
  clock: () => number;
}

export const DEFAULT_RUNNER_OPTIONS: RunnerOptions = { pageRows: 2_000, pauseMs: 0, leaseMs: 15_000, concurrency: 2, clock: Date.now };

/** Progress goes out on the stream at most this often per job; status changes always. */
const PROGRESS_EVERY_MS = 500;

const INTERNAL_ERROR =
  'The report could not be generated because of a server error (it is logged). Generate it again; if it fails again, tell your administrator.';

/**
 * Generates queued reports in the background, in this process. A job is
 * claimed under a lease (server/reports/report-store.ts), written a page at a
 * time — each page one chunk, committed with the cursor after it — and
 * finished. A job whose holder died is claimed again by the next sweep (at
 * once when the holder was a process of this host) and resumes at its cursor;
 * a clean stop releases the leases.
 */
export class ReportRunner {
  private readonly active = new Set<string>();
  private readonly published = new Map<string, number>();
  private readonly options: RunnerOptions;
  private stopped = true;
  private kickPending = false;
  /** The claim in hand: one at a time, so the slots it fills are counted before the next looks. */
  private claiming: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: ReportStore,
    private readonly rows: ReportRows,
    private readonly directory: Directory,
    readonly owner: string,
    /** A job's record after each change of status, and on progress (throttled). */
    private readonly changed: (record: ReportRecord) => void,
    options: Partial<RunnerOptions> = {},
  ) {
    this.options = { ...DEFAULT_RUNNER_OPTIONS, ...options };
  }

  start(): void {
    this.stopped = false;
    // The sweep renews this process's leases and picks up jobs other holders left.
    this.timer = setInterval(() => {
      if (this.active.size > 0) void this.guarded('renew its leases', () => this.store.renew(this.owner, this.leaseUntil()));
      this.kick();
    }, Math.max(100, this.options.leaseMs / 3));
    this.timer.unref();
    this.kick();
  }

  /** Stops between pages; the jobs in hand are released for the next start to resume. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.timer);
    await this.claiming;
    await this.store.release(this.owner);
  }

  /** Looks for work soon (after the current request has answered, so it still shows the report queued). */
  kick(): void {
    if (this.stopped || this.kickPending) return;
    this.kickPending = true;
    this.claiming = this.claiming
      .then(() => new Promise((resolve) => setImmediate(resolve)))
      .then(() => {
        this.kickPending = false;
        return this.guarded('claim a job', () => this.claimAll());
      });
  }

  /** A database that is busy or failing must not take the server down from a timer: the next sweep tries again. */
  private async guarded(what: string, work: () => Promise<void>): Promise<void> {
    if (this.stopped) return;
    try {
      await work();
    } catch (err) {
      if (!this.stopped) console.error(`Reports: could not ${what}:`, err);
    }
  }

  private async claimAll(): Promise<void> {
    while (!this.stopped && this.active.size < this.options.concurrency) {
      const now = this.options.clock();
      const { job, failed } = await this.store.claim(this.owner, now, now + this.options.leaseMs, (o) => ownerIsDead(o, this.owner));
      for (const f of failed) this.changed(f);
      if (!job) return;
      this.active.add(job.id);
      this.changed(job);
      void this.run(job).finally(() => {
        this.active.delete(job.id);
        this.published.delete(job.id);
        this.kick();
      });
    }
  }

  private async run(record: ReportRecord): Promise<void> {
    const job = { id: record.id, owner: this.owner };
    let plan: ReportPlan;
    try {
      plan = this.plan(record);
    } catch (err) {
      return this.fail(job, err instanceof ApiError ? 'invalid' : 'internal', err instanceof ApiError ? err.message : INTERNAL_ERROR, err);
    }
    try {
      let seq = record.chunkCount;
      let cursor = record.cursor === null ? null : (JSON.parse(record.cursor) as RowCursor);
      if (seq === 0) {
        const expected = await this.rows.expected(plan.range, plan.filter);
        if (!(await this.write(job, seq++, 0, reportHeader(plan.request.lang, plan.range.zone), null, expected))) return;
      }
      const { pageRows, pauseMs } = this.options;
      for (;;) {
        if (this.stopped) return;
        const page = await this.rows.page(plan.range, plan.filter, cursor, pageRows);
        if (page.rows.length > 0) {
          let csv = '';
          for (const row of page.rows) csv += reportRecord(row, this.directory, plan.range.zone, plan.request.lang);
          cursor = cursorOf(page.rows[page.rows.length - 1]!);
          if (!(await this.write(job, seq++, page.rows.length, csv, cursor))) return;
        }
        if (page.done) {
          const finished = await this.store.finish(job, this.options.clock());
          if (finished) this.changed(finished);
          return;
        }
        await new Promise((resolve) => (pauseMs > 0 ? setTimeout(resolve, pauseMs) : setImmediate(resolve)));
      }
    } catch (err) {
      // Stopping closes the database under a job between pages: not the job's failure.
      if (this.stopped) return;
      await this.fail(job, 'internal', INTERNAL_ERROR, err);
    }
  }

  /** The stored request, resolved again in the supervisor's scope as it is now. */
  private plan(record: ReportRecord): ReportPlan {
    const { request } = JSON.parse(record.params) as StoredParams;
    const supervisor = this.directory.supervisors.get(record.supervisorId);
    if (!supervisor) throw new ApiError(403, 'forbidden', 'The supervisor who asked for this report is no longer in the directory.');
    return planReport(this.directory, scopeOf(supervisor.queues), { ...request, timeFrom: request.timeFrom ?? undefined, timeTo: request.timeTo ?? undefined, location: request.location ?? undefined }, request.tz);
  }

  /** Deflates a page and commits it with the job's progress; false when the job is no longer this process's to write. */
  private async write(job: { id: string; owner: string }, seq: number, rowCount: number, csv: string, cursor: RowCursor | null, expectedRows?: number): Promise<boolean> {
    const raw = Buffer.from(csv);
    // In the thread pool, while the event loop serves requests.
    const data = await deflateRaw(raw, { level: constants.Z_BEST_SPEED });
    if (this.stopped) return false;
    const ok = await this.store.append(
      job,
      { seq, rowCount, data, bytes: raw.length },
      { cursor: cursor === null ? null : JSON.stringify(cursor), leaseUntil: this.leaseUntil(), ...(expectedRows !== undefined ? { expectedRows } : {}) },
    );
    if (ok) await this.progressed(job.id);
    return ok;
  }

  private async progressed(id: string): Promise<void> {
    const now = this.options.clock();
    if (now - (this.published.get(id) ?? 0) < PROGRESS_EVERY_MS) return;
    this.published.set(id, now);
    const record = await this.store.get(id);
    if (record) this.changed(record);
  }

  private async fail(job: { id: string; owner: string }, code: ReportErrorCode, message: string, cause: unknown): Promise<void> {
    if (code === 'internal') console.error(`Report ${job.id} failed:`, cause);
    try {
      const failed = await this.store.fail(job, code, message, this.options.clock());
      if (failed) this.changed(failed);
    } catch (err) {
      // The database itself is failing: the job stays held, and is taken up again when its lease runs out.
      console.error(`Report ${job.id} could not be marked failed:`, err);
    }
  }

  private leaseUntil(): number {
    return this.options.clock() + this.options.leaseMs;
  }
}
