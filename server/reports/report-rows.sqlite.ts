import type { Statement } from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/client.js';
import type { HistoryCatchUp } from '../history/history.js';
import { filterSql, type CellFilter } from '../stats/cell-filter.js';
import { FACT_AGGREGATES } from '../history/fact-aggregates.js';
import { readMeta } from '../history/rollup-meta.js';
import { RollupSource } from '../stats/rollup-source.js';
import { SQLITE_STATS_SQL, SqliteStatsReads } from '../stats/stats-snapshot.sqlite.js';
import type { StatsRange } from '../stats/stats-range.js';
import { Zone } from '../domain/zone.js';
import type { ReportRow, ReportRows, RowCursor } from './report-rows.js';

/**
 * Report rows from the SQLite file: each page one prepared statement, read
 * synchronously (reads need no turn at the write lock), the count from the rollups.
 */
export class SqliteReportRows implements ReportRows {
  private readonly statements = new Map<string, Statement>();
  private readonly rollups: RollupSource;
  private readonly reads: SqliteStatsReads;
  private readonly render = new SQLiteSyncDialect();

  constructor(
    private readonly db: Db,
    history: HistoryCatchUp,
  ) {
    const zone = readMeta(db).timeZone;
    this.rollups = new RollupSource(Zone.of(zone ?? 'UTC'));
    this.reads = new SqliteStatsReads(db, history);
  }

  /** Rows the statistics count for this range and filter (from the rollups: fast at any length). */
  async expected(range: StatsRange, filter: CellFilter): Promise<number> {
    const totals = await this.reads.read((s) => this.rollups.totals(s, 'wrapupAgent', range, filter));
    return totals.reduce((n, t) => n + t.values[0]!, 0);
  }

  async page(range: StatsRange, filter: CellFilter, after: RowCursor | null, limit: number): Promise<{ rows: ReportRow[]; done: boolean }> {
    const rows: ReportRow[] = [];
    const f = this.render.sqlToQuery(filterSql(SQLITE_STATS_SQL, { queue: sql.raw(w.queue), agent: sql.raw(w.agent) }, filter));
    for (const [start, end] of range.spans) {
      if (after !== null && after[0] >= end) continue;
      const from = after === null ? start : Math.max(start, after[0]);
      const sql = pageSql(f.sql, after !== null);
      const params = [from, end, ...f.params, ...(after ?? []), limit - rows.length];
      for (const r of this.statement(sql).all(...params) as unknown[][]) rows.push(toRow(r));
      if (rows.length >= limit) return { rows, done: false };
    }
    return { rows, done: true };
  }

  private statement(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.$client.prepare(sql).raw();
      this.statements.set(sql, stmt);
    }
    return stmt;
  }
}

const w = FACT_AGGREGATES.wrapupAgent;

/**
 * The call of a row is the handling the wrap-up follows, when the agent
 * answered it. Read in the order of the time index, so a page is a range scan
 * whatever the filters (the planner, without statistics, might otherwise sort
 * all of an agent's wrap-ups for every page).
 */
function pageSql(filter: string, afterCursor: boolean): string {
  return `SELECT f.started_at, f.call_id, f.agent_id, f.handling, f.completed_at, f.reason_id, f.wrapup_time,
      h.answered_at, h.ended_at, h.connected_time
    FROM wrapups f INDEXED BY wrapups_time
    LEFT JOIN handlings h ON h.call_id = f.call_id AND h.handling = f.handling AND h.result = 'answered'
    WHERE ${w.time} >= ? AND ${w.time} < ? AND ${w.closed} AND ${filter}${afterCursor ? ` AND (${w.time}, f.call_id, f.agent_id, f.handling) > (?, ?, ?, ?)` : ''}
    ORDER BY ${w.time}, f.call_id, f.agent_id, f.handling
    LIMIT ?`;
}

const num = (x: unknown) => (typeof x === 'number' ? x : null);

function toRow(r: unknown[]): ReportRow {
  return {
    wrapupStart: r[0] as number,
    callId: r[1] as string,
    agentId: r[2] as string,
    handling: r[3] as number,
    wrapupEnd: r[4] as number,
    reasonId: r[5] as string,
    wrapupTime: num(r[6]),
    callStart: num(r[7]),
    callEnd: num(r[8]),
    callTime: num(r[9]),
  };
}

