import type { SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Dialect, Store } from '../db/store.js';
import { bucketOf, type FamilyName } from '../domain/rollup-cells.js';
import { HOUR_MS, ROLLUP_TABLES } from './rollup-tables.js';
import { firstDayOfMonth, monthOfDay, type Zone } from '../domain/zone.js';
import { query, runSqlite, type Row, type Steps } from './sql-steps.js';

/**
 * Sealing: 15-minute buckets older than a watermark (the seal line) are summed
 * into hour and day rows, and a month into its month rows once all of it lies
 * before the line. The line trails the newest data by two hours: by then nearly every
 * fact of a bucket is closed, so ingestion writes only the 15-minute tables,
 * whose newest pages are adjacent, and each bucket is summed into its day
 * once. A fact that closes later still reaches its sealed hour, day and month,
 * as a change to their rows. So, at any time:
 *   hour rows of an hour, day rows of a day = the sum of its buckets before the line;
 *   month rows = the sum of their days, for months wholly before the line.
 * The line is an instant, the same in every zone.
 */
export const SEAL_AFTER_MS = 2 * 3_600_000;

/** Where the line may be when the newest bucket with data is `newest`. */
export const sealLine = (newest: number) => bucketOf(newest - SEAL_AFTER_MS);

/** Months before this one lie wholly before the line. */
export const firstOpenMonth = (zone: Zone, line: number) => monthOfDay(zone.dayOf(line));

/** The oldest and newest buckets holding data, or null when there is none: one statement for both stores. */
export function bucketExtentQuery(families: readonly FamilyName[]): SQL {
  const each = families.map((f) => `SELECT min(bucket) AS oldest, max(bucket) AS newest FROM ${ROLLUP_TABLES[f].buckets}`);
  return query(`SELECT min(oldest) AS oldest, max(newest) AS newest FROM (${each.join(' UNION ALL ')}) extents`);
}

export type BucketExtent = { oldest: number; newest: number } | null;

function extentOf(rows: Row[]): BucketExtent {
  const { oldest, newest } = rows[0] ?? {};
  return oldest === null || oldest === undefined ? null : { oldest: Number(oldest), newest: Number(newest) };
}

export function* bucketExtentStep(families: readonly FamilyName[]): Steps<BucketExtent> {
  return extentOf(yield bucketExtentQuery(families));
}

export const bucketExtent = (db: Db, families: readonly FamilyName[]): BucketExtent => extentOf(runSqlite(db, bucketExtentQuery(families)));

export const bucketExtentOf = async (store: Store, families: readonly FamilyName[]): Promise<BucketExtent> =>
  extentOf(await store.all(bucketExtentQuery(families)));

/**
 * The statements that move the line from `from` to `to`, in order: buckets [from, to) into their
 * hours and days, then the months that completes. The same texts on both stores, but for
 * the month's join: SQLite's CROSS JOIN fixes the join order (keys first), PostgreSQL plans its own.
 */
export function sealSteps(dialect: Dialect, zone: Zone, families: readonly FamilyName[], from: number, to: number): SQL[] {
  const steps: SQL[] = [];
  if (from < to) for (const f of families) steps.push(foldIntoHours(f, from, to));
  for (let start = from; start < to; ) {
    const day = zone.dayOf(start);
    const end = Math.min(to, zone.dayStart(day + 1));
    for (const f of families) steps.push(foldIntoDay(f, day, start, end));
    start = end;
  }
  for (let month = firstOpenMonth(zone, from); month < firstOpenMonth(zone, to); month++) for (const f of families) steps.push(sealMonth(dialect, f, month));
  return steps;
}

/** Moves the line on the SQLite file, each statement prepared once per database. */
export function seal(db: Db, zone: Zone, families: readonly FamilyName[], from: number, to: number): void {
  for (const step of sealSteps('sqlite', zone, families, from, to)) runSqlite(db, step);
}

/** The statements that move the line on PostgreSQL, to run in order in the caller's transaction. */
export const sealQueries = (zone: Zone, families: readonly FamilyName[], from: number, to: number): SQL[] =>
  sealSteps('postgres', zone, families, from, to);

/** Adds buckets [from, to) to their hours' rows. */
function foldIntoHours(family: FamilyName, from: number, to: number): SQL {
  const t = ROLLUP_TABLES[family];
  return query(
    `INSERT INTO ${t.hours} (hour, ${[...t.dims, ...t.values].join(', ')})
     SELECT bucket - bucket % ${HOUR_MS}, ${[...t.dims, ...t.values.map((v) => `sum(${v})`)].join(', ')}
     FROM ${t.buckets} WHERE bucket >= ? AND bucket < ? GROUP BY 1, ${t.dims.join(', ')}
     ON CONFLICT (hour, ${t.dims.join(', ')}) DO UPDATE SET ${t.values.map((v) => `${v} = ${t.hours}.${v} + excluded.${v}`).join(', ')}`,
    [from, to],
  );
}

// A parameter in a select list has no type on PostgreSQL (it would be text): the period is cast.

/** Adds buckets [from, to), all of one day, to that day's rows. */
function foldIntoDay(family: FamilyName, day: number, from: number, to: number): SQL {
  const t = ROLLUP_TABLES[family];
  return query(
    `INSERT INTO ${t.days} (${[...t.dims, 'day', ...t.values].join(', ')})
     SELECT ${[...t.dims, 'CAST(? AS integer)', ...t.values.map((v) => `sum(${v})`)].join(', ')}
     FROM ${t.buckets} WHERE bucket >= ? AND bucket < ? GROUP BY ${t.dims.join(', ')}
     ON CONFLICT (${[...t.dims, 'day'].join(', ')}) DO UPDATE SET ${t.values.map((v) => `${v} = ${t.days}.${v} + excluded.${v}`).join(', ')}`,
    [day, from, to],
  );
}

/** A month's rows from its day rows. The month must have none yet. */
function sealMonth(dialect: Dialect, family: FamilyName, month: number): SQL {
  const t = ROLLUP_TABLES[family];
  const dims = t.dims.map((d) => `k.${d}`).join(', ');
  return query(
    `INSERT INTO ${t.months} (${[...t.dims, 'month', ...t.values].join(', ')})
     SELECT ${dims}, CAST(? AS integer), ${t.values.map((v) => `sum(t.${v})`).join(', ')}
     FROM ${t.keys} k ${dialect === 'sqlite' ? 'CROSS JOIN' : 'JOIN'} ${t.days} t ON ${t.dims.map((d) => `t.${d} = k.${d}`).join(' AND ')} AND t.day >= ? AND t.day < ?
     GROUP BY ${dims}`,
    [month, firstDayOfMonth(month), firstDayOfMonth(month + 1)],
  );
}
