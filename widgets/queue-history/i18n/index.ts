import type { Catalogs, Translator } from '../../core/i18n/index.js';
import { en, type QueueHistoryKey } from './en.js';
import { zhCN } from './zh-CN.js';

export type { QueueHistoryKey };
export const queueHistoryCatalogs: Catalogs<QueueHistoryKey> = { en, 'zh-CN': zhCN };
export type QueueHistoryTranslator = Translator<QueueHistoryKey>;
