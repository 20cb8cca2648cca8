import { named, type Directory } from '../directory/directory.js';
import type { Names } from '../../widgets/core/local-name.js';
import type { KeyTotals } from './family-source.js';
import { staffingSummary } from './period-staffing.js';
import { abandonRate, serviceLevel } from '../../common/metrics.js';
import { addInto, average, byId, byName, ranked, seconds, slots, zeros, type Ranking, type TrendLabel } from './figures.js';

/** One row of the queue details table (SPEC §4, C12). */
export interface QueueRow {
  queueName: string;
  queueNames: Names;
  holdDuration: number;
  avgHoldTime: number | null;
  connectedDuration: number;
  avgInboundConnected: number | null;
  handleTime: number;
  avgHandleTime: number | null;
  queueTime: number;
  avgQueueWait: number | null;
  answered: number;
  abandoned: number;
  totalCalls: number;
  other: number;
  serviceLevel: number | null;
  abandonRate: number | null;
  queueId: string;
}

export interface QueueAverage {
  queueId: string;
  queueName: string;
  queueNames: Names;
  /** Seconds per answered call. */
  value: number;
  answered: number;
}

export interface Outcomes {
  answered: number;
  abandoned: number;
  other: number;
  totalCalls: number;
}

/** Per trend period: the agents its load needed against the agents staffed. */
export interface PeriodStaffing {
  /** Agents staffing each queue (signed in and joined) on average over the period, added over the queues, one decimal. */
  staffedAgents: number;
  /**
   * Fewest agents that would have met each queue's service-level target for the period's
   * load (Erlang C over its calls and average work; over the range's, when none of the
   * period's was answered), added over the queues; null when a queue had calls and none
   * in the range was answered (no handle time known).
   */
  agentsRequired: number | null;
  /** Agents short, each queue's shortfall added (one decimal); null with `agentsRequired`. */
  agentsShort: number | null;
}

export interface StaffingSummary {
  /** Periods with a known need. */
  periods: number;
  /** Of those, the periods with a queue staffed below its need. */
  understaffedPeriods: number;
  /** Agents short in the worst period, one decimal; 0 when none was short. */
  largestShortfall: number;
  /** Agents short on average over the understaffed periods, one decimal; null when none. */
  avgShortfall: number | null;
}

export interface QueueStats {
  kpis: {
    answered: number;
    abandoned: number;
    avgHoldTime: number | null;
    avgQueueWait: number | null;
    serviceLevel: number | null;
    abandonRate: number | null;
    totalCalls: number;
  };
  outcomes: Outcomes;
  trend: (TrendLabel & Outcomes & PeriodStaffing)[];
  /** How the trend's periods were staffed against what their load needed. */
  staffing: StaffingSummary;
  avgQueueWaitByQueue: QueueAverage[];
  avgHoldTimeByQueue: QueueAverage[];
  queues: QueueRow[];
}

export interface QueueStatsInput {
  /** queue counters per queue. */
  cells: readonly KeyTotals[];
  trendLabels: readonly TrendLabel[];
  /** Per period: [answered, abandoned, other]. */
  trendSums: readonly number[][];
  /** Per period: agents needed and staffed (server/stats/period-staffing.ts). */
  trendStaffing: readonly PeriodStaffing[];
  directory: Directory;
  /** The queues within the filters: rows even without calls. */
  queueIds: readonly string[];
  ranking: Ranking;
}

/** queue counters, by position. */
type C = number[];
const S = slots('queue');
const get = (c: C, name: keyof typeof S) => c[S[name]]!;
const total = (c: C) => get(c, 'answered') + get(c, 'abandoned') + get(c, 'other');
const serviceLevelOf = (c: C) => serviceLevel(get(c, 'answeredInServiceLevel'), get(c, 'answered'), get(c, 'abandonedAfterShort'));

/** Queue history (SPEC §4, C12). Each queue visit counts in the interval it was queued; averages are over answered calls. */
export function queueStats(input: QueueStatsInput): QueueStats {
  const dir = input.directory;
  const byQueue = new Map<string, C>(input.queueIds.map((id) => [id, zeros('queue')]));
  for (const t of input.cells) {
    const id = t.dims[0]!;
    let c = byQueue.get(id);
    if (!c) byQueue.set(id, (c = zeros('queue')));
    addInto(c, t.values);
  }
  const all = zeros('queue');
  for (const c of byQueue.values()) addInto(all, c);

  const byQueueAverage = (value: (c: C) => number) =>
    ranked(
      [...byQueue]
        .filter(([, c]) => get(c, 'answered') > 0)
        .map(([queueId, c]) => ({ queueId, ...named('queue', dir.nameOfQueue(queueId)), value: average(value(c), get(c, 'answered'))!, answered: get(c, 'answered') })),
      (q) => q.value,
      (q) => q.queueName,
      input.ranking,
    );

  const rows: QueueRow[] = [...byQueue].map(([queueId, c]) => {
    const answered = get(c, 'answered');
    return {
      ...named('queue', dir.nameOfQueue(queueId)),
      holdDuration: seconds(get(c, 'holdMs')),
      avgHoldTime: average(get(c, 'holdMs'), answered),
      connectedDuration: seconds(get(c, 'connectedMs')),
      avgInboundConnected: average(get(c, 'connectedMs'), answered),
      handleTime: seconds(get(c, 'handleMs')),
      avgHandleTime: average(get(c, 'handleMs'), answered),
      queueTime: seconds(get(c, 'answeredQueueMs')),
      avgQueueWait: average(get(c, 'answeredQueueMs'), answered),
      answered,
      abandoned: get(c, 'abandoned'),
      totalCalls: total(c),
      other: get(c, 'other'),
      serviceLevel: serviceLevelOf(c),
      abandonRate: abandonRate(get(c, 'abandoned'), total(c)),
      queueId,
    };
  });
  rows.sort((a, b) => byName(a.queueName, b.queueName) || byId(a.queueId, b.queueId));

  return {
    kpis: {
      answered: get(all, 'answered'),
      abandoned: get(all, 'abandoned'),
      avgHoldTime: average(get(all, 'holdMs'), get(all, 'answered')),
      avgQueueWait: average(get(all, 'answeredQueueMs'), get(all, 'answered')),
      serviceLevel: serviceLevelOf(all),
      abandonRate: abandonRate(get(all, 'abandoned'), total(all)),
      totalCalls: total(all),
    },
    outcomes: { answered: get(all, 'answered'), abandoned: get(all, 'abandoned'), other: get(all, 'other'), totalCalls: total(all) },
    trend: input.trendLabels.map((label, i) => {
      const [answered = 0, abandoned = 0, other = 0] = input.trendSums[i] ?? [];
      return { ...label, answered, abandoned, other, totalCalls: answered + abandoned + other, ...input.trendStaffing[i]! };
    }),
    staffing: staffingSummary(input.trendStaffing),
    avgQueueWaitByQueue: byQueueAverage((c) => get(c, 'answeredQueueMs')),
    avgHoldTimeByQueue: byQueueAverage((c) => get(c, 'holdMs')),
    queues: rows,
  };
}
