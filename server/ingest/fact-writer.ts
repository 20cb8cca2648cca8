import type { Database, Statement } from 'better-sqlite3';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { handlings, queueVisits, wrapups } from '../db/schema.js';
import { deriveCallFacts, isCallFactEvent, type CallFacts } from '../domain/call-facts.js';
import type { CallEvent, FloorEvent } from '../domain/events.js';
import type { Contribution, RollupFacts } from '../domain/rollup-cells.js';
import { writeMeta } from '../stats/rollup-meta.js';
import { RollupWriter } from '../stats/rollup-writer.js';
import type { EventStore } from './event-store.js';

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
 * Keeps the history facts (calls, queue visits, handlings, wrap-ups, agent
 * state history) and the interval rollups in step with the event log, inside
 * the ingest transaction.
 */
export class FactWriter {
  /** Recently active calls, so a call's facts are re-derived without reading the log. */
  private readonly recent = new Map<string, RecentCall>();
  private readonly maxCachedCalls: number;
  private rollupsMarkedStale = false;
  private readonly rows: CallFactRows;
  /** Null when rollups are not maintained (benchmarks, bulk loads that rebuild them afterwards). */
  private readonly rollups: RollupWriter | null;
  private readonly insertStateChange: Statement;

  constructor(
    private readonly db: Db,
    private readonly store: EventStore,
    options: { rollups?: boolean; maxCachedCalls?: number } = {},
  ) {
    this.maxCachedCalls = options.maxCachedCalls ?? 20_000;
    this.rows = new CallFactRows(db);
    this.rollups = options.rollups === false ? null : new RollupWriter(db);
    this.insertStateChange = db.$client.prepare(
      'INSERT INTO agent_state_changes (seq, agent_id, at, state, reason) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
  }

  /** Call inside the transaction that stored `fresh`. */
  record(fresh: readonly FloorEvent[]): void {
    const touchedCalls = new Map<string, CallEvent[]>();
    for (const e of fresh) {
      if (isCallFactEvent(e)) {
        const list = touchedCalls.get(e.callId) ?? [];
        list.push(e);
        touchedCalls.set(e.callId, list);
      } else if (e.type === 'agent.signed_in' || e.type === 'agent.signed_out' || e.type === 'agent.state_changed') {
        this.insertStateChange.run(
          e.seq,
          e.agentId,
          e.at,
          e.type === 'agent.signed_in' ? 'unavailable' : e.type === 'agent.signed_out' ? 'signed_out' : e.state,
          e.type === 'agent.state_changed' && e.state === 'unavailable' ? (e.reason ?? null) : null,
        );
      }
    }
    for (const [callId, added] of touchedCalls) this.rewriteCall(callId, this.recentCall(callId, added));
    if (this.rollups) this.rollups.flush();
    else if (touchedCalls.size > 0 && !this.rollupsMarkedStale) {
      // The next start that maintains them rebuilds them from the facts (server/stats/rollup-rebuild.ts).
      writeMeta(this.db, { version: 'unmaintained' });
      this.rollupsMarkedStale = true;
    }
  }

  /** Drops the cache and unwritten rollup changes: after a rollback they may hold events that were never stored. */
  forget(): void {
    this.recent.clear();
    this.rollups?.discard();
    this.rollupsMarkedStale = false;
  }

  private recentCall(callId: string, added: CallEvent[]): RecentCall {
    let call = this.recent.get(callId);
    if (call) {
      this.recent.delete(callId);
      call.events.push(...added);
    } else {
      // Not seen lately: the log (which already holds `added`) is the whole truth,
      // and the facts it last produced are in the store, unless the call is new.
      const events = this.store.callEvents(callId).filter(isCallFactEvent);
      const stored = events.length === added.length ? NO_FACTS : this.rows.read(callId);
      call = { events, stored, contributions: this.rollups?.contributionsOf(stored) ?? [] };
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
