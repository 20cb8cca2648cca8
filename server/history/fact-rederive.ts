import type { Db } from '../db/client.js';
import type { events } from '../db/schema/events.js';
import { deriveCallFacts, isCallFactEvent } from '../domain/call-facts.js';
import { toEvent } from '../ingest/event-store.js';
import { NO_FACTS, writeCallFacts } from './call-fact-rows.js';
import { SqliteHistoryWrites } from './history-writes.sqlite.js';
import { META_KEYS } from '../db/meta-keys.js';
import { CALL_SPAN_MS } from '../ops/retention.js';
import { writeMeta } from './rollup-meta.js';

const CALLS_PER_TRANSACTION = 2_000;

export interface RederiveStats {
  calls: number;
  events: number;
}

/**
 * Derives every call's facts afresh from the event log, call by call (in call id
 * order, a page of calls per transaction), replacing the fact tables' contents.
 * Agent state history is not touched. Run with the server stopped.
 *
 * After the event retention deleted old events (server/ops/retention.ts), only calls
 * whose events are all still there are re-derived; older calls keep their facts.
 */
export function rederiveFacts(db: Db, onProgress?: (s: RederiveStats) => void): RederiveStats {
  const client = db.$client;
  const rows = new SqliteHistoryWrites(db);
  const nextIds = client.prepare('SELECT DISTINCT call_id FROM events WHERE call_id > ? ORDER BY call_id LIMIT ?').pluck();
  const eventsOf = client.prepare(
    `SELECT seq, id, type, at, agent_id AS agentId, call_id AS callId, queue_id AS queueId, data
     FROM events WHERE call_id >= ? AND call_id <= ? ORDER BY call_id, seq`,
  );
  const done: RederiveStats = { calls: 0, events: 0 };
  const through = client.prepare('SELECT coalesce(max(seq), 0) FROM events').pluck().get() as number;
  const pruned = client.prepare('SELECT value FROM rollup_meta WHERE key = ?').pluck().get(META_KEYS.prunedBefore) as string | undefined;
  /** Calls with an event before this may have lost some to the retention. */
  const complete = pruned === undefined ? -Infinity : Number(pruned) + CALL_SPAN_MS;
  const dropFacts = ['calls WHERE id', 'queue_visits WHERE call_id', 'handlings WHERE call_id', 'wrapups WHERE call_id'].map((t) =>
    client.prepare(`DELETE FROM ${t} = ?`),
  );
  if (pruned === undefined) {
    db.transaction(() => client.exec('DELETE FROM calls; DELETE FROM queue_visits; DELETE FROM handlings; DELETE FROM wrapups;'));
  }
  let after = '';
  for (;;) {
    const ids = nextIds.all(after, CALLS_PER_TRANSACTION) as string[];
    if (ids.length === 0) {
      // Every event's facts are written (server/history/fact-writer.ts).
      writeMeta(db, { historyThrough: String(through) });
      return done;
    }
    after = ids[ids.length - 1]!;
    db.transaction(() => {
      const page = eventsOf.all(ids[0], after) as (typeof events.$inferSelect)[];
      let start = 0;
      for (let i = 1; i <= page.length; i++) {
        if (i < page.length && page[i]!.callId === page[start]!.callId) continue;
        const callId = page[start]!.callId!;
        const all = page.slice(start, i);
        const callEvents = all.map(toEvent).filter(isCallFactEvent);
        if (complete === -Infinity) {
          if (callEvents.length > 0) writeCallFacts(rows, deriveCallFacts(callId, callEvents), NO_FACTS);
        } else if (all.every((e) => e.at >= complete)) {
          for (const d of dropFacts) d.run(callId);
          if (callEvents.length > 0) writeCallFacts(rows, deriveCallFacts(callId, callEvents), NO_FACTS);
        }
        done.calls++;
        done.events += i - start;
        start = i;
      }
    });
    onProgress?.(done);
  }
}
