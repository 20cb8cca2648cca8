import { MAX_EVENTS_PER_BATCH, type WireEvent } from '../ingest/event-schema.js';
import type { IngestResult } from '../ingest/ingest-service.js';
import type { SimEngine } from './sim-engine.js';

const TICK_MS = 250;
/** A failing ingest is reported at most this often, so a persistent fault does not flood the log. */
const REPORT_EVERY_MS = 60_000;

/** Keeps simulated time on the wall clock: every tick, what has fallen due is posted. */
export class LiveRunner {
  private timer: NodeJS.Timeout | null = null;
  private lastReport = -Infinity;
  /** A tick still storing its batches: the next waits for it, so simulated time never runs twice at once. */
  private ticking = false;

  constructor(
    private readonly engine: SimEngine,
    private readonly post: (events: WireEvent[]) => Promise<IngestResult>,
    private readonly clock: () => number,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.tick(), TICK_MS);
    // The server's own handles keep the process alive; a forgotten simulator must not.
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      await this.engine.advanceTo(this.clock(), this.post, MAX_EVENTS_PER_BATCH);
    } catch (err) {
      const now = Date.now();
      if (now - this.lastReport < REPORT_EVERY_MS) return;
      this.lastReport = now;
      console.error(`Simulator: posting events failed, the batch was dropped: ${(err as Error).message}`);
    } finally {
      this.ticking = false;
    }
  }
}
