import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
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
import type { Store } from '../db/store.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import type { Directory } from '../directory/directory.js';
import { waitingByQueue } from '../domain/live-rows.js';
import type { LiveFloor } from '../floor/live-floor.js';
import { conflict, notFound } from '../lib/errors.js';
import { newToken, sha256 } from '../lib/secrets.js';
import { adminDisplayTokens, adminIntegrationKeys, adminQueues, adminWrapupReasons } from './admin-views.js';
import type { Actor, DirectoryChanges } from './directory-changes.js';

/** A request body as its schema delivers it (defaults applied). */
type Body<S extends z.ZodType> = z.output<S>;

/** One entry as the admin API shows it, read through the store given (the change's transaction). */
export type ReadEntry<T> = (store: Store) => Promise<T | undefined>;

/** The first row, or undefined: a view read for one id. */
export const first = async <T>(rows: Promise<T[]>): Promise<T | undefined> => (await rows)[0];

/** Any number that is ours alone among the database's advisory locks: PostgreSQL's lock on directory administration. */
const DIRECTORY_LOCK = 0x466c6f6f72;

/**
 * Directory administration: every change checked and written with its audit entry in one
 * transaction, then the one Directory reloaded so every service sees it at once (its listeners
 * rescope the open streams). Agents and supervisors are in people-admin.ts, beside this.
 */
export class DirectoryAdmin {
  constructor(
    readonly store: Store,
    readonly directory: Directory,
    private readonly floor: LiveFloor,
    readonly auth: AuthService,
    readonly changes: DirectoryChanges,
    readonly clock: () => number = Date.now,
  ) {}

  /**
   * Reads the entry (`before`), checks and writes the change (`write` throws to refuse it), reads it again
   * and audits it (the entry as `read` shows it before and after), all in one transaction, then makes it
   * live. Changes are serialised, so what `write` checks still holds when it writes. A create has no
   * before; a change that changes nothing is neither audited nor reloaded.
   */
  async commit<T extends object>(
    actor: Actor,
    action: 'create' | 'update' | 'retire' | 'revoke',
    resource: DirectoryResource,
    id: string,
    read: ReadEntry<T>,
    write: (tx: Store, before: T | undefined) => Promise<void>,
  ): Promise<T> {
    const { after, changed } = await this.store
      .transaction(async (tx) => {
        await serialise(tx);
        const before = await read(tx);
        await write(tx, before);
        const now = (await read(tx))!;
        const was = action === 'create' ? null : (before ?? null);
        const changed = JSON.stringify(now) !== JSON.stringify(was);
        if (changed) await this.changes.record(tx, actor, action, resource, id, was, now);
        return { after: now, changed };
      })
      .catch((error: unknown) => {
        // Only a writer outside administration (another node's directory file import) can take the id between the check and the insert.
        if (action === 'create' && isUniqueViolation(error)) throw conflict('id_in_use', `The id "${id}" was taken meanwhile.`);
        throw error;
      });
    if (changed) await this.directory.reload(this.store);
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
  async queuesInUse(tx: Store, list: readonly string[] | undefined): Promise<void> {
    if (!list || list.length === 0) return;
    const { queues } = tx.tables;
    const inUse = new Set((await tx.db.select({ id: queues.id }).from(queues).where(and(inArray(queues.id, [...new Set(list)]), isNull(queues.retiredAt)))).map((q) => q.id));
    const unknown = list.filter((q) => !inUse.has(q));
    if (unknown.length > 0) throw conflict('unknown_queue', `Not a queue in use: ${unknown.map((q) => `"${q}"`).join(', ')}.`);
  }

  /** A location named on a queue or an agent joins the list of locations (statistics filter by it). */
  async noteLocation(tx: Store, location: string | null | undefined): Promise<void> {
    if (location) await tx.db.insert(tx.tables.locations).values({ name: location }).onConflictDoNothing();
  }

  // ── Queues ──

  createQueue(actor: Actor, body: Body<typeof createQueueBody>): Promise<AdminQueue> {
    return this.commit(actor, 'create', 'queue', body.id, (s) => first(adminQueues(s, body.id)), async (tx, before) => {
      this.freshId('Queue', body.id, before);
      await this.noteLocation(tx, body.location);
      await tx.db
        .insert(tx.tables.queues)
        .values({ id: body.id, name: body.name, names: body.names ?? {}, location: body.location ?? null, serviceLevelSeconds: body.serviceLevelSeconds, shortAbandonSeconds: body.shortAbandonSeconds, serviceLevelTarget: body.serviceLevelTarget });
    });
  }

  updateQueue(actor: Actor, id: string, body: Body<typeof updateQueueBody>): Promise<AdminQueue> {
    return this.commit(actor, 'update', 'queue', id, (s) => first(adminQueues(s, id)), async (tx, before) => {
      this.existing('Queue', id, before);
      if (Object.keys(body).length === 0) return;
      await this.noteLocation(tx, body.location);
      await tx.db.update(tx.tables.queues).set(body).where(eq(tx.tables.queues.id, id));
    });
  }

  retireQueue(actor: Actor, id: string): Promise<AdminQueue> {
    return this.commit(actor, 'retire', 'queue', id, (s) => first(adminQueues(s, id)), async (tx, before) => {
      this.existing('Queue', id, before);
      const waiting = waitingByQueue(this.floor.state).get(id)?.count ?? 0;
      if (waiting > 0) throw conflict('calls_waiting', `Queue "${id}" has ${waiting} call(s) waiting; retire it once they are answered or gone.`);
      await tx.db.update(tx.tables.queues).set({ retiredAt: this.clock() }).where(eq(tx.tables.queues.id, id));
    });
  }

  // ── Wrap-up reasons ──

  createWrapupReason(actor: Actor, body: Body<typeof createWrapupReasonBody>): Promise<AdminWrapupReason> {
    return this.commit(actor, 'create', 'wrapupReason', body.id, (s) => first(adminWrapupReasons(s, body.id)), async (tx, before) => {
      this.freshId('Wrap-up reason', body.id, before);
      await tx.db.insert(tx.tables.wrapupReasons).values({ id: body.id, name: body.name, names: body.names ?? {} });
    });
  }

  updateWrapupReason(actor: Actor, id: string, body: Body<typeof updateWrapupReasonBody>): Promise<AdminWrapupReason> {
    return this.commit(actor, 'update', 'wrapupReason', id, (s) => first(adminWrapupReasons(s, id)), async (tx, before) => {
      this.existing('Wrap-up reason', id, before);
      if (Object.keys(body).length === 0) return;
      await tx.db.update(tx.tables.wrapupReasons).set(body).where(eq(tx.tables.wrapupReasons.id, id));
    });
  }

  retireWrapupReason(actor: Actor, id: string): Promise<AdminWrapupReason> {
    return this.commit(actor, 'retire', 'wrapupReason', id, (s) => first(adminWrapupReasons(s, id)), async (tx, before) => {
      this.existing('Wrap-up reason', id, before);
      await tx.db.update(tx.tables.wrapupReasons).set({ retiredAt: this.clock() }).where(eq(tx.tables.wrapupReasons.id, id));
    });
  }

  // ── Integration keys and display tokens: the secret is made here, shown once, stored hashed ──

  async createIntegrationKey(actor: Actor, body: Body<typeof createIntegrationKeyBody>): Promise<{ integrationKey: IntegrationKey; secret: string }> {
    const secret = newToken();
    const integrationKey = await this.commit(actor, 'create', 'integrationKey', body.id, (s) => first(adminIntegrationKeys(s, body.id)), async (tx, before) => {
      this.freshId('Integration key', body.id, before);
      await tx.db.insert(tx.tables.integrationKeys).values({ id: body.id, label: body.label, secretHash: sha256(secret), createdAt: this.clock() });
    });
    return { integrationKey, secret };
  }

  updateIntegrationKey(actor: Actor, id: string, body: Body<typeof updateIntegrationKeyBody>): Promise<IntegrationKey> {
    return this.commit(actor, 'update', 'integrationKey', id, (s) => first(adminIntegrationKeys(s, id)), async (tx, before) => {
      this.existing('Integration key', id, before);
      if (body.label === undefined) return;
      await tx.db.update(tx.tables.integrationKeys).set({ label: body.label }).where(eq(tx.tables.integrationKeys.id, id));
    });
  }

  /** Ingestion with the key is refused from the next request on. */
  revokeIntegrationKey(actor: Actor, id: string): Promise<IntegrationKey> {
    return this.commit(actor, 'revoke', 'integrationKey', id, (s) => first(adminIntegrationKeys(s, id)), async (tx, before) => {
      this.existing('Integration key', id, before);
      const keys = tx.tables.integrationKeys;
      await tx.db.update(keys).set({ revokedAt: this.clock() }).where(and(eq(keys.id, id), isNull(keys.revokedAt)));
    });
  }

  async createDisplayToken(actor: Actor, body: Body<typeof createDisplayTokenBody>): Promise<{ displayToken: DisplayToken; secret: string }> {
    const secret = newToken();
    const displayToken = await this.commit(actor, 'create', 'displayToken', body.id, (s) => first(adminDisplayTokens(s, body.id)), async (tx, before) => {
      this.freshId('Display token', body.id, before);
      await this.queuesInUse(tx, body.queues);
      await tx.db.insert(tx.tables.displayTokens).values({ id: body.id, label: body.label, secretHash: sha256(secret), createdAt: this.clock() });
      await this.setDisplayQueues(tx, body.id, body.queues);
    });
    return { displayToken, secret };
  }

  updateDisplayToken(actor: Actor, id: string, body: Body<typeof updateDisplayTokenBody>): Promise<DisplayToken> {
    return this.commit(actor, 'update', 'displayToken', id, (s) => first(adminDisplayTokens(s, id)), async (tx, before) => {
      this.existing('Display token', id, before);
      await this.queuesInUse(tx, body.queues);
      if (body.label !== undefined) await tx.db.update(tx.tables.displayTokens).set({ label: body.label }).where(eq(tx.tables.displayTokens.id, id));
      await this.setDisplayQueues(tx, id, body.queues);
    });
  }

  /** The wallboard's sessions end and its open streams are closed; the token opens nothing from now on. */
  async revokeDisplayToken(actor: Actor, id: string): Promise<DisplayToken> {
    const revoked = await this.commit(actor, 'revoke', 'displayToken', id, (s) => first(adminDisplayTokens(s, id)), async (tx, before) => {
      this.existing('Display token', id, before);
      await tx.db.update(tx.tables.displayTokens).set({ revokedAt: this.clock() }).where(eq(tx.tables.displayTokens.id, id));
    });
    await this.auth.endSessionsOf('display', id);
    return revoked;
  }

  private async setDisplayQueues(tx: Store, id: string, list: readonly string[] | undefined): Promise<void> {
    if (list === undefined) return;
    const t = tx.tables.displayTokenQueues;
    await tx.db.delete(t).where(eq(t.tokenId, id));
    if (list.length > 0) await tx.db.insert(t).values([...new Set(list)].map((queueId) => ({ tokenId: id, queueId })));
  }
}

/**
 * One directory change at a time, so a check (a free email, another admin left) still holds when the
 * change is written. On SQLite a transaction holds the file's one writer already; PostgreSQL takes a
 * transaction-scoped advisory lock, which every node of the centre shares.
 */
async function serialise(tx: Store): Promise<void> {
  if (tx.dialect === 'postgres') await tx.run(sql`select pg_advisory_xact_lock(${DIRECTORY_LOCK}::bigint)`);
}
