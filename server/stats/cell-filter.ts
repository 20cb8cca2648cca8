import { sql, type SQL } from 'drizzle-orm';
import type { StatsSql } from './stats-snapshot.js';

/**
 * Which facts a statistics request counts, after scope and filters are resolved:
 * facts of these queues, facts with no queue (outbound) of these agents, and,
 * when an agent or location filter applies, only facts of these agents.
 */
export interface CellFilter {
  queues: readonly string[];
  noQueueAgents: readonly string[];
  agents: readonly string[] | null;
  /** Nothing is left out (every queue and agent of the directory): no condition to test, row by row. */
  everything: boolean;
}

/** The filter as a WHERE condition on a queue and an agent expression ('' is no queue). */
export function filterSql(d: StatsSql, columns: { queue: SQL; agent: SQL | null }, f: CellFilter): SQL {
  if (f.everything) return sql`TRUE`;
  let condition = d.oneOf(columns.queue, f.queues);
  if (columns.agent !== null && f.noQueueAgents.length > 0) {
    condition = sql`(${condition} OR (${columns.queue} = '' AND ${d.oneOf(columns.agent, f.noQueueAgents)}))`;
  }
  if (f.agents !== null) {
    if (columns.agent === null) throw new Error('This rollup has no agent dimension to filter by.');
    condition = sql`${condition} AND ${d.oneOf(columns.agent, f.agents)}`;
  }
  return condition;
}
