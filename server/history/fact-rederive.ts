import { deriveCallFacts, isCallFactEvent, type CallFacts } from '../domain/call-facts.js';
import type { Store } from '../db/store.js';
import type { events } from '../db/schema/events.js';
import { toEvent } from '../ingest/event-store.js';
import { META_KEYS } from '../db/meta-keys.js';
import { CALL_SPAN_MS } from '../ops/retention.js';
import { sqliteFactPages } from './fact-rederive.sqlite.js';
import { postgresFactPages } from './fact-rederive.postgres.js';
import { writeMetaOf } from './rollup-meta.js';
import { query } from './sql-steps.js';

const CALLS_PER_TRANSACTION = 2_000;

export interface RederiveStats {
  calls: number;
  events: number;
}

/** How a page of re-derived calls is stored, one module per dialect. */
export interface FactPages {
  /** In one transaction: the facts of the calls `replaced` deleted, then `facts` written (no call's rows are stored then). */
  write(replaced: readonly string[], facts: readonly CallFacts[]): Promise<void>;
}

/** The fact tables, emptied before every call is derived again. */
const FACT_TABLES = ['calls', 'queue_visits', 'handlings', 'wrapups'];

/**
 * Derives every call's facts afresh from the event log, call by call (in call id
 * order, a page of calls per transaction), replacing the fact tables' contents.
 * Agent state history is not touched. Run with the server stopped.
 *
 * After the event retention deleted old events (server/ops/retention.ts), only calls
 * whose events are all still there are re-derived; older calls keep their facts.
 */
export async function rederiveFacts(store: Store, onProgress?: (s: RederiveStats) => void): Promise<RederiveStats> {
  const pages: FactPages = store.dialect === 'sqlite' ? sqliteFactPages(store) : postgresFactPages(store);
  const done: RederiveStats = { calls: 0, events: 0 };
  const through = Number((await store.get<{ through: number }>(query('SELECT coalesce(max(seq), 0) AS through FROM events')))!.through);
  const pruned = (await store.get<{ value: string }>(query('SELECT value FROM rollup_meta WHERE key = ?', [META_KEYS.prunedBefore])))?.value;
  /** Calls with an event before this may have lost some to the retention. */
  const complete = pruned === undefined ? -Infinity : Number(pruned) + CALL_SPAN_MS;
  if (pruned === undefined) {
    await store.transaction(async (tx) => {
      for (const table of FACT_TABLES) await tx.run(query(`DELETE FROM ${table}`));
    });
  }
  let after = '';
  for (;;) {
    const ids = (await store.all<{ id: string }>(query('SELECT DISTINCT call_id AS id FROM events WHERE call_id > ? ORDER BY call_id LIMIT ?', [after, CALLS_PER_TRANSACTION]))).map((r) => r.id);
    if (ids.length === 0) {
      // Every event's facts are written (server/history/fact-writer.ts).
      await writeMetaOf(store, { historyThrough: String(through) });
      return done;
    }
    after = ids[ids.length - 1]!;
    const page = await store.all<typeof events.$inferSelect>(
      query(
        `SELECT seq, id, type, at, agent_id AS "agentId", call_id AS "callId", queue_id AS "queueId", data
         FROM events WHERE call_id >= ? AND call_id <= ? ORDER BY call_id, seq`,
        [ids[0], after],
      ),
    );
    const replaced: string[] = [];
    const facts: CallFacts[] = [];
    let start = 0;
    for (let i = 1; i <= page.length; i++) {
      if (i < page.length && page[i]!.callId === page[start]!.callId) continue;
      const callId = page[start]!.callId!;
      const all = page.slice(start, i);
      if (complete === -Infinity || all.every((e) => e.at >= complete)) {
        if (complete !== -Infinity) replaced.push(callId);
        const callEvents = all.map(toEvent).filter(isCallFactEvent);
        if (callEvents.length > 0) facts.push(deriveCallFacts(callId, callEvents));
      }
      done.calls++;
      done.events += i - start;
      start = i;
    }
    await pages.write(replaced, facts);
    onProgress?.(done);
  }
}
