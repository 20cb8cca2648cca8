import type { AlertsKey } from './alerts-en.js';

/** 告警面板与提示的简体中文文字(随第一条告警加载)。 */
export const alertsZhCN: Record<AlertsKey, string> = {
  'alerts.title': '告警',
  'alerts.count.one': '{count} 条告警',
  'alerts.count.other': '{count} 条告警',
  'alerts.acknowledge': '确认',
  'alerts.acknowledged': '已由 {name} 确认',
  'alerts.dismiss': '关闭',
  'alerts.monitor': '监听',
  'alerts.since': '自 {time} 起',
  'alerts.failed': '未完成:{message}',
  'rule.serviceLevelBelow': '{queue}:服务水平 {value},低于 {threshold}',
  'rule.waitingAtLeast': '{queue}:{value} 个等待中(告警阈值 {threshold})',
  'rule.longestWaitAtLeastSeconds': '{queue}:有联系人已等待 {value}(告警阈值 {threshold})',
  'rule.agentsShortAtLeast': '{queue}:缺 {value} 名座席(告警阈值 {threshold})',
  'rule.unavailableAtLeastSeconds': '{agent}:不可用已 {value}',
  'rule.holdAtLeastSeconds': '{agent}:保持已 {value}',
  'rule.wrapupAtLeastSeconds': '{agent}:收尾已 {value}',
  'rule.ringNoAnswerPerHourAtLeast': '{agent}:最近一小时有 {value} 个呼叫振铃未接',
  'rule.raisedHand': '{agent} 举手求助',
  'rule.raisedHandNote': '{agent} 举手求助:“{note}”',
};
