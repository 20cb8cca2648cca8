import { z } from '@hono/zod-openapi';

/**
 * The request fields that name times (statistics ranges, reports), checked for their shape
 * with the rest of the request, so one 400 names them beside every other bad field.
 * Whether a range is in order is the server's (server/stats/stats-range.ts).
 */

/** An ISO instant with an offset, to the minute at least. */
export const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export const DAY_OR_INSTANT = 'must be a date (YYYY-MM-DD) or an ISO instant with an offset';

/** The text's YYYY-MM-DD is a day of the calendar (not 2026-13-01 or 2026-02-30). */
function isCalendarDay(text: string): boolean {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

export const dayOrInstant = z
  .string()
  .max(40)
  .refine(
    (text) => (DAY_PATTERN.test(text) && isCalendarDay(text)) || (INSTANT_PATTERN.test(text) && isCalendarDay(text) && !Number.isNaN(Date.parse(text))),
    DAY_OR_INSTANT,
  );

export const timeOfDay = z.string().regex(/^\d{2}:\d{2}$/, 'must be a time of day HH:MM');

export const unknownZone = (name: string) => `unknown time zone "${name}" (use an IANA name such as "Asia/Shanghai")`;

export const timeZoneName = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, { error: (issue) => unknownZone(String(issue.input)) });

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
