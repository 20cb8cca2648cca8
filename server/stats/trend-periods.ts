import type { TrendLabel } from '../../contract/stats.js';
import { BUCKET_MS } from '../domain/rollup-cells.js';
import { HOUR_MS } from '../history/rollup-tables.js';
import { bucketsOf, type StatsRange } from './stats-range.js';
import { formatDay } from '../domain/zone.js';

export interface TrendPeriod {
  /** Local date (`2026-03-08`) or local hour (`2026-03-08T14:00`) in the range's zone. */
  label: string;
  /** The period's first counted bucket. */
  start: number;
}

/**
 * The points of a trend chart: local hours or local days of the range's zone
 * that hold at least one counted bucket. A repeated wall-clock hour (the night
 * DST ends) is two periods with the same label and different starts.
 */
export class TrendPeriods {
  readonly periods: TrendPeriod[] = [];
  /** Per period, how long it counts (its counted buckets): less than an hour or a day under a time-of-day window. */
  readonly lengthMs: number[] = [];
  private readonly byBucket = new Map<number, number>();
  private readonly byKey = new Map<number, number>();

  constructor(readonly range: StatsRange) {
    const zone = range.zone;
    for (const b of bucketsOf(range)) {
      const key = range.interval === 'day' ? zone.dayOf(b) : b - (zone.minuteOfDay(b) % 60) * 60_000;
      let index = this.byKey.get(key);
      if (index === undefined) {
        index = this.periods.length;
        this.byKey.set(key, index);
        this.periods.push({ label: range.interval === 'day' ? formatDay(key) : zone.isoLocal(key).slice(0, 16), start: b });
        this.lengthMs.push(0);
      }
      this.byBucket.set(b, index);
      this.lengthMs[index]! += BUCKET_MS;
    }
  }

  /**
   * Whether each whole UTC hour of the range lies in one period: every period
   * after the first starts on the hour (all zones with whole-hour offsets), so
   * hour rows can be read for the trend.
   */
  get hourAligned(): boolean {
    return this.periods.every((p, i) => i === 0 || p.start % HOUR_MS === 0);
  }

  ofBucket(bucket: number): number | undefined {
    return this.byBucket.get(bucket);
  }

  /** For daily trends: the period of a local day of the range's zone. */
  ofDay(day: number): number | undefined {
    return this.range.interval === 'day' ? this.byKey.get(day) : undefined;
  }
}

/** The periods as the API labels them. */
export const trendLabels = (p: TrendPeriods): TrendLabel[] =>
  p.periods.map((x) => ({ period: x.label, start: p.range.zone.isoLocal(x.start) }));
