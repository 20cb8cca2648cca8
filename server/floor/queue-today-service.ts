import { and, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { queues } from '../db/schema/directory.js';
import { handlings, queueVisits, wrapups } from '../db/schema/facts.js';
import { abandonedAfterShortSql, answeredInServiceLevelSql } from '../../common/metrics.js';
import { NO_LOAD, queueStaffing, type QueueLoad } from '../domain/queue-staffing.js';
import { NO_CALLS, type QueueDayCounts } from '../domain/queue-today.js';
import type { HistoryCatchUp } from '../history/history.js';
import type { Zone } from '../domain/zone.js';
import type { LiveFloor } from './live-floor.js';

const count = (condition: ReturnType<typeof sql>) => sql<number>`coalesce(sum(${condition}), 0)`.mapWith(Number);
const total = (column: typeof handlings.handleTime | typeof wrapups.wrapupTime) => sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number);
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
  private readonly byQueue;
  private readonly arrivals;
  private readonly handled;
  private readonly wrapped;
  private timer: NodeJS.Timeout | undefined;
  /** Stopped: a refresh still waiting for the history schedules no other. */
  private stopped = false;
  private day = Number.NaN;
  private pending = true;

  constructor(
    db: Db,
    private readonly floor: LiveFloor,
    private readonly history: HistoryCatchUp,
    private readonly zone: Zone,
    private readonly clock: () => number = Date.now,
    private readonly everyMs = 10_000,
    private readonly windowMinutes = 30,
  ) {
    this.byQueue = db
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
      .where(and(gte(queueVisits.queuedAt, sql.placeholder('since')), isNotNull(queueVisits.outcome)))
      .groupBy(queueVisits.queueId)
      .prepare();
    const since = sql.placeholder('since');
    this.arrivals = db
      .select({ queueId: queueVisits.queueId, n: rows })
      .from(queueVisits)
      .where(gte(queueVisits.queuedAt, since))
      .groupBy(queueVisits.queueId)
      .prepare();
    this.handled = db
      .select({ queueId: handlings.queueId, n: rows, seconds: total(handlings.handleTime) })
      .from(handlings)
      .where(and(gte(handlings.offeredAt, since), eq(handlings.result, 'answered'), isNotNull(handlings.queueId), isNotNull(handlings.handleTime)))
      .groupBy(handlings.queueId)
      .prepare();
    this.wrapped = db
      .select({ queueId: wrapups.queueId, seconds: total(wrapups.wrapupTime) })
      .from(wrapups)
      .where(and(gte(wrapups.startedAt, since), isNotNull(wrapups.queueId), isNotNull(wrapups.wrapupTime)))
      .groupBy(wrapups.queueId)
      .prepare();
  }

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

  /** Re-aggregates today's visits when events came in since the last time or the local day turned; the staffing window always. */
  async refresh(): Promise<void> {
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
      for (const { queueId, ...c } of this.byQueue.all({ since: this.zone.dayStart(day) })) counts.set(queueId, c);
      for (const queueId of this.floor.directory.queues.keys()) this.floor.setQueueDay(queueId, counts.get(queueId) ?? NO_CALLS);
    }
    this.refreshStaffing(now);
  }

  private refreshStaffing(now: number): void {
    const windowSeconds = this.windowMinutes * 60;
    const since = now - windowSeconds * 1000;
    const loads = new Map<string, QueueLoad>();
    const load = (queueId: string) => loads.get(queueId) ?? loads.set(queueId, { ...NO_LOAD }).get(queueId)!;
    for (const { queueId, n } of this.arrivals.all({ since })) load(queueId).arrivals = n;
    for (const { queueId, n, seconds } of this.handled.all({ since })) {
      const l = load(queueId!);
      l.handled = n;
      l.workSeconds += seconds;
    }
    for (const { queueId, seconds } of this.wrapped.all({ since })) load(queueId!).workSeconds += seconds;
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
      () => void this.refresh().finally(() => this.schedule()),
      Math.max(1, Math.min(this.everyMs, midnight - now + 1)),
    );
    this.timer.unref();
  }
}
