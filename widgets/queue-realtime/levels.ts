/** Threshold levels of the queue figures: what a host sets as attributes, and how a figure compares. */

export type Level = 'ok' | 'warn' | 'alert';
export type Metric = 'waiting' | 'longestWait' | 'serviceLevel' | 'abandonRate' | 'agentsShort';
export const METRICS: readonly Metric[] = ['waiting', 'longestWait', 'serviceLevel', 'abandonRate', 'agentsShort'];

/**
 * Unset (or not a number) means no level for that figure. Waiting and longest
 * wait are alarming from the threshold up, service level below it; rates are
 * percentages as a person writes them (`service-level-target="80"`).
 */
export interface Thresholds {
  warnWaiting?: number | null | undefined;
  alertWaiting?: number | null | undefined;
  warnWaitSeconds?: number | null | undefined;
  alertWaitSeconds?: number | null | undefined;
  serviceLevelTarget?: number | null | undefined;
  alertServiceLevel?: number | null | undefined;
  warnAbandonRate?: number | null | undefined;
  alertAbandonRate?: number | null | undefined;
  /** Agents the queue is short of (needed − staffed). */
  warnAgentsShort?: number | null | undefined;
  alertAgentsShort?: number | null | undefined;
}

const valid = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

/** The warn and alert thresholds of a metric, in the metric's own unit (count, seconds, ratio 0–1). */
export function thresholdsOf(metric: Metric, t: Thresholds): { warn: number | undefined; alert: number | undefined } {
  const pick = (warn: number | null | undefined, alert: number | null | undefined, scale = 1) => ({
    warn: valid(warn) ? warn / scale : undefined,
    alert: valid(alert) ? alert / scale : undefined,
  });
  switch (metric) {
    case 'waiting':
      return pick(t.warnWaiting, t.alertWaiting);
    case 'longestWait':
      return pick(t.warnWaitSeconds, t.alertWaitSeconds);
    case 'serviceLevel':
      return pick(t.serviceLevelTarget, t.alertServiceLevel, 100);
    case 'abandonRate':
      return pick(t.warnAbandonRate, t.alertAbandonRate, 100);
    case 'agentsShort':
      return pick(t.warnAgentsShort, t.alertAgentsShort);
  }
}

/** The level of `value`; a figure with no value (no calls yet) is never alarming. */
export function levelOf(metric: Metric, value: number | null, t: Thresholds): Level {
  if (value === null) return 'ok';
  const { warn, alert } = thresholdsOf(metric, t);
  const crossed = metric === 'serviceLevel' ? (limit: number) => value < limit : (limit: number) => value >= limit;
  if (alert !== undefined && crossed(alert)) return 'alert';
  if (warn !== undefined && crossed(warn)) return 'warn';
  return 'ok';
}

export function worst(levels: readonly Level[]): Level {
  return levels.includes('alert') ? 'alert' : levels.includes('warn') ? 'warn' : 'ok';
}

export function levelsOf(values: Readonly<Record<Metric, number | null>>, t: Thresholds): Record<Metric, Level> {
  return {
    waiting: levelOf('waiting', values.waiting, t),
    longestWait: levelOf('longestWait', values.longestWait, t),
    serviceLevel: levelOf('serviceLevel', values.serviceLevel, t),
    abandonRate: levelOf('abandonRate', values.abandonRate, t),
    agentsShort: levelOf('agentsShort', values.agentsShort, t),
  };
}
