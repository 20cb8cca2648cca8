import type { Catalogs, Translator } from '../../core/i18n/index.js';
import { en, type AgentDeskKey } from './en.js';
import { zhCN } from './zh-CN.js';

export type { AgentDeskKey };
export const agentDeskCatalogs: Catalogs<AgentDeskKey> = { en, 'zh-CN': zhCN };
export type AgentDeskTranslator = Translator<AgentDeskKey>;
