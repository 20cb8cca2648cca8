import type { Report, ReportCreated } from '../../contract/reports.js';
import { apiFetch, type ApiTarget } from '../core/api.js';

export type { Report, ReportCreated };

/** What `POST /reports` takes (server/routes/reports-schemas.ts). */
export interface ReportBody {
  from: string;
  to: string;
  tz: string;
  timeFrom?: string;
  timeTo?: string;
  queue?: string[];
  agent?: string[];
  location?: string;
  lang: 'en' | 'zh-CN';
}

export const listReports = (target: ApiTarget, signal?: AbortSignal) =>
  apiFetch<{ reports: Report[]; limit: number }>(target, '/api/v1/reports', { signal });

export const createReport = (target: ApiTarget, body: ReportBody) => apiFetch<ReportCreated>(target, '/api/v1/reports', { method: 'POST', body });

export const deleteReport = (target: ApiTarget, id: string) => apiFetch<void>(target, `/api/v1/reports/${encodeURIComponent(id)}`, { method: 'DELETE' });

/**
 * The CSV's address for a plain link, so the browser downloads it to disk as
 * it arrives (a fetch would hold the whole file in memory). A link cannot send
 * the bearer token: with one, a 5-minute stream ticket goes in the URL instead.
 */
export async function csvUrl(target: ApiTarget, id: string): Promise<string> {
  const url = `${target.api}/api/v1/reports/${encodeURIComponent(id)}/csv`;
  if (!target.token) return url;
  const { ticket } = await apiFetch<{ ticket: string }>(target, '/api/v1/auth/stream-ticket', { method: 'POST' });
  return `${url}?ticket=${encodeURIComponent(ticket)}`;
}
