import type { QueueThresholds } from '../../common/metrics.js';
import type { CallEvent, FloorEvent } from '../domain/events.js';
import type { FamilyName } from '../domain/rollup-cells.js';
import type { StoredFacts } from './call-fact-rows.js';
import type { RollupMeta } from './rollup-meta.js';

/**
 * What the history writers read, synchronously: their logic is shared by both stores and runs
 * without awaiting. On SQLite each read is a prepared statement run when asked
 * (history-reads.sqlite.ts); on PostgreSQL everything a catch-up or a load will ask is read
 * ahead, asynchronously, and answered from memory (history-reads.postgres.ts).
 */
export interface HistoryReads {
  /** The last event stored, 0 before any. */
  lastSeq(): number;
  /** The newest event instant, or null when there is none. */
  newestAt(): number | null;
  /** Every event stored after `seq`, in arrival order. */
  eventsAfter(seq: number): FloorEvent[];
  /** Events at or after the instant `at`, stored up to `throughSeq`. */
  eventsFrom(at: number, throughSeq: number): FloorEvent[];
  /** Events stored up to `throughSeq`, in time order, a UTC day at a time. */
  eventsByDay(throughSeq: number): Iterable<FloorEvent[]>;
  /** The call's events stored up to `throughSeq`. */
  callEvents(callId: string, throughSeq: number): CallEvent[];
  /** The call's stored visits, handlings and wrap-ups (its call row is not read). */
  storedFacts(callId: string): StoredFacts;
  /** A rollup_meta value. */
  meta(key: string): string | undefined;
  rollupMeta(): RollupMeta;
  /** Each queue's thresholds, as configured now. */
  queueThresholds(): Map<string, QueueThresholds>;
  /** The oldest and newest buckets holding data, or null when there is none. */
  bucketExtent(families: readonly FamilyName[]): { oldest: number; newest: number } | null;
  /** Every key the family has counters for, as its dimension values. */
  keysOf(family: FamilyName): string[][];
  /**
   * Makes the stored rollups match the current definitions, thresholds and zone (server/history/rollup-rebuild.ts).
   * On SQLite it runs now; on PostgreSQL it ran before the reads were taken.
   */
  syncRollups(zoneName: string): void;
  /** Whether writes now would join someone else's open transaction, which may yet roll them back. */
  inForeignTransaction(): boolean;
}
