import type { Directory } from '../directory/directory.js';
import type { FloorEvent } from '../domain/events.js';
import { emptyAgent, newTouched, type FloorState, type LiveAgent, type Touched } from '../domain/floor-state.js';
import type { FloorTimeline } from '../domain/floor-timeline.js';
import { sameStaffing, type QueueStaffing } from '../domain/queue-staffing.js';
import { sameCounts, type QueueDayCounts } from '../domain/queue-today.js';

/**
 * The live floor of this process: the timeline plus what changed since the
 * stream last looked, so each tick sends only changed rows.
 */
export class LiveFloor {
  private dirty: Touched = newTouched();
  private readonly queueDays = new Map<string, QueueDayCounts>();
  private readonly queueStaffings = new Map<string, QueueStaffing>();
  private readonly listeners: (() => void)[] = [];

  constructor(
    readonly directory: Directory,
    readonly timeline: FloorTimeline,
    /** Highest event `seq` applied. */
    public lastSeq: number,
  ) {}

  get state(): FloorState {
    return this.timeline.state;
  }

  agent(agentId: string): LiveAgent {
    return this.timeline.state.agents.get(agentId) ?? emptyAgent(agentId);
  }

  apply(events: readonly FloorEvent[]): void {
    if (events.length === 0) return;
    this.timeline.apply(events, this.dirty);
    for (const e of events) if (e.seq > this.lastSeq) this.lastSeq = e.seq;
    this.changed();
  }

  /** Calls `fn` whenever rows may have changed (the stream sends a lone change at once). */
  onChange(fn: () => void): void {
    this.listeners.push(fn);
  }

  private changed(): void {
    for (const fn of this.listeners) fn();
  }

  /** Today's counts of a queue (QueueTodayService keeps them), for its live row. */
  queueDay(queueId: string): QueueDayCounts | undefined {
    return this.queueDays.get(queueId);
  }

  /** Sets a queue's counts for today; the stream sends its row with the next tick when they differ. */
  setQueueDay(queueId: string, counts: QueueDayCounts): void {
    const known = this.queueDays.get(queueId);
    if (known && sameCounts(known, counts)) return;
    this.queueDays.set(queueId, counts);
    this.dirty.queues.add(queueId);
    this.changed();
  }

  /** How many agents a queue needs now (QueueTodayService keeps it), for its live row. */
  queueStaffing(queueId: string): QueueStaffing | undefined {
    return this.queueStaffings.get(queueId);
  }

  setQueueStaffing(queueId: string, staffing: QueueStaffing): void {
    const known = this.queueStaffings.get(queueId);
    if (known && sameStaffing(known, staffing)) return;
    this.queueStaffings.set(queueId, staffing);
    this.dirty.queues.add(queueId);
    this.changed();
  }

  /** What changed since the previous call. */
  takeDirty(): Touched {
    const d = this.dirty;
    this.dirty = newTouched();
    return d;
  }
}
