import { sql, type SQL } from 'drizzle-orm';
import type { Store } from '../db/store.js';
import { FACT_AGGREGATES } from '../history/fact-aggregates.js';
import type { HistoryCatchUp } from '../history/history.js';
import type { CellFilter } from '../stats/cell-filter.js';
import type { StatsRange } from '../stats/stats-range.js';
import type { ReportRow, ReportRows, RowCursor } from './report-rows.js';

const w = FACT_AGGREGATES.wrapupAgent;

/**
 * Report rows from PostgreSQL: the query of the SQLite module (server/reports/report-rows.sqlite.ts)
 * in PostgreSQL's words. Text keys are ordered and compared in the "C" collation, byte by byte
 * as SQLite does, whatever the database's own collation, so the CSV is the same on both stores.
 * The count is of the rows themselves: the same definition the statistics' rollups count.
 */
export class PostgresReportRows implements ReportRows {
  constructor(
    private readonly store: Store,
    private readonly history: HistoryCatchUp,
  ) {}

  async expected(range: StatsRange, filter: CellFilter): Promise<number> {
    await this.history.upToDate();
    const where = sql.join(
      range.spans.map(([start, end]) => sql`(${sql.raw(w.time)} >= ${start} AND ${sql.raw(w.time)} < ${end})`),
      sql` OR `,
    );
    const counted = await this.store.get<{ n: string | number }>(
      sql`SELECT count(*) AS n FROM wrapups f WHERE (${where}) AND ${sql.raw(w.closed)} AND ${filterOf(filter)}`,
    );
    return Number(counted?.n ?? 0);
  }

  async page(range: StatsRange, filter: CellFilter, after: RowCursor | null, limit: number): Promise<{ rows: ReportRow[]; done: boolean }> {
    const rows: ReportRow[] = [];
    const f = filterOf(filter);
    for (const [start, end] of range.spans) {
      if (after !== null && after[0] >= end) continue;
      const from = after === null ? start : Math.max(start, after[0]);
      const page = await this.store.all<Record<keyof ReportRow, unknown>>(pageSql(from, end, f, after, limit - rows.length));
      for (const r of page) rows.push(toRow(r));
      if (rows.length >= limit) return { rows, done: false };
    }
    return { rows, done: true };
  }
}

const key = sql.raw(`${w.time}, f.call_id COLLATE "C", f.agent_id COLLATE "C", f.handling`);

function pageSql(from: number, end: number, filter: SQL, after: RowCursor | null, limit: number): SQL {
  const cursor = after === null ? sql`` : sql` AND (${key}) > (${after[0]}, ${after[1]}, ${after[2]}, ${after[3]})`;
  return sql`SELECT f.started_at AS "wrapupStart", f.call_id AS "callId", f.agent_id AS "agentId", f.handling,
      f.completed_at AS "wrapupEnd", f.reason_id AS "reasonId", f.wrapup_time AS "wrapupTime",
      h.answered_at AS "callStart", h.ended_at AS "callEnd", h.connected_time AS "callTime"
    FROM wrapups f
    LEFT JOIN handlings h ON h.call_id = f.call_id AND h.handling = f.handling AND h.result = 'answered'
    WHERE ${sql.raw(w.time)} >= ${from} AND ${sql.raw(w.time)} < ${end} AND ${sql.raw(w.closed)} AND ${filter}${cursor}
    ORDER BY ${key}
    LIMIT ${limit}`;
}

/** server/stats/cell-filter.ts `filterSql`, with PostgreSQL's JSON list instead of SQLite's json_each. */
function filterOf(f: CellFilter): SQL {
  if (f.everything) return sql`TRUE`;
  const inList = (expr: string, ids: readonly string[]) => sql`${sql.raw(expr)} IN (SELECT json_array_elements_text(${JSON.stringify(ids)}::json))`;
  let where = inList(w.queue, f.queues);
  if (f.noQueueAgents.length > 0) where = sql`(${where} OR (${sql.raw(w.queue)} = '' AND ${inList(w.agent, f.noQueueAgents)}))`;
  if (f.agents !== null) where = sql`${where} AND ${inList(w.agent, f.agents)}`;
  return where;
}

/** bigint columns come back as text from a raw query: numbers, as on SQLite. */
const num = (x: unknown) => (x === null || x === undefined ? null : Number(x));

function toRow(r: Record<keyof ReportRow, unknown>): ReportRow {
  return {
    wrapupStart: Number(r.wrapupStart),
    callId: r.callId as string,
    agentId: r.agentId as string,
    handling: Number(r.handling),
    wrapupEnd: Number(r.wrapupEnd),
    reasonId: r.reasonId as string,
    wrapupTime: num(r.wrapupTime),
    callStart: num(r.callStart),
    callEnd: num(r.callEnd),
    callTime: num(r.callTime),
  };
}
