import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../auth/app-env.js';
import { authenticateRequest } from '../auth/middleware.js';
import { forbidden } from '../lib/errors.js';
import { MAX_REPORTS_PER_SUPERVISOR } from '../../contract/reports.js';
import type { Services } from '../wiring/services.js';
import { limitBody } from './body-limit.js';
import { bearerSecurity, errors, json, jsonBody, router } from './openapi-common.js';
import { createReportBody, csvQuery, reportCreatedSchema, reportIdParam, reportListSchema, reportSchema } from '../../contract/reports.js';

const OWN = 'A supervisor sees, downloads and deletes only their own reports: another’s id is 404, as an unknown one. Display tokens and agent desks have no reports (403).';
const LIVE = 'Every change goes to the owner’s stream (`GET /stream`): `reports` (the report, created or changed: replace by id; progress at most twice a second) and `reportsDeleted` (`{id, reason}`: `deleted`, or `limit` when a newer report made room).';

const listReports = createRoute({
  method: 'get',
  operationId: 'listReports',
  path: '/',
  tags: ['Reports'],
  summary: 'Your wrap-up reason reports, newest first (C10)',
  description: `${OWN}\n\n${LIVE}`,
  security: bearerSecurity,
  responses: { 200: json(reportListSchema, 'Your reports.'), ...errors(401, 403) },
});

const createReport = createRoute({
  method: 'post',
  operationId: 'createReport',
  path: '/',
  tags: ['Reports'],
  summary: 'Generate a wrap-up reason report (C10)',
  description: [
    'Queues a report of the wrap-ups completed in the range, with the scope, range and filters of `GET /stats/wrapups` (each counts when it started; the report has as many rows as that figure’s `completed`). It is generated in the background: `queued` → `generating` (with `progress`) → `ready` or `failed` (with `error`). A report interrupted by a server restart resumes where it stopped.',
    `At most ${MAX_REPORTS_PER_SUPERVISOR} are kept per supervisor: creating one more deletes your oldest, in the same transaction, listed in \`dropped\`.`,
    'Rows, oldest wrap-up first (SPEC §4): agent name, location, call start, call end, call minutes, wrap-up reason, wrap-up minutes, wrap-up start, wrap-up end. The call is the agent’s own connection to the caller (answered → ended or transferred on; blank when the agent never answered it); minutes have two decimals (call minutes: connected time, hold included); times are local to `tz` (`2026-03-02 17:01:50`, the zone named in the header).',
    LIVE,
  ].join('\n\n'),
  security: bearerSecurity,
  request: { body: jsonBody(createReportBody) },
  responses: {
    202: { ...json(reportCreatedSchema, 'Queued; `Location` is the report.'), headers: z.object({ location: z.string() }) },
    ...errors(400, 401, 403, 413),
  },
});

const getReport = createRoute({
  method: 'get',
  operationId: 'getReport',
  path: '/{id}',
  tags: ['Reports'],
  summary: 'One of your reports: status, progress, size',
  description: OWN,
  security: bearerSecurity,
  request: { params: reportIdParam },
  responses: { 200: json(reportSchema, 'The report.'), ...errors(401, 403, 404) },
});

const downloadReport = createRoute({
  method: 'get',
  operationId: 'downloadReportCsv',
  path: '/{id}/csv',
  tags: ['Reports'],
  summary: 'Download a ready report as CSV',
  description: [
    'Streamed from storage, page by page: `Content-Length` is announced and memory stays flat however large the file. RFC 4180 (CRLF, quoted fields), UTF-8 with a byte-order mark (so Excel shows Chinese names); text starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `\'` so spreadsheets never run it as a formula.',
    '409 while the report is not ready. For a plain link (`<a href download>`), pass `?ticket=` from `POST /auth/stream-ticket` instead of the Authorization header.',
    OWN,
  ].join('\n\n'),
  security: [...bearerSecurity, { ticket: [] }],
  request: { params: reportIdParam, query: csvQuery },
  responses: {
    200: { description: 'The CSV.', content: { 'text/csv': { schema: z.string() } } },
    ...errors(401, 403, 404, 409),
  },
});

const deleteReport = createRoute({
  method: 'delete',
  operationId: 'deleteReport',
  path: '/{id}',
  tags: ['Reports'],
  summary: 'Delete one of your reports',
  description: `A report being generated stops. ${OWN}`,
  security: bearerSecurity,
  request: { params: reportIdParam },
  responses: { 204: { description: 'Deleted.' }, ...errors(401, 403, 404) },
});

/** A supervisor, by bearer token, session cookie, or (downloads only) a stream ticket in the URL. */
function requireReportOwner(s: Services): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const ticket = c.req.method === 'GET' && c.req.path.endsWith('/csv') ? c.req.query('ticket') : undefined;
    const principal = await authenticateRequest(c, s.auth, { ticket });
    if (principal.kind !== 'supervisor') throw forbidden('Reports belong to supervisors: display tokens and agent desks have none.');
    c.set('principal', principal);
    await next();
  };
}

/** Report file names are ASCII (server/reports/report-request.ts): the plain `filename=` form serves every browser. */
const attachment = (fileName: string) => `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`;

export function reportRoutes(s: Services) {
  const app = router();
  app.use('*', limitBody(), requireReportOwner(s));
  const owner = (p: AppEnv['Variables']['principal']) => ({ id: p.id, scope: p.scope });
  return app
    .openapi(listReports, async (c) => c.json({ reports: await s.reports.list(c.var.principal.id), limit: MAX_REPORTS_PER_SUPERVISOR }, 200))
    .openapi(createReport, async (c) => {
      const created = await s.reports.create(owner(c.var.principal), c.req.valid('json'));
      return c.json(created, 202, { location: `/api/v1/reports/${created.report.id}` });
    })
    .openapi(getReport, async (c) => c.json(await s.reports.get(c.var.principal.id, c.req.valid('param').id), 200))
    .openapi(downloadReport, async (c) => {
      const { report, body } = await s.reports.csv(c.var.principal.id, c.req.valid('param').id);
      return c.body(body, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': attachment(report.fileName),
        // A portal on another origin that fetches the file can read its name.
        'access-control-expose-headers': 'Content-Disposition',
        'content-length': String(report.size),
        // Private data: never kept by a shared cache, nor re-used from the browser's.
        'cache-control': 'private, no-store',
      });
    })
    .openapi(deleteReport, async (c) => {
      await s.reports.delete(c.var.principal.id, c.req.valid('param').id);
      return c.body(null, 204);
    });
}
