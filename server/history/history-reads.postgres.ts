import { sql, type AnyColumn } from 'drizzle-orm';
import type { QueueThresholds } from '../../common/metrics.js';
import { META_KEYS } from '../db/meta-keys.js';
import type { Store } from '../db/store.js';
import type { CallEvent, FloorEvent } from '../domain/events.js';
import type { FamilyName } from '../domain/rollup-cells.js';
import { systemZoneName } from '../domain/zone.js';
import { lastSeq } from '../ingest/event-log.js';
import { callEventsOf, eventsAfter, eventsByDay, eventsFrom, newestAt } from '../ingest/event-store.postgres.js';
import { resumesFrom } from './agent-time-writer.js';
import { NO_FACTS, type StoredFacts } from './call-fact-rows.js';
import { bucketExtentOf } from './day-sealing.js';
import type { HistoryReads } from './history-reads.js';
import { queueThresholdsOf, readMetaOf, type RollupMeta } from './rollup-meta.js';
import { syncRollupsOf } from './rollup-rebuild.js';
import { FAMILY_NAMES, ROLLUP_TABLES } from './rollup-tables.js';

/** What a fact writer reads when it is created (server/history/fact-writer.ts), read ahead in one snapshot. */
interface Loaded {
  lastSeq: number;
  newestAt: number | null;
  meta: Map<string, string>;
  rollupMeta: RollupMeta;
  thresholds: Map<string, QueueThresholds>;
  extent: { oldest: number; newest: number } | null;
  keys: Map<FamilyName, string[][]>;
  /** The backlog: events after `history_through`. */
  after: { seq: number; events: FloorEvent[] };
  /** Agent time's resumption: events from its saved line, or the whole log a day at a time when none is saved. */
  agentTime: { from: number; events: FloorEvent[] } | { days: FloorEvent[][] };
}

/**
 * The history's reads on PostgreSQL, answered from memory: the shared writers read synchronously,
 * so what they will ask is read first, asynchronously: at load everything a new fact writer reads
 * (`load`, one repeatable-read snapshot), before each catch-up the waiting calls' events and stored
 * facts (`readAhead`, one statement per table for the whole backlog). A read that was not read ahead
 * is a bug, and throws.
 */
export class PostgresHistoryReads implements HistoryReads {
  private callEventsRead = new Map<string, CallEvent[]>();
  private factsRead = new Map<string, StoredFacts>();
  private callsThrough = -1;

  /** Brings the rollups up to date (server/history/rollup-rebuild.ts), then reads what a new fact writer reads. */
  static async load(store: Store): Promise<PostgresHistoryReads> {
    await syncRollupsOf(store, (await readMetaOf(store)).timeZone ?? systemZoneName());
    const loaded = await store.transaction(async (tx): Promise<Loaded> => {
      await tx.run(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`);
      const { rollupMeta } = tx.tables;
      const meta = new Map((await tx.db.select().from(rollupMeta)).map((r) => [r.key, r.value]));
      const last = await lastSeq(tx);
      const through = meta.get(META_KEYS.historyThrough);
      const afterSeq = through === undefined ? last : Number(through);
      const saved = meta.get(META_KEYS.agentTime);
      const keys = new Map<FamilyName, string[][]>();
      for (const f of FAMILY_NAMES) {
        const t = ROLLUP_TABLES[f];
        keys.set(f, (await tx.all(sql.raw(`SELECT ${t.dims.join(', ')} FROM ${t.keys}`))).map((row) => t.dims.map((d) => row[d] as string)));
      }
      return {
        lastSeq: last,
        newestAt: await newestAt(tx),
        meta,
        rollupMeta: await readMetaOf(tx),
        thresholds: await queueThresholdsOf(tx),
        extent: await bucketExtentOf(tx, FAMILY_NAMES),
        keys,
        after: { seq: afterSeq, events: await eventsAfter(tx, afterSeq) },
        agentTime:
          saved === undefined
            ? { days: await eventsByDay(tx, last) }
            : { from: resumesFrom(saved), events: await eventsFrom(tx, resumesFrom(saved), last) },
      };
    });
    return new PostgresHistoryReads(store, loaded);
  }

  private constructor(
    private readonly store: Store,
    private readonly loaded: Loaded,
  ) {}

  /** Forgets what was read ahead for the last catch-up. */
  startCatchUp(throughSeq: number): void {
    this.callEventsRead = new Map();
    this.factsRead = new Map();
    this.callsThrough = throughSeq;
  }

  /** Whether the call's events and facts are read for this catch-up. */
  hasRead(callId: string): boolean {
    return this.callEventsRead.has(callId);
  }

  /** Reads the calls' events stored up to the catch-up's `throughSeq` and their stored facts: one statement per table for the list. */
  async readAhead(callIds: readonly string[]): Promise<void> {
    const events = await callEventsOf(this.store, callIds, this.callsThrough);
    const withEvents = callIds.filter((id) => events.has(id));
    const facts = new Map<string, StoredFacts>(withEvents.map((id) => [id, { call: null, visits: [], handlings: [], wrapups: [] }]));
    if (withEvents.length > 0) {
      const { queueVisits, handlings, wrapups } = this.store.tables;
      const inList = (column: AnyColumn) => sql`${column} = ANY(${sql.param(withEvents)})`;
      for (const row of await this.store.db.select().from(queueVisits).where(inList(queueVisits.callId))) facts.get(row.callId)!.visits.push(row);
      for (const row of await this.store.db.select().from(handlings).where(inList(handlings.callId))) facts.get(row.callId)!.handlings.push(row);
      for (const row of await this.store.db.select().from(wrapups).where(inList(wrapups.callId))) facts.get(row.callId)!.wrapups.push(row);
    }
    for (const id of callIds) {
      this.callEventsRead.set(id, events.get(id) ?? []);
      this.factsRead.set(id, facts.get(id) ?? NO_FACTS);
    }
  }

  lastSeq = () => this.loaded.lastSeq;
  newestAt = () => this.loaded.newestAt;

  eventsAfter(seq: number): FloorEvent[] {
    if (seq !== this.loaded.after.seq) throw notReadAhead(`the events after ${seq}`);
    return this.loaded.after.events;
  }

  eventsFrom(at: number, throughSeq: number): FloorEvent[] {
    const a = this.loaded.agentTime;
    if (!('from' in a) || a.from !== at || throughSeq !== this.loaded.lastSeq) throw notReadAhead(`the events from ${at}`);
    return a.events;
  }

  eventsByDay(throughSeq: number): Iterable<FloorEvent[]> {
    const a = this.loaded.agentTime;
    if (!('days' in a) || throughSeq !== this.loaded.lastSeq) throw notReadAhead('the log by day');
    return a.days;
  }

  callEvents(callId: string, throughSeq: number): CallEvent[] {
    const events = this.callEventsRead.get(callId);
    if (!events || throughSeq !== this.callsThrough) throw notReadAhead(`call ${callId}'s events up to ${throughSeq}`);
    return events;
  }

  storedFacts(callId: string): StoredFacts {
    const facts = this.factsRead.get(callId);
    if (!facts) throw notReadAhead(`call ${callId}'s facts`);
    return facts;
  }

  meta = (key: string) => this.loaded.meta.get(key);
  rollupMeta = () => this.loaded.rollupMeta;
  queueThresholds = () => this.loaded.thresholds;
  bucketExtent = () => this.loaded.extent;
  keysOf = (family: FamilyName) => this.loaded.keys.get(family)!;

  /** Ran before the reads were taken (`load`). */
  syncRollups(): void {}

  /** Its writes are replayed in a transaction of their own. */
  inForeignTransaction(): boolean {
    return false;
  }
}

const notReadAhead = (what: string) => new Error(`The history writer asked for ${what}, which was not read ahead (server/history/history-reads.postgres.ts)`);
