import { historyZhCN } from '../../history-common/i18n/zh-CN.js';
import type { AgentStatsKey } from './en.js';

/** 座席统计的简体中文字符串(术语与主管指南一致)。 */
export const zhCN = {
  ...historyZhCN,
  'agentStats.title': '座席统计',
  'kpi.answeredCalls': '已接听电话数',
  'kpi.avgHandleTime': '平均处理时间',
  'kpi.avgInboundConnectedTime': '平均入站连接时间',
  'kpi.avgInboundHoldTime': '平均入站保持时间',
  'chart.trend': '每个连接的平均座席连接时间趋势',
  'chart.connectedByAgent': '平均入站连接时间(按座席)',
  'chart.holdByAgent': '平均入站保持时间(按座席)',
  'table.queueAgents': '队列座席',
  'column.agentName': '座席姓名',
  'column.queueName': '队列名称',
  'column.location': '位置',
  'column.answered': '已接听',
  'column.bounced': '退回',
  'column.abandoned': '已放弃',
  'column.otherUnanswered': '其他未接',
  'column.presented': '已呈现',
  'column.totalTalkTime': '总通话时间',
  'column.avgTalkTime': '平均通话时间',
  'column.totalHoldTime': '总保持时间',
  'column.avgHoldTime': '平均保持时间',
  'column.totalHandleTime': '总处理时间',
  'column.avgHandleTime': '平均处理时间',
  'column.agentId': '座席 ID',
  'connections.one': '{count} 个连接',
  'connections.other': '{count} 个连接',
} satisfies Record<AgentStatsKey, string>;
