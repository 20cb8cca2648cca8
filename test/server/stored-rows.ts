import { sql } from 'drizzle-orm';
import type { Store } from '../../server/db/store.js';
import { rederiveFacts } from '../../server/history/fact-rederive.js';
import { rebuildRollupsOf } from '../../server/history/rollup-rebuild.js';

/** A table's rows straight from the store, as stored now (no catch-up first): each row's values in the query's column order. */
export async function storedRows(store: Store, query: string): Promise<unknown[][]> {
  return (await store.all(sql.raw(query))).map((row) => Object.values(row));
}

/** One value straight from the store (the first column of the first row), or null. */
export async function storedValue(store: Store, query: string): Promise<unknown> {
  return (await storedRows(store, query))[0]?.[0] ?? null;
}

/** Every call's facts derived afresh from the log, and the rollups rebuilt from them in `zoneName`; returns the calls re-derived. */
export async function rebuildFromTheLog(store: Store, zoneName: string): Promise<number> {
  const { calls } = await rederiveFacts(store);
  await rebuildRollupsOf(store, zoneName);
  return calls;
}
