import { html, nothing, svg } from 'lit';
import { formatDuration, formatNumber, formatPercent } from '../core/format.js';
import type { QueueRealtimeTranslator } from './i18n/index.js';
import { levelOf, thresholdsOf, type Level, type Metric, type Thresholds } from './levels.js';

/**
 * A figure with its threshold level shown three ways: colour, a shape (a
 * triangle for a warning, an octagon for an alert) and words for assistive
 * technology — never colour alone.
 */

const ICONS: Record<Exclude<Level, 'ok'>, ReturnType<typeof svg>> = {
  warn: svg`<path d="M8 1.5 15 14.5H1z" fill="currentColor"/><path d="M8 6v4M8 11.6v1" stroke="var(--_surface)" stroke-width="1.6" stroke-linecap="round"/>`,
  alert: svg`<path d="M5.1 1h5.8L15 5.1v5.8L10.9 15H5.1L1 10.9V5.1z" fill="currentColor"/><path d="M8 4.2v4.6M8 11v.8" stroke="var(--_surface)" stroke-width="1.8" stroke-linecap="round"/>`,
};

export function levelIcon(level: Level) {
  if (level === 'ok') return nothing;
  return html`<svg class="level-icon" part="level-icon" viewBox="0 0 16 16" aria-hidden="true">${ICONS[level]}</svg>`;
}

/** The threshold a figure crossed, in words: "Alert: 6 or more waiting". */
export function levelText(metric: Metric, level: Level, t: Thresholds, tr: QueueRealtimeTranslator): string {
  if (level === 'ok') return '';
  const limit = thresholdsOf(metric, t)[level]!;
  const value =
    metric === 'longestWait'
      ? formatDuration(limit, tr.lang)
      : metric === 'waiting' || metric === 'agentsShort'
        ? formatNumber(limit, tr.lang)
        : formatPercent(limit, tr.lang, 1);
  return tr.t(`threshold.${metric}`, { level: tr.t(`level.${level}`), value });
}

export function formatFigure(metric: Metric, value: number | null, lang: QueueRealtimeTranslator['lang']): string | null {
  if (value === null) return null;
  switch (metric) {
    case 'waiting':
    case 'agentsShort':
      return formatNumber(value, lang);
    case 'longestWait':
      return formatDuration(value, lang);
    case 'serviceLevel':
      return formatPercent(value, lang);
    case 'abandonRate':
      return formatPercent(value, lang, 1);
  }
}

/** A figure that can cross a threshold; `value` null (no calls yet) shows a dash. */
export function renderFigure(metric: Metric, value: number | null, t: Thresholds, tr: QueueRealtimeTranslator) {
  const level = levelOf(metric, value, t);
  const text = formatFigure(metric, value, tr.lang);
  const said = levelText(metric, level, t, tr);
  return html`<span class="figure level-${level}" data-metric=${metric} data-level=${level}
    >${levelIcon(level)}${text === null
      ? html`<span aria-hidden="true">—</span><span class="visually-hidden">${tr.t('figure.none')}</span>`
      : html`<span class="value">${text}</span>`}${said ? html`<span class="visually-hidden">, ${said}</span>` : nothing}</span
  >`;
}
