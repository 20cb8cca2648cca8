import { CALL } from './call-params.js';
import type { SimEngine } from './sim-engine.js';
import { canTake, type SimAgent, type SimCall, type SimQueue } from './sim-state.js';

/**
 * Inbound calls from the caller's first ring to hang-up: arrivals, the queue,
 * routing to the longest-idle agent, ringing (answered, rung out, or abandoned),
 * talk with holds, and transfers to another queue.
 */
export class InboundCalls {
  constructor(private readonly sim: SimEngine) {}

  /** Starts each queue's arrival process at `from`. */
  startArrivals(from: number): void {
    for (const q of this.sim.queues.values()) this.nextArrival(q, from);
  }

  /** A stay of `call` in `q`, waiting since `since` (earlier than now for a call taken over from the floor). */
  enqueue(call: SimCall, q: SimQueue, since: number): void {
    call.queue = q;
    call.agent = null;
    call.visit++;
    call.phase = 'queued';
    call.version++;
    call.waitingSince = since;
    if (!this.scheduleGiveUp(call, since)) return;
    insertByWait(q.waiting, call);
    this.routeCall(call);
  }

  /** Offers the longest-waiting call of the agent's queues to a free agent; false when none waits. */
  routeAgent(agent: SimAgent): boolean {
    let best: SimCall | null = null;
    for (const queueId of agent.joined) {
      const head = this.sim.queues.get(queueId)?.waiting[0];
      if (head && (best === null || head.waitingSince < best.waitingSince)) best = head;
    }
    if (best === null) return false;
    this.reserve(agent, best);
    return true;
  }

  /** Carries on a call the floor shows ringing at or talking to `agent`. */
  adopt(call: SimCall, q: SimQueue, agent: SimAgent, phase: 'ringing' | 'connected' | 'hold'): void {
    call.queue = q;
    call.visit++;
    call.agent = agent;
    call.phase = phase;
    agent.call = call;
    agent.task = phase;
    const rng = this.sim.rng;
    if (phase === 'ringing') {
      this.scheduleGiveUp(call, call.waitingSince);
      this.sim.step(call, rng.between(1_000, 5_000), () => this.answer(call));
    } else {
      const remaining = Math.max(5_000, rng.lognormal(q.model.talkMedianMs, CALL.talk.sigma) / 2);
      if (phase === 'hold') this.sim.step(call, rng.between(5_000, 30_000), () => this.resumeThenEnd(call, remaining));
      else this.sim.step(call, remaining, () => this.sim.afterCall.hangUp(call, this.endedBy()));
    }
  }

  private nextArrival(q: SimQueue, from: number): void {
    const { peakRatePerMs, curve } = q.model;
    if (peakRatePerMs <= 0) return;
    const rng = this.sim.rng;
    // Thinning: candidates at the peak rate, each kept with the intensity at its instant.
    let t = from;
    do t += rng.exponential(1 / peakRatePerMs);
    while (rng.next() >= curve.at(t));
    this.sim.at(t, () => {
      this.arrive(q);
      this.nextArrival(q, t);
    });
  }

  private arrive(q: SimQueue): void {
    const sim = this.sim;
    const call: SimCall = {
      id: sim.newCallId(),
      direction: 'inbound',
      queue: q,
      agent: null,
      phase: 'queued',
      version: 0,
      visit: 0,
      waitingSince: sim.now,
    };
    sim.calls.set(call.id, call);
    sim.emit({ type: 'call.queued', callId: call.id, queueId: q.model.id, direction: 'inbound' });
    this.enqueue(call, q, sim.now);
  }

  /**
   * The caller's patience for this stay, or the platform dropping the call:
   * overflow after a long wait, or at once when nobody staffs the queue or the
   * caller chose no key at its prompt (then never offered: false).
   */
  private scheduleGiveUp(call: SimCall, since: number): boolean {
    const sim = this.sim;
    const rng = sim.rng;
    let at: number;
    let by: 'caller' | 'system';
    const queueId = call.queue!.model.id;
    const dropped = rng.chance(CALL.noKeyRate) || !call.queue!.agents.some((a) => a.signedIn && a.joined.has(queueId));
    if (dropped) {
      at = since + rng.between(...CALL.noKeyMs);
      by = 'system';
    } else {
      const patience = rng.lognormal(CALL.patience.median, CALL.patience.sigma);
      by = patience < CALL.overflowMs ? 'caller' : 'system';
      at = since + Math.min(patience, CALL.overflowMs);
    }
    // A caller taken over from the floor who would have given up already does so shortly.
    if (at <= sim.now) at = sim.now + rng.between(1_000, 20_000);
    const visit = call.visit;
    sim.at(at, () => {
      if (call.visit === visit) this.giveUp(call, by);
    });
    return !dropped;
  }

  private giveUp(call: SimCall, by: 'caller' | 'system'): void {
    if (call.phase !== 'queued' && call.phase !== 'routing' && call.phase !== 'ringing') return;
    const agent = call.agent;
    if (call.phase === 'queued') remove(call.queue!.waiting, call);
    this.sim.emit({ type: 'call.ended', callId: call.id, by, outcome: by === 'caller' ? 'abandoned' : 'other' });
    this.sim.close(call);
    if (agent) this.sim.shifts.idle(agent);
  }

  private routeCall(call: SimCall): void {
    const queueId = call.queue!.model.id;
    let best: SimAgent | null = null;
    for (const a of call.queue!.agents) if (canTake(a, queueId) && (best === null || a.idleSince < best.idleSince)) best = a;
    if (best) this.reserve(best, call);
  }

  private reserve(agent: SimAgent, call: SimCall): void {
    remove(call.queue!.waiting, call);
    call.phase = 'routing';
    call.agent = agent;
    call.version++;
    agent.task = 'reserved';
    agent.call = call;
    this.sim.step(call, this.sim.rng.between(...CALL.routingMs), () => this.offer(call));
  }

  private offer(call: SimCall): void {
    const sim = this.sim;
    const agent = call.agent!;
    sim.emit({ type: 'call.offered', callId: call.id, agentId: agent.model.id });
    call.phase = 'ringing';
    call.version++;
    agent.task = 'ringing';
    if (sim.rng.chance(CALL.ringNoAnswerRate)) sim.step(call, sim.rng.between(...CALL.ringNoAnswerMs), () => this.bounce(call));
    else sim.step(call, sim.rng.between(...CALL.ringMs), () => this.answer(call));
  }

  private bounce(call: SimCall): void {
    const sim = this.sim;
    const agent = call.agent!;
    sim.emit({ type: 'call.bounced', callId: call.id, agentId: agent.model.id });
    call.agent = null;
    call.phase = 'queued';
    call.version++;
    insertByWait(call.queue!.waiting, call);
    agent.task = null;
    agent.call = null;
    agent.idleSince = sim.now;
    sim.shifts.ringNoAnswer(agent);
    this.routeCall(call);
  }

  private answer(call: SimCall): void {
    const sim = this.sim;
    const rng = sim.rng;
    const agent = call.agent!;
    const q = call.queue!;
    sim.emit({ type: 'call.answered', callId: call.id, agentId: agent.model.id });
    call.phase = 'connected';
    call.version++;
    agent.task = 'connected';

    const talk = rng.lognormal(q.model.talkMedianMs, CALL.talk.sigma);
    if (rng.chance(CALL.transferRate)) {
      // Agents hand calls on to other teams' queues, open at this hour.
      const open = q.model.transferTargets.filter(
        (id) => !agent.model.queues.includes(id) && sim.queues.get(id)!.model.curve.at(sim.now) > 0,
      );
      if (open.length > 0) {
        const target = sim.queues.get(rng.pick(open))!;
        sim.step(call, talk * rng.between(0.3, 0.8), () => {
          this.hold(call);
          sim.step(call, rng.between(...CALL.consultMs), () => this.transfer(call, target));
        });
        return;
      }
    }
    if (rng.chance(CALL.holdRate)) {
      const beforeHold = talk * rng.between(0.2, 0.7);
      sim.step(call, beforeHold, () => {
        this.hold(call);
        sim.step(call, rng.lognormal(CALL.hold.median, CALL.hold.sigma), () => this.resumeThenEnd(call, talk - beforeHold));
      });
      return;
    }
    sim.step(call, talk, () => sim.afterCall.hangUp(call, this.endedBy()));
  }

  private hold(call: SimCall): void {
    this.sim.emit({ type: 'call.held', callId: call.id });
    call.phase = 'hold';
    call.version++;
    call.agent!.task = 'hold';
  }

  private resumeThenEnd(call: SimCall, remainingMs: number): void {
    this.sim.emit({ type: 'call.resumed', callId: call.id });
    call.phase = 'connected';
    call.version++;
    call.agent!.task = 'connected';
    this.sim.step(call, remainingMs, () => this.sim.afterCall.hangUp(call, this.endedBy()));
  }

  private transfer(call: SimCall, target: SimQueue): void {
    const sim = this.sim;
    const agent = call.agent!;
    sim.supervisor.release(agent);
    sim.emit({ type: 'call.transferred', callId: call.id, toQueueId: target.model.id });
    sim.afterCall.wrapUp(agent, call, call.queue!.model);
    this.enqueue(call, target, sim.now);
  }

  private endedBy(): 'caller' | 'agent' {
    return this.sim.rng.chance(CALL.endedByCallerRate) ? 'caller' : 'agent';
  }
}

/** Keeps a queue in order of waiting time (a bounced call goes back to its place, near the front). */
function insertByWait(list: SimCall[], call: SimCall): void {
  let i = list.length;
  while (i > 0 && list[i - 1]!.waitingSince > call.waitingSince) i--;
  list.splice(i, 0, call);
}

function remove(list: SimCall[], call: SimCall): void {
  const i = list.indexOf(call);
  if (i >= 0) list.splice(i, 1);
}
