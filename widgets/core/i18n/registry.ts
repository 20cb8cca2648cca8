import type { Catalogue } from './catalogue.js';

/**
 * The languages a host page registers at run time, shared by every Floorview bundle on the
 * page (`Symbol.for`, as the context and the stream registry are): a catalogue registered
 * through the all-in-one file also reaches a widget loaded from its own file.
 */
interface Registry {
  /** By lower-cased tag; a tag registered again merges into what it had. */
  readonly catalogues: Map<string, { tag: string; messages: Record<string, string> }>;
  /** Bumped on every change, so translators built before it are rebuilt. */
  generation: number;
  /** Fires `change` when a language is registered or the page's `<html lang>` changes. */
  readonly events: EventTarget;
}

const KEY = Symbol.for('floorview/languages');
type Page = typeof globalThis & { [KEY]?: Registry };

export function registry(): Registry {
  const page = globalThis as Page;
  if (page[KEY]) return page[KEY];
  const created: Registry = { catalogues: new Map(), generation: 0, events: new EventTarget() };
  page[KEY] = created;
  if (typeof MutationObserver !== 'undefined' && typeof document !== 'undefined') {
    // A widget without its own `lang` follows the page's: a page that switches language re-renders it.
    new MutationObserver(() => changed(created)).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }
  return created;
}

function changed(r: Registry): void {
  r.generation++;
  r.events.dispatchEvent(new Event('change'));
}

/** Options of {@link registerLanguage}. */
export interface RegisterOptions {
  /** Accept a catalogue that lacks keys: each missing key falls back as the README says. */
  partial: true;
}

/**
 * Teaches every Floorview widget on the page a language, or changes built-in strings: a
 * catalogue maps each key of the built-in English catalogue to its text (`{name}` marks a
 * value filled in, plural keys end in `.one`, `.other`… by `Intl.PluralRules`). A complete
 * catalogue is type-checked to have every key; pass `{ partial: true }` for one that
 * falls back per key (`fr-CA` → `fr` → English). Widgets already shown re-render.
 * Texts are always shown as text, never as HTML.
 */
export function registerLanguage(lang: string, catalogue: Catalogue): void;
export function registerLanguage(lang: string, catalogue: Partial<Catalogue>, options: RegisterOptions): void;
export function registerLanguage(lang: string, catalogue: Partial<Catalogue>, _options?: RegisterOptions): void {
  let tag: string;
  try {
    [tag] = Intl.getCanonicalLocales(lang) as [string];
  } catch {
    throw new RangeError(`Floorview: registerLanguage needs a language tag such as "fr" or "fr-CA", not ${JSON.stringify(lang)}.`);
  }
  const r = registry();
  const messages: Record<string, string> = {};
  for (const [key, text] of Object.entries(catalogue)) if (typeof text === 'string') messages[key] = text;
  const existing = r.catalogues.get(tag.toLowerCase());
  r.catalogues.set(tag.toLowerCase(), { tag, messages: { ...existing?.messages, ...messages } });
  changed(r);
}

/** The registered languages `requested` falls back through (`fr-CA`, then `fr`), most specific first. */
export function registeredChain(requested: string): { tag: string; messages: Record<string, string> }[] {
  const { catalogues } = registry();
  const parts = requested.toLowerCase().split('-');
  return parts.flatMap((_, i) => catalogues.get(parts.slice(0, parts.length - i).join('-')) ?? []);
}
