import { coreEn } from '../../core/i18n/en.js';

/** English strings of the live queues widget. */
export const en = {
  ...coreEn,
  'queues.title': 'Queues',
  'queues.loading': 'Loading queues…',
  'queues.empty': 'No queues to show.',
  'queues.view': 'View',
  'queues.view.table': 'Table',
  'queues.view.tiles': 'Tiles',
  'queues.todayNote': 'Service level, abandon rate and calls: today',
  'queues.age': 'data {age} old',

  'aggregate.name': 'All shown',
  'aggregate.count.one': '{count} queue',
  'aggregate.count.other': '{count} queues',

  'column.queue': 'Queue',
  'column.waiting': 'Waiting',
  'column.longestWait': 'Longest wait',
  'column.totalAgents': 'Agents',
  'column.staffedAgents': 'Staffed',
  'column.idleAgents': 'Idle',
  'column.unavailableAgents': 'Unavailable',
  'column.serviceLevel': 'Service level',
  'column.abandonRate': 'Abandon rate',
  'column.callsToday': 'Calls today',
  'column.agentsRequired': 'Needed',

  'staffing.short': 'short by {count}',
  'staffing.spare': '{count} spare',
  'staffing.enough': 'just enough',
  'staffing.noneShort': 'no queue short',
  'staffing.unknown': 'not known yet',
  'staffing.basis': 'Agents needed now (Erlang C) for {calls} recent calls at {aht} average handle time',

  'calls.detail': '{answered} answered · {abandoned} abandoned',
  'csv.answered': 'Answered today',
  'csv.abandoned': 'Abandoned today',
  'figure.none': 'no calls yet today',

  'level.warn': 'Warning',
  'level.alert': 'Alert',
  'threshold.waiting': '{level}: {value} or more waiting',
  'threshold.longestWait': '{level}: waiting {value} or longer',
  'threshold.serviceLevel': '{level}: below {value}',
  'threshold.abandonRate': '{level}: {value} or more abandoned',
  'threshold.agentsShort': '{level}: short by {value} or more',

  'trend.title': 'Contacts waiting, last {minutes} min',
  'trend.mode': 'Trend',
  'trend.mode.queues': 'Per queue',
  'trend.mode.total': 'Total',
  'trend.total': 'All shown queues',
  'trend.summary': '{name}: {now} waiting now, at most {peak}',

  'agents.title': 'Agents',
  'agents.onContact': 'On a contact',
} satisfies Record<string, string>;

export type QueueRealtimeKey = keyof typeof en;
