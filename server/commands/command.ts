import type { AgentStateValue, MonitorMode } from '../domain/events.js';

/** A supervisor command on its way to the telephony platform (SPEC §3). */
export type SupervisorCommand = {
  /** Unique; the platform may use it to de-duplicate retries. */
  commandId: string;
  supervisorId: string;
  agentId: string;
  issuedAt: string;
} & (
  | { kind: 'set_state'; state: AgentStateValue; reason?: string | undefined }
  | { kind: 'sign_out' }
  | { kind: 'join_queue'; queueId: string }
  | { kind: 'leave_queue'; queueId: string }
  /** Start monitoring, or switch mode (coach, barge, back to monitor) on the call already monitored. */
  | { kind: 'monitor'; callId: string; mode: MonitorMode }
  | { kind: 'end_monitor'; callId: string | null }
);

/**
 * Where commands go. The effect of a command is never assumed: it comes back
 * through event ingestion (e.g. `agent.state_changed`, `monitor.started`),
 * exactly as for a real platform.
 */
export interface CommandAdapter {
  readonly name: string;
  /** Resolves once the platform has taken the command; rejects with a message a supervisor can read. */
  send(command: SupervisorCommand): Promise<void>;
}
