import { bigint, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';

/** Every accepted event, once. `seq` is the arrival order; `id` makes posting idempotent. */
export const events = pgTable(
  'events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    id: text('id').notNull(),
    type: text('type').notNull(),
    at: bigint('at', { mode: 'number' }).notNull(),
    agentId: text('agent_id'),
    callId: text('call_id'),
    queueId: text('queue_id'),
    /** The remaining fields of the event, as JSON; null when there are none. */
    data: text('data'),
  },
  (t) => [uniqueIndex('events_id').on(t.id), index('events_at').on(t.at), index('events_call').on(t.callId)],
);

/** Floor projection checkpoint: everything up to `watermark` among events up to `lastSeq`. */
export const floorSnapshots = pgTable('floor_snapshots', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  watermark: bigint('watermark', { mode: 'number' }).notNull(),
  state: text('state').notNull(),
  savedAt: bigint('saved_at', { mode: 'number' }).notNull(),
});
