import { bigint, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { bytea } from './bytea.js';

/**
 * Wrap-up reason reports (C10), generated in the background (server/reports/).
 * `seq` orders a supervisor's reports for the limit of 50 (created_at can tie);
 * a job is held by one process at a time through its lease (`lease_owner`,
 * `lease_until`), and `cursor` is where its next page starts, so a job
 * interrupted by a crash resumes where its last chunk ended.
 */
export const reports = pgTable(
  'reports',
  {
    id: text('id').primaryKey(),
    supervisorId: text('supervisor_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull().default(0),
    status: text('status', { enum: ['queued', 'generating', 'ready', 'failed'] }).notNull(),
    /** The request and the range it resolved to, as JSON (contract/reports.ts). */
    params: text('params').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    startedAt: bigint('started_at', { mode: 'number' }),
    finishedAt: bigint('finished_at', { mode: 'number' }),
    /** Rows written so far; all of them once ready. */
    rowCount: integer('row_count'),
    /** Rows the statistics count for the same range and filters, when generation began: the measure of progress. */
    expectedRows: integer('expected_rows'),
    /** Bytes of CSV written so far (the download's length once ready). */
    byteSize: bigint('byte_size', { mode: 'number' }).notNull().default(0),
    /** Chunks written so far: the next chunk's `seq`. */
    chunkCount: integer('chunk_count').notNull().default(0),
    cursor: text('cursor'),
    leaseOwner: text('lease_owner'),
    leaseUntil: bigint('lease_until', { mode: 'number' }),
    /** Times a process died holding the job; at 3 it fails rather than crash a node again. */
    interruptions: integer('interruptions').notNull().default(0),
    errorCode: text('error_code'),
    error: text('error'),
  },
  (t) => [index('reports_supervisor_seq').on(t.supervisorId, t.seq), index('reports_status').on(t.status, t.seq)],
);

/** A report's CSV, a page of rows per chunk, deflated; deleted with the report. */
export const reportChunks = pgTable(
  'report_chunks',
  {
    reportId: text('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    rowCount: integer('row_count').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.seq] })],
);
