import { sql, type SQL } from 'drizzle-orm';
import { FAMILIES, type FactFamily } from '../domain/rollup-cells.js';
import { filterSql, type CellFilter } from './cell-filter.js';
import { bucketExpr, FACT_AGGREGATES, type FactAggregate } from '../history/fact-aggregates.js';
import { addSums, emptySums, mergeTotals, type FamilySource, type KeyTotals } from './family-source.js';
import { selectList, type StatsSnapshot } from './stats-snapshot.js';
import { bucketsOf, type StatsRange } from './stats-range.js';
import type { TrendPeriods } from './trend-periods.js';

const raw = (exprs: readonly string[]) => exprs.map((e) => sql.raw(e));

/**
 * The same counters computed by scanning the fact rows of the range. Used where
 * a rollup lacks a dimension (queue figures of chosen agents, wrap-up reasons
 * of chosen agents), and by tests and benchmarks as the reference.
 */
export class FactSource implements FamilySource {
  filtersAgents(): boolean {
    return true;
  }

  async totals(s: StatsSnapshot, family: FactFamily, range: StatsRange, filter: CellFilter): Promise<KeyTotals[]> {
    const a = FACT_AGGREGATES[family];
    const groupBy = sql.raw(a.dims.map((_, i) => i + 1).join(', '));
    const rows = await s.rows(sql`SELECT ${selectList(raw([...a.dims, ...a.values]))} FROM ${sql.raw(a.from)} WHERE ${this.where(s, a, range, filter)} GROUP BY ${groupBy}`);
    const merged = new Map<string, KeyTotals>();
    mergeTotals(merged, rows, a.dims.length);
    return [...merged.values()];
  }

  async trend(s: StatsSnapshot, family: FactFamily, periods: TrendPeriods, filter: CellFilter, values: readonly string[], inboundOnly = false): Promise<number[][]> {
    const a = FACT_AGGREGATES[family];
    const names: readonly string[] = FAMILIES[family].values;
    const exprs = values.map((v) => {
      const i = names.indexOf(v);
      if (i < 0) throw new Error(`${family} has no counter "${v}"`);
      return a.values[i]!;
    });
    const direction = inboundOnly ? sql` AND f.direction = 'inbound'` : sql``;
    const rows = await s.rows(
      sql`SELECT ${selectList(raw([bucketExpr(a.time), ...exprs]))} FROM ${sql.raw(a.from)} WHERE ${this.where(s, a, periods.range, filter)}${direction} GROUP BY 1`,
    );
    const sums = emptySums(periods, values.length);
    addSums(sums, rows, (b) => periods.ofBucket(b));
    return sums;
  }

  /** Closed facts starting in a counted bucket, within the filter. */
  private where(s: StatsSnapshot, a: FactAggregate, range: StatsRange, filter: CellFilter): SQL {
    const time = sql.raw(a.time);
    const only = range.window ? sql` AND ${s.oneOf(sql.raw(bucketExpr(a.time)), [...bucketsOf(range)])}` : sql``;
    const f = filterSql(s, { queue: sql.raw(a.queue), agent: sql.raw(a.agent) }, filter);
    return sql`${sql.raw(a.closed)} AND ${time} >= ${range.from} AND ${time} < ${range.to}${only} AND ${f}`;
  }
}
