import type { Translator } from '../../core/i18n/index.js';
export { historyEn, type HistoryKey } from './en.js';
export { historyZhCN } from './zh-CN.js';
import type { HistoryKey } from './en.js';

export type HistoryTranslator = Translator<HistoryKey>;
