import type { AgentWrapups, QueueWrapups, TrendLabel, WrapupStats } from '../../contract/stats.js';
import { named, type Directory } from '../directory/directory.js';
import { NO_QUEUE } from '../domain/rollup-cells.js';
import type { KeyTotals } from './family-source.js';
import { average, ranked, type Ranking } from './figures.js';

interface Tally {
  completed: number;
  wrapupMs: number;
}

export interface WrapupStatsInput {
  /** wrapupAgent counters per (agent, queue). */
  agentCells: readonly KeyTotals[];
  /** wrapupReason counters per (queue, reason, agent). */
  reasonCells: readonly KeyTotals[];
  trendLabels: readonly TrendLabel[];
  /** Per period: [completed, wrapupMs]. */
  trendSums: readonly number[][];
  directory: Directory;
  ranking: Ranking;
}

function tallyBy(cells: readonly KeyTotals[], key: (dims: string[]) => string | null): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const c of cells) {
    const k = key(c.dims);
    if (k === null) continue;
    const t = out.get(k) ?? { completed: 0, wrapupMs: 0 };
    t.completed += c.values[0] ?? 0;
    t.wrapupMs += c.values[1] ?? 0;
    out.set(k, t);
  }
  return out;
}

const avg = (t: Tally) => average(t.wrapupMs, t.completed);

/** Wrap-up statistics (SPEC §4, C9). Each completed wrap-up counts in the interval it started. */
export function wrapupStats(input: WrapupStatsInput): Omit<WrapupStats, 'range'> {
  const dir = input.directory;
  const total = tallyBy(input.agentCells, () => '').get('') ?? { completed: 0, wrapupMs: 0 };
  // Wrap-ups after outbound calls have no queue: they count for agents and reasons, not queues.
  const queues = [...tallyBy(input.agentCells, (d) => (d[1] === NO_QUEUE ? null : d[1]!))].map(([queueId, t]) => ({
    queueId,
    ...named('queue', dir.nameOfQueue(queueId)),
    completed: t.completed,
    avgWrapupTime: avg(t),
  }));
  const agents = [...tallyBy(input.agentCells, (d) => d[0]!)].map(([agentId, t]) => ({
    agentId,
    agentName: dir.nameOfAgent(agentId),
    completed: t.completed,
    avgWrapupTime: avg(t),
  }));
  const reasons = [...tallyBy(input.reasonCells, (d) => d[1]!)].map(([reasonId, t]) => ({
    reasonId,
    ...named('reason', dir.nameOfWrapupReason(reasonId)),
    completed: t.completed,
    avgWrapupTime: avg(t),
  }));
  const byAvg = (x: { avgWrapupTime: number | null }) => x.avgWrapupTime ?? 0;
  const queueName = (q: QueueWrapups) => q.queueName;
  const agentName = (a: AgentWrapups) => a.agentName;

  return {
    kpis: {
      avgWrapupTime: avg(total),
      completed: total.completed,
      highestAvgWrapupQueue: ranked(queues, byAvg, queueName, { order: 'desc', limit: 1 })[0] ?? null,
      lowestAvgWrapupQueue: ranked(queues, byAvg, queueName, { order: 'asc', limit: 1 })[0] ?? null,
    },
    trend: input.trendLabels.map((label, i) => {
      const [completed = 0, wrapupMs = 0] = input.trendSums[i] ?? [];
      return { ...label, completed, avgWrapupTime: average(wrapupMs, completed) };
    }),
    reasonsByUse: ranked(reasons, (r) => r.completed, (r) => r.reasonName, input.ranking),
    queuesByAvgWrapupTime: ranked(queues, byAvg, queueName, input.ranking),
    agentsByCompleted: ranked(agents, (a) => a.completed, agentName, input.ranking),
    agentsByAvgWrapupTime: ranked(agents, byAvg, agentName, input.ranking),
  };
}
