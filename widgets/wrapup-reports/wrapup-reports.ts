import { Task } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { FloorviewApiError } from '../core/api.js';
import { FvErrorEvent } from '../core/events.js';
import { FloorviewElement } from '../core/floorview-element.js';
import { collator } from '../core/format.js';
import { SignInController } from '../core/sign-in.js';
import { FloorStreamController } from '../core/stream-controller.js';
import type { FloorChange } from '../core/stream.js';
import { controlStyles, themeStyles } from '../core/theme.styles.js';
import { renderToolbar } from '../history-common/history-toolbar.js';
import { historyStyles } from '../history-common/history.styles.js';
import { datesOf, idList, RANGE_PRESETS, statsParams, type RangeChoice, type RangePreset } from '../history-common/range.js';
import { FvReportChangeEvent } from './events.js';
import { wrapupReportsCatalogs, type WrapupReportsTranslator } from './i18n/index.js';
import { rangeLabel, renderReportList } from './report-list.js';
import { createReport, csvUrl, deleteReport, fetchFilterNames, listReports, type FilterNames, type Report, type ReportBody } from './reports-api.js';
import { reportsStyles } from './wrapup-reports.styles.js';

const NO_NAMES: FilterNames = { queues: [], agents: [], locations: [] };
/** Without a live stream (offline, or another library copy's), pending reports are polled this often. */
const POLL_MS = 5_000;
const RANK = { queued: 0, generating: 1, ready: 2, failed: 2 } as const;

/** `a` is an older state of the report than `b` (reports only move forward: queued → generating → ready or failed). */
const stale = (a: Report, b: Report) => RANK[a.status] < RANK[b.status] || (a.status === b.status && a.rowCount < b.rowCount);
const newestFirst = (a: Report, b: Report) => b.createdAt.localeCompare(a.createdAt);

/**
 * @summary Wrap-up reason reports (C10): choose a range and filters, generate
 * a report in the background, watch its status live (queued, generating with
 * progress, ready, failed with the reason), download it as CSV, delete it. At
 * most 50 are kept per supervisor; when generating one deletes the oldest, the
 * widget says so. Supervisors only.
 *
 * @attr api - Base URL of the Floorview server; default: the server this script came from.
 * @attr token - A supervisor's bearer token (from `/auth/login`); default: the session cookie.
 * @attr lang - `en` or `zh-CN` (also the CSV's header row); default: the enclosing `fv-provider`, else the page's `lang`.
 * @attr time-zone - IANA zone of the range's dates and of every time in the CSV; default: the browser's.
 * @attr theme - `light`, `dark` or `auto` (default).
 * @attr range - `today`, `yesterday`, `last7` (default), `last30` or `custom`.
 * @attr from - First day of a custom range, `YYYY-MM-DD`.
 * @attr to - Last day of a custom range (included).
 * @attr time-from - Each day, only from this local time, `HH:MM`.
 * @attr time-to - Each day, only until this local time.
 * @attr queue - Only these queues (ids, comma-separated).
 * @attr agent - Only these agents (ids, comma-separated).
 * @attr location - Only agents at this location.
 *
 * @event fv-report-change - A report became `ready` or `failed`; `report`.
 * @event fv-error - Generating, downloading, deleting or loading failed; `code`, `message`.
 *
 * @csspart base - The widget's box.
 * @csspart header - Title, range picker, filters and the Generate button.
 * @csspart generate-button - Generates a report of the chosen range and filters.
 * @csspart notice - A message under the header: a failure, or the oldest report deleted (`role="alert"` for failures).
 * @csspart table - The list of reports.
 * @csspart row - One report.
 * @csspart progress - A report's progress bar while it is generated.
 * @csspart download-button - Downloads a ready report.
 * @csspart delete-button - Deletes a report.
 * @csspart alert - The list could not be loaded.
 * @csspart sign-in - The sign-in form shown without credentials.
 *
 * @cssproperty --table-max-height - Height after which the list scrolls. Default: 28rem.
 * @cssproperty --fv-font-family - Default: inherited from the page.
 * @cssproperty --fv-font-size - Default: 0.875rem.
 * @cssproperty --fv-radius - Corner radius. Default: 6px.
 * @cssproperty --fv-color-surface - Background.
 * @cssproperty --fv-color-surface-raised - Toolbar, table head.
 * @cssproperty --fv-color-text - Text.
 * @cssproperty --fv-color-text-muted - Secondary text.
 * @cssproperty --fv-color-border - Lines.
 * @cssproperty --fv-color-accent - Buttons, progress.
 * @cssproperty --fv-color-success - Ready. (`-bg` for its background)
 * @cssproperty --fv-color-warning - Generating, the oldest-deleted notice. (`-bg`)
 * @cssproperty --fv-color-danger - Failures. (`-bg`)
 */
export class FvWrapupReports extends FloorviewElement {
  static override styles = [themeStyles, controlStyles, historyStyles, reportsStyles];

  /** `today`, `yesterday`, `last7` (default), `last30` or `custom` (then `from` and `to`). */
  @property() accessor range: RangePreset = 'last7';
  @property() accessor from = '';
  @property() accessor to = '';
  @property({ attribute: 'time-from' }) accessor timeFrom = '';
  @property({ attribute: 'time-to' }) accessor timeTo = '';
  @property() accessor queue = '';
  @property() accessor agent = '';
  @property() accessor location = '';

  /** Newest first. */
  @state() private accessor reports: Report[] = [];
  @state() private accessor limit = 50;
  @state() private accessor loaded = false;
  @state() private accessor loadError: FloorviewApiError | null = null;
  @state() private accessor requesting = false;
  @state() private accessor notice: { kind: 'info' | 'error'; text: string } | null = null;
  /** Said to screen readers (a polite live region): requested, ready, failed, deleted. */
  @state() private accessor announcement = '';

  /** Ids deleted here or by the limit: a late frame must not bring one back. */
  private readonly gone = new Set<string>();
  private loading: AbortController | null = null;
  /** Reports the stream brought while the list was being fetched: newer than the list may be. */
  private arrived: Map<string, Report> | null = null;
  /** The credentials the list was asked for (it is loaded again for others). */
  private requestedFor = '';
  private pollTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly stream = new FloorStreamController(this, () => this.target, (change) => this.observe(change));
  private readonly names = new Task(this, {
    task: ([api, token, lang], { signal }) => fetchFilterNames({ api, token }, signal, lang).catch(() => NO_NAMES),
    args: () => [this.target.api, this.target.token, this.i18n.lang] as const,
  });
  private readonly signIn = new SignInController(this, () => this.target.api, () => {
    this.stream.floor?.reconnect();
    void this.names.run();
    void this.load();
  });

  private get i18n(): WrapupReportsTranslator {
    return this.translatorFor(wrapupReportsCatalogs);
  }

  private get timeZoneName(): string {
    return this.zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  private get choice(): RangeChoice {
    const preset = (RANGE_PRESETS as readonly string[]).includes(this.range) ? this.range : 'last7';
    return { preset, from: this.from, to: this.to, timeFrom: this.timeFrom, timeTo: this.timeTo };
  }

  /** The report the toolbar describes; null while a custom range is incomplete. */
  private get body(): ReportBody | null {
    const dates = datesOf(this.choice, this.timeZoneName);
    if (!dates) return null;
    const p = statsParams(dates, this.choice, this.timeZoneName, { queues: idList(this.queue), agents: idList(this.agent), location: this.location });
    return {
      from: p.from!,
      to: p.to!,
      tz: p.tz!,
      ...(p.timeFrom ? { timeFrom: p.timeFrom } : {}),
      ...(p.timeTo ? { timeTo: p.timeTo } : {}),
      ...(p.queue ? { queue: idList(p.queue) } : {}),
      ...(p.agent ? { agent: idList(p.agent) } : {}),
      ...(p.location ? { location: p.location } : {}),
      lang: this.i18n.lang,
    };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loading?.abort();
    this.requestedFor = '';
    clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.requestedFor !== '' && this.requestedFor !== this.targetKey) {
      this.requestedFor = '';
      this.reports = [];
      this.loaded = false;
      this.loadError = null;
    }
  }

  private get targetKey(): string {
    return `${this.target.api} ${this.target.token ?? ''}`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The page's stream was already live (another widget opened it): no snapshot will come, every change from now on will.
    if (this.requestedFor === '' && this.stream.floor?.ready && this.stream.floor.state === 'live') void this.load();
    const pending = this.reports.some((r) => r.status === 'queued' || r.status === 'generating');
    const live = this.stream.floor?.state === 'live';
    if (pending && !live && this.pollTimer === undefined) {
      this.pollTimer = setTimeout(() => {
        this.pollTimer = undefined;
        void this.load();
      }, POLL_MS);
    } else if ((!pending || live) && this.pollTimer !== undefined) {
      clearTimeout(this.pollTimer);
      this.pollTimer = undefined;
    }
  }

  /**
   * The list as the server has it now. Asked once the stream delivers (its
   * snapshot, or at once if it was live already), so no change can fall between
   * the list and the stream; changes that arrive while it loads are newer and win.
   */
  private async load(): Promise<void> {
    this.loading?.abort();
    this.requestedFor = this.targetKey;
    const loading = (this.loading = new AbortController());
    this.arrived = new Map();
    try {
      const { reports, limit } = await listReports(this.target, loading.signal);
      if (loading.signal.aborted) return;
      const arrived = this.arrived;
      this.arrived = null;
      const before = new Map(this.reports.map((r) => [r.id, r]));
      const listed = reports.filter((r) => !this.gone.has(r.id)).map((r) => (arrived.has(r.id) && !stale(arrived.get(r.id)!, r) ? arrived.get(r.id)! : r));
      const created = [...arrived.values()].filter((r) => !listed.some((l) => l.id === r.id) && !this.gone.has(r.id));
      this.reports = [...created, ...listed].sort(newestFirst);
      this.limit = limit;
      this.loaded = true;
      this.loadError = null;
      for (const r of this.reports) this.finished(before.get(r.id), r);
    } catch (err) {
      if (loading.signal.aborted) return;
      this.loadError = err instanceof FloorviewApiError ? err : new FloorviewApiError(0, 'network_error', String(err));
      if (this.loadError.status !== 401) this.dispatchEvent(new FvErrorEvent(this.loadError.code, this.loadError.message));
    }
  }

  private observe(change: FloorChange | null): void {
    const state = this.stream.floor?.state;
    if (change === null) {
      // The stream cannot deliver (signed out, offline): show what the API can (the list, the sign-in form, the error).
      if (this.requestedFor === '' && state !== 'connecting' && state !== 'live') void this.load();
      return;
    }
    // The first snapshot, or after a resume from too long ago (changes may have been missed).
    if (change.snapshot) void this.load();
    for (const r of change.reports ?? []) this.upsert(r);
    const limited: string[] = [];
    for (const d of change.reportsDeleted ?? []) {
      const known = this.reports.find((r) => r.id === d.id);
      if (!this.gone.has(d.id) && d.reason === 'limit' && known) limited.push(rangeLabel(known));
      this.forget(d.id);
    }
    // Deleted by the limit from another tab or window: say so here too.
    if (limited.length > 0) this.droppedNotice(limited);
  }

  /** A report as it is now: new ones first; a stale copy (lower status or progress) never replaces a newer one. */
  private upsert(next: Report): void {
    if (this.gone.has(next.id)) return;
    this.arrived?.set(next.id, next);
    const prev = this.reports.find((r) => r.id === next.id);
    if (prev && stale(next, prev)) return;
    this.reports = prev ? this.reports.map((r) => (r.id === next.id ? next : r)) : [next, ...this.reports];
    this.finished(prev, next);
  }

  private forget(id: string): void {
    this.gone.add(id);
    this.reports = this.reports.filter((r) => r.id !== id);
  }

  /** Tells the page and screen readers when a report the widget saw in progress is done. */
  private finished(prev: Report | undefined, next: Report): void {
    if (!prev || prev.status === next.status || (next.status !== 'ready' && next.status !== 'failed')) return;
    const tr = this.i18n;
    this.announcement = tr.t(next.status === 'ready' ? 'reports.ready' : 'reports.failed', { range: rangeLabel(next) });
    this.dispatchEvent(new FvReportChangeEvent(next));
  }

  private droppedNotice(ranges: string[]): void {
    const tr = this.i18n;
    this.notice = { kind: 'info', text: tr.tn('reports.dropped', ranges.length, { ranges: ranges.join(', '), limit: this.limit }) };
  }

  private failed(err: unknown, format: (message: string) => string): void {
    const error = err instanceof FloorviewApiError ? err : new FloorviewApiError(0, 'network_error', String(err));
    const message = error.status === 0 ? this.i18n.t('error.network') : error.message;
    this.notice = { kind: 'error', text: format(message) };
    this.dispatchEvent(new FvErrorEvent(error.code, this.notice.text));
  }

  private async generate(): Promise<void> {
    const body = this.body;
    if (!body || this.requesting) return;
    const tr = this.i18n;
    this.requesting = true;
    this.notice = null;
    try {
      const { report, dropped } = await createReport(this.target, body);
      for (const d of dropped) this.forget(d.id);
      this.upsert(report);
      this.announcement = tr.t('reports.requested', { range: rangeLabel(report) });
      if (dropped.length > 0) this.droppedNotice(dropped.map(rangeLabel));
    } catch (err) {
      this.failed(err, (message) => tr.t('reports.generateFailed', { message }));
    } finally {
      this.requesting = false;
    }
  }

  /** A plain link, so the browser saves the file as it arrives. */
  private async download(report: Report): Promise<void> {
    try {
      const a = document.createElement('a');
      a.href = await csvUrl(this.target, report.id);
      a.download = report.fileName;
      a.rel = 'noopener';
      a.click();
    } catch (err) {
      this.failed(err, (message) => this.i18n.t('reports.actionFailed', { message }));
    }
  }

  private async deleteOne(report: Report): Promise<void> {
    try {
      await deleteReport(this.target, report.id);
    } catch (err) {
      // Already gone (deleted in another window, or by the limit): what the viewer wanted.
      if (!(err instanceof FloorviewApiError && err.status === 404)) {
        this.failed(err, (message) => this.i18n.t('reports.actionFailed', { message }));
        return;
      }
    }
    this.forget(report.id);
    this.announcement = this.i18n.t('reports.deleted', { range: rangeLabel(report) });
  }

  protected override render() {
    const tr = this.i18n;
    const names = this.names.value ?? NO_NAMES;
    const c = collator(tr.lang);
    const byName = (a: { name: string }, b: { name: string }) => c.compare(a.name, b.name);
    const body = this.body;
    return html`<div part="base" class="base ${this.themeClass}" lang=${tr.lang}>
      ${renderToolbar({
        tr,
        title: tr.t('reports.title'),
        choice: this.choice,
        timeZone: this.timeZoneName,
        filters: { queue: idList(this.queue)[0] ?? '', agent: idList(this.agent)[0] ?? '', location: this.location },
        options: { queues: [...names.queues].sort(byName), agents: [...names.agents].sort(byName), locations: [...names.locations].sort(c.compare) },
        agentFilter: true,
        status: html`<span class="generate">
          ${body === null ? html`<span class="muted">${tr.t('range.incomplete')}</span>` : nothing}
          <button part="generate-button" class="button primary" ?disabled=${body === null || this.requesting || !this.loaded} @click=${() => void this.generate()}>
            ${this.requesting ? tr.t('reports.generating') : tr.t('reports.generate')}
          </button>
        </span>`,
        onRange: (r) => {
          if (r.preset !== undefined) this.range = r.preset;
          if (r.from !== undefined) this.from = r.from;
          if (r.to !== undefined) this.to = r.to;
          if (r.timeFrom !== undefined) this.timeFrom = r.timeFrom;
          if (r.timeTo !== undefined) this.timeTo = r.timeTo;
        },
        onFilter: (f) => {
          if (f.queue !== undefined) this.queue = f.queue;
          if (f.agent !== undefined) this.agent = f.agent;
          if (f.location !== undefined) this.location = f.location;
        },
      })}
      ${this.notice
        ? html`<div part="notice" class="notice ${this.notice.kind}" role=${this.notice.kind === 'error' ? 'alert' : 'status'}>
            <p>${this.notice.text}</p>
            <button class="dismiss" aria-label=${tr.t('error.dismiss')} @click=${() => (this.notice = null)}><span aria-hidden="true">×</span></button>
          </div>`
        : nothing}
      <div class="content">${this.renderList(tr, names)}</div>
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </div>`;
  }

  private renderList(tr: WrapupReportsTranslator, names: FilterNames) {
    const error = this.loadError;
    if (error?.status === 401) {
      return this.target.token ? html`<p class="alert" role="alert">${tr.t('signIn.tokenRefused')}</p>` : this.signIn.render(tr);
    }
    if (error && !this.loaded) {
      return html`<div part="alert" class="alert" role="alert">
        <p>${error.status === 0 ? tr.t('error.network') : error.message}</p>
        <button class="button" @click=${() => void this.load()}>${tr.t('history.retry')}</button>
      </div>`;
    }
    if (!this.loaded) return html`<p class="empty" role="status">${tr.t('reports.loading')}</p>`;
    if (this.reports.length === 0) return html`<p class="empty">${tr.t('reports.empty')}</p>`;
    return html`${renderReportList({
        tr,
        reports: this.reports,
        names,
        timeZone: this.zone,
        onDownload: (r) => void this.download(r),
        onDelete: (r) => void this.deleteOne(r),
      })}
      <p class="kept">
        ${tr.t('reports.kept', { count: this.reports.length, limit: this.limit })}
        ${this.reports.length >= this.limit ? tr.t('reports.full') : nothing}
      </p>`;
  }
}
