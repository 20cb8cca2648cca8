import { inArray } from 'drizzle-orm';
import type { Store } from '../db/store.js';
import type { FactPages } from './fact-rederive.js';

/** Rows a statement: 1,000 of the widest fact table's 14 columns stay far below PostgreSQL's 65,535 parameters. */
const ROWS_PER_INSERT = 1_000;

/** Re-derived facts on PostgreSQL: a page's calls deleted by key lists and its rows inserted many a statement, in one transaction. */
export function postgresFactPages(store: Store): FactPages {
  return {
    write: (replaced, facts) =>
      store.transaction(async (tx) => {
        const t = tx.tables;
        if (replaced.length > 0) {
          await tx.db.delete(t.calls).where(inArray(t.calls.id, [...replaced]));
          for (const table of [t.queueVisits, t.handlings, t.wrapups]) await tx.db.delete(table).where(inArray(table.callId, [...replaced]));
        }
        await insertAll(tx, t.calls, facts.map((f) => f.call));
        await insertAll(tx, t.queueVisits, facts.flatMap((f) => f.visits));
        await insertAll(tx, t.handlings, facts.flatMap((f) => f.handlings));
        await insertAll(tx, t.wrapups, facts.flatMap((f) => f.wrapups));
      }),
  };
}

async function insertAll<T extends Store['tables']['calls' | 'queueVisits' | 'handlings' | 'wrapups']>(
  tx: Store,
  table: T,
  rows: readonly T['$inferInsert'][],
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await tx.db.insert(table).values(rows.slice(i, i + ROWS_PER_INSERT) as never);
}
