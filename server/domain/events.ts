/**
 * The event contract of SPEC §3 as the domain sees it: instants are epoch
 * milliseconds and every stored event carries `seq`, its arrival position,
 * which breaks ties between events of the same instant.
 */

export type AgentStateValue = 'available' | 'unavailable';
export type CallEndedBy = 'caller' | 'agent' | 'system';
export type UnansweredOutcome = 'abandoned' | 'other';
export type MonitorMode = 'monitor' | 'coach' | 'barge';

interface Base {
  id: string;
  at: number;
  seq: number;
}

export type FloorEvent =
  | (Base & { type: 'agent.signed_in'; agentId: string })
  | (Base & { type: 'agent.signed_out'; agentId: string })
  | (Base & { type: 'agent.state_changed'; agentId: string; state: AgentStateValue; reason?: string | undefined })
  | (Base & { type: 'agent.queue_joined'; agentId: string; queueId: string })
  | (Base & { type: 'agent.queue_left'; agentId: string; queueId: string })
  | (Base & { type: 'call.queued'; callId: string; queueId: string })
  | (Base & { type: 'call.offered'; callId: string; agentId: string })
  | (Base & { type: 'call.bounced'; callId: string; agentId: string })
  | (Base & { type: 'call.answered'; callId: string; agentId: string })
  | (Base & { type: 'call.held'; callId: string })
  | (Base & { type: 'call.resumed'; callId: string })
  | (Base & { type: 'call.transferred'; callId: string; toQueueId?: string | undefined; toAgentId?: string | undefined })
  | (Base & { type: 'call.dialed'; callId: string; agentId: string })
  | (Base & { type: 'call.ended'; callId: string; by: CallEndedBy; outcome?: UnansweredOutcome | undefined })
  | (Base & { type: 'wrapup.started'; agentId: string; callId: string })
  | (Base & { type: 'wrapup.completed'; agentId: string; callId: string; reasonId: string })
  | (Base & { type: 'monitor.started'; agentId: string; callId: string; supervisorId: string; mode: MonitorMode })
  | (Base & { type: 'monitor.ended'; agentId: string; supervisorId: string });

export type FloorEventType = FloorEvent['type'];
/** An event as it arrives, before the store gives it an arrival position. */
export type IncomingEvent = FloorEvent extends infer E ? (E extends FloorEvent ? Omit<E, 'seq'> : never) : never;

export type CallEvent = Extract<FloorEvent, { callId: string }>;

/**
 * Lifecycle rank: two events of one call stamped with the same millisecond
 * are applied in the order a call lives them, whatever order they arrived in.
 */
const RANK: Record<FloorEventType, number> = {
  'agent.signed_in': 0,
  'agent.queue_joined': 1,
  'agent.queue_left': 1,
  'agent.state_changed': 2,
  'call.queued': 3,
  'call.dialed': 3,
  'call.offered': 4,
  'call.bounced': 5,
  'call.answered': 6,
  'monitor.started': 7,
  'call.held': 8,
  'call.resumed': 9,
  'monitor.ended': 10,
  'call.transferred': 11,
  'call.ended': 12,
  'wrapup.started': 13,
  'wrapup.completed': 14,
  'agent.signed_out': 15,
};

/** The one order in which events are applied, by projection and facts alike. */
export function compareEvents(a: FloorEvent, b: FloorEvent): number {
  return a.at - b.at || RANK[a.type] - RANK[b.type] || a.seq - b.seq;
}
