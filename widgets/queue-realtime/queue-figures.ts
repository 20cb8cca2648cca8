import { abandonRate, serviceLevel } from '../../common/metrics.js';
import { localName } from '../../common/local-name.js';
import type { Lang } from '../core/i18n/index.js';
import type { AgentRow, QueueRow } from '../../contract/live.js';
import type { Metric } from './levels.js';

/** One line of the widget: a queue, or the aggregate of the queues shown. */
export interface QueueFigures {
  /** The queue id; `*` for the aggregate. */
  key: string;
  name: string;
  aggregate: boolean;
  /** Queues counted: 1, or how many the aggregate covers. */
  queues: number;
  waiting: number;
  /** When the longest-waiting contact started waiting (server clock, ms); null when none waits. */
  longestWaitSince: number | null;
  totalAgents: number;
  staffedAgents: number;
  idleAgents: number;
  unavailableAgents: number;
  answered: number;
  abandoned: number;
  totalCalls: number;
  serviceLevel: number | null;
  abandonRate: number | null;
  /** Agents needed now (Erlang C, from the server); null while not known. */
  agentsRequired: number | null;
  /**
   * Agents short of that: needed − staffed, negative when some are spare. The aggregate's is
   * what its queues are short of together (their shortfalls added; never negative): agents
   * who serve several queues count as staffed in each, as the queue rows count them, so the
   * aggregate's staffed-once figure cannot be set against the queues' needs.
   */
  agentsShort: number | null;
  /** The recent load it comes from: calls queued over the server's staffing window, and their average handle time (s). */
  recentCalls: number;
  recentAhtSeconds: number | null;
}

/** Agents of the shown queues by what they are doing: each agent once, however many of the queues they are in. */
export interface AgentCounts {
  available: number;
  onContact: number;
  wrapup: number;
  unavailable: number;
  signedOut: number;
}

export const AGENT_COUNT_KEYS: readonly (keyof AgentCounts)[] = ['available', 'onContact', 'wrapup', 'unavailable', 'signedOut'];

/** The `queues` attribute: ids in the host's order, blanks and repeats dropped. */
export function parseQueueList(attr: string): string[] {
  return [...new Set(attr.split(',').map((q) => q.trim()).filter(Boolean))];
}

/** The queues to show: the chosen ones in the host's order, else all in scope by name. */
export function chooseQueues(rows: ReadonlyMap<string, QueueRow>, chosen: readonly string[], compare: (a: string, b: string) => number, lang: Lang): QueueRow[] {
  if (chosen.length > 0) return chosen.map((id) => rows.get(id)).filter((q): q is QueueRow => q !== undefined);
  return [...rows.values()].sort((a, b) => compare(localName(a.queueName, a.queueNames, lang), localName(b.queueName, b.queueNames, lang)));
}

export function queueFigures(q: QueueRow, lang: Lang): QueueFigures {
  return {
    key: q.queueId,
    name: localName(q.queueName, q.queueNames, lang),
    aggregate: false,
    queues: 1,
    waiting: q.waiting,
    longestWaitSince: q.longestWaitSince === null ? null : Date.parse(q.longestWaitSince),
    totalAgents: q.totalAgents,
    staffedAgents: q.staffedAgents,
    idleAgents: q.idleAgents,
    unavailableAgents: q.unavailableAgents,
    answered: q.answered,
    abandoned: q.abandoned,
    totalCalls: q.totalCalls,
    serviceLevel: q.serviceLevel,
    abandonRate: q.abandonRate,
    agentsRequired: q.agentsRequired,
    agentsShort: q.agentsRequired === null ? null : q.agentsRequired - q.staffedAgents,
    recentCalls: q.recentCalls,
    recentAhtSeconds: q.recentAhtSeconds,
  };
}

/**
 * The shown queues together. Waiting contacts and calls add up; the longest
 * wait is the longest of any; the ratios follow from their counts (not averaged),
 * by the glossary's definitions the server uses for every queue (common/metrics.ts);
 * agents are counted once each, as the queue rows count them: assigned
 * to any of the queues, staffed when signed in and joined to one of them. The agents
 * needed and short add up (each queue staffed on its own), unknown while any queue's
 * need is; the handle time is the calls' average.
 */
export function aggregateFigures(queues: readonly QueueRow[], agents: Iterable<AgentRow>, name: string): QueueFigures {
  const ids = new Set(queues.map((q) => q.queueId));
  let oldest: number | null = null;
  const sum = (pick: (q: QueueRow) => number) => queues.reduce((n, q) => n + pick(q), 0);
  for (const q of queues) {
    if (q.longestWaitSince === null) continue;
    const since = Date.parse(q.longestWaitSince);
    if (oldest === null || since < oldest) oldest = since;
  }
  let total = 0;
  let staffed = 0;
  let idle = 0;
  let unavailable = 0;
  for (const a of agents) {
    const mine = a.queues.filter((q) => ids.has(q.queueId));
    if (mine.length === 0) continue;
    total++;
    if (a.state === 'signed_out' || !mine.some((q) => q.joined)) continue;
    staffed++;
    if (a.state === 'unavailable') unavailable++;
    else if (a.contactState === 'idle') idle++;
  }
  const answered = sum((q) => q.answered);
  const abandoned = sum((q) => q.abandoned);
  const totalCalls = sum((q) => q.totalCalls);
  const unknownNeed = queues.some((q) => q.agentsRequired === null);
  return {
    key: '*',
    name,
    aggregate: true,
    queues: queues.length,
    waiting: sum((q) => q.waiting),
    longestWaitSince: oldest,
    totalAgents: total,
    staffedAgents: staffed,
    idleAgents: idle,
    unavailableAgents: unavailable,
    answered,
    abandoned,
    totalCalls,
    serviceLevel: serviceLevel(sum((q) => q.answeredInServiceLevel), answered, sum((q) => q.abandonedAfterShort)),
    abandonRate: abandonRate(abandoned, totalCalls),
    agentsRequired: unknownNeed ? null : sum((q) => q.agentsRequired!),
    agentsShort: unknownNeed ? null : sum((q) => Math.max(0, q.agentsRequired! - q.staffedAgents)),
    recentCalls: sum((q) => q.recentCalls),
    recentAhtSeconds: averageHandleTime(queues),
  };
}

/** The shown queues' average handle time, weighted by their recent calls; null when none is known. */
function averageHandleTime(queues: readonly QueueRow[]): number | null {
  let calls = 0;
  let seconds = 0;
  for (const q of queues) {
    if (q.recentAhtSeconds === null) continue;
    calls += q.recentCalls;
    seconds += q.recentCalls * q.recentAhtSeconds;
  }
  return calls > 0 ? Math.round(seconds / calls) : null;
}

/** What the agents of the shown queues are doing now (the wallboard's big numbers). */
export function agentCounts(queueIds: ReadonlySet<string>, agents: Iterable<AgentRow>): AgentCounts {
  const counts: AgentCounts = { available: 0, onContact: 0, wrapup: 0, unavailable: 0, signedOut: 0 };
  for (const a of agents) {
    if (!a.queues.some((q) => queueIds.has(q.queueId))) continue;
    if (a.state === 'signed_out') counts.signedOut++;
    else if (a.contactState === 'wrapup') counts.wrapup++;
    else if (a.contactState !== 'idle') counts.onContact++;
    else if (a.state === 'unavailable') counts.unavailable++;
    else counts.available++;
  }
  return counts;
}

/** Seconds the longest-waiting contact has waited at `now` (server clock). */
export function longestWait(f: QueueFigures, now: number): number {
  return f.longestWaitSince === null ? 0 : Math.max(0, Math.floor((now - f.longestWaitSince) / 1000));
}

/** The figures thresholds apply to, at `now`. */
export function metricValues(f: QueueFigures, now: number): Record<Metric, number | null> {
  return { waiting: f.waiting, longestWait: longestWait(f, now), serviceLevel: f.serviceLevel, abandonRate: f.abandonRate, agentsShort: f.agentsShort };
}
