import { sql } from 'drizzle-orm';
import type { Store } from '../db/store.js';
import { META_KEYS } from '../db/meta-keys.js';

const DAY_MS = 86_400_000;

/**
 * A call's events span at most this long, so a call whose first kept event is this much
 * after the retention cut still has all of its events.
 */
export const CALL_SPAN_MS = 2 * DAY_MS;

export interface RetentionOptions {
  /** Raw events older than this many days are deleted. */
  days: number;
  /** Rows deleted per transaction: each step holds the write lock only briefly. */
  stepRows?: number;
  /** Pages handed back to the file system per step (auto_vacuum = INCREMENTAL only). */
  stepPages?: number;
  /** Rest between steps, so live traffic goes first. */
  pauseMs?: number;
}

export interface RetentionRun {
  cutoff: number;
  deleted: number;
  /** Pages returned to the file system. */
  freedPages: number;
  seconds: number;
}

/**
 * Deletes raw events older than the retention, in small steps that never stall live
 * traffic: a few thousand rows per transaction, then a pause. Facts, rollups and the
 * agent state history are kept — the statistics, reports and history are unaffected.
 * What the raw log was still for, and what retention therefore limits:
 *  - idempotency by event id: an event older than the retention could be stored twice,
 *    so the acceptance window (FLOORVIEW_EVENT_MAX_AGE_DAYS) must be shorter (server/wiring/env.ts);
 *  - facts re-derived when a late event arrives: it needs all the call's events, which the
 *    same rule keeps;
 *  - `npm run rollups:rebuild` re-derives facts only for calls whose events are all kept
 *    (the rest keep their facts as they are); rebuilding rollups from facts is unaffected.
 * Only events the history and the saved floor already reflect are deleted.
 */
export async function pruneEvents(store: Store, now: number, options: RetentionOptions, stopped: () => boolean = () => false): Promise<RetentionRun> {
  const t0 = performance.now();
  const cutoff = now - options.days * DAY_MS;
  const stepRows = options.stepRows ?? 2_000;
  const pauseMs = options.pauseMs ?? 20;
  // Never past what the history and the floor snapshot have taken in.
  const [historyThrough, snapshot, previous] = await Promise.all([
    store.get<{ value: string }>(sql`SELECT value FROM rollup_meta WHERE key = ${META_KEYS.historyThrough}`),
    store.get<{ lastSeq: number | string }>(sql`SELECT last_seq AS "lastSeq" FROM floor_snapshots WHERE id = 1`),
    store.get<{ value: string }>(sql`SELECT value FROM rollup_meta WHERE key = ${META_KEYS.prunedBefore}`),
  ]);
  const through = Math.min(Number(historyThrough?.value ?? 0), Number(snapshot?.lastSeq ?? 0));
  if (cutoff > Number(previous?.value ?? -Infinity)) {
    await store.transaction((tx) =>
      tx.run(sql`INSERT INTO rollup_meta (key, value) VALUES (${META_KEYS.prunedBefore}, ${String(cutoff)}) ON CONFLICT (key) DO UPDATE SET value = excluded.value`),
    );
  }
  // One short transaction per step (on SQLite it waits its turn among the writers).
  const step = sql`DELETE FROM events WHERE seq IN (SELECT seq FROM events WHERE at < ${cutoff} AND seq <= ${through} LIMIT ${stepRows})`;
  let deleted = 0;
  while (!stopped()) {
    const { changes } = await store.transaction((tx) => tx.run(step));
    deleted += changes;
    if (changes < stepRows) break;
    await pause(pauseMs);
  }
  // PostgreSQL's (auto)vacuum makes the deleted rows' space reusable; a SQLite file hands it back here.
  const freedPages = stopped() || store.dialect !== 'sqlite' ? 0 : await returnFreePages(store, options.stepPages ?? 2_000, pauseMs, stopped);
  return { cutoff, deleted, freedPages, seconds: (performance.now() - t0) / 1000 };
}

/** Hands the free pages back to the file system, a few at a time; a database without incremental auto_vacuum reuses them instead. */
async function returnFreePages(store: Store, stepPages: number, pauseMs: number, stopped: () => boolean): Promise<number> {
  const pragma = (text: string) => store.exclusive((db) => db.$client.pragma(text, { simple: true }));
  if ((await pragma('auto_vacuum')) !== 2) return 0;
  let freed = 0;
  while (!stopped()) {
    const free = (await pragma('freelist_count')) as number;
    if (free === 0) break;
    await pragma(`incremental_vacuum(${Math.min(free, stepPages)})`);
    freed += Math.min(free, stepPages);
    await pause(pauseMs);
  }
  // The file shrinks at the next checkpoint; do it now rather than leave the WAL holding the pages.
  if (freed > 0 && !stopped()) await pragma('wal_checkpoint(TRUNCATE)');
  return freed;
}

const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Runs the retention soon after start and then every `everyMs`, one run at a time. */
export class EventRetention {
  private timer: NodeJS.Timeout | undefined;
  private stopping = false;

  constructor(
    private readonly store: Store,
    private readonly options: RetentionOptions,
    private readonly clock: () => number,
    private readonly log: (line: string) => void,
    private readonly firstAfterMs = 5_000,
    private readonly everyMs = 3_600_000,
  ) {}

  start(): void {
    this.schedule(this.firstAfterMs);
  }

  /** Runs once now (tests, the bench); resolves with what it did. */
  runOnce(): Promise<RetentionRun> {
    return pruneEvents(this.store, this.clock(), this.options, () => this.stopping);
  }

  /** Stops between steps; a step in progress is one short transaction. */
  stop(): void {
    this.stopping = true;
    clearTimeout(this.timer);
  }

  private schedule(afterMs: number): void {
    this.timer = setTimeout(() => {
      this.runOnce()
        .then((r) => {
          if (r.deleted > 0 || r.freedPages > 0) {
            this.log(
              `Event retention: ${r.deleted.toLocaleString('en')} events before ${new Date(r.cutoff).toISOString()} deleted, ${r.freedPages.toLocaleString('en')} pages freed in ${r.seconds.toFixed(1)} s`,
            );
          }
        })
        .catch((err: Error) => console.error(`Event retention failed (tried again in an hour): ${err.message}`))
        .finally(() => {
          if (!this.stopping) this.schedule(this.everyMs);
        });
    }, afterMs);
    this.timer.unref();
  }
}
