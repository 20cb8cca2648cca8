import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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
// The migration creates these tables WITHOUT ROWID (drizzle cannot say so): rows
// live in the primary-key b-tree, halving the reads.

const agentQueueCounters = () => ({
  answered: integer('answered').notNull(),
  bounced: integer('bounced').notNull(),
  abandoned: integer('abandoned').notNull(),
  otherUnanswered: integer('other_unanswered').notNull(),
  ringMs: integer('ring_ms').notNull(),
  connectedMs: integer('connected_ms').notNull(),
  holdMs: integer('hold_ms').notNull(),
});

const agentQueueDims = () => ({
  agentId: text('agent_id').notNull(),
  /** '' for no queue (outbound). */
  queueId: text('queue_id').notNull(),
  direction: text('direction', { enum: ['inbound', 'outbound'] }).notNull(),
});

export const agentQueueBuckets = sqliteTable(
  'agent_queue_buckets',
  { bucket: integer('bucket').notNull(), ...agentQueueDims(), ...agentQueueCounters() },
  (t) => [primaryKey({ columns: [t.bucket, t.agentId, t.queueId, t.direction] })],
);

export const agentQueueHours = sqliteTable(
  'agent_queue_hours',
  { hour: integer('hour').notNull(), ...agentQueueDims(), ...agentQueueCounters() },
  (t) => [primaryKey({ columns: [t.hour, t.agentId, t.queueId, t.direction] })],
);

export const agentQueueDays = sqliteTable(
  'agent_queue_days',
  { ...agentQueueDims(), day: integer('day').notNull(), ...agentQueueCounters() },
  (t) => [primaryKey({ columns: [t.agentId, t.queueId, t.direction, t.day] })],
);

export const agentQueueMonths = sqliteTable(
  'agent_queue_months',
  { ...agentQueueDims(), month: integer('month').notNull(), ...agentQueueCounters() },
  (t) => [primaryKey({ columns: [t.agentId, t.queueId, t.direction, t.month] })],
);

export const agentQueueKeys = sqliteTable('agent_queue_keys', agentQueueDims(), (t) => [
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
  answeredQueueMs: integer('answered_queue_ms').notNull(),
  holdMs: integer('hold_ms').notNull(),
  connectedMs: integer('connected_ms').notNull(),
  handleMs: integer('handle_ms').notNull(),
});

export const queueBuckets = sqliteTable(
  'queue_buckets',
  { bucket: integer('bucket').notNull(), queueId: text('queue_id').notNull(), ...queueCounters() },
  (t) => [primaryKey({ columns: [t.bucket, t.queueId] })],
);

export const queueHours = sqliteTable(
  'queue_hours',
  { hour: integer('hour').notNull(), queueId: text('queue_id').notNull(), ...queueCounters() },
  (t) => [primaryKey({ columns: [t.hour, t.queueId] })],
);

export const queueDays = sqliteTable(
  'queue_days',
  { queueId: text('queue_id').notNull(), day: integer('day').notNull(), ...queueCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.day] }), index('queue_days_trend').on(t.day, t.queueId, t.answered, t.abandoned, t.other)],
);

export const queueMonths = sqliteTable(
  'queue_months',
  { queueId: text('queue_id').notNull(), month: integer('month').notNull(), ...queueCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.month] })],
);

export const queueKeys = sqliteTable('queue_keys', { queueId: text('queue_id').primaryKey() });

const wrapupCounters = () => ({
  completed: integer('completed').notNull(),
  wrapupMs: integer('wrapup_ms').notNull(),
});

const wrapupAgentDims = () => ({
  agentId: text('agent_id').notNull(),
  /** '' for no queue (outbound). */
  queueId: text('queue_id').notNull(),
});

export const wrapupAgentBuckets = sqliteTable(
  'wrapup_agent_buckets',
  { bucket: integer('bucket').notNull(), ...wrapupAgentDims(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.bucket, t.agentId, t.queueId] })],
);

export const wrapupAgentHours = sqliteTable(
  'wrapup_agent_hours',
  { hour: integer('hour').notNull(), ...wrapupAgentDims(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.hour, t.agentId, t.queueId] })],
);

export const wrapupAgentDays = sqliteTable(
  'wrapup_agent_days',
  { ...wrapupAgentDims(), day: integer('day').notNull(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.agentId, t.queueId, t.day] })],
);

export const wrapupAgentMonths = sqliteTable(
  'wrapup_agent_months',
  { ...wrapupAgentDims(), month: integer('month').notNull(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.agentId, t.queueId, t.month] })],
);

export const wrapupAgentKeys = sqliteTable('wrapup_agent_keys', wrapupAgentDims(), (t) => [
  primaryKey({ columns: [t.agentId, t.queueId] }),
]);

const wrapupReasonDims = () => ({
  /** '' for no queue (outbound). */
  queueId: text('queue_id').notNull(),
  reasonId: text('reason_id').notNull(),
  /** Only for wrap-ups with no queue (scoped by agent); '' otherwise. */
  agentId: text('agent_id').notNull(),
});

export const wrapupReasonBuckets = sqliteTable(
  'wrapup_reason_buckets',
  { bucket: integer('bucket').notNull(), ...wrapupReasonDims(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.bucket, t.queueId, t.reasonId, t.agentId] })],
);

export const wrapupReasonHours = sqliteTable(
  'wrapup_reason_hours',
  { hour: integer('hour').notNull(), ...wrapupReasonDims(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.hour, t.queueId, t.reasonId, t.agentId] })],
);

export const wrapupReasonDays = sqliteTable(
  'wrapup_reason_days',
  { ...wrapupReasonDims(), day: integer('day').notNull(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.reasonId, t.agentId, t.day] })],
);

export const wrapupReasonMonths = sqliteTable(
  'wrapup_reason_months',
  { ...wrapupReasonDims(), month: integer('month').notNull(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.reasonId, t.agentId, t.month] })],
);

export const wrapupReasonKeys = sqliteTable('wrapup_reason_keys', wrapupReasonDims(), (t) => [
  primaryKey({ columns: [t.queueId, t.reasonId, t.agentId] }),
]);

const wrapupReasonTotalDims = () => ({
  /** '' for no queue (outbound). */
  queueId: text('queue_id').notNull(),
  reasonId: text('reason_id').notNull(),
});

export const wrapupReasonTotalBuckets = sqliteTable(
  'wrapup_reason_total_buckets',
  { bucket: integer('bucket').notNull(), ...wrapupReasonTotalDims(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.bucket, t.queueId, t.reasonId] })],
);

export const wrapupReasonTotalHours = sqliteTable(
  'wrapup_reason_total_hours',
  { hour: integer('hour').notNull(), ...wrapupReasonTotalDims(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.hour, t.queueId, t.reasonId] })],
);

export const wrapupReasonTotalDays = sqliteTable(
  'wrapup_reason_total_days',
  { ...wrapupReasonTotalDims(), day: integer('day').notNull(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.reasonId, t.day] })],
);

export const wrapupReasonTotalMonths = sqliteTable(
  'wrapup_reason_total_months',
  { ...wrapupReasonTotalDims(), month: integer('month').notNull(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.reasonId, t.month] })],
);

export const wrapupReasonTotalKeys = sqliteTable('wrapup_reason_total_keys', wrapupReasonTotalDims(), (t) => [
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
  connectedMs: integer('connected_ms').notNull(),
});

export const inboundQueueBuckets = sqliteTable(
  'inbound_queue_buckets',
  { bucket: integer('bucket').notNull(), ...narrowDims(), ...inboundQueueCounters() },
  (t) => [primaryKey({ columns: [t.bucket, t.queueId, t.agentId] })],
);

export const inboundQueueHours = sqliteTable(
  'inbound_queue_hours',
  { hour: integer('hour').notNull(), ...narrowDims(), ...inboundQueueCounters() },
  (t) => [primaryKey({ columns: [t.hour, t.queueId, t.agentId] })],
);

export const inboundQueueDays = sqliteTable(
  'inbound_queue_days',
  { ...narrowDims(), day: integer('day').notNull(), ...inboundQueueCounters() },
  (t) => [
    primaryKey({ columns: [t.queueId, t.agentId, t.day] }),
    index('inbound_queue_days_trend').on(t.day, t.queueId, t.agentId, t.answered, t.connectedMs),
  ],
);

export const inboundQueueMonths = sqliteTable(
  'inbound_queue_months',
  { ...narrowDims(), month: integer('month').notNull(), ...inboundQueueCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.agentId, t.month] })],
);

export const inboundQueueKeys = sqliteTable('inbound_queue_keys', narrowDims(), (t) => [primaryKey({ columns: [t.queueId, t.agentId] })]);

export const wrapupQueueBuckets = sqliteTable(
  'wrapup_queue_buckets',
  { bucket: integer('bucket').notNull(), ...narrowDims(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.bucket, t.queueId, t.agentId] })],
);

export const wrapupQueueHours = sqliteTable(
  'wrapup_queue_hours',
  { hour: integer('hour').notNull(), ...narrowDims(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.hour, t.queueId, t.agentId] })],
);

export const wrapupQueueDays = sqliteTable(
  'wrapup_queue_days',
  { ...narrowDims(), day: integer('day').notNull(), ...wrapupCounters() },
  (t) => [
    primaryKey({ columns: [t.queueId, t.agentId, t.day] }),
    index('wrapup_queue_days_trend').on(t.day, t.queueId, t.agentId, t.completed, t.wrapupMs),
  ],
);

export const wrapupQueueMonths = sqliteTable(
  'wrapup_queue_months',
  { ...narrowDims(), month: integer('month').notNull(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.agentId, t.month] })],
);

export const wrapupQueueKeys = sqliteTable('wrapup_queue_keys', narrowDims(), (t) => [primaryKey({ columns: [t.queueId, t.agentId] })]);

/**
 * What the rollups were built with: `version` (of the definitions), `time_zone` (of days and months),
 * `thresholds` (queues' service-level settings), `sealed_before` (the seal line, server/history/day-sealing.ts).
 */
export const rollupMeta = sqliteTable('rollup_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
