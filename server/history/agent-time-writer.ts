import { AgentTime, type SavedAgentTime } from '../domain/agent-time.js';
import type { FloorEvent } from '../domain/events.js';
import type { Contribution } from '../domain/rollup-cells.js';
import { META_KEYS } from '../db/meta-keys.js';
import type { HistoryReads } from './history-reads.js';
import type { HistoryWrites } from './history-writes.js';

/**
 * How far agent time trails the data: events up to this late are accounted
 * exactly (SPEC §3 asks for a few seconds); later ones change the state from
 * the line on (server/domain/agent-time.ts).
 */
export const AGENT_TIME_LAG_MS = 60_000;

/**
 * How far the clock carries the line past the newest event: an hour of a quiet floor is
 * counted as it passes; beyond that the next event carries it (a restart after a long
 * stop, or history loaded into the past, does not fill months with agents' time at once).
 */
const QUIET_MS = 3_600_000;

/** The line moves in whole minutes: the accountant's state is saved at most once a minute of data. */
const STEP_MS = 60_000;

/** The instant from which a saved accountant takes the logged events again (`load`): its line. */
export const resumesFrom = (saved: string) => (JSON.parse(saved) as SavedAgentTime).line ?? Number.MIN_SAFE_INTEGER;

/**
 * Keeps agent time in the rollups, in the fact writer's transactions
 * (server/history/fact-writer.ts): the accountant's state and line are saved
 * with the rollup rows they produced, and on start (or after a rollback) it
 * resumes from them, taking the events after its line from the log again.
 */
export class AgentTimeWriter {
  private time!: AgentTime;
  private newest = -Infinity;
  /** The last event `seq` it has been given. */
  private seen = 0;
  /** Events added since the last `account`. */
  private added = 0;
  /** Accounted since it was last saved. */
  private unsaved = false;

  constructor(
    private readonly reads: HistoryReads,
    private readonly writes: HistoryWrites,
    /** Takes what accounting the log adds at start (a database with events and no saved accountant). */
    private readonly sink: (c: Contribution[]) => void,
  ) {
    this.load();
  }

  /** The state as saved, and every logged event after its line (`add` skips them when they come again). */
  load(): void {
    const stored = this.reads.meta(META_KEYS.agentTime);
    this.seen = this.reads.lastSeq();
    this.newest = this.reads.newestAt() ?? -Infinity;
    this.added = 0;
    if (stored === undefined) return this.fromLog();
    this.time = new AgentTime(JSON.parse(stored) as SavedAgentTime);
    this.time.add(this.reads.eventsFrom(resumesFrom(stored), this.seen));
  }

  /** No saved accountant (a new database, or one from before agent time): the log is accounted from its start, a day at a time. */
  private fromLog(): void {
    this.time = new AgentTime();
    const cap = this.lineFor(null);
    for (const day of this.reads.eventsByDay(this.seen)) {
      this.time.add(day);
      if (cap !== null) this.sink(this.time.accountTo(Math.min(day[day.length - 1]!.at, cap)));
    }
    this.unsaved = this.time.accountedTo !== null;
  }

  add(events: readonly FloorEvent[]): void {
    const fresh = events.filter((e) => e.seq > this.seen);
    for (const e of fresh) {
      this.seen = e.seq;
      if (e.at > this.newest) this.newest = e.at;
    }
    this.time.add(fresh);
    this.added += fresh.length;
  }

  /** Events added since the last `account`. */
  get pending(): number {
    return this.added;
  }

  /** Whether `account(now)` would move the line. */
  due(now: number | null): boolean {
    const to = this.lineFor(now);
    return this.unsaved || (to !== null && (this.time.accountedTo === null ? this.time.waitingCount > 0 : to > this.time.accountedTo));
  }

  private lineFor(now: number | null): number | null {
    const target = Math.max(this.newest, Math.min(now ?? -Infinity, this.newest + QUIET_MS)) - AGENT_TIME_LAG_MS;
    return Number.isFinite(target) ? Math.floor(target / STEP_MS) * STEP_MS : null;
  }

  /**
   * Accounts time up to a minute behind the newest event, or behind `now` when later
   * (time passes on a quiet floor too, for an hour; null while a backfill writes the past).
   * Call inside the transaction that writes the returned contributions.
   */
  account(now: number | null): Contribution[] {
    this.added = 0;
    const to = this.lineFor(now);
    const before = this.time.accountedTo;
    const out = to === null ? [] : this.time.accountTo(to);
    if (this.unsaved || this.time.accountedTo !== before) this.writes.saveMeta(META_KEYS.agentTime, JSON.stringify(this.time.save()));
    this.unsaved = false;
    return out;
  }
}
