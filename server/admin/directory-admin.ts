import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  AdminQueue,
  AdminWrapupReason,
  createDisplayTokenBody,
  createIntegrationKeyBody,
  createQueueBody,
  createWrapupReasonBody,
  DirectoryResource,
  DisplayToken,
  IntegrationKey,
  updateDisplayTokenBody,
  updateIntegrationKeyBody,
  updateQueueBody,
  updateWrapupReasonBody,
} from '../../contract/admin.js';
import type { AuthService } from '../auth/auth-service.js';
import type { Db } from '../db/client.js';
import { displayTokenQueues, displayTokens, integrationKeys } from '../db/schema/auth.js';
import { locations, queues, wrapupReasons } from '../db/schema/directory.js';
import type { Directory } from '../directory/directory.js';
import { waitingByQueue } from '../domain/live-rows.js';
import type { LiveFloor } from '../floor/live-floor.js';
import { conflict, notFound } from '../lib/errors.js';
import { newToken, sha256 } from '../lib/secrets.js';
import { adminDisplayTokens, adminIntegrationKeys, adminQueues, adminWrapupReasons } from './admin-views.js';
import type { Actor, DirectoryChanges } from './directory-changes.js';

/** A request body as its schema delivers it (defaults applied). */
type Body<S extends z.ZodType> = z.output<S>;

/**
 * Directory administration: every change checked, written with its audit entry in one
 * transaction, then the one Directory reloaded so every service sees it at once (its listeners
 * rescope the open streams). Agents and supervisors are in people-admin.ts, beside this.
 */
export class DirectoryAdmin {
  constructor(
    readonly db: Db,
    readonly directory: Directory,
    private readonly floor: LiveFloor,
    readonly auth: AuthService,
    readonly changes: DirectoryChanges,
    readonly clock: () => number = Date.now,
  ) {}

  /**
   * Writes a change and its audit entry (the entry as `read` shows it before and after), then makes it
   * live. A create has no before; a change that changes nothing is neither written nor audited.
   */
  commit<T extends object>(actor: Actor, action: 'create' | 'update' | 'retire' | 'revoke', resource: DirectoryResource, id: string, read: () => T | undefined, write: () => void): T {
    const before = action === 'create' ? null : (read() ?? null);
    const after = this.db.transaction(() => {
      write();
      const now = read()!;
      if (JSON.stringify(now) !== JSON.stringify(before)) this.changes.record(actor, action, resource, id, before, now);
      return now;
    });
    this.directory.reload(this.db);
    return after;
  }

  /** The entry named, refused when unknown (404) or, for a change, retired or revoked (409). */
  existing<T extends { retiredAt?: string | null; revokedAt?: string | null }>(what: string, id: string, entry: T | undefined): T {
    if (!entry) throw notFound(`${what} "${id}"`);
    if (entry.retiredAt) throw conflict('retired', `${what} "${id}" is retired.`);
    if (entry.revokedAt) throw conflict('revoked', `${what} "${id}" is revoked.`);
    return entry;
  }

  /** 409 when the id names an entry of that kind already, retired ones included (history keeps their id). */
  freshId(what: string, id: string, found: unknown): void {
    if (found) throw conflict('id_in_use', `${what} id "${id}" is in use (perhaps by a retired one).`);
  }

  /** 409 naming every queue of the list that is not in use. */
  queuesInUse(list: readonly string[] | undefined): void {
    const unknown = (list ?? []).filter((q) => !this.directory.queues.has(q));
    if (unknown.length > 0) throw conflict('unknown_queue', `Not a queue in use: ${unknown.map((q) => `"${q}"`).join(', ')}.`);
  }

  /** A location named on a queue or an agent joins the list of locations (statistics filter by it). */
  noteLocation(location: string | null | undefined): void {
    if (location) this.db.insert(locations).values({ name: location }).onConflictDoNothing().run();
  }

  // ── Queues ──

  createQueue(actor: Actor, body: Body<typeof createQueueBody>): AdminQueue {
    this.freshId('Queue', body.id, adminQueues(this.db, body.id)[0]);
    return this.commit(actor, 'create', 'queue', body.id, () => adminQueues(this.db, body.id)[0], () => {
      this.noteLocation(body.location);
      this.db
        .insert(queues)
        .values({ id: body.id, name: body.name, names: body.names ?? {}, location: body.location ?? null, serviceLevelSeconds: body.serviceLevelSeconds, shortAbandonSeconds: body.shortAbandonSeconds, serviceLevelTarget: body.serviceLevelTarget })
        .run();
    });
  }

  updateQueue(actor: Actor, id: string, body: Body<typeof updateQueueBody>): AdminQueue {
    const current = this.existing('Queue', id, adminQueues(this.db, id)[0]);
    if (Object.keys(body).length === 0) return current;
    return this.commit(actor, 'update', 'queue', id, () => adminQueues(this.db, id)[0], () => {
      this.noteLocation(body.location);
      this.db.update(queues).set(body).where(eq(queues.id, id)).run();
    });
  }

  retireQueue(actor: Actor, id: string): AdminQueue {
    this.existing('Queue', id, adminQueues(this.db, id)[0]);
    const waiting = waitingByQueue(this.floor.state).get(id)?.count ?? 0;
    if (waiting > 0) throw conflict('calls_waiting', `Queue "${id}" has ${waiting} call(s) waiting; retire it once they are answered or gone.`);
    return this.commit(actor, 'retire', 'queue', id, () => adminQueues(this.db, id)[0], () => {
      this.db.update(queues).set({ retiredAt: this.clock() }).where(eq(queues.id, id)).run();
    });
  }

  // ── Wrap-up reasons ──

  createWrapupReason(actor: Actor, body: Body<typeof createWrapupReasonBody>): AdminWrapupReason {
    this.freshId('Wrap-up reason', body.id, adminWrapupReasons(this.db, body.id)[0]);
    return this.commit(actor, 'create', 'wrapupReason', body.id, () => adminWrapupReasons(this.db, body.id)[0], () => {
      this.db.insert(wrapupReasons).values({ id: body.id, name: body.name, names: body.names ?? {} }).run();
    });
  }

  updateWrapupReason(actor: Actor, id: string, body: Body<typeof updateWrapupReasonBody>): AdminWrapupReason {
    const current = this.existing('Wrap-up reason', id, adminWrapupReasons(this.db, id)[0]);
    if (Object.keys(body).length === 0) return current;
    return this.commit(actor, 'update', 'wrapupReason', id, () => adminWrapupReasons(this.db, id)[0], () => {
      this.db.update(wrapupReasons).set(body).where(eq(wrapupReasons.id, id)).run();
    });
  }

  retireWrapupReason(actor: Actor, id: string): AdminWrapupReason {
    this.existing('Wrap-up reason', id, adminWrapupReasons(this.db, id)[0]);
    return this.commit(actor, 'retire', 'wrapupReason', id, () => adminWrapupReasons(this.db, id)[0], () => {
      this.db.update(wrapupReasons).set({ retiredAt: this.clock() }).where(eq(wrapupReasons.id, id)).run();
    });
  }

  // ── Integration keys and display tokens: the secret is made here, shown once, stored hashed ──

  createIntegrationKey(actor: Actor, body: Body<typeof createIntegrationKeyBody>): { integrationKey: IntegrationKey; secret: string } {
    this.freshId('Integration key', body.id, adminIntegrationKeys(this.db, body.id)[0]);
    const secret = newToken();
    const integrationKey = this.commit(actor, 'create', 'integrationKey', body.id, () => adminIntegrationKeys(this.db, body.id)[0], () => {
      this.db.insert(integrationKeys).values({ id: body.id, label: body.label, secretHash: sha256(secret), createdAt: this.clock() }).run();
    });
    return { integrationKey, secret };
  }

  updateIntegrationKey(actor: Actor, id: string, body: Body<typeof updateIntegrationKeyBody>): IntegrationKey {
    const current = this.existing('Integration key', id, adminIntegrationKeys(this.db, id)[0]);
    if (body.label === undefined) return current;
    return this.commit(actor, 'update', 'integrationKey', id, () => adminIntegrationKeys(this.db, id)[0], () => {
      this.db.update(integrationKeys).set({ label: body.label }).where(eq(integrationKeys.id, id)).run();
    });
  }

  /** Ingestion with the key is refused from the next request on. */
  revokeIntegrationKey(actor: Actor, id: string): IntegrationKey {
    this.existing('Integration key', id, adminIntegrationKeys(this.db, id)[0]);
    return this.commit(actor, 'revoke', 'integrationKey', id, () => adminIntegrationKeys(this.db, id)[0], () => {
      this.db.update(integrationKeys).set({ revokedAt: this.clock() }).where(and(eq(integrationKeys.id, id), isNull(integrationKeys.revokedAt))).run();
    });
  }

  createDisplayToken(actor: Actor, body: Body<typeof createDisplayTokenBody>): { displayToken: DisplayToken; secret: string } {
    this.freshId('Display token', body.id, adminDisplayTokens(this.db, body.id)[0]);
    this.queuesInUse(body.queues);
    const secret = newToken();
    const displayToken = this.commit(actor, 'create', 'displayToken', body.id, () => adminDisplayTokens(this.db, body.id)[0], () => {
      this.db.insert(displayTokens).values({ id: body.id, label: body.label, secretHash: sha256(secret), createdAt: this.clock() }).run();
      this.setDisplayQueues(body.id, body.queues);
    });
    return { displayToken, secret };
  }

  updateDisplayToken(actor: Actor, id: string, body: Body<typeof updateDisplayTokenBody>): DisplayToken {
    const current = this.existing('Display token', id, adminDisplayTokens(this.db, id)[0]);
    this.queuesInUse(body.queues);
    if (Object.keys(body).length === 0) return current;
    return this.commit(actor, 'update', 'displayToken', id, () => adminDisplayTokens(this.db, id)[0], () => {
      if (body.label !== undefined) this.db.update(displayTokens).set({ label: body.label }).where(eq(displayTokens.id, id)).run();
      if (body.queues !== undefined) this.setDisplayQueues(id, body.queues);
    });
  }

  /** The wallboard's sessions end and its open streams are closed; the token opens nothing from now on. */
  revokeDisplayToken(actor: Actor, id: string): DisplayToken {
    this.existing('Display token', id, adminDisplayTokens(this.db, id)[0]);
    const revoked = this.commit(actor, 'revoke', 'displayToken', id, () => adminDisplayTokens(this.db, id)[0], () => {
      this.db.update(displayTokens).set({ revokedAt: this.clock() }).where(eq(displayTokens.id, id)).run();
    });
    this.auth.endSessionsOf('display', id);
    return revoked;
  }

  private setDisplayQueues(id: string, list: readonly string[] | undefined): void {
    if (list === undefined) return;
    this.db.delete(displayTokenQueues).where(eq(displayTokenQueues.tokenId, id)).run();
    for (const queueId of new Set(list)) this.db.insert(displayTokenQueues).values({ tokenId: id, queueId }).run();
  }
}
