import { en } from './en.js';

/**
 * English strings of the supervisor's actions (menu, dialogs, outcomes) and the CSV export,
 * with the list's: they load with those chunks, not on the list's first paint.
 */
export const actionsEn = {
  ...en,
  'csv.location': 'Location',
  'csv.reason': 'Reason',
  'csv.direction': 'Direction',
  'csv.inbound': 'Inbound',
  'action.monitor': 'Monitor',
  'action.coach': 'Private coach',
  'action.barge': 'Barge in',
  'action.returnToMonitor': 'Return to monitor',
  'action.endMonitor': 'End monitoring',
  'action.manageQueues': 'Manage queues',
  'action.changeState': 'Change state',
  'action.signOut': 'Sign out',
  'action.chat': 'Chat',
  'action.monitoredByOther': 'Monitored by {name}',
  'action.sent': '{action}: sent for {name}.',
  'action.confirmed': '{action}: done for {name}.',
  'action.refused': '{action} for {name} was refused: {message}',
  'action.unconfirmed': '{action} for {name} has not been confirmed by the phone system.',
  'action.joinQueue': 'Join {queue}',
  'action.leaveQueue': 'Leave {queue}',
  'action.setAvailable': 'Set available',
  'action.setUnavailable': 'Set unavailable',
  'queuesDialog.title': 'Queues of {name}',
  'queuesDialog.hint': 'Checked: joined — takes calls from the queue when available. Unchecked: assigned, not taking its calls.',
  'queuesDialog.none': 'None of this agent’s queues are yours to manage.',
  'stateDialog.title': 'Change the state of {name}',
  'stateDialog.reason': 'Reason (optional)',
  'stateDialog.submit': 'Change state',
  'stateDialog.reasons': 'Break|Lunch|Meeting|Training|Coaching|Personal',
  'signOutDialog.title': 'Sign out {name}?',
  'signOutDialog.body': '{name} stops receiving calls until they sign in again.',
  'signOutDialog.submit': 'Sign out',
} satisfies Record<string, string>;

export type AgentActionsKey = keyof typeof actionsEn;
