import type { Catalogs, Translator } from '../../core/i18n/index.js';
import { en, type WrapupStatsKey } from './en.js';
import { zhCN } from './zh-CN.js';

export type { WrapupStatsKey };
export const wrapupStatsCatalogs: Catalogs<WrapupStatsKey> = { en, 'zh-CN': zhCN };
export type WrapupStatsTranslator = Translator<WrapupStatsKey>;
