/** The date range a history widget shows, as the viewer picks it, and the query it becomes (server/routes/stats.ts). */

export const RANGE_PRESETS = ['today', 'yesterday', 'last7', 'last30', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export interface RangeChoice {
  preset: RangePreset;
  /** `YYYY-MM-DD`, for `custom`. */
  from: string;
  to: string;
  /** `HH:MM` each day; empty: the whole day. */
  timeFrom: string;
  timeTo: string;
}

export interface Filters {
  queues: string[];
  agents: string[];
  location: string;
}

const DAY_MS = 86_400_000;
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's date in a zone, `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now = Date.now()): string {
  let f = dayFormats.get(timeZone);
  if (!f) dayFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f.format(now);
}

export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/** The dates a choice covers in a zone; null while a custom range is incomplete or reversed. */
export function datesOf(choice: RangeChoice, timeZone: string, now = Date.now()): { from: string; to: string } | null {
  const today = todayIn(timeZone, now);
  switch (choice.preset) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday':
      return { from: addDays(today, -1), to: addDays(today, -1) };
    case 'last7':
      return { from: addDays(today, -6), to: today };
    case 'last30':
      return { from: addDays(today, -29), to: today };
    case 'custom':
      return isDay(choice.from) && isDay(choice.to) && choice.from <= choice.to ? { from: choice.from, to: choice.to } : null;
  }
}

/** Query parameters of a stats request; empty filters are left out. */
/** The range and filter parameters of a statistics request, as strings (ids joined by commas). */
export type StatsParams = Record<string, string> & { from: string; to: string };

export function statsParams(dates: { from: string; to: string }, choice: RangeChoice, timeZone: string, filters: Filters): StatsParams {
  const params: StatsParams = { from: dates.from, to: dates.to, tz: timeZone };
  if (choice.timeFrom) params.timeFrom = choice.timeFrom;
  if (choice.timeTo) params.timeTo = choice.timeTo;
  if (filters.queues.length > 0) params.queue = filters.queues.join(',');
  if (filters.agents.length > 0) params.agent = filters.agents.join(',');
  if (filters.location) params.location = filters.location;
  return params;
}

/** `a,b` attribute values as a list. */
export const idList = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
