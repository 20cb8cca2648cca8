import { eq, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { META_KEYS } from '../db/meta-keys.js';
import type { Store } from '../db/store.js';
import { rollupMeta } from '../db/schema/rollups.js';
import { DEFAULT_THRESHOLDS, type QueueThresholds } from '../../common/metrics.js';
import { query, runSqlite, type Row, type Steps } from './sql-steps.js';

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


const META_READ = query('SELECT key, value FROM rollup_meta');

function metaOf(rows: Row[]): RollupMeta {
  const values = new Map(rows.map((r) => [r.key as string, r.value as string]));
  const of = (key: string) => values.get(key) ?? null;
  return {
    version: of(META_KEYS.version),
    timeZone: of(META_KEYS.timeZone),
    thresholds: of(META_KEYS.thresholds),
    sealedBefore: of(META_KEYS.sealedBefore),
    historyThrough: of(META_KEYS.historyThrough),
  };
}

/** The meta as stored, within a sequence of steps (server/history/sql-steps.ts). */
export function* readMetaStep(): Steps<RollupMeta> {
  return metaOf(yield META_READ);
}

export const readMeta = (db: Db): RollupMeta => metaOf(runSqlite(db, META_READ));

export const readMetaOf = async (store: Store): Promise<RollupMeta> => metaOf(await store.all(META_READ));

/** The seal line as the readers see it now; null before any data. */
export function sealedBefore(db: Db): number | null {
  const value = db.select({ value: rollupMeta.value }).from(rollupMeta).where(eq(rollupMeta.key, META_KEYS.sealedBefore)).get()?.value;
  return value === undefined ? null : Number(value);
}

/** The statement that stores `meta` (none when it is empty); run it inside the transaction that wrote what it describes. */
export function metaWrites(meta: Partial<Record<keyof RollupMeta, string>>): SQL[] {
  const entries = Object.entries(meta).map(([name, value]) => [META_KEYS[name as keyof RollupMeta], value]);
  if (entries.length === 0) return [];
  return [
    query(
      `INSERT INTO rollup_meta (key, value) VALUES ${entries.map(() => '(?, ?)').join(', ')} ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      entries.flat(),
    ),
  ];
}

export function writeMeta(db: Db, meta: Partial<Record<keyof RollupMeta, string>>): void {
  for (const q of metaWrites(meta)) runSqlite(db, q);
}

export async function writeMetaOf(store: Store, meta: Partial<Record<keyof RollupMeta, string>>): Promise<void> {
  await store.transaction(async (tx) => {
    for (const q of metaWrites(meta)) await tx.run(q);
  });
}

const THRESHOLDS_READ = query('SELECT id, service_level_seconds AS "serviceLevelSeconds", short_abandon_seconds AS "shortAbandonSeconds" FROM queues');

function thresholdsMap(rows: Row[]): Map<string, QueueThresholds> {
  return new Map(
    rows.map((q) => [q.id as string, { serviceLevelSeconds: Number(q.serviceLevelSeconds), shortAbandonSeconds: Number(q.shortAbandonSeconds) }]),
  );
}

/** Each queue's service-level and short-abandon thresholds, as configured now. */
export function* queueThresholdsStep(): Steps<Map<string, QueueThresholds>> {
  return thresholdsMap(yield THRESHOLDS_READ);
}

export const queueThresholds = (db: Db): Map<string, QueueThresholds> => thresholdsMap(runSqlite(db, THRESHOLDS_READ));

export const queueThresholdsOf = async (store: Store): Promise<Map<string, QueueThresholds>> => thresholdsMap(await store.all(THRESHOLDS_READ));

export const thresholdsOf = (all: ReadonlyMap<string, QueueThresholds>) => (queueId: string) => all.get(queueId) ?? DEFAULT_THRESHOLDS;

/** A stable text of the thresholds, to notice when they change. */
export function thresholdsFingerprint(all: ReadonlyMap<string, QueueThresholds>): string {
  return JSON.stringify([...all].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, t]) => [id, t.serviceLevelSeconds, t.shortAbandonSeconds]));
}
