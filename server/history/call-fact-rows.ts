import type { CallFacts } from '../domain/call-facts.js';
import type { RollupFacts } from '../domain/rollup-cells.js';
import { CALLS, HANDLINGS, VISITS, WRAPUPS, type FactTable } from './fact-tables.js';
import type { HistoryWrites } from './history-writes.js';

type Row = Record<string, unknown>;

/** A row's values in column order; absent optional columns are NULL. */
const valuesOf = (t: FactTable, row: object) => t.columns.map(([, f]) => (row as Row)[f] ?? null);
const keyOf = (t: FactTable, row: object) => t.columns.slice(0, t.key).map(([, f]) => (row as Row)[f]).join('\u001f');

/** A call's fact rows as stored: what the next write compares against. */
export interface StoredFacts extends RollupFacts {
  /** Null when not known (the call row is then written). */
  call: CallFacts['call'] | null;
}

export const NO_FACTS: StoredFacts = { call: null, visits: [], handlings: [], wrapups: [] };

/**
 * Makes a call's rows in the fact tables those of `facts`, given the rows stored now. Only
 * the rows whose values changed are written (most events change one or two rows of a call):
 * fewer writes, fewer index pages dirtied per batch.
 */
export function writeCallFacts(writes: HistoryWrites, facts: CallFacts, stored: StoredFacts): void {
  if (stored.call === null || !sameRow(CALLS, stored.call, facts.call)) writes.upsertFact(CALLS, valuesOf(CALLS, facts.call));
  writeRows(writes, VISITS, stored.visits, facts.visits);
  writeRows(writes, HANDLINGS, stored.handlings, facts.handlings);
  writeRows(writes, WRAPUPS, stored.wrapups, facts.wrapups);
}

function sameRow(t: FactTable, a: object, b: object): boolean {
  for (const [, f] of t.columns) if (((a as Row)[f] ?? null) !== ((b as Row)[f] ?? null)) return false;
  return true;
}

function writeRows(writes: HistoryWrites, t: FactTable, stored: readonly object[], rows: readonly object[]): void {
  const before = new Map(stored.map((r) => [keyOf(t, r), r]));
  for (const row of rows) {
    const key = keyOf(t, row);
    const old = before.get(key);
    before.delete(key);
    if (!old || !sameRow(t, old, row)) writes.upsertFact(t, valuesOf(t, row));
  }
  for (const gone of before.values()) writes.deleteFact(t, valuesOf(t, gone).slice(0, t.key));
}
