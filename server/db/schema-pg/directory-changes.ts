import { bigint, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import type { DirectoryAction, DirectoryResource } from '../../../contract/admin.js';

/** The audit of directory administration: who changed what, and the entry before → after, as the admin API shows it. */
export const directoryChanges = pgTable('directory_changes', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  at: bigint('at', { mode: 'number' }).notNull(),
  actorId: text('actor_id').notNull(),
  /** As named when they made the change. */
  actorName: text('actor_name').notNull(),
  action: text('action').$type<DirectoryAction>().notNull(),
  resource: text('resource').$type<DirectoryResource>().notNull(),
  resourceId: text('resource_id').notNull(),
  before: jsonb('before').$type<Record<string, unknown>>(),
  after: jsonb('after').$type<Record<string, unknown>>(),
});

/** The directory file as last imported (one row): a start imports it again only when its content changed (README, "Directory"). */
export const directoryFileImports = pgTable('directory_file_imports', {
  sha256: text('sha256').primaryKey(),
  importedAt: bigint('imported_at', { mode: 'number' }).notNull(),
});
