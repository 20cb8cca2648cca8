import { localName } from '../../common/local-name.js';
import type { AgentWrapups, QueueWrapups, ReasonWrapups, WrapupStats } from '../../contract/stats.js';
import type { DrillDown } from '../history-common/calls-dialog.js';
import { formatValue, type Column } from '../history-common/data-table.js';
import type { Kpi } from '../history-common/kpis.js';
import type { WrapupStatsTranslator } from './i18n/index.js';


type Drill = (d: DrillDown) => void;

/** The four top/bottom tables, each ranked by one figure. */
export const LISTS = {
  reasonsByUse: 'completed',
  queuesByAvgWrapupTime: 'avgWrapupTime',
  agentsByCompleted: 'completed',
  agentsByAvgWrapupTime: 'avgWrapupTime',
} as const;
export type ListName = keyof typeof LISTS;

export function wrapupKpis(data: WrapupStats, tr: WrapupStatsTranslator, drill: Drill): Kpi[] {
  const k = data.kpis;
  const queueName = (q: QueueWrapups) => localName(q.queueName, q.queueNames, tr.lang);
  const queue = (label: string, q: QueueWrapups | null): Kpi => ({
    label,
    value: q ? queueName(q) : '—',
    note: q ? formatValue('duration', q.avgWrapupTime, tr) : undefined,
    drill: q ? () => drill({ figure: `${label} · ${queueName(q)}`, params: { by: 'wrapup', queue: q.queueId } }) : undefined,
  });
  const completed = tr.t('kpi.completed');
  return [
    { label: tr.t('kpi.avgWrapupTime'), value: formatValue('duration', k.avgWrapupTime, tr) },
    { label: completed, value: formatValue('count', k.completed, tr), drill: k.completed > 0 ? () => drill({ figure: completed, params: { by: 'wrapup' } }) : undefined },
    queue(tr.t('kpi.highestQueue'), k.highestAvgWrapupQueue),
    queue(tr.t('kpi.lowestQueue'), k.lowestAvgWrapupQueue),
  ];
}

type Row = ReasonWrapups | QueueWrapups | AgentWrapups;

/** Name, then the ranked figure, then the other; the wrap-up count opens the wrap-ups it counts. */
export function listColumns(list: ListName, tr: WrapupStatsTranslator, drill: Drill): Column<Row>[] {
  const name: Column<Row> =
    list === 'reasonsByUse'
      ? { key: 'name', label: tr.t('column.reasonName'), kind: 'text', value: (r) => localName((r as ReasonWrapups).reasonName, (r as ReasonWrapups).reasonNames, tr.lang) }
      : list === 'queuesByAvgWrapupTime'
        ? { key: 'name', label: tr.t('column.queueName'), kind: 'text', value: (r) => localName((r as QueueWrapups).queueName, (r as QueueWrapups).queueNames, tr.lang) }
        : { key: 'name', label: tr.t('column.agentName'), kind: 'text', value: (r) => (r as AgentWrapups).agentName };
  const params = (r: Row): Record<string, string> =>
    'reasonId' in r ? { reason: r.reasonId } : 'queueId' in r ? { queue: r.queueId } : { agent: r.agentId };
  const completedLabel = tr.t('column.completed');
  const completed: Column<Row> = {
    key: 'completed',
    label: completedLabel,
    kind: 'count',
    value: (r) => r.completed,
    drill: (r) => () => drill({ figure: `${String(name.value(r))} · ${completedLabel}`, params: { by: 'wrapup', ...params(r) } }),
  };
  const average: Column<Row> = { key: 'avgWrapupTime', label: tr.t('column.avgWrapupTime'), kind: 'duration', value: (r) => r.avgWrapupTime };
  return LISTS[list] === 'completed' ? [name, completed, average] : [name, average, completed];
}
