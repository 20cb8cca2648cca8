import { html, nothing, type TemplateResult } from 'lit';
import { formatDuration } from '../core/format.js';
import type { QueueRealtimeTranslator } from './i18n/index.js';
import type { TrendMode } from './trend-chart.js';

export type QueueView = 'table' | 'tiles';

export interface ToolbarOptions {
  tr: QueueRealtimeTranslator;
  view: QueueView;
  trend: TrendMode;
  /** The wallboard shows no controls: nobody stands at a wall screen to press them. */
  controls: boolean;
  status: TemplateResult;
  /** Seconds since the rows on screen were current; null while live. */
  age: number | null;
  onView(view: QueueView): void;
  onTrend(mode: Exclude<TrendMode, 'none'>): void;
  /** Saves the queues as shown as CSV; the wallboard has no controls, so no export. */
  onExport(): void;
  /** The open alerts' count (a button opening their list), once any is open. */
  alerts: unknown;
}

function segmented<T extends string>(label: string, options: readonly [T, string][], current: T, choose: (value: T) => void) {
  return html`<div class="segmented" role="group" aria-label=${label}>
    ${options.map(
      ([value, text]) => html`<button type="button" class="button" aria-pressed=${value === current ? 'true' : 'false'} @click=${() => choose(value)}>${text}</button>`,
    )}
  </div>`;
}

/** Title, view and trend switches, and the connection status with the age of the data when not live. */
export function renderToolbar(o: ToolbarOptions) {
  const { tr } = o;
  return html`<div part="header" class="toolbar">
    <h2 class="title">${tr.t('queues.title')}</h2>
    ${o.controls
      ? html`${segmented(tr.t('queues.view'), [['table', tr.t('queues.view.table')], ['tiles', tr.t('queues.view.tiles')]], o.view, o.onView)}
        ${o.trend === 'none'
          ? nothing
          : segmented(tr.t('trend.mode'), [['queues', tr.t('trend.mode.queues')], ['total', tr.t('trend.mode.total')]], o.trend, o.onTrend)}
        <button type="button" class="button export" aria-label=${tr.t('export.csvLabel', { table: tr.t('queues.title') })} @click=${o.onExport}>${tr.t('export.csv')}</button>`
      : nothing}
    <span class="status-line">
      ${o.alerts}${o.status}${o.age === null ? nothing : html`<span part="age" class="age"> · ${tr.t('queues.age', { age: formatDuration(o.age, tr.lang) })}</span>`}
    </span>
  </div>`;
}
