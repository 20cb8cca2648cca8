import { bigint, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

// Agent time's rollups, laid out as rollups.ts says: how long agents were staffed
// (signed in; per queue: and joined) and idle (available, no call, no wrap-up),
// accounted from the agents' state over time (server/domain/agent-time.ts).
// Queue '' is the agent's time whatever the queue.

const agentTimeCounters = () => ({
  staffedMs: bigint('staffed_ms', { mode: 'number' }).notNull(),
  idleMs: bigint('idle_ms', { mode: 'number' }).notNull(),
});

const agentTimeDims = () => ({
  agentId: text('agent_id').notNull(),
  /** '' for the agent's time whatever the queue. */
  queueId: text('queue_id').notNull(),
});

export const agentTimeBuckets = pgTable(
  'agent_time_buckets',
  { bucket: bigint('bucket', { mode: 'number' }).notNull(), ...agentTimeDims(), ...agentTimeCounters() },
  (t) => [primaryKey({ columns: [t.bucket, t.agentId, t.queueId] })],
);

export const agentTimeHours = pgTable(
  'agent_time_hours',
  { hour: bigint('hour', { mode: 'number' }).notNull(), ...agentTimeDims(), ...agentTimeCounters() },
  (t) => [primaryKey({ columns: [t.hour, t.agentId, t.queueId] })],
);

export const agentTimeDays = pgTable(
  'agent_time_days',
  { ...agentTimeDims(), day: integer('day').notNull(), ...agentTimeCounters() },
  (t) => [primaryKey({ columns: [t.agentId, t.queueId, t.day] })],
);

export const agentTimeMonths = pgTable(
  'agent_time_months',
  { ...agentTimeDims(), month: integer('month').notNull(), ...agentTimeCounters() },
  (t) => [primaryKey({ columns: [t.agentId, t.queueId, t.month] })],
);

export const agentTimeKeys = pgTable('agent_time_keys', agentTimeDims(), (t) => [primaryKey({ columns: [t.agentId, t.queueId] })]);

/** The same added over agents, per queue: what queue history's staffed agents read. */
export const queueTimeBuckets = pgTable(
  'queue_time_buckets',
  { bucket: bigint('bucket', { mode: 'number' }).notNull(), queueId: text('queue_id').notNull(), ...agentTimeCounters() },
  (t) => [primaryKey({ columns: [t.bucket, t.queueId] })],
);

export const queueTimeHours = pgTable(
  'queue_time_hours',
  { hour: bigint('hour', { mode: 'number' }).notNull(), queueId: text('queue_id').notNull(), ...agentTimeCounters() },
  (t) => [primaryKey({ columns: [t.hour, t.queueId] })],
);

export const queueTimeDays = pgTable(
  'queue_time_days',
  { queueId: text('queue_id').notNull(), day: integer('day').notNull(), ...agentTimeCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.day] }), index('queue_time_days_trend').on(t.day, t.queueId, t.staffedMs, t.idleMs)],
);

export const queueTimeMonths = pgTable(
  'queue_time_months',
  { queueId: text('queue_id').notNull(), month: integer('month').notNull(), ...agentTimeCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.month] })],
);

export const queueTimeKeys = pgTable('queue_time_keys', { queueId: text('queue_id').primaryKey() });
