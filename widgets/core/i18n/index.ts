import type { Lang } from '../../../contract/names.js';
import { coreEn, type CoreKey } from './en.js';
import { coreZhCN } from './zh-CN.js';

export type { CoreKey, Lang };

/**
 * A widget's strings in every language. Each widget has its own catalogs (its
 * keys plus the core ones spread in), so a bundle carries only its own strings
 * and widgets are written side by side without touching a shared file.
 */
export type Catalogs<K extends string> = Record<Lang, Record<K, string>>;

export const coreCatalogs: Catalogs<CoreKey> = { en: coreEn, 'zh-CN': coreZhCN };

/** `zh`, `zh-CN`, `zh-Hans-CN`… → `zh-CN`; anything else → `en`. */
export function resolveLang(requested: string | null | undefined): Lang {
  return requested && /^zh(-hans|-cn|-sg|$)/i.test(requested) ? 'zh-CN' : 'en';
}

type Params = Record<string, string | number>;
/** Keys that come in plural forms: `x.one`, `x.other` → `x`. */
export type PluralKeyOf<K extends string> = K extends `${infer B}.other` ? B : never;

export interface Translator<K extends string = CoreKey> {
  readonly lang: Lang;
  t(key: K, params?: Params): string;
  /** The plural form for `n` by the language's rules (`Intl.PluralRules`). */
  tn(key: PluralKeyOf<K>, n: number, params?: Params): string;
}

const fill = (text: string, params?: Params) =>
  params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;

const cache = new WeakMap<object, Map<Lang, Translator<string>>>();

export function translator<K extends string>(lang: Lang, catalogs: Catalogs<K>): Translator<K> {
  let byLang = cache.get(catalogs);
  if (!byLang) cache.set(catalogs, (byLang = new Map()));
  let tr = byLang.get(lang);
  if (!tr) {
    const messages: Record<string, string> = catalogs[lang];
    const plural = new Intl.PluralRules(lang);
    tr = {
      lang,
      t: (key, params) => fill(messages[key] ?? key, params),
      tn: (key, n, params) => fill(messages[`${key}.${plural.select(n)}`] ?? messages[`${key}.other`] ?? key, { count: n, ...params }),
    };
    byLang.set(lang, tr);
  }
  return tr as Translator<K>;
}
