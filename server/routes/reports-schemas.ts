import type { Same } from './openapi-common.js';
import { z } from '@hono/zod-openapi';
import { singleLine } from '../plain-text.js';
import type { Report, ReportCreated } from '../reports/report.js';
import { MAX_REPORTS_PER_SUPERVISOR } from '../reports/report.js';

const ids = (what: string) => z.array(z.string().min(1).max(200)).max(500).optional().describe(what);
const timeOfDay = z.string().regex(/^\d{2}:\d{2}$/, 'must be a time of day HH:MM');
const lang = z.enum(['en', 'zh-CN']);
const instant = z.string().describe('ISO-8601 instant');

export const createReportBody = z
  .object({
    from: z.string().min(1).max(40).openapi({ description: 'First local day (`YYYY-MM-DD`) or an ISO instant with an offset.', example: '2026-03-01' }),
    to: z.string().min(1).max(40).openapi({ description: 'Last local day, included (`YYYY-MM-DD`), or an ISO instant, excluded.', example: '2026-03-07' }),
    tz: z.string().min(1).max(64).optional().openapi({ description: 'IANA zone of the dates and of every time in the CSV. Default: the reporting zone (`FLOORVIEW_TIME_ZONE`).', example: 'Asia/Shanghai' }),
    timeFrom: timeOfDay.optional().openapi({ description: 'Each day, only wrap-ups started in intervals from this local time.', example: '09:00' }),
    timeTo: timeOfDay.optional().openapi({ description: 'Each day, only until this local time (`24:00`: end of day; earlier than `timeFrom` wraps past midnight).', example: '17:00' }),
    queue: ids('Only wrap-ups of calls from these queues (each in your scope); wrap-ups with no queue (outbound) are then left out.'),
    agent: ids('Only these agents’ wrap-ups (each in your scope).'),
    location: singleLine(z.string().min(1).max(200)).optional().describe('Only agents at this location.'),
    lang: lang.optional().describe('Language of the CSV’s header row. Default: `en`.'),
  })
  .strict()
  .openapi('CreateReport');

const requestSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    tz: z.string().describe('Canonical IANA name.'),
    timeFrom: z.string().nullable(),
    timeTo: z.string().nullable(),
    queue: z.array(z.string()),
    agent: z.array(z.string()),
    location: z.string().nullable(),
    lang,
  })
  .describe('The request as stored: absent filters are empty, ids sorted.');

const rangeSchema = z
  .object({
    from: z.string().describe('Start of the first counted 15-minute interval, in `tz`.'),
    to: z.string().describe('End of the last counted interval, in `tz`.'),
    tz: z.string(),
    timeFrom: z.string().nullable(),
    timeTo: z.string().nullable(),
  })
  .describe('What the report counts.');

export const reportSchema = z
  .object({
    id: z.string(),
    status: z.enum(['queued', 'generating', 'ready', 'failed']),
    progress: z.number().describe('0–1: rows written ÷ rows expected; 1 once ready.'),
    rowCount: z.number().int().describe('Rows written so far; every row once ready (the header not counted).'),
    expectedRows: z.number().int().nullable().describe('Wrap-ups the statistics count for the same range and filters, once generation began.'),
    createdAt: instant,
    startedAt: instant.nullable(),
    finishedAt: instant.nullable().describe('When it became ready or failed.'),
    error: z
      .object({
        code: z.enum(['interrupted', 'invalid', 'internal']),
        message: z.string(),
      })
      .nullable()
      .describe('Why it failed: `interrupted` (the server stopped while generating it three times), `invalid` (its filters no longer fit your scope), `internal`.'),
    request: requestSchema,
    range: rangeSchema,
    fileName: z.string().describe('The download’s file name.'),
    size: z.number().int().nullable().describe('Bytes of the CSV, once ready.'),
  })
  .openapi('Report');

export const reportListSchema = z
  .object({
    reports: z.array(reportSchema).describe('Newest first.'),
    limit: z.number().int().describe(`Reports kept per supervisor (${MAX_REPORTS_PER_SUPERVISOR}).`),
  })
  .openapi('ReportList');

export const reportCreatedSchema = z
  .object({
    report: reportSchema,
    dropped: z.array(reportSchema).describe(`Your oldest reports, deleted to keep ${MAX_REPORTS_PER_SUPERVISOR} (as they were just before).`),
  })
  .openapi('ReportCreated');

export const reportIdParam = z.object({ id: z.string().min(1).max(200).openapi({ param: { name: 'id', in: 'path' } }) });

export const csvQuery = z.object({
  ticket: z.string().max(200).optional().describe('A ticket from `POST /auth/stream-ticket`, for a plain link (a download cannot send an Authorization header).'),
});

// The wire schemas must describe exactly what the service sends.
export const reportSchemasMatch: [Same<z.infer<typeof reportSchema>, Report>, Same<z.infer<typeof reportCreatedSchema>, ReportCreated>] = [true, true];
