/**
 * When alerts raise and clear: a condition must hold for `raiseMs` before its alert is
 * raised, and be gone for `clearMs` before a raised alert clears. A figure hovering at its
 * limit therefore raises one alert that stays until the figure has settled.
 */
export class Hysteresis {
  private readonly trueSince = new Map<string, number>();
  private readonly falseSince = new Map<string, number>();

  constructor(
    private readonly raiseMs: number,
    private readonly clearMs: number,
  ) {}

  /** `holding`: the conditions true now; `raised`: the alerts open now. */
  step(now: number, holding: ReadonlySet<string>, raised: ReadonlySet<string>): { raise: string[]; clear: string[] } {
    const raise: string[] = [];
    const clear: string[] = [];
    for (const key of this.trueSince.keys()) if (!holding.has(key)) this.trueSince.delete(key);
    for (const key of holding) {
      this.falseSince.delete(key);
      if (raised.has(key)) continue;
      const since = this.trueSince.get(key) ?? now;
      this.trueSince.set(key, since);
      if (now - since >= this.raiseMs) {
        raise.push(key);
        this.trueSince.delete(key);
      }
    }
    for (const key of raised) {
      if (holding.has(key)) continue;
      const since = this.falseSince.get(key) ?? now;
      this.falseSince.set(key, since);
      if (now - since >= this.clearMs) {
        clear.push(key);
        this.falseSince.delete(key);
      }
    }
    for (const key of this.falseSince.keys()) if (!raised.has(key)) this.falseSince.delete(key);
    return { raise, clear };
  }
}
