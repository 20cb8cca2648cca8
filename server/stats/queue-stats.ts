import type { PeriodStaffing, QueueDetailsRow, QueueStats, TrendLabel } from '../../contract/stats.js';
import { named, type Directory } from '../directory/directory.js';
import type { KeyTotals } from './family-source.js';
import { staffingSummary } from './period-staffing.js';
import { abandonRate, serviceLevel } from '../../common/metrics.js';
import { addInto, average, byId, byName, ranked, seconds, slots, zeros, type Ranking } from './figures.js';

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
export function queueStats(input: QueueStatsInput): Omit<QueueStats, 'range'> {
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

  const rows: QueueDetailsRow[] = [...byQueue].map(([queueId, c]) => {
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
