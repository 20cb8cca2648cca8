import type { QueueTrend } from '../../contract/live.js';

/** The server's trend grid until its answer says otherwise: one point every 10 s (`TREND_STEP_MS` of the contract). */
const TREND_STEP_MS = 10_000;

/**
 * Contacts waiting per queue on the 10-second grid, at most `capacity` points:
 * loaded from the server, then appended from the live rows. Memory is fixed by
 * the capacity and the queues in scope, however long the page stays open.
 */
export class TrendBuffer {
  /** Slot number (instant ÷ step) of the first point. */
  private first = 0;
  private count = 0;
  private readonly series = new Map<string, (number | null)[]>();
  /** Changes whenever a point is added or the history replaced: what a chart memoizes on. */
  version = 0;
  /** Time between points, ms: the server's. */
  step = TREND_STEP_MS;

  constructor(private capacity: number) {}

  /** Slot number of the newest point; −∞ when empty. */
  get lastSlot(): number {
    return this.count === 0 ? Number.NEGATIVE_INFINITY : this.first + this.count - 1;
  }

  /** Keeps the newest `capacity` points from now on. */
  resize(capacity: number): void {
    this.capacity = Math.max(1, capacity);
    this.trim();
  }

  /** Replaces everything with the server's history. */
  load(trend: QueueTrend): void {
    this.step = trend.stepSeconds * 1000;
    this.series.clear();
    this.first = Math.round(Date.parse(trend.start) / this.step);
    this.count = Math.max(0, ...trend.queues.map((q) => q.waiting.length));
    for (const q of trend.queues) this.series.set(q.queueId, [...q.waiting, ...new Array<null>(this.count - q.waiting.length).fill(null)]);
    this.trim();
    this.version++;
  }

  /** Contacts waiting at `slot`, as the live rows show them; ignored unless newer than the newest point. */
  record(slot: number, waiting: ReadonlyMap<string, number>): void {
    if (slot <= this.lastSlot) return;
    if (this.count === 0 || slot - this.lastSlot > this.capacity) {
      // Empty, or everything known is older than the window: start over at `slot`.
      this.first = slot;
      this.count = 0;
      for (const values of this.series.values()) values.length = 0;
    }
    const gap = this.count === 0 ? 0 : slot - this.lastSlot - 1;
    for (const queueId of waiting.keys()) if (!this.series.has(queueId)) this.series.set(queueId, new Array<null>(this.count).fill(null));
    for (const [queueId, values] of this.series) {
      for (let i = 0; i < gap; i++) values.push(null);
      values.push(waiting.get(queueId) ?? null);
    }
    this.count += gap + 1;
    this.trim();
    this.version++;
  }

  /** `[instant ms, waiting | null]` pairs of one queue, oldest first. */
  points(queueId: string): [number, number | null][] {
    const values = this.series.get(queueId) ?? [];
    return values.map((v, i) => [(this.first + i) * this.step, v]);
  }

  /** The queues' points summed (null where none of them is known). */
  total(queueIds: readonly string[]): [number, number | null][] {
    const out: [number, number | null][] = [];
    const lists = queueIds.map((id) => this.series.get(id)).filter((v) => v !== undefined);
    for (let i = 0; i < this.count; i++) {
      let sum: number | null = null;
      for (const values of lists) {
        const v = values[i];
        if (v !== null && v !== undefined) sum = (sum ?? 0) + v;
      }
      out.push([(this.first + i) * this.step, sum]);
    }
    return out;
  }

  private trim(): void {
    const excess = this.count - this.capacity;
    if (excess <= 0) return;
    for (const values of this.series.values()) values.splice(0, excess);
    this.first += excess;
    this.count -= excess;
  }
}
