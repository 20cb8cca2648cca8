import { compareEvents, type FloorEvent } from './events.js';
import { applyEvent, cloneFloor, emptyFloor, newTouched, type FloorState, type LiveAgent, type LiveCall, type Touched } from './floor-state.js';
import { BUCKET_MS, bucketOf, NO_QUEUE, type Contribution } from './rollup-cells.js';

/**
 * Agent time (the glossary's staffed and idle time): how long each agent was
 *   staffed — signed in; for a queue, signed in and joined to it — and
 *   idle — signed in, available, with no call (offered or dialled until the
 *   handling ends) and no wrap-up;
 * over the whole time, per queue joined, and added over agents per queue.
 * Occupancy (server/stats/agent-stats.ts) is handle time ÷ (handle time + idle time).
 *
 * Unlike call facts, time in a state has no record of its own to re-derive: it
 * is the floor between events. So it is accounted in time order up to a line
 * (`accountTo`): the events up to it are applied to a floor of their own, and
 * every agent's time since their last change is cut at the line into the
 * 15-minute rollups (`agentTime`, `queueTime`). Events before the line that
 * arrive after it passed are applied to the state from the line on; their
 * past is not re-counted (server/history/agent-time-writer.ts keeps the line a
 * minute behind the data, so only events later than that are).
 */

/** What an agent's time counts as until their next change. */
interface Standing {
  staffed: boolean;
  idle: boolean;
  /** Queues joined, while staffed. */
  queues: readonly string[];
}

const OFF: Standing = { staffed: false, idle: false, queues: [] };

function standingOf(a: LiveAgent): Standing {
  if (a.state === 'signed_out') return OFF;
  return { staffed: true, idle: a.state === 'available' && a.contactState === 'idle', queues: a.joined };
}

const sameStanding = (a: Standing, b: Standing) =>
  a.staffed === b.staffed && a.idle === b.idle && a.queues.length === b.queues.length && a.queues.every((q, i) => q === b.queues[i]);

/** The accountant's state, as saved between runs. */
export interface SavedAgentTime {
  /** Everything before this instant is accounted; null before any event. */
  line: number | null;
  agents: LiveAgent[];
  calls: LiveCall[];
  /** Per agent: since when their standing has not been accounted (at most the line). */
  since: [agentId: string, at: number][];
}

export class AgentTime {
  private readonly floor: FloorState;
  private readonly since = new Map<string, number>();
  private line: number | null;
  /** Events after the line, waiting for it. */
  private waiting: FloorEvent[] = [];
  /** One for every event applied: ingestion's hot path allocates none. */
  private readonly touched: Touched = newTouched();

  constructor(saved?: SavedAgentTime) {
    this.floor = emptyFloor();
    for (const a of saved?.agents ?? []) this.floor.agents.set(a.agentId, { ...a });
    for (const c of saved?.calls ?? []) this.floor.calls.set(c.callId, { ...c });
    for (const [agentId, at] of saved?.since ?? []) this.since.set(agentId, at);
    this.line = saved?.line ?? null;
  }

  /** The instant up to which time is accounted; null before any event. */
  get accountedTo(): number | null {
    return this.line;
  }

  /** Events waiting for the line. */
  get waitingCount(): number {
    return this.waiting.length;
  }

  save(): SavedAgentTime {
    const state = cloneFloor(this.floor);
    return { line: this.line, agents: [...state.agents.values()], calls: [...state.calls.values()], since: [...this.since] };
  }

  /** Takes events in any order; those before the line change the state from the line on. */
  add(events: readonly FloorEvent[]): void {
    for (const e of events) {
      if (this.line !== null && e.at < this.line) this.apply(e, this.line, null);
      else this.waiting.push(e);
    }
  }

  /**
   * Accounts the time before `to`: the waiting events before it in time order,
   * then every staffed agent's time up to it. Returns what that adds to the rollups.
   */
  accountTo(to: number): Contribution[] {
    const out: Contribution[] = [];
    if (this.line === null) {
      // Nothing happened before the first event.
      if (this.waiting.length === 0) return out;
      this.line = this.waiting.reduce((min, e) => Math.min(min, e.at), to);
    }
    if (to <= this.line) return out;
    this.waiting.sort(compareEvents);
    let n = 0;
    for (; n < this.waiting.length && this.waiting[n]!.at < to; n++) this.apply(this.waiting[n]!, this.waiting[n]!.at, out);
    this.waiting.splice(0, n);
    for (const a of this.floor.agents.values()) {
      const standing = standingOf(a);
      // Signed-out agents accrue nothing, and need no entry.
      if (!standing.staffed) this.since.delete(a.agentId);
      else {
        addSpan(out, a.agentId, standing, this.since.get(a.agentId) ?? this.line, to);
        this.since.set(a.agentId, to);
      }
    }
    this.line = to;
    return out;
  }

  /** Applies `e` as at `at`; the time of each agent it changes is accounted up to then (unless `out` is null). */
  private apply(e: FloorEvent, at: number, out: Contribution[] | null): void {
    const touched = this.touched;
    touched.agents.clear();
    touched.queues.clear();
    // At most two agents: the event's, and the one its call is with.
    const [first, second] = agentsOf(this.floor, e);
    const standingBefore = (id: string | undefined) => {
      const a = id === undefined ? undefined : this.floor.agents.get(id);
      return a ? standingOf(a) : OFF;
    };
    const [wasFirst, wasSecond] = [standingBefore(first), standingBefore(second)];
    applyEvent(this.floor, e, touched);
    for (const id of touched.agents) {
      const was = id === first ? wasFirst : id === second ? wasSecond : OFF;
      const now = standingOf(this.floor.agents.get(id)!);
      if (sameStanding(was, now)) continue;
      const from = this.since.get(id) ?? at;
      if (out && was.staffed) addSpan(out, id, was, from, at);
      this.since.set(id, Math.max(from, at));
    }
  }
}

/** The agents an event may change: its agent, and the agent its call is with. */
function agentsOf(s: FloorState, e: FloorEvent): string[] {
  const ids: string[] = [];
  if ('agentId' in e && typeof e.agentId === 'string') ids.push(e.agentId);
  if ('callId' in e) {
    const c = s.calls.get(e.callId);
    if (c?.agentId) ids.push(c.agentId);
  }
  return ids;
}

/** Adds [from, to) of an agent's standing to the rollups, cut at interval boundaries. */
function addSpan(out: Contribution[], agentId: string, s: Standing, from: number, to: number): void {
  for (let start = from; start < to; ) {
    const bucket = bucketOf(start);
    const end = Math.min(to, bucket + BUCKET_MS);
    const values = [end - start, s.idle ? end - start : 0];
    out.push({ family: 'agentTime', bucket, dims: [agentId, NO_QUEUE], values });
    for (const q of s.queues) {
      out.push({ family: 'agentTime', bucket, dims: [agentId, q], values });
      out.push({ family: 'queueTime', bucket, dims: [q], values });
    }
    start = end;
  }
}

/** A fresh accountant over `events`, accounted to `to`: what the incremental one must equal. */
export function accountAll(events: readonly FloorEvent[], to: number): Contribution[] {
  const t = new AgentTime();
  t.add(events);
  return t.accountTo(to);
}
