import { sql, type SQL } from 'drizzle-orm';
import { BUCKET_MS, type FamilyName } from '../domain/rollup-cells.js';
import { filterSql, type CellFilter } from './cell-filter.js';
import { addSums, emptySums, mergeTotals, type FamilySource, type KeyTotals } from './family-source.js';
import { firstOpenMonth } from '../history/day-sealing.js';
import { byTime, columnOf, FAMILIES_WITH_AGENTS, HOUR_MS, hourOf, ROLLUP_TABLES, tableOf, type FamilyTables, type Level } from '../history/rollup-tables.js';
import { bucketsOf, type StatsRange } from './stats-range.js';
import { selectList, type StatsSnapshot } from './stats-snapshot.js';
import type { TrendPeriods } from './trend-periods.js';
import { firstDayOfMonth, monthOfDay, type Zone } from '../domain/zone.js';

/** A stretch of a range read at one level: buckets, hours, days or months [from, to), optionally only some buckets. */
interface Part {
  level: Level;
  from: number;
  to: number;
  /** The buckets that count, when not all of them do (a time-of-day window). */
  only: number[] | null;
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
 * Read on one snapshot (server/stats/stats-snapshot.ts), so the seal line and the rows agree.
 */
export class RollupSource implements FamilySource {
  constructor(
    /** The zone of the day tables. */
    readonly reportingZone: Zone,
  ) {}

  filtersAgents(family: FamilyName): boolean {
    return FAMILIES_WITH_AGENTS.has(family);
  }

  async totals(s: StatsSnapshot, family: FamilyName, range: StatsRange, filter: CellFilter): Promise<KeyTotals[]> {
    const t = ROLLUP_TABLES[family];
    const sums = t.values.map((v) => `sum(t.${v})`);
    const reads = this.parts(s.sealedBefore, range, { months: true, hours: true }).map((part) => {
      const alias = byTime(part.level) ? 't' : 'k';
      const dims = t.dims.map((d) => `${alias}.${d}`);
      const select = selectList([...dims, ...sums].map((e) => sql.raw(e)));
      const where = this.filter(s, t, alias, filter);
      const query = byTime(part.level)
        ? sql`SELECT ${select} FROM ${sql.raw(tableOf(t, part.level))} t
           WHERE ${this.within(s, 't', part)} AND ${where}
           GROUP BY ${sql.raw(dims.join(', '))}`
        : this.byKeySql(s, t, part, select, where, dims.join(', '));
      return s.rows(query);
    });
    const merged = new Map<string, KeyTotals>();
    for (const rows of await Promise.all(reads)) mergeTotals(merged, rows, t.dims.length);
    return [...merged.values()];
  }

  async trend(s: StatsSnapshot, family: FamilyName, periods: TrendPeriods, filter: CellFilter, values: readonly string[], inboundOnly = false): Promise<number[][]> {
    const t = ROLLUP_TABLES[family];
    const range = periods.range;
    const parts = this.parts(s.sealedBefore, range, {
      // Day rows serve a daily trend only in the zone they were cut in.
      days: range.interval === 'day' && range.zone.name === this.reportingZone.name,
      hours: periods.hourAligned,
    });
    const direction = (alias: string) => (inboundOnly ? sql.raw(` AND ${alias}.direction = 'inbound'`) : sql``);
    const reads = parts.map((part) => {
      const period = part.level;
      const select = selectList([`t.${period}`, ...values.map((v) => `sum(t.${columnOf(t, v)})`)].map((e) => sql.raw(e)));
      // Families with an agent dimension are read by days only for an agent filter: key by key, the chosen agents' rows.
      const query =
        !byTime(period) && FAMILIES_WITH_AGENTS.has(family)
          ? this.byKeySql(s, t, part, select, sql`${this.filter(s, t, 'k', filter)}${direction('k')}`, `t.${period}`)
          : sql`SELECT ${select} FROM ${sql.raw(tableOf(t, period))} t
             WHERE ${this.within(s, 't', part)}${direction('t')}
               AND ${this.filter(s, t, 't', filter)}
             GROUP BY ${sql.raw(`t.${period}`)}`;
      return s.rows(query).then((rows) => ({ period, rows }));
    });
    const sums = emptySums(periods, values.length);
    for (const { period, rows } of await Promise.all(reads)) addSums(sums, rows, period === 'day' ? (d) => periods.ofDay(d) : (b) => periods.ofBucket(b));
    return sums;
  }

  /** Rows of a dimension-led level in the part, key by key through the key table. */
  private byKeySql(s: StatsSnapshot, t: FamilyTables, part: Part, select: SQL, where: SQL, groupBy: string): SQL {
    const on = t.dims.map((d) => `t.${d} = k.${d}`).join(' AND ');
    return sql`SELECT ${select} FROM ${sql.raw(t.keys)} k ${s.keyFirstJoin} ${sql.raw(tableOf(t, part.level))} t
        ON ${sql.raw(on)} AND ${this.within(s, 't', part)}
      WHERE ${where} GROUP BY ${sql.raw(groupBy)}`;
  }

  /** The part's periods [from, to), and only the counted buckets of a window. */
  private within(s: StatsSnapshot, alias: string, part: Part): SQL {
    const column = sql.raw(`${alias}.${part.level}`);
    const only = part.only ? sql` AND ${s.oneOf(column, part.only)}` : sql``;
    return sql`${column} >= ${part.from} AND ${column} < ${part.to}${only}`;
  }

  /**
   * An unwindowed range as day rows (and month rows, if wanted) for the days
   * whose sealed buckets lie inside it — the seal line's own day too, its row
   * holding the buckets before the line — and the rest as hours and buckets.
   */
  private parts(line: number | null, range: StatsRange, use: { months?: boolean; days?: boolean; hours: boolean }): Part[] {
    if (range.spans.length === 0) return [];
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
    return { level: 'bucket', from: range.from, to: range.to, only: range.window ? [...bucketsOf(range)] : null };
  }

  private filter(s: StatsSnapshot, t: FamilyTables, alias: string, f: CellFilter): SQL {
    if (f.agents !== null && !this.filtersAgents(t.family)) throw new Error(`The ${t.family} rollup cannot be filtered by agent; read the facts.`);
    return filterSql(s, { queue: sql.raw(`${alias}.queue_id`), agent: t.dims.includes('agent_id') ? sql.raw(`${alias}.agent_id`) : null }, f);
  }
}

const bucketPart = (from: number, to: number): Part => ({ level: 'bucket', from, to, only: null });
