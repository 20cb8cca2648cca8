import { BUCKET_MS, bucketOf } from '../domain/rollup-cells.js';
import { badRequest } from '../lib/errors.js';
import { DAY_MS, parseDay, Zone } from '../domain/zone.js';
import { DAY_OR_INSTANT, INSTANT_PATTERN, unknownZone } from '../../contract/time-fields.js';

/** At most this many days in one statistics request. */
export const MAX_RANGE_DAYS = 400;
/** Ranges up to this long get an hourly trend; longer ones a daily trend. */
const HOURLY_TREND_MAX_MS = 2 * DAY_MS + 3_600_000;

export interface RangeInput {
  from: string;
  to: string;
  /** IANA zone the dates and the time-of-day window are read in. */
  tz: string;
  /** `HH:MM`: only intervals starting at or after this local time of day… */
  timeFrom?: string | undefined;
  /** …and before this one (`24:00` for the end of the day). */
  timeTo?: string | undefined;
}

/**
 * A statistics range resolved onto 15-minute buckets: a bucket counts when its
 * start instant lies in [from, to) and, with a time-of-day window, its local
 * start time lies in the window. Boundaries inside a bucket therefore snap up to
 * the next bucket start.
 */
export interface StatsRange {
  zone: Zone;
  /** Bucket-aligned instants: the first bucket in the range, and the end of the last. */
  from: number;
  to: number;
  /** Minutes since local midnight, when a time-of-day window applies. */
  window: { from: number; to: number } | null;
  /** Disjoint, ordered, bucket-aligned [start, end) spans of counted buckets. */
  spans: [number, number][];
  interval: 'hour' | 'day';
}

const ceilBucket = (ms: number) => bucketOf(ms + BUCKET_MS - 1);

/**
 * Validates and resolves a range; a 400 names each bad field, with `otherFields` (the rest of
 * the request's) beside them.
 */
export function resolveRange(input: RangeInput, otherFields: Record<string, string> = {}): StatsRange {
  const fields: Record<string, string> = { ...otherFields };
  const zone = Zone.find(input.tz);
  if (!zone) fields.tz = unknownZone(input.tz);
  const window = parseWindow(input, fields);

  // Without the zone the days are still read (in UTC) to name a bad one; their order waits for the zone.
  const from = boundary(zone ?? Zone.of('UTC'), input.from, 'start');
  const to = boundary(zone ?? Zone.of('UTC'), input.to, 'end');
  if (from === null) fields.from = DAY_OR_INSTANT;
  if (to === null) fields.to = DAY_OR_INSTANT;
  if (zone && from !== null && to !== null) {
    if (to <= from) fields.to = 'must be after from';
    else if (to - from > MAX_RANGE_DAYS * DAY_MS + 3_600_000) fields.to = `the range may span at most ${MAX_RANGE_DAYS} days`;
  }
  if (Object.keys(fields).length > 0 || !zone || from === null || to === null) {
    throw badRequest('The statistics request is invalid.', fields);
  }

  const start = ceilBucket(from);
  const end = ceilBucket(to);
  return {
    zone,
    from: start,
    to: end,
    window,
    spans: window ? windowSpans(zone, start, end, window) : start < end ? [[start, end]] : [],
    interval: end - start <= HOURLY_TREND_MAX_MS ? 'hour' : 'day',
  };
}

/** A date is a whole local day: `from` its start, `to` its end. An instant is itself. */
function boundary(zone: Zone, text: string, side: 'start' | 'end'): number | null {
  const day = parseDay(text);
  if (day !== null) return zone.dayStart(side === 'start' ? day : day + 1);
  if (!INSTANT_PATTERN.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

function parseWindow(input: RangeInput, fields: Record<string, string>): StatsRange['window'] {
  if (input.timeFrom === undefined && input.timeTo === undefined) return null;
  const from = minutes(input.timeFrom ?? '00:00');
  const to = minutes(input.timeTo ?? '24:00');
  if (from === null || from >= 24 * 60) fields.timeFrom = 'must be a time of day HH:MM';
  if (to === null || to === 0) fields.timeTo = 'must be a time of day HH:MM (24:00 for midnight at the end of the day)';
  if (from !== null && to !== null && from === to) fields.timeTo = 'must differ from timeFrom';
  if (from === null || to === null || from === to || from >= 24 * 60 || to === 0) return null;
  return { from, to };
}

function minutes(text: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const value = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && value <= 24 * 60 ? value : null;
}

/** A window from > to wraps past midnight (22:00–06:00). */
const inWindow = (minute: number, w: { from: number; to: number }) =>
  w.from < w.to ? minute >= w.from && minute < w.to : minute >= w.from || minute < w.to;

function windowSpans(zone: Zone, from: number, to: number, window: { from: number; to: number }): [number, number][] {
  const spans: [number, number][] = [];
  for (let b = from; b < to; b += BUCKET_MS) {
    if (!inWindow(zone.minuteOfDay(b), window)) continue;
    const last = spans[spans.length - 1];
    if (last && last[1] === b) last[1] = b + BUCKET_MS;
    else spans.push([b, b + BUCKET_MS]);
  }
  return spans;
}

/** Every counted bucket, in order. */
export function* bucketsOf(range: StatsRange): Generator<number> {
  for (const [a, b] of range.spans) for (let t = a; t < b; t += BUCKET_MS) yield t;
}
