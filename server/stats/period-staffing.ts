import { queueStaffing } from '../domain/queue-staffing.js';
import type { PeriodStaffing, StaffingSummary } from '../../contract/stats.js';

/** One queue's load per trend period, and what it must answer. */
export interface QueuePeriodLoads {
  target: { seconds: number; serviceLevel: number };
  /** Per period: [calls queued (answered + abandoned + other), answered, handle ms + wrap-up ms]. */
  loads: readonly (readonly [calls: number, answered: number, workMs: number])[];
  /** Per period: the queue's staffed time, ms. */
  staffedMs: readonly number[];
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/**
 * Agents needed against agents staffed, per trend period and queue: each queue's
 * need for the period's load by Erlang C (server/domain/queue-staffing.ts, as live)
 * against the agents staffing it on average over the period. Over several queues
 * both are added (each queue staffed on its own, so an agent in two queues counts
 * in each), and the shortfall is the queues' shortfalls added: one queue's spare
 * agents do not hide another's shortage, as on the live aggregate row. A period whose
 * calls none were answered takes the queue's work per call over the whole range.
 */
export function periodStaffing(queues: readonly QueuePeriodLoads[], periodMs: readonly number[]): PeriodStaffing[] {
  const wholes = queues.map(wholeRange);
  return periodMs.map((length, i) => {
    let required: number | null = 0;
    let staffed = 0;
    let short = 0;
    queues.forEach((q, n) => {
      const [calls = 0, answered = 0, workMs = 0] = q.loads[i] ?? [];
      const load = answered > 0 ? { handled: answered, workSeconds: workMs / 1000 } : wholes[n]!;
      const need = queueStaffing({ arrivals: calls, ...load }, length / 1000, q.target).agentsRequired;
      const agents = length > 0 ? (q.staffedMs[i] ?? 0) / length : 0;
      staffed += agents;
      required = need === null || required === null ? null : required + need;
      if (need !== null) short += Math.max(0, need - agents);
    });
    return { staffedAgents: oneDecimal(staffed), agentsRequired: required, agentsShort: required === null ? null : oneDecimal(short) };
  });
}

/** A queue's answered calls and their work over the whole range. */
function wholeRange(q: QueuePeriodLoads): { handled: number; workSeconds: number } {
  let handled = 0;
  let workMs = 0;
  for (const [, answered, work] of q.loads) {
    handled += answered;
    workMs += work;
  }
  return { handled, workSeconds: workMs / 1000 };
}

export function staffingSummary(periods: readonly PeriodStaffing[]): StaffingSummary {
  const known = periods.filter((p): p is PeriodStaffing & { agentsShort: number } => p.agentsShort !== null);
  const shortfalls = known.map((p) => p.agentsShort).filter((short) => short > 0);
  return {
    periods: known.length,
    understaffedPeriods: shortfalls.length,
    largestShortfall: oneDecimal(Math.max(0, ...shortfalls)),
    avgShortfall: shortfalls.length === 0 ? null : oneDecimal(shortfalls.reduce((a, b) => a + b, 0) / shortfalls.length),
  };
}
