import { deriveCallFacts, isCallFactEvent } from '../domain/call-facts.js';
import type { CallEvent, FloorEvent } from '../domain/events.js';
import type { Contribution } from '../domain/rollup-cells.js';
import { META_KEYS } from '../db/meta-keys.js';
import { AgentTimeWriter } from './agent-time-writer.js';
import { NO_FACTS, writeCallFacts, type StoredFacts } from './call-fact-rows.js';
import type { HistoryReads } from './history-reads.js';
import type { HistoryWrites } from './history-writes.js';
import { RollupWriter } from './rollup-writer.js';

interface RecentCall {
  events: CallEvent[];
  /** The call's fact rows as stored now. */
  stored: StoredFacts;
  /** What the call's stored facts contribute to the rollups now. */
  contributions: Contribution[];
}

/**
 * Keeps the history facts (calls, queue visits, handlings, wrap-ups) and the
 * interval rollups in step with the event log.
 *
 * Agent state history is written with the events (server/ingest/event-append.ts). A call's events wait in a
 * backlog and are written together (`catchUp`), in a transaction of their own:
 * a call's events arrive over several batches (offer, answer, hold, end,
 * wrap-up), and its facts and rollup contributions are then derived and written
 * once for all of them instead of once a batch. `history_through` in
 * rollup_meta is the last event whose history is written; the backlog is
 * exactly the call events after it, so after a crash it is read back from the
 * log (the events themselves were committed before the API acknowledged them).
 */
export class FactWriter {
  /** Recently active calls, so a call's facts are re-derived without reading the log. */
  private readonly recent = new Map<string, RecentCall>();
  private readonly maxCachedCalls: number;
  private rollupsMarkedStale = false;
  /** Null when rollups are not maintained (benchmarks, bulk loads that rebuild them afterwards). */
  private readonly rollups: RollupWriter | null;
  /** Agent time, kept with the rollups (none without them). */
  private readonly agentTime: AgentTimeWriter | null;
  /** Call events stored but not yet in the history, by call. */
  private backlog = new Map<string, CallEvent[]>();
  private backlogEvents = 0;
  /** The last event whose history is written, as stored. */
  private through: number;
  /** The last event stored. */
  private newest: number;
  /** The last event the backlog was read from the log up to: `enqueue` skips those it is given again. */
  private readFromLog = 0;
  /** A catch-up ran inside an enclosing transaction, which may yet roll it back. */
  private unconfirmed = false;

  /**
   * Loads where the history stands; what a crash left unwritten is written by the first `catchUp`.
   * `reads` and `writes` are the store's (server/history/history-reads.ts, history-writes.ts).
   */
  constructor(
    private readonly reads: HistoryReads,
    private readonly writes: HistoryWrites,
    options: { rollups?: boolean; maxCachedCalls?: number } = {},
  ) {
    this.maxCachedCalls = options.maxCachedCalls ?? 20_000;
    this.rollups = options.rollups === false ? null : new RollupWriter(reads, writes);
    const rollups = this.rollups;
    this.agentTime = rollups && new AgentTimeWriter(reads, writes, (c) => rollups.addAll(c));
    this.newest = reads.lastSeq();
    const stored = reads.meta(META_KEYS.historyThrough);
    // None stored: written by a version that wrote the history with each batch, so all of it is.
    if (stored === undefined) writes.atomically(() => writes.saveMeta(META_KEYS.historyThrough, String(this.newest)));
    this.through = stored === undefined ? this.newest : Number(stored);
    this.reloadBacklog();
  }

  /** Call events waiting for `catchUp`. */
  get pending(): number {
    return this.backlogEvents;
  }

  /** Whether any event waits for `catchUp` (agent events count for agent time). */
  get waiting(): boolean {
    return this.backlogEvents > 0 || (this.agentTime?.pending ?? 0) > 0;
  }

  /**
   * Queues' thresholds changed: the rollups follow (the facts do not depend on them). The cached calls'
   * contributions were counted with the old thresholds, and the rebuilt rollups no longer hold them:
   * moving a cached call from them would count its service level twice, so each is read again.
   */
  thresholdsChanged(): void {
    this.rollups?.thresholdsChanged();
    this.recent.clear();
  }

  /** The waiting calls whose events and stored facts `catchUp` will read (those not cached), and up to which event. */
  uncachedCalls(): { callIds: string[]; throughSeq: number } {
    return { callIds: [...this.backlog.keys()].filter((id) => !this.recent.has(id)), throughSeq: this.through };
  }

  /** Call once the transaction that stored `fresh` has committed: their call events join the backlog. */
  enqueue(fresh: readonly FloorEvent[]): void {
    this.agentTime?.add(fresh);
    for (const e of fresh) {
      if (e.seq <= this.readFromLog) continue;
      if (e.seq > this.newest) this.newest = e.seq;
      if (!isCallFactEvent(e)) continue;
      const list = this.backlog.get(e.callId);
      if (list) list.push(e);
      else this.backlog.set(e.callId, [e]);
      this.backlogEvents++;
    }
  }

  /**
   * Writes the backlog: each waiting call's facts derived once from all its
   * events, the rollups moved accordingly, `history_through` advanced, in one
   * transaction. On failure nothing is written and the backlog stays for the next try.
   * Agent time is accounted up to a minute behind the newest event or `now`
   * (server/history/agent-time-writer.ts); null while a backfill writes the past.
   */
  catchUp(now: number | null = null): void {
    if (this.unconfirmed) this.confirm();
    if (this.backlog.size === 0 && !this.rollups?.hasPending && !this.agentTime?.due(now)) return;
    const nested = this.reads.inForeignTransaction();
    const through = this.newest;
    try {
      this.writes.atomically(() => {
        for (const [callId, added] of this.backlog) this.rewriteCall(callId, this.recentCall(callId, added));
        if (this.agentTime) this.rollups!.addAll(this.agentTime.account(now));
        if (this.rollups) this.rollups.flush();
        else if (!this.rollupsMarkedStale) {
          // The next start that maintains them rebuilds them from the facts (server/history/rollup-rebuild.ts).
          this.writes.saveMeta(META_KEYS.version, 'unmaintained');
          this.rollupsMarkedStale = true;
        }
        this.writes.saveMeta(META_KEYS.historyThrough, String(through));
      });
    } catch (err) {
      this.forget();
      throw err;
    }
    this.through = through;
    this.backlog = new Map();
    this.backlogEvents = 0;
    this.unconfirmed ||= nested;
  }

  /**
   * After a catch-up inside someone else's transaction: when that transaction
   * was rolled back, the history is behind what this writer believes, and is
   * written again from the log.
   */
  private confirm(): void {
    const stored = Number(this.reads.meta(META_KEYS.historyThrough));
    if (stored !== this.through) {
      this.forget();
      this.through = stored;
      this.reloadBacklog();
    }
    this.unconfirmed = this.reads.inForeignTransaction();
  }

  /** The backlog from the log: the call events after `through`. */
  private reloadBacklog(): void {
    this.backlog = new Map();
    this.backlogEvents = 0;
    this.readFromLog = 0;
    const logged = this.reads.eventsAfter(this.through);
    this.enqueue(logged);
    this.readFromLog = logged.length > 0 ? logged[logged.length - 1]!.seq : this.through;
  }

  /** Drops the cache and unwritten rollup changes: after a rollback they may hold what was never stored. */
  private forget(): void {
    this.recent.clear();
    this.rollups?.discard();
    this.agentTime?.load();
    this.rollupsMarkedStale = false;
  }

  private recentCall(callId: string, added: CallEvent[]): RecentCall {
    let call = this.recent.get(callId);
    if (call) {
      this.recent.delete(callId);
      call.events.push(...added);
    } else {
      // Not seen lately: its events up to `through` are in the log and their facts in the store
      // (a call with none is new, and needs neither read).
      const before = this.reads.callEvents(callId, this.through).filter(isCallFactEvent);
      const stored = before.length === 0 ? NO_FACTS : this.reads.storedFacts(callId);
      call = { events: [...before, ...added], stored, contributions: this.rollups?.contributionsOf(stored) ?? [] };
    }
    this.recent.set(callId, call);
    if (this.recent.size > this.maxCachedCalls) this.recent.delete(this.recent.keys().next().value!);
    return call;
  }

  /** Re-derives the call's facts; its rollup contributions move from the old facts to the new. */
  private rewriteCall(callId: string, call: RecentCall): void {
    const facts = deriveCallFacts(callId, call.events);
    if (this.rollups) call.contributions = this.rollups.move(call.contributions, facts);
    writeCallFacts(this.writes, facts, call.stored);
    call.stored = facts;
  }
}
