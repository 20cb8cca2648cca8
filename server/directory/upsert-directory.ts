import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { displayTokenQueues, displayTokens, integrationKeys } from '../db/schema/auth.js';
import { agentMembers, agentQueues, agents, locations, queues, stateReasons, supervisorQueues, supervisors, wrapupReasons } from '../db/schema/directory.js';
import { hashPassword, isPasswordHash, sha256, verifyPassword } from '../lib/secrets.js';
import type { DirectoryFile } from './directory-file.js';
import { interfaceKey } from './pbx-interface.js';

/**
 * Brings the database in line with a directory file. Idempotent: loading the same
 * file twice changes nothing. Entries absent from the file are kept (history refers
 * to them); the memberships of the entries it lists are replaced by the file's.
 */
export async function upsertDirectory(db: Db, file: DirectoryFile): Promise<void> {
  const passwordHashes = await hashSupervisorPasswords(db, file);

  db.transaction((tx) => {
    const locationNames = new Set([
      ...file.locations,
      ...file.queues.flatMap((q) => (q.location ? [q.location] : [])),
      ...file.agents.flatMap((a) => (a.location ? [a.location] : [])),
    ]);
    for (const name of locationNames) tx.insert(locations).values({ name }).onConflictDoNothing().run();

    for (const q of file.queues) {
      const row = {
        name: q.name,
        names: q.names ?? {},
        location: q.location ?? null,
        serviceLevelSeconds: q.serviceLevelSeconds,
        shortAbandonSeconds: q.shortAbandonSeconds,
        serviceLevelTarget: q.serviceLevelTarget,
      };
      tx.insert(queues).values({ id: q.id, ...row }).onConflictDoUpdate({ target: queues.id, set: row }).run();
    }

    for (const a of file.agents) {
      const row = { name: a.name, location: a.location ?? null, email: a.email ?? null };
      tx.insert(agents).values({ id: a.id, ...row }).onConflictDoUpdate({ target: agents.id, set: row }).run();
      tx.delete(agentQueues).where(eq(agentQueues.agentId, a.id)).run();
      for (const queueId of new Set(a.queues)) tx.insert(agentQueues).values({ agentId: a.id, queueId }).run();
    }

    // The file's interfaces are the file's agents' alone: an agent it no longer lists gives up any it names.
    const fileMembers = new Set(file.agents.flatMap((a) => (a.members ?? []).map(interfaceKey)));
    for (const stored of tx.select().from(agentMembers).all()) {
      if (fileMembers.has(interfaceKey(stored.member))) tx.delete(agentMembers).where(and(eq(agentMembers.agentId, stored.agentId), eq(agentMembers.member, stored.member))).run();
    }
    for (const a of file.agents) {
      tx.delete(agentMembers).where(eq(agentMembers.agentId, a.id)).run();
      for (const member of a.members ?? []) tx.insert(agentMembers).values({ agentId: a.id, member }).run();
    }

    for (const s of file.supervisors) {
      const row = { name: s.name, email: s.email.toLowerCase(), passwordHash: passwordHashes.get(s.id)!, isAdmin: s.admin, device: s.device ?? null };
      tx.insert(supervisors).values({ id: s.id, ...row }).onConflictDoUpdate({ target: supervisors.id, set: row }).run();
      tx.delete(supervisorQueues).where(eq(supervisorQueues.supervisorId, s.id)).run();
      for (const queueId of new Set(s.queues)) tx.insert(supervisorQueues).values({ supervisorId: s.id, queueId }).run();
    }

    for (const r of file.wrapupReasons) {
      const row = { name: r.name, names: r.names ?? {} };
      tx.insert(wrapupReasons).values({ id: r.id, ...row }).onConflictDoUpdate({ target: wrapupReasons.id, set: row }).run();
    }

    // Events keep the reason's text, not a reference, so the file's list replaces the stored one.
    tx.delete(stateReasons).run();
    for (const r of file.stateReasons) tx.insert(stateReasons).values({ name: r.name, names: r.names ?? {} }).run();

    for (const k of file.integrationKeys) {
      const secretHash = sha256(k.secret);
      tx.insert(integrationKeys)
        .values({ id: k.id, secretHash })
        .onConflictDoUpdate({ target: integrationKeys.id, set: { secretHash } })
        .run();
    }

    for (const t of file.displayTokens) {
      const secretHash = sha256(t.secret);
      tx.insert(displayTokens)
        .values({ id: t.id, secretHash })
        .onConflictDoUpdate({ target: displayTokens.id, set: { secretHash } })
        .run();
      tx.delete(displayTokenQueues).where(eq(displayTokenQueues.tokenId, t.id)).run();
      for (const queueId of new Set(t.queues)) tx.insert(displayTokenQueues).values({ tokenId: t.id, queueId }).run();
    }
  });
  db.run(sql`PRAGMA optimize`);
}

async function hashSupervisorPasswords(db: Db, file: DirectoryFile): Promise<Map<string, string>> {
  const stored = new Map(
    db.select({ id: supervisors.id, hash: supervisors.passwordHash }).from(supervisors).all().map((r) => [r.id, r.hash]),
  );
  const result = new Map<string, string>();
  await Promise.all(
    file.supervisors.map(async (s) => {
      if (isPasswordHash(s.password)) return result.set(s.id, s.password);
      const current = stored.get(s.id);
      // Keep the stored hash when the password is unchanged, so restarts don't rewrite it.
      if (current && (await verifyPassword(s.password, current))) return result.set(s.id, current);
      return result.set(s.id, await hashPassword(s.password));
    }),
  );
  return result;
}
