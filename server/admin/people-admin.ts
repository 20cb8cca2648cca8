import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AdminAgent, AdminSupervisor, createAgentBody, createSupervisorBody, updateAgentBody, updateSupervisorBody } from '../../contract/admin.js';
import type { Store } from '../db/store.js';
import { interfaceKey } from '../directory/pbx-interface.js';
import { badRequest, conflict } from '../lib/errors.js';
import { hashPassword } from '../lib/secrets.js';
import { adminAgents, adminSupervisors } from './admin-views.js';
import { first, type DirectoryAdmin } from './directory-admin.js';
import type { Actor } from './directory-changes.js';

const agentEntry = (id: string) => (s: Store) => first(adminAgents(s, id));
const supervisorEntry = (id: string) => (s: Store) => first(adminSupervisors(s, id));

/** Agents (with their queues and PBX interfaces) and supervisors (with their scopes), administered through DirectoryAdmin's checks and commit. */
export class PeopleAdmin {
  constructor(private readonly base: DirectoryAdmin) {}

  // ── Agents ──

  createAgent(actor: Actor, body: z.output<typeof createAgentBody>): Promise<AdminAgent> {
    return this.base.commit(actor, 'create', 'agent', body.id, agentEntry(body.id), async (tx, before) => {
      this.base.freshId('Agent', body.id, before);
      await this.base.queuesInUse(tx, body.queues);
      await this.checkAgent(tx, body.id, body.email, body.members);
      await this.base.noteLocation(tx, body.location);
      await tx.db.insert(tx.tables.agents).values({ id: body.id, name: body.name, email: body.email ?? null, location: body.location ?? null });
      await this.setAgentQueues(tx, body.id, body.queues);
      await this.setMembers(tx, body.id, body.members);
    });
  }

  updateAgent(actor: Actor, id: string, body: z.output<typeof updateAgentBody>): Promise<AdminAgent> {
    return this.base.commit(actor, 'update', 'agent', id, agentEntry(id), async (tx, before) => {
      this.base.existing('Agent', id, before);
      await this.base.queuesInUse(tx, body.queues);
      await this.checkAgent(tx, id, body.email, body.members);
      const { queues, members, ...row } = body;
      await this.base.noteLocation(tx, row.location);
      if (Object.keys(row).length > 0) await tx.db.update(tx.tables.agents).set(row).where(eq(tx.tables.agents.id, id));
      await this.setAgentQueues(tx, id, queues);
      await this.setMembers(tx, id, members);
    });
  }

  /** One queue assignment added (`assign`) or taken away, the rest kept. */
  assign(actor: Actor, id: string, queueId: string, assign: boolean): Promise<AdminAgent> {
    return this.base.commit(actor, 'update', 'agent', id, agentEntry(id), async (tx, before) => {
      const current = this.base.existing('Agent', id, before);
      if (assign) await this.base.queuesInUse(tx, [queueId]);
      await this.setAgentQueues(tx, id, assign ? [...current.queues, queueId] : current.queues.filter((q) => q !== queueId));
    });
  }

  /** The agent leaves the floor and the desk (sessions end); its interfaces are freed for another agent. */
  async retireAgent(actor: Actor, id: string): Promise<AdminAgent> {
    const retired = await this.base.commit(actor, 'retire', 'agent', id, agentEntry(id), async (tx, before) => {
      this.base.existing('Agent', id, before);
      await tx.db.update(tx.tables.agents).set({ retiredAt: this.base.clock() }).where(eq(tx.tables.agents.id, id));
      await tx.db.delete(tx.tables.agentMembers).where(eq(tx.tables.agentMembers.agentId, id));
    });
    await this.base.auth.endSessionsOf('agent', id);
    return retired;
  }

  private async checkAgent(tx: Store, id: string, email: string | null | undefined, members: readonly string[] | undefined): Promise<void> {
    const { agents, agentMembers } = tx.tables;
    if (email) {
      const [other] = await tx.db
        .select({ id: agents.id })
        .from(agents)
        .where(and(sql`lower(${agents.email}) = ${email.toLowerCase()}`, ne(agents.id, id), isNull(agents.retiredAt)))
        .limit(1);
      if (other) throw conflict('email_in_use', `Agent "${other.id}" has the email ${email}.`);
    }
    if (!members) return;
    const keys = members.map(interfaceKey);
    const twice = Object.fromEntries(keys.flatMap((k, i) => (keys.indexOf(k) < i ? [[`members[${i}]`, `interface "${members[i]}" is listed twice`]] : [])));
    if (Object.keys(twice).length > 0) throw badRequest('The request is invalid.', twice);
    const wanted = new Set(keys);
    const taken = (await tx.db.select().from(agentMembers).where(ne(agentMembers.agentId, id))).find((m) => wanted.has(interfaceKey(m.member)));
    if (taken) throw conflict('interface_in_use', `Interface "${taken.member}" identifies agent "${taken.agentId}".`);
  }

  private async setAgentQueues(tx: Store, id: string, queues: readonly string[] | undefined): Promise<void> {
    if (queues === undefined) return;
    const { agentQueues } = tx.tables;
    await tx.db.delete(agentQueues).where(eq(agentQueues.agentId, id));
    if (queues.length > 0) await tx.db.insert(agentQueues).values([...new Set(queues)].map((queueId) => ({ agentId: id, queueId })));
  }

  private async setMembers(tx: Store, id: string, members: readonly string[] | undefined): Promise<void> {
    if (members === undefined) return;
    const { agentMembers } = tx.tables;
    await tx.db.delete(agentMembers).where(eq(agentMembers.agentId, id));
    if (members.length > 0) await tx.db.insert(agentMembers).values(members.map((member) => ({ agentId: id, member })));
  }

  // ── Supervisors ──

  async createSupervisor(actor: Actor, body: z.output<typeof createSupervisorBody>): Promise<AdminSupervisor> {
    // Hashing is slow on purpose: done before the transaction, so other changes need not wait for it.
    const passwordHash = body.password === undefined ? '' : await hashPassword(body.password);
    return this.base.commit(actor, 'create', 'supervisor', body.id, supervisorEntry(body.id), async (tx, before) => {
      this.base.freshId('Supervisor', body.id, before);
      await this.base.queuesInUse(tx, body.queues);
      await this.emailFree(tx, body.id, body.email);
      await tx.db
        .insert(tx.tables.supervisors)
        .values({ id: body.id, name: body.name, email: body.email.toLowerCase(), isAdmin: body.isAdmin, device: body.device ?? null, passwordHash });
      await this.setScope(tx, body.id, body.queues);
    });
  }

  /** A scope changed here reaches the supervisor's open streams at once: a fresh snapshot in the new scope. */
  async updateSupervisor(actor: Actor, id: string, body: z.output<typeof updateSupervisorBody>): Promise<AdminSupervisor> {
    const { queues, password, ...row } = body;
    const passwordHash = password === undefined ? undefined : password === null ? '' : await hashPassword(password);
    const set = { ...row, ...(row.email !== undefined && { email: row.email.toLowerCase() }), ...(passwordHash !== undefined && { passwordHash }) };
    return this.base.commit(actor, 'update', 'supervisor', id, supervisorEntry(id), async (tx, before) => {
      const current = this.base.existing('Supervisor', id, before);
      await this.base.queuesInUse(tx, queues);
      if (body.email !== undefined) await this.emailFree(tx, id, body.email);
      if (current.isAdmin && body.isAdmin === false) await this.anotherAdmin(tx, id);
      if (Object.keys(set).length > 0) await tx.db.update(tx.tables.supervisors).set(set).where(eq(tx.tables.supervisors.id, id));
      await this.setScope(tx, id, queues);
    });
  }

  /** The supervisor's sessions end and their open streams are closed; sign-in is refused from now on. */
  async retireSupervisor(actor: Actor, id: string): Promise<AdminSupervisor> {
    const retired = await this.base.commit(actor, 'retire', 'supervisor', id, supervisorEntry(id), async (tx, before) => {
      const current = this.base.existing('Supervisor', id, before);
      if (current.isAdmin) await this.anotherAdmin(tx, id);
      await tx.db.update(tx.tables.supervisors).set({ retiredAt: this.base.clock() }).where(eq(tx.tables.supervisors.id, id));
    });
    await this.base.auth.endSessionsOf('supervisor', id);
    return retired;
  }

  private async emailFree(tx: Store, id: string, email: string): Promise<void> {
    const { supervisors } = tx.tables;
    const [other] = await tx.db.select({ id: supervisors.id }).from(supervisors).where(and(eq(supervisors.email, email.toLowerCase()), ne(supervisors.id, id))).limit(1);
    if (other) throw conflict('email_in_use', `Supervisor "${other.id}" has the email ${email} (retired ones keep theirs).`);
  }

  /** Someone must still be able to administer the directory. */
  private async anotherAdmin(tx: Store, id: string): Promise<void> {
    const { supervisors } = tx.tables;
    const [other] = await tx.db.select({ id: supervisors.id }).from(supervisors).where(and(eq(supervisors.isAdmin, true), isNull(supervisors.retiredAt), ne(supervisors.id, id))).limit(1);
    if (!other) throw conflict('last_admin', `Supervisor "${id}" is the last admin; make another admin first.`);
  }

  private async setScope(tx: Store, id: string, queues: readonly string[] | undefined): Promise<void> {
    if (queues === undefined) return;
    const { supervisorQueues } = tx.tables;
    await tx.db.delete(supervisorQueues).where(eq(supervisorQueues.supervisorId, id));
    if (queues.length > 0) await tx.db.insert(supervisorQueues).values([...new Set(queues)].map((queueId) => ({ supervisorId: id, queueId })));
  }
}
