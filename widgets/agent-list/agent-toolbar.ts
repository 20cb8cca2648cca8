import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatNumber } from '../core/format.js';
import type { AgentListTranslator } from './i18n/index.js';
import { STATE_FILTERS, type AgentFilter, type AgentListView, type StateFilter } from './agent-view.js';

export interface ToolbarContext {
  tr: AgentListTranslator;
  filter: AgentFilter;
  view: AgentListView;
  /** Queues in the viewer's scope, sorted for display. */
  queues: readonly { id: string; name: string }[];
  shown: number;
  total: number;
  status: TemplateResult;
  onFilter(change: Partial<AgentFilter>): void;
  onView(view: AgentListView): void;
  /** Saves the rows as shown (current filters and order) as CSV. */
  onExport(): void;
}

/** Search, queue and state filters, the view switch, CSV export, the count and the connection indicator (`part="header"`). */
export function renderToolbar(ctx: ToolbarContext) {
  const { tr, filter } = ctx;
  return html`<div part="header" class="toolbar">
    <input
      class="field search"
      type="search"
      aria-label=${tr.t('agents.search')}
      placeholder=${tr.t('agents.search')}
      .value=${live(filter.search)}
      @input=${(e: Event) => ctx.onFilter({ search: (e.target as HTMLInputElement).value })}
    />
    <select class="field" aria-label=${tr.t('agents.queueFilter')} @change=${(e: Event) => ctx.onFilter({ queue: (e.target as HTMLSelectElement).value })}>
      <option value="" ?selected=${filter.queue === ''}>${tr.t('agents.allQueues')}</option>
      ${ctx.queues.map((q) => html`<option value=${q.id} ?selected=${filter.queue === q.id}>${q.name}</option>`)}
    </select>
    <select
      class="field"
      aria-label=${tr.t('agents.stateFilter')}
      @change=${(e: Event) => ctx.onFilter({ state: (e.target as HTMLSelectElement).value as StateFilter })}
    >
      <option value="" ?selected=${filter.state === ''}>${tr.t('agents.allStates')}</option>
      ${STATE_FILTERS.map((s) => html`<option value=${s} ?selected=${filter.state === s}>${tr.t(`state.${s}`)}</option>`)}
    </select>
    <div class="segmented" role="group" aria-label=${tr.t('agents.view')}>
      ${(['list', 'queue'] as const).map(
        (v) => html`<button class="button" aria-pressed=${ctx.view === v ? 'true' : 'false'} @click=${() => ctx.onView(v)}>${tr.t(`agents.view.${v}`)}</button>`,
      )}
    </div>
    <button class="button export" aria-label=${tr.t('export.csvLabel', { table: tr.t('agents.title') })} @click=${ctx.onExport}>${tr.t('export.csv')}</button>
    <span class="count muted">${tr.tn('agents.count', ctx.total, { shown: formatNumber(ctx.shown, tr.lang), total: formatNumber(ctx.total, tr.lang) })}</span>
    ${ctx.status}
  </div>`;
}
