import { FloorviewApiError } from './api.js';
import { translator, type Catalogs, type Lang } from './i18n/index.js';

/**
 * The server says why it refused a command in English, naming the agent and the queue; a
 * widget in another language says it in that language from the refusal's code instead. Loaded
 * only with what sends commands (the agent list's actions, the alerts' "Monitor").
 */
const en = {
  agent_signed_out: '{name} is signed out.',
  no_change: 'Nothing to change.',
  not_assigned: '{name} is not assigned to that queue.',
  already_joined: '{name} has already joined that queue.',
  not_joined: '{name} has not joined that queue.',
  not_on_call: '{name} is not on a call.',
  monitored_by_other: 'Another supervisor is already monitoring this call.',
  not_monitoring: 'You are not monitoring {name}.',
  platform_error: 'The telephony platform did not carry it out.',
} satisfies Record<string, string>;

export type RefusalCode = keyof typeof en;

const zhCN: Record<RefusalCode, string> = {
  agent_signed_out: '{name} 已签出。',
  no_change: '无需更改。',
  not_assigned: '{name} 未分配到该队列。',
  already_joined: '{name} 已加入该队列。',
  not_joined: '{name} 未加入该队列。',
  not_on_call: '{name} 未在通话中。',
  monitored_by_other: '已有其他主管在监听此通话。',
  not_monitoring: '您未在监听 {name}。',
  platform_error: '电话平台未能执行。',
};

export const refusalCatalogs: Catalogs<RefusalCode> = { en, 'zh-CN': zhCN };

/** Why a command was refused, in the widget's language: the server's own words in English (they name the queue and the state), else from its code. */
export function refusalText(lang: Lang, error: unknown, name: string): string {
  if (!(error instanceof FloorviewApiError)) return String(error);
  if (lang === 'en' || !(error.code in en)) return error.message;
  return translator(lang, refusalCatalogs).t(error.code as RefusalCode, { name });
}
