import { bigint, index, pgTable, text } from 'drizzle-orm/pg-core';

export const messages = pgTable(
  'messages',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    agentId: text('agent_id').notNull(),
    supervisorId: text('supervisor_id').notNull(),
    sender: text('sender', { enum: ['supervisor', 'agent'] }).notNull(),
    body: text('body').notNull(),
    sentAt: bigint('sent_at', { mode: 'number' }).notNull(),
    readAt: bigint('read_at', { mode: 'number' }),
  },
  (t) => [index('messages_conversation').on(t.agentId, t.supervisorId, t.id)],
);
