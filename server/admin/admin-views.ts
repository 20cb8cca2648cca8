import { eq, isNull } from 'drizzle-orm';
import type { AdminAgent, AdminQueue, AdminSupervisor, AdminWrapupReason, DisplayToken, IntegrationKey } from '../../contract/admin.js';
import type { Db } from '../db/client.js';
import { displayTokenQueues, displayTokens, integrationKeys } from '../db/schema/auth.js';
import { agentMembers, agentQueues, agents, queues, supervisorQueues, supervisors, wrapupReasons } from '../db/schema/directory.js';

/**
 * The directory as the admin API shows it, read from the database: every entry, retired and
 * revoked ones too. The audit stores these same shapes before and after a change. A membership in
 * a retired queue is not shown (the queue has left every assignment, scope and wallboard).
 */

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function queuesInUse(db: Db): Set<string> {
  return new Set(db.select({ id: queues.id }).from(queues).where(isNull(queues.retiredAt)).all().map((q) => q.id));
}

function groupIds<K extends string>(rows: { key: K; value: string }[], keep: (value: string) => boolean = () => true): Map<K, string[]> {
  const out = new Map<K, string[]>();
  for (const { key, value } of rows) {
    if (!keep(value)) continue;
    const list = out.get(key);
    if (list) list.push(value);
    else out.set(key, [value]);
  }
  for (const list of out.values()) list.sort();
  return out;
}

export function adminQueues(db: Db, id?: string): AdminQueue[] {
  const rows = id === undefined ? db.select().from(queues).all() : db.select().from(queues).where(eq(queues.id, id)).all();
  return rows.map((q) => ({ ...q, retiredAt: iso(q.retiredAt) }));
}

export function adminAgents(db: Db, id?: string): AdminAgent[] {
  const inUse = queuesInUse(db);
  const rows = id === undefined ? db.select().from(agents).all() : db.select().from(agents).where(eq(agents.id, id)).all();
  const assigned = groupIds(db.select({ key: agentQueues.agentId, value: agentQueues.queueId }).from(agentQueues).all(), (q) => inUse.has(q));
  const members = groupIds(db.select({ key: agentMembers.agentId, value: agentMembers.member }).from(agentMembers).all());
  return rows.map((a) => ({ ...a, queues: assigned.get(a.id) ?? [], members: members.get(a.id) ?? [], retiredAt: iso(a.retiredAt) }));
}

export function adminSupervisors(db: Db, id?: string): AdminSupervisor[] {
  const inUse = queuesInUse(db);
  const base = db.select().from(supervisors);
  const rows = id === undefined ? base.all() : base.where(eq(supervisors.id, id)).all();
  const scopes = groupIds(db.select({ key: supervisorQueues.supervisorId, value: supervisorQueues.queueId }).from(supervisorQueues).all(), (q) => inUse.has(q));
  return rows.map(({ passwordHash, ...s }) => ({ ...s, queues: scopes.get(s.id) ?? [], hasPassword: passwordHash !== '', retiredAt: iso(s.retiredAt) }));
}

export function adminWrapupReasons(db: Db, id?: string): AdminWrapupReason[] {
  const rows = id === undefined ? db.select().from(wrapupReasons).all() : db.select().from(wrapupReasons).where(eq(wrapupReasons.id, id)).all();
  return rows.map((r) => ({ ...r, retiredAt: iso(r.retiredAt) }));
}

export function adminIntegrationKeys(db: Db, id?: string): IntegrationKey[] {
  const base = db.select({ id: integrationKeys.id, label: integrationKeys.label, createdAt: integrationKeys.createdAt, revokedAt: integrationKeys.revokedAt }).from(integrationKeys);
  const rows = id === undefined ? base.all() : base.where(eq(integrationKeys.id, id)).all();
  return rows.map((k) => ({ id: k.id, label: k.label ?? k.id, createdAt: iso(k.createdAt), revokedAt: iso(k.revokedAt) }));
}

export function adminDisplayTokens(db: Db, id?: string): DisplayToken[] {
  const inUse = queuesInUse(db);
  const base = db.select({ id: displayTokens.id, label: displayTokens.label, createdAt: displayTokens.createdAt, revokedAt: displayTokens.revokedAt }).from(displayTokens);
  const rows = id === undefined ? base.all() : base.where(eq(displayTokens.id, id)).all();
  const shown = groupIds(db.select({ key: displayTokenQueues.tokenId, value: displayTokenQueues.queueId }).from(displayTokenQueues).all(), (q) => inUse.has(q));
  return rows.map((t) => ({ id: t.id, label: t.label ?? t.id, queues: shown.get(t.id) ?? [], createdAt: iso(t.createdAt), revokedAt: iso(t.revokedAt) }));
}
