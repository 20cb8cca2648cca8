import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// Agent time's rollups, laid out as rollups.ts says: how long agents were staffed
// (signed in; per queue: and joined) and idle (available, no call, no wrap-up),
// accounted from the agents' state over time (server/domain/agent-time.ts).
// Queue '' is the agent's time whatever the queue.

const agentTimeCounters = () => ({
  staffedMs: integer('staffed_ms').notNull(),
  idleMs: integer('idle_ms').notNull(),
});

const agentTimeDims = () => ({
  agentId: text('agent_id').notNull(),
  /** '' for the agent's time whatever the queue. */
  queueId: text('queue_id').notNull(),
});

export const agentTimeBuckets = sqliteTable(
  'agent_time_buckets',
  { bucket: integer('bucket').notNull(), ...agentTimeDims(), ...agentTimeCounters() },
  (t) => [primaryKey({ columns: [t.bucket, t.agentId, t.queueId] })],
);

export const agentTimeHours = sqliteTable(
  'agent_time_hours',
  { hour: integer('hour').notNull(), ...agentTimeDims(), ...agentTimeCounters() },
  (t) => [primaryKey({ columns: [t.hour, t.agentId, t.queueId] })],
);

export const agentTimeDays = sqliteTable(
  'agent_time_days',
  { ...agentTimeDims(), day: integer('day').notNull(), ...agentTimeCounters() },
  (t) => [primaryKey({ columns: [t.agentId, t.queueId, t.day] })],
);

export const agentTimeMonths = sqliteTable(
  'agent_time_months',
  { ...agentTimeDims(), month: integer('month').notNull(), ...agentTimeCounters() },
  (t) => [primaryKey({ columns: [t.agentId, t.queueId, t.month] })],
);

export const agentTimeKeys = sqliteTable('agent_time_keys', agentTimeDims(), (t) => [primaryKey({ columns: [t.agentId, t.queueId] })]);

/** The same added over agents, per queue: what queue history's staffed agents read. */
export const queueTimeBuckets = sqliteTable(
  'queue_time_buckets',
  { bucket: integer('bucket').notNull(), queueId: text('queue_id').notNull(), ...agentTimeCounters() },
  (t) => [primaryKey({ columns: [t.bucket, t.queueId] })],
);

export const queueTimeHours = sqliteTable(
  'queue_time_hours',
  { hour: integer('hour').notNull(), queueId: text('queue_id').notNull(), ...agentTimeCounters() },
  (t) => [primaryKey({ columns: [t.hour, t.queueId] })],
);

export const queueTimeDays = sqliteTable(
  'queue_time_days',
  { queueId: text('queue_id').notNull(), day: integer('day').notNull(), ...agentTimeCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.day] }), index('queue_time_days_trend').on(t.day, t.queueId, t.staffedMs, t.idleMs)],
);

export const queueTimeMonths = sqliteTable(
  'queue_time_months',
  { queueId: text('queue_id').notNull(), month: integer('month').notNull(), ...agentTimeCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.month] })],
);

export const queueTimeKeys = sqliteTable('queue_time_keys', { queueId: text('queue_id').primaryKey() });
