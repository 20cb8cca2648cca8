import type { Catalogs, Translator } from '../../core/i18n/index.js';
import { en, type AgentStatsKey } from './en.js';
import { zhCN } from './zh-CN.js';

export type { AgentStatsKey };
export const agentStatsCatalogs: Catalogs<AgentStatsKey> = { en, 'zh-CN': zhCN };
export type AgentStatsTranslator = Translator<AgentStatsKey>;
