import type { FactFamily } from '../domain/rollup-cells.js';
import type { CellFilter } from './cell-filter.js';
import type { StatsRange } from './stats-range.js';
import type { StatsSnapshot } from './stats-snapshot.js';
import type { TrendPeriods } from './trend-periods.js';

/** One key's counters summed over a range: `dims` and `values` in the family's order. */
export interface KeyTotals {
  dims: string[];
  values: number[];
}

/**
 * Reads a rollup family's counters, from the rollup tables or straight from the facts (time families: server/stats/rollup-source.ts only),
 * on one snapshot (server/stats/stats-snapshot.ts): each method issues its queries before its first await.
 */
export interface FamilySource {
  /** Counters per key over the range. */
  totals(s: StatsSnapshot, family: FactFamily, range: StatsRange, filter: CellFilter): Promise<KeyTotals[]>;
  /** Per trend period, the sums of the named values (of inbound cells only, if asked). */
  trend(s: StatsSnapshot, family: FactFamily, periods: TrendPeriods, filter: CellFilter, values: readonly string[], inboundOnly?: boolean): Promise<number[][]>;
  /** Whether `filter.agents` can apply to this family. */
  filtersAgents(family: FactFamily): boolean;
}

export const emptySums = (periods: TrendPeriods, width: number) => periods.periods.map(() => new Array<number>(width).fill(0));

/** Adds rows of [period, ...sums] into per-period sums. */
export function addSums(into: number[][], rows: readonly unknown[][], periodIndex: (period: number) => number | undefined): void {
  for (const row of rows) {
    const i = periodIndex(Number(row[0]));
    if (i === undefined) continue;
    const sums = into[i]!;
    for (let j = 1; j < row.length; j++) sums[j - 1]! += Number(row[j]);
  }
}

/** Merges rows of [...dims, ...values] into per-key totals. */
export function mergeTotals(into: Map<string, KeyTotals>, rows: readonly unknown[][], dimCount: number): void {
  for (const row of rows) {
    const dims = row.slice(0, dimCount) as string[];
    const key = dims.join('\u001f');
    const values = row.slice(dimCount).map(Number);
    const t = into.get(key);
    if (t) for (let i = 0; i < values.length; i++) t.values[i]! += values[i]!;
    else into.set(key, { dims, values });
  }
}
