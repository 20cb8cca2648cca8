import type { Db } from '../db/client.js';
import { TIME_FAMILIES, type FactFamily, type FamilyName } from '../domain/rollup-cells.js';
import { bucketExtent, seal, sealLine } from './day-sealing.js';
import { bucketExpr, FACT_AGGREGATES } from './fact-aggregates.js';
import { queueThresholds, readMeta, ROLLUP_VERSION, thresholdsFingerprint, writeMeta } from './rollup-meta.js';
import { FAMILY_NAMES, ROLLUP_TABLES } from './rollup-tables.js';
import { Zone } from '../domain/zone.js';

/** Seconds each step took, for the rebuild command's report. */
export type RebuildTimings = Record<string, number>;

/**
 * Makes the stored rollups match the facts as the current code defines them:
 * rebuilt from the facts when they were built by another definition (or never),
 * the queue family again when queues' thresholds changed, the day rows again
 * when the reporting zone changed. Does nothing when all is current.
 */
export function syncRollups(db: Db, zoneName: string): RebuildTimings {
  const meta = readMeta(db);
  const thresholds = thresholdsFingerprint(queueThresholds(db));
  if (meta.version !== ROLLUP_VERSION) {
    // A new database has nothing to build.
    const empty = db.$client.prepare('SELECT NOT EXISTS (SELECT 1 FROM calls)').pluck().get() === 1;
    if (!empty) return rebuildRollups(db, zoneName);
    writeMeta(db, { version: ROLLUP_VERSION, timeZone: zoneName, thresholds });
    return {};
  }
  const timings: RebuildTimings = {};
  db.transaction(() => {
    if (meta.thresholds !== thresholds) {
      timed(timings, 'queue_buckets from facts', () => rebuildFamilyFromFacts(db, 'queue'));
      timed(timings, 'queue days and months', () => rebuildDays(db, Zone.of(meta.timeZone ?? zoneName), ['queue'], storedLine(meta.sealedBefore)));
      writeMeta(db, { thresholds });
    }
    if (meta.timeZone !== zoneName) {
      // The line is an instant: the same buckets are sealed, cut into other days.
      timed(timings, `days in ${zoneName}`, () => rebuildDays(db, Zone.of(zoneName), FAMILY_NAMES, storedLine(meta.sealedBefore)));
      writeMeta(db, { timeZone: zoneName });
    }
  });
  return timings;
}

/** Every rollup from the fact tables, in one transaction; sealed as far as before (or as the data allows). */
export function rebuildRollups(db: Db, zoneName: string): RebuildTimings {
  const timings: RebuildTimings = {};
  db.transaction(() => {
    const line = storedLine(readMeta(db).sealedBefore);
    for (const family of FACT_FAMILIES) timed(timings, `${ROLLUP_TABLES[family].buckets} from facts`, () => rebuildFamilyFromFacts(db, family));
    timed(timings, `days in ${zoneName}`, () => rebuildDays(db, Zone.of(zoneName), FAMILY_NAMES, line));
    writeMeta(db, { version: ROLLUP_VERSION, timeZone: zoneName, thresholds: thresholdsFingerprint(queueThresholds(db)) });
  });
  return timings;
}

const storedLine = (value: string | null) => (value === null ? null : Number(value));

function timed(timings: RebuildTimings, step: string, work: () => void): void {
  const t0 = performance.now();
  work();
  timings[step] = (performance.now() - t0) / 1000;
}

/** Agent time has no facts beneath it: its 15-minute rows stay, and only its hours, days and months are cut again. */
const FACT_FAMILIES = FAMILY_NAMES.filter((f): f is FactFamily => !(TIME_FAMILIES as readonly string[]).includes(f));

function rebuildFamilyFromFacts(db: Db, family: FactFamily): void {
  const t = ROLLUP_TABLES[family];
  const a = FACT_AGGREGATES[family];
  const groupBy = [...t.dims, 'bucket'].map((_, i) => i + 1).join(', ');
  db.$client.exec(`DELETE FROM ${t.buckets}; DELETE FROM ${t.keys};`);
  db.$client.exec(
    `INSERT INTO ${t.buckets} (${[...t.dims, 'bucket', ...t.values].join(', ')})
     SELECT ${[...a.dims, bucketExpr(a.time), ...a.values].join(', ')} FROM ${a.from} WHERE ${a.closed} GROUP BY ${groupBy}`,
  );
  db.$client.exec(`INSERT INTO ${t.keys} (${t.dims.join(', ')}) SELECT DISTINCT ${t.dims.join(', ')} FROM ${t.buckets}`);
}

/** Hour, day and month rows from the 15-minute rows before the seal line `line` (default: as far as the data allows). */
function rebuildDays(db: Db, zone: Zone, families: readonly FamilyName[], line: number | null): void {
  for (const f of families) {
    const t = ROLLUP_TABLES[f];
    db.$client.exec(`DELETE FROM ${t.hours}; DELETE FROM ${t.days}; DELETE FROM ${t.months};`);
  }
  const extent = bucketExtent(db, FAMILY_NAMES);
  if (!extent) return;
  const to = line ?? Math.max(extent.oldest, sealLine(extent.newest));
  seal(db, zone, families, Math.min(extent.oldest, to), to);
  writeMeta(db, { sealedBefore: String(to) });
}
