import { en, type MessageKey, type Messages } from './en.js';
import { zhCN } from './zh-CN.js';

export type Lang = 'en' | 'zh-CN';
export type { MessageKey };

const CATALOGS: Record<Lang, Messages> = { en, 'zh-CN': zhCN };

/** `zh`, `zh-CN`, `zh-Hans-CN`… → `zh-CN`; anything else → `en`. */
export function resolveLang(requested: string | null | undefined): Lang {
  return requested && /^zh(-hans|-cn|-sg|$)/i.test(requested) ? 'zh-CN' : 'en';
}

type Params = Record<string, string | number>;
/** Keys that come in plural forms: `x.one`, `x.other`. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer B}.other` ? B : never) : never;

export interface Translator {
  readonly lang: Lang;
  t(key: MessageKey, params?: Params): string;
  /** The plural form for `n` by the language's rules (`Intl.PluralRules`). */
  tn(key: PluralKey, n: number, params?: Params): string;
}

const fill = (text: string, params?: Params) =>
  params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;

const cache = new Map<Lang, Translator>();

export function translator(lang: Lang): Translator {
  let tr = cache.get(lang);
  if (tr) return tr;
  const messages = CATALOGS[lang];
  const plural = new Intl.PluralRules(lang);
  tr = {
    lang,
    t: (key, params) => fill(messages[key], params),
    tn(key, n, params) {
      const form = `${key}.${plural.select(n)}` as MessageKey;
      return fill(messages[form] ?? messages[`${key}.other` as MessageKey], { count: n, ...params });
    },
  };
  cache.set(lang, tr);
  return tr;
}
