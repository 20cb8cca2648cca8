import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { agentStateChanges, calls, handlings, queueVisits, wrapups } from '../db/schema.js';
import { deriveCallFacts, isCallFactEvent } from '../domain/call-facts.js';
import type { CallEvent, FloorEvent } from '../domain/events.js';
import type { EventStore } from './event-store.js';

const placeholders = <T extends string>(...names: T[]) =>
  Object.fromEntries(names.map((n) => [n, sql.placeholder(n)])) as unknown as Record<T, ReturnType<typeof sql.placeholder>>;

/** `ON CONFLICT DO UPDATE SET col = excluded.col` for the given columns. */
const excluded = <T extends object>(table: T, names: (keyof T & string)[]) =>
  Object.fromEntries(names.map((n) => [n, sql.raw(`excluded."${(table[n] as { name: string }).name}"`)]));

/**
 * Keeps the history facts (calls, queue visits, handlings, wrap-ups, agent
 * state history) in step with the event log, inside the ingest transaction.
 */
export class FactWriter {
  /** Events of recently active calls, so a call's facts are re-derived without reading the log. */
  private readonly recent = new Map<string, CallEvent[]>();
  private readonly stmts;

  constructor(
    db: Db,
    private readonly store: EventStore,
    private readonly maxCachedCalls = 20_000,
  ) {
    const callFields = ['direction', 'queueId', 'startedAt', 'answeredAt', 'endedAt', 'endedBy', 'outcome'] as const;
    this.stmts = {
      upsertCall: db
        .insert(calls)
        .values(placeholders('id', ...callFields))
        .onConflictDoUpdate({ target: calls.id, set: excluded(calls, [...callFields]) })
        .prepare(),
      deleteVisits: db.delete(queueVisits).where(eq(queueVisits.callId, sql.placeholder('callId'))).prepare(),
      deleteHandlings: db.delete(handlings).where(eq(handlings.callId, sql.placeholder('callId'))).prepare(),
      deleteWrapups: db.delete(wrapups).where(eq(wrapups.callId, sql.placeholder('callId'))).prepare(),
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
      insertStateChange: db
        .insert(agentStateChanges)
        .values(placeholders('seq', 'agentId', 'at', 'state', 'reason'))
        .onConflictDoNothing()
        .prepare(),
    };
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
        this.stmts.insertStateChange.run({
          seq: e.seq,
          agentId: e.agentId,
          at: e.at,
          state: e.type === 'agent.signed_in' ? 'unavailable' : e.type === 'agent.signed_out' ? 'signed_out' : e.state,
          reason: e.type === 'agent.state_changed' && e.state === 'unavailable' ? (e.reason ?? null) : null,
        });
      }
    }
    for (const [callId, added] of touchedCalls) this.rewriteCall(callId, this.eventsOf(callId, added));
  }

  /** Drops the cache: after a rollback it may hold events that were never stored. */
  forget(): void {
    this.recent.clear();
  }

  private eventsOf(callId: string, added: CallEvent[]): CallEvent[] {
    let all = this.recent.get(callId);
    if (all) {
      this.recent.delete(callId);
      all.push(...added);
    } else {
      // Not seen lately: the log (which already holds `added`) is the whole truth.
      all = this.store.callEvents(callId).filter(isCallFactEvent);
    }
    this.recent.set(callId, all);
    if (this.recent.size > this.maxCachedCalls) this.recent.delete(this.recent.keys().next().value!);
    return all;
  }

  private rewriteCall(callId: string, all: CallEvent[]): void {
    const facts = deriveCallFacts(callId, all);
    const s = this.stmts;
    s.upsertCall.run(withNulls(facts.call));
    s.deleteVisits.run({ callId });
    s.deleteHandlings.run({ callId });
    s.deleteWrapups.run({ callId });
    for (const v of facts.visits) s.insertVisit.run(withNulls(v));
    for (const h of facts.handlings) s.insertHandling.run(withNulls(h));
    for (const w of facts.wrapups) s.insertWrapup.run(withNulls(w));
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
