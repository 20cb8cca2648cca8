import { initialState, Task } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { asApiError, credentialKey, FloorviewApiError, type ApiTarget } from '../core/api.js';
import { FvErrorEvent } from '../core/events.js';
import { FloorStreamController } from '../core/stream-controller.js';
import type { FloorChange } from '../core/stream.js';
import { rangeLabel } from './report-list.js';
import type { Report } from '../../contract/reports.js';
import { listReports } from './reports-api.js';

/** Without a live stream (offline, or another library copy's), pending reports are polled this often. */
const POLL_MS = 5_000;
const RANK = { queued: 0, generating: 1, ready: 2, failed: 2 } as const;

/** `a` is an older state of the report than `b` (reports only move forward: queued → generating → ready or failed). */
const stale = (a: Report, b: Report) => RANK[a.status] < RANK[b.status] || (a.status === b.status && a.rowCount < b.rowCount);
const newestFirst = (a: Report, b: Report) => b.createdAt.localeCompare(a.createdAt);


export interface ReportStoreOptions {
  target(): ApiTarget;
  /** A report the widget saw in progress became ready or failed. */
  finished(report: Report): void;
  /** Reports the limit deleted elsewhere (another tab or window), by their ranges. */
  dropped(ranges: string[]): void;
}

/**
 * The supervisor's reports as the server has them, kept current by the live
 * stream (or, without one, by polling while any is pending). The list is asked
 * for once the stream delivers (its snapshot, or at once if it was live
 * already), so no change can fall between the list and the stream; changes
 * that arrive while it loads are newer and win.
 */
export class ReportStore implements ReactiveController {
  /** Newest first. */
  reports: Report[] = [];
  limit = 50;
  loaded = false;
  loadError: FloorviewApiError | null = null;

  /** Ids deleted here or by the limit: a late frame must not bring one back. */
  private readonly gone = new Set<string>();
  /** Reports the stream brought while the list was being fetched: newer than the list may be. */
  private arrived: Map<string, Report> | null = null;
  /** The credentials the list was asked for (it is loaded again for others). */
  private requestedFor = '';
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly stream: FloorStreamController;
  private readonly listing: Task<readonly [ApiTarget], void>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ReportStoreOptions,
  ) {
    // Before the stream's: a change of credentials empties the list before the new stream can fill it.
    host.addController(this);
    this.stream = new FloorStreamController(host, options.target, (change) => this.observe(change));
    this.listing = new Task(host, {
      autoRun: false,
      args: () => [options.target()] as const,
      task: async ([target], { signal }) => {
        try {
          const answer = await listReports(target, signal);
          if (signal.aborted) return initialState;
          this.merge(answer.reports, answer.limit);
        } catch (err) {
          if (signal.aborted) return initialState;
          throw asApiError(err);
        }
      },
      onError: (err) => {
        this.loadError = asApiError(err);
        if (this.loadError.status !== 401) host.dispatchEvent(new FvErrorEvent(this.loadError.code, this.loadError.message));
      },
    });
  }

  /** After signing in: the stream opens with the session, and the list is asked for when it delivers. */
  reconnect(): void {
    this.stream.floor?.reconnect();
  }

  /** The list as the server has it now. */
  load(): void {
    this.requestedFor = this.targetKey;
    this.arrived = new Map();
    void this.listing.run();
  }

  /** A report as it is now: new ones first; a stale copy (lower status or progress) never replaces a newer one. */
  upsert(next: Report): void {
    if (this.gone.has(next.id)) return;
    this.arrived?.set(next.id, next);
    const prev = this.reports.find((r) => r.id === next.id);
    if (prev && stale(next, prev)) return;
    this.reports = prev ? this.reports.map((r) => (r.id === next.id ? next : r)) : [next, ...this.reports];
    this.finished(prev, next);
    this.host.requestUpdate();
  }

  forget(id: string): void {
    this.gone.add(id);
    this.reports = this.reports.filter((r) => r.id !== id);
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    if (this.requestedFor !== '' && this.requestedFor !== this.targetKey) {
      this.requestedFor = '';
      this.reports = [];
      this.loaded = false;
      this.loadError = null;
    }
  }

  hostUpdated(): void {
    // The page's stream was already live (another widget opened it): no snapshot will come, every change from now on will.
    if (this.requestedFor === '' && this.stream.floor?.ready && this.stream.floor.state === 'live') this.load();
    const pending = this.reports.some((r) => r.status === 'queued' || r.status === 'generating');
    const live = this.stream.floor?.state === 'live';
    if (pending && !live && this.pollTimer === undefined) {
      this.pollTimer = setTimeout(() => {
        this.pollTimer = undefined;
        this.load();
      }, POLL_MS);
    } else if ((!pending || live) && this.pollTimer !== undefined) {
      clearTimeout(this.pollTimer);
      this.pollTimer = undefined;
    }
  }

  hostDisconnected(): void {
    this.listing.abort();
    this.requestedFor = '';
    clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
  }

  private get targetKey(): string {
    const target = this.options.target();
    return `${target.api} ${credentialKey(target)}`;
  }

  private merge(reports: Report[], limit: number): void {
    const arrived = this.arrived ?? new Map<string, Report>();
    this.arrived = null;
    const before = new Map(this.reports.map((r) => [r.id, r]));
    const listed = reports.filter((r) => !this.gone.has(r.id)).map((r) => (arrived.has(r.id) && !stale(arrived.get(r.id)!, r) ? arrived.get(r.id)! : r));
    const created = [...arrived.values()].filter((r) => !listed.some((l) => l.id === r.id) && !this.gone.has(r.id));
    this.reports = [...created, ...listed].sort(newestFirst);
    this.limit = limit;
    this.loaded = true;
    this.loadError = null;
    for (const r of this.reports) this.finished(before.get(r.id), r);
  }

  private observe(change: FloorChange | null): void {
    const state = this.stream.floor?.state;
    if (change === null) {
      // The stream cannot deliver (signed out, offline): show what the API can (the list, the sign-in form, the error).
      if (this.requestedFor === '' && state !== 'connecting' && state !== 'live') this.load();
      return;
    }
    // The first snapshot, or after a resume from too long ago (changes may have been missed).
    if (change.snapshot) this.load();
    for (const r of change.reports ?? []) this.upsert(r);
    const limited: string[] = [];
    for (const d of change.reportsDeleted ?? []) {
      const known = this.reports.find((r) => r.id === d.id);
      if (!this.gone.has(d.id) && d.reason === 'limit' && known) limited.push(rangeLabel(known));
      this.forget(d.id);
    }
    if (limited.length > 0) this.options.dropped(limited);
  }

  /** Tells the widget when a report it saw in progress is done. */
  private finished(prev: Report | undefined, next: Report): void {
    if (!prev || prev.status === next.status || (next.status !== 'ready' && next.status !== 'failed')) return;
    this.options.finished(next);
  }
}
