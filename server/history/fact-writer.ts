import type { Database, Statement } from 'better-sqlite3';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { handlings, queueVisits, wrapups } from '../db/schema/facts.js';
import { deriveCallFacts, isCallFactEvent, type CallFacts } from '../domain/call-facts.js';
import type { CallEvent, FloorEvent } from '../domain/events.js';
import type { Contribution, RollupFacts } from '../domain/rollup-cells.js';
import { META_KEYS } from '../db/meta-keys.js';
import { writeMeta } from './rollup-meta.js';
import { RollupWriter } from './rollup-writer.js';
import { AgentTimeWriter } from './agent-time-writer.js';
import type { EventStore } from '../ingest/event-store.js';

/** A fact table's columns, as (SQL column, field of the derived row); the key columns first. */
interface FactTable {
  name: string;
  key: number;
  columns: [string, string][];
}

const col = (field: string): [string, string] => [field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), field];
const table = (name: string, key: string[], rest: string[]): FactTable => ({ name, key: key.length, columns: [...key, ...rest].map(col) });

const CALLS = table('calls', ['id'], ['direction', 'queueId', 'startedAt', 'answeredAt', 'endedAt', 'endedBy', 'outcome']);
const VISITS = table('queue_visits', ['callId', 'visit'], [
  'queueId', 'queuedAt', 'answeredAt', 'leftAt', 'outcome', 'agentId', 'queueTime', 'holdTime', 'connectedTime', 'handleTime',
]);
const HANDLINGS = table('handlings', ['callId', 'handling'], [
  'agentId', 'queueId', 'direction', 'offeredAt', 'answeredAt', 'endedAt', 'result', 'ringTime', 'connectedTime', 'holdTime', 'talkTime', 'handleTime',
]);
const WRAPUPS = table('wrapups', ['callId', 'handling', 'agentId'], ['queueId', 'startedAt', 'completedAt', 'reasonId', 'wrapupTime']);

type Row = Record<string, unknown>;

/** A row's values in column order; absent optional columns are NULL. */
const valuesOf = (t: FactTable, row: object) => t.columns.map(([, f]) => (row as Row)[f] ?? null);
const keyOf = (t: FactTable, row: object) => t.columns.slice(0, t.key).map(([, f]) => (row as Row)[f]).join('\u001f');

interface TableStatements {
  upsert: Statement;
  delete: Statement;
}

function tableStatements(client: Database, t: FactTable): TableStatements {
  const names = t.columns.map(([c]) => c);
  const keys = names.slice(0, t.key);
  return {
    upsert: client.prepare(
      `INSERT INTO ${t.name} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})
       ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${names.slice(t.key).map((c) => `${c} = excluded.${c}`).join(', ')}`,
    ),
    delete: client.prepare(`DELETE FROM ${t.name} WHERE ${keys.map((c) => `${c} = ?`).join(' AND ')}`),
  };
}

/** A call's fact rows as stored: what the next write compares against. */
export interface StoredFacts extends RollupFacts {
  /** Null when not known (the call row is then written). */
  call: CallFacts['call'] | null;
}

export const NO_FACTS: StoredFacts = { call: null, visits: [], handlings: [], wrapups: [] };

/**
 * One call's rows in the fact tables. A write changes only the rows whose
 * values changed since the stored facts it is given (most events change one
 * or two rows of a call): fewer writes, fewer index pages dirtied per batch.
 */
export class CallFactRows {
  private readonly stmts;
  private readonly byCall;

  constructor(db: Db) {
    const client = db.$client;
    // Plain prepared statements: drizzle's per-call parameter mapping was a third of the fact writing in a profile.
    this.stmts = { call: tableStatements(client, CALLS), visits: tableStatements(client, VISITS), handlings: tableStatements(client, HANDLINGS), wrapups: tableStatements(client, WRAPUPS) };
    this.byCall = {
      visits: db.select().from(queueVisits).where(eq(queueVisits.callId, sql.placeholder('callId'))).prepare(),
      handlings: db.select().from(handlings).where(eq(handlings.callId, sql.placeholder('callId'))).prepare(),
      wrapups: db.select().from(wrapups).where(eq(wrapups.callId, sql.placeholder('callId'))).prepare(),
    };
  }

  /** The call's stored visits, handlings and wrap-ups (its call row is not read). */
  read(callId: string): StoredFacts {
    const s = this.byCall;
    return { call: null, visits: s.visits.all({ callId }), handlings: s.handlings.all({ callId }), wrapups: s.wrapups.all({ callId }) };
  }

  /** Makes the call's stored rows those of `facts`, given the rows stored now. */
  write(facts: CallFacts, stored: StoredFacts): void {
    const s = this.stmts;
    if (stored.call === null || !sameRow(CALLS, stored.call, facts.call)) s.call.upsert.run(...valuesOf(CALLS, facts.call));
    writeRows(s.visits, VISITS, stored.visits, facts.visits);
    writeRows(s.handlings, HANDLINGS, stored.handlings, facts.handlings);
    writeRows(s.wrapups, WRAPUPS, stored.wrapups, facts.wrapups);
  }
}

function sameRow(t: FactTable, a: object, b: object): boolean {
  for (const [, f] of t.columns) if (((a as Row)[f] ?? null) !== ((b as Row)[f] ?? null)) return false;
  return true;
}

function writeRows(s: TableStatements, t: FactTable, stored: readonly object[], rows: readonly object[]): void {
  const before = new Map(stored.map((r) => [keyOf(t, r), r]));
  for (const row of rows) {
    const key = keyOf(t, row);
    const old = before.get(key);
    before.delete(key);
    if (!old || !sameRow(t, old, row)) s.upsert.run(...valuesOf(t, row));
  }
  for (const gone of before.values()) s.delete.run(...valuesOf(t, gone).slice(0, t.key));
}

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
  private readonly rows: CallFactRows;
  /** Null when rollups are not maintained (benchmarks, bulk loads that rebuild them afterwards). */
  private readonly rollups: RollupWriter | null;
  /** Agent time, kept with the rollups (none without them). */
  private readonly agentTime: AgentTimeWriter | null;
  private readonly readThrough: Statement;
  private readonly saveThrough: Statement;
  /** Call events stored but not yet in the history, by call. */
  private backlog = new Map<string, CallEvent[]>();
  private backlogEvents = 0;
  /** The last event whose history is written, as stored. */
  private through: number;
  /** The last event stored. */
  private newest: number;
  /** A catch-up ran inside an enclosing transaction, which may yet roll it back. */
  private unconfirmed = false;

  constructor(
    private readonly db: Db,
    private readonly store: EventStore,
    options: { rollups?: boolean; maxCachedCalls?: number } = {},
  ) {
    this.maxCachedCalls = options.maxCachedCalls ?? 20_000;
    this.rows = new CallFactRows(db);
    this.rollups = options.rollups === false ? null : new RollupWriter(db);
    const rollups = this.rollups;
    this.agentTime = rollups && new AgentTimeWriter(db, store, (c) => rollups.addAll(c));
    const client = db.$client;
    this.readThrough = client.prepare(`SELECT value FROM rollup_meta WHERE key = '${META_KEYS.historyThrough}'`).pluck();
    this.saveThrough = client.prepare(
      `INSERT INTO rollup_meta (key, value) VALUES ('${META_KEYS.historyThrough}', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );
    this.newest = store.lastSeq();
    const stored = this.readThrough.get() as string | undefined;
    // None stored: written by a version that wrote the history with each batch, so all of it is.
    if (stored === undefined) this.saveThrough.run(String(this.newest));
    this.through = stored === undefined ? this.newest : Number(stored);
    // Events a crash left out of the history are written before anything reads it.
    this.reloadBacklog();
    this.catchUp();
  }

  /** Call events waiting for `catchUp`. */
  get pending(): number {
    return this.backlogEvents;
  }

  /** Whether any event waits for `catchUp` (agent events count for agent time). */
  get waiting(): boolean {
    return this.backlogEvents > 0 || (this.agentTime?.pending ?? 0) > 0;
  }

  /** Queues' thresholds changed: the rollups follow (the facts do not depend on them). */
  thresholdsChanged(): void {
    this.rollups?.thresholdsChanged();
  }

  /** Call once the transaction that stored `fresh` has committed: their call events join the backlog. */
  enqueue(fresh: readonly FloorEvent[]): void {
    this.agentTime?.add(fresh);
    for (const e of fresh) {
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
    const nested = this.db.$client.inTransaction;
    const through = this.newest;
    try {
      this.db.transaction(() => {
        for (const [callId, added] of this.backlog) this.rewriteCall(callId, this.recentCall(callId, added));
        if (this.agentTime) this.rollups!.addAll(this.agentTime.account(now));
        if (this.rollups) this.rollups.flush();
        else if (!this.rollupsMarkedStale) {
          // The next start that maintains them rebuilds them from the facts (server/history/rollup-rebuild.ts).
          writeMeta(this.db, { version: 'unmaintained' });
          this.rollupsMarkedStale = true;
        }
        this.saveThrough.run(String(through));
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
    const stored = Number(this.readThrough.get());
    if (stored !== this.through) {
      this.forget();
      this.through = stored;
      this.reloadBacklog();
    }
    this.unconfirmed = this.db.$client.inTransaction;
  }

  /** The backlog from the log: the call events after `through`. */
  private reloadBacklog(): void {
    this.backlog = new Map();
    this.backlogEvents = 0;
    this.enqueue(this.store.eventsAfter(this.through));
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
      const before = this.store.callEvents(callId, this.through).filter(isCallFactEvent);
      const stored = before.length === 0 ? NO_FACTS : this.rows.read(callId);
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
    this.rows.write(facts, call.stored);
    call.stored = facts;
  }
}
