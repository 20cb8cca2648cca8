import type { Directory } from '../directory/directory.js';
import type { FloorEvent } from '../domain/events.js';
import { emptyAgent, newTouched, type FloorState, type LiveAgent, type Touched } from '../domain/floor-state.js';
import type { FloorTimeline } from '../domain/floor-timeline.js';

/**
 * The live floor of this process: the timeline plus what changed since the
 * stream last looked, so each tick sends only changed rows.
 */
export class LiveFloor {
  private dirty: Touched = newTouched();

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
  }

  /** What changed since the previous call. */
  takeDirty(): Touched {
    const d = this.dirty;
    this.dirty = newTouched();
    return d;
  }
}
