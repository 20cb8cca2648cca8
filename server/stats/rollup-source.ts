import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/client.js';
import { BUCKET_MS, type FamilyName } from '../domain/rollup-cells.js';
import { filterSql, type CellFilter } from './cell-filter.js';
import { addSums, emptySums, mergeTotals, type FamilySource, type KeyTotals } from './family-source.js';
import { firstOpenMonth } from '../history/day-sealing.js';
import { sealedBefore } from '../history/rollup-meta.js';
import { byTime, columnOf, FAMILIES_WITH_AGENTS, HOUR_MS, hourOf, ROLLUP_TABLES, tableOf, type FamilyTables, type Level } from '../history/rollup-tables.js';
import { bucketsOf, type StatsRange } from './stats-range.js';
import type { TrendPeriods } from './trend-periods.js';
import { firstDayOfMonth, monthOfDay, type Zone } from '../domain/zone.js';

/** A stretch of a range read at one level: buckets, hours, days or months [from, to), optionally only some buckets. */
interface Part {
  level: Level;
  from: number;
  to: number;
  /** JSON list of the buckets that count, when not all of them do (a time-of-day window). */
  only: string | null;
}

const ceilHour = (ms: number) => hourOf(ms + HOUR_MS - 1);

/**
 * Counters from the rollup tables. Of an unwindowed range, the months and days
 * of the reporting zone whose sealed buckets lie inside it (server/history/day-sealing.ts)
 * are read from the month and day tables, in any zone; the whole sealed UTC hours
 * of the rest from the hour tables, and what is left (less than an hour at each
 * edge, and the buckets after the seal line) from the 15-minute tables. A 90-day
 * range reads about 30 rows per key, at most a day of hours, and two hours of
 * buckets. Trends read the narrow families (by queue) unless an agent filter
 * applies: days in the reporting zone, hours in any zone whose local hours are
 * whole UTC hours, buckets otherwise.
 * Day and month totals walk the key table and seek each key's rows (CROSS JOIN
 * fixes that order: no sort, whatever the planner would guess); bucket and hour
 * rows are read in time order.
 * Call inside a read transaction, so the seal line and the rows agree, once the history
 * of every accepted event is written (`HistoryCatchUp`, server/history/history.ts).
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
    for (const part of this.parts(range, { months: true, hours: true })) {
      const alias = byTime(part.level) ? 't' : 'k';
      const dims = t.dims.map((d) => `${alias}.${d}`).join(', ');
      const where = this.filter(t, alias, filter);
      const sql = byTime(part.level)
        ? `SELECT ${dims}, ${sums} FROM ${tableOf(t, part.level)} t
           WHERE t.${part.level} >= ? AND t.${part.level} < ?${part.only ? ` AND t.${part.level} IN (SELECT value FROM json_each(?))` : ''} AND ${where.sql}
           GROUP BY ${dims}`
        : this.byKeySql(t, part.level, `${dims}, ${sums}`, where.sql, dims);
      mergeTotals(merged, this.rows(sql, [part.from, part.to, ...(part.only ? [part.only] : []), ...where.params]), t.dims.length);
    }
    return [...merged.values()];
  }

  trend(family: FamilyName, periods: TrendPeriods, filter: CellFilter, values: readonly string[], inboundOnly = false): number[][] {
    const t = ROLLUP_TABLES[family];
    const sums = emptySums(periods, values.length);
    const range = periods.range;
    const parts = this.parts(range, {
      // Day rows serve a daily trend only in the zone they were cut in.
      days: range.interval === 'day' && range.zone.name === this.reportingZone.name,
      hours: periods.hourAligned,
    });
    const where = this.filter(t, 't', filter);
    const direction = inboundOnly ? " AND t.direction = 'inbound'" : '';
    for (const part of parts) {
      const period = part.level;
      const select = `t.${period}, ${values.map((v) => `sum(t.${columnOf(t, v)})`).join(', ')}`;
      // Families with an agent dimension are read by days only for an agent filter: key by key, the chosen agents' rows.
      const sql =
        !byTime(period) && FAMILIES_WITH_AGENTS.has(family)
          ? this.byKeySql(t, period, select, `${this.filter(t, 'k', filter).sql}${direction.replace('t.', 'k.')}`, `t.${period}`)
          : `SELECT ${select} FROM ${tableOf(t, period)} t
             WHERE t.${period} >= ? AND t.${period} < ?${part.only ? ` AND t.${period} IN (SELECT value FROM json_each(?))` : ''}${direction}
               AND ${where.sql}
             GROUP BY t.${period}`;
      const rows = this.rows(sql, [part.from, part.to, ...(part.only ? [part.only] : []), ...where.params]);
      addSums(sums, rows, period === 'day' ? (d) => periods.ofDay(d) : (b) => periods.ofBucket(b));
    }
    return sums;
  }

  /** Rows of a dimension-led level [?, ?), key by key through the key table. */
  private byKeySql(t: FamilyTables, level: Level, select: string, where: string, groupBy: string): string {
    return `SELECT ${select} FROM ${t.keys} k CROSS JOIN ${tableOf(t, level)} t
        ON ${t.dims.map((d) => `t.${d} = k.${d}`).join(' AND ')} AND t.${level} >= ? AND t.${level} < ?
      WHERE ${where} GROUP BY ${groupBy}`;
  }

  /**
   * An unwindowed range as day rows (and month rows, if wanted) for the days
   * whose sealed buckets lie inside it — the seal line's own day too, its row
   * holding the buckets before the line — and the rest as hours and buckets.
   */
  private parts(range: StatsRange, use: { months?: boolean; days?: boolean; hours: boolean }): Part[] {
    if (range.spans.length === 0) return [];
    const line = sealedBefore(this.db);
    if (range.window || line === null) return [this.bucketPart(range)];
    const [a, c] = [range.from, range.to];
    const edges = (from: number, to: number) => (use.hours ? this.hourSplit(from, to, line) : from < to ? [bucketPart(from, to)] : []);
    if (use.days === false) return edges(a, c);
    const zone = this.reportingZone;
    const dayOfA = zone.dayOf(a);
    const firstDay = zone.dayStart(dayOfA) === a ? dayOfA : dayOfA + 1;
    const lastDay = c >= line ? zone.dayOf(line - BUCKET_MS) : zone.dayOf(c) - 1;
    if (firstDay > lastDay) return edges(a, c);
    const endDay = lastDay + 1;
    const daysFrom = zone.dayStart(firstDay);
    const daysTo = Math.min(zone.dayStart(endDay), line);
    const span = (level: Level, from: number, to: number): Part[] => (from < to ? [{ level, from, to, only: null }] : []);
    // Whole months of those days, and wholly before the line.
    const firstMonth = firstDayOfMonth(monthOfDay(firstDay)) === firstDay ? monthOfDay(firstDay) : monthOfDay(firstDay) + 1;
    const endMonth = Math.min(monthOfDay(endDay), firstOpenMonth(zone, line));
    const days =
      use.months && firstMonth < endMonth
        ? [
            ...span('day', firstDay, firstDayOfMonth(firstMonth)),
            ...span('month', firstMonth, endMonth),
            ...span('day', firstDayOfMonth(endMonth), endDay),
          ]
        : span('day', firstDay, endDay);
    return [...edges(a, daysFrom), ...days, ...edges(daysTo, c)];
  }

  /**
   * Buckets [from, to) as the sealed whole UTC hours inside them — the seal
   * line's own hour too, its row holding the buckets before the line — and
   * buckets for the rest.
   */
  private hourSplit(from: number, to: number, line: number): Part[] {
    if (from >= to) return [];
    const hoursFrom = ceilHour(from);
    const hoursTo = Math.min(hourOf(to), ceilHour(line));
    const coveredTo = Math.min(hourOf(to), line);
    if (hoursFrom >= coveredTo) return [bucketPart(from, to)];
    return [
      ...(from < hoursFrom ? [bucketPart(from, hoursFrom)] : []),
      { level: 'hour', from: hoursFrom, to: hoursTo, only: null },
      ...(coveredTo < to ? [bucketPart(coveredTo, to)] : []),
    ];
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

const bucketPart = (from: number, to: number): Part => ({ level: 'bucket', from, to, only: null });
