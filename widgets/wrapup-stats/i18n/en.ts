import { historyEn } from '../../history-common/i18n/en.js';

/** English strings of the wrap-up statistics (glossary names of SPEC §4). */
export const en = {
  ...historyEn,
  'wrapupStats.title': 'Wrap-up statistics',
  'kpi.avgWrapupTime': 'Average wrap-up time',
  'kpi.completed': 'Wrap-ups completed',
  'kpi.highestQueue': 'Highest average wrap-up time',
  'kpi.lowestQueue': 'Lowest average wrap-up time',
  'chart.wrapupTrend': 'Average wrap-up time trend',
  'table.reasonsByUse': 'Wrap-up reasons by use',
  'table.queuesByAvgWrapupTime': 'Queues by average wrap-up time',
  'table.agentsByCompleted': 'Agents by wrap-ups completed',
  'table.agentsByAvgWrapupTime': 'Agents by average wrap-up time',
  'column.reasonName': 'Wrap-up reason',
  'column.queueName': 'Queue',
  'column.agentName': 'Agent',
  'column.completed': 'Wrap-ups completed',
  'column.avgWrapupTime': 'Average wrap-up time',
} satisfies Record<string, string>;

export type WrapupStatsKey = keyof typeof en;
