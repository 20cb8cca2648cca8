import { html } from 'lit';
import { formatDuration, formatNumber } from '../core/format.js';
import { levelIcon, levelText } from './figure.js';
import type { QueueRealtimeTranslator } from './i18n/index.js';
import { levelOf, type Thresholds } from './levels.js';
import type { QueueFigures } from './queue-figures.js';

/**
 * The agents a queue needs now, and how that compares with those staffed: "14 — short
 * by 3", "9 — 2 spare"; for the aggregate, what its queues are short of together. Flagged like the other figures (colour, shape, words) when
 * the shortfall crosses its thresholds; its title says what the need is based on.
 */
export function renderStaffing(f: QueueFigures, t: Thresholds, tr: QueueRealtimeTranslator) {
  const short = f.agentsShort;
  if (f.agentsRequired === null || short === null) {
    return html`<span class="figure level-ok" data-metric="agentsShort" data-level="ok"
      ><span aria-hidden="true">—</span><span class="visually-hidden">${tr.t('staffing.unknown')}</span></span
    >`;
  }
  const n = (v: number) => formatNumber(v, tr.lang);
  const level = levelOf('agentsShort', short, t);
  const said = levelText('agentsShort', level, t, tr);
  const gap =
    short > 0
      ? tr.t('staffing.short', { count: n(short) })
      : short < 0
        ? tr.t('staffing.spare', { count: n(-short) })
        : tr.t(f.aggregate ? 'staffing.noneShort' : 'staffing.enough');
  const basis =
    f.recentAhtSeconds === null
      ? ''
      : tr.t('staffing.basis', { calls: n(f.recentCalls), aht: formatDuration(f.recentAhtSeconds, tr.lang) });
  return html`<span class="figure level-${level}" data-metric="agentsShort" data-level=${level} title=${basis}
      >${levelIcon(level)}<span class="value">${n(f.agentsRequired)}</span>${said
        ? html`<span class="visually-hidden">, ${said}</span>`
        : ''}</span
    >
    <span class="detail staffing-gap level-${level}">${gap}</span>`;
}
