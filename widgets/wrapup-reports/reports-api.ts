import type { CreateReportBody, Report } from '../../contract/reports.js';
import { api, hasBearer, routeUrl, type ApiTarget } from '../core/api.js';

export const listReports = (target: ApiTarget, signal?: AbortSignal) => api(target, 'GET /reports', { signal });

export const createReport = (target: ApiTarget, body: CreateReportBody) => api(target, 'POST /reports', { body });

export const deleteReport = (target: ApiTarget, id: string) => api(target, 'DELETE /reports/{id}', { params: { id } });

/**
 * The CSV's address for a plain link, so the browser downloads it to disk as
 * it arrives (a fetch would hold the whole file in memory). A link cannot send
 * the bearer token: with one, a 5-minute stream ticket goes in the URL instead.
 */
export async function csvUrl(target: ApiTarget, id: string): Promise<string> {
  const ticket = hasBearer(target) ? (await api(target, 'POST /auth/stream-ticket')).ticket : undefined;
  return routeUrl(target, 'GET /reports/{id}/csv', { params: { id }, query: { ticket } });
}
