import type { Store } from '../db/store.js';
import type { FloorEvent } from '../domain/events.js';
import type { EventStore } from '../ingest/event-store.js';
import { PostgresHistoryWriter } from './history-writer.postgres.js';
import { SqliteHistoryWriter } from './history-writer.sqlite.js';

export interface HistoryWriterOptions {
  /** `false` leaves the statistics rollups to a later rebuild (benchmarks, bulk loads). */
  rollups?: boolean;
}

/**
 * The fact writer (server/history/fact-writer.ts) on one store: the same synchronous logic, run
 * the store's way. On SQLite a catch-up is one synchronous transaction through `exclusive`
 * (history-writer.sqlite.ts); on PostgreSQL it reads ahead, computes, and writes in one
 * transaction (history-writer.postgres.ts).
 */
export interface HistoryWriter {
  /** Call events waiting for `catchUp`. */
  readonly pending: number;
  /** Whether any event waits for `catchUp`. */
  readonly waiting: boolean;
  /** Call once the transaction that stored `fresh` has committed. */
  enqueue(fresh: readonly FloorEvent[]): void;
  /** Writes what waits, all or nothing; rejects when that fails (the writer then reloads from the store). */
  catchUp(now: number | null, within: Store): Promise<void>;
  /** Writes what waits, then takes queues' new thresholds (the rollups rebuilt with them). */
  thresholdsChanged(now: number): Promise<void>;
}

/** The store's history writer; what a crash left unwritten is written before it is returned. */
export async function openHistoryWriter(store: Store, events: EventStore | null, options: HistoryWriterOptions): Promise<HistoryWriter> {
  return store.dialect === 'sqlite' ? SqliteHistoryWriter.open(store, events!, options) : PostgresHistoryWriter.open(store, options);
}
