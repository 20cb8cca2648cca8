import { bigint, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

// Interval rollups: maintained with the facts, rebuildable (npm run rollups:rebuild).
//
// Nine families of additive counters (server/domain/rollup-cells.ts; agent time's two
// in agent-time.ts), each at four
// levels: 15-minute UTC buckets (`bucket` = epoch ms of the interval start), UTC
// hours (`hour` = epoch ms of the hour), and days and months of the reporting time
// zone (`day` = the local date as days since 1970-01-01, `month` = months since
// January 1970); hours, days and months are summed from the buckets once they are
// two hours old (server/history/day-sealing.ts).
// - 15-minute and hour tables lead with the period: ingestion writes a few adjacent
//   pages per batch, and trends and the edges of a range read them in time order.
//   Every whole-hour offset zone's days and hours are whole UTC hours.
// - Day and month tables lead with the dimensions, so one key's days are adjacent:
//   with `*_keys` (every key), a long range is read by one seek per key, no sort.
//   The narrow families' (inbound_queue, wrapup_queue, queue) day tables have
//   `*_trend` indexes covering the per-day sums trends read in day order.
// (On SQLite the migration makes these tables WITHOUT ROWID; PostgreSQL keeps its heap
// and the primary-key index, which its index-only scans read.)

const agentQueueCounters = () => ({
  answered: integer('answered').notNull(),
  bounced: integer('bounced').notNull(),
  abandoned: integer('abandoned').notNull(),
  otherUnanswered: integer('other_unanswered').notNull(),
  ringMs: bigint('ring_ms', { mode: 'number' }).notNull(),
  connectedMs: bigint('connected_ms', { mode: 'number' }).notNull(),
  holdMs: bigint('hold_ms', { mode: 'number' }).notNull(),
});

const agentQueueDims = () => ({
  agentId: text('agent_id').notNull(),
  /** '' for no queue (outbound). */
  queueId: text('queue_id').notNull(),
  direction: text('direction', { enum: ['inbound', 'outbound'] }).notNull(),
});

export const agentQueueBuckets = pgTable(
  'agent_queue_buckets',
  { bucket: bigint('bucket', { mode: 'number' }).notNull(), ...agentQueueDims(), ...agentQueueCounters() },
  (t) => [primaryKey({ columns: [t.bucket, t.agentId, t.queueId, t.direction] })],
);

export const agentQueueHours = pgTable(
  'agent_queue_hours',
  { hour: bigint('hour', { mode: 'number' }).notNull(), ...agentQueueDims(), ...agentQueueCounters() },
  (t) => [primaryKey({ columns: [t.hour, t.agentId, t.queueId, t.direction] })],
);

export const agentQueueDays = pgTable(
  'agent_queue_days',
  { ...agentQueueDims(), day: integer('day').notNull(), ...agentQueueCounters() },
  (t) => [primaryKey({ columns: [t.agentId, t.queueId, t.direction, t.day] })],
);

export const agentQueueMonths = pgTable(
  'agent_queue_months',
  { ...agentQueueDims(), month: integer('month').notNull(), ...agentQueueCounters() },
  (t) => [primaryKey({ columns: [t.agentId, t.queueId, t.direction, t.month] })],
);

export const agentQueueKeys = pgTable('agent_queue_keys', agentQueueDims(), (t) => [
  primaryKey({ columns: [t.agentId, t.queueId, t.direction] }),
]);

const queueCounters = () => ({
  answered: integer('answered').notNull(),
  abandoned: integer('abandoned').notNull(),
  other: integer('other').notNull(),
  /** Answered within the queue's service-level threshold. */
  answeredInServiceLevel: integer('answered_in_service_level').notNull(),
  /** Abandoned after the queue's short-abandon threshold. */
  abandonedAfterShort: integer('abandoned_after_short').notNull(),
  /** Queue time of answered calls. */
  answeredQueueMs: bigint('answered_queue_ms', { mode: 'number' }).notNull(),
  holdMs: bigint('hold_ms', { mode: 'number' }).notNull(),
  connectedMs: bigint('connected_ms', { mode: 'number' }).notNull(),
  handleMs: bigint('handle_ms', { mode: 'number' }).notNull(),
});

export const queueBuckets = pgTable(
  'queue_buckets',
  { bucket: bigint('bucket', { mode: 'number' }).notNull(), queueId: text('queue_id').notNull(), ...queueCounters() },
  (t) => [primaryKey({ columns: [t.bucket, t.queueId] })],
);

export const queueHours = pgTable(
  'queue_hours',
  { hour: bigint('hour', { mode: 'number' }).notNull(), queueId: text('queue_id').notNull(), ...queueCounters() },
  (t) => [primaryKey({ columns: [t.hour, t.queueId] })],
);

export const queueDays = pgTable(
  'queue_days',
  { queueId: text('queue_id').notNull(), day: integer('day').notNull(), ...queueCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.day] }), index('queue_days_trend').on(t.day, t.queueId, t.answered, t.abandoned, t.other)],
);

export const queueMonths = pgTable(
  'queue_months',
  { queueId: text('queue_id').notNull(), month: integer('month').notNull(), ...queueCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.month] })],
);

export const queueKeys = pgTable('queue_keys', { queueId: text('queue_id').primaryKey() });

const wrapupCounters = () => ({
  completed: integer('completed').notNull(),
  wrapupMs: bigint('wrapup_ms', { mode: 'number' }).notNull(),
});

const wrapupAgentDims = () => ({
  agentId: text('agent_id').notNull(),
  /** '' for no queue (outbound). */
  queueId: text('queue_id').notNull(),
});

export const wrapupAgentBuckets = pgTable(
  'wrapup_agent_buckets',
  { bucket: bigint('bucket', { mode: 'number' }).notNull(), ...wrapupAgentDims(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.bucket, t.agentId, t.queueId] })],
);

export const wrapupAgentHours = pgTable(
  'wrapup_agent_hours',
  { hour: bigint('hour', { mode: 'number' }).notNull(), ...wrapupAgentDims(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.hour, t.agentId, t.queueId] })],
);

export const wrapupAgentDays = pgTable(
  'wrapup_agent_days',
  { ...wrapupAgentDims(), day: integer('day').notNull(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.agentId, t.queueId, t.day] })],
);

export const wrapupAgentMonths = pgTable(
  'wrapup_agent_months',
  { ...wrapupAgentDims(), month: integer('month').notNull(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.agentId, t.queueId, t.month] })],
);

export const wrapupAgentKeys = pgTable('wrapup_agent_keys', wrapupAgentDims(), (t) => [
  primaryKey({ columns: [t.agentId, t.queueId] }),
]);

const wrapupReasonDims = () => ({
  /** '' for no queue (outbound). */
  queueId: text('queue_id').notNull(),
  reasonId: text('reason_id').notNull(),
  /** Only for wrap-ups with no queue (scoped by agent); '' otherwise. */
  agentId: text('agent_id').notNull(),
});

export const wrapupReasonBuckets = pgTable(
  'wrapup_reason_buckets',
  { bucket: bigint('bucket', { mode: 'number' }).notNull(), ...wrapupReasonDims(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.bucket, t.queueId, t.reasonId, t.agentId] })],
);

export const wrapupReasonHours = pgTable(
  'wrapup_reason_hours',
  { hour: bigint('hour', { mode: 'number' }).notNull(), ...wrapupReasonDims(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.hour, t.queueId, t.reasonId, t.agentId] })],
);

export const wrapupReasonDays = pgTable(
  'wrapup_reason_days',
  { ...wrapupReasonDims(), day: integer('day').notNull(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.reasonId, t.agentId, t.day] })],
);

export const wrapupReasonMonths = pgTable(
  'wrapup_reason_months',
  { ...wrapupReasonDims(), month: integer('month').notNull(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.reasonId, t.agentId, t.month] })],
);

export const wrapupReasonKeys = pgTable('wrapup_reason_keys', wrapupReasonDims(), (t) => [
  primaryKey({ columns: [t.queueId, t.reasonId, t.agentId] }),
]);

const wrapupReasonTotalDims = () => ({
  /** '' for no queue (outbound). */
  queueId: text('queue_id').notNull(),
  reasonId: text('reason_id').notNull(),
});

export const wrapupReasonTotalBuckets = pgTable(
  'wrapup_reason_total_buckets',
  { bucket: bigint('bucket', { mode: 'number' }).notNull(), ...wrapupReasonTotalDims(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.bucket, t.queueId, t.reasonId] })],
);

export const wrapupReasonTotalHours = pgTable(
  'wrapup_reason_total_hours',
  { hour: bigint('hour', { mode: 'number' }).notNull(), ...wrapupReasonTotalDims(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.hour, t.queueId, t.reasonId] })],
);

export const wrapupReasonTotalDays = pgTable(
  'wrapup_reason_total_days',
  { ...wrapupReasonTotalDims(), day: integer('day').notNull(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.reasonId, t.day] })],
);

export const wrapupReasonTotalMonths = pgTable(
  'wrapup_reason_total_months',
  { ...wrapupReasonTotalDims(), month: integer('month').notNull(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.reasonId, t.month] })],
);

export const wrapupReasonTotalKeys = pgTable('wrapup_reason_total_keys', wrapupReasonTotalDims(), (t) => [
  primaryKey({ columns: [t.queueId, t.reasonId] }),
]);

// The narrow families: by queue, with the agent kept only for facts with no queue
// (so a supervisor's scope still applies to them). Trends of requests with no agent
// filter read them: a few dozen rows per period instead of one per agent and queue.

const narrowDims = () => ({
  /** '' for no queue. */
  queueId: text('queue_id').notNull(),
  /** Only for facts with no queue; '' otherwise. */
  agentId: text('agent_id').notNull(),
});

const inboundQueueCounters = () => ({
  answered: integer('answered').notNull(),
  connectedMs: bigint('connected_ms', { mode: 'number' }).notNull(),
});

export const inboundQueueBuckets = pgTable(
  'inbound_queue_buckets',
  { bucket: bigint('bucket', { mode: 'number' }).notNull(), ...narrowDims(), ...inboundQueueCounters() },
  (t) => [primaryKey({ columns: [t.bucket, t.queueId, t.agentId] })],
);

export const inboundQueueHours = pgTable(
  'inbound_queue_hours',
  { hour: bigint('hour', { mode: 'number' }).notNull(), ...narrowDims(), ...inboundQueueCounters() },
  (t) => [primaryKey({ columns: [t.hour, t.queueId, t.agentId] })],
);

export const inboundQueueDays = pgTable(
  'inbound_queue_days',
  { ...narrowDims(), day: integer('day').notNull(), ...inboundQueueCounters() },
  (t) => [
    primaryKey({ columns: [t.queueId, t.agentId, t.day] }),
    index('inbound_queue_days_trend').on(t.day, t.queueId, t.agentId, t.answered, t.connectedMs),
  ],
);

export const inboundQueueMonths = pgTable(
  'inbound_queue_months',
  { ...narrowDims(), month: integer('month').notNull(), ...inboundQueueCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.agentId, t.month] })],
);

export const inboundQueueKeys = pgTable('inbound_queue_keys', narrowDims(), (t) => [primaryKey({ columns: [t.queueId, t.agentId] })]);

export const wrapupQueueBuckets = pgTable(
  'wrapup_queue_buckets',
  { bucket: bigint('bucket', { mode: 'number' }).notNull(), ...narrowDims(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.bucket, t.queueId, t.agentId] })],
);

export const wrapupQueueHours = pgTable(
  'wrapup_queue_hours',
  { hour: bigint('hour', { mode: 'number' }).notNull(), ...narrowDims(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.hour, t.queueId, t.agentId] })],
);

export const wrapupQueueDays = pgTable(
  'wrapup_queue_days',
  { ...narrowDims(), day: integer('day').notNull(), ...wrapupCounters() },
  (t) => [
    primaryKey({ columns: [t.queueId, t.agentId, t.day] }),
    index('wrapup_queue_days_trend').on(t.day, t.queueId, t.agentId, t.completed, t.wrapupMs),
  ],
);

export const wrapupQueueMonths = pgTable(
  'wrapup_queue_months',
  { ...narrowDims(), month: integer('month').notNull(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.agentId, t.month] })],
);

export const wrapupQueueKeys = pgTable('wrapup_queue_keys', narrowDims(), (t) => [primaryKey({ columns: [t.queueId, t.agentId] })]);

/**
 * What the rollups were built with: `version` (of the definitions), `time_zone` (of days and months),
 * `thresholds` (queues' service-level settings), `sealed_before` (the seal line, server/history/day-sealing.ts).
 */
export const rollupMeta = pgTable('rollup_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
