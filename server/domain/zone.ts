import { BUCKET_MS, bucketOf } from './rollup-cells.js';

export const DAY_MS = 86_400_000;
/** Offsets are sampled this far apart; a zone never changes offset twice within it. */
const BLOCK_MS = 6 * 3_600_000;
const BUCKETS_PER_BLOCK = BLOCK_MS / BUCKET_MS;
/** Memoised offsets per zone before the memo starts over (about 4 years of buckets). */
const MAX_MEMO = 150_000;
const MAX_ZONES = 64;

/**
 * The local calendar of one IANA time zone at 15-minute resolution, the grain of
 * the rollups: every question is asked of a bucket's start instant. So a
 * bucket belongs to the local day (and hour) its start falls in, which is exact
 * for every zone whose offset is a multiple of 15 minutes (all of today's), DST
 * changes included.
 */
export class Zone {
  private static readonly zones = new Map<string, Zone>();
  private readonly format: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();

  private constructor(readonly name: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** The zone, by IANA name (any accepted alias), or null if there is no such zone. */
  static find(name: string): Zone | null {
    const known = Zone.zones.get(name);
    if (known) return known;
    let canonical: string;
    try {
      canonical = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    } catch {
      return null;
    }
    const zone = Zone.zones.get(canonical) ?? new Zone(canonical);
    if (Zone.zones.size >= MAX_ZONES) Zone.zones.clear();
    Zone.zones.set(canonical, zone);
    Zone.zones.set(name, zone);
    return zone;
  }

  static of(name: string): Zone {
    const zone = Zone.find(name);
    if (!zone) throw new Error(`Unknown time zone "${name}"`);
    return zone;
  }

  /** Local time minus UTC, in ms, at the start of the bucket holding `ms`. */
  offsetAt(ms: number): number {
    const bucket = bucketOf(ms);
    const known = this.offsets.get(bucket);
    if (known !== undefined) return known;
    this.learnBlock(bucket - (((bucket % BLOCK_MS) + BLOCK_MS) % BLOCK_MS));
    return this.offsets.get(bucket)!;
  }

  /** Local date of a bucket, as days since 1970-01-01. */
  dayOf(ms: number): number {
    return Math.floor((bucketOf(ms) + this.offsetAt(ms)) / DAY_MS);
  }

  /** Minutes since local midnight (wall clock) at a bucket's start. */
  minuteOfDay(ms: number): number {
    const local = bucketOf(ms) + this.offsetAt(ms);
    return Math.floor((local - Math.floor(local / DAY_MS) * DAY_MS) / 60_000);
  }

  /** The first bucket of a local day: the earliest bucket whose start falls on that date or later. */
  dayStart(day: number): number {
    const midnight = day * DAY_MS;
    let t = bucketOf(midnight - this.offsetAt(midnight - this.offsetAt(midnight)));
    while (this.dayOf(t - BUCKET_MS) >= day) t -= BUCKET_MS;
    while (this.dayOf(t) < day) t += BUCKET_MS;
    return t;
  }

  /** `2026-03-08T03:00:00-05:00`: the instant, written in local time. */
  isoLocal(ms: number): string {
    const offset = this.offsetAt(ms);
    const minutes = Math.trunc(offset / 60_000);
    const sign = minutes < 0 ? '-' : '+';
    const hh = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
    const mm = String(Math.abs(minutes) % 60).padStart(2, '0');
    return `${new Date(ms + offset).toISOString().slice(0, 19)}${sign}${hh}:${mm}`;
  }

  /** Offsets of the 24 buckets of a 6-hour block: two samples, and a bisection where they differ. */
  private learnBlock(start: number): void {
    if (this.offsets.size > MAX_MEMO) this.offsets.clear();
    const first = this.exactOffset(start);
    const last = this.exactOffset(start + BLOCK_MS - BUCKET_MS);
    let change = BUCKETS_PER_BLOCK; // index of the first bucket with the later offset
    if (first !== last) {
      let lo = 0;
      let hi = BUCKETS_PER_BLOCK - 1;
      while (lo + 1 < hi) {
        const mid = (lo + hi) >> 1;
        if (this.exactOffset(start + mid * BUCKET_MS) === first) lo = mid;
        else hi = mid;
      }
      change = hi;
    }
    for (let i = 0; i < BUCKETS_PER_BLOCK; i++) this.offsets.set(start + i * BUCKET_MS, i < change ? first : last);
  }

  private exactOffset(ms: number): number {
    const p: Record<string, number> = {};
    for (const part of this.format.formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
    return wall - (ms - (((ms % 1000) + 1000) % 1000));
  }
}

/** `2026-03-08` for a day number. */
export const formatDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The day number of `YYYY-MM-DD`, or null if it is not a real date. */
export function parseDay(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return formatDay(ms / DAY_MS) === text ? ms / DAY_MS : null;
}

/** Months since January 1970 of a day number. */
export function monthOfDay(day: number): number {
  const d = new Date(day * DAY_MS);
  return (d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth();
}

/** The day number of a month's first day. */
export const firstDayOfMonth = (month: number) => Date.UTC(1970 + Math.floor(month / 12), ((month % 12) + 12) % 12, 1) / DAY_MS;

/** The server's own zone: the default reporting zone. */
export const systemZoneName = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
