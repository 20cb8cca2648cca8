import type { AgentRow, QueueRow } from '../../contract/live.js';
import { named, type Directory } from '../directory/directory.js';
import { NO_NAMES } from '../../common/local-name.js';
import { isWaiting, type FloorState, type LiveAgent } from './floor-state.js';
import type { QueueStaffing } from './queue-staffing.js';
import { NO_CALLS, queueDayFigures, type QueueDayCounts } from './queue-today.js';

/** The live rows of SPEC §4 (`contract/live.ts`), from the floor and the directory. */

/** Before the first count: nothing known yet. */
const UNKNOWN_STAFFING: QueueStaffing = { agentsRequired: null, recentCalls: 0, recentAhtSeconds: null };

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function agentRow(dir: Directory, a: LiveAgent, scope: ReadonlySet<string> | null): AgentRow {
  const info = dir.agents.get(a.agentId);
  const assigned = info?.queues ?? [];
  const reason = a.stateReason === null ? null : dir.nameOfStateReason(a.stateReason);
  return {
    agentId: a.agentId,
    name: info?.name ?? a.agentId,
    location: info?.location ?? null,
    state: a.state,
    stateReason: reason?.name ?? null,
    stateReasonNames: reason?.names ?? NO_NAMES,
    stateSince: iso(a.stateSince),
    queues: assigned.filter((q) => scope === null || scope.has(q)).map((queueId) => ({ queueId, joined: a.joined.includes(queueId) })),
    contactState: a.contactState,
    contactSince: iso(a.contactSince),
    direction: a.direction,
    monitoredBy: a.monitoredBy && {
      ...a.monitoredBy,
      supervisorName: dir.supervisors.get(a.monitoredBy.supervisorId)?.name ?? a.monitoredBy.supervisorId,
      since: iso(a.monitoredBy.since)!,
    },
  };
}

/** Waiting contacts per queue: computed once per tick, shared by every queue row. */
export function waitingByQueue(floor: FloorState): Map<string, { count: number; oldest: number }> {
  const byQueue = new Map<string, { count: number; oldest: number }>();
  for (const c of floor.calls.values()) {
    if (c.queueId === null || !isWaiting(c)) continue;
    const w = byQueue.get(c.queueId);
    if (w) {
      w.count++;
      w.oldest = Math.min(w.oldest, c.waitingSince!);
    } else byQueue.set(c.queueId, { count: 1, oldest: c.waitingSince! });
  }
  return byQueue;
}

export function queueRow(
  dir: Directory,
  floor: FloorState,
  queueId: string,
  waiting: ReadonlyMap<string, { count: number; oldest: number }>,
  now: number,
  today: QueueDayCounts = NO_CALLS,
  staffing: QueueStaffing = UNKNOWN_STAFFING,
): QueueRow {
  const q = dir.queues.get(queueId);
  const assigned = dir.agentsByQueue.get(queueId) ?? [];
  let staffed = 0;
  let idle = 0;
  let unavailable = 0;
  for (const id of assigned) {
    const a = floor.agents.get(id);
    if (!a || a.state === 'signed_out' || !a.joined.includes(queueId)) continue;
    staffed++;
    if (a.state === 'unavailable') unavailable++;
    else if (a.contactState === 'idle') idle++;
  }
  const w = waiting.get(queueId);
  return {
    queueId,
    ...named('queue', dir.nameOfQueue(queueId)),
    location: q?.location ?? null,
    waiting: w?.count ?? 0,
    longestWait: w ? Math.max(0, Math.round((now - w.oldest) / 1000)) : 0,
    longestWaitSince: w ? iso(w.oldest) : null,
    totalAgents: assigned.length,
    staffedAgents: staffed,
    idleAgents: idle,
    unavailableAgents: unavailable,
    ...queueDayFigures(today),
    ...staffing,
    asOf: iso(now)!,
  };
}
