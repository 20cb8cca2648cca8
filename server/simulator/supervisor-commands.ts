import type { SupervisorCommand } from '../commands/command.js';
import { SUPERVISOR } from './call-params.js';
import type { SimEngine } from './sim-engine.js';
import type { SimAgent } from './sim-state.js';

/**
 * Supervisor commands as the simulated platform carries them out: checked
 * against the simulated floor when sent, effective a moment later as ordinary
 * events, like a real platform's confirmations.
 */
export class SupervisorCommands {
  private token = 0;

  constructor(private readonly sim: SimEngine) {}

  /** Takes a command sent at `at`; throws an Error a supervisor can read when the floor cannot carry it out. */
  accept(command: SupervisorCommand, at: number): void {
    const sim = this.sim;
    if (!sim.started) throw new Error('The simulated centre is not running yet.');
    const agent = sim.agents.get(command.agentId);
    if (!agent) throw new Error(`Agent "${command.agentId}" is not part of the simulated centre.`);
    const effect = this.check(agent, command);
    const when = Math.max(at, sim.now, agent.lastCommandAt + 1) + sim.rng.between(...SUPERVISOR.latencyMs);
    agent.lastCommandAt = when;
    sim.at(when, effect);
  }

  /** The supervisor leaves the call (it ended, was transferred, or the agent signed out). */
  release(agent: SimAgent): void {
    const m = agent.monitor;
    if (!m) return;
    agent.monitor = null;
    if (m.confirmed) this.sim.emit({ type: 'monitor.ended', agentId: agent.model.id, supervisorId: m.supervisorId });
  }

  private check(agent: SimAgent, command: SupervisorCommand): () => void {
    const sim = this.sim;
    const name = agent.model.name;
    const agentId = agent.model.id;
    switch (command.kind) {
      case 'set_state':
        if (!agent.signedIn) throw new Error(`${name} is signed out.`);
        return () => {
          if (agent.signedIn) sim.shifts.setBySupervisor(agent, command.state, command.reason ?? null);
        };
      case 'sign_out':
        if (!agent.signedIn) throw new Error(`${name} is already signed out.`);
        return () => {
          if (agent.signedIn) sim.shifts.signOutBySupervisor(agent);
        };
      case 'join_queue': {
        const { queueId } = command;
        if (!agent.model.queues.includes(queueId)) throw new Error(`${name} is not assigned to ${this.queueName(queueId)}.`);
        if (agent.joined.has(queueId)) throw new Error(`${name} has already joined ${this.queueName(queueId)}.`);
        return () => {
          if (!agent.joined.has(queueId)) sim.shifts.join(agent, queueId);
        };
      }
      case 'leave_queue': {
        const { queueId } = command;
        if (!agent.joined.has(queueId)) throw new Error(`${name} has not joined ${this.queueName(queueId)}.`);
        return () => {
          if (agent.joined.has(queueId)) sim.shifts.leave(agent, queueId);
        };
      }
      case 'monitor': {
        const call = agent.call;
        if (call === null || (agent.task !== 'connected' && agent.task !== 'hold')) throw new Error(`${name} is not on a call.`);
        if (call.id !== command.callId) throw new Error(`${name} is no longer on that call.`);
        const current = agent.monitor;
        if (current && current.supervisorId !== command.supervisorId)
          throw new Error(`${name}'s call is already monitored by another supervisor.`);
        const token = ++this.token;
        const { supervisorId, mode } = command;
        agent.monitor = { supervisorId, mode, token, confirmed: current?.confirmed ?? false };
        return () => {
          const m = agent.monitor;
          if (m?.token !== token) return;
          if (agent.call !== call || (agent.task !== 'connected' && agent.task !== 'hold')) {
            agent.monitor = null;
            return;
          }
          sim.emit({ type: 'monitor.started', agentId, callId: call.id, supervisorId, mode });
          m.confirmed = true;
        };
      }
      case 'end_monitor': {
        const { supervisorId } = command;
        if (agent.monitor?.supervisorId !== supervisorId) throw new Error(`You are not monitoring ${name}.`);
        agent.monitor = null;
        return () => sim.emit({ type: 'monitor.ended', agentId, supervisorId });
      }
    }
  }

  private queueName(queueId: string): string {
    return this.sim.queues.get(queueId)?.model.name ?? queueId;
  }
}
