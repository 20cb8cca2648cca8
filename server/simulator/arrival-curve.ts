import { DAY_MS, type ZoneClock } from './time-zones.js';

/**
 * Relative call intensity by local hour (index = hour, last = next midnight):
 * quiet nights, a morning peak around 10:00 and an afternoon one around 15:00,
 * a lunchtime dip between.
 */
const PROFILE = [
  0.1, 0.08, 0.07, 0.06, 0.06, 0.07, 0.12, 0.3, 0.62, 0.88, 1.0, 0.95, 0.72, 0.78, 0.94, 1.0, 0.9, 0.74, 0.52, 0.36, 0.26, 0.19,
  0.14, 0.11, 0.1,
];

/**
 * When callers ring one queue. Every queue takes calls around the clock, as
 * the centre is staffed around the clock: a site's queue follows its site's
 * day (a trickle at night); a queue shared by several sites sees the sum of
 * their days (busier at night than a site's own).
 */
export class ArrivalCurve {
  constructor(private readonly zones: readonly ZoneClock[]) {}

  /** Intensity at an instant, 0 to 1 (peak). */
  at(utcMs: number): number {
    let sum = 0;
    for (const z of this.zones) {
      const h = z.localHour(utcMs);
      const i = Math.floor(h);
      const lo = PROFILE[i]!;
      sum += lo + (PROFILE[i + 1]! - lo) * (h - i);
    }
    return sum / this.zones.length;
  }

  /** Mean intensity over the day starting at `dayStartMs`: what turns a daily call volume into a rate. */
  mean(dayStartMs: number): number {
    const steps = 288;
    let sum = 0;
    for (let i = 0; i < steps; i++) sum += this.at(dayStartMs + ((i + 0.5) * DAY_MS) / steps);
    return sum / steps;
  }
}
