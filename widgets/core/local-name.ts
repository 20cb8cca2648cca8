import type { Lang } from './i18n/index.js';

/**
 * Directory data (queue names, state and wrap-up reasons) in the viewer's language.
 * The rule lives here, beside the widgets' languages, because a widget bundle may not
 * import server code; the server imports this module (it has no other import) for
 * what it writes itself, such as report CSVs.
 */

/** Every language the UI speaks; the directory file's translations are keyed by these. */
export const LANGS = ['en', 'zh-CN'] as const satisfies readonly Lang[];

/** Translations of one name, by language; a missing language falls back to the name. */
export type Names = Partial<Record<Lang, string>>;

export const NO_NAMES: Names = Object.freeze({});

/** The name to show in `lang`: its translation when the directory gives one, else the default `name`. */
export function localName(name: string, names: Names | null | undefined, lang: Lang): string {
  return names?.[lang] || name;
}
