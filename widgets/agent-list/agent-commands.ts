import type { CommandAccepted, MonitorRequest, StateChange } from '../../contract/commands.js';
import { api, type ApiTarget } from '../core/api.js';
import type { AgentActionsKey } from './i18n/actions.js';
import type { AgentRow } from '../../contract/live.js';

/** The supervisor commands of C3, C5, C6 and C7 as the agent list sends them. */
export type MonitorMode = MonitorRequest['mode'];
export type AgentCommand =
  | { kind: 'monitor'; mode: MonitorMode }
  | { kind: 'end_monitor' }
  | { kind: 'set_state'; state: StateChange['state']; reason?: string }
  | { kind: 'sign_out' }
  | { kind: 'join_queue'; queueId: string }
  | { kind: 'leave_queue'; queueId: string };

/** Sends the command; it is accepted, not yet done: the effect shows on the stream. */
export function sendCommand(target: ApiTarget, agentId: string, cmd: AgentCommand): Promise<CommandAccepted> {
  const params = { id: agentId };
  switch (cmd.kind) {
    case 'monitor':
      return api(target, 'POST /agents/{id}/monitor', { params, body: { mode: cmd.mode } });
    case 'end_monitor':
      return api(target, 'DELETE /agents/{id}/monitor', { params });
    case 'set_state':
      return api(target, 'POST /agents/{id}/state', { params, body: cmd.reason ? { state: cmd.state, reason: cmd.reason } : { state: cmd.state } });
    case 'sign_out':
      return api(target, 'POST /agents/{id}/sign-out', { params });
    case 'join_queue':
      return api(target, 'PUT /agents/{id}/queues/{queueId}', { params: { ...params, queueId: cmd.queueId } });
    case 'leave_queue':
      return api(target, 'DELETE /agents/{id}/queues/{queueId}', { params: { ...params, queueId: cmd.queueId } });
  }
}

/** Whether the live row shows the command's effect: the platform's confirmation, as it arrives on the stream. */
export function isConfirmed(cmd: AgentCommand, row: AgentRow, viewerId: string): boolean {
  switch (cmd.kind) {
    case 'monitor':
      return row.monitoredBy?.supervisorId === viewerId && row.monitoredBy.mode === cmd.mode;
    case 'end_monitor':
      return row.monitoredBy?.supervisorId !== viewerId;
    case 'set_state':
      // The server names a listed reason by its default name, whichever of its translations was sent.
      return row.state === cmd.state && (cmd.state === 'available' || [row.stateReason ?? '', ...Object.values(row.stateReasonNames)].includes(cmd.reason ?? ''));
    case 'sign_out':
      return row.state === 'signed_out';
    case 'join_queue':
    case 'leave_queue':
      return row.queues.some((q) => q.queueId === cmd.queueId && q.joined === (cmd.kind === 'join_queue'));
  }
}

/** The row's columns that show commands pending. */
export type CommandColumn = 'state' | 'queues' | 'monitoredBy';

/** Which column shows the command as pending. */
export function commandColumn(cmd: AgentCommand): CommandColumn {
  if (cmd.kind === 'monitor' || cmd.kind === 'end_monitor') return 'monitoredBy';
  return cmd.kind === 'join_queue' || cmd.kind === 'leave_queue' ? 'queues' : 'state';
}

/** The command's name in messages (`{action}`). */
export function commandLabel(cmd: AgentCommand, row: AgentRow | undefined, viewerId: string): { key: AgentActionsKey; queueId?: string } {
  switch (cmd.kind) {
    case 'monitor': {
      const current = row?.monitoredBy?.supervisorId === viewerId ? row.monitoredBy.mode : null;
      if (cmd.mode === 'monitor') return { key: current ? 'action.returnToMonitor' : 'action.monitor' };
      return { key: cmd.mode === 'coach' ? 'action.coach' : 'action.barge' };
    }
    case 'end_monitor':
      return { key: 'action.endMonitor' };
    case 'set_state':
      return { key: cmd.state === 'available' ? 'action.setAvailable' : 'action.setUnavailable' };
    case 'sign_out':
      return { key: 'action.signOut' };
    case 'join_queue':
      return { key: 'action.joinQueue', queueId: cmd.queueId };
    case 'leave_queue':
      return { key: 'action.leaveQueue', queueId: cmd.queueId };
  }
}

export type MenuEntry =
  | { id: string; label: AgentActionsKey; command: AgentCommand }
  | { id: 'queues' | 'state' | 'sign-out'; label: AgentActionsKey; dialog: 'queues' | 'state' | 'sign-out' }
  | { id: 'chat'; label: AgentActionsKey; chat: true };

/**
 * What a supervisor may do with this agent now (C3, C5–C7): monitoring only on
 * a connected or held call that no other supervisor is on; return to monitor
 * from coach or barge; end only one's own session.
 */
export function menuEntries(row: AgentRow, viewerId: string): MenuEntry[] {
  const entries: MenuEntry[] = [];
  const mine = row.monitoredBy?.supervisorId === viewerId ? row.monitoredBy.mode : null;
  const onCall = row.contactState === 'connected' || row.contactState === 'hold';
  if (onCall && (mine || !row.monitoredBy)) {
    if (mine === null) entries.push({ id: 'monitor', label: 'action.monitor', command: { kind: 'monitor', mode: 'monitor' } });
    if (mine !== null && mine !== 'monitor')
      entries.push({ id: 'return', label: 'action.returnToMonitor', command: { kind: 'monitor', mode: 'monitor' } });
    if (mine !== 'coach') entries.push({ id: 'coach', label: 'action.coach', command: { kind: 'monitor', mode: 'coach' } });
    if (mine !== 'barge') entries.push({ id: 'barge', label: 'action.barge', command: { kind: 'monitor', mode: 'barge' } });
  }
  if (mine !== null) entries.push({ id: 'end', label: 'action.endMonitor', command: { kind: 'end_monitor' } });
  if (row.queues.length > 0) entries.push({ id: 'queues', label: 'action.manageQueues', dialog: 'queues' });
  if (row.state !== 'signed_out') {
    entries.push({ id: 'state', label: 'action.changeState', dialog: 'state' });
    entries.push({ id: 'sign-out', label: 'action.signOut', dialog: 'sign-out' });
  }
  entries.push({ id: 'chat', label: 'action.chat', chat: true });
  return entries;
}
