import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { asApiError, FloorviewApiError, hasBearer } from '../core/api.js';
import { renderTokenRefusal } from '../core/token-refusal.js';
import { FvErrorEvent } from '../core/events.js';
import { SignInLoader } from '../core/sign-in-loader.js';
import { controlStyles, themeStyles } from '../core/theme.styles.js';
import { historyStyles } from '../history-common/history.styles.js';
import { RangeFilterController } from '../history-common/range-filter.js';
import { RangeFilterElement } from '../history-common/range-filter-element.js';
import { FvReportChangeEvent } from './events.js';
import { wrapupReportsCatalogs, type WrapupReportsTranslator } from './i18n/index.js';
import { downloadReport } from './report-download.js';
import { rangeLabel, renderReportList } from './report-list.js';
import { renderRequest, reportBody } from './report-request.js';
import { ReportStore } from './report-store.js';
import type { Report } from '../../contract/reports.js';
import { createReport, deleteReport } from './reports-api.js';
import { reportsStyles } from './wrapup-reports.styles.js';

/**
 * @summary Wrap-up reason reports (C10): choose a range and filters, generate
 * a report in the background, watch its status live (queued, generating with
 * progress, ready, failed with the reason), download it as CSV, delete it. At
 * most 50 are kept per supervisor; when generating one deletes the oldest, the
 * widget says so. Supervisors only.
 *
 * @attr token - A supervisor's bearer token (from `/auth/login`); default: the session cookie.
 * @attr lang - `en`, `zh-CN` or a registered language; default: the enclosing `fv-provider`, else the page's `lang`. The CSV's header row comes in the built-in language the tag falls back to.
 * @attr time-zone - IANA zone of the range's dates and of every time in the CSV; default: the browser's.
 * @attr range - `today`, `yesterday`, `last7` (default), `last30` or `custom`.
 * @attr from - First day of a custom range, `YYYY-MM-DD`.
 * @attr to - Last day of a custom range (included).
 * @attr time-from - Each day, only from this local time, `HH:MM`.
 * @attr time-to - Each day, only until this local time.
 * @attr queue - Only these queues (ids, comma-separated).
 * @attr agent - Only these agents (ids, comma-separated).
 * @attr location - Only agents at this location.
 *
 * @fires {FvReportChangeEvent} fv-report-change - A report became `ready` or `failed`; `report`.
 * @fires {FvErrorEvent} fv-error - Generating, downloading, deleting or loading failed; `code`, `message`.
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
 */
export class FvWrapupReports extends RangeFilterElement {
  static override styles = [themeStyles, controlStyles, historyStyles, reportsStyles];

  @state() private accessor requesting = false;
  @state() private accessor notice: { kind: 'info' | 'error'; text: string } | null = null;
  /** Said to screen readers (a polite live region): requested, ready, failed, deleted. */
  @state() private accessor announcement = '';

  private readonly store = new ReportStore(this, {
    target: () => this.target,
    finished: (report) => {
      this.announcement = this.i18n.t(report.status === 'ready' ? 'reports.ready' : 'reports.failed', { range: rangeLabel(report) });
      this.dispatchEvent(new FvReportChangeEvent(report));
    },
    // Deleted by the limit from another tab or window: say so here too.
    dropped: (ranges) => this.droppedNotice(ranges),
  });
  private readonly rangeFilter = new RangeFilterController(this, { target: () => this.target, zone: () => this.zone, lang: () => this.i18n.lang });
  private readonly signIn = new SignInLoader(this, () => this.target.api, () => {
    this.store.reconnect();
    this.rangeFilter.reload();
    this.store.load();
  }, () => import('../core/sign-in.js'));

  private get i18n(): WrapupReportsTranslator {
    return this.translatorFor(wrapupReportsCatalogs);
  }

  private droppedNotice(ranges: string[]): void {
    this.notice = { kind: 'info', text: this.i18n.tn('reports.dropped', ranges.length, { ranges: ranges.join(', '), limit: this.store.limit }) };
  }

  private failed(err: unknown, format: (message: string) => string): void {
    const error = asApiError(err);
    const message = error.status === 0 ? this.i18n.t('error.network') : error.message;
    this.notice = { kind: 'error', text: format(message) };
    this.dispatchEvent(new FvErrorEvent(error.code, this.notice.text));
  }

  private async generate(): Promise<void> {
    const body = reportBody(this.rangeFilter.params, this.i18n.lang);
    if (!body || this.requesting) return;
    const tr = this.i18n;
    this.requesting = true;
    this.notice = null;
    try {
      const { report, dropped } = await createReport(this.target, body);
      for (const d of dropped) this.store.forget(d.id);
      this.store.upsert(report);
      this.announcement = tr.t('reports.requested', { range: rangeLabel(report) });
      if (dropped.length > 0) this.droppedNotice(dropped.map(rangeLabel));
    } catch (err) {
      this.failed(err, (message) => tr.t('reports.generateFailed', { message }));
    } finally {
      this.requesting = false;
    }
  }

  private async download(report: Report): Promise<void> {
    try {
      await downloadReport(this.target, report);
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
    this.store.forget(report.id);
    this.announcement = this.i18n.t('reports.deleted', { range: rangeLabel(report) });
  }

  protected override render() {
    const tr = this.i18n;
    const request = renderRequest({
      tr,
      body: reportBody(this.rangeFilter.params, tr.lang),
      requesting: this.requesting,
      ready: this.store.loaded,
      onGenerate: () => void this.generate(),
    });
    return html`<div part="base" class="base ${this.themeClass}" lang=${tr.lang}>
      ${this.rangeFilter.renderToolbar(tr, tr.t('reports.title'), request)}
      ${this.notice
        ? html`<div part="notice" class="notice ${this.notice.kind}" role=${this.notice.kind === 'error' ? 'alert' : 'status'}>
            <p>${this.notice.text}</p>
            <button class="dismiss" aria-label=${tr.t('error.dismiss')} @click=${() => (this.notice = null)}><span aria-hidden="true">×</span></button>
          </div>`
        : nothing}
      <div class="content">${this.renderList(tr)}</div>
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </div>`;
  }

  private renderList(tr: WrapupReportsTranslator) {
    const { reports, limit, loaded, loadError: error } = this.store;
    if (error?.status === 401) {
      return hasBearer(this.target) ? renderTokenRefusal(tr, error.code) : this.signIn.render(tr);
    }
    if (error && !loaded) {
      return html`<div part="alert" class="alert" role="alert">
        <p>${error.status === 0 ? tr.t('error.network') : error.message}</p>
        <button class="button" @click=${() => this.store.load()}>${tr.t('history.retry')}</button>
      </div>`;
    }
    if (!loaded) return html`<p class="empty" role="status">${tr.t('reports.loading')}</p>`;
    if (reports.length === 0) return html`<p class="empty">${tr.t('reports.empty')}</p>`;
    return html`${renderReportList({
        tr,
        reports,
        names: this.rangeFilter.offers,
        timeZone: this.zone,
        onDownload: (r) => void this.download(r),
        onDelete: (r) => void this.deleteOne(r),
      })}
      <p class="kept">
        ${tr.t('reports.kept', { count: reports.length, limit })}
        ${reports.length >= limit ? tr.t('reports.full') : nothing}
      </p>`;
  }
}
