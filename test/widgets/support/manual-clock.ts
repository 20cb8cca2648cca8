import { replaceSharedClock, type SharedClock } from '../../../widgets/core/clock.js';

/**
 * The page's shared clock, moved by the test: widgets tick when the test says,
 * at the instant it says, however busy the machine is. Install it before the
 * widget connects; `restore()` puts the real 1 Hz clock back.
 */
export class ManualClock implements SharedClock {
  readonly protocol = 1;
  private readonly listeners = new Set<(now: number) => void>();
  private readonly uninstall: () => void;

  constructor(public now = Date.now()) {
    this.uninstall = replaceSharedClock(this);
  }

  subscribe(tick: (now: number) => void): () => void {
    this.listeners.add(tick);
    return () => this.listeners.delete(tick);
  }

  /** One tick of the clock, at `now` (ms). */
  tickAt(now: number): void {
    this.now = now;
    for (const tick of [...this.listeners]) tick(now);
  }

  /** One tick, `ms` after the last. */
  advance(ms: number): void {
    this.tickAt(this.now + ms);
  }

  restore(): void {
    this.uninstall();
  }
}
