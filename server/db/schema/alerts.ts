import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Alerts (server/alerts/): raised by a rule on a queue or an agent, cleared when its
 * condition has passed, acknowledged by one supervisor for everyone. Kept after they
 * clear: `GET /alerts` is their history.
 */
export const alerts = sqliteTable(
  'alerts',
  {
    /** Raising order: also the id clients see. */
    seq: integer('seq').primaryKey(),
    rule: text('rule').notNull(),
    queueId: text('queue_id'),
    agentId: text('agent_id'),
    /** The rule's limit when raised, in the rule's unit (count, seconds, share 0–1). */
    threshold: real('threshold').notNull(),
    /** The figure that crossed it, when raised. */
    value: real('value').notNull(),
    raisedAt: integer('raised_at').notNull(),
    clearedAt: integer('cleared_at'),
    ackedBy: text('acked_by'),
    ackedAt: integer('acked_at'),
    /** What an agent who raised a hand wrote, if anything. */
    note: text('note'),
  },
  (t) => [index('alerts_raised').on(t.raisedAt), index('alerts_open').on(t.clearedAt)],
);
