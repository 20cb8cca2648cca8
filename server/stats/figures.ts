import { FAMILIES, type FamilyName, type ValueName } from '../domain/rollup-cells.js';

/** Durations leave the API in seconds (SPEC §4); counters hold whole milliseconds. */
export const seconds = (ms: number) => ms / 1000;

/** A mean in seconds, to the millisecond; null when there is nothing to average. */
export const average = (ms: number, n: number): number | null => (n > 0 ? Math.round(ms / n) / 1000 : null);


/** Positions of a family's values in its counter arrays (`KeyTotals.values`). */
export function slots<F extends FamilyName>(family: F): Record<ValueName<F>, number> {
  const names: readonly string[] = FAMILIES[family].values;
  return Object.fromEntries(names.map((n, i) => [n, i])) as Record<ValueName<F>, number>;
}

export const zeros = (family: FamilyName) => new Array<number>(FAMILIES[family].values.length).fill(0);

export function addInto(into: number[], add: readonly number[]): void {
  for (let i = 0; i < add.length; i++) into[i]! += add[i]!;
}

/** How names are ordered in lists; one collator, as `localeCompare` builds one per call. */
export const byName = new Intl.Collator('en').compare;

/** Ids order by code point, the same everywhere. */
export const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface Ranking {
  order: 'asc' | 'desc';
  limit: number;
}

/** The first `limit` items by `value` in the requested order; ties by name, so the list is stable. */
export function ranked<T>(items: readonly T[], value: (item: T) => number, name: (item: T) => string, r: Ranking): T[] {
  const sign = r.order === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => sign * (value(a) - value(b)) || byName(name(a), name(b))).slice(0, r.limit);
}
