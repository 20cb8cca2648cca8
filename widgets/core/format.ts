import type { Lang } from './i18n/index.js';

/** Formatting with `Intl`, one cached formatter per language and time zone (constructing them is the expensive part). */

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let f = cache.get(key);
  if (!f) cache.set(key, (f = make()));
  return f as F;
}

const twoDigits = (lang: Lang) => cached(`2d|${lang}`, () => new Intl.NumberFormat(lang, { minimumIntegerDigits: 2, useGrouping: false }));

/** A ticking duration as a clock reads: `4:07`, `1:02:09`. Seconds below zero (clock skew) show as 0. */
export function formatDuration(seconds: number, lang: Lang): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const two = twoDigits(lang);
  const mm = h > 0 ? two.format(m) : formatNumber(m, lang);
  return `${h > 0 ? `${formatNumber(h, lang)}:` : ''}${mm}:${two.format(s % 60)}`;
}

/** ISO 8601 duration for `<time datetime>`, so assistive technology can read the value. */
export function isoDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `PT${Math.floor(s / 3600)}H${Math.floor((s % 3600) / 60)}M${s % 60}S`;
}

export function formatNumber(n: number, lang: Lang): string {
  return cached(`n|${lang}`, () => new Intl.NumberFormat(lang)).format(n);
}

/** A ratio (0–1) as a percentage: `78%`, `4.3%` with `digits` 1. */
export function formatPercent(ratio: number, lang: Lang, digits = 0): string {
  return cached(`p|${lang}|${digits}`, () => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: digits })).format(ratio);
}

/** A wall-clock time in the viewer's time zone (undefined: the browser's). */
export function formatTime(at: number | Date, lang: Lang, timeZone?: string): string {
  return cached(`t|${lang}|${timeZone ?? ''}`, () => new Intl.DateTimeFormat(lang, { timeStyle: 'medium', ...(timeZone ? { timeZone } : {}) })).format(at);
}

/** A date and time in the viewer's time zone (undefined: the browser's), for an instant that may be days old. */
export function formatDateTime(at: number | Date, lang: Lang, timeZone?: string): string {
  return cached(`dt|${lang}|${timeZone ?? ''}`, () => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) })).format(at);
}

/** Sorting names the way the viewer's language does (pinyin order for zh-CN). */
export function collator(lang: Lang): Intl.Collator {
  return (collators[lang] ??= new Intl.Collator(lang, { sensitivity: 'base', numeric: true }));
}
const collators: Partial<Record<Lang, Intl.Collator>> = {};

/** An IANA zone the browser knows, else undefined (the browser's own zone) rather than a RangeError at render time. */
export function validTimeZone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}
