import type { Store } from '../db/store.js';
import type { FloorEvent } from '../domain/events.js';
import type { EventStore } from '../ingest/event-store.js';
import type { IngestService } from '../ingest/ingest-service.js';
import { openHistoryWriter, type HistoryWriter, type HistoryWriterOptions } from './history-writer.js';

export interface HistoryOptions extends HistoryWriterOptions {
  /** How long call events may wait before their history is written (null: only when read, or `historyEvery`). */
  historyAfterMs?: number | null;
  /** Call events that are written to the history at once, without waiting. */
  historyEvery?: number;
}

/** What a reader of facts or rollups is given: the history, to catch up before it reads. */
export type HistoryCatchUp = Pick<History, 'upToDate'>;

/** After a failed catch-up, the next try (reads try at once). */
const RETRY_MS = 5_000;

/**
 * The history of the accepted events: call facts, rollups and agent time.
 * Ingestion stores events at once; their history follows a moment later, many
 * batches together: after `historyAfterMs`, or at once when `historyEvery` call
 * events wait, and always before anything reads it (`upToDate`) and on close.
 * Batched so, a call's facts are derived once for several of its events.
 */
export class History {
  private readonly afterMs: number | null;
  private readonly every: number;
  private timer: NodeJS.Timeout | undefined;
  /** The last catch-up failed: the next is the retry timer's (or a reader's), not every batch's. */
  private failing = false;

  /** Opens the history writer; what a crash left unwritten is written first. `events` is SQLite's event log (null on PostgreSQL). */
  static async open(database: Store, events: EventStore | null, clock: () => number = Date.now, options: HistoryOptions = {}): Promise<History> {
    return new History(database, await openHistoryWriter(database, events, options), clock, options);
  }

  private constructor(
    private readonly database: Store,
    private readonly facts: HistoryWriter,
    private readonly clock: () => number,
    options: HistoryOptions,
  ) {
    this.afterMs = options.historyAfterMs === undefined ? 250 : options.historyAfterMs;
    this.every = options.historyEvery ?? 5_000;
  }

  /** Subscribes to ingestion: the history of each batch follows (its agent state history is stored with it). */
  follow(ingest: IngestService): this {
    ingest.onIngested((fresh, backfill) => this.ingested(fresh, backfill));
    return this;
  }

  /**
   * Writes the history of every accepted event; rejects when that fails (the figures would be stale). Whatever reads facts
   * or rollups awaits it first. A reader inside a transaction passes it: on SQLite the writing joins it (waiting for the
   * store instead would wait for that transaction), and is written again from the log should it roll back; on PostgreSQL
   * it is committed on a connection of its own first, which the reader's next statement sees (the reader holds no lock
   * on the history's tables: it only reads them).
   */
  upToDate(within: Store = this.database): Promise<void> {
    return this.write(this.clock(), within);
  }

  /** A queue's service-level or short-abandon threshold changed: what is pending is written first, with the thresholds it came under. */
  thresholdsChanged(): Promise<void> {
    return this.guarded(() => this.facts.thresholdsChanged(this.clock()));
  }

  /** Writes what is pending. After a failure, the next start writes it from the log. */
  async close(): Promise<void> {
    try {
      await this.upToDate();
    } catch (err) {
      clearTimeout(this.timer);
      console.error(`The history of the latest events could not be written; the next start writes it: ${(err as Error).message}`);
    }
  }

  private ingested(fresh: readonly FloorEvent[], backfill: boolean): void {
    this.facts.enqueue(fresh);
    // A backfill writes the past: time passing on the clock must not close what it has yet to send.
    if (this.facts.pending >= this.every && !this.failing) void this.catchUp(backfill ? null : this.clock());
    else this.schedule(this.afterMs);
  }

  /** Rejects when the writing fails, and tries again later. */
  private write(now: number | null, within: Store = this.database): Promise<void> {
    return this.guarded(() => this.facts.catchUp(now, within));
  }

  private async guarded(writing: () => Promise<void>): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    try {
      await writing();
      this.failing = false;
    } catch (err) {
      this.failing = true;
      this.schedule(RETRY_MS);
      throw err;
    }
  }

  /** Off the read path, a failure is logged (and tried again); the events are safe in the log meanwhile. */
  private async catchUp(now: number | null): Promise<void> {
    try {
      await this.write(now);
    } catch (err) {
      console.error(`Writing the history of the latest events failed; trying again in ${RETRY_MS / 1000} s:`, err);
    }
  }

  private schedule(afterMs: number | null): void {
    if (this.timer || afterMs === null || !this.facts.waiting) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.catchUp(this.clock());
    }, afterMs);
    this.timer.unref();
  }
}
