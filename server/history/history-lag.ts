import type { Db } from '../db/client.js';

/**
 * Ingestion stores events at once and writes the history they imply (call facts
 * and rollups) a moment later, many batches together (server/history/fact-writer.ts).
 * Whatever reads facts or rollups calls `historyUpToDate` first, which writes what
 * is still pending: a read never misses an event the API has accepted.
 */
const catchUps = new WeakMap<Db['$client'], () => void>();

/** The ingestion on `db` registers how to write its pending history (the latest one counts); returns the way to unregister. */
export function onHistoryRead(db: Db, catchUp: () => void): () => void {
  catchUps.set(db.$client, catchUp);
  return () => {
    if (catchUps.get(db.$client) === catchUp) catchUps.delete(db.$client);
  };
}

/** Writes the history of every accepted event; throws when that fails (the figures would be stale). */
export function historyUpToDate(db: Db): void {
  catchUps.get(db.$client)?.();
}
