import { coreZhCN } from '../../core/i18n/zh-CN.js';
import type { AgentListKey } from './en.js';

/** 座席列表的简体中文文字。 */
export const zhCN: Record<AgentListKey, string> = {
  ...coreZhCN,
  'agents.title': '座席',
  'agents.count.one': '{shown} / {total} 名座席',
  'agents.count.other': '{shown} / {total} 名座席',
  'agents.loading': '正在加载座席…',
  'agents.empty': '没有符合筛选条件的座席。',
  'agents.noMatch': '没有与“{search}”匹配的座席。',
  'agents.noMatchFiltered': '在当前筛选条件下,没有与“{search}”匹配的座席。',
  'agents.none': '您的队列中暂无座席。',
  'agents.clearFilters': '显示全部座席',
  'agents.search': '按姓名搜索',
  'agents.queueFilter': '队列',
  'agents.allQueues': '全部队列',
  'agents.stateFilter': '状态',
  'agents.allStates': '全部状态',
  'agents.view': '视图',
  'agents.view.list': '列表',
  'agents.view.queue': '按队列',
  'agents.group.one': '{count} 名座席,{joined} 名已加入',
  'agents.group.other': '{count} 名座席,{joined} 名已加入',
  'agents.noQueue': '无队列',

  'column.name': '座席',
  'column.state': '状态',
  'column.timeInState': '状态持续时间',
  'column.queues': '队列',
  'column.contactState': '联系人状态',
  'column.contactDuration': '联系人持续时间',
  'column.monitoredBy': '监控者',
  'column.actions': '操作',

  'queue.joined': '{queue}:已加入',
  'queue.notJoined': '{queue}:已分配,未加入',
  'queue.more': '+{count}',
  'queue.moreLabel': '另外 {count} 个:{queues}',

  'monitoredBy.you': '你',

  'action.menu': '{name} 的操作',
  'chat.unread.one': '{name} 的 {count} 条未读消息:打开聊天',
  'chat.unread.other': '{name} 的 {count} 条未读消息:打开聊天',
  'action.pending': '等待电话系统确认…',

};
