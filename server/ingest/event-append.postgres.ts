import { sql, type SQL } from 'drizzle-orm';
import type { Store } from '../db/store.js';
import type { FloorEvent, IncomingEvent } from '../domain/events.js';
import { agentStateRows } from './agent-state-rows.js';
import type { EventAppend } from './event-append.js';
import { eventRow, type EventRow } from './event-store.js';

/** Rows per statement: PostgreSQL takes at most 65,535 parameters in one (7 an event). */
const ROWS_PER_INSERT = 5_000;

const values = (rows: readonly (readonly unknown[])[]): SQL => sql.join(rows.map((r) => sql`(${sql.join(r.map((v) => sql`${v}`), sql`, `)})`), sql`, `);

/** Stores the events whose ids are new, returning their `seq` and id (also the ingestion bench's anchor: bench/lib/raw-insert.ts). */
export const insertEvents = (rows: readonly EventRow[]): SQL =>
  sql`INSERT INTO events (id, type, at, agent_id, call_id, queue_id, data) VALUES ${values(rows)} ON CONFLICT (id) DO NOTHING RETURNING seq, id`;

/**
 * A batch on PostgreSQL: one transaction, the events in multi-row inserts that skip the ids stored
 * before (`ON CONFLICT DO NOTHING`, the new ones returned with their `seq`), then their agent state
 * history in one more.
 */
export class PostgresEventAppend implements EventAppend {
  /** The batch being stored: the next waits, so this process commits its events in `seq` order and no reader of the log skips one. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: Store) {}

  append(incoming: readonly IncomingEvent[]): Promise<FloorEvent[]> {
    const result = this.tail.then(() => this.store.transaction((tx) => this.write(tx, incoming)));
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async write(tx: Store, incoming: readonly IncomingEvent[]): Promise<FloorEvent[]> {
    const seqOf = new Map<string, number>();
    for (let i = 0; i < incoming.length; i += ROWS_PER_INSERT) {
      const stored = await tx.all<{ seq: number | string; id: string }>(insertEvents(incoming.slice(i, i + ROWS_PER_INSERT).map(eventRow)));
      for (const { seq, id } of stored) seqOf.set(id, Number(seq));
    }
    const fresh: FloorEvent[] = [];
    for (const e of incoming) {
      const seq = seqOf.get(e.id);
      // An id twice in one batch is stored once: the first.
      if (seq === undefined) continue;
      seqOf.delete(e.id);
      fresh.push({ ...e, seq } as FloorEvent);
    }
    fresh.sort((a, b) => a.seq - b.seq);
    const states = agentStateRows(fresh);
    for (let i = 0; i < states.length; i += ROWS_PER_INSERT) {
      await tx.run(sql`INSERT INTO agent_state_changes (seq, agent_id, at, state, reason) VALUES ${values(states.slice(i, i + ROWS_PER_INSERT))} ON CONFLICT DO NOTHING`);
    }
    return fresh;
  }
}
