/**
 * The glossary's figures (SPEC §4; occupancy in the README's history section), defined once
 * for every place that computes them: today's live queue rows, the interval rollups, the
 * statistics read from rollups or straight from the facts. The SQL forms below are these
 * same definitions over a queue visit's columns.
 */

export interface QueueThresholds {
  /** Answered within this many seconds counts in the service level. */
  serviceLevelSeconds: number;
  /** Abandoned within this many seconds is a short abandon, left out of the service level. */
  shortAbandonSeconds: number;
}

export const DEFAULT_THRESHOLDS: QueueThresholds = { serviceLevelSeconds: 20, shortAbandonSeconds: 5 };

/** A ratio to four decimals, as the API reports every share; null when the denominator is zero. */
export const ratio = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

/** Answered within the threshold ÷ (answered + abandoned after the short-abandon threshold). */
export const serviceLevel = (answeredInServiceLevel: number, answered: number, abandonedAfterShort: number) =>
  ratio(answeredInServiceLevel, answered + abandonedAfterShort);

/** Abandoned ÷ every call (answered + abandoned + other). */
export const abandonRate = (abandoned: number, totalCalls: number) => ratio(abandoned, totalCalls);

/** Handle time ÷ (handle time + idle time). */
export const occupancy = (handle: number, idle: number) => ratio(handle, handle + idle);

/** Whether a queue visit that ended so, after `queueMs` in the queue, counts towards the service level. */
export const answeredInServiceLevel = (outcome: string | null, queueMs: number, t: QueueThresholds) =>
  outcome === 'answered' && queueMs <= t.serviceLevelSeconds * 1000;

export const abandonedAfterShort = (outcome: string | null, queueMs: number, t: QueueThresholds) =>
  outcome === 'abandoned' && queueMs > t.shortAbandonSeconds * 1000;

/** The same conditions in SQL, over a visit's outcome, its queue time in whole ms and the queue's thresholds in seconds. */
export const answeredInServiceLevelSql = (outcome: string, queueMs: string, serviceLevelSeconds: string) =>
  `${outcome} = 'answered' AND ${queueMs} <= ${serviceLevelSeconds} * 1000`;

export const abandonedAfterShortSql = (outcome: string, queueMs: string, shortAbandonSeconds: string) =>
  `${outcome} = 'abandoned' AND ${queueMs} > ${shortAbandonSeconds} * 1000`;
