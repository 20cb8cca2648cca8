import { randomUUID } from 'node:crypto';
import type { Scope } from '../auth/principal.js';
import type { Store } from '../db/store.js';
import type { HistoryCatchUp } from '../history/history.js';
import type { Directory } from '../directory/directory.js';
import { ApiError, notFound } from '../lib/errors.js';
import type { ViewerItem } from '../stream/stream-hub.js';
import { newOwner } from './job-owner.js';
import type { Report, ReportCreated, ReportDeletion } from '../../contract/reports.js';
import { reportCsvStream } from './report-download.js';
import { fileNameOf, planReport, rangeOf, type ReportInput } from './report-request.js';
import { reportRowsFor } from './report-rows.js';
import { ReportRunner, type RunnerOptions } from './report-runner.js';
import { ReportStore, type ReportRecord } from './report-store.js';
import { reportView, type StoredParams } from './report-view.js';

export interface ReportOwner {
  id: string;
  scope: Scope;
}

/**
 * Wrap-up reason reports (C10): requests checked like the wrap-up statistics,
 * kept at most 50 per supervisor, generated in the background, downloaded as
 * CSV. A supervisor sees only their own reports; every change of one goes to
 * their stream (`reports`, `reportsDeleted`).
 */
export class ReportService {
  private readonly store: ReportStore;
  private readonly runner: ReportRunner;

  constructor(
    store: Store,
    history: HistoryCatchUp,
    private readonly directory: Directory,
    /** The zone of a request that names none: the reporting zone (FLOORVIEW_TIME_ZONE). */
    private readonly defaultZone: string,
    private readonly publish: (item: ViewerItem) => void,
    private readonly clock: () => number = Date.now,
    options: Partial<RunnerOptions> = {},
  ) {
    this.store = new ReportStore(store);
    const changed = (r: ReportRecord) => this.publish({ audience: [viewer(r.supervisorId)], channel: 'reports', data: reportView(r) });
    this.runner = new ReportRunner(this.store, reportRowsFor(store, history), directory, newOwner(), changed, { clock, ...options });
  }

  /** Starts generating: jobs left queued, released by a clean stop, or held by a process that died. */
  start(): void {
    this.runner.start();
  }

  /** Waits for the leases to be released: close the store after. */
  stop(): Promise<void> {
    return this.runner.stop();
  }

  async create(owner: ReportOwner, input: ReportInput): Promise<ReportCreated> {
    const plan = planReport(this.directory, owner.scope, input, this.defaultZone);
    const params: StoredParams = { request: plan.request, range: rangeOf(plan), fileName: fileNameOf(plan) };
    const { created, dropped } = await this.store.create({ id: `r-${randomUUID()}`, supervisorId: owner.id, params: JSON.stringify(params), createdAt: this.clock() });
    const report = reportView(created);
    this.publish({ audience: [viewer(owner.id)], channel: 'reports', data: report });
    for (const d of dropped) this.deleted(owner.id, { id: d.id, reason: 'limit' });
    this.runner.kick();
    return { report, dropped: dropped.map(reportView) };
  }

  /** Newest first. */
  async list(ownerId: string): Promise<Report[]> {
    return (await this.store.list(ownerId)).map(reportView);
  }

  async get(ownerId: string, id: string): Promise<Report> {
    return reportView(await this.own(ownerId, id));
  }

  async delete(ownerId: string, id: string): Promise<void> {
    if (!(await this.store.delete(id, ownerId))) throw notFound(`Report "${id}"`);
    this.deleted(ownerId, { id, reason: 'deleted' });
  }

  /** A ready report's CSV, streamed; 409 while it is not ready. */
  async csv(ownerId: string, id: string): Promise<{ report: Report; body: ReadableStream<Uint8Array> }> {
    const record = await this.own(ownerId, id);
    const report = reportView(record);
    if (record.status !== 'ready') {
      const why =
        record.status === 'failed'
          ? `it failed: ${report.error?.message ?? ''}`
          : record.status === 'queued'
            ? 'it is waiting to be generated'
            : `it is still being generated (${Math.round(report.progress * 100)}%)`;
      throw new ApiError(409, 'report_not_ready', `The report cannot be downloaded: ${why}`);
    }
    return { report, body: reportCsvStream(this.store, id, record.chunkCount) };
  }

  /** Another supervisor's report is "not found", like one that never existed: ids are not for probing. */
  private async own(ownerId: string, id: string): Promise<ReportRecord> {
    const record = await this.store.get(id);
    if (!record || record.supervisorId !== ownerId) throw notFound(`Report "${id}"`);
    return record;
  }

  private deleted(ownerId: string, deletion: ReportDeletion): void {
    this.publish({ audience: [viewer(ownerId)], channel: 'reportsDeleted', data: deletion });
  }
}

const viewer = (supervisorId: string) => `supervisor:${supervisorId}`;
