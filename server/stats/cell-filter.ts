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

export interface SqlPart {
  sql: string;
  params: (string | number)[];
}

const inList = (expr: string) => `${expr} IN (SELECT value FROM json_each(?))`;

/** The filter as a WHERE condition on a queue and an agent expression ('' is no queue). */
export function filterSql(columns: { queue: string; agent: string | null }, f: CellFilter): SqlPart {
  if (f.everything) return { sql: '1', params: [] };
  const params: string[] = [JSON.stringify(f.queues)];
  let sql = inList(columns.queue);
  if (columns.agent !== null && f.noQueueAgents.length > 0) {
    sql = `(${sql} OR (${columns.queue} = '' AND ${inList(columns.agent)}))`;
    params.push(JSON.stringify(f.noQueueAgents));
  }
  if (f.agents !== null) {
    if (columns.agent === null) throw new Error('This rollup has no agent dimension to filter by.');
    sql += ` AND ${inList(columns.agent)}`;
    params.push(JSON.stringify(f.agents));
  }
  return { sql, params };
}
