import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AdminAgent, AdminSupervisor, createAgentBody, createSupervisorBody, updateAgentBody, updateSupervisorBody } from '../../contract/admin.js';
import { agentMembers, agentQueues, agents, supervisorQueues, supervisors } from '../db/schema/directory.js';
import { interfaceKey } from '../directory/pbx-interface.js';
import { badRequest, conflict } from '../lib/errors.js';
import { hashPassword } from '../lib/secrets.js';
import { adminAgents, adminSupervisors } from './admin-views.js';
import type { DirectoryAdmin } from './directory-admin.js';
import type { Actor } from './directory-changes.js';

/** Agents (with their queues and PBX interfaces) and supervisors (with their scopes), administered through DirectoryAdmin's checks and commit. */
export class PeopleAdmin {
  constructor(private readonly base: DirectoryAdmin) {}

  private get db() {
    return this.base.db;
  }

  // ── Agents ──

  createAgent(actor: Actor, body: z.output<typeof createAgentBody>): AdminAgent {
    this.base.freshId('Agent', body.id, adminAgents(this.db, body.id)[0]);
    this.base.queuesInUse(body.queues);
    this.checkAgent(body.id, body.email, body.members);
    return this.base.commit(actor, 'create', 'agent', body.id, () => adminAgents(this.db, body.id)[0], () => {
      this.base.noteLocation(body.location);
      this.db.insert(agents).values({ id: body.id, name: body.name, email: body.email ?? null, location: body.location ?? null }).run();
      this.setAgentQueues(body.id, body.queues);
      this.setMembers(body.id, body.members);
    });
  }

  updateAgent(actor: Actor, id: string, body: z.output<typeof updateAgentBody>): AdminAgent {
    const current = this.base.existing('Agent', id, adminAgents(this.db, id)[0]);
    this.base.queuesInUse(body.queues);
    this.checkAgent(id, body.email, body.members);
    const { queues, members, ...row } = body;
    if (Object.keys(body).length === 0) return current;
    return this.base.commit(actor, 'update', 'agent', id, () => adminAgents(this.db, id)[0], () => {
      this.base.noteLocation(row.location);
      if (Object.keys(row).length > 0) this.db.update(agents).set(row).where(eq(agents.id, id)).run();
      this.setAgentQueues(id, queues);
      this.setMembers(id, members);
    });
  }

  /** One queue assignment added (`assign`) or taken away, the rest kept. */
  assign(actor: Actor, id: string, queueId: string, assign: boolean): AdminAgent {
    const current = this.base.existing('Agent', id, adminAgents(this.db, id)[0]);
    if (assign) this.base.queuesInUse([queueId]);
    const queues = assign ? [...current.queues, queueId] : current.queues.filter((q) => q !== queueId);
    return this.updateAgent(actor, id, { queues });
  }

  /** The agent leaves the floor and the desk (sessions end); its interfaces are freed for another agent. */
  retireAgent(actor: Actor, id: string): AdminAgent {
    this.base.existing('Agent', id, adminAgents(this.db, id)[0]);
    const retired = this.base.commit(actor, 'retire', 'agent', id, () => adminAgents(this.db, id)[0], () => {
      this.db.update(agents).set({ retiredAt: this.base.clock() }).where(eq(agents.id, id)).run();
      this.db.delete(agentMembers).where(eq(agentMembers.agentId, id)).run();
    });
    this.base.auth.endSessionsOf('agent', id);
    return retired;
  }

  private checkAgent(id: string, email: string | null | undefined, members: readonly string[] | undefined): void {
    if (email) {
      const other = this.db
        .select({ id: agents.id })
        .from(agents)
        .where(and(sql`lower(${agents.email}) = ${email.toLowerCase()}`, ne(agents.id, id), isNull(agents.retiredAt)))
        .get();
      if (other) throw conflict('email_in_use', `Agent "${other.id}" has the email ${email}.`);
    }
    if (!members) return;
    const keys = members.map(interfaceKey);
    const twice = Object.fromEntries(keys.flatMap((k, i) => (keys.indexOf(k) < i ? [[`members[${i}]`, `interface "${members[i]}" is listed twice`]] : [])));
    if (Object.keys(twice).length > 0) throw badRequest('The request is invalid.', twice);
    const wanted = new Set(keys);
    const taken = this.db.select().from(agentMembers).where(ne(agentMembers.agentId, id)).all().find((m) => wanted.has(interfaceKey(m.member)));
    if (taken) throw conflict('interface_in_use', `Interface "${taken.member}" identifies agent "${taken.agentId}".`);
  }

  private setAgentQueues(id: string, queues: readonly string[] | undefined): void {
    if (queues === undefined) return;
    this.db.delete(agentQueues).where(eq(agentQueues.agentId, id)).run();
    for (const queueId of new Set(queues)) this.db.insert(agentQueues).values({ agentId: id, queueId }).run();
  }

  private setMembers(id: string, members: readonly string[] | undefined): void {
    if (members === undefined) return;
    this.db.delete(agentMembers).where(eq(agentMembers.agentId, id)).run();
    for (const member of members) this.db.insert(agentMembers).values({ agentId: id, member }).run();
  }

  // ── Supervisors ──

  async createSupervisor(actor: Actor, body: z.output<typeof createSupervisorBody>): Promise<AdminSupervisor> {
    this.base.freshId('Supervisor', body.id, adminSupervisors(this.db, body.id)[0]);
    this.base.queuesInUse(body.queues);
    this.emailFree(body.id, body.email);
    const passwordHash = body.password === undefined ? '' : await hashPassword(body.password);
    return this.base.commit(actor, 'create', 'supervisor', body.id, () => adminSupervisors(this.db, body.id)[0], () => {
      this.db
        .insert(supervisors)
        .values({ id: body.id, name: body.name, email: body.email.toLowerCase(), isAdmin: body.isAdmin, device: body.device ?? null, passwordHash })
        .run();
      this.setScope(body.id, body.queues);
    });
  }

  /** A scope changed here reaches the supervisor's open streams at once: a fresh snapshot in the new scope. */
  async updateSupervisor(actor: Actor, id: string, body: z.output<typeof updateSupervisorBody>): Promise<AdminSupervisor> {
    const current = this.base.existing('Supervisor', id, adminSupervisors(this.db, id)[0]);
    this.base.queuesInUse(body.queues);
    if (body.email !== undefined) this.emailFree(id, body.email);
    if (current.isAdmin && body.isAdmin === false) this.anotherAdmin(id);
    const { queues, password, ...row } = body;
    if (Object.keys(body).length === 0) return current;
    const passwordHash = password === undefined ? undefined : password === null ? '' : await hashPassword(password);
    const set = { ...row, ...(row.email !== undefined && { email: row.email.toLowerCase() }), ...(passwordHash !== undefined && { passwordHash }) };
    return this.base.commit(actor, 'update', 'supervisor', id, () => adminSupervisors(this.db, id)[0], () => {
      if (Object.keys(set).length > 0) this.db.update(supervisors).set(set).where(eq(supervisors.id, id)).run();
      this.setScope(id, queues);
    });
  }

  /** The supervisor's sessions end and their open streams are closed; sign-in is refused from now on. */
  retireSupervisor(actor: Actor, id: string): AdminSupervisor {
    const current = this.base.existing('Supervisor', id, adminSupervisors(this.db, id)[0]);
    if (current.isAdmin) this.anotherAdmin(id);
    const retired = this.base.commit(actor, 'retire', 'supervisor', id, () => adminSupervisors(this.db, id)[0], () => {
      this.db.update(supervisors).set({ retiredAt: this.base.clock() }).where(eq(supervisors.id, id)).run();
    });
    this.base.auth.endSessionsOf('supervisor', id);
    return retired;
  }

  private emailFree(id: string, email: string): void {
    const other = this.db.select({ id: supervisors.id }).from(supervisors).where(and(eq(supervisors.email, email.toLowerCase()), ne(supervisors.id, id))).get();
    if (other) throw conflict('email_in_use', `Supervisor "${other.id}" has the email ${email} (retired ones keep theirs).`);
  }

  /** Someone must still be able to administer the directory. */
  private anotherAdmin(id: string): void {
    const other = this.db.select({ id: supervisors.id }).from(supervisors).where(and(eq(supervisors.isAdmin, true), isNull(supervisors.retiredAt), ne(supervisors.id, id))).get();
    if (!other) throw conflict('last_admin', `Supervisor "${id}" is the last admin; make another admin first.`);
  }

  private setScope(id: string, queues: readonly string[] | undefined): void {
    if (queues === undefined) return;
    this.db.delete(supervisorQueues).where(eq(supervisorQueues.supervisorId, id)).run();
    for (const queueId of new Set(queues)) this.db.insert(supervisorQueues).values({ supervisorId: id, queueId }).run();
  }
}
