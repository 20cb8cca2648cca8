import { CALL, SHIFT, SUPERVISOR } from './call-params.js';
import type { SimEngine } from './sim-engine.js';
import type { PlannedBreak, SimAgent } from './sim-state.js';
import { HOUR_MS, MINUTE_MS } from './time-zones.js';

/**
 * An agent's working day: sign in at the shift's start, join queues, become
 * available; breaks, lunch and meetings taken when idle; now and then a spell
 * out of one queue; sign out at the end once the last call is wrapped up.
 * Also where an idle agent decides what to do next.
 */
export class AgentShifts {
  constructor(private readonly sim: SimEngine) {}

  /** Plans every agent from `now`: the rest of a shift under way, and every shift after. */
  start(now: number): void {
    const rng = this.sim.rng;
    for (const agent of this.sim.agents.values()) {
      const { zone, shiftStartMinute } = agent.model;
      const today = zone.localDay(now);
      let nextDay = today;
      let onShift = false;
      for (const day of [today - 1, today]) {
        const start = zone.instantOf(day, shiftStartMinute);
        if (start > now) continue;
        nextDay = day + 1;
        if (now < start + SHIFT.lengthMs) {
          onShift = true;
          this.planShift(agent, start);
          if (!agent.signedIn) this.sim.after(rng.between(0, 5 * MINUTE_MS), () => this.comeBack(agent));
        }
      }
      if (!onShift && agent.signedIn) {
        // Signed in outside their shift (taken over from the floor): a little overtime, then home.
        const end = now + rng.between(MINUTE_MS, 20 * MINUTE_MS);
        agent.shiftEndsAt = end;
        this.sim.at(end, () => this.shiftOver(agent, end));
      }
      this.scheduleShift(agent, nextDay);
    }
  }

  /** The agent has nothing to do with a call any more. */
  idle(agent: SimAgent): void {
    agent.task = null;
    agent.call = null;
    agent.idleSince = this.sim.now;
    this.settle(agent);
  }

  /** What a free agent does next: sign out if the shift is over, a due break, the next call, or a call out. */
  settle(agent: SimAgent): void {
    if (agent.task !== null || !agent.signedIn) return;
    if (agent.ending) return this.signOut(agent);
    if (!agent.available) return;
    const due = agent.pendingBreaks.shift();
    if (due) return this.pause(agent, due.reason, due.durationMs);
    if (!this.sim.inbound.routeAgent(agent)) this.sim.outbound.considerDialing(agent);
  }

  /** The platform pauses an agent who let a call ring out. */
  ringNoAnswer(agent: SimAgent): void {
    if (agent.signedIn) this.pause(agent, 'Ring no answer', this.sim.rng.between(...CALL.ringNoAnswerPauseMs));
  }

  /** Unavailable for `durationMs`, then back by themselves unless something else changed their state. */
  private pause(agent: SimAgent, reason: string | null, durationMs: number): void {
    this.setState(agent, false, reason);
    this.availableAfter(agent, durationMs);
  }

  /** Back to available after `durationMs`, unless the state changed meanwhile. */
  availableAfter(agent: SimAgent, durationMs: number): void {
    const version = agent.stateVersion;
    this.sim.after(durationMs, () => {
      if (agent.signedIn && agent.stateVersion === version) this.setState(agent, true, null);
    });
  }

  private setState(agent: SimAgent, available: boolean, reason: string | null): void {
    const agentId = agent.model.id;
    this.sim.emit(
      available || reason === null
        ? { type: 'agent.state_changed', agentId, state: available ? 'available' : 'unavailable' }
        : { type: 'agent.state_changed', agentId, state: 'unavailable', reason },
    );
    agent.available = available;
    agent.stateVersion++;
    if (available && agent.task === null) agent.idleSince = this.sim.now;
    this.settle(agent);
  }

  /** A supervisor signed the agent out: they finish what they are doing, and come back later if their shift is on. */
  signOutBySupervisor(agent: SimAgent): void {
    this.sim.supervisor.release(agent);
    this.signOut(agent);
    this.sim.after(this.sim.rng.between(...SUPERVISOR.backSignedInMs), () => this.comeBack(agent));
  }

  /** A supervisor changed the agent's state; someone made unavailable returns by themselves a few minutes later. */
  setBySupervisor(agent: SimAgent, state: 'available' | 'unavailable', reason: string | null): void {
    if (state === 'available') this.setState(agent, true, null);
    else this.pause(agent, reason, this.sim.rng.between(...SUPERVISOR.backAvailableMs));
  }

  private scheduleShift(agent: SimAgent, day: number): void {
    const rng = this.sim.rng;
    const start = agent.model.zone.instantOf(day, agent.model.shiftStartMinute) + rng.between(-1, 1) * SHIFT.startJitterMs;
    this.sim.at(start, () => {
      this.planShift(agent, this.sim.now);
      if (!agent.signedIn) this.signIn(agent);
      this.scheduleShift(agent, day + 1);
    });
  }

  /** Breaks, meetings and the end of the shift that started at `start`; what is already past is skipped. */
  private planShift(agent: SimAgent, start: number): void {
    const sim = this.sim;
    const rng = sim.rng;
    const end = start + SHIFT.lengthMs;
    agent.shiftEndsAt = end;
    agent.ending = false;
    const plan = (at: number, run: () => void) => {
      if (at > sim.now) sim.at(at, run);
    };
    for (const b of SHIFT.breaks) {
      const brk = { reason: b.reason, durationMs: b.durationMs };
      plan(start + b.atMs + rng.between(-1, 1) * b.jitterMs, () => this.breakDue(agent, brk, end));
    }
    if (rng.chance(SHIFT.meetingRate)) {
      const brk = { reason: rng.chance(0.5) ? 'Meeting' : 'Training', durationMs: rng.between(...SHIFT.meetingMs) };
      plan(start + rng.between(HOUR_MS, 7 * HOUR_MS), () => this.breakDue(agent, brk, end));
    }
    if (rng.chance(SHIFT.queueBreakRate)) plan(start + rng.between(HOUR_MS, 7 * HOUR_MS), () => this.stepOutOfQueue(agent));
    sim.at(end, () => this.shiftOver(agent, end));
  }

  private breakDue(agent: SimAgent, brk: PlannedBreak, shiftEnd: number): void {
    if (!agent.signedIn || agent.ending || agent.shiftEndsAt !== shiftEnd) return;
    agent.pendingBreaks.push(brk);
    this.settle(agent);
  }

  private shiftOver(agent: SimAgent, end: number): void {
    if (agent.shiftEndsAt !== end || !agent.signedIn) return;
    agent.ending = true;
    agent.pendingBreaks = [];
    this.settle(agent);
  }

  private signIn(agent: SimAgent): void {
    const sim = this.sim;
    const agentId = agent.model.id;
    sim.emit({ type: 'agent.signed_in', agentId });
    agent.signedIn = true;
    agent.available = false;
    agent.stateVersion++;
    agent.ending = false;
    agent.pendingBreaks = [];
    sim.after(sim.rng.between(...SHIFT.signInToJoinMs), () => {
      if (!agent.signedIn) return;
      for (const queueId of agent.model.queues) if (!agent.joined.has(queueId)) this.join(agent, queueId);
    });
    this.availableAfter(agent, sim.rng.between(...SHIFT.signInToAvailableMs));
  }

  private signOut(agent: SimAgent): void {
    this.sim.emit({ type: 'agent.signed_out', agentId: agent.model.id });
    agent.signedIn = false;
    agent.available = false;
    agent.stateVersion++;
    agent.ending = false;
    agent.pendingBreaks = [];
  }

  /** Signs in again if the shift is still on (after a supervisor's sign-out, or when taken over mid-shift). */
  private comeBack(agent: SimAgent): void {
    if (agent.signedIn || this.sim.now >= agent.shiftEndsAt - 10 * MINUTE_MS) return;
    if (agent.task !== null) this.sim.after(30_000, () => this.comeBack(agent));
    else this.signIn(agent);
  }

  join(agent: SimAgent, queueId: string): void {
    this.sim.emit({ type: 'agent.queue_joined', agentId: agent.model.id, queueId });
    agent.joined.add(queueId);
    this.settle(agent);
  }

  leave(agent: SimAgent, queueId: string): void {
    this.sim.emit({ type: 'agent.queue_left', agentId: agent.model.id, queueId });
    agent.joined.delete(queueId);
  }

  private stepOutOfQueue(agent: SimAgent): void {
    if (!agent.signedIn || agent.joined.size < 2) return;
    const sim = this.sim;
    const queueId = sim.rng.pick([...agent.joined]);
    this.leave(agent, queueId);
    sim.after(sim.rng.between(...SHIFT.queueBreakMs), () => {
      if (agent.signedIn && !agent.joined.has(queueId)) this.join(agent, queueId);
    });
  }
}
