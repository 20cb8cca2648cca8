import type { QueueAverage, QueueDetailsRow, QueueStats } from '../../contract/stats.js';
import type { DrillDown } from '../history-common/calls-dialog.js';
import { formatValue, type Column } from '../history-common/data-table.js';
import type { Kpi } from '../history-common/kpis.js';
import { localName } from '../../common/local-name.js';
import type { QueueHistoryKey, QueueHistoryTranslator } from './i18n/index.js';

export const OUTCOMES = ['answered', 'abandoned', 'other'] as const;

type Drill = (d: DrillDown) => void;

export function queueKpis(data: QueueStats, tr: QueueHistoryTranslator, drill: Drill): Kpi[] {
  const k = data.kpis;
  const calls = (key: 'answered' | 'abandoned'): Kpi => {
    const label = tr.t(`kpi.${key}`);
    return { label, value: formatValue('count', k[key], tr), drill: k[key] > 0 ? () => drill({ figure: label, params: { by: 'queue', outcome: key } }) : undefined };
  };
  return [
    calls('answered'),
    calls('abandoned'),
    { label: tr.t('kpi.avgHoldTime'), value: formatValue('duration', k.avgHoldTime, tr) },
    { label: tr.t('kpi.avgQueueWait'), value: formatValue('duration', k.avgQueueWait, tr) },
    { label: tr.t('kpi.serviceLevel'), value: formatValue('percent', k.serviceLevel, tr) },
    { label: tr.t('kpi.abandonRate'), value: formatValue('percent', k.abandonRate, tr) },
  ];
}

/** The queue details table (SPEC §4 columns, then other, service level and abandon rate); call counts open their calls. */
export function queueColumns(tr: QueueHistoryTranslator, drill: Drill): Column<QueueDetailsRow>[] {
  const name = (r: { queueName: string; queueNames: QueueDetailsRow['queueNames'] }) => localName(r.queueName, r.queueNames, tr.lang);
  const col = (key: Exclude<keyof QueueDetailsRow, 'queueNames'>, kind: Column<QueueDetailsRow>['kind'], outcome?: string | null): Column<QueueDetailsRow> => {
    const label = tr.t(`column.${key}` as QueueHistoryKey);
    return {
      key,
      label,
      kind,
      value: (r) => r[key],
      drill:
        outcome === undefined
          ? undefined
          : (r) =>
              (r[key] as number) === 0
                ? null
                : () => drill({ figure: `${name(r)} · ${label}`, params: { by: 'queue', queue: r.queueId, ...(outcome ? { outcome } : {}) } }),
    };
  };
  return [
    { ...col('queueName', 'text'), value: name },
    col('holdDuration', 'duration'),
    col('avgHoldTime', 'duration'),
    col('connectedDuration', 'duration'),
    col('avgInboundConnected', 'duration'),
    col('handleTime', 'duration'),
    col('avgHandleTime', 'duration'),
    col('queueTime', 'duration'),
    col('avgQueueWait', 'duration'),
    col('answered', 'count', 'answered'),
    col('abandoned', 'count', 'abandoned'),
    col('totalCalls', 'count', null),
    col('other', 'count', 'other'),
    col('serviceLevel', 'percent'),
    col('abandonRate', 'percent'),
  ];
}

/**
 * The staffing against the need in words: "Understaffed in 2 of 24 hours, by 0.4 agents on average,
 * 0.6 at most"; with one period short, just its shortfall; none short, "Staffed to need in all 24 hours".
 */
export function staffingSummary(data: QueueStats, tr: QueueHistoryTranslator): string {
  const s = data.staffing;
  if (s.periods === 0) return tr.t('staffing.unknownInRange');
  const unit = data.range.interval === 'day' ? 'staffing.days' : 'staffing.hours';
  const periods = (n: number) => tr.tn(unit, n, { count: formatValue('count', n, tr) });
  const params = {
    periods: periods(s.periods),
    short: formatValue('count', s.understaffedPeriods, tr),
    shortPeriods: periods(s.understaffedPeriods),
    avg: formatValue('count', s.avgShortfall, tr),
    max: formatValue('count', s.largestShortfall, tr),
  };
  if (s.understaffedPeriods === 0) return tr.tn('staffing.enough', s.periods, params);
  if (s.understaffedPeriods === 1) return tr.tn('staffing.shortOnce', s.largestShortfall, params);
  return tr.tn('staffing.short', s.avgShortfall ?? s.largestShortfall, params);
}

export const rankingSummary = (list: readonly QueueAverage[], tr: QueueHistoryTranslator) =>
  list
    .slice(0, 5)
    .map((q) => `${localName(q.queueName, q.queueNames, tr.lang)} ${formatValue('duration', q.value, tr)}`)
    .join(', ');
