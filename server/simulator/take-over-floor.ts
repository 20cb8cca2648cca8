import type { FloorState, LiveAgent, LiveCall } from '../domain/floor-state.js';
import type { SimEngine } from './sim-engine.js';
import type { SimAgent, SimCall, SimQueue } from './sim-state.js';
import { MINUTE_MS } from './time-zones.js';

/**
 * Starts the simulated centre from a floor: the live projection after a
 * restart, or an empty one for a cold start. Signed-in agents keep their state
 * and queues, open calls and wrap-ups carry on and finish, and what cannot be
 * carried on is ended by the platform, so nothing stays open forever.
 */
export function takeOverFloor(sim: SimEngine, floor: FloorState): void {
  const now = sim.now;
  for (const agent of sim.agents.values()) {
    const live = floor.agents.get(agent.model.id);
    if (live) takeOverAgent(agent, live, now);
  }

  const waiting: { call: SimCall; queue: SimQueue }[] = [];
  const dropped: SimCall[] = [];
  for (const live of floor.calls.values()) {
    const call: SimCall = {
      id: live.callId,
      direction: live.direction,
      queue: null,
      agent: null,
      phase: 'queued',
      version: 0,
      visit: 0,
      waitingSince: live.waitingSince ?? now,
    };
    sim.calls.set(call.id, call);
    if (carryOnEngaged(sim, call, live, floor)) continue;
    const queue = live.direction === 'inbound' && live.queueId !== null ? sim.queues.get(live.queueId) : undefined;
    if (queue) waiting.push({ call, queue });
    else dropped.push(call);
  }
  // Busy agents are marked before any waiting caller is routed, so only really free agents get offers.
  finishWrapUps(sim, floor);
  for (const { call, queue } of waiting) sim.inbound.enqueue(call, queue, call.waitingSince);
  for (const call of dropped) {
    sim.after(sim.rng.between(1_000, 10_000), () => {
      if (!sim.calls.has(call.id)) return;
      sim.emit({ type: 'call.ended', callId: call.id, by: 'system' });
      sim.close(call);
    });
  }

  sim.shifts.start(now);
  for (const agent of sim.agents.values()) {
    if (!agent.signedIn || agent.available) continue;
    const reason = floor.agents.get(agent.model.id)?.stateReason ?? null;
    sim.shifts.availableAfter(agent, sim.rng.between(...pauseLeft(reason)));
  }
  sim.inbound.startArrivals(now);
  sim.at(now, () => {
    for (const agent of sim.agents.values()) sim.shifts.settle(agent);
  });
}

function takeOverAgent(agent: SimAgent, live: LiveAgent, now: number): void {
  agent.joined = new Set(live.joined.filter((q) => agent.model.queues.includes(q)));
  if (live.state === 'signed_out') return;
  agent.signedIn = true;
  agent.available = live.state === 'available';
  agent.idleSince = live.contactSince ?? live.stateSince ?? now;
}

/** A call ringing at or connected to an agent carries on with that agent; false when it cannot. */
function carryOnEngaged(sim: SimEngine, call: SimCall, live: LiveCall, floor: FloorState): boolean {
  const agent = live.agentId !== null ? sim.agents.get(live.agentId) : undefined;
  if (!agent || agent.task !== null || live.phase === 'queued' || live.phase === 'transferring') return false;
  if (live.direction === 'outbound') {
    sim.outbound.adopt(call, agent, live.phase);
  } else {
    const queue = live.queueId !== null ? sim.queues.get(live.queueId) : undefined;
    if (!queue) return false;
    sim.inbound.adopt(call, queue, agent, live.phase);
  }
  const m = floor.agents.get(agent.model.id)?.monitoredBy;
  if (m && live.phase !== 'ringing') agent.monitor = { supervisorId: m.supervisorId, mode: m.mode, token: 0, confirmed: true };
  return true;
}

/** Agents the floor shows in wrap-up complete it; agents engaged with a call that is gone get one, which frees them. */
function finishWrapUps(sim: SimEngine, floor: FloorState): void {
  if (sim.model.reasons.length === 0) return;
  const rng = sim.rng;
  for (const agent of sim.agents.values()) {
    const live = floor.agents.get(agent.model.id);
    if (!live || agent.task !== null || live.contactState === 'idle' || live.callId === null) continue;
    const call: SimCall = {
      id: live.callId,
      direction: live.direction ?? 'inbound',
      queue: null,
      agent: null,
      phase: 'ended',
      version: 0,
      visit: 0,
      waitingSince: sim.now,
    };
    const queue = sim.queues.get(agent.model.queues[0] ?? '')?.model ?? null;
    if (live.contactState === 'wrapup') {
      sim.afterCall.completeLater(agent, call, queue, rng.between(5_000, 40_000));
    } else {
      agent.task = 'wrapup';
      agent.call = call;
      sim.after(rng.between(1_000, 5_000), () => sim.afterCall.wrapUp(agent, call, queue));
    }
  }
}

/** How much longer an agent taken over while unavailable stays so, by reason. */
function pauseLeft(reason: string | null): [number, number] {
  if (reason === null || reason === 'Ring no answer') return [30_000, 2 * MINUTE_MS];
  if (reason === 'Lunch') return [5 * MINUTE_MS, 30 * MINUTE_MS];
  return [2 * MINUTE_MS, 15 * MINUTE_MS];
}
