import { localName } from '../../common/local-name.js';
import type { AgentAverage, AgentOccupancy, AgentStats, QueueAgentRow } from '../../contract/stats.js';
import type { DrillDown } from '../history-common/calls-dialog.js';
import { formatValue, type Column, type ColumnKind } from '../history-common/data-table.js';
import type { Kpi } from '../history-common/kpis.js';
import type { AgentStatsKey, AgentStatsTranslator } from './i18n/index.js';

/** An agent in a ranking: an average (seconds) or an occupancy (0–1). */
export type RankedAgent = AgentAverage | AgentOccupancy;

type Drill = (d: DrillDown) => void;

export function agentKpis(data: AgentStats, tr: AgentStatsTranslator, drill: Drill): Kpi[] {
  const k = data.kpis;
  const label = tr.t('kpi.answeredCalls');
  return [
    {
      label,
      value: formatValue('count', k.answeredCalls, tr),
      drill: k.answeredCalls > 0 ? () => drill({ figure: label, params: { by: 'agent', outcome: 'answered' } }) : undefined,
    },
    { label: tr.t('kpi.avgHandleTime'), value: formatValue('duration', k.avgHandleTime, tr) },
    { label: tr.t('kpi.avgInboundConnectedTime'), value: formatValue('duration', k.avgInboundConnectedTime, tr) },
    { label: tr.t('kpi.avgInboundHoldTime'), value: formatValue('duration', k.avgInboundHoldTime, tr) },
    { label: tr.t('kpi.occupancy'), value: formatValue('percent', k.occupancy, tr) },
  ];
}

/** The queue-agent table: every column of SPEC §4, in its order, then idle time and occupancy; counts open the calls they count. */
export function queueAgentColumns(tr: AgentStatsTranslator, drill: Drill): Column<QueueAgentRow>[] {
  const queueOf = (r: QueueAgentRow) => (r.queueName === null ? tr.t('history.outbound') : localName(r.queueName, r.queueNames, tr.lang));
  const calls = (label: string, outcome: string | null, count: (r: QueueAgentRow) => number) => (r: QueueAgentRow) =>
    count(r) === 0
      ? null
      : () =>
          drill({
            figure: `${r.agentName} · ${queueOf(r)} · ${label}`,
            params: { by: 'agent', agent: r.agentId, ...(r.queueId ? { queue: r.queueId } : { direction: r.direction }), ...(outcome ? { outcome } : {}) },
          });
  const col = (key: keyof QueueAgentRow & string, kind: Column<QueueAgentRow>['kind'], outcome?: string | null): Column<QueueAgentRow> => {
    const label = tr.t(`column.${key}` as AgentStatsKey);
    return {
      key,
      label,
      kind,
      value: (r) => r[key] as string | number | null,
      drill: outcome === undefined ? undefined : calls(label, outcome, (r) => r[key] as number),
    };
  };
  return [
    col('agentName', 'text'),
    { ...col('queueName', 'text'), value: queueOf },
    col('location', 'text'),
    col('answered', 'count', 'answered'),
    col('bounced', 'count', 'bounced'),
    col('abandoned', 'count', 'abandoned'),
    col('otherUnanswered', 'count', 'other'),
    col('presented', 'count', null),
    col('totalTalkTime', 'duration'),
    col('avgTalkTime', 'duration'),
    col('totalHoldTime', 'duration'),
    col('avgHoldTime', 'duration'),
    col('totalHandleTime', 'duration'),
    col('avgHandleTime', 'duration'),
    col('idleTime', 'duration'),
    col('occupancy', 'percent'),
    col('agentId', 'text'),
  ];
}

/** A ranking in words: the first few agents and their figures. */
export function rankingSummary(list: readonly RankedAgent[], kind: ColumnKind, tr: AgentStatsTranslator): string {
  return list
    .slice(0, 5)
    .map((a) => `${a.agentName} ${formatValue(kind, a.value, tr)}`)
    .join(', ');
}
