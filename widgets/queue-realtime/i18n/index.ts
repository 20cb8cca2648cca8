import type { Catalogs, Translator } from '../../core/i18n/index.js';
import { en, type QueueRealtimeKey } from './en.js';
import { zhCN } from './zh-CN.js';

export type { QueueRealtimeKey };
export const queueRealtimeCatalogs: Catalogs<QueueRealtimeKey> = { en, 'zh-CN': zhCN };
export type QueueRealtimeTranslator = Translator<QueueRealtimeKey>;
