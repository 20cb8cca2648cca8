import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Every accepted event, once. `seq` is the arrival order; `id` makes posting idempotent. */
export const events = sqliteTable(
  'events',
  {
    seq: integer('seq').primaryKey(),
    id: text('id').notNull(),
    type: text('type').notNull(),
    at: integer('at').notNull(),
    agentId: text('agent_id'),
    callId: text('call_id'),
    queueId: text('queue_id'),
    /** The remaining fields of the event, as JSON; null when there are none. */
    data: text('data'),
  },
  (t) => [uniqueIndex('events_id').on(t.id), index('events_at').on(t.at), index('events_call').on(t.callId)],
);

/** Floor projection checkpoint: everything up to `watermark` among events up to `lastSeq`. */
export const floorSnapshots = sqliteTable('floor_snapshots', {
  id: integer('id').primaryKey(),
  lastSeq: integer('last_seq').notNull(),
  watermark: integer('watermark').notNull(),
  state: text('state').notNull(),
  savedAt: integer('saved_at').notNull(),
});
