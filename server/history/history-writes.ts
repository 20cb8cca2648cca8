import type { FamilyName } from '../domain/rollup-cells.js';
import type { Zone } from '../domain/zone.js';
import type { FactTable } from './fact-tables.js';
import type { Level } from './rollup-tables.js';

/**
 * Where the history writers' changes go (server/history/fact-writer.ts, rollup-writer.ts,
 * agent-time-writer.ts): the writers decide what changes, synchronously and the same on both
 * stores; this says how it is stored. On SQLite each call runs a prepared statement at once,
 * inside the catch-up's transaction (history-writes.sqlite.ts); on PostgreSQL the calls are
 * recorded and replayed in one transaction afterwards, many rows a statement (history-writes.postgres.ts).
 */
export interface HistoryWrites {
  /** Runs `work` all or nothing: on SQLite a transaction (a savepoint inside an open one); on PostgreSQL what it recorded is dropped when it throws. */
  atomically(work: () => void): void;
  /** Inserts or replaces a fact row: `values` in the table's column order. */
  upsertFact(table: FactTable, values: unknown[]): void;
  /** Deletes a fact row by its key columns' values. */
  deleteFact(table: FactTable, key: unknown[]): void;
  /** Adds `values` to a rollup cell's counters, creating it when missing. */
  addToCell(family: FamilyName, level: Level, dims: readonly string[], period: number, values: readonly number[]): void;
  /** Removes the cell when every counter is zero, as a rebuild would not have it. */
  deleteIfEmpty(family: FamilyName, level: Level, dims: readonly string[], period: number): void;
  /** Records a key of the family (one that has counters), when new. */
  insertKey(family: FamilyName, dims: readonly string[]): void;
  /** Sets a rollup_meta value. */
  saveMeta(key: string, value: string): void;
  /** Moves the seal line from `from` to `to` (server/history/day-sealing.ts): after every cell change before it. */
  seal(zone: Zone, from: number, to: number): void;
}
