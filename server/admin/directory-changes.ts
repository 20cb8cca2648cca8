import { desc, lt } from 'drizzle-orm';
import type { DirectoryAction, DirectoryChange, DirectoryChangePage, DirectoryResource } from '../../contract/admin.js';
import type { Store } from '../db/store.js';

export interface Actor {
  id: string;
  name: string;
}

/** The audit of directory administration: written in the change's own transaction, read newest first by pages. */
export class DirectoryChanges {
  constructor(
    private readonly store: Store,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Written through `tx`, the change's transaction: the entry and its audit are kept or lost together. */
  async record(tx: Store, actor: Actor, action: DirectoryAction, resource: DirectoryResource, resourceId: string, before: object | null, after: object | null): Promise<void> {
    await tx.db.insert(tx.tables.directoryChanges).values({
      at: this.clock(),
      actorId: actor.id,
      actorName: actor.name,
      action,
      resource,
      resourceId,
      before: before as Record<string, unknown> | null,
      after: after as Record<string, unknown> | null,
    });
  }

  async page(query: { before?: number | undefined; limit: number }): Promise<DirectoryChangePage> {
    const { directoryChanges } = this.store.tables;
    const rows = await this.store.db
      .select()
      .from(directoryChanges)
      .where(query.before === undefined ? undefined : lt(directoryChanges.id, query.before))
      .orderBy(desc(directoryChanges.id))
      .limit(query.limit + 1);
    const entries: DirectoryChange[] = rows.slice(0, query.limit).map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      actor: { id: r.actorId, name: r.actorName },
      action: r.action,
      resource: r.resource,
      resourceId: r.resourceId,
      before: r.before,
      after: r.after,
    }));
    return { entries, nextBefore: rows.length > query.limit ? entries.at(-1)!.id : null };
  }
}
