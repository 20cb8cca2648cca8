import { coreZhCN } from '../../core/i18n/zh-CN.js';
import type { QueueRealtimeKey } from './en.js';

/** 实时队列组件的简体中文文字。 */
export const zhCN: Record<QueueRealtimeKey, string> = {
  ...coreZhCN,
  'queues.title': '队列',
  'queues.loading': '正在加载队列…',
  'queues.empty': '没有可显示的队列。',
  'queues.view': '视图',
  'queues.view.table': '表格',
  'queues.view.tiles': '磁贴',
  'queues.todayNote': '服务水平、放弃率和呼叫数:今日',
  'queues.age': '数据已过 {age}',

  'aggregate.name': '全部显示队列',
  'aggregate.count.one': '{count} 个队列',
  'aggregate.count.other': '{count} 个队列',

  'column.queue': '队列',
  'column.waiting': '等待中',
  'column.longestWait': '最长等待',
  'column.totalAgents': '座席总数',
  'column.staffedAgents': '在岗',
  'column.idleAgents': '空闲',
  'column.unavailableAgents': '不可用',
  'column.serviceLevel': '服务水平',
  'column.abandonRate': '放弃率',
  'column.callsToday': '今日呼叫',
  'column.agentsRequired': '所需',

  'staffing.short': '缺 {count} 人',
  'staffing.spare': '富余 {count} 人',
  'staffing.enough': '人数正好',
  'staffing.noneShort': '无队列缺员',
  'staffing.unknown': '暂无法估算',
  'staffing.basis': '按最近 {calls} 个呼叫、平均处理时长 {aht} 估算的当前所需座席数(Erlang C)',

  'calls.detail': '已接听 {answered} · 已放弃 {abandoned}',
  'csv.answered': '今日已接听',
  'csv.abandoned': '今日已放弃',
  'figure.none': '今日尚无呼叫',

  'level.warn': '警告',
  'level.alert': '告警',
  'threshold.waiting': '{level}:等待数达到 {value}',
  'threshold.longestWait': '{level}:等待时间达到 {value}',
  'threshold.serviceLevel': '{level}:低于 {value}',
  'threshold.abandonRate': '{level}:放弃率达到 {value}',
  'threshold.agentsShort': '{level}:缺员达到 {value} 人',

  'trend.title': '等待中的联系人,最近 {minutes} 分钟',
  'trend.mode': '趋势',
  'trend.mode.queues': '按队列',
  'trend.mode.total': '合计',
  'trend.total': '全部显示队列',
  'trend.summary': '{name}:当前等待 {now},最多 {peak}',

  'agents.title': '座席',
  'agents.onContact': '通话中',
};
