import { agentInScope, type Scope } from '../auth/principal.js';
import { agentRow, queueRow, waitingByQueue } from '../domain/live-rows.js';
import type { AgentRow, QueueRow } from '../../contract/live.js';
import type { LiveFloor } from './live-floor.js';

export type Waiting = ReturnType<typeof waitingByQueue>;

/** Rows of the given agents and queues that a viewer with `scope` may see. */
export function scopedRows(
  floor: LiveFloor,
  scope: Scope,
  agentIds: Iterable<string>,
  queueIds: Iterable<string>,
  now: number,
  waiting: Waiting | null = null,
): { agents: AgentRow[]; queues: QueueRow[] } {
  const dir = floor.directory;
  const agents: AgentRow[] = [];
  for (const id of agentIds) {
    if (agentInScope(dir, scope, id)) agents.push(agentRow(dir, floor.agent(id), scope.queues));
  }
  const queues: QueueRow[] = [];
  for (const id of queueIds) {
    if (!scope.queues.has(id) || !dir.queues.has(id)) continue;
    waiting ??= waitingByQueue(floor.state);
    queues.push(queueRow(dir, floor.state, id, waiting, now, floor.queueDay(id), floor.queueStaffing(id)));
  }
  return { agents, queues };
}

/** Every agent a viewer with `scope` may see. */
export function agentsInScope(floor: LiveFloor, scope: Scope): Set<string> {
  const ids = new Set<string>();
  for (const q of scope.queues) for (const a of floor.directory.agentsByQueue.get(q) ?? []) ids.add(a);
  return ids;
}
