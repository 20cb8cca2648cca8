import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { META_KEYS } from '../db/meta-keys.js';
import { queues } from '../db/schema/directory.js';
import { rollupMeta } from '../db/schema/rollups.js';
import { DEFAULT_THRESHOLDS, type QueueThresholds } from '../../common/metrics.js';

/**
 * What the stored rollups were built with. Bump ROLLUP_VERSION whenever a
 * contribution's definition changes: the next start rebuilds them from the facts.
 */
export const ROLLUP_VERSION = '4';

export interface RollupMeta {
  version: string | null;
  /** Zone of the day tables. */
  timeZone: string | null;
  /** Queues' thresholds the service-level counters were computed with. */
  thresholds: string | null;
  /** The seal line (server/history/day-sealing.ts): buckets before this instant are in their day rows. */
  sealedBefore: string | null;
  /** The last event `seq` whose facts and rollups are written (server/history/fact-writer.ts); null: every event's. */
  historyThrough: string | null;
}


export function readMeta(db: Db): RollupMeta {
  const rows = new Map(db.select().from(rollupMeta).all().map((r) => [r.key, r.value]));
  return {
    version: rows.get(META_KEYS.version) ?? null,
    timeZone: rows.get(META_KEYS.timeZone) ?? null,
    thresholds: rows.get(META_KEYS.thresholds) ?? null,
    sealedBefore: rows.get(META_KEYS.sealedBefore) ?? null,
    historyThrough: rows.get(META_KEYS.historyThrough) ?? null,
  };
}

/** The seal line as the readers see it now; null before any data. */
export function sealedBefore(db: Db): number | null {
  const value = db.select({ value: rollupMeta.value }).from(rollupMeta).where(eq(rollupMeta.key, META_KEYS.sealedBefore)).get()?.value;
  return value === undefined ? null : Number(value);
}

export function writeMeta(db: Db, meta: Partial<Record<keyof RollupMeta, string>>): void {
  for (const [name, value] of Object.entries(meta)) {
    const key = META_KEYS[name as keyof RollupMeta];
    db.insert(rollupMeta).values({ key, value }).onConflictDoUpdate({ target: rollupMeta.key, set: { value } }).run();
  }
}

/** Each queue's service-level and short-abandon thresholds, as configured now. */
export function queueThresholds(db: Db): Map<string, QueueThresholds> {
  return new Map(
    db
      .select({ id: queues.id, serviceLevelSeconds: queues.serviceLevelSeconds, shortAbandonSeconds: queues.shortAbandonSeconds })
      .from(queues)
      .all()
      .map((q) => [q.id, { serviceLevelSeconds: q.serviceLevelSeconds, shortAbandonSeconds: q.shortAbandonSeconds }]),
  );
}

export const thresholdsOf = (all: ReadonlyMap<string, QueueThresholds>) => (queueId: string) => all.get(queueId) ?? DEFAULT_THRESHOLDS;

/** A stable text of the thresholds, to notice when they change. */
export function thresholdsFingerprint(all: ReadonlyMap<string, QueueThresholds>): string {
  return JSON.stringify([...all].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, t]) => [id, t.serviceLevelSeconds, t.shortAbandonSeconds]));
}
