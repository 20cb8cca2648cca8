import type { LiveAgent } from '../domain/floor-state.js';
import type { QueueRow } from '../../contract/live.js';
import type { AgentRule, AlertRule, QueueRule } from '../../contract/alerts.js';

/** A rule's condition holding now for one queue or agent: what would raise (or keep) its alert. */
export interface Condition {
  /** One per rule and subject: `waitingAtLeast q-sales`. */
  key: string;
  rule: AlertRule;
  queueId: string | null;
  agentId: string | null;
  threshold: number;
  /** The figure that crossed it, in the rule's unit. */
  value: number;
}

export const conditionKey = (rule: AlertRule, subject: string) => `${rule} ${subject}`;

/** The queue's rules whose limits its live row crosses. */
export function queueConditions(row: QueueRow, limits: Record<QueueRule, number | null>, serviceLevelMinCalls: number): Condition[] {
  const out: Condition[] = [];
  const add = (rule: QueueRule, value: number | null, crossed: (value: number, limit: number) => boolean) => {
    const limit = limits[rule];
    if (limit === null || value === null || !crossed(value, limit)) return;
    out.push({ key: conditionKey(rule, row.queueId), rule, queueId: row.queueId, agentId: null, threshold: limit, value });
  };
  const judged = row.answered + row.abandonedAfterShort >= serviceLevelMinCalls ? row.serviceLevel : null;
  add('serviceLevelBelow', judged, (v, l) => v < l);
  add('waitingAtLeast', row.waiting, (v, l) => v >= l);
  add('longestWaitAtLeastSeconds', row.longestWait, (v, l) => v >= l);
  add('agentsShortAtLeast', row.agentsRequired === null ? null : row.agentsRequired - row.staffedAgents, (v, l) => v >= l);
  return out;
}

/** The agent's rules crossed at `now`; `bounces` = calls that rang at the agent unanswered in the last hour. */
export function agentConditions(agent: LiveAgent, now: number, limits: Record<AgentRule, number | null>, bounces: number): Condition[] {
  const out: Condition[] = [];
  const add = (rule: AgentRule, value: number | null) => {
    const limit = limits[rule];
    if (limit === null || value === null || value < limit) return;
    out.push({ key: conditionKey(rule, agent.agentId), rule, queueId: null, agentId: agent.agentId, threshold: limit, value });
  };
  const secondsSince = (since: number | null) => (since === null ? null : Math.floor((now - since) / 1000));
  if (agent.state === 'unavailable') add('unavailableAtLeastSeconds', secondsSince(agent.stateSince));
  if (agent.contactState === 'hold') add('holdAtLeastSeconds', secondsSince(agent.contactSince));
  if (agent.contactState === 'wrapup') add('wrapupAtLeastSeconds', secondsSince(agent.contactSince));
  add('ringNoAnswerPerHourAtLeast', bounces);
  return out;
}
