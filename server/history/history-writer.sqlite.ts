import type { Store } from '../db/store.js';
import type { FloorEvent } from '../domain/events.js';
import type { EventStore } from '../ingest/event-store.js';
import { FactWriter } from './fact-writer.js';
import { SqliteHistoryReads } from './history-reads.sqlite.js';
import type { HistoryWriter, HistoryWriterOptions } from './history-writer.js';
import { SqliteHistoryWrites } from './history-writes.sqlite.js';

/**
 * The history on SQLite: each catch-up one synchronous transaction of prepared statements through
 * `exclusive`, reading as it goes. Inside a reader's open transaction it joins it (waiting for the
 * store instead would wait for that transaction); the fact writer notices a rollback and writes again.
 */
export class SqliteHistoryWriter implements HistoryWriter {
  static open(store: Store, events: EventStore, options: HistoryWriterOptions): Promise<SqliteHistoryWriter> {
    return store.exclusive((db) => {
      const facts = new FactWriter(new SqliteHistoryReads(db, events), new SqliteHistoryWrites(db), options);
      // Events a crash left out of the history are written before anything reads it.
      facts.catchUp();
      return new SqliteHistoryWriter(store, facts);
    });
  }

  private constructor(
    private readonly store: Store,
    private readonly facts: FactWriter,
  ) {}

  get pending(): number {
    return this.facts.pending;
  }

  get waiting(): boolean {
    return this.facts.waiting;
  }

  enqueue(fresh: readonly FloorEvent[]): void {
    this.facts.enqueue(fresh);
  }

  catchUp(now: number | null, within: Store): Promise<void> {
    return within.exclusive(() => this.facts.catchUp(now));
  }

  thresholdsChanged(now: number): Promise<void> {
    return this.store.exclusive(() => {
      this.facts.catchUp(now);
      this.facts.thresholdsChanged();
    });
  }
}
