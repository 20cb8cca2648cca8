import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/client.js';
import { BUCKET_MS, type FamilyName } from '../domain/rollup-cells.js';
import { filterSql, type CellFilter } from './cell-filter.js';
import { addSums, emptySums, mergeTotals, type FamilySource, type KeyTotals } from './family-source.js';
import { firstOpenMonth } from './day-sealing.js';
import { sealedBefore } from './rollup-meta.js';
import { columnOf, FAMILIES_WITH_AGENTS, ROLLUP_TABLES, tableOf, type FamilyTables, type Level } from './rollup-tables.js';
import { bucketsOf, type StatsRange } from './stats-range.js';
import type { TrendPeriods } from './trend-periods.js';
import { firstDayOfMonth, monthOfDay, type Zone } from './zone.js';

/** A stretch of a range read at one level: buckets, days or months [from, to), optionally only some buckets. */
interface Part {
  level: Level;
  from: number;
  to: number;
  /** JSON list of the buckets that count, when not all of them do (a time-of-day window). */
  only: string | null;
}

/**
 * Counters from the rollup tables. Of an unwindowed range, the months and days
 * of the reporting zone whose sealed buckets lie inside it (server/stats/day-sealing.ts)
 * are read from the month and day tables, in any zone, and the rest from the
 * 15-minute tables: a 90-day range reads about 30 rows per key and two hours of
 * buckets. Trends read days. Day and month totals walk the key table and seek
 * each key's rows (CROSS JOIN fixes that order: no sort, whatever the planner
 * would guess); 15-minute rows are read in time order.
 * Call inside a read transaction, so the seal line and the rows agree.
 */
export class RollupSource implements FamilySource {
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: Db,
    /** The zone of the day tables. */
    readonly reportingZone: Zone,
  ) {}

  filtersAgents(family: FamilyName): boolean {
    return FAMILIES_WITH_AGENTS.has(family);
  }

  totals(family: FamilyName, range: StatsRange, filter: CellFilter): KeyTotals[] {
    const t = ROLLUP_TABLES[family];
    const merged = new Map<string, KeyTotals>();
    const sums = t.values.map((v) => `sum(t.${v})`).join(', ');
    for (const part of this.parts(range, true)) {
      const alias = part.level === 'bucket' ? 't' : 'k';
      const dims = t.dims.map((d) => `${alias}.${d}`).join(', ');
      const where = this.filter(t, alias, filter);
      const sql =
        part.level !== 'bucket'
          ? `SELECT ${dims}, ${sums} FROM ${t.keys} k CROSS JOIN ${tableOf(t, part.level)} t
               ON ${t.dims.map((d) => `t.${d} = k.${d}`).join(' AND ')} AND t.${part.level} >= ? AND t.${part.level} < ?
             WHERE ${where.sql} GROUP BY ${dims}`
          : `SELECT ${dims}, ${sums} FROM ${t.buckets} t
             WHERE t.bucket >= ? AND t.bucket < ?${part.only ? ' AND t.bucket IN (SELECT value FROM json_each(?))' : ''} AND ${where.sql}
             GROUP BY ${dims}`;
      mergeTotals(merged, this.rows(sql, [part.from, part.to, ...(part.only ? [part.only] : []), ...where.params]), t.dims.length);
    }
    return [...merged.values()];
  }

  trend(family: FamilyName, periods: TrendPeriods, filter: CellFilter, values: readonly string[], inboundOnly = false): number[][] {
    const t = ROLLUP_TABLES[family];
    const sums = emptySums(periods, values.length);
    const range = periods.range;
    // Day rows serve a daily trend only in the zone they were cut in.
    const byDay = range.interval === 'day' && range.zone.name === this.reportingZone.name;
    const parts = byDay ? this.parts(range, false) : [this.bucketPart(range)];
    const where = this.filter(t, 't', filter);
    for (const part of parts) {
      const period = part.level;
      const sql = `SELECT t.${period}, ${values.map((v) => `sum(t.${columnOf(t, v)})`).join(', ')}
        FROM ${tableOf(t, part.level)} t
        WHERE t.${period} >= ? AND t.${period} < ?${part.only ? ` AND t.${period} IN (SELECT value FROM json_each(?))` : ''}${inboundOnly ? " AND t.direction = 'inbound'" : ''}
          AND ${where.sql}
        GROUP BY t.${period}`;
      const rows = this.rows(sql, [part.from, part.to, ...(part.only ? [part.only] : []), ...where.params]);
      addSums(sums, rows, part.level === 'day' ? (d) => periods.ofDay(d) : (b) => periods.ofBucket(b));
    }
    return sums;
  }

  /**
   * An unwindowed range as day rows (and month rows, if wanted) for the days
   * whose sealed buckets lie inside it — the seal line's own day too, its row
   * holding the buckets before the line — and buckets for the rest.
   */
  private parts(range: StatsRange, months: boolean): Part[] {
    const line = sealedBefore(this.db);
    if (range.window || range.spans.length === 0 || line === null) return range.spans.length === 0 ? [] : [this.bucketPart(range)];
    const zone = this.reportingZone;
    const [a, c] = [range.from, range.to];
    const dayOfA = zone.dayOf(a);
    const firstDay = zone.dayStart(dayOfA) === a ? dayOfA : dayOfA + 1;
    const lastDay = c >= line ? zone.dayOf(line - BUCKET_MS) : zone.dayOf(c) - 1;
    if (firstDay > lastDay) return [this.bucketPart(range)];
    const endDay = lastDay + 1;
    const daysFrom = zone.dayStart(firstDay);
    const daysTo = Math.min(zone.dayStart(endDay), line);
    const span = (level: Level, from: number, to: number): Part[] => (from < to ? [{ level, from, to, only: null }] : []);
    // Whole months of those days, and wholly before the line.
    const firstMonth = firstDayOfMonth(monthOfDay(firstDay)) === firstDay ? monthOfDay(firstDay) : monthOfDay(firstDay) + 1;
    const endMonth = Math.min(monthOfDay(endDay), firstOpenMonth(zone, line));
    const days =
      months && firstMonth < endMonth
        ? [
            ...span('day', firstDay, firstDayOfMonth(firstMonth)),
            ...span('month', firstMonth, endMonth),
            ...span('day', firstDayOfMonth(endMonth), endDay),
          ]
        : span('day', firstDay, endDay);
    return [...span('bucket', a, daysFrom), ...days, ...span('bucket', daysTo, c)];
  }

  private bucketPart(range: StatsRange): Part {
    return { level: 'bucket', from: range.from, to: range.to, only: range.window ? JSON.stringify([...bucketsOf(range)]) : null };
  }

  private filter(t: FamilyTables, alias: string, f: CellFilter) {
    if (f.agents !== null && !this.filtersAgents(t.family)) throw new Error(`The ${t.family} rollup cannot be filtered by agent; read the facts.`);
    return filterSql({ queue: `${alias}.queue_id`, agent: t.dims.includes('agent_id') ? `${alias}.agent_id` : null }, f);
  }

  private rows(sql: string, params: unknown[]): unknown[][] {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.$client.prepare(sql).raw();
      this.statements.set(sql, stmt);
    }
    return stmt.all(...params) as unknown[][];
  }
}
