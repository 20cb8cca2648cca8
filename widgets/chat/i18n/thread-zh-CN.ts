import type { ThreadKey } from './thread-en.js';

/** 聊天记录与输入框的简体中文文字(聊天面板和座席工作台共用)。 */
export const threadZhCN: Record<ThreadKey, string> = {
  'thread.log': '与 {name} 的对话',
  'thread.loading': '正在加载消息…',
  'thread.empty': '还没有与 {name} 的消息。',
  'thread.older': '更早的消息',
  'thread.loadingOlder': '正在加载更早的消息…',
  'thread.start': '这是您与 {name} 对话的开始。',
  'thread.you': '你',
  'thread.said': '{name},{time}:',
  'thread.delivered': '已送达',
  'thread.read': '{time} 已读',
  'thread.sending': '正在发送…',
  'thread.failed': '未发送',
  'thread.tooMany': '一分钟内消息过多，请稍候再发送。',
  'thread.retry': '重试',
  'thread.discard': '放弃',
  'thread.input': '发给 {name} 的消息',
  'thread.placeholder': '输入消息…',
  'thread.hint': '按 Enter 发送,Shift+Enter 换行。',
  'thread.send': '发送',
  'thread.remaining.one': '还可输入 {count} 个字符',
  'thread.remaining.other': '还可输入 {count} 个字符',
};
