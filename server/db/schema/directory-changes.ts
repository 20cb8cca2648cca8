import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { DirectoryAction, DirectoryResource } from '../../../contract/admin.js';

/** The audit of directory administration: who changed what, and the entry before → after, as the admin API shows it. */
export const directoryChanges = sqliteTable('directory_changes', {
  id: integer('id').primaryKey(),
  at: integer('at').notNull(),
  actorId: text('actor_id').notNull(),
  /** As named when they made the change. */
  actorName: text('actor_name').notNull(),
  action: text('action').$type<DirectoryAction>().notNull(),
  resource: text('resource').$type<DirectoryResource>().notNull(),
  resourceId: text('resource_id').notNull(),
  before: text('before', { mode: 'json' }).$type<Record<string, unknown>>(),
  after: text('after', { mode: 'json' }).$type<Record<string, unknown>>(),
});

/** The directory file as last imported (one row): a start imports it again only when its content changed (README, "Directory"). */
export const directoryFileImports = sqliteTable('directory_file_imports', {
  sha256: text('sha256').primaryKey(),
  importedAt: integer('imported_at').notNull(),
});
