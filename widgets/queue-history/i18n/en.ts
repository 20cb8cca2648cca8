import { historyEn } from '../../history-common/i18n/en.js';

/** English strings of the queue history (glossary names of SPEC §4). */
export const en = {
  ...historyEn,
  'queueHistory.title': 'Queue history',
  'kpi.answered': 'Answered',
  'kpi.abandoned': 'Abandoned',
  'kpi.avgHoldTime': 'Average hold time',
  'kpi.avgQueueWait': 'Average queue wait',
  'kpi.serviceLevel': 'Service level',
  'kpi.abandonRate': 'Abandon rate',
  'chart.outcomes': 'Calls by outcome',
  'chart.outcomeTrend': 'Calls by outcome over time',
  'chart.waitByQueue': 'Average queue wait per call by queue',
  'chart.holdByQueue': 'Average hold time per call by queue',
  'table.queues': 'Queue details',
  'column.queueName': 'Queue',
  'column.holdDuration': 'Hold duration',
  'column.avgHoldTime': 'Average hold time',
  'column.connectedDuration': 'Connected duration',
  'column.avgInboundConnected': 'Average inbound connected',
  'column.handleTime': 'Handle time',
  'column.avgHandleTime': 'Average handle time',
  'column.queueTime': 'Queue time',
  'column.avgQueueWait': 'Average queue wait',
  'column.answered': 'Answered',
  'column.abandoned': 'Abandoned',
  'column.totalCalls': 'Total calls',
  'column.other': 'Other',
  'column.serviceLevel': 'Service level',
  'column.abandonRate': 'Abandon rate',
} satisfies Record<string, string>;

export type QueueHistoryKey = keyof typeof en;
