import type { MonitorMode } from '../domain/events.js';
import type { AgentModel, QueueModel } from './centre-model.js';

/** The simulated floor: the truth the simulator's events report. */

export type AgentTask = 'reserved' | 'ringing' | 'connected' | 'hold' | 'wrapup';

export interface PlannedBreak {
  reason: string;
  durationMs: number;
}

export interface SimAgent {
  readonly model: AgentModel;
  signedIn: boolean;
  available: boolean;
  /** Bumped on every state change, so a pending "back to available" is dropped when something else changed the state. */
  stateVersion: number;
  joined: Set<string>;
  /** What the agent is doing with `call`; null when idle. */
  task: AgentTask | null;
  call: SimCall | null;
  /** Longest-idle routing picks the smallest. */
  idleSince: number;
  /** Shift over: signs out once the current call and wrap-up are done. */
  ending: boolean;
  shiftEndsAt: number;
  /** Breaks that fell due while the agent was busy, taken at the next idle moment. */
  pendingBreaks: PlannedBreak[];
  /** A supervisor on (or joining) the agent's call. */
  monitor: { supervisorId: string; mode: MonitorMode; token: number; confirmed: boolean } | null;
  /** Commands for one agent take effect in the order they were sent. */
  lastCommandAt: number;
}

export type CallPhase = 'queued' | 'routing' | 'ringing' | 'connected' | 'hold' | 'ended';

export interface SimCall {
  readonly id: string;
  readonly direction: 'inbound' | 'outbound';
  queue: SimQueue | null;
  agent: SimAgent | null;
  phase: CallPhase;
  /** Bumped on every phase change: a scheduled step runs only if the call is still where it left it. */
  version: number;
  /** Bumped on every queue entry: a caller's patience belongs to one stay in one queue. */
  visit: number;
  waitingSince: number;
}

export interface SimQueue {
  readonly model: QueueModel;
  /** Calls waiting for an agent, longest waiting first. */
  readonly waiting: SimCall[];
  /** Assigned agents (joined or not). */
  readonly agents: SimAgent[];
}

export function newAgent(model: AgentModel): SimAgent {
  return {
    model,
    signedIn: false,
    available: false,
    stateVersion: 0,
    joined: new Set(),
    task: null,
    call: null,
    idleSince: 0,
    ending: false,
    shiftEndsAt: 0,
    pendingBreaks: [],
    monitor: null,
    lastCommandAt: 0,
  };
}

/** Can take an offer from `queueId` now. */
export function canTake(a: SimAgent, queueId: string): boolean {
  return a.signedIn && a.available && a.task === null && !a.ending && a.joined.has(queueId);
}
