import { localName } from '../../common/local-name.js';
import type { QueueRow } from '../../contract/live.js';
import type { ChartOption } from '../core/chart-controller.js';
import { tooltipContent } from '../core/chart-tooltip.js';
import { formatNumber } from '../core/format.js';
import type { Lang } from '../core/i18n/index.js';
import type { QueueRealtimeTranslator } from './i18n/index.js';
import type { TrendBuffer } from './trend-buffer.js';

export type TrendMode = 'queues' | 'total' | 'none';

/** One line of the chart: its points, and the live value drawn at `now`. */
export interface TrendLine {
  name: string;
  points: [number, number | null][];
}

/** The lines to draw: one per shown queue, or their total; each ends at the live value now. */
export function trendLines(
  buffer: TrendBuffer,
  queues: readonly Pick<QueueRow, 'queueId' | 'queueName' | 'queueNames' | 'waiting'>[],
  mode: TrendMode,
  now: number,
  tr: QueueRealtimeTranslator,
): TrendLine[] {
  if (mode === 'total' || queues.length === 0) {
    const ids = queues.map((q) => q.queueId);
    const current = queues.reduce((n, q) => n + q.waiting, 0);
    return [{ name: tr.t('trend.total'), points: [...buffer.total(ids), [now, current]] }];
  }
  return queues.map((q) => ({ name: localName(q.queueName, q.queueNames, tr.lang), points: [...buffer.points(q.queueId), [now, q.waiting]] }));
}

/**
 * A line chart on a time axis from `minutes` ago to now; no animation (a wall
 * screen redraws all day). Text and lines follow the widget's font size (`px`),
 * so a wallboard's chart is as legible as its figures.
 */
export function trendOption(lines: readonly TrendLine[], now: number, minutes: number, px: number, lang: Lang): ChartOption {
  const label = { fontSize: Math.round(px * 0.8) };
  return {
    animation: false,
    grid: { left: px * 0.5, right: px, top: lines.length > 1 ? px * 2.4 : px, bottom: px * 0.5, containLabel: true },
    tooltip: { trigger: 'axis', textStyle: { fontSize: px }, formatter: tooltipContent((v) => formatNumber(v, lang)) },
    ...(lines.length > 1 ? { legend: { type: 'scroll', top: 0, textStyle: label, itemHeight: px * 0.8, itemWidth: px * 1.6 } } : {}),
    // The ends of the window are not round times: their labels (with seconds) ran into the
    // round ones at 360 px. Round times only, and echarts drops any that still collide.
    xAxis: { type: 'time', min: now - minutes * 60_000, max: now, axisLabel: { ...label, showMinLabel: false, showMaxLabel: false, hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: label },
    series: lines.map((l) => ({
      type: 'line',
      name: l.name,
      data: l.points,
      showSymbol: false,
      step: 'end',
      connectNulls: false,
      lineStyle: { width: Math.max(1.5, px / 8) },
    })),
  };
}

/** What the chart shows, in words (its accessible name): now and the peak of each line. */
export function trendSummary(lines: readonly TrendLine[], tr: QueueRealtimeTranslator): string {
  return lines
    .map((l) => {
      const values = l.points.map(([, v]) => v).filter((v): v is number => v !== null);
      const now = values.at(-1) ?? 0;
      return tr.t('trend.summary', { name: l.name, now: formatNumber(now, tr.lang), peak: formatNumber(Math.max(0, ...values), tr.lang) });
    })
    .join('; ');
}
