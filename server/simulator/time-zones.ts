import { Zone } from '../domain/zone.js';

/** Local time at the centre's sites: arrivals and shifts follow the clock on the wall there. */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const SITE_ZONES: Record<string, string> = {
  shanghai: 'Asia/Shanghai',
  beijing: 'Asia/Shanghai',
  shenzhen: 'Asia/Shanghai',
  guangzhou: 'Asia/Shanghai',
  hangzhou: 'Asia/Shanghai',
  chengdu: 'Asia/Shanghai',
  'hong kong': 'Asia/Hong_Kong',
  singapore: 'Asia/Singapore',
  manila: 'Asia/Manila',
  tokyo: 'Asia/Tokyo',
  bangalore: 'Asia/Kolkata',
  austin: 'America/Chicago',
  dallas: 'America/Chicago',
  chicago: 'America/Chicago',
  'new york': 'America/New_York',
  denver: 'America/Denver',
  phoenix: 'America/Phoenix',
  'los angeles': 'America/Los_Angeles',
  toronto: 'America/Toronto',
  london: 'Europe/London',
  dublin: 'Europe/Dublin',
  berlin: 'Europe/Berlin',
  paris: 'Europe/Paris',
  sydney: 'Australia/Sydney',
};

/** The IANA zone of a site: a known city, a location that is itself a zone name, else UTC. */
export function zoneOfLocation(location: string | null): string {
  if (location === null) return 'UTC';
  const known = SITE_ZONES[location.trim().toLowerCase()];
  if (known) return known;
  return Zone.find(location) ? location : 'UTC';
}

/**
 * One zone's wall clock for the simulator, over the rollups' Zone (the one place the offset is
 * worked out from Intl): the simulator asks millions of times, mostly within the same hour, so the
 * last hour's offset is kept at hand.
 */
export class ZoneClock {
  private readonly calendar: Zone;
  private lastHour = NaN;
  private lastOffset = 0;

  constructor(readonly zone: string) {
    this.calendar = Zone.of(zone);
  }

  /** Local time minus UTC, in ms, at an instant (as at the start of its hour). */
  offsetMs(utcMs: number): number {
    const hour = Math.floor(utcMs / HOUR_MS);
    if (hour !== this.lastHour) {
      this.lastHour = hour;
      this.lastOffset = this.calendar.offsetAt(hour * HOUR_MS);
    }
    return this.lastOffset;
  }

  /** Hours since local midnight, fractional. */
  localHour(utcMs: number): number {
    const local = utcMs + this.offsetMs(utcMs);
    return (((local % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS;
  }

  /** Local calendar day number (days since 1970-01-01 local). */
  localDay(utcMs: number): number {
    return Math.floor((utcMs + this.offsetMs(utcMs)) / DAY_MS);
  }

  /** The instant of `minute` past local midnight on local day `day`. */
  instantOf(day: number, minute: number): number {
    const local = day * DAY_MS + minute * MINUTE_MS;
    const guess = local - this.offsetMs(local);
    return local - this.offsetMs(guess);
  }
}

/** One clock per zone, shared, so their caches are too. */
export function zoneClocks(): (zone: string) => ZoneClock {
  const clocks = new Map<string, ZoneClock>();
  return (zone) => {
    let c = clocks.get(zone);
    if (!c) clocks.set(zone, (c = new ZoneClock(zone)));
    return c;
  };
}
