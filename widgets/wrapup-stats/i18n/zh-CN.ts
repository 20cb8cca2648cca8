import { historyZhCN } from '../../history-common/i18n/zh-CN.js';
import type { WrapupStatsKey } from './en.js';

/** 总结统计的简体中文字符串(术语与主管指南一致)。 */
export const zhCN = {
  ...historyZhCN,
  'wrapupStats.title': '座席总结统计',
  'kpi.avgWrapupTime': '平均收尾时间',
  'kpi.completed': '已完成的总结',
  'kpi.highestQueue': '平均收尾时间最长的队列',
  'kpi.lowestQueue': '平均收尾时间最短的队列',
  'chart.wrapupTrend': '平均收尾持续时间趋势',
  'table.reasonsByUse': '总结原因使用排行',
  'table.queuesByAvgWrapupTime': '队列平均总结时长排行',
  'table.agentsByCompleted': '座席已完成总结数量排行',
  'table.agentsByAvgWrapupTime': '座席平均总结时长排行',
  'column.reasonName': '总结原因',
  'column.queueName': '队列',
  'column.agentName': '座席',
  'column.completed': '已完成的总结',
  'column.avgWrapupTime': '平均总结时长',
} satisfies Record<WrapupStatsKey, string>;
