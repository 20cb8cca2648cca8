import { desc, lt } from 'drizzle-orm';
import type { DirectoryAction, DirectoryChange, DirectoryChangePage, DirectoryResource } from '../../contract/admin.js';
import type { Db } from '../db/client.js';
import { directoryChanges } from '../db/schema/directory-changes.js';

export interface Actor {
  id: string;
  name: string;
}

/** The audit of directory administration: written in the change's own transaction, read newest first by pages. */
export class DirectoryChanges {
  constructor(
    private readonly db: Db,
    private readonly clock: () => number = Date.now,
  ) {}

  record(actor: Actor, action: DirectoryAction, resource: DirectoryResource, resourceId: string, before: object | null, after: object | null): void {
    this.db
      .insert(directoryChanges)
      .values({
        at: this.clock(),
        actorId: actor.id,
        actorName: actor.name,
        action,
        resource,
        resourceId,
        before: before as Record<string, unknown> | null,
        after: after as Record<string, unknown> | null,
      })
      .run();
  }

  page(query: { before?: number | undefined; limit: number }): DirectoryChangePage {
    const base = this.db.select().from(directoryChanges);
    const rows = (query.before === undefined ? base : base.where(lt(directoryChanges.id, query.before)))
      .orderBy(desc(directoryChanges.id))
      .limit(query.limit + 1)
      .all();
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
