import { agentsRequired } from './erlang-c.js';

/**
 * How many agents a queue needs now (Erlang C), from what it was offered over the recent
 * staffing window: the window's arrival rate and the handle time of the calls it answered.
 */

/** A queue's recent load, as counted over the staffing window. */
export interface QueueLoad {
  /** Calls queued in the window, whatever became of them (answered, abandoned, still waiting). */
  arrivals: number;
  /** The window's answered calls that have ended. */
  handled: number;
  /** Their handle time (ring + connected) plus the wrap-up time done in the window, seconds. */
  workSeconds: number;
}

export interface QueueStaffing {
  /** Fewest agents that answer `serviceLevelTarget` of the calls within `serviceLevelSeconds`; null while no handle time is known. */
  agentsRequired: number | null;
  /** Calls queued in the window. */
  recentCalls: number;
  /** Average handle time (with wrap-up) of the window's answered calls, seconds; null when none ended. */
  recentAhtSeconds: number | null;
}

export const NO_LOAD: QueueLoad = { arrivals: 0, handled: 0, workSeconds: 0 };

export function queueStaffing(load: QueueLoad, windowSeconds: number, target: { seconds: number; serviceLevel: number }): QueueStaffing {
  const aht = load.handled > 0 ? load.workSeconds / load.handled : null;
  const recentAhtSeconds = aht === null ? null : Math.round(aht);
  if (load.arrivals === 0) return { agentsRequired: 0, recentCalls: 0, recentAhtSeconds };
  // An agent who answers in no time at all does no work to staff for; nor does an unknown handle time.
  if (aht === null || aht <= 0) return { agentsRequired: null, recentCalls: load.arrivals, recentAhtSeconds };
  const { agents } = agentsRequired({ callsPerInterval: load.arrivals, intervalSeconds: windowSeconds, ahtSeconds: aht }, target);
  return { agentsRequired: agents, recentCalls: load.arrivals, recentAhtSeconds };
}

export const sameStaffing = (a: QueueStaffing, b: QueueStaffing) =>
  a.agentsRequired === b.agentsRequired && a.recentCalls === b.recentCalls && a.recentAhtSeconds === b.recentAhtSeconds;
