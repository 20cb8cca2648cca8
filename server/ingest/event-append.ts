import type { Store } from '../db/store.js';
import type { FloorEvent, IncomingEvent } from '../domain/events.js';
import { PostgresEventAppend } from './event-append.postgres.js';
import { SqliteEventAppend } from './event-append.sqlite.js';
import type { EventStore } from './event-store.js';

/**
 * Stores a batch: its events not stored before, and the agent state history they make, all or
 * nothing. Returns the new events with their arrival position (`seq`), in arrival order.
 */
export interface EventAppend {
  append(incoming: readonly IncomingEvent[]): Promise<FloorEvent[]>;
}

/** The dialect's way: SQLite's prepared statements in one synchronous transaction, PostgreSQL's multi-row inserts. */
export function eventAppend(store: Store, events: EventStore | null): EventAppend {
  return store.dialect === 'sqlite' ? new SqliteEventAppend(store, events!) : new PostgresEventAppend(store);
}
