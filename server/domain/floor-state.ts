import type { FloorEvent, MonitorMode } from './events.js';

/**
 * The live floor: what every agent and every open call is doing now.
 * Plain data so it can be cloned cheaply for the reorder window and saved as JSON.
 * Arrays here are never mutated in place, so a shallow copy of an agent is a full copy.
 */

export type AgentState = 'available' | 'unavailable' | 'signed_out';
export type ContactState = 'idle' | 'ringing' | 'connected' | 'hold' | 'wrapup';
export type Direction = 'inbound' | 'outbound';

export interface LiveAgent {
  agentId: string;
  state: AgentState;
  stateReason: string | null;
  stateSince: number | null;
  /** Queues the agent has joined (a subset of the assigned ones). */
  joined: readonly string[];
  contactState: ContactState;
  contactSince: number | null;
  direction: Direction | null;
  callId: string | null;
  monitoredBy: { supervisorId: string; mode: MonitorMode; since: number } | null;
}

export type CallPhase = 'queued' | 'ringing' | 'connected' | 'hold' | 'transferring';

export interface LiveCall {
  callId: string;
  direction: Direction;
  queueId: string | null;
  /** Start of the current wait in `queueId`; null once answered. */
  waitingSince: number | null;
  agentId: string | null;
  phase: CallPhase;
}

export interface FloorState {
  agents: Map<string, LiveAgent>;
  calls: Map<string, LiveCall>;
}

/** Who an applied event changed, so the stream sends only those rows. */
export interface Touched {
  agents: Set<string>;
  queues: Set<string>;
}

export function newTouched(): Touched {
  return { agents: new Set(), queues: new Set() };
}

export function emptyAgent(agentId: string): LiveAgent {
  return {
    agentId,
    state: 'signed_out',
    stateReason: null,
    stateSince: null,
    joined: [],
    contactState: 'idle',
    contactSince: null,
    direction: null,
    callId: null,
    monitoredBy: null,
  };
}

export function emptyFloor(): FloorState {
  return { agents: new Map(), calls: new Map() };
}

export function cloneFloor(s: FloorState): FloorState {
  const agents = new Map<string, LiveAgent>();
  for (const [k, v] of s.agents) agents.set(k, { ...v });
  const calls = new Map<string, LiveCall>();
  for (const [k, v] of s.calls) calls.set(k, { ...v });
  return { agents, calls };
}

export function isWaiting(c: LiveCall): boolean {
  return c.waitingSince !== null && (c.phase === 'queued' || c.phase === 'ringing');
}

/**
 * Applies one event. Lenient by design: a platform that skips an event
 * (no `call.offered` before `call.answered`, say) still yields a sensible floor.
 *
 * Never backwards: an event older than what an agent is doing now (`stateSince`
 * for their state, `contactSince` for their contact) leaves that part of the
 * agent alone. In time order that never happens; it is an event arriving later
 * than the reorder window (server/domain/floor-timeline.ts), which is still
 * stored and still counts in the history (facts are derived per call).
 */
export function applyEvent(s: FloorState, e: FloorEvent, touched: Touched): void {
  switch (e.type) {
    case 'agent.signed_in': {
      const a = agentOf(s, e.agentId, touched);
      if (a.state === 'signed_out' && !stale(a.stateSince, e.at)) setState(a, 'unavailable', null, e.at);
      return;
    }
    case 'agent.signed_out': {
      const a = agentOf(s, e.agentId, touched);
      if (stale(a.stateSince, e.at)) return;
      setState(a, 'signed_out', null, e.at);
      a.monitoredBy = null;
      return;
    }
    case 'agent.state_changed': {
      const a = agentOf(s, e.agentId, touched);
      if (stale(a.stateSince, e.at)) return;
      setState(a, e.state, e.state === 'unavailable' ? (e.reason ?? null) : null, e.at);
      return;
    }
    case 'agent.queue_joined': {
      const a = agentOf(s, e.agentId, touched);
      if (!a.joined.includes(e.queueId)) a.joined = [...a.joined, e.queueId].sort();
      touched.queues.add(e.queueId);
      return;
    }
    case 'agent.queue_left': {
      const a = agentOf(s, e.agentId, touched);
      a.joined = a.joined.filter((q) => q !== e.queueId);
      touched.queues.add(e.queueId);
      return;
    }
    case 'call.queued': {
      const c = callOf(s, e.callId, 'inbound', touched);
      if (c.queueId !== e.queueId || c.waitingSince === null) c.waitingSince = e.at;
      c.queueId = e.queueId;
      releaseAgent(s, c, e.at, touched);
      c.phase = 'queued';
      touchCall(c, touched);
      return;
    }
    case 'call.offered': {
      const c = callOf(s, e.callId, 'inbound', touched);
      releaseAgent(s, c, e.at, touched);
      c.phase = 'ringing';
      c.agentId = e.agentId;
      engage(agentOf(s, e.agentId, touched), c, 'ringing', e.at);
      return;
    }
    case 'call.dialed': {
      const c = callOf(s, e.callId, 'outbound', touched);
      c.direction = 'outbound';
      c.phase = 'ringing';
      c.agentId = e.agentId;
      c.waitingSince = null;
      engage(agentOf(s, e.agentId, touched), c, 'ringing', e.at);
      return;
    }
    case 'call.bounced': {
      const c = s.calls.get(e.callId);
      const a = agentOf(s, e.agentId, touched);
      if (a.callId === e.callId && a.contactState !== 'wrapup' && !stale(a.contactSince, e.at)) disengage(a, e.at);
      if (c && c.agentId === e.agentId) {
        c.agentId = null;
        c.phase = 'queued';
        touchCall(c, touched);
      }
      return;
    }
    case 'call.answered': {
      const c = callOf(s, e.callId, 'inbound', touched);
      if (c.agentId !== e.agentId) releaseAgent(s, c, e.at, touched);
      c.phase = 'connected';
      c.agentId = e.agentId;
      c.waitingSince = null;
      engage(agentOf(s, e.agentId, touched), c, 'connected', e.at);
      return;
    }
    case 'call.held':
    case 'call.resumed': {
      const c = s.calls.get(e.callId);
      if (!c || c.agentId === null || (c.phase !== 'connected' && c.phase !== 'hold')) return;
      c.phase = e.type === 'call.held' ? 'hold' : 'connected';
      const a = agentOf(s, c.agentId, touched);
      if (a.callId === c.callId && a.contactState !== c.phase && !stale(a.contactSince, e.at)) {
        a.contactState = c.phase;
        a.contactSince = e.at;
      }
      touchCall(c, touched);
      return;
    }
    case 'call.transferred': {
      const c = s.calls.get(e.callId);
      if (!c) return;
      touchCall(c, touched);
      releaseAgent(s, c, e.at, touched);
      if (e.toQueueId) {
        c.queueId = e.toQueueId;
        c.phase = 'queued';
        c.waitingSince = e.at;
      } else {
        c.phase = 'transferring';
        c.waitingSince = null;
      }
      touchCall(c, touched);
      return;
    }
    case 'call.ended': {
      const c = s.calls.get(e.callId);
      if (!c) return;
      touchCall(c, touched);
      releaseAgent(s, c, e.at, touched);
      s.calls.delete(e.callId);
      return;
    }
    case 'wrapup.started': {
      const a = agentOf(s, e.agentId, touched);
      if (stale(a.contactSince, e.at)) return;
      a.contactState = 'wrapup';
      a.contactSince = e.at;
      a.callId = e.callId;
      a.monitoredBy = null;
      return;
    }
    case 'wrapup.completed': {
      const a = agentOf(s, e.agentId, touched);
      if (a.contactState === 'wrapup' && a.callId === e.callId && !stale(a.contactSince, e.at)) disengage(a, e.at);
      return;
    }
    case 'monitor.started': {
      const a = agentOf(s, e.agentId, touched);
      if (stale(a.contactSince, e.at) || stale(a.monitoredBy?.since ?? null, e.at)) return;
      a.monitoredBy = { supervisorId: e.supervisorId, mode: e.mode, since: e.at };
      return;
    }
    case 'monitor.ended': {
      const a = agentOf(s, e.agentId, touched);
      if (a.monitoredBy?.supervisorId === e.supervisorId && !stale(a.monitoredBy.since, e.at)) a.monitoredBy = null;
      return;
    }
  }
}

function agentOf(s: FloorState, agentId: string, touched: Touched): LiveAgent {
  let a = s.agents.get(agentId);
  if (!a) {
    a = emptyAgent(agentId);
    s.agents.set(agentId, a);
  }
  touched.agents.add(agentId);
  return a;
}

function callOf(s: FloorState, callId: string, direction: LiveCall['direction'], touched: Touched): LiveCall {
  let c = s.calls.get(callId);
  if (!c) {
    c = { callId, direction, queueId: null, waitingSince: null, agentId: null, phase: 'queued' };
    s.calls.set(callId, c);
  }
  touchCall(c, touched);
  return c;
}

function touchCall(c: LiveCall, touched: Touched): void {
  if (c.queueId !== null) touched.queues.add(c.queueId);
}

/** The agent's current state (or contact) began after `at`: the event is history, not news. */
function stale(since: number | null, at: number): boolean {
  return since !== null && at < since;
}

function setState(a: LiveAgent, state: AgentState, reason: string | null, at: number): void {
  if (a.state !== state || a.stateReason !== reason) {
    a.state = state;
    a.stateReason = reason;
    a.stateSince = at;
  }
}

function engage(a: LiveAgent, c: LiveCall, contactState: ContactState, at: number): void {
  if (stale(a.contactSince, at)) return;
  if (a.callId !== c.callId || a.contactState !== contactState) {
    if (a.callId !== c.callId) a.monitoredBy = null;
    a.contactState = contactState;
    a.contactSince = at;
  }
  a.callId = c.callId;
  a.direction = c.direction;
}

function disengage(a: LiveAgent, at: number): void {
  a.contactState = 'idle';
  a.contactSince = at;
  a.callId = null;
  a.direction = null;
  a.monitoredBy = null;
}

/** The call no longer rings at or talks to its agent (who stays in wrap-up if already there). */
function releaseAgent(s: FloorState, c: LiveCall, at: number, touched: Touched): void {
  if (c.agentId === null) return;
  const a = agentOf(s, c.agentId, touched);
  if (a.callId === c.callId && a.contactState !== 'wrapup' && !stale(a.contactSince, at)) disengage(a, at);
  c.agentId = null;
}
