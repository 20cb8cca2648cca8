import type { Catalogs } from '../../core/i18n/index.js';

/** The raised hand's strings, loaded with it. */
const en = {
  'hand.title': 'Ask for help',
  'hand.note': 'What do you need? (optional)',
  'hand.raise': 'Raise hand',
  'hand.lower': 'Lower hand',
  'hand.waiting': 'Hand raised: waiting for a supervisor.',
  'hand.acknowledged': '{name} saw your raised hand.',
} satisfies Record<string, string>;

export type HandKey = keyof typeof en;

const zhCN: Record<HandKey, string> = {
  'hand.title': '求助',
  'hand.note': '需要什么帮助?(可选)',
  'hand.raise': '举手',
  'hand.lower': '放下手',
  'hand.waiting': '已举手:等待主管回应。',
  'hand.acknowledged': '{name} 已看到您的举手。',
};

export const handCatalogs: Catalogs<HandKey> = { en, 'zh-CN': zhCN };
