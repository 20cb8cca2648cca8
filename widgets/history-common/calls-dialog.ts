import { localName } from '../../common/local-name.js';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { CallRow } from '../../contract/stats.js';
import { api, FloorviewApiError, type ApiTarget } from '../core/api.js';
import { FvErrorEvent } from '../core/events.js';
import { formatNumber } from '../core/format.js';
import { formatValue, renderClipped } from './data-table.js';
import type { HistoryKey, HistoryTranslator } from './i18n/index.js';
import type { StatsParams } from './range.js';

/** The calls behind one figure: its words, and the `/stats/calls` parameters beyond the widget's range and filters. */
export interface DrillDown {
  figure: string;
  params: Record<string, string>;
}

const PAGE = 100;
const OUTCOMES: Record<string, HistoryKey> = {
  answered: 'outcome.answered',
  abandoned: 'outcome.abandoned',
  other: 'outcome.other',
  bounced: 'outcome.bounced',
};
const instantFormats = new Map<string, Intl.DateTimeFormat>();

function formatInstant(iso: string, lang: string, timeZone: string | undefined): string {
  const key = `${lang}|${timeZone ?? ''}`;
  let f = instantFormats.get(key);
  if (!f) instantFormats.set(key, (f = new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'medium', ...(timeZone ? { timeZone } : {}) })));
  return f.format(Date.parse(iso));
}

/**
 * The drill-down dialog (`part="dialog"`): a page of the calls behind a figure,
 * more on request, exportable as CSV. Opened by a widget's figures.
 */
export class CallsDialog implements ReactiveController {
  private shown: DrillDown | null = null;
  private calls: CallRow[] = [];
  private next: string | null = null;
  private loading = false;
  private error = '';
  private abort: AbortController | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly source: {
      target(): ApiTarget;
      /** The widget's range and filter parameters. */
      params(): StatsParams | null;
      root(): ParentNode;
    },
  ) {
    host.addController(this);
  }

  /** What is shown: null when closed. */
  get drillDown(): DrillDown | null {
    return this.shown;
  }

  /** Rows loaded so far. */
  get rows(): readonly CallRow[] {
    return this.calls;
  }

  open(drill: DrillDown): void {
    this.shown = drill;
    this.calls = [];
    this.next = null;
    void this.load();
  }

  hostUpdated(): void {
    const dialog = this.source.root().querySelector<HTMLDialogElement>('dialog.calls');
    if (this.shown && dialog && !dialog.open) dialog.showModal();
  }

  hostDisconnected(): void {
    this.abort?.abort();
  }

  private async load(): Promise<void> {
    const base = this.source.params();
    if (!this.shown || !base) return;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.loading = true;
    this.error = '';
    this.host.requestUpdate();
    const query = { ...base, ...this.shown.params, limit: PAGE, cursor: this.next ?? undefined };
    try {
      const page = await api(this.source.target(), 'GET /stats/calls', { query, signal: abort.signal });
      this.calls = [...this.calls, ...page.calls];
      this.next = page.nextCursor;
    } catch (err) {
      if (abort.signal.aborted) return;
      const e = err instanceof FloorviewApiError ? err : new FloorviewApiError(0, 'network_error', String(err));
      this.error = e.message;
      this.host.dispatchEvent(new FvErrorEvent(e.code, e.message));
    } finally {
      if (!abort.signal.aborted) {
        this.loading = false;
        this.host.requestUpdate();
      }
    }
  }

  private readonly close = () => {
    this.abort?.abort();
    this.shown = null;
    this.host.requestUpdate();
  };

  private columns(tr: HistoryTranslator, timeZone: string | undefined) {
    const outcome = (o: string | null) => (o === null ? null : OUTCOMES[o] ? tr.t(OUTCOMES[o]) : o);
    return [
      { label: tr.t('calls.startedAt'), kind: 'text', text: (c: CallRow) => formatInstant(c.startedAt, tr.lang, timeZone), raw: (c: CallRow) => c.startedAt },
      { label: tr.t('calls.queue'), kind: 'text', text: (c: CallRow) => (c.queueName !== null ? localName(c.queueName, c.queueNames, tr.lang) : null) ?? (c.direction === 'outbound' ? tr.t('history.outbound') : '—'), raw: (c: CallRow) => (c.queueName !== null ? localName(c.queueName, c.queueNames, tr.lang) : null) },
      { label: tr.t('calls.agent'), kind: 'text', text: (c: CallRow) => c.agentName ?? '—', raw: (c: CallRow) => c.agentName },
      { label: tr.t('calls.outcome'), kind: 'text', text: (c: CallRow) => outcome(c.outcome) ?? '—', raw: (c: CallRow) => outcome(c.outcome) },
      { label: tr.t('calls.wait'), kind: 'duration', text: (c: CallRow) => formatValue('duration', c.waitTime, tr), raw: (c: CallRow) => c.waitTime },
      { label: tr.t('calls.talk'), kind: 'duration', text: (c: CallRow) => formatValue('duration', c.talkTime, tr), raw: (c: CallRow) => c.talkTime },
      { label: tr.t('calls.hold'), kind: 'duration', text: (c: CallRow) => formatValue('duration', c.holdTime, tr), raw: (c: CallRow) => c.holdTime },
      { label: tr.t('calls.wrapupReason'), kind: 'text', text: (c: CallRow) => (c.wrapupReason !== null ? localName(c.wrapupReason, c.wrapupReasonNames, tr.lang) : '—'), raw: (c: CallRow) => (c.wrapupReason !== null ? localName(c.wrapupReason, c.wrapupReasonNames, tr.lang) : null) },
      { label: tr.t('calls.wrapupTime'), kind: 'duration', text: (c: CallRow) => formatValue('duration', c.wrapupTime, tr), raw: (c: CallRow) => c.wrapupTime },
      { label: tr.t('calls.callId'), kind: 'text', text: (c: CallRow) => c.callId, raw: (c: CallRow) => c.callId },
    ];
  }

  render(tr: HistoryTranslator, timeZone: string | undefined) {
    if (!this.shown) return nothing;
    const title = tr.t('calls.title', { figure: this.shown.figure });
    const columns = this.columns(tr, timeZone);
    // The writer loads on the first export.
    const exportCsv = async () =>
      (await import('../core/csv.js')).downloadCsv(
        `${title}.csv`,
        columns.map((c) => c.label),
        this.calls.map((call) => columns.map((c) => c.raw(call))),
      );
    return html`<dialog part="dialog" class="calls" aria-labelledby="calls-title" @close=${this.close}>
      <div class="section-head">
        <h2 id="calls-title">${title}</h2>
        <button class="button export" ?disabled=${this.calls.length === 0} @click=${exportCsv}>${tr.t('history.export')}</button>
      </div>
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
      <div class="table-wrap calls-table" aria-busy=${this.loading ? 'true' : 'false'}>
        <table role="grid" aria-readonly="true">
          <caption class="visually-hidden">${title}</caption>
          <thead><tr>${columns.map((c) => html`<th scope="col" class=${c.kind}>${c.label}</th>`)}</tr></thead>
          <tbody>
            ${this.calls.map(
              (call) => html`<tr>${columns.map((c) => html`<td class=${c.kind}>${c.kind === 'text' ? renderClipped(c.text(call)) : c.text(call)}</td>`)}</tr>`,
            )}
          </tbody>
        </table>
        ${!this.loading && this.calls.length === 0 && !this.error ? html`<p class="empty">${tr.t('calls.none')}</p>` : nothing}
      </div>
      <div class="dialog-actions">
        <span class="muted" role="status">${this.loading ? tr.t('history.loading') : tr.tn('calls.shown', this.calls.length, { count: formatNumber(this.calls.length, tr.lang) })}</span>
        ${this.next ? html`<button class="button" ?disabled=${this.loading} @click=${() => void this.load()}>${tr.t('calls.loadMore')}</button>` : nothing}
        <button class="button primary" @click=${(e: Event) => (e.currentTarget as HTMLElement).closest('dialog')!.close()}>${tr.t('dialog.close')}</button>
      </div>
    </dialog>`;
  }
}
