import type { Catalogs } from '../../core/i18n/index.js';

/** The wrap-up reason picker's strings, loaded with it. */
const en = {
  'wrapup.title': 'Wrap-up reason',
  'wrapup.prompt': 'Choose the wrap-up reason to finish your after-call work.',
  'wrapup.choose': 'Choose a reason…',
  'wrapup.complete': 'Complete wrap-up',
  'wrapup.none': 'No wrap-up reasons are set up yet: ask an administrator.',
} satisfies Record<string, string>;

export type WrapupKey = keyof typeof en;

const zhCN: Record<WrapupKey, string> = {
  'wrapup.title': '总结原因',
  'wrapup.prompt': '请选择总结原因，以完成话后收尾。',
  'wrapup.choose': '请选择原因…',
  'wrapup.complete': '完成收尾',
  'wrapup.none': '尚未配置总结原因:请联系管理员。',
};

export const wrapupCatalogs: Catalogs<WrapupKey> = { en, 'zh-CN': zhCN };
