import { and, gte, lt } from 'drizzle-orm';
import { TREND_MAX_MINUTES, TREND_STEP_MS } from '../../contract/live.js';
import type { Store } from '../db/store.js';
import { waitingByQueue } from '../domain/live-rows.js';
import type { LiveFloor } from './live-floor.js';

/** 1,440 small integers per queue, whatever the uptime. */
const CAPACITY = (TREND_MAX_MINUTES * 60_000) / TREND_STEP_MS;
/** A slot nobody sampled (the server was down, or the point is older than the history). */
const UNKNOWN = -1;
/** At start, calls still waiting this long ago are taken from the facts too; longer waits are not real. */
const SEED_LOOKBACK_MS = 24 * 3_600_000;

export interface TrendSeries {
  /** Instant of the first point, ms; point i is at `start + i × TREND_STEP_MS`. */
  start: number;
  /** Per queue, contacts waiting at each point; null where unknown. */
  queues: { queueId: string; waiting: (number | null)[] }[];
}

/**
 * The short history of contacts waiting per queue behind the live trend chart,
 * so a reloaded page draws the last minutes at once. A ring of fixed size per
 * configured queue (memory does not grow with uptime), sampled from the live
 * floor on the 10-second grid; at start it is filled in from the queue-visit facts,
 * so a restart leaves no hole either.
 */
export class QueueTrend {
  private readonly rings = new Map<string, Int32Array>();
  /** Slot number (instant ÷ step) of the newest point; slots older than CAPACITY are gone. */
  private newest = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly floor: LiveFloor,
    private readonly clock: () => number = Date.now,
  ) {
    this.addNewQueues();
  }

  /** Gives a queue the directory gained (an admin created it) its ring; one retired keeps its ring until restart. */
  addNewQueues(): void {
    for (const queueId of this.floor.directory.queues.keys()) if (!this.rings.has(queueId)) this.rings.set(queueId, new Int32Array(CAPACITY).fill(UNKNOWN));
  }

  start(): void {
    this.sample();
    this.schedule();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Records contacts waiting now in the current slot. */
  sample(): void {
    const slot = Math.floor(this.clock() / TREND_STEP_MS);
    this.advanceTo(slot);
    const waiting = waitingByQueue(this.floor.state);
    for (const [queueId, ring] of this.rings) ring[slot % CAPACITY] = waiting.get(queueId)?.count ?? 0;
  }

  /**
   * Fills the history from the queue visits of the last hours: a visit waits
   * from `queued_at` until answered or gone (`answered_at ?? left_at`; still
   * open: until now), as the live floor counts waiting contacts.
   */
  async seed(store: Store): Promise<void> {
    const now = this.clock();
    const last = Math.floor(now / TREND_STEP_MS);
    const first = last - CAPACITY + 1;
    const { queueVisits } = store.tables;
    const visits = await store.db
      .select({ queueId: queueVisits.queueId, queuedAt: queueVisits.queuedAt, answeredAt: queueVisits.answeredAt, leftAt: queueVisits.leftAt })
      .from(queueVisits)
      .where(and(gte(queueVisits.queuedAt, first * TREND_STEP_MS - SEED_LOOKBACK_MS), lt(queueVisits.queuedAt, now)));
    // +1 in the first slot a visit is waiting at, −1 in the first it is not: a running sum per queue gives each point.
    const deltas = new Map<string, Int32Array>();
    for (const queueId of this.rings.keys()) deltas.set(queueId, new Int32Array(CAPACITY + 1));
    const index = (at: number) => Math.min(CAPACITY, Math.max(0, Math.ceil(at / TREND_STEP_MS) - first));
    for (const v of visits) {
      const d = deltas.get(v.queueId);
      const end = v.answeredAt ?? v.leftAt;
      if (!d || (end !== null && end <= first * TREND_STEP_MS)) continue;
      const from = index(v.queuedAt);
      const to = end === null ? CAPACITY : index(end);
      if (from >= to) continue;
      d[from]!++;
      d[to]!--;
    }
    this.advanceTo(last);
    for (const [queueId, ring] of this.rings) {
      const d = deltas.get(queueId)!;
      let waiting = 0;
      for (let i = 0; i < CAPACITY; i++) {
        waiting += d[i]!;
        ring[(first + i) % CAPACITY] = waiting;
      }
    }
  }

  /** The points of the last `minutes` (at most TREND_MAX_MINUTES) of the given queues. */
  read(queueIds: Iterable<string>, minutes: number): TrendSeries {
    const points = Math.min(CAPACITY, Math.max(1, Math.round((minutes * 60_000) / TREND_STEP_MS)));
    if (!Number.isFinite(this.newest)) return { start: this.clock(), queues: [] };
    const first = this.newest - points + 1;
    const queues: TrendSeries['queues'] = [];
    for (const queueId of queueIds) {
      const ring = this.rings.get(queueId);
      if (!ring) continue;
      const waiting: (number | null)[] = [];
      for (let slot = first; slot <= this.newest; slot++) {
        const value = ring[slot % CAPACITY]!;
        waiting.push(value === UNKNOWN ? null : value);
      }
      queues.push({ queueId, waiting });
    }
    return { start: first * TREND_STEP_MS, queues };
  }

  /** Slots skipped since the newest point (the process slept, or was just started) are unknown. */
  private advanceTo(slot: number): void {
    if (slot <= this.newest) return;
    const from = Math.max(this.newest + 1, slot - CAPACITY + 1);
    for (const ring of this.rings.values()) for (let s = from; s <= slot; s++) ring[s % CAPACITY] = UNKNOWN;
    this.newest = slot;
  }

  /** Just after each 10-second boundary, so every point is taken at the same phase. */
  private schedule(): void {
    this.timer = setTimeout(
      () => {
        this.sample();
        this.schedule();
      },
      TREND_STEP_MS - (this.clock() % TREND_STEP_MS) + 5,
    );
    this.timer.unref();
  }
}
