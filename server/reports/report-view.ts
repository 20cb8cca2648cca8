import type { Report, ReportErrorCode, ReportRange, ReportRequest } from '../../contract/reports.js';
import type { ReportRecord } from './report-store.js';

/** What `reports.params` holds: the request as stored, the range it resolved to, the download's name. */
export interface StoredParams {
  request: ReportRequest;
  range: ReportRange;
  fileName: string;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Rows written ÷ rows expected, below 1 until the last chunk is in (late wrap-ups can make the count grow). */
function progressOf(r: ReportRecord): number {
  if (r.status === 'ready') return 1;
  if (r.status !== 'generating' || !r.expectedRows) return 0;
  return Math.min(0.99, Math.floor(((r.rowCount ?? 0) / r.expectedRows) * 1000) / 1000);
}

/** A stored report as the API and the stream show it. */
export function reportView(r: ReportRecord): Report {
  const params = JSON.parse(r.params) as StoredParams;
  return {
    id: r.id,
    status: r.status,
    progress: progressOf(r),
    rowCount: r.rowCount ?? 0,
    expectedRows: r.expectedRows,
    createdAt: new Date(r.createdAt).toISOString(),
    startedAt: iso(r.startedAt),
    finishedAt: iso(r.finishedAt),
    error: r.status === 'failed' ? { code: (r.errorCode ?? 'internal') as ReportErrorCode, message: r.error ?? '' } : null,
    request: params.request,
    range: params.range,
    fileName: params.fileName,
    size: r.status === 'ready' ? r.byteSize : null,
  };
}
