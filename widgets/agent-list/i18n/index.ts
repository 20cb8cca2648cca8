import type { Catalogs, Translator } from '../../core/i18n/index.js';
import { en, type AgentListKey } from './en.js';
import { zhCN } from './zh-CN.js';

export type { AgentListKey };
export const agentListCatalogs: Catalogs<AgentListKey> = { en, 'zh-CN': zhCN };
export type AgentListTranslator = Translator<AgentListKey>;
