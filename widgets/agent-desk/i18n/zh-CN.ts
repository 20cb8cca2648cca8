import { threadZhCN } from '../../chat/i18n/thread-zh-CN.js';
import { coreZhCN } from '../../core/i18n/zh-CN.js';
import type { AgentDeskKey } from './en.js';

/** 座席工作台的简体中文文字(监听、私聊教练、强插与主管指南一致)。 */
export const zhCN: Record<AgentDeskKey, string> = {
  ...coreZhCN,
  ...threadZhCN,
  'desk.title': '座席工作台',
  'desk.loading': '正在加载您的状态…',
  'desk.timeInState': '已持续',
  'desk.contact': '联系人',
  'desk.queues': '您的队列',
  'desk.queueJoined': '{queue}:已加入',
  'desk.queueNotJoined': '{queue}:未加入',
  'desk.chat': '与主管聊天',
  'desk.noSupervisors': '您的队列暂时没有主管。',
  'desk.unread.one': '{count} 条未读消息',
  'desk.unread.other': '{count} 条未读消息',
  'desk.monitor': '{name} 正在监听您的通话。',
  'desk.coach': '{name} 正在对您进行私聊教练,只有您能听到。',
  'desk.barge': '{name} 已强插加入您的通话,客户也能听到。',
  'desk.signIn.title': '登录座席工作台',
  'desk.signIn.login': '电子邮件或座席 ID',
  'desk.signIn.notAgent': '这是座席工作台:请以座席身份登录。',
};
