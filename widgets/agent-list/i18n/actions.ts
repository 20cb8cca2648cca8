import type { Catalogs, Translator } from '../../core/i18n/index.js';
import { actionsEn, type AgentActionsKey } from './actions-en.js';
import { actionsZhCN } from './actions-zh-CN.js';

export type { AgentActionsKey };
/** The list's strings and those of the lazily loaded actions and export (./index.ts has the list's alone). */
export const agentActionsCatalogs: Catalogs<AgentActionsKey> = { en: actionsEn, 'zh-CN': actionsZhCN };
export type AgentActionsTranslator = Translator<AgentActionsKey>;
