import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/client.js';
import { bucketOf, type FamilyName } from '../domain/rollup-cells.js';
import { HOUR_MS, ROLLUP_TABLES } from './rollup-tables.js';
import { firstDayOfMonth, monthOfDay, type Zone } from '../domain/zone.js';

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

/** The oldest and newest buckets holding data, or null when there is none. */
export function bucketExtent(db: Db, families: readonly FamilyName[]): { oldest: number; newest: number } | null {
  const rows = families.map(
    (f) => db.$client.prepare(`SELECT min(bucket), max(bucket) FROM ${ROLLUP_TABLES[f].buckets}`).raw().get() as [number | null, number | null],
  );
  const oldest = rows.flatMap(([a]) => (a === null ? [] : [a]));
  const newest = rows.flatMap(([, b]) => (b === null ? [] : [b]));
  return oldest.length === 0 ? null : { oldest: Math.min(...oldest), newest: Math.max(...newest) };
}

const statements = new WeakMap<Db['$client'], Map<string, Statement>>();

/** The database's prepared statement for `sql` (sealing runs the same few every 15 minutes of data). */
function statement(db: Db, sql: string): Statement {
  let mine = statements.get(db.$client);
  if (!mine) statements.set(db.$client, (mine = new Map()));
  let stmt = mine.get(sql);
  if (!stmt) mine.set(sql, (stmt = db.$client.prepare(sql)));
  return stmt;
}

/** Moves the line from `from` to `to`: buckets [from, to) into their hours and days, then the months that completes. */
export function seal(db: Db, zone: Zone, families: readonly FamilyName[], from: number, to: number): void {
  if (from < to) for (const f of families) foldIntoHours(db, f, from, to);
  for (let start = from; start < to; ) {
    const day = zone.dayOf(start);
    const end = Math.min(to, zone.dayStart(day + 1));
    for (const f of families) foldIntoDay(db, f, day, start, end);
    start = end;
  }
  for (let month = firstOpenMonth(zone, from); month < firstOpenMonth(zone, to); month++) for (const f of families) sealMonth(db, f, month);
}

/** Adds buckets [from, to) to their hours' rows. */
function foldIntoHours(db: Db, family: FamilyName, from: number, to: number): void {
  const t = ROLLUP_TABLES[family];
  statement(
    db,
    `INSERT INTO ${t.hours} (hour, ${[...t.dims, ...t.values].join(', ')})
     SELECT bucket - bucket % ${HOUR_MS}, ${[...t.dims, ...t.values.map((v) => `sum(${v})`)].join(', ')}
     FROM ${t.buckets} WHERE bucket >= ? AND bucket < ? GROUP BY 1, ${t.dims.join(', ')}
     ON CONFLICT (hour, ${t.dims.join(', ')}) DO UPDATE SET ${t.values.map((v) => `${v} = ${v} + excluded.${v}`).join(', ')}`,
  ).run(from, to);
}

/** Adds buckets [from, to), all of one day, to that day's rows. */
function foldIntoDay(db: Db, family: FamilyName, day: number, from: number, to: number): void {
  const t = ROLLUP_TABLES[family];
  statement(
    db,
    `INSERT INTO ${t.days} (${[...t.dims, 'day', ...t.values].join(', ')})
     SELECT ${[...t.dims, '?', ...t.values.map((v) => `sum(${v})`)].join(', ')}
     FROM ${t.buckets} WHERE bucket >= ? AND bucket < ? GROUP BY ${t.dims.join(', ')}
     ON CONFLICT (${[...t.dims, 'day'].join(', ')}) DO UPDATE SET ${t.values.map((v) => `${v} = ${v} + excluded.${v}`).join(', ')}`,
  ).run(day, from, to);
}

/** A month's rows from its day rows. The month must have none yet. */
function sealMonth(db: Db, family: FamilyName, month: number): void {
  const t = ROLLUP_TABLES[family];
  const dims = t.dims.map((d) => `k.${d}`).join(', ');
  statement(
    db,
    `INSERT INTO ${t.months} (${[...t.dims, 'month', ...t.values].join(', ')})
     SELECT ${dims}, ?, ${t.values.map((v) => `sum(t.${v})`).join(', ')}
     FROM ${t.keys} k CROSS JOIN ${t.days} t ON ${t.dims.map((d) => `t.${d} = k.${d}`).join(' AND ')} AND t.day >= ? AND t.day < ?
     GROUP BY ${dims}`,
  ).run(month, firstDayOfMonth(month), firstDayOfMonth(month + 1));
}
