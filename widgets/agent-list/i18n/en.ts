import { coreEn } from '../../core/i18n/en.js';

/** English strings of the agent list. */
export const en = {
  ...coreEn,
  'agents.title': 'Agents',
  'agents.count.one': '{shown} of {total} agent',
  'agents.count.other': '{shown} of {total} agents',
  'agents.loading': 'Loading agents…',
  'agents.empty': 'No agents match these filters.',
  'agents.noMatch': 'No agent matches “{search}”.',
  'agents.noMatchFiltered': 'No agent matches “{search}” with these filters.',
  'agents.none': 'No agents in your queues yet.',
  'agents.clearFilters': 'Show all agents',
  'agents.search': 'Search by name',
  'agents.queueFilter': 'Queue',
  'agents.allQueues': 'All queues',
  'agents.stateFilter': 'State',
  'agents.allStates': 'All states',
  'agents.view': 'View',
  'agents.view.list': 'List',
  'agents.view.queue': 'By queue',
  'agents.group.one': '{count} agent, {joined} joined',
  'agents.group.other': '{count} agents, {joined} joined',
  'agents.noQueue': 'No queue',

  'column.name': 'Agent',
  'column.state': 'State',
  'column.timeInState': 'Time in state',
  'column.queues': 'Queues',
  'column.contactState': 'Contact',
  'column.contactDuration': 'Contact time',
  'column.monitoredBy': 'Monitored by',
  'column.actions': 'Actions',

  'queue.joined': '{queue}: joined',
  'queue.notJoined': '{queue}: assigned, not joined',
  'queue.more': '+{count}',
  'queue.moreLabel': '{count} more: {queues}',

  'monitoredBy.you': 'You',

  'action.menu': 'Actions for {name}',
  'chat.unread.one': '{count} unread message from {name}: open the chat',
  'chat.unread.other': '{count} unread messages from {name}: open the chat',
  'action.pending': 'Waiting for the phone system…',

} satisfies Record<string, string>;

export type AgentListKey = keyof typeof en;
