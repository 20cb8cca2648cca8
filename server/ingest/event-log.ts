import { and, asc, gt, or, sql } from 'drizzle-orm';
import type { Store } from '../db/store.js';
import type { FloorEvent } from '../domain/events.js';
import { toEvent } from './event-store.js';

/*
 * Reads of the event log shared by both dialects, through drizzle's query builder (the SQLite
 * history writer keeps its own prepared statements in event-store.ts).
 */

/** The last event stored, 0 before any. */
export async function lastSeq(store: Store): Promise<number> {
  const row = await store.get<{ s: number | string | null }>(sql`select max(seq) as s from events`);
  return Number(row?.s ?? 0);
}

/** Events not reflected in a floor snapshot taken at (`lastSeq`, `watermark`), in arrival order. */
export async function* eventsSince(store: Store, lastSeq: number, watermark: number, batch = 10_000): AsyncGenerator<FloorEvent[]> {
  const { events } = store.tables;
  let after = 0;
  for (;;) {
    const rows = await store.db
      .select()
      .from(events)
      .where(and(gt(events.seq, after), or(gt(events.seq, lastSeq), gt(events.at, watermark))))
      .orderBy(asc(events.seq))
      .limit(batch);
    if (rows.length === 0) return;
    yield rows.map(toEvent);
    after = rows[rows.length - 1]!.seq;
  }
}
