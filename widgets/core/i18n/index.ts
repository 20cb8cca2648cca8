import type { Lang as BuiltInLang } from '../../../contract/names.js';
import { coreEn, type CoreKey } from './en.js';
import { registeredChain, registry } from './registry.js';
import { coreZhCN } from './zh-CN.js';

export type { CoreKey, BuiltInLang };
export type { Catalogue, CatalogueKey } from './catalogue.js';
export { registerLanguage, type RegisterOptions } from './registry.js';

/**
 * The language a widget speaks: a built-in one (`en`, `zh-CN`) or a tag a host registered
 * (`fr`, `fr-CA`); what `Intl` formats numbers and dates in.
 */
export type Lang = string;

/**
 * A widget's built-in strings. Each widget has its own catalogs (its keys plus the core
 * ones spread in), so a bundle carries only its own strings and widgets are written side
 * by side without touching a shared file.
 */
export type Catalogs<K extends string> = Record<BuiltInLang, Record<K, string>>;

export const coreCatalogs: Catalogs<CoreKey> = { en: coreEn, 'zh-CN': coreZhCN };

/** The built-in language `tag` falls back to: `zh`, `zh-CN`, `zh-Hans-CN`… → `zh-CN`; anything else → `en`. */
export function builtInLang(tag: string | null | undefined): BuiltInLang {
  return tag && /^zh(-hans|-cn|-sg|$)/i.test(tag) ? 'zh-CN' : 'en';
}

/** The language to speak for a requested tag: the most specific registered match (`fr-CA` → `fr`), else a built-in one. */
export function resolveLang(requested: string | null | undefined): Lang {
  return (requested && registeredChain(requested)[0]?.tag) || builtInLang(requested);
}

/** Calls `listener` whenever a language is registered or the page's language changes; returns the unsubscribe. */
export function onLanguagesChange(listener: () => void): () => void {
  const { events } = registry();
  events.addEventListener('change', listener);
  return () => events.removeEventListener('change', listener);
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

/** One catalogue to look in, with the plural rules of its own language. */
interface Source {
  messages: Record<string, string>;
  plural: Intl.PluralRules;
}

/** Where a key is looked up, in order: the registered `lang` and its shorter forms, the built-in language it falls back to, English. */
function sources(lang: Lang, catalogs: Catalogs<string>): Source[] {
  const builtIn = builtInLang(lang);
  return [...registeredChain(lang), { tag: builtIn, messages: catalogs[builtIn] }, { tag: 'en', messages: catalogs.en }].map(({ tag, messages }) => ({
    messages,
    plural: new Intl.PluralRules(tag),
  }));
}

const cache = new WeakMap<object, Map<Lang, { generation: number; tr: Translator<string> }>>();

export function translator<K extends string>(lang: Lang, catalogs: Catalogs<K>): Translator<K> {
  let byLang = cache.get(catalogs);
  if (!byLang) cache.set(catalogs, (byLang = new Map()));
  const { generation } = registry();
  let entry = byLang.get(lang);
  if (!entry || entry.generation !== generation) {
    const from = sources(lang, catalogs);
    const lookup = (key: string) => from.find((s) => key in s.messages)?.messages[key];
    const tr: Translator<string> = {
      lang,
      t: (key, params) => fill(lookup(key) ?? key, params),
      tn: (key, n, params) => {
        // The first catalogue that has the key at all chooses the form, by its own language's rules.
        const s = from.find((c) => `${key}.other` in c.messages);
        const text = s ? (s.messages[`${key}.${s.plural.select(n)}`] ?? s.messages[`${key}.other`]) : key;
        return fill(text!, { count: n, ...params });
      },
    };
    byLang.set(lang, (entry = { generation, tr }));
  }
  return entry.tr as Translator<K>;
}
