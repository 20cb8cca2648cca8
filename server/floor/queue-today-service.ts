import { and, eq, gte, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Store } from '../db/store.js';
import { abandonedAfterShortSql, answeredInServiceLevelSql } from '../../common/metrics.js';
import { NO_LOAD, queueStaffing, type QueueLoad } from '../domain/queue-staffing.js';
import { NO_CALLS, type QueueDayCounts } from '../domain/queue-today.js';
import type { HistoryCatchUp } from '../history/history.js';
import type { Zone } from '../domain/zone.js';
import type { LiveFloor } from './live-floor.js';

const count = (condition: SQL) => sql<number>`coalesce(sum(CASE WHEN ${condition} THEN 1 ELSE 0 END), 0)`.mapWith(Number);
const total = (column: SQLiteColumn) => sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number);
const rows = sql<number>`count(*)`.mapWith(Number);
// The glossary's conditions (common/metrics.ts) over the visit's columns. Queue times are
// stored in seconds; compared in whole milliseconds, as the statistics' rollups do.
const OUTCOME = '"queue_visits"."outcome"';
const QUEUE_MS = 'round("queue_visits"."queue_time" * 1000)';

/**
 * Keeps today's service level and abandon rate of every queue on the live rows:
 * re-aggregates the queue visits queued since local midnight of the reporting
 * time zone, at most every `everyMs` (only when events came in) and right after
 * midnight, and hands the counts to the live floor, which streams the queues
 * whose counts changed. One indexed range query; no work on the ingest path.
 *
 * Beside them, how many agents each queue needs now: its load over the last
 * `windowMinutes` (three more indexed range queries), every `everyMs` whether
 * or not events came in, since the window slides.
 */
export class QueueTodayService {
  private timer: NodeJS.Timeout | undefined;
  /** Stopped: a refresh still waiting for the history schedules no other. */
  private stopped = false;
  private day = Number.NaN;
  private pending = true;
  /** The refresh running now: the next waits for it. */
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly floor: LiveFloor,
    private readonly history: HistoryCatchUp,
    private readonly zone: Zone,
    private readonly clock: () => number = Date.now,
    private readonly everyMs = 10_000,
    private readonly windowMinutes = 30,
  ) {}

  /** Events came in: the next refresh re-aggregates. */
  markPending(): void {
    this.pending = true;
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.refresh();
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Re-aggregates today's visits when events came in since the last time or the local day turned; the staffing window always. One at a time. */
  refresh(): Promise<void> {
    this.running = this.running.catch(() => undefined).then(() => this.refreshNow());
    return this.running;
  }

  private async refreshNow(): Promise<void> {
    const eventsCame = this.pending;
    if (eventsCame) {
      this.pending = false;
      try {
        await this.history.upToDate();
      } catch {
        // Counted from what is written so far; the history service logs the failure and tries again.
      }
    }
    const now = this.clock();
    const day = this.zone.dayOf(now);
    if (eventsCame || day !== this.day) {
      this.day = day;
      const counts = new Map<string, QueueDayCounts>();
      for (const { queueId, ...c } of await this.byQueue(this.zone.dayStart(day))) counts.set(queueId, c);
      for (const queueId of this.floor.directory.queues.keys()) this.floor.setQueueDay(queueId, counts.get(queueId) ?? NO_CALLS);
    }
    await this.refreshStaffing(now);
  }

  /** Today's counts per queue: visits queued since `since` that have an outcome. */
  private byQueue(since: number) {
    const { queueVisits, queues } = this.store.tables;
    return this.store.db
      .select({
        queueId: queueVisits.queueId,
        answered: count(sql`${queueVisits.outcome} = 'answered'`),
        abandoned: count(sql`${queueVisits.outcome} = 'abandoned'`),
        other: count(sql`${queueVisits.outcome} = 'other'`),
        answeredInServiceLevel: count(sql.raw(answeredInServiceLevelSql(OUTCOME, QUEUE_MS, '"queues"."service_level_seconds"'))),
        abandonedAfterShort: count(sql.raw(abandonedAfterShortSql(OUTCOME, QUEUE_MS, '"queues"."short_abandon_seconds"'))),
      })
      .from(queueVisits)
      .innerJoin(queues, eq(queues.id, queueVisits.queueId))
      .where(and(gte(queueVisits.queuedAt, since), isNotNull(queueVisits.outcome)))
      .groupBy(queueVisits.queueId);
  }

  private async refreshStaffing(now: number): Promise<void> {
    const { queueVisits, handlings, wrapups } = this.store.tables;
    const db = this.store.db;
    const windowSeconds = this.windowMinutes * 60;
    const since = now - windowSeconds * 1000;
    const [arrivals, handled, wrapped] = await Promise.all([
      db.select({ queueId: queueVisits.queueId, n: rows }).from(queueVisits).where(gte(queueVisits.queuedAt, since)).groupBy(queueVisits.queueId),
      db
        .select({ queueId: handlings.queueId, n: rows, seconds: total(handlings.handleTime) })
        .from(handlings)
        .where(and(gte(handlings.offeredAt, since), eq(handlings.result, 'answered'), isNotNull(handlings.queueId), isNotNull(handlings.handleTime)))
        .groupBy(handlings.queueId),
      db
        .select({ queueId: wrapups.queueId, seconds: total(wrapups.wrapupTime) })
        .from(wrapups)
        .where(and(gte(wrapups.startedAt, since), isNotNull(wrapups.queueId), isNotNull(wrapups.wrapupTime)))
        .groupBy(wrapups.queueId),
    ]);
    const loads = new Map<string, QueueLoad>();
    const load = (queueId: string) => loads.get(queueId) ?? loads.set(queueId, { ...NO_LOAD }).get(queueId)!;
    for (const { queueId, n } of arrivals) load(queueId).arrivals = n;
    for (const { queueId, n, seconds } of handled) {
      const l = load(queueId!);
      l.handled = n;
      l.workSeconds += seconds;
    }
    for (const { queueId, seconds } of wrapped) load(queueId!).workSeconds += seconds;
    for (const [queueId, q] of this.floor.directory.queues) {
      const target = { seconds: q.serviceLevelSeconds, serviceLevel: q.serviceLevelTarget };
      this.floor.setQueueStaffing(queueId, queueStaffing(loads.get(queueId) ?? NO_LOAD, windowSeconds, target));
    }
  }

  /** The next refresh: after `everyMs`, or just after local midnight when that comes first. */
  private schedule(): void {
    if (this.stopped) return;
    const now = this.clock();
    const midnight = this.zone.dayStart(this.zone.dayOf(now) + 1);
    this.timer = setTimeout(
      () => {
        this.refresh()
          .catch((err: Error) => console.error(`Today's queue figures could not be refreshed (tried again at the next): ${err.message}`))
          .finally(() => this.schedule());
      },
      Math.max(1, Math.min(this.everyMs, midnight - now + 1)),
    );
    this.timer.unref();
  }
}
