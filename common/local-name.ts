import type { Lang, Names } from '../contract/names.js';

/**
 * Directory data (queue names, state and wrap-up reasons) in the viewer's language:
 * the one rule for the widgets and for what the server writes itself, such as report CSVs.
 */

export const NO_NAMES: Names = Object.freeze({});

/**
 * The name to show in `lang`: its translation when the directory gives one, else the default
 * `name` (also for a language a host page registered, which the directory file cannot name).
 */
export function localName(name: string, names: Names | null | undefined, lang: Lang | (string & {})): string {
  return names?.[lang as Lang] || name;
}
