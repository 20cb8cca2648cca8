import { formatDuration, formatNumber } from './format.js';
import type { Lang } from './i18n/index.js';

/**
 * Value axes of Floorview's charts. echarts picks "nice" decimal steps (50 s,
 * 100 s), which read as 0:50, 1:40, 3:20 on a clock: durations step by whole
 * minutes instead (and by 10, 15 or 30 s while everything is under a minute).
 */

/** Steps a duration axis takes, in seconds, smallest first. */
const DURATION_STEPS = [10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400] as const;

/** The smallest step that spans `max` seconds in at most `ticks` steps; whole minutes once `max` reaches a minute. */
export function durationStep(max: number, ticks: number): number {
  const span = Math.max(0, max);
  for (const step of DURATION_STEPS) if ((span < 60 || step >= 60) && step * ticks >= span) return step;
  return Math.ceil(span / ticks / 86_400) * 86_400;
}

/** Value axis settings for durations in seconds, labelled m:ss, for values up to `max`, in at most `ticks` steps. */
export function durationAxis(max: number, lang: Lang, ticks = 5) {
  const interval = durationStep(max, ticks);
  return {
    type: 'value' as const,
    min: 0,
    max: Math.max(interval, Math.ceil(max / interval) * interval),
    interval,
    axisLabel: { hideOverlap: true, formatter: (v: number) => formatDuration(v, lang) },
  };
}

/** Value axis settings for counts: whole numbers only. */
export function countAxis(lang: Lang) {
  return { type: 'value' as const, minInterval: 1, axisLabel: { hideOverlap: true, formatter: (v: number) => formatNumber(v, lang) } };
}
