import { CALL } from './call-params.js';
import type { QueueModel } from './centre-model.js';
import type { SimEngine } from './sim-engine.js';
import type { SimAgent, SimCall } from './sim-state.js';

/** The end of an agent's part in a call: hang-up, then after-call work with a reason. */
export class AfterCall {
  constructor(private readonly sim: SimEngine) {}

  hangUp(call: SimCall, by: 'caller' | 'agent'): void {
    const sim = this.sim;
    const agent = call.agent!;
    // The supervisor's session ends with the call, and is reported first.
    sim.supervisor.release(agent);
    sim.emit({ type: 'call.ended', callId: call.id, by });
    sim.close(call);
    this.wrapUp(agent, call, call.queue?.model ?? null);
  }

  /** After-call work on `call` (from `queue`, whose reasons it leans to; null for outbound). */
  wrapUp(agent: SimAgent, call: SimCall, queue: QueueModel | null): void {
    // Without wrap-up reasons in the directory there is no way to complete one.
    if (this.sim.model.reasons.length === 0) {
      this.sim.shifts.idle(agent);
      return;
    }
    this.sim.emit({ type: 'wrapup.started', agentId: agent.model.id, callId: call.id });
    this.completeLater(agent, call, queue, this.sim.rng.lognormal(CALL.wrapup.median, CALL.wrapup.sigma));
  }

  completeLater(agent: SimAgent, call: SimCall, queue: QueueModel | null, afterMs: number): void {
    const sim = this.sim;
    agent.task = 'wrapup';
    agent.call = call;
    const reasonId = sim.model.reasons[sim.rng.weighted(queue?.reasonWeights ?? sim.model.outboundReasonWeights)]!;
    sim.after(afterMs, () => {
      if (agent.task !== 'wrapup' || agent.call !== call) return;
      sim.emit({ type: 'wrapup.completed', agentId: agent.model.id, callId: call.id, reasonId });
      sim.shifts.idle(agent);
    });
  }
}
