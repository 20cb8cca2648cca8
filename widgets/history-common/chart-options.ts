import type { ChartOption } from '../core/chart-controller.js';
import { formatDuration, formatNumber } from '../core/format.js';
import type { Lang } from '../core/i18n/index.js';

/** echarts options of the history widgets' charts; no animation, durations in seconds read as m:ss. */

export interface TrendSeries {
  name: string;
  values: (number | null)[];
  kind: 'line' | 'bar';
  /** Bars with the same stack are stacked (calls by outcome). */
  stack?: string;
}

const durationAxis = (lang: Lang) => ({ type: 'value' as const, axisLabel: { hideOverlap: true, formatter: (v: number) => formatDuration(v, lang) } });
const countAxis = (lang: Lang) => ({ type: 'value' as const, minInterval: 1, axisLabel: { hideOverlap: true, formatter: (v: number) => formatNumber(v, lang) } });

/** A trend over the range's periods (local hours or days). */
export function trendOption(periods: readonly string[], series: readonly TrendSeries[], values: 'duration' | 'count', lang: Lang): ChartOption {
  const format = (v: number) => (values === 'duration' ? formatDuration(v, lang) : formatNumber(v, lang));
  return {
    animation: false,
    grid: { left: 8, right: 16, top: series.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? format(v) : '—') },
    ...(series.length > 1 ? { legend: { top: 0 } } : {}),
    xAxis: { type: 'category', data: [...periods], axisLabel: { hideOverlap: true } },
    yAxis: values === 'duration' ? durationAxis(lang) : countAxis(lang),
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
export function rankingOption(items: readonly Ranked[], values: 'duration' | 'count', lang: Lang): ChartOption {
  const format = (v: number) => (values === 'duration' ? formatDuration(v, lang) : formatNumber(v, lang));
  return {
    animation: false,
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', valueFormatter: (v) => (typeof v === 'number' ? format(v) : '—') },
    xAxis: values === 'duration' ? durationAxis(lang) : countAxis(lang),
    yAxis: { type: 'category', inverse: true, data: items.map((i) => i.name), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [{ type: 'bar', data: items.map((i) => i.value), label: { show: true, position: 'right', formatter: (p) => format(Number(p.value)) } }],
  };
}

/** Shares of a whole (calls by outcome). */
export function shareOption(items: readonly Ranked[], lang: Lang): ChartOption {
  return {
    animation: false,
    tooltip: { trigger: 'item', valueFormatter: (v) => (typeof v === 'number' ? formatNumber(v, lang) : '—') },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['45%', '70%'], top: 0, bottom: 24, data: items.map((i) => ({ name: i.name, value: i.value })), label: { formatter: '{b}: {c}' } }],
  };
}
