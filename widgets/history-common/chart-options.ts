import { countAxis, durationAxis } from '../core/chart-axes.js';
import type { ChartOption } from '../core/chart-controller.js';
import { tooltipContent } from '../core/chart-tooltip.js';
import { formatNumber } from '../core/format.js';
import type { Lang } from '../core/i18n/index.js';
import { formatFigure } from './data-table.js';

/** echarts options of the history widgets' charts; no animation, figures read as in the tables (m:ss, 4.3%). */

/** What a chart's values are: seconds, counts, or ratios 0–1. */
export type Figures = 'duration' | 'count' | 'percent';

/** The value axis for `values` up to `max`, in at most `ticks` steps. */
function valueAxis(values: Figures, max: number, lang: Lang, ticks?: number) {
  if (values === 'duration') return durationAxis(max, lang, ticks);
  if (values === 'count') return countAxis(lang);
  return { type: 'value' as const, min: 0, ...(ticks ? { splitNumber: ticks } : {}), axisLabel: { hideOverlap: true, formatter: (v: number) => formatFigure('percent', v, lang) } };
}

export interface TrendSeries {
  name: string;
  values: (number | null)[];
  kind: 'line' | 'bar';
  /** Bars with the same stack are stacked (calls by outcome). */
  stack?: string;
}

const dayFormats = new Map<Lang, Intl.DateTimeFormat>();

/**
 * A period's tick label, short enough for a phone's width: `13:00` for an hour,
 * the month and day for a day (`12/5`, `12月5日`). The tooltip keeps the whole
 * period (`2026-12-05 13:00`).
 */
export function periodTick(period: string, lang: Lang): string {
  if (period.length > 10) return period.slice(11, 16);
  let f = dayFormats.get(lang);
  if (!f) dayFormats.set(lang, (f = new Intl.DateTimeFormat(lang, { month: 'numeric', day: 'numeric', timeZone: 'UTC' })));
  return f.format(Date.parse(`${period}T00:00:00Z`));
}

/** The largest value to draw: stacked bars add up. */
function largest(series: readonly TrendSeries[]): number {
  const stacks = new Map<string, number[]>();
  let max = 0;
  for (const s of series) {
    const sums = s.stack ? (stacks.get(s.stack) ?? stacks.set(s.stack, []).get(s.stack)!) : [];
    s.values.forEach((v, i) => {
      sums[i] = (sums[i] ?? 0) + (v ?? 0);
      max = Math.max(max, sums[i]!);
    });
  }
  return max;
}

/** A trend over the range's periods (local hours or days). */
export function trendOption(periods: readonly string[], series: readonly TrendSeries[], values: Figures, lang: Lang): ChartOption {
  const format = (v: number) => formatFigure(values, v, lang);
  return {
    animation: false,
    grid: { left: 8, right: 16, top: series.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', formatter: tooltipContent(format) },
    ...(series.length > 1 ? { legend: { top: 0 } } : {}),
    xAxis: {
      type: 'category',
      data: periods.map((p) => p.replace('T', ' ')),
      axisLabel: { hideOverlap: true, formatter: (p: string) => periodTick(p, lang) },
    },
    yAxis: valueAxis(values, largest(series), lang),
    series: series.map((s) => ({
      type: s.kind,
      name: s.name,
      data: s.values,
      ...(s.stack ? { stack: s.stack } : {}),
      ...(s.kind === 'line' ? { connectNulls: false, showSymbol: periods.length <= 48 } : {}),
    })),
  };
}

export interface Ranked {
  name: string;
  value: number;
}

/** Horizontal bars, first item on top (a top-N ranking). */
export function rankingOption(items: readonly Ranked[], values: Figures, lang: Lang): ChartOption {
  const format = (v: number) => formatFigure(values, v, lang);
  return {
    animation: false,
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', formatter: tooltipContent(format) },
    // Fewer steps across than up: a ranking is often half a row or a phone wide.
    xAxis: valueAxis(values, Math.max(0, ...items.map((i) => i.value)), lang, 4),
    yAxis: { type: 'category', inverse: true, data: items.map((i) => i.name), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [{ type: 'bar', data: items.map((i) => i.value), label: { show: true, position: 'right', formatter: (p) => format(Number(p.value)) } }],
  };
}

/**
 * Shares of a whole (calls by outcome). The slices are labelled with their counts and the legend
 * names them: a name beside a thin slice was cut short in a phone-wide chart ("Aba…").
 */
export function shareOption(items: readonly Ranked[], lang: Lang): ChartOption {
  return {
    animation: false,
    tooltip: { trigger: 'item', formatter: tooltipContent((v) => formatNumber(v, lang)) },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['45%', '70%'], top: 0, bottom: 24, data: items.map((i) => ({ name: i.name, value: i.value })), label: { formatter: (p) => formatNumber(Number(p.value), lang) } }],
  };
}
