import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { formatNumber } from '../core/format.js';
import { levelIcon, renderFigure } from './figure.js';
import { levelsOf, worst } from './levels.js';
import { metricValues, type QueueFigures } from './queue-figures.js';
import type { ViewContext } from './queue-table.js';
import { renderStaffing } from './staffing.js';

/** The tiles view: one card per queue, the aggregate first; big figures for a wall screen. */
export function renderTiles(queues: readonly QueueFigures[], aggregate: QueueFigures | null, ctx: ViewContext) {
  const all = aggregate ? [aggregate, ...queues] : queues;
  return html`<ul part="tiles" class="tiles" role="list">
    ${repeat(all, (q) => q.key, (q) => renderTile(q, ctx))}
  </ul>`;
}

function renderTile(f: QueueFigures, ctx: ViewContext) {
  const { tr, thresholds: t } = ctx;
  const values = metricValues(f, ctx.now);
  const level = worst(Object.values(levelsOf(values, t)));
  const n = (v: number) => formatNumber(v, tr.lang);
  const item = (label: string, value: unknown, main = false) =>
    html`<div class=${main ? 'item main' : 'item'}><dt>${label}</dt><dd>${value}</dd></div>`;
  return html`<li
    part=${f.aggregate ? 'tile aggregate' : 'tile'}
    class="tile level-${level} ${f.aggregate ? 'aggregate' : ''} ${ctx.alerted.has(f.key) ? 'alerted' : ''}"
    data-queue=${f.key}
  >
    <h3 class="tile-name">
      <span class="name-text" title=${f.name}>${f.name}</span>
      ${f.aggregate ? html`<span class="muted count" title=${tr.tn('aggregate.count', f.queues)}>${tr.tn('aggregate.count', f.queues)}</span>` : nothing}
      ${level === 'ok' ? nothing : html`<span part="badge" class="badge level-${level}">${levelIcon(level)}<span class="badge-text">${tr.t(`level.${level}`)}</span></span>`}
    </h3>
    <dl class="tile-main">
      ${item(tr.t('column.waiting'), renderFigure('waiting', values.waiting, t, tr), true)}
      ${item(tr.t('column.longestWait'), renderFigure('longestWait', values.longestWait, t, tr), true)}
      ${item(tr.t('column.agentsRequired'), renderStaffing(f, t, tr), true)}
    </dl>
    <dl class="tile-today">
      ${item(tr.t('column.serviceLevel'), renderFigure('serviceLevel', values.serviceLevel, t, tr))}
      ${item(tr.t('column.abandonRate'), renderFigure('abandonRate', values.abandonRate, t, tr))}
      ${item(tr.t('column.callsToday'), html`<span class="value">${n(f.totalCalls)}</span>`)}
    </dl>
    <dl class="tile-agents">
      ${item(tr.t('column.totalAgents'), n(f.totalAgents))} ${item(tr.t('column.staffedAgents'), n(f.staffedAgents))}
      ${item(tr.t('column.idleAgents'), n(f.idleAgents))} ${item(tr.t('column.unavailableAgents'), n(f.unavailableAgents))}
    </dl>
  </li>`;
}
