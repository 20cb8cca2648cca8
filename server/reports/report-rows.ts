import type { Store } from '../db/store.js';
import type { HistoryCatchUp } from '../history/history.js';
import type { CellFilter } from '../stats/cell-filter.js';
import type { StatsRange } from '../stats/stats-range.js';
import { PostgresReportRows } from './report-rows.postgres.js';
import { SqliteReportRows } from './report-rows.sqlite.js';

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
 * and filters), a page at a time in the order of their start, ties broken by
 * (call, agent, handling) compared byte by byte, so both stores write the same
 * rows in the same order. Paging by key rather than holding one long read
 * keeps each slice short, so the generator can yield to live traffic between pages.
 */
export interface ReportRows {
  /** Rows the statistics count for this range and filter: the measure of progress. */
  expected(range: StatsRange, filter: CellFilter): Promise<number>;
  /**
   * Up to `limit` rows after `after`; `done` when the range has no more. A
   * time-of-day window is read span by span (one local day's window each), so
   * no query carries the list of counted intervals.
   */
  page(range: StatsRange, filter: CellFilter, after: RowCursor | null, limit: number): Promise<{ rows: ReportRow[]; done: boolean }>;
}

export function reportRowsFor(store: Store, history: HistoryCatchUp): ReportRows {
  return store.sqlite ? new SqliteReportRows(store.sqlite, history) : new PostgresReportRows(store, history);
}

export const cursorOf = (row: ReportRow): RowCursor => [row.wrapupStart, row.callId, row.agentId, row.handling];
