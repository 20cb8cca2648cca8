import type { Store } from '../db/store.js';
import { NO_FACTS, writeCallFacts } from './call-fact-rows.js';
import type { FactPages } from './fact-rederive.js';
import { SqliteHistoryWrites } from './history-writes.sqlite.js';

/** Re-derived facts on SQLite: the history writer's prepared statements, a row at a time, in one synchronous transaction a page. */
export function sqliteFactPages(store: Store): FactPages {
  const db = store.sqlite!;
  const writes = new SqliteHistoryWrites(db);
  const drops = ['calls WHERE id', 'queue_visits WHERE call_id', 'handlings WHERE call_id', 'wrapups WHERE call_id'].map((t) =>
    db.$client.prepare(`DELETE FROM ${t} = ?`),
  );
  return {
    write: (replaced, facts) =>
      store.exclusive(() =>
        db.$client.transaction(() => {
          for (const callId of replaced) for (const drop of drops) drop.run(callId);
          for (const f of facts) writeCallFacts(writes, f, NO_FACTS);
        })(),
      ),
  };
}
