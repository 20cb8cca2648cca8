import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey(),
    agentId: text('agent_id').notNull(),
    supervisorId: text('supervisor_id').notNull(),
    sender: text('sender', { enum: ['supervisor', 'agent'] }).notNull(),
    body: text('body').notNull(),
    sentAt: integer('sent_at').notNull(),
    readAt: integer('read_at'),
  },
  (t) => [index('messages_conversation').on(t.agentId, t.supervisorId, t.id)],
);
