import type { Db } from '../db/client.js';
import type { Dialect, Store } from '../db/store.js';
import { TIME_FAMILIES, type FactFamily, type FamilyName } from '../domain/rollup-cells.js';
import { bucketExtentStep, sealLine, sealSteps } from './day-sealing.js';
import { bucketExpr, FACT_AGGREGATES } from './fact-aggregates.js';
import { metaWrites, queueThresholdsStep, readMetaStep, ROLLUP_VERSION, thresholdsFingerprint } from './rollup-meta.js';
import { FAMILY_NAMES, ROLLUP_TABLES } from './rollup-tables.js';
import { query, runOnSqlite, runOnStore, type Steps } from './sql-steps.js';
import { Zone } from '../domain/zone.js';

/** Seconds each step took, for the rebuild command's report. */
export type RebuildTimings = Record<string, number>;

/**
 * Makes the stored rollups match the facts as the current code defines them:
 * rebuilt from the facts when they were built by another definition (or never),
 * the queue family again when queues' thresholds changed, the day rows again
 * when the reporting zone changed. Does nothing when all is current.
 */
export const syncRollups = (db: Db, zoneName: string): RebuildTimings => runOnSqlite(db, syncSteps('sqlite', zoneName));

/** `syncRollups` on either store: on PostgreSQL the same statements in one transaction. */
export function syncRollupsOf(store: Store, zoneName: string): Promise<RebuildTimings> {
  if (store.dialect === 'sqlite') return store.exclusive((db) => syncRollups(db, zoneName));
  return runOnStore(store, syncSteps(store.dialect, zoneName));
}

/** Every rollup from the fact tables, in one transaction; sealed as far as before (or as the data allows). */
export const rebuildRollups = (db: Db, zoneName: string): RebuildTimings => runOnSqlite(db, rebuildSteps('sqlite', zoneName));

/** `rebuildRollups` on either store. */
export function rebuildRollupsOf(store: Store, zoneName: string): Promise<RebuildTimings> {
  if (store.dialect === 'sqlite') return store.exclusive((db) => rebuildRollups(db, zoneName));
  return runOnStore(store, rebuildSteps(store.dialect, zoneName));
}

function* syncSteps(dialect: Dialect, zoneName: string): Steps<RebuildTimings> {
  const meta = yield* readMetaStep();
  const thresholds = thresholdsFingerprint(yield* queueThresholdsStep());
  if (meta.version !== ROLLUP_VERSION) {
    // A new database has nothing to build.
    const [row] = yield query('SELECT NOT EXISTS (SELECT 1 FROM calls) AS empty');
    if (!isTrue(row?.empty)) return yield* rebuildSteps(dialect, zoneName);
    yield* metaWrites({ version: ROLLUP_VERSION, timeZone: zoneName, thresholds });
    return {};
  }
  const timings: RebuildTimings = {};
  if (meta.thresholds !== thresholds) {
    yield* timed(timings, 'queue_buckets from facts', rebuildFamilyFromFacts('queue'));
    yield* timed(timings, 'queue days and months', rebuildDays(dialect, Zone.of(meta.timeZone ?? zoneName), ['queue'], storedLine(meta.sealedBefore)));
    yield* metaWrites({ thresholds });
  }
  if (meta.timeZone !== zoneName) {
    // The line is an instant: the same buckets are sealed, cut into other days.
    yield* timed(timings, `days in ${zoneName}`, rebuildDays(dialect, Zone.of(zoneName), FAMILY_NAMES, storedLine(meta.sealedBefore)));
    yield* metaWrites({ timeZone: zoneName });
  }
  return timings;
}

/** SQLite answers a condition with 1 or 0, PostgreSQL with a boolean. */
const isTrue = (value: unknown) => value === true || value === 1;

function* rebuildSteps(dialect: Dialect, zoneName: string): Steps<RebuildTimings> {
  const timings: RebuildTimings = {};
  const line = storedLine((yield* readMetaStep()).sealedBefore);
  for (const family of FACT_FAMILIES) yield* timed(timings, `${ROLLUP_TABLES[family].buckets} from facts`, rebuildFamilyFromFacts(family));
  yield* timed(timings, `days in ${zoneName}`, rebuildDays(dialect, Zone.of(zoneName), FAMILY_NAMES, line));
  const thresholds = thresholdsFingerprint(yield* queueThresholdsStep());
  yield* metaWrites({ version: ROLLUP_VERSION, timeZone: zoneName, thresholds });
  return timings;
}

const storedLine = (value: string | null) => (value === null ? null : Number(value));

function* timed(timings: RebuildTimings, step: string, work: Steps<void>): Steps<void> {
  const t0 = performance.now();
  yield* work;
  timings[step] = (performance.now() - t0) / 1000;
}

/** Agent time has no facts beneath it: its 15-minute rows stay, and only its hours, days and months are cut again. */
const FACT_FAMILIES = FAMILY_NAMES.filter((f): f is FactFamily => !(TIME_FAMILIES as readonly string[]).includes(f));

function* rebuildFamilyFromFacts(family: FactFamily): Steps<void> {
  const t = ROLLUP_TABLES[family];
  const a = FACT_AGGREGATES[family];
  const groupBy = [...t.dims, 'bucket'].map((_, i) => i + 1).join(', ');
  yield query(`DELETE FROM ${t.buckets}`);
  yield query(`DELETE FROM ${t.keys}`);
  yield query(
    `INSERT INTO ${t.buckets} (${[...t.dims, 'bucket', ...t.values].join(', ')})
     SELECT ${[...a.dims, bucketExpr(a.time), ...a.values].join(', ')} FROM ${a.from} WHERE ${a.closed} GROUP BY ${groupBy}`,
  );
  yield query(`INSERT INTO ${t.keys} (${t.dims.join(', ')}) SELECT DISTINCT ${t.dims.join(', ')} FROM ${t.buckets}`);
}

/** Hour, day and month rows from the 15-minute rows before the seal line `line` (default: as far as the data allows). */
function* rebuildDays(dialect: Dialect, zone: Zone, families: readonly FamilyName[], line: number | null): Steps<void> {
  for (const f of families) {
    const t = ROLLUP_TABLES[f];
    for (const table of [t.hours, t.days, t.months]) yield query(`DELETE FROM ${table}`);
  }
  const extent = yield* bucketExtentStep(FAMILY_NAMES);
  if (!extent) return;
  const to = line ?? Math.max(extent.oldest, sealLine(extent.newest));
  yield* sealSteps(dialect, zone, families, Math.min(extent.oldest, to), to);
  yield* metaWrites({ sealedBefore: String(to) });
}
