/**
 * The anchor of the ingestion bench (issue 20; issue 18 for PostgreSQL): the same events stored
 * by the database alone, the floor of what ingestion can cost on that store. No HTTP, validation,
 * floor or history: the server's own insert of the event log, one transaction per batch. On SQLite
 * one prepared insert per row (better-sqlite3, in this process); on PostgreSQL the server's
 * multi-row insert (server/ingest/event-append.postgres.ts), one round trip a batch.
 */
import { openDb, type Synchronous } from '../../server/db/client.js';
import { openPostgres } from '../../server/db/postgres-client.js';
import { PostgresStore } from '../../server/db/postgres-store.js';
import type { IncomingEvent } from '../../server/domain/events.js';
import { insertEvents } from '../../server/ingest/event-append.postgres.js';
import { eventRow, INSERT_EVENT, type EventRow } from '../../server/ingest/event-store.js';
import type { WireEvent } from './call-mix.js';

export const RAW_INSERT = { sqlite: 'raw better-sqlite3 insert', postgres: 'raw PostgreSQL multi-row insert' } as const;

export interface RawInsert {
  /** Inserts one batch in one transaction; returns the rows stored. */
  insert(rows: readonly EventRow[]): Promise<number>;
  close(): Promise<void>;
}

/** The batches' rows, built before the clock starts. */
export function rawRows(events: readonly WireEvent[], batchSize: number): EventRow[][] {
  const rows = events.map((e) => eventRow({ ...e, at: Date.parse(e.at) } as IncomingEvent));
  const out: EventRow[][] = [];
  for (let i = 0; i < rows.length; i += batchSize) out.push(rows.slice(i, i + batchSize));
  return out;
}

/** A SQLite database opened like the server's (schema, indexes, WAL, `synchronous`) on `file`. */
export function rawInsert(file: string, synchronous: Synchronous): RawInsert {
  const db = openDb(file, { synchronous });
  const insert = db.$client.prepare(INSERT_EVENT);
  const batch = db.$client.transaction((rows: readonly EventRow[]) => {
    let stored = 0;
    for (const r of rows) stored += insert.run(...r).changes;
    return stored;
  });
  return {
    insert: async (rows) => batch(rows),
    close: async () => {
      db.$client.close();
    },
  };
}

/** A PostgreSQL database migrated like the server's (schema, indexes) at `url`, over one connection. */
export async function rawInsertPostgres(url: string): Promise<RawInsert> {
  const store = PostgresStore.over(await openPostgres(url, { pool: 1, statementTimeoutMs: 0 }));
  return {
    insert: (rows) => store.transaction(async (tx) => (await tx.all(insertEvents(rows))).length),
    close: () => store.close(),
  };
}
