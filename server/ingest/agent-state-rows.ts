import type { FloorEvent } from '../domain/events.js';

/** An agent state history row, in the order of the `agent_state_changes` columns (seq, agent_id, at, state, reason). */
export type AgentStateRow = [seq: number, agentId: string, at: number, state: string, reason: string | null];

/** The agent state history a batch's new events make: stored with them, in the same transaction. */
export function agentStateRows(fresh: readonly FloorEvent[]): AgentStateRow[] {
  const rows: AgentStateRow[] = [];
  for (const e of fresh) {
    if (e.type === 'agent.signed_in') rows.push([e.seq, e.agentId, e.at, 'unavailable', null]);
    else if (e.type === 'agent.signed_out') rows.push([e.seq, e.agentId, e.at, 'signed_out', null]);
    else if (e.type === 'agent.state_changed') rows.push([e.seq, e.agentId, e.at, e.state, e.state === 'unavailable' ? (e.reason ?? null) : null]);
  }
  return rows;
}
