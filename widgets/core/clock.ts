import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The page's one 1 Hz ticker, shared by every widget and every copy of the library (a registry on `globalThis`). */
export interface SharedClock {
  readonly protocol: 1;
  subscribe(tick: (now: number) => void): () => void;
}

class SecondClock implements SharedClock {
  readonly protocol = 1;
  private readonly listeners = new Set<(now: number) => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  subscribe(tick: (now: number) => void): () => void {
    this.listeners.add(tick);
    if (this.listeners.size === 1) this.schedule();
    return () => {
      this.listeners.delete(tick);
      if (this.listeners.size > 0) return;
      clearTimeout(this.timer);
      this.timer = undefined;
    };
  }

  /** Just after each whole second, so every duration on the page turns over together. */
  private schedule(): void {
    this.timer = setTimeout(() => {
      const now = Date.now();
      for (const tick of [...this.listeners]) tick(now);
      if (this.listeners.size > 0) this.schedule();
    }, 1_005 - (Date.now() % 1_000));
  }
}

const CLOCK = Symbol.for('floorview/clock');
type Page = typeof globalThis & { [CLOCK]?: SharedClock };

export function sharedClock(): SharedClock {
  return ((globalThis as Page)[CLOCK] ??= new SecondClock());
}

/**
 * Puts `clock` in the page's registry for every widget that connects from now
 * on, and returns how to put the previous one back: the seam through which a
 * test drives time (a clock it advances) instead of racing the wall clock.
 */
export function replaceSharedClock(clock: SharedClock): () => void {
  const page = globalThis as Page;
  const previous = page[CLOCK];
  page[CLOCK] = clock;
  return () => {
    if (previous) page[CLOCK] = previous;
    else delete page[CLOCK];
  };
}

/** Re-renders its widget once a second while connected; `now` is the tick's time (ms). */
export class ClockController implements ReactiveController {
  now = Date.now();
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.now = Date.now();
    this.unsubscribe = sharedClock().subscribe((now) => {
      this.now = now;
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }
}
