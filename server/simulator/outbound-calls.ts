import { OUTBOUND } from './call-params.js';
import type { SimEngine } from './sim-engine.js';
import type { SimAgent, SimCall } from './sim-state.js';

/** Agents with a quiet moment call customers back: dial, ring at the far end, talk (or no answer). */
export class OutboundCalls {
  constructor(private readonly sim: SimEngine) {}

  /** Called when an agent has gone idle with nothing waiting: now and then they use the moment to dial out. */
  considerDialing(agent: SimAgent): void {
    const sim = this.sim;
    if (!sim.rng.chance(OUTBOUND.dialRate)) return;
    const idleSince = agent.idleSince;
    sim.after(sim.rng.between(...OUTBOUND.dialAfterMs), () => {
      const stillIdle = agent.idleSince === idleSince && agent.task === null;
      if (stillIdle && agent.signedIn && agent.available && !agent.ending) this.dial(agent);
    });
  }

  /** Carries on an outbound call the floor shows ringing or connected. */
  adopt(call: SimCall, agent: SimAgent, phase: 'ringing' | 'connected' | 'hold'): void {
    call.agent = agent;
    call.phase = phase === 'ringing' ? 'ringing' : 'connected';
    agent.call = call;
    agent.task = call.phase;
    if (phase === 'ringing') this.ring(call, 0.5);
    else this.sim.step(call, Math.max(5_000, this.talkMs() / 2), () => this.sim.afterCall.hangUp(call, 'agent'));
  }

  private dial(agent: SimAgent): void {
    const sim = this.sim;
    const call: SimCall = {
      id: sim.newCallId(),
      direction: 'outbound',
      queue: null,
      agent,
      phase: 'ringing',
      version: 0,
      visit: 0,
      waitingSince: sim.now,
    };
    sim.calls.set(call.id, call);
    agent.task = 'ringing';
    agent.call = call;
    sim.emit({ type: 'call.dialed', callId: call.id, agentId: agent.model.id });
    this.ring(call, 1);
  }

  /** The far end picks up, or the agent gives up; `scale` shortens what is left of a ring already under way. */
  private ring(call: SimCall, scale: number): void {
    const sim = this.sim;
    const rng = sim.rng;
    if (rng.chance(OUTBOUND.answeredRate)) sim.step(call, scale * rng.between(...OUTBOUND.answerMs), () => this.answer(call));
    else sim.step(call, scale * rng.between(...OUTBOUND.giveUpMs), () => this.unanswered(call));
  }

  private answer(call: SimCall): void {
    const sim = this.sim;
    const agent = call.agent!;
    sim.emit({ type: 'call.answered', callId: call.id, agentId: agent.model.id });
    call.phase = 'connected';
    call.version++;
    agent.task = 'connected';
    sim.step(call, this.talkMs(), () => sim.afterCall.hangUp(call, sim.rng.chance(0.35) ? 'caller' : 'agent'));
  }

  private unanswered(call: SimCall): void {
    const sim = this.sim;
    const agent = call.agent!;
    sim.emit({ type: 'call.ended', callId: call.id, by: 'agent' });
    sim.close(call);
    sim.shifts.idle(agent);
  }

  private talkMs(): number {
    return this.sim.rng.lognormal(OUTBOUND.talk.median * this.sim.model.talkScale, OUTBOUND.talk.sigma);
  }
}
