import { historyEn } from '../../history-common/i18n/en.js';

/** English strings of the agent statistics (glossary names of SPEC §4). */
export const en = {
  ...historyEn,
  'agentStats.title': 'Agent statistics',
  'kpi.answeredCalls': 'Answered calls',
  'kpi.avgHandleTime': 'Average handle time',
  'kpi.avgInboundConnectedTime': 'Average inbound connected time',
  'kpi.avgInboundHoldTime': 'Average inbound hold time',
  'kpi.occupancy': 'Occupancy',
  'chart.connectedTrend': 'Average connected time per connection',
  'chart.connectedByAgent': 'Average inbound connected time by agent',
  'chart.holdByAgent': 'Average inbound hold time by agent',
  'chart.occupancyByAgent': 'Occupancy by agent',
  'table.queueAgents': 'Queue agents',
  'column.agentName': 'Agent',
  'column.queueName': 'Queue',
  'column.location': 'Location',
  'column.answered': 'Answered',
  'column.bounced': 'Bounced',
  'column.abandoned': 'Abandoned',
  'column.otherUnanswered': 'Other unanswered',
  'column.presented': 'Presented',
  'column.totalTalkTime': 'Total talk time',
  'column.avgTalkTime': 'Average talk time',
  'column.totalHoldTime': 'Total hold time',
  'column.avgHoldTime': 'Average hold time',
  'column.totalHandleTime': 'Total handle time',
  'column.avgHandleTime': 'Average handle time',
  'column.idleTime': 'Idle time',
  'column.occupancy': 'Occupancy',
  'column.agentId': 'Agent ID',
  'connections.one': '{count} connection',
  'connections.other': '{count} connections',
} satisfies Record<string, string>;

export type AgentStatsKey = keyof typeof en;
