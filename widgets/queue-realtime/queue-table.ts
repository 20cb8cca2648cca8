import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { formatNumber } from '../core/format.js';
import { renderFigure } from './figure.js';
import type { QueueRealtimeTranslator } from './i18n/index.js';
import type { Thresholds } from './levels.js';
import { metricValues, type QueueFigures } from './queue-figures.js';
import { renderStaffing } from './staffing.js';

/** What both views need to draw the figures. */
export interface ViewContext {
  tr: QueueRealtimeTranslator;
  thresholds: Thresholds;
  /** Now on the server's clock, ms: the longest waits tick against it. */
  now: number;
  /** Queues with an open alert. */
  alerted: ReadonlySet<string>;
}

const COLUMNS = [
  'column.waiting',
  'column.longestWait',
  'column.totalAgents',
  'column.staffedAgents',
  'column.idleAgents',
  'column.unavailableAgents',
  'column.agentsRequired',
  'column.serviceLevel',
  'column.abandonRate',
  'column.callsToday',
] as const;

/** The table view: a row per queue, the aggregate in the footer. */
export function renderTable(queues: readonly QueueFigures[], aggregate: QueueFigures | null, ctx: ViewContext) {
  const { tr } = ctx;
  return html`<table part="table" class="table">
    <caption class="visually-hidden">${tr.t('queues.title')} (${tr.t('queues.todayNote')})</caption>
    <thead>
      <tr>
        <th scope="col">${tr.t('column.queue')}</th>
        ${COLUMNS.map((c) => html`<th scope="col" class="num">${tr.t(c)}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${repeat(queues, (q) => q.key, (q) => renderRow(q, ctx))}
    </tbody>
    ${aggregate ? html`<tfoot>${renderRow(aggregate, ctx)}</tfoot>` : nothing}
  </table>`;
}

function renderRow(f: QueueFigures, ctx: ViewContext) {
  const { tr, thresholds: t } = ctx;
  const values = metricValues(f, ctx.now);
  const n = (v: number) => formatNumber(v, tr.lang);
  return html`<tr part=${f.aggregate ? 'row aggregate' : 'row'} class=${ctx.alerted.has(f.key) ? 'alerted' : ''} data-queue=${f.key}>
    <th scope="row" class="name">
      ${f.name}${f.aggregate ? html` <span class="muted">${tr.tn('aggregate.count', f.queues)}</span>` : nothing}
    </th>
    <td class="num">${renderFigure('waiting', values.waiting, t, tr)}</td>
    <td class="num">${renderFigure('longestWait', values.longestWait, t, tr)}</td>
    <td class="num">${n(f.totalAgents)}</td>
    <td class="num">${n(f.staffedAgents)}</td>
    <td class="num">${n(f.idleAgents)}</td>
    <td class="num">${n(f.unavailableAgents)}</td>
    <td class="num">${renderStaffing(f, t, tr)}</td>
    <td class="num">${renderFigure('serviceLevel', values.serviceLevel, t, tr)}</td>
    <td class="num">${renderFigure('abandonRate', values.abandonRate, t, tr)}</td>
    <td class="num">
      <span class="value">${n(f.totalCalls)}</span>
      <span class="detail">${tr.t('calls.detail', { answered: n(f.answered), abandoned: n(f.abandoned) })}</span>
    </td>
  </tr>`;
}
