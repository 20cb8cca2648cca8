import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/client.js';
import { FAMILIES, type FactFamily } from '../domain/rollup-cells.js';
import { filterSql, type CellFilter } from './cell-filter.js';
import { bucketExpr, FACT_AGGREGATES, type FactAggregate } from '../history/fact-aggregates.js';
import { addSums, emptySums, mergeTotals, type FamilySource, type KeyTotals } from './family-source.js';
import { bucketsOf, type StatsRange } from './stats-range.js';
import type { TrendPeriods } from './trend-periods.js';

/**
 * The same counters computed by scanning the fact rows of the range. Used where
 * a rollup lacks a dimension (queue figures of chosen agents, wrap-up reasons
 * of chosen agents), and by tests and benchmarks as the reference. Read once the
 * history of every accepted event is written (`HistoryCatchUp`, server/history/history.ts).
 */
export class FactSource implements FamilySource {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  filtersAgents(): boolean {
    return true;
  }

  totals(family: FactFamily, range: StatsRange, filter: CellFilter): KeyTotals[] {
    const a = FACT_AGGREGATES[family];
    const where = this.where(a, range, filter);
    const groupBy = a.dims.map((_, i) => i + 1).join(', ');
    const rows = this.rows(`SELECT ${[...a.dims, ...a.values].join(', ')} FROM ${a.from} WHERE ${where.sql} GROUP BY ${groupBy}`, where.params);
    const merged = new Map<string, KeyTotals>();
    mergeTotals(merged, rows, a.dims.length);
    return [...merged.values()];
  }

  trend(family: FactFamily, periods: TrendPeriods, filter: CellFilter, values: readonly string[], inboundOnly = false): number[][] {
    const a = FACT_AGGREGATES[family];
    const names: readonly string[] = FAMILIES[family].values;
    const exprs = values.map((v) => {
      const i = names.indexOf(v);
      if (i < 0) throw new Error(`${family} has no counter "${v}"`);
      return a.values[i]!;
    });
    const where = this.where(a, periods.range, filter);
    const direction = inboundOnly ? " AND f.direction = 'inbound'" : '';
    const rows = this.rows(`SELECT ${bucketExpr(a.time)}, ${exprs.join(', ')} FROM ${a.from} WHERE ${where.sql}${direction} GROUP BY 1`, where.params);
    const sums = emptySums(periods, values.length);
    addSums(sums, rows, (b) => periods.ofBucket(b));
    return sums;
  }

  /** Closed facts starting in a counted bucket, within the filter. */
  private where(a: FactAggregate, range: StatsRange, filter: CellFilter) {
    const f = filterSql({ queue: a.queue, agent: a.agent }, filter);
    const only = range.window ? ` AND ${bucketExpr(a.time)} IN (SELECT value FROM json_each(?))` : '';
    return {
      sql: `${a.closed} AND ${a.time} >= ? AND ${a.time} < ?${only} AND ${f.sql}`,
      params: [range.from, range.to, ...(range.window ? [JSON.stringify([...bucketsOf(range)])] : []), ...f.params],
    };
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
