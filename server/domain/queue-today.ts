import { abandonRate, serviceLevel } from '../../common/metrics.js';

/**
 * Today's service figures of one queue (SPEC §4), as the live queue row carries
 * them: counted per queue visit queued since local midnight, once its outcome is
 * known (an answered visit counts from the moment it is answered).
 */

/** What is counted; the ratios follow from these. */
export interface QueueDayCounts {
  answered: number;
  abandoned: number;
  other: number;
  /** Answered within the queue's service-level threshold. */
  answeredInServiceLevel: number;
  /** Abandoned after the queue's short-abandon threshold (shorter abandons do not count against service level). */
  abandonedAfterShort: number;
}

export interface QueueDayFigures {
  answered: number;
  abandoned: number;
  /** answered + abandoned + other. */
  totalCalls: number;
  answeredInServiceLevel: number;
  abandonedAfterShort: number;
  /** answeredInServiceLevel ÷ (answered + abandonedAfterShort); null when that is zero. */
  serviceLevel: number | null;
  /** abandoned ÷ totalCalls; null when no call was counted. */
  abandonRate: number | null;
}

export const NO_CALLS: QueueDayCounts = { answered: 0, abandoned: 0, other: 0, answeredInServiceLevel: 0, abandonedAfterShort: 0 };


export function queueDayFigures(c: QueueDayCounts): QueueDayFigures {
  const totalCalls = c.answered + c.abandoned + c.other;
  return {
    answered: c.answered,
    abandoned: c.abandoned,
    totalCalls,
    answeredInServiceLevel: c.answeredInServiceLevel,
    abandonedAfterShort: c.abandonedAfterShort,
    serviceLevel: serviceLevel(c.answeredInServiceLevel, c.answered, c.abandonedAfterShort),
    abandonRate: abandonRate(c.abandoned, totalCalls),
  };
}

export const sameCounts = (a: QueueDayCounts, b: QueueDayCounts) =>
  a.answered === b.answered &&
  a.abandoned === b.abandoned &&
  a.other === b.other &&
  a.answeredInServiceLevel === b.answeredInServiceLevel &&
  a.abandonedAfterShort === b.abandonedAfterShort;
