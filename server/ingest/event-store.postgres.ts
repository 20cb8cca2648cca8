import { and, asc, desc, gt, gte, lte, sql } from 'drizzle-orm';
import type { Store } from '../db/store.js';
import type { CallEvent, FloorEvent } from '../domain/events.js';
import { toEvent } from './event-store.js';

/*
 * The event log's reads the history needs on PostgreSQL (server/history/history-reads.postgres.ts),
 * asynchronous: the same answers as EventStore's synchronous SQLite statements (event-store.ts).
 */

/** Each call's events stored up to `throughSeq`, in arrival order: one statement for the whole list. */
export async function callEventsOf(store: Store, callIds: readonly string[], throughSeq: number): Promise<Map<string, CallEvent[]>> {
  const { events } = store.tables;
  const byCall = new Map<string, CallEvent[]>();
  if (callIds.length === 0) return byCall;
  const rows = await store.db
    .select()
    .from(events)
    .where(and(sql`${events.callId} = ANY(${sql.param(callIds)})`, lte(events.seq, throughSeq)))
    .orderBy(asc(events.seq));
  for (const row of rows) {
    const list = byCall.get(row.callId!);
    if (list) list.push(toEvent(row) as CallEvent);
    else byCall.set(row.callId!, [toEvent(row) as CallEvent]);
  }
  return byCall;
}

/** Every event stored after `seq`, in arrival order. */
export async function eventsAfter(store: Store, seq: number): Promise<FloorEvent[]> {
  const { events } = store.tables;
  return (await store.db.select().from(events).where(gt(events.seq, seq)).orderBy(asc(events.seq))).map(toEvent);
}

/** Events at or after the instant `at`, stored up to `throughSeq`, in time order. */
export async function eventsFrom(store: Store, at: number, throughSeq: number): Promise<FloorEvent[]> {
  const { events } = store.tables;
  const rows = await store.db
    .select()
    .from(events)
    .where(and(gte(events.at, at), lte(events.seq, throughSeq)))
    .orderBy(asc(events.at), asc(events.seq));
  return rows.map(toEvent);
}

const DAY = 86_400_000;

/** Events stored up to `throughSeq`, in time order, a UTC day at a time. */
export async function eventsByDay(store: Store, throughSeq: number): Promise<FloorEvent[][]> {
  const days: FloorEvent[][] = [];
  for (const e of await eventsFrom(store, Number.MIN_SAFE_INTEGER, throughSeq)) {
    const last = days[days.length - 1];
    if (last && Math.floor(last[0]!.at / DAY) === Math.floor(e.at / DAY)) last.push(e);
    else days.push([e]);
  }
  return days;
}

/** The newest event instant, or null when there is none. */
export async function newestAt(store: Store): Promise<number | null> {
  const { events } = store.tables;
  const [row] = await store.db.select({ at: events.at }).from(events).orderBy(desc(events.at)).limit(1);
  return row?.at ?? null;
}
