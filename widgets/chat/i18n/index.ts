import type { Catalogs, Translator } from '../../core/i18n/index.js';
import { en, type ChatKey } from './en.js';
import type { ThreadKey } from './thread-en.js';
import { zhCN } from './zh-CN.js';

export type { ChatKey, ThreadKey };
export const chatCatalogs: Catalogs<ChatKey> = { en, 'zh-CN': zhCN };
export type ChatTranslator = Translator<ChatKey>;
/** What a thread needs: any widget whose catalogs spread the thread strings in. */
export type ThreadTranslator = Translator<ThreadKey>;
