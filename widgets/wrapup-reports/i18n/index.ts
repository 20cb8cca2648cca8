import type { Catalogs, Translator } from '../../core/i18n/index.js';
import { en, type WrapupReportsKey } from './en.js';
import { zhCN } from './zh-CN.js';

export type { WrapupReportsKey };
export const wrapupReportsCatalogs: Catalogs<WrapupReportsKey> = { en, 'zh-CN': zhCN };
export type WrapupReportsTranslator = Translator<WrapupReportsKey>;
