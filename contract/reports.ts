import { z } from '@hono/zod-openapi';
import { instant, langSchema as lang } from './names.js';
import { singleLine } from './plain-text.js';
import { dayOrInstant, timeOfDay, timeZoneName } from './time-fields.js';

/**
 * Wrap-up reason reports (C10) as the API and the stream carry them. A report is one CSV of
 * the completed wrap-ups in a range (SPEC §4 "wrap-up report rows"), generated in the
 * background: queued → generating → ready | failed.
 */

/** Reports kept per supervisor: creating one more deletes the oldest (C10). */
export const MAX_REPORTS_PER_SUPERVISOR = 50;

const ids = (what: string) => z.array(z.string().min(1).max(200)).max(500).optional().describe(what);

export const createReportBody = z
  .object({
    from: dayOrInstant.openapi({ description: 'First local day (`YYYY-MM-DD`) or an ISO instant with an offset.', example: '2026-03-01' }),
    to: dayOrInstant.openapi({ description: 'Last local day, included (`YYYY-MM-DD`), or an ISO instant, excluded.', example: '2026-03-07' }),
    tz: timeZoneName.optional().openapi({ description: 'IANA zone of the dates and of every time in the CSV. Default: the reporting zone (`FLOORVIEW_TIME_ZONE`).', example: 'Asia/Shanghai' }),
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

/** A report went away: deleted by its owner, or by the limit when a newer one was created (the stream's `reportsDeleted`). */
export const reportDeletionSchema = z.object({ id: z.string(), reason: z.enum(['deleted', 'limit']) }).openapi('ReportDeletion');

export type CreateReportBody = z.input<typeof createReportBody>;
export type CsvQuery = z.input<typeof csvQuery>;
export type Report = z.infer<typeof reportSchema>;
export type ReportStatus = Report['status'];
/** Why a report failed: `interrupted` (the server stopped while generating it, three times), `invalid` (its filters no longer fit the directory or your scope), `internal`. */
export type ReportErrorCode = NonNullable<Report['error']>['code'];
/** What the supervisor asked for, as stored (ids de-duplicated and sorted, absent filters empty). */
export type ReportRequest = z.infer<typeof requestSchema>;
/** Language of the CSV's header row. */
export type ReportLang = ReportRequest['lang'];
/** The instants counted, in the report's zone: the first interval's start and the last one's end. */
export type ReportRange = z.infer<typeof rangeSchema>;
export type ReportList = z.infer<typeof reportListSchema>;
/** What `POST /reports` answers: the new report, and the oldest ones the limit deleted to make room. */
export type ReportCreated = z.infer<typeof reportCreatedSchema>;
export type ReportDeletion = z.infer<typeof reportDeletionSchema>;
