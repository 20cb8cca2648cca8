import type { Statement } from 'better-sqlite3';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { handlings, queueVisits, wrapups } from '../db/schema/facts.js';
import type { FamilyName } from '../domain/rollup-cells.js';
import type { EventStore } from '../ingest/event-store.js';
import type { StoredFacts } from './call-fact-rows.js';
import { bucketExtent } from './day-sealing.js';
import type { HistoryReads } from './history-reads.js';
import { queueThresholds, readMeta } from './rollup-meta.js';
import { syncRollups } from './rollup-rebuild.js';
import { ROLLUP_TABLES } from './rollup-tables.js';

/** The history's reads on SQLite, each run when asked: the event log's prepared statements and the file's tables. */
export class SqliteHistoryReads implements HistoryReads {
  private readonly byCall;
  private readonly metaValue: Statement;

  constructor(
    private readonly db: Db,
    private readonly events: EventStore,
  ) {
    this.byCall = {
      visits: db.select().from(queueVisits).where(eq(queueVisits.callId, sql.placeholder('callId'))).prepare(),
      handlings: db.select().from(handlings).where(eq(handlings.callId, sql.placeholder('callId'))).prepare(),
      wrapups: db.select().from(wrapups).where(eq(wrapups.callId, sql.placeholder('callId'))).prepare(),
    };
    this.metaValue = db.$client.prepare('SELECT value FROM rollup_meta WHERE key = ?').pluck();
  }

  lastSeq = () => this.events.lastSeq();
  newestAt = () => this.events.newestAt();
  eventsAfter = (seq: number) => this.events.eventsAfter(seq);
  eventsFrom = (at: number, throughSeq: number) => this.events.eventsFrom(at, throughSeq);
  eventsByDay = (throughSeq: number) => this.events.eventsByDay(throughSeq);
  callEvents = (callId: string, throughSeq: number) => this.events.callEvents(callId, throughSeq);

  storedFacts(callId: string): StoredFacts {
    const s = this.byCall;
    return { call: null, visits: s.visits.all({ callId }), handlings: s.handlings.all({ callId }), wrapups: s.wrapups.all({ callId }) };
  }

  meta(key: string): string | undefined {
    return this.metaValue.get(key) as string | undefined;
  }

  rollupMeta = () => readMeta(this.db);
  queueThresholds = () => queueThresholds(this.db);
  bucketExtent = (families: readonly FamilyName[]) => bucketExtent(this.db, families);

  keysOf(family: FamilyName): string[][] {
    const t = ROLLUP_TABLES[family];
    return this.db.$client.prepare(`SELECT ${t.dims.join(', ')} FROM ${t.keys}`).raw().all() as string[][];
  }

  syncRollups(zoneName: string): void {
    syncRollups(this.db, zoneName);
  }

  inForeignTransaction(): boolean {
    return this.db.$client.inTransaction;
  }
}
