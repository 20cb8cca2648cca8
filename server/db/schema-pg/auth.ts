import { bigint, index, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { queues } from './directory.js';

/** An admin's record of a key or token: what it is for, when made, when revoked (epoch ms; null for one from the directory file / while it works). */
const issued = () => ({ label: text('label'), createdAt: bigint('created_at', { mode: 'number' }), revokedAt: bigint('revoked_at', { mode: 'number' }) });

/** Integration keys and display tokens: high-entropy secrets, stored as SHA-256. */
export const integrationKeys = pgTable(
  'integration_keys',
  {
    id: text('id').primaryKey(),
    secretHash: text('secret_hash').notNull(),
    ...issued(),
  },
  (t) => [uniqueIndex('integration_keys_secret').on(t.secretHash)],
);

export const displayTokens = pgTable(
  'display_tokens',
  {
    id: text('id').primaryKey(),
    secretHash: text('secret_hash').notNull(),
    ...issued(),
  },
  (t) => [uniqueIndex('display_tokens_secret').on(t.secretHash)],
);

export const displayTokenQueues = pgTable(
  'display_token_queues',
  {
    tokenId: text('token_id').notNull().references(() => displayTokens.id),
    queueId: text('queue_id').notNull().references(() => queues.id),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.queueId] })],
);

/**
 * Sign-in sessions and short-lived stream tickets. `id` is the SHA-256 of the
 * token the client holds, so a leaked database cannot be replayed.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['supervisor', 'display', 'stream_ticket', 'agent'] }).notNull(),
    principalId: text('principal_id').notNull(),
    /** For a stream ticket: the session it was issued from, revoked with it. */
    parentId: text('parent_id'),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    expiresAt: bigint('expires_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('sessions_expires').on(t.expiresAt)],
);
