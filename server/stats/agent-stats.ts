import type { AgentStats, QueueAgentRow, TrendLabel } from '../../contract/stats.js';
import type { Directory } from '../directory/directory.js';
import { NO_NAMES } from '../../common/local-name.js';
import { NO_QUEUE } from '../domain/rollup-cells.js';
import type { KeyTotals } from './family-source.js';
import { occupancy } from '../../common/metrics.js';
import { addInto, average, byId, byName, ranked, seconds, slots, zeros, type Ranking } from './figures.js';

export interface AgentStatsInput {
  /** agentQueue counters per (agent, queue, direction). */
  cells: readonly KeyTotals[];
  trendLabels: readonly TrendLabel[];
  /** Per period: [inbound answered, inbound connectedMs]. */
  trendSums: readonly number[][];
  directory: Directory;
  /** agentTime counters per (agent, queue): queue '' is the agent's time whatever the queue, present unless a queue filter applies. */
  timeCells: readonly KeyTotals[];
  /** Assigned (agent, queue) pairs within the filters: rows even without calls. */
  assigned: readonly (readonly [agentId: string, queueId: string])[];
  ranking: Ranking;
}

/** agentQueue counters, by position. */
type C = number[];
const S = slots('agentQueue');
const get = (c: C, name: keyof typeof S) => c[S[name]]!;
const handleMs = (c: C) => get(c, 'ringMs') + get(c, 'connectedMs');
const T = slots('agentTime');
const key = (agentId: string, queueId: string) => `${agentId}\u001f${queueId}`;

/**
 * Idle time (ms) of each agent, and of each (agent, queue). An agent's own time
 * is their queue '' row; under a queue filter there is none, and their time in
 * the chosen queues stands in (idle time counting once for each queue joined).
 */
function idleTimes(timeCells: readonly KeyTotals[]): { byAgent: Map<string, number>; byAgentQueue: Map<string, number> } {
  const whole = new Map<string, number>();
  const inQueues = new Map<string, number>();
  const byAgentQueue = new Map<string, number>();
  for (const t of timeCells) {
    const [agentId, queueId] = t.dims as [string, string];
    const idle = t.values[T.idleMs]!;
    if (queueId === NO_QUEUE) whole.set(agentId, (whole.get(agentId) ?? 0) + idle);
    else {
      inQueues.set(agentId, (inQueues.get(agentId) ?? 0) + idle);
      byAgentQueue.set(key(agentId, queueId), idle);
    }
  }
  return { byAgent: whole.size > 0 ? whole : inQueues, byAgentQueue };
}

/**
 * Agent statistics (SPEC §4, C8). Each handling counts in the interval it was
 * offered; totals are over every presentation, averages over answered calls.
 */
export function agentStats(input: AgentStatsInput): Omit<AgentStats, 'range'> {
  const dir = input.directory;
  const cells = new Map<string, { agentId: string; queueId: string; direction: 'inbound' | 'outbound'; c: C }>();
  const cell = (agentId: string, queueId: string, direction: 'inbound' | 'outbound') => {
    const key = `${agentId}\u001f${queueId}\u001f${direction}`;
    let found = cells.get(key);
    if (!found) cells.set(key, (found = { agentId, queueId, direction, c: zeros('agentQueue') }));
    return found;
  };
  for (const [agentId, queueId] of input.assigned) cell(agentId, queueId, 'inbound');
  for (const t of input.cells) addInto(cell(t.dims[0]!, t.dims[1]!, t.dims[2] as 'inbound' | 'outbound').c, t.values);

  const all = zeros('agentQueue');
  const inbound = zeros('agentQueue');
  const inboundByAgent = new Map<string, C>();
  const handleByAgent = new Map<string, number>();
  for (const x of cells.values()) {
    addInto(all, x.c);
    handleByAgent.set(x.agentId, (handleByAgent.get(x.agentId) ?? 0) + handleMs(x.c));
    if (x.direction !== 'inbound') continue;
    addInto(inbound, x.c);
    let a = inboundByAgent.get(x.agentId);
    if (!a) inboundByAgent.set(x.agentId, (a = zeros('agentQueue')));
    addInto(a, x.c);
  }

  const agentName = (id: string) => dir.nameOfAgent(id);
  const byAgent = (value: (c: C) => number) =>
    ranked(
      [...inboundByAgent]
        .filter(([, c]) => get(c, 'answered') > 0)
        .map(([agentId, c]) => ({ agentId, agentName: agentName(agentId), value: average(value(c), get(c, 'answered'))!, answered: get(c, 'answered') })),
      (a) => a.value,
      (a) => a.agentName,
      input.ranking,
    );

  const idle = idleTimes(input.timeCells);
  let idleMs = 0;
  for (const ms of idle.byAgent.values()) idleMs += ms;
  const occupancyByAgent = ranked(
    [...new Set([...handleByAgent.keys(), ...idle.byAgent.keys()])].flatMap((agentId) => {
      const [handle, idleOf] = [handleByAgent.get(agentId) ?? 0, idle.byAgent.get(agentId) ?? 0];
      const value = occupancy(handle, idleOf);
      return value === null ? [] : [{ agentId, agentName: agentName(agentId), value, handleTime: seconds(handle), idleTime: seconds(idleOf) }];
    }),
    (a) => a.value,
    (a) => a.agentName,
    input.ranking,
  );

  const rows = [...cells.values()].map(({ agentId, queueId, direction, c }) =>
    queueAgentRow(dir, agentId, queueId, direction, c, queueId === NO_QUEUE ? null : (idle.byAgentQueue.get(key(agentId, queueId)) ?? 0)),
  );
  rows.sort(
    (a, b) =>
      byName(a.agentName, b.agentName) ||
      byId(a.agentId, b.agentId) ||
      // Calls with no queue after the agent's queues.
      Number(a.queueName === null) - Number(b.queueName === null) ||
      byName(a.queueName ?? '', b.queueName ?? '') ||
      byId(a.direction, b.direction),
  );

  return {
    kpis: {
      answeredCalls: get(all, 'answered'),
      avgHandleTime: average(handleMs(all), get(all, 'answered')),
      avgInboundConnectedTime: average(get(inbound, 'connectedMs'), get(inbound, 'answered')),
      avgInboundHoldTime: average(get(inbound, 'holdMs'), get(inbound, 'answered')),
      occupancy: occupancy(handleMs(all), idleMs),
    },
    trend: input.trendLabels.map((label, i) => {
      const [connections = 0, connectedMs = 0] = input.trendSums[i] ?? [];
      return { ...label, connections, avgConnectedTime: average(connectedMs, connections) };
    }),
    avgInboundConnectedTimeByAgent: byAgent((c) => get(c, 'connectedMs')),
    avgInboundHoldTimeByAgent: byAgent((c) => get(c, 'holdMs')),
    occupancyByAgent,
    queueAgents: rows,
  };
}

/** `idleMs` null: a row of calls with no queue, which has no idle time of its own. */
function queueAgentRow(dir: Directory, agentId: string, queueId: string, direction: 'inbound' | 'outbound', c: C, idleMs: number | null): QueueAgentRow {
  const agent = dir.agents.get(agentId);
  const talkMs = get(c, 'connectedMs') - get(c, 'holdMs');
  const n = get(c, 'answered');
  const [bounced, abandoned, otherUnanswered] = [get(c, 'bounced'), get(c, 'abandoned'), get(c, 'otherUnanswered')];
  return {
    agentName: agent?.name ?? agentId,
    queueName: queueId === NO_QUEUE ? null : dir.nameOfQueue(queueId).name,
    queueNames: queueId === NO_QUEUE ? NO_NAMES : dir.nameOfQueue(queueId).names,
    location: agent?.location ?? null,
    answered: n,
    bounced,
    abandoned,
    otherUnanswered,
    presented: n + bounced + abandoned + otherUnanswered,
    totalTalkTime: seconds(talkMs),
    avgTalkTime: average(talkMs, n),
    totalHoldTime: seconds(get(c, 'holdMs')),
    avgHoldTime: average(get(c, 'holdMs'), n),
    totalHandleTime: seconds(handleMs(c)),
    avgHandleTime: average(handleMs(c), n),
    idleTime: seconds(idleMs ?? 0),
    occupancy: idleMs === null ? null : occupancy(handleMs(c), idleMs),
    agentId,
    queueId: queueId === NO_QUEUE ? null : queueId,
    direction,
  };
}
