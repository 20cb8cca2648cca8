import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { agentStateChanges, calls, handlings, queueVisits, wrapups } from '../db/schema.js';
import { deriveCallFacts, isCallFactEvent, type CallFacts } from '../domain/call-facts.js';
import type { CallEvent, FloorEvent } from '../domain/events.js';
import type { Contribution, RollupFacts } from '../domain/rollup-cells.js';
import { RollupWriter } from '../stats/rollup-writer.js';
import type { EventStore } from './event-store.js';

const placeholders = <T extends string>(...names: T[]) =>
  Object.fromEntries(names.map((n) => [n, sql.placeholder(n)])) as unknown as Record<T, ReturnType<typeof sql.placeholder>>;

/** `ON CONFLICT DO UPDATE SET col = excluded.col` for the given columns. */
const excluded = <T extends object>(table: T, names: (keyof T & string)[]) =>
  Object.fromEntries(names.map((n) => [n, sql.raw(`excluded."${(table[n] as { name: string }).name}"`)]));

/** One call's rows in the fact tables. */
export class CallFactRows {
  private readonly stmts;

  constructor(db: Db) {
    const callFields = ['direction', 'queueId', 'startedAt', 'answeredAt', 'endedAt', 'endedBy', 'outcome'] as const;
    const byCall = <T extends typeof queueVisits | typeof handlings | typeof wrapups>(table: T) => eq(table.callId, sql.placeholder('callId'));
    this.stmts = {
      upsertCall: db
        .insert(calls)
        .values(placeholders('id', ...callFields))
        .onConflictDoUpdate({ target: calls.id, set: excluded(calls, [...callFields]) })
        .prepare(),
      deleteVisits: db.delete(queueVisits).where(byCall(queueVisits)).prepare(),
      deleteHandlings: db.delete(handlings).where(byCall(handlings)).prepare(),
      deleteWrapups: db.delete(wrapups).where(byCall(wrapups)).prepare(),
      insertVisit: db
        .insert(queueVisits)
        .values(
          placeholders('callId', 'visit', 'queueId', 'queuedAt', 'answeredAt', 'leftAt', 'outcome', 'agentId', 'queueTime', 'holdTime', 'connectedTime', 'handleTime'),
        )
        .prepare(),
      insertHandling: db
        .insert(handlings)
        .values(
          placeholders('callId', 'handling', 'agentId', 'queueId', 'direction', 'offeredAt', 'answeredAt', 'endedAt', 'result', 'ringTime', 'connectedTime', 'holdTime', 'talkTime', 'handleTime'),
        )
        .prepare(),
      insertWrapup: db
        .insert(wrapups)
        .values(placeholders('callId', 'agentId', 'queueId', 'startedAt', 'completedAt', 'reasonId', 'wrapupTime'))
        .prepare(),
      visitsOf: db.select().from(queueVisits).where(byCall(queueVisits)).prepare(),
      handlingsOf: db.select().from(handlings).where(byCall(handlings)).prepare(),
      wrapupsOf: db.select().from(wrapups).where(byCall(wrapups)).prepare(),
    };
  }

  /** The call's stored visits, handlings and wrap-ups. */
  read(callId: string): RollupFacts {
    const s = this.stmts;
    return { visits: s.visitsOf.all({ callId }), handlings: s.handlingsOf.all({ callId }), wrapups: s.wrapupsOf.all({ callId }) };
  }

  replace(facts: CallFacts): void {
    const s = this.stmts;
    const callId = facts.call.id;
    s.upsertCall.run(withNulls(facts.call));
    s.deleteVisits.run({ callId });
    s.deleteHandlings.run({ callId });
    s.deleteWrapups.run({ callId });
    for (const v of facts.visits) s.insertVisit.run(withNulls(v));
    for (const h of facts.handlings) s.insertHandling.run(withNulls(h));
    for (const w of facts.wrapups) s.insertWrapup.run(withNulls(w));
  }
}

interface RecentCall {
  events: CallEvent[];
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
  private readonly rows: CallFactRows;
  private readonly rollups: RollupWriter;
  private readonly insertStateChange;

  constructor(
    db: Db,
    private readonly store: EventStore,
    private readonly maxCachedCalls = 20_000,
  ) {
    this.rows = new CallFactRows(db);
    this.rollups = new RollupWriter(db);
    this.insertStateChange = db
      .insert(agentStateChanges)
      .values(placeholders('seq', 'agentId', 'at', 'state', 'reason'))
      .onConflictDoNothing()
      .prepare();
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
        this.insertStateChange.run({
          seq: e.seq,
          agentId: e.agentId,
          at: e.at,
          state: e.type === 'agent.signed_in' ? 'unavailable' : e.type === 'agent.signed_out' ? 'signed_out' : e.state,
          reason: e.type === 'agent.state_changed' && e.state === 'unavailable' ? (e.reason ?? null) : null,
        });
      }
    }
    for (const [callId, added] of touchedCalls) this.rewriteCall(callId, this.recentCall(callId, added));
    this.rollups.flush();
  }

  /** Drops the cache and unwritten rollup changes: after a rollback they may hold events that were never stored. */
  forget(): void {
    this.recent.clear();
    this.rollups.discard();
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
      call = { events, contributions: events.length === added.length ? [] : this.rollups.contributionsOf(this.rows.read(callId)) };
    }
    this.recent.set(callId, call);
    if (this.recent.size > this.maxCachedCalls) this.recent.delete(this.recent.keys().next().value!);
    return call;
  }

  /** Re-derives the call's facts; its rollup contributions move from the old facts to the new. */
  private rewriteCall(callId: string, call: RecentCall): void {
    const facts = deriveCallFacts(callId, call.events);
    call.contributions = this.rollups.move(call.contributions, facts);
    this.rows.replace(facts);
  }
}

/** Prepared statements bind every placeholder; absent optional columns are NULL. */
const ALL_COLUMNS = [
  'answeredAt', 'endedAt', 'endedBy', 'outcome', 'leftAt', 'agentId', 'queueId', 'queueTime', 'holdTime',
  'connectedTime', 'handleTime', 'result', 'ringTime', 'talkTime', 'completedAt', 'reasonId', 'wrapupTime',
] as const;

function withNulls(row: object): Record<string, unknown> {
  const out: Record<string, unknown> = { ...row };
  for (const k of ALL_COLUMNS) if (out[k] === undefined) out[k] = null;
  return out;
}
