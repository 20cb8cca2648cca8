import { bigint, doublePrecision, index, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * Alerts (server/alerts/): raised by a rule on a queue or an agent, cleared when its
 * condition has passed, acknowledged by one supervisor for everyone. Kept after they
 * clear: `GET /alerts` is their history.
 */
export const alerts = pgTable(
  'alerts',
  {
    /** Raising order: also the id clients see. */
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    rule: text('rule').notNull(),
    queueId: text('queue_id'),
    agentId: text('agent_id'),
    /** The rule's limit when raised, in the rule's unit (count, seconds, share 0–1). */
    threshold: doublePrecision('threshold').notNull(),
    /** The figure that crossed it, when raised. */
    value: doublePrecision('value').notNull(),
    raisedAt: bigint('raised_at', { mode: 'number' }).notNull(),
    clearedAt: bigint('cleared_at', { mode: 'number' }),
    ackedBy: text('acked_by'),
    ackedAt: bigint('acked_at', { mode: 'number' }),
    /** What an agent who raised a hand wrote, if anything. */
    note: text('note'),
  },
  (t) => [index('alerts_raised').on(t.raisedAt), index('alerts_open').on(t.clearedAt)],
);
