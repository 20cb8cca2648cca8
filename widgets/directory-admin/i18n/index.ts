import type { Catalogs, Translator } from '../../core/i18n/index.js';
import { en, type DirectoryAdminKey } from './en.js';
import { zhCN } from './zh-CN.js';

export type { DirectoryAdminKey };
export const directoryAdminCatalogs: Catalogs<DirectoryAdminKey> = { en, 'zh-CN': zhCN };
export type DirectoryAdminTranslator = Translator<DirectoryAdminKey>;
