import { Task, TaskStatus } from '@lit/task';
import { html, type PropertyValues } from 'lit';
import { api, credentialKey, FloorviewApiError, hasBearer } from '../core/api.js';
import { renderTokenRefusal } from '../core/token-refusal.js';
import { FvErrorEvent } from '../core/events.js';
import { SignInLoader } from '../core/sign-in-loader.js';
import { CallsDialog, type DrillDown } from './calls-dialog.js';
import type { Order } from './chart-box.js';
import { FvDrillDownEvent } from './events.js';
import { GridNavigation } from './grid-navigation.js';
import type { HistoryTranslator } from './i18n/index.js';
import { RangeFilterController } from './range-filter.js';
import type { StatsParams } from './range.js';
import { RangeFilterElement } from './range-filter-element.js';

/** Ranked lists (top N) in each answer. */
export const TOP = 10;

/**
 * What the history widgets (agent statistics, queue history, wrap-up
 * statistics) share: the range and filter attributes, the toolbar, loading the
 * figures for them (again when they change), rankings in either order, the
 * sign-in prompt, loading, empty and error states, and the drill-down dialog.
 * A widget names its endpoint and renders its figures.
 */
export abstract class HistoryElement<T> extends RangeFilterElement {
  protected abstract readonly endpoint: 'agents' | 'queues' | 'wrapups';
  protected abstract get i18n(): HistoryTranslator;
  protected abstract get heading(): string;
  /** Whether the answer has any calls to show. */
  protected abstract hasData(data: T): boolean;
  /** KPIs, charts and tables. */
  protected abstract renderFigures(data: T): unknown;
  /** Rankings someone asked to see lowest first: the answer in ascending order is loaded too. */
  private lowestWanted = false;

  protected readonly stats = new Task(this, {
    task: ([, , query], { signal }) => this.load(query, 'desc', signal),
    args: () => [this.target.api, credentialKey(this.target), this.query] as const,
  });

  private readonly lowest = new Task(this, {
    task: ([, , query, wanted], { signal }) => (wanted ? this.load(query, 'asc', signal) : Promise.resolve(null)),
    args: () => [this.target.api, credentialKey(this.target), this.query, this.lowestWanted] as const,
  });

  private readonly rangeFilter = new RangeFilterController(this, { target: () => this.target, zone: () => this.zone, lang: () => this.i18n.lang });

  /** Every table, the calls dialog's too, is one Tab stop with arrow keys inside. */
  private readonly grid = new GridNavigation(this);

  protected readonly calls = new CallsDialog(this, { target: () => this.target, params: () => this.params, root: () => this.renderRoot });

  private readonly signIn = new SignInLoader(this, () => this.target.api, () => {
    void this.stats.run();
    this.rangeFilter.reload();
  }, () => import('../core/sign-in.js'));

  /** The range and filter parameters of every request; null while a custom range is incomplete. */
  protected get params(): StatsParams | null {
    return this.rangeFilter.params;
  }

  private get query(): string | null {
    const params = this.params;
    return params ? new URLSearchParams(params).toString() : null;
  }

  /** `query` stands for the parameters in the task's arguments: a string, so an equal one does not load again. */
  private async load(query: string | null, order: Order, signal: AbortSignal): Promise<T | null> {
    if (query === null) return null;
    try {
      return (await api(this.target, `GET /stats/${this.endpoint}`, { query: { ...this.params!, order, limit: TOP }, signal })) as T;
    } catch (err) {
      if (err instanceof FloorviewApiError && err.status !== 401) this.dispatchEvent(new FvErrorEvent(err.code, err.message));
      throw err;
    }
  }

  /** The answer whose rankings run in `order` (null while it loads). */
  protected ranked(order: Order): T | null {
    if (order === 'desc') return this.stats.value ?? null;
    return this.lowest.status === TaskStatus.COMPLETE ? (this.lowest.value ?? null) : null;
  }

  /** A ranking was switched to lowest first: from now on the ascending answer is loaded too. */
  protected wantLowest(): void {
    this.lowestWanted = true;
    this.requestUpdate();
  }

  /** Opens the calls behind a figure, and tells the page. */
  protected drill(drill: DrillDown): void {
    this.dispatchEvent(new FvDrillDownEvent(drill.figure, { ...this.params, ...drill.params }));
    this.calls.open(drill);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.afterRender();
  }

  /** After each render (charts bind their clicks here). */
  protected afterRender(): void {}

  protected override render() {
    const tr = this.i18n;
    const busy = this.stats.status === TaskStatus.PENDING && this.stats.value !== undefined;
    return html`<div part="base" class="base ${this.themeClass}" lang=${tr.lang}>
      ${this.rangeFilter.renderToolbar(tr, this.heading, html`<span class="muted status" role="status">${busy ? tr.t('history.updating') : ''}</span>`)}
      <div class="content" aria-busy=${this.stats.status === TaskStatus.PENDING ? 'true' : 'false'}>${this.renderState(tr)}</div>
      ${this.calls.render(tr, this.zone)}
    </div>`;
  }

  private renderState(tr: HistoryTranslator) {
    if (this.params === null) return html`<p class="empty">${tr.t('range.incomplete')}</p>`;
    const error = this.stats.error;
    if (this.stats.status === TaskStatus.ERROR && error instanceof FloorviewApiError && error.status === 401) {
      return hasBearer(this.target) ? renderTokenRefusal(tr, error.code) : this.signIn.render(tr);
    }
    if (this.stats.status === TaskStatus.ERROR) {
      const message = error instanceof FloorviewApiError && error.status !== 0 ? error.message : tr.t('error.network');
      return html`<div part="alert" class="alert" role="alert">
        <p>${message}</p>
        <button class="button" @click=${() => void this.stats.run()}>${tr.t('history.retry')}</button>
      </div>`;
    }
    const data = this.stats.value;
    if (!data) return html`<p class="empty" role="status">${tr.t('history.loading')}</p>`;
    if (!this.hasData(data)) return html`<p class="empty">${tr.t('history.empty')}</p>`;
    return this.renderFigures(data);
  }
}
