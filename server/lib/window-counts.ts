/**
 * Counts per key in fixed windows, at most `capacity` keys: the one rate-limiting
 * mechanism (sign-in failures, chat sends). When full, ended windows go first,
 * then the smallest count: pushing out a counter at the limit takes filling the
 * whole table with counters at the limit, which the sign-in throttle's
 * per-address limit keeps out of reach of a few addresses.
 */
export class WindowCounts {
  private readonly map = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly capacity: number,
  ) {}

  count(key: string, now: number): number {
    const e = this.map.get(key);
    if (!e) return 0;
    if (now - e.since >= this.windowMs) {
      this.map.delete(key);
      return 0;
    }
    return e.count;
  }

  endsIn(key: string, now: number): number {
    const e = this.map.get(key);
    return e ? Math.max(1, e.since + this.windowMs - now) : 0;
  }

  add(key: string, now: number): void {
    const e = this.map.get(key);
    if (e) {
      e.count++;
      return;
    }
    if (this.map.size >= this.capacity) this.makeRoom(now);
    this.map.set(key, { count: 1, since: now });
  }

  undo(key: string): void {
    const e = this.map.get(key);
    if (e && --e.count <= 0) this.map.delete(key);
  }

  reset(key: string): void {
    this.map.delete(key);
  }

  private makeRoom(now: number): void {
    // Insertion order is window order: ended windows are at the front.
    for (const [key, e] of this.map) {
      if (now - e.since < this.windowMs) break;
      this.map.delete(key);
    }
    if (this.map.size < this.capacity) return;
    let smallest: string | null = null;
    let min = Infinity;
    for (const [key, e] of this.map) {
      if (e.count < min) [smallest, min] = [key, e.count];
      if (min === 1) break;
    }
    this.map.delete(smallest!);
  }
}
