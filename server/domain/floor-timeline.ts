import { compareEvents, type FloorEvent } from './events.js';
import { applyEvent, cloneFloor, newTouched, type FloorState, type Touched } from './floor-state.js';

/** Watermark of a timeline that has settled nothing yet (a number, so it survives JSON and SQL). */
export const NO_WATERMARK = Number.MIN_SAFE_INTEGER;

/**
 * The live floor as if every event had arrived in time order, for events up to
 * `windowMs` late.
 *
 * `base` holds every event at or before `watermark`; the window holds the later
 * ones, sorted. A late event is slotted into the window and the floor is
 * replayed from the nearest checkpoint before it, so the cost of lateness is a
 * few seconds of replay, not the day. Events older than the watermark are
 * applied as they come (best effort); history facts stay exact regardless,
 * since they are derived per call from all its events.
 */
export class FloorTimeline {
  private base: FloorState;
  private window: FloorEvent[] = [];
  /** State after applying `window[0..pos)`, taken every `checkpointEveryMs` of event time. */
  private checkpoints: { pos: number; at: number; state: FloorState }[] = [];
  private current: FloorState;

  constructor(
    base: FloorState,
    private watermarkAt: number,
    private readonly windowMs = 30_000,
    private readonly checkpointEveryMs = 2_000,
  ) {
    this.base = base;
    this.current = cloneFloor(base);
  }

  get state(): FloorState {
    return this.current;
  }

  get watermark(): number {
    return this.watermarkAt;
  }

  /** Base state and watermark, the part worth persisting: the window is in the event log. */
  get settled(): { state: FloorState; watermark: number } {
    return { state: this.base, watermark: this.watermarkAt };
  }

  apply(events: readonly FloorEvent[], touched: Touched = newTouched()): Touched {
    const fresh: FloorEvent[] = [];
    for (const e of events) {
      if (e.at > this.watermarkAt) fresh.push(e);
      else this.applyTooLate(e, touched);
    }
    if (fresh.length === 0) return touched;
    fresh.sort(compareEvents);

    const last = this.window[this.window.length - 1];
    if (last === undefined || compareEvents(fresh[0]!, last) > 0) {
      for (const e of fresh) this.append(e, touched);
    } else {
      this.replayWith(fresh, touched);
    }
    this.fold();
    this.checkpoint();
    return touched;
  }

  private append(e: FloorEvent, touched: Touched): void {
    applyEvent(this.current, e, touched);
    this.window.push(e);
  }

  /**
   * At most one checkpoint per applied batch, and only every `checkpointEveryMs` of
   * event time: a batch spanning hours (a backfill) costs one clone, not one a minute,
   * and a late event never replays more than a batch plus that interval.
   */
  private checkpoint(): void {
    const newest = this.window[this.window.length - 1];
    if (!newest) return;
    const lastCp = this.checkpoints[this.checkpoints.length - 1];
    if (newest.at - (lastCp?.at ?? this.watermarkAt) < this.checkpointEveryMs) return;
    this.checkpoints.push({ pos: this.window.length, at: newest.at, state: cloneFloor(this.current) });
  }

  private replayWith(fresh: FloorEvent[], touched: Touched): void {
    const insertAt = lowerBound(this.window, fresh[0]!);
    let cp = -1;
    for (let i = this.checkpoints.length - 1; i >= 0; i--) {
      if (this.checkpoints[i]!.pos <= insertAt) {
        cp = i;
        break;
      }
    }
    const from = cp >= 0 ? this.checkpoints[cp]!.pos : 0;
    this.current = cloneFloor(cp >= 0 ? this.checkpoints[cp]!.state : this.base);
    this.checkpoints.length = cp + 1;
    const tail = this.window.splice(from).concat(fresh).sort(compareEvents);
    for (const e of tail) this.append(e, touched);
  }

  private applyTooLate(e: FloorEvent, touched: Touched): void {
    const ignore = newTouched();
    applyEvent(this.base, e, ignore);
    for (const cp of this.checkpoints) applyEvent(cp.state, e, ignore);
    applyEvent(this.current, e, touched);
  }

  /** Moves events older than the window into the base. */
  private fold(): void {
    const newest = this.window[this.window.length - 1];
    if (!newest) return;
    const limit = newest.at - this.windowMs;
    // Fold in chunks so the array shift stays amortised.
    if (this.window[0]!.at > limit - this.windowMs / 2) return;
    let n = 0;
    const ignore = newTouched();
    while (n < this.window.length && this.window[n]!.at <= limit) {
      applyEvent(this.base, this.window[n]!, ignore);
      n++;
    }
    // Everything at the watermark instant must be in the base, so stop on an instant boundary.
    this.watermarkAt = this.window[n - 1]!.at;
    this.window.splice(0, n);
    this.checkpoints = this.checkpoints.filter((cp) => cp.pos >= n).map((cp) => ({ ...cp, pos: cp.pos - n }));
  }
}

function lowerBound(sorted: readonly FloorEvent[], e: FloorEvent): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareEvents(sorted[mid]!, e) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
