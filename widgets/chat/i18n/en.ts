import { coreEn } from '../../core/i18n/en.js';
import { threadEn } from './thread-en.js';

/** English strings of the chat panel. */
export const en = {
  ...coreEn,
  ...threadEn,
  'chat.heading': 'Chat',
  'chat.title': 'Chat with {name}',
  'chat.choose': 'Choose Chat on an agent to start a conversation.',
  'chat.close': 'Close the chat',
  'chat.notSupervisor': 'Chat with agents is for supervisors.',
} satisfies Record<string, string>;

export type ChatKey = keyof typeof en;
