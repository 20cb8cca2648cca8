import type { Lang } from '../core/i18n/index.js';

/** Constructing formatters is the costly part of formatting: one per language, zone and shape. */
const formats = new Map<string, Intl.DateTimeFormat>();
function format(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formats.get(key);
  if (!f) formats.set(key, (f = make()));
  return f;
}

const zoned = (timeZone: string | undefined) => (timeZone ? { timeZone } : {});
const dayOf = (at: number, timeZone: string | undefined) =>
  format(`day|${timeZone ?? ''}`, () => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...zoned(timeZone) })).format(at);

/** A message's time as a chat shows it: `14:05` today, `Mar 3, 14:05` before (in the viewer's zone). */
export function chatTime(iso: string, lang: Lang, timeZone: string | undefined, now = Date.now()): string {
  const at = Date.parse(iso);
  const withDate = dayOf(at, timeZone) !== dayOf(now, timeZone);
  const date: Intl.DateTimeFormatOptions = withDate ? { month: 'short', day: 'numeric' } : {};
  return format(`${lang}|${timeZone ?? ''}|${withDate}`, () => new Intl.DateTimeFormat(lang, { ...date, hour: '2-digit', minute: '2-digit', ...zoned(timeZone) })).format(at);
}
