import { randomUUID } from 'node:crypto';
import { agentInScope, type Principal } from '../auth/principal.js';
import type { Directory } from '../directory/directory.js';
import type { FloorEvent } from '../domain/events.js';
import { ApiError, conflict, forbidden, notFound } from '../lib/errors.js';
import type { LiveFloor } from '../floor/live-floor.js';
import type { AuditLog } from './audit-log.js';
import type { CommandAdapter, SupervisorCommand } from './command.js';

type Supervisor = Extract<Principal, { kind: 'supervisor' }>;
type Body<K> = K extends SupervisorCommand['kind']
  ? Omit<Extract<SupervisorCommand, { kind: K }>, 'commandId' | 'supervisorId' | 'agentId' | 'issuedAt'>
  : never;
/** What a supervisor asks for; the call id of monitor commands is filled in from the live floor. */
export type CommandRequest =
  | Body<'set_state' | 'sign_out' | 'join_queue' | 'leave_queue'>
  | { kind: 'monitor'; mode: 'monitor' | 'coach' | 'barge' }
  | { kind: 'end_monitor' };

/** How long a sent monitor command holds its call against other supervisors before the platform confirms. */
const MONITOR_CLAIM_MS = 15_000;

/**
 * Supervisor commands: checked against scope and live state, sent through the
 * adapter, and audited whatever happens. Effects come back as events.
 */
export class CommandService {
  /** Calls a monitor command was sent for, not yet confirmed by `monitor.started`. */
  private readonly claims = new Map<string, { supervisorId: string; until: number }>();

  constructor(
    private readonly directory: Directory,
    private readonly floor: LiveFloor,
    private readonly adapter: CommandAdapter | null,
    private readonly audit: AuditLog,
    private readonly clock: () => number = Date.now,
  ) {}

  get adapterName(): string | null {
    return this.adapter?.name ?? null;
  }

  /** The platform's confirmation (or the call's end) releases a claim. */
  observe(events: readonly FloorEvent[]): void {
    for (const e of events) if (e.type === 'monitor.started' || e.type === 'call.ended') this.claims.delete(e.callId);
  }

  async execute(supervisor: Supervisor, agentId: string, request: CommandRequest): Promise<{ commandId: string }> {
    const commandId = randomUUID();
    let command: SupervisorCommand;
    try {
      command = this.check(supervisor, agentId, request, commandId);
    } catch (err) {
      if (err instanceof ApiError) await this.audit.record(supervisor.id, agentId, request, 'refused', err.message);
      throw err;
    }
    try {
      await this.adapter!.send(command);
    } catch (err) {
      if (command.kind === 'monitor') this.claims.delete(command.callId);
      const message = (err as Error).message;
      await this.audit.record(supervisor.id, agentId, request, 'failed', message);
      throw new ApiError(502, 'platform_error', message);
    }
    await this.audit.record(supervisor.id, agentId, request, 'sent', null);
    return { commandId };
  }

  private check(s: Supervisor, agentId: string, req: CommandRequest, commandId: string): SupervisorCommand {
    const dir = this.directory;
    if (!dir.agents.has(agentId)) throw notFound(`Agent "${agentId}"`);
    if (!agentInScope(dir, s.scope, agentId)) throw forbidden(`Agent "${agentId}" is not in any of your queues.`);
    const agent = this.floor.agent(agentId);
    const name = dir.agents.get(agentId)!.name;
    const base = { commandId, supervisorId: s.id, agentId, issuedAt: new Date(this.clock()).toISOString() };

    switch (req.kind) {
      case 'set_state':
        if (agent.state === 'signed_out') throw conflict('agent_signed_out', `${name} is signed out.`);
        if (agent.state === req.state && (req.state === 'available' || agent.stateReason === (req.reason ?? null)))
          throw conflict('no_change', `${name} is already ${req.state}.`);
        break;
      case 'sign_out':
        if (agent.state === 'signed_out') throw conflict('agent_signed_out', `${name} is already signed out.`);
        break;
      case 'join_queue':
      case 'leave_queue': {
        const queue = dir.queues.get(req.queueId);
        if (!queue) throw notFound(`Queue "${req.queueId}"`);
        if (!s.scope.queues.has(req.queueId)) throw forbidden(`Queue "${queue.name}" is not one of your queues.`);
        if (!dir.isAssigned(agentId, req.queueId))
          throw conflict('not_assigned', `${name} is not assigned to ${queue.name}.`);
        const joined = agent.joined.includes(req.queueId);
        if (req.kind === 'join_queue' && joined) throw conflict('already_joined', `${name} has already joined ${queue.name}.`);
        if (req.kind === 'leave_queue' && !joined) throw conflict('not_joined', `${name} has not joined ${queue.name}.`);
        break;
      }
      case 'monitor': {
        if ((agent.contactState !== 'connected' && agent.contactState !== 'hold') || agent.callId === null)
          throw conflict('not_on_call', `${name} is not on a call (${agent.contactState}).`);
        const callId = agent.callId;
        const holder = agent.monitoredBy?.supervisorId ?? this.activeClaim(callId);
        if (holder && holder !== s.id) {
          const other = dir.supervisors.get(holder)?.name ?? holder;
          throw conflict('monitored_by_other', `${other} is already monitoring ${name}'s call.`);
        }
        if (agent.monitoredBy?.mode === req.mode) throw conflict('no_change', `You are already in ${req.mode} mode.`);
        this.noAdapter();
        this.claims.set(callId, { supervisorId: s.id, until: this.clock() + MONITOR_CLAIM_MS });
        return { ...base, kind: 'monitor', callId, mode: req.mode };
      }
      case 'end_monitor':
        if (agent.monitoredBy?.supervisorId !== s.id && this.activeClaim(agent.callId ?? '') !== s.id)
          throw conflict('not_monitoring', `You are not monitoring ${name}.`);
        this.noAdapter();
        return { ...base, kind: 'end_monitor', callId: agent.callId };
    }
    this.noAdapter();
    return { ...base, ...req } as SupervisorCommand;
  }

  private activeClaim(callId: string): string | null {
    const c = this.claims.get(callId);
    if (!c) return null;
    if (c.until < this.clock()) {
      this.claims.delete(callId);
      return null;
    }
    return c.supervisorId;
  }

  private noAdapter(): void {
    if (!this.adapter) {
      throw new ApiError(
        503,
        'commands_unavailable',
        'Supervisor commands are unavailable: no telephony platform is connected (simulator off and no command webhook configured).',
      );
    }
  }
}
