import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/client.js';
import type { HistoryCatchUp } from '../history/history.js';
import { filterSql, type CellFilter } from '../stats/cell-filter.js';
import { FACT_AGGREGATES } from '../history/fact-aggregates.js';
import { readMeta } from '../history/rollup-meta.js';
import { RollupSource } from '../stats/rollup-source.js';
import type { StatsRange } from '../stats/stats-range.js';
import { Zone } from '../domain/zone.js';

/** One completed wrap-up and the call it followed: the facts behind a report row (SPEC §4). */
export interface ReportRow {
  wrapupStart: number;
  callId: string;
  agentId: string;
  /** The agent's handling of the call the wrap-up follows (0: none). */
  handling: number;
  wrapupEnd: number;
  reasonId: string;
  /** Seconds. */
  wrapupTime: number | null;
  /** The agent's own connection to the caller: answered → ended or transferred on (null when the agent never answered it). */
  callStart: number | null;
  callEnd: number | null;
  /** connectedTime of that handling (hold included), seconds. */
  callTime: number | null;
}

/** Where the next page starts: after this wrap-up, in report order. */
export type RowCursor = [wrapupStart: number, callId: string, agentId: string, handling: number];

/**
 * The wrap-ups a wrap-up figure counts (server/history/fact-aggregates.ts
 * `wrapupAgent`: completed with a reason, counted when started, the same scope
 * and filters), a page at a time in the order of their start. Paging by key
 * rather than holding one long read keeps each slice short, so the generator
 * can yield to live traffic between pages.
 */
export class ReportRows {
  private readonly statements = new Map<string, Statement>();
  private readonly rollups: RollupSource;

  constructor(
    private readonly db: Db,
    history: HistoryCatchUp,
  ) {
    const zone = readMeta(db).timeZone;
    this.rollups = new RollupSource(db, history, Zone.of(zone ?? 'UTC'));
  }

  /** Rows the statistics count for this range and filter (from the rollups: fast at any length). */
  expected(range: StatsRange, filter: CellFilter): number {
    return this.db.transaction(
      () => this.rollups.totals('wrapupAgent', range, filter).reduce((n, t) => n + t.values[0]!, 0),
      { behavior: 'deferred' },
    );
  }

  /**
   * Up to `limit` rows after `after`; `done` when the range has no more. A
   * time-of-day window is read span by span (one local day's window each), so
   * no query carries the list of counted intervals.
   */
  page(range: StatsRange, filter: CellFilter, after: RowCursor | null, limit: number): { rows: ReportRow[]; done: boolean } {
    const rows: ReportRow[] = [];
    const f = filterSql({ queue: FACT_AGGREGATES.wrapupAgent.queue, agent: FACT_AGGREGATES.wrapupAgent.agent }, filter);
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

export const cursorOf = (row: ReportRow): RowCursor => [row.wrapupStart, row.callId, row.agentId, row.handling];
