import { bigint, index, pgTable, text } from 'drizzle-orm/pg-core';

/** What supervisors did: every command sent, refused or failed. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    at: bigint('at', { mode: 'number' }).notNull(),
    supervisorId: text('supervisor_id').notNull(),
    action: text('action').notNull(),
    agentId: text('agent_id'),
    queueId: text('queue_id'),
    detail: text('detail'),
    /** sent | refused | failed */
    outcome: text('outcome', { enum: ['sent', 'refused', 'failed'] }).notNull(),
    message: text('message'),
  },
  (t) => [index('audit_log_at').on(t.at), index('audit_log_supervisor').on(t.supervisorId, t.at)],
);
