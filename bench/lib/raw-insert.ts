/**
 * The anchor of the ingestion bench (issue 20): the same events stored by better-sqlite3
 * alone, the floor of what ingestion can cost. No HTTP, validation, floor or history: one
 * prepared insert per row, the server's own statement, one transaction per batch.
 */
import { openDb, type Synchronous } from '../../server/db/client.js';
import type { IncomingEvent } from '../../server/domain/events.js';
import { eventRow, INSERT_EVENT, type EventRow } from '../../server/ingest/event-store.js';
import type { WireEvent } from './call-mix.js';

export const RAW_INSERT = 'raw better-sqlite3 insert';

export interface RawInsert {
  /** The batches' rows, built before the clock starts. */
  rows(events: readonly WireEvent[], batchSize: number): EventRow[][];
  /** Inserts one batch in one transaction; returns the rows stored. */
  insert(rows: readonly EventRow[]): number;
  close(): void;
}

/** A database opened like the server's (schema, indexes, WAL, `synchronous`) on `file`. */
export function rawInsert(file: string, synchronous: Synchronous): RawInsert {
  const db = openDb(file, { synchronous });
  const insert = db.$client.prepare(INSERT_EVENT);
  const batch = db.$client.transaction((rows: readonly EventRow[]) => {
    let stored = 0;
    for (const r of rows) stored += insert.run(...r).changes;
    return stored;
  });
  return {
    rows(events, batchSize) {
      const rows = events.map((e) => eventRow({ ...e, at: Date.parse(e.at) } as IncomingEvent));
      const out: EventRow[][] = [];
      for (let i = 0; i < rows.length; i += batchSize) out.push(rows.slice(i, i + batchSize));
      return out;
    },
    insert: (rows) => batch(rows),
    close: () => db.$client.close(),
  };
}
