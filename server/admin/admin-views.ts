import { eq, isNull } from 'drizzle-orm';
import type { AdminAgent, AdminQueue, AdminSupervisor, AdminWrapupReason, DisplayToken, IntegrationKey } from '../../contract/admin.js';
import type { Store } from '../db/store.js';

/**
 * The directory as the admin API shows it, read from the database: every entry, retired and
 * revoked ones too, by id. The audit stores these same shapes before and after a change. A
 * membership in a retired queue is not shown (the queue has left every assignment, scope and wallboard).
 * Reads run one after another: inside a transaction they share one connection, which takes one query at a time.
 */

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

async function queuesInUse({ db, tables: t }: Store): Promise<Set<string>> {
  return new Set((await db.select({ id: t.queues.id }).from(t.queues).where(isNull(t.queues.retiredAt))).map((q) => q.id));
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

export async function adminQueues({ db, tables: t }: Store, id?: string): Promise<AdminQueue[]> {
  const rows = await db.select().from(t.queues).where(id === undefined ? undefined : eq(t.queues.id, id)).orderBy(t.queues.id);
  return rows.map((q) => ({ ...q, retiredAt: iso(q.retiredAt) }));
}

export async function adminAgents(store: Store, id?: string): Promise<AdminAgent[]> {
  const { db, tables: t } = store;
  const inUse = await queuesInUse(store);
  const rows = await db.select().from(t.agents).where(id === undefined ? undefined : eq(t.agents.id, id)).orderBy(t.agents.id);
  const assignedRows = await db.select({ key: t.agentQueues.agentId, value: t.agentQueues.queueId }).from(t.agentQueues).where(id === undefined ? undefined : eq(t.agentQueues.agentId, id));
  const memberRows = await db.select({ key: t.agentMembers.agentId, value: t.agentMembers.member }).from(t.agentMembers).where(id === undefined ? undefined : eq(t.agentMembers.agentId, id));
  const assigned = groupIds(assignedRows, (q) => inUse.has(q));
  const members = groupIds(memberRows);
  return rows.map((a) => ({ ...a, queues: assigned.get(a.id) ?? [], members: members.get(a.id) ?? [], retiredAt: iso(a.retiredAt) }));
}

export async function adminSupervisors(store: Store, id?: string): Promise<AdminSupervisor[]> {
  const { db, tables: t } = store;
  const inUse = await queuesInUse(store);
  const rows = await db.select().from(t.supervisors).where(id === undefined ? undefined : eq(t.supervisors.id, id)).orderBy(t.supervisors.id);
  const scopeRows = await db
    .select({ key: t.supervisorQueues.supervisorId, value: t.supervisorQueues.queueId })
    .from(t.supervisorQueues)
    .where(id === undefined ? undefined : eq(t.supervisorQueues.supervisorId, id));
  const scopes = groupIds(scopeRows, (q) => inUse.has(q));
  return rows.map(({ passwordHash, ...s }) => ({ ...s, queues: scopes.get(s.id) ?? [], hasPassword: passwordHash !== '', retiredAt: iso(s.retiredAt) }));
}

export async function adminWrapupReasons({ db, tables: t }: Store, id?: string): Promise<AdminWrapupReason[]> {
  const rows = await db.select().from(t.wrapupReasons).where(id === undefined ? undefined : eq(t.wrapupReasons.id, id)).orderBy(t.wrapupReasons.id);
  return rows.map((r) => ({ ...r, retiredAt: iso(r.retiredAt) }));
}

export async function adminIntegrationKeys({ db, tables: t }: Store, id?: string): Promise<IntegrationKey[]> {
  const k = t.integrationKeys;
  const rows = await db
    .select({ id: k.id, label: k.label, createdAt: k.createdAt, revokedAt: k.revokedAt })
    .from(k)
    .where(id === undefined ? undefined : eq(k.id, id))
    .orderBy(k.id);
  return rows.map((r) => ({ id: r.id, label: r.label ?? r.id, createdAt: iso(r.createdAt), revokedAt: iso(r.revokedAt) }));
}

export async function adminDisplayTokens(store: Store, id?: string): Promise<DisplayToken[]> {
  const { db, tables: t } = store;
  const d = t.displayTokens;
  const inUse = await queuesInUse(store);
  const rows = await db.select({ id: d.id, label: d.label, createdAt: d.createdAt, revokedAt: d.revokedAt }).from(d).where(id === undefined ? undefined : eq(d.id, id)).orderBy(d.id);
  const shownRows = await db
    .select({ key: t.displayTokenQueues.tokenId, value: t.displayTokenQueues.queueId })
    .from(t.displayTokenQueues)
    .where(id === undefined ? undefined : eq(t.displayTokenQueues.tokenId, id));
  const shown = groupIds(shownRows, (q) => inUse.has(q));
  return rows.map((r) => ({ id: r.id, label: r.label ?? r.id, queues: shown.get(r.id) ?? [], createdAt: iso(r.createdAt), revokedAt: iso(r.revokedAt) }));
}
