import { Task, TaskStatus } from '@lit/task';
import { html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { AgentRow, QueueRow } from '../../contract/live.js';
import { apiFetch, FloorviewApiError, type ApiTarget } from '../core/api.js';
import { FvErrorEvent } from '../core/events.js';
import { FloorviewElement } from '../core/floorview-element.js';
import { collator } from '../core/format.js';
import type { Lang } from '../core/i18n/index.js';
import { localName } from '../core/local-name.js';
import { SignInController } from '../core/sign-in.js';
import { CallsDialog, type DrillDown } from './calls-dialog.js';
import type { Order } from './chart-box.js';
import { FvDrillDownEvent } from './events.js';
import { GridNavigation } from './grid-navigation.js';
import { renderToolbar, type FilterChoice, type FilterOptions } from './history-toolbar.js';
import type { HistoryTranslator } from './i18n/index.js';
import { datesOf, idList, RANGE_PRESETS, statsParams, type RangeChoice, type RangePreset } from './range.js';

/** Ranked lists (top N) in each answer. */
export const TOP = 10;

const NO_OPTIONS: FilterOptions = { queues: [], agents: [], locations: [] };

/** The queues and agents in scope, and their locations: what the filters offer. */
async function fetchOptions(target: ApiTarget, signal: AbortSignal, lang: Lang): Promise<FilterOptions> {
  const [{ queues }, { agents }] = await Promise.all([
    apiFetch<{ queues: QueueRow[] }>(target, '/api/v1/queues', { signal }),
    apiFetch<{ agents: AgentRow[] }>(target, '/api/v1/agents', { signal }),
  ]);
  return {
    queues: queues.map((q) => ({ id: q.queueId, name: localName(q.queueName, q.queueNames, lang) })),
    agents: agents.map((a) => ({ id: a.agentId, name: a.name })),
    locations: [...new Set([...queues, ...agents].flatMap((x) => (x.location ? [x.location] : [])))],
  };
}

function sortedOptions(options: FilterOptions, c: Intl.Collator): FilterOptions {
  const byName = (a: { name: string }, b: { name: string }) => c.compare(a.name, b.name);
  return { queues: [...options.queues].sort(byName), agents: [...options.agents].sort(byName), locations: [...options.locations].sort(c.compare) };
}

/**
 * What the history widgets (agent statistics, queue history, wrap-up
 * statistics) share: the range and filter attributes, the toolbar, loading the
 * figures for them (again when they change), rankings in either order, the
 * sign-in prompt, loading, empty and error states, and the drill-down dialog.
 * A widget names its endpoint and renders its figures.
 */
export abstract class HistoryElement<T> extends FloorviewElement {
  /** `today`, `yesterday`, `last7` (default), `last30` or `custom` (then `from` and `to`). */
  @property() accessor range: RangePreset = 'last7';
  /** First day of a custom range, `YYYY-MM-DD`. */
  @property() accessor from = '';
  /** Last day of a custom range, included. */
  @property() accessor to = '';
  /** Each day, only from this local time (`HH:MM`). */
  @property({ attribute: 'time-from' }) accessor timeFrom = '';
  /** Each day, only until this local time. */
  @property({ attribute: 'time-to' }) accessor timeTo = '';
  /** Only these queues (ids, comma-separated). */
  @property() accessor queue = '';
  /** Only these agents (ids, comma-separated). */
  @property() accessor agent = '';
  /** Only this location. */
  @property() accessor location = '';

  protected abstract readonly endpoint: 'agents' | 'queues' | 'wrapups';
  protected abstract get i18n(): HistoryTranslator;
  protected abstract get heading(): string;
  /** Whether the answer has any calls to show. */
  protected abstract hasData(data: T): boolean;
  /** KPIs, charts and tables. */
  protected abstract renderFigures(data: T): unknown;
  /** Offer the agent filter. */
  protected readonly agentFilter: boolean = true;

  /** Rankings someone asked to see lowest first: the answer in ascending order is loaded too. */
  private lowestWanted = false;

  protected readonly stats = new Task(this, {
    task: ([api, token, query], { signal }) => this.load(api, token, query, 'desc', signal),
    args: () => [this.target.api, this.target.token, this.query] as const,
  });

  private readonly lowest = new Task(this, {
    task: ([api, token, query, wanted], { signal }) => (wanted ? this.load(api, token, query, 'asc', signal) : Promise.resolve(null)),
    args: () => [this.target.api, this.target.token, this.query, this.lowestWanted] as const,
  });

  private readonly options = new Task(this, {
    task: ([api, token, lang], { signal }) => fetchOptions({ api, token }, signal, lang).catch(() => NO_OPTIONS),
    args: () => [this.target.api, this.target.token, this.i18n.lang] as const,
  });

  /** Every table, the calls dialog's too, is one Tab stop with arrow keys inside. */
  private readonly grid = new GridNavigation(this);

  protected readonly calls = new CallsDialog(this, { target: () => this.target, params: () => this.params, root: () => this.renderRoot });

  private readonly signIn = new SignInController(this, () => this.target.api, () => {
    void this.stats.run();
    void this.options.run();
  });

  /** The zone dates are read in: `time-zone`, the provider's, else the browser's. */
  protected get timeZoneName(): string {
    return this.zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  protected get choice(): RangeChoice {
    const preset = (RANGE_PRESETS as readonly string[]).includes(this.range) ? this.range : 'last7';
    return { preset, from: this.from, to: this.to, timeFrom: this.timeFrom, timeTo: this.timeTo };
  }

  /** The range and filter parameters of every request; null while a custom range is incomplete. */
  protected get params(): Record<string, string> | null {
    const dates = datesOf(this.choice, this.timeZoneName);
    if (!dates) return null;
    const filters = { queues: idList(this.queue), agents: this.agentFilter ? idList(this.agent) : [], location: this.location };
    return statsParams(dates, this.choice, this.timeZoneName, filters);
  }

  private get query(): string | null {
    const params = this.params;
    return params ? new URLSearchParams(params).toString() : null;
  }

  private async load(api: string, token: string | null, query: string | null, order: Order, signal: AbortSignal): Promise<T | null> {
    if (query === null) return null;
    try {
      return await apiFetch<T>({ api, token }, `/api/v1/stats/${this.endpoint}?${query}&order=${order}&limit=${TOP}`, { signal });
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
    const filters: FilterChoice = { queue: idList(this.queue)[0] ?? '', agent: idList(this.agent)[0] ?? '', location: this.location };
    const busy = this.stats.status === TaskStatus.PENDING && this.stats.value !== undefined;
    return html`<div part="base" class="base ${this.themeClass}" lang=${tr.lang}>
      ${renderToolbar({
        tr,
        title: this.heading,
        choice: this.choice,
        timeZone: this.timeZoneName,
        filters,
        options: sortedOptions(this.options.value ?? NO_OPTIONS, collator(tr.lang)),
        agentFilter: this.agentFilter,
        status: html`<span class="muted status" role="status">${busy ? tr.t('history.updating') : ''}</span>`,
        onRange: (c) => {
          if (c.preset !== undefined) this.range = c.preset;
          if (c.from !== undefined) this.from = c.from;
          if (c.to !== undefined) this.to = c.to;
          if (c.timeFrom !== undefined) this.timeFrom = c.timeFrom;
          if (c.timeTo !== undefined) this.timeTo = c.timeTo;
        },
        onFilter: (f) => {
          if (f.queue !== undefined) this.queue = f.queue;
          if (f.agent !== undefined) this.agent = f.agent;
          if (f.location !== undefined) this.location = f.location;
        },
      })}
      <div class="content" aria-busy=${this.stats.status === TaskStatus.PENDING ? 'true' : 'false'}>${this.renderState(tr)}</div>
      ${this.calls.render(tr, this.zone)}
    </div>`;
  }

  private renderState(tr: HistoryTranslator) {
    if (this.params === null) return html`<p class="empty">${tr.t('range.incomplete')}</p>`;
    const error = this.stats.error;
    if (this.stats.status === TaskStatus.ERROR && error instanceof FloorviewApiError && error.status === 401) {
      return this.target.token ? html`<p class="alert" role="alert">${tr.t('signIn.tokenRefused')}</p>` : this.signIn.render(tr);
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
