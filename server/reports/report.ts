/**
 * Wrap-up reason reports (C10) as the API and the stream carry them. A report
 * is one CSV of the completed wrap-ups in a range (SPEC §4 "wrap-up report
 * rows"), generated in the background: queued → generating → ready | failed.
 */

export type ReportStatus = 'queued' | 'generating' | 'ready' | 'failed';

/** Reports kept per supervisor: creating one more deletes the oldest (C10). */
export const MAX_REPORTS_PER_SUPERVISOR = 50;

export type ReportLang = 'en' | 'zh-CN';

/** What the supervisor asked for, as stored (ids de-duplicated and sorted, absent filters empty). */
export interface ReportRequest {
  from: string;
  to: string;
  tz: string;
  timeFrom: string | null;
  timeTo: string | null;
  queue: string[];
  agent: string[];
  location: string | null;
  /** Language of the CSV's header row. */
  lang: ReportLang;
}

/** The instants counted, in the report's zone: the first interval's start and the last one's end. */
export interface ReportRange {
  from: string;
  to: string;
  tz: string;
  timeFrom: string | null;
  timeTo: string | null;
}

/** Why a report failed: `interrupted` (the server stopped while generating it, three times), `invalid` (its filters no longer fit the directory or your scope), `internal`. */
export type ReportErrorCode = 'interrupted' | 'invalid' | 'internal';

export interface Report {
  id: string;
  status: ReportStatus;
  /** 0–1: rows written ÷ rows expected; 1 once ready. */
  progress: number;
  /** Rows written so far; every row once ready. */
  rowCount: number;
  /** Rows the wrap-up statistics count for the same range and filters, known once generation began. */
  expectedRows: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: { code: ReportErrorCode; message: string } | null;
  request: ReportRequest;
  range: ReportRange;
  /** The download's name. */
  fileName: string;
  /** Bytes of the CSV once ready; null before. */
  size: number | null;
}

/** A report went away: deleted by its owner, or by the limit when a newer one was created. */
export interface ReportDeletion {
  id: string;
  reason: 'deleted' | 'limit';
}

/** What `POST /reports` answers: the new report, and the oldest ones the limit deleted to make room. */
export interface ReportCreated {
  report: Report;
  dropped: Report[];
}
