import { historyZhCN } from '../../history-common/i18n/zh-CN.js';
import type { QueueHistoryKey } from './en.js';

/** 队列历史的简体中文字符串(术语与主管指南一致)。 */
export const zhCN = {
  ...historyZhCN,
  'queueHistory.title': '队列历史',
  'kpi.answered': '已接听',
  'kpi.abandoned': '放弃',
  'kpi.avgHoldTime': '平均保持时间',
  'kpi.avgQueueWait': '平均排队等待时间',
  'kpi.serviceLevel': '服务水平',
  'kpi.abandonRate': '放弃率',
  'chart.outcomes': '按结果分类的来电',
  'chart.outcomeTrend': '来电结果趋势',
  'chart.waitByQueue': '每次呼叫的平均排队等待时间(按队列)',
  'chart.holdByQueue': '每次通话的平均保持时间(按队列)',
  'table.queues': '队列详细信息',
  'column.queueName': '队列名称',
  'column.holdDuration': '保持时长',
  'column.avgHoldTime': '平均保持时间',
  'column.connectedDuration': '连接时长',
  'column.avgInboundConnected': '入站平均连接时长',
  'column.handleTime': '处理时间',
  'column.avgHandleTime': '平均处理时间',
  'column.queueTime': '排队时间',
  'column.avgQueueWait': '平均排队等待时间',
  'column.answered': '已接听',
  'column.abandoned': '放弃',
  'column.totalCalls': '呼叫总数',
  'column.other': '其他',
  'column.serviceLevel': '服务水平',
  'column.abandonRate': '放弃率',
} satisfies Record<QueueHistoryKey, string>;
