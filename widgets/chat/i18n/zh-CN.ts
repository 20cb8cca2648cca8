import { coreZhCN } from '../../core/i18n/zh-CN.js';
import type { ChatKey } from './en.js';
import { threadZhCN } from './thread-zh-CN.js';

/** 聊天面板的简体中文文字。 */
export const zhCN: Record<ChatKey, string> = {
  ...coreZhCN,
  ...threadZhCN,
  'chat.heading': '聊天',
  'chat.title': '与 {name} 聊天',
  'chat.choose': '在座席上选择“聊天”即可开始对话。',
  'chat.close': '关闭聊天',
  'chat.notSupervisor': '与座席聊天仅限主管使用。',
};
