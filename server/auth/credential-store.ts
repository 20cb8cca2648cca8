import { and, eq, gt, inArray, isNull, lt, or } from 'drizzle-orm';
import type { sessions } from '../db/schema/auth.js';
import type { Store } from '../db/store.js';

export type SessionRow = typeof sessions.$inferSelect;

/**
 * What the server checks a credential against, on either store: sessions and stream tickets, display
 * tokens, integration keys, a supervisor's password hash. Secrets are looked up by their SHA-256 only.
 * Each write is a transaction of its own: on SQLite that keeps it out of another task's open one.
 */
export class CredentialStore {
  constructor(private readonly store: Store) {}

  /** Emails are kept lower-cased (directory file and administration alike), so `email` comes lower-cased and `=` matches on both stores. */
  async supervisorForLogin(email: string): Promise<{ id: string; passwordHash: string } | undefined> {
    const { supervisors } = this.store.tables;
    const [row] = await this.store.db
      .select({ id: supervisors.id, passwordHash: supervisors.passwordHash })
      .from(supervisors)
      .where(and(eq(supervisors.email, email), isNull(supervisors.retiredAt)));
    return row;
  }

  addSession(row: SessionRow): Promise<void> {
    return this.store.transaction(async (tx) => {
      await tx.db.insert(tx.tables.sessions).values(row);
    });
  }

  async session(id: string): Promise<SessionRow | undefined> {
    const { sessions } = this.store.tables;
    return (await this.store.db.select().from(sessions).where(eq(sessions.id, id)))[0];
  }

  async sessionAlive(id: string, now: number): Promise<boolean> {
    const { sessions } = this.store.tables;
    const rows = await this.store.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)));
    return rows.length > 0;
  }

  /** Ends a session with the tickets issued from it; `next`, when given, takes its place in the same transaction. */
  endSession(id: string, next?: SessionRow): Promise<void> {
    return this.store.transaction(async (tx) => {
      const { sessions } = tx.tables;
      await tx.db.delete(sessions).where(or(eq(sessions.id, id), eq(sessions.parentId, id)));
      if (next) await tx.db.insert(sessions).values(next);
    });
  }

  /** Ends every session of a principal, with the tickets issued from them; the ids of the sessions ended. */
  endSessionsOf(kind: 'supervisor' | 'agent' | 'display', principalId: string): Promise<string[]> {
    return this.store.transaction(async (tx) => {
      const { sessions } = tx.tables;
      const ended = (await tx.db.delete(sessions).where(and(eq(sessions.kind, kind), eq(sessions.principalId, principalId))).returning({ id: sessions.id })).map((r) => r.id);
      if (ended.length > 0) await tx.db.delete(sessions).where(inArray(sessions.parentId, ended));
      return ended;
    });
  }

  purgeExpired(now: number): Promise<void> {
    return this.store.transaction(async (tx) => {
      await tx.db.delete(tx.tables.sessions).where(lt(tx.tables.sessions.expiresAt, now));
    });
  }

  /** A display token not revoked, by its secret's hash. */
  async displayBySecret(secretHash: string): Promise<string | undefined> {
    const { displayTokens } = this.store.tables;
    const [row] = await this.store.db
      .select({ id: displayTokens.id })
      .from(displayTokens)
      .where(and(eq(displayTokens.secretHash, secretHash), isNull(displayTokens.revokedAt)));
    return row?.id;
  }

  async displayQueues(tokenId: string): Promise<string[]> {
    const { displayTokenQueues } = this.store.tables;
    const rows = await this.store.db
      .select({ queueId: displayTokenQueues.queueId })
      .from(displayTokenQueues)
      .where(eq(displayTokenQueues.tokenId, tokenId))
      .orderBy(displayTokenQueues.queueId);
    return rows.map((r) => r.queueId);
  }

  /** Every display token not revoked, with its queues (none for a token showing no queue). */
  async liveDisplays(): Promise<Map<string, string[]>> {
    const { displayTokens, displayTokenQueues } = this.store.tables;
    const live = await this.store.db.select({ id: displayTokens.id }).from(displayTokens).where(isNull(displayTokens.revokedAt)).orderBy(displayTokens.id);
    const shown = await this.store.db.select().from(displayTokenQueues).orderBy(displayTokenQueues.queueId);
    const displays = new Map(live.map((d) => [d.id, [] as string[]]));
    for (const { tokenId, queueId } of shown) displays.get(tokenId)?.push(queueId);
    return displays;
  }

  /** An integration key not revoked, by its secret's hash. */
  async integrationKeyBySecret(secretHash: string): Promise<string | undefined> {
    const { integrationKeys } = this.store.tables;
    const [row] = await this.store.db
      .select({ id: integrationKeys.id })
      .from(integrationKeys)
      .where(and(eq(integrationKeys.secretHash, secretHash), isNull(integrationKeys.revokedAt)));
    return row?.id;
  }
}
