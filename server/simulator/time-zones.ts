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
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: location });
    return location;
  } catch {
    return 'UTC';
  }
}

/** One zone's UTC offset, remembered per hour: the simulator asks millions of times, mostly for the same hour. */
export class ZoneClock {
  private readonly format: Intl.DateTimeFormat;
  private readonly byHour = new Map<number, number>();
  private lastHour = NaN;
  private lastOffset = 0;

  constructor(readonly zone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
  }

  /** Local time minus UTC, in ms, at an instant. */
  offsetMs(utcMs: number): number {
    const hour = Math.floor(utcMs / HOUR_MS);
    if (hour === this.lastHour) return this.lastOffset;
    let offset = this.byHour.get(hour);
    if (offset === undefined) {
      offset = this.compute(hour * HOUR_MS);
      this.byHour.set(hour, offset);
    }
    this.lastHour = hour;
    this.lastOffset = offset;
    return offset;
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

  private compute(utcMs: number): number {
    const parts: Record<string, number> = {};
    for (const p of this.format.formatToParts(utcMs)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
    const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
    return asUtc - Math.floor(utcMs / MINUTE_MS) * MINUTE_MS;
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
