import { and, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Store } from '../db/store.js';
import { hashPassword, isPasswordHash, sha256, verifyPassword } from '../lib/secrets.js';
import type { DirectoryFile } from './directory-file.js';
import { interfaceKey } from './pbx-interface.js';

/** Rows a statement carries at most: well under both dialects' limits on bound values (SQLite 32,766, PostgreSQL 65,535). */
const BATCH = 500;

/**
 * Brings the database in line with a directory file, in one transaction. Idempotent: loading the
 * same file twice changes nothing. Entries absent from the file are kept (history refers to them);
 * the memberships of the entries it lists are replaced by the file's. Multi-row statements, so a
 * large centre costs a few round trips on PostgreSQL, not one per row.
 */
export async function upsertDirectory(store: Store, file: DirectoryFile): Promise<void> {
  const passwordHashes = await hashSupervisorPasswords(store, file);

  await store.transaction(async (tx) => {
    const { db, tables: t } = tx;
    const locationNames = new Set([
      ...file.locations,
      ...file.queues.flatMap((q) => (q.location ? [q.location] : [])),
      ...file.agents.flatMap((a) => (a.location ? [a.location] : [])),
    ]);
    for (const rows of batches([...locationNames].map((name) => ({ name })))) await db.insert(t.locations).values(rows).onConflictDoNothing();

    const queueRows = file.queues.map((q) => ({
      id: q.id,
      name: q.name,
      names: q.names ?? {},
      location: q.location ?? null,
      serviceLevelSeconds: q.serviceLevelSeconds,
      shortAbandonSeconds: q.shortAbandonSeconds,
      serviceLevelTarget: q.serviceLevelTarget,
    }));
    const queueSet = excluded(t.queues, ['name', 'names', 'location', 'serviceLevelSeconds', 'shortAbandonSeconds', 'serviceLevelTarget']);
    for (const rows of batches(queueRows)) await db.insert(t.queues).values(rows).onConflictDoUpdate({ target: t.queues.id, set: queueSet });

    const agentIds = file.agents.map((a) => a.id);
    const agentRows = file.agents.map((a) => ({ id: a.id, name: a.name, location: a.location ?? null, email: a.email ?? null }));
    for (const rows of batches(agentRows)) await db.insert(t.agents).values(rows).onConflictDoUpdate({ target: t.agents.id, set: excluded(t.agents, ['name', 'location', 'email']) });
    for (const ids of batches(agentIds)) await db.delete(t.agentQueues).where(inArray(t.agentQueues.agentId, ids));
    for (const rows of batches(file.agents.flatMap((a) => [...new Set(a.queues)].map((queueId) => ({ agentId: a.id, queueId }))))) await db.insert(t.agentQueues).values(rows);

    // The file's interfaces are the file's agents' alone: an agent it no longer lists gives up any it names.
    for (const ids of batches(agentIds)) await db.delete(t.agentMembers).where(inArray(t.agentMembers.agentId, ids));
    const fileMembers = new Set(file.agents.flatMap((a) => (a.members ?? []).map(interfaceKey)));
    for (const stored of await db.select().from(t.agentMembers)) {
      if (fileMembers.has(interfaceKey(stored.member))) await db.delete(t.agentMembers).where(and(eq(t.agentMembers.agentId, stored.agentId), eq(t.agentMembers.member, stored.member)));
    }
    for (const rows of batches(file.agents.flatMap((a) => (a.members ?? []).map((member) => ({ agentId: a.id, member }))))) await db.insert(t.agentMembers).values(rows);

    const supervisorRows = file.supervisors.map((s) => ({ id: s.id, name: s.name, email: s.email.toLowerCase(), passwordHash: passwordHashes.get(s.id)!, isAdmin: s.admin, device: s.device ?? null }));
    const supervisorSet = excluded(t.supervisors, ['name', 'email', 'passwordHash', 'isAdmin', 'device']);
    for (const rows of batches(supervisorRows)) await db.insert(t.supervisors).values(rows).onConflictDoUpdate({ target: t.supervisors.id, set: supervisorSet });
    for (const ids of batches(file.supervisors.map((s) => s.id))) await db.delete(t.supervisorQueues).where(inArray(t.supervisorQueues.supervisorId, ids));
    for (const rows of batches(file.supervisors.flatMap((s) => [...new Set(s.queues)].map((queueId) => ({ supervisorId: s.id, queueId }))))) await db.insert(t.supervisorQueues).values(rows);

    const reasonRows = file.wrapupReasons.map((r) => ({ id: r.id, name: r.name, names: r.names ?? {} }));
    for (const rows of batches(reasonRows)) await db.insert(t.wrapupReasons).values(rows).onConflictDoUpdate({ target: t.wrapupReasons.id, set: excluded(t.wrapupReasons, ['name', 'names']) });

    // Events keep the reason's text, not a reference, so the file's list replaces the stored one.
    await db.delete(t.stateReasons);
    for (const rows of batches(file.stateReasons.map((r) => ({ name: r.name, names: r.names ?? {} })))) await db.insert(t.stateReasons).values(rows);

    const keyRows = file.integrationKeys.map((k) => ({ id: k.id, secretHash: sha256(k.secret) }));
    for (const rows of batches(keyRows)) await db.insert(t.integrationKeys).values(rows).onConflictDoUpdate({ target: t.integrationKeys.id, set: excluded(t.integrationKeys, ['secretHash']) });

    const tokenRows = file.displayTokens.map((k) => ({ id: k.id, secretHash: sha256(k.secret) }));
    for (const rows of batches(tokenRows)) await db.insert(t.displayTokens).values(rows).onConflictDoUpdate({ target: t.displayTokens.id, set: excluded(t.displayTokens, ['secretHash']) });
    for (const ids of batches(file.displayTokens.map((k) => k.id))) await db.delete(t.displayTokenQueues).where(inArray(t.displayTokenQueues.tokenId, ids));
    for (const rows of batches(file.displayTokens.flatMap((k) => [...new Set(k.queues)].map((queueId) => ({ tokenId: k.id, queueId }))))) await db.insert(t.displayTokenQueues).values(rows);
  });
  if (store.dialect === 'sqlite') await store.exclusive((sqlite) => sqlite.run(sql`PRAGMA optimize`));
}

/** `DO UPDATE SET` these columns to the row offered: `excluded` names it in both dialects. */
function excluded<T extends SQLiteTable, K extends keyof T['_']['columns'] & string>(table: T, keys: K[]): Record<K, SQL> {
  const columns = getTableColumns(table);
  return Object.fromEntries(keys.map((key) => [key, sql`excluded.${sql.identifier(columns[key]!.name)}`])) as Record<K, SQL>;
}

/** The rows in statements of at most BATCH; none for no rows (an insert needs at least one). */
function* batches<T>(rows: readonly T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH);
}

async function hashSupervisorPasswords(store: Store, file: DirectoryFile): Promise<Map<string, string>> {
  const { supervisors } = store.tables;
  const stored = new Map((await store.db.select({ id: supervisors.id, hash: supervisors.passwordHash }).from(supervisors)).map((r) => [r.id, r.hash]));
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
