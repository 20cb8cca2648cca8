import { coreEn } from '../../core/i18n/en.js';
import { threadEn } from '../../chat/i18n/thread-en.js';

/** English strings of the agent desk. */
export const en = {
  ...coreEn,
  ...threadEn,
  'desk.title': 'Agent desk',
  'desk.loading': 'Loading your state…',
  'desk.timeInState': 'for',
  'desk.contact': 'Contact',
  'desk.queues': 'Your queues',
  'desk.queueJoined': '{queue}: joined',
  'desk.queueNotJoined': '{queue}: not joined',
  'desk.chat': 'Chat with supervisors',
  'desk.noSupervisors': 'No supervisor supervises your queues yet.',
  'desk.unread.one': '{count} unread message',
  'desk.unread.other': '{count} unread messages',
  'desk.monitor': '{name} is listening to your call.',
  'desk.coach': '{name} is coaching you — only you can hear them.',
  'desk.barge': '{name} has joined your call — the customer can hear them.',
  'desk.signIn.title': 'Sign in to your agent desk',
  'desk.signIn.login': 'Email or agent ID',
  'desk.signIn.notAgent': 'This is the agent desk: sign in as an agent.',
} satisfies Record<string, string>;

export type AgentDeskKey = keyof typeof en;
