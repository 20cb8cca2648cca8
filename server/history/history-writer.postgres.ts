import type { Store } from '../db/store.js';
import type { FloorEvent } from '../domain/events.js';
import { Serial } from '../lib/serial.js';
import { FactWriter } from './fact-writer.js';
import { PostgresHistoryReads } from './history-reads.postgres.js';
import type { HistoryWriter, HistoryWriterOptions } from './history-writer.js';
import { RecordedHistoryWrites } from './history-writes.postgres.js';

/**
 * The history on PostgreSQL: each catch-up reads ahead, computes, and writes in one transaction.
 * First the waiting calls' events and stored facts are read (a few `= ANY(…)` statements for the
 * whole backlog); then the shared fact writer runs synchronously against those reads, its writes
 * recorded; then they are replayed in one transaction, many rows a statement. Catch-ups run one at
 * a time. When one fails, nothing of it is written: the writer is dropped, and the next catch-up
 * loads a new one from the store (the events are safe in the log meanwhile).
 */
export class PostgresHistoryWriter implements HistoryWriter {
  private facts: FactWriter | null = null;
  private reads: PostgresHistoryReads | null = null;
  private readonly writes = new RecordedHistoryWrites();
  private readonly serial = new Serial();
  /** Events ingested while no fact writer is loaded: the next one takes those its load did not read. */
  private held: FloorEvent[] = [];

  static async open(store: Store, options: HistoryWriterOptions): Promise<PostgresHistoryWriter> {
    const writer = new PostgresHistoryWriter(store, options);
    // Events a crash left out of the history are written before anything reads it.
    await writer.catchUp(null);
    return writer;
  }

  private constructor(
    private readonly store: Store,
    private readonly options: HistoryWriterOptions,
  ) {}

  get pending(): number {
    return this.facts?.pending ?? this.held.length;
  }

  get waiting(): boolean {
    return this.facts?.waiting ?? this.held.length > 0;
  }

  enqueue(fresh: readonly FloorEvent[]): void {
    if (this.facts) this.facts.enqueue(fresh);
    else this.held.push(...fresh);
  }

  /** `within` is not joined: the catch-up commits on a connection of its own, which a reader's next statement sees (History.upToDate). */
  catchUp(now: number | null): Promise<void> {
    return this.serial.run(() => this.write(now));
  }

  /** What waits is written with the old thresholds; a new writer then loads, the rollups brought up to date with the new ones first. */
  thresholdsChanged(now: number): Promise<void> {
    return this.serial.run(async () => {
      await this.write(now);
      this.facts = null;
      await this.guarded(() => this.load());
    });
  }

  private write(now: number | null): Promise<void> {
    return this.guarded(async () => {
      if (!this.facts) await this.load();
      const facts = this.facts!;
      const reads = this.reads!;
      reads.startCatchUp(facts.uncachedCalls().throughSeq);
      // Events ingested while reading join the backlog: read again until every waiting call is read, then compute at once.
      for (;;) {
        const missing = facts.uncachedCalls().callIds.filter((id) => !reads.hasRead(id));
        if (missing.length === 0) break;
        await reads.readAhead(missing);
      }
      facts.catchUp(now);
      await this.writes.replay(this.store);
    });
  }

  private async guarded(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      this.facts = null;
      this.reads = null;
      this.writes.clear();
      throw err;
    }
  }

  /** A new fact writer from what the store holds now (the rollups brought up to date first). */
  private async load(): Promise<void> {
    this.reads = await PostgresHistoryReads.load(this.store);
    const facts = new FactWriter(this.reads, this.writes, this.options);
    facts.enqueue(this.held);
    this.held = [];
    this.facts = facts;
  }
}
