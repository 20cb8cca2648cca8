/** English strings of the alerts panel and toast (loaded with them, on the first alert). */
export const alertsEn = {
  'alerts.title': 'Alerts',
  'alerts.count.one': '{count} alert',
  'alerts.count.other': '{count} alerts',
  'alerts.acknowledge': 'Acknowledge',
  'alerts.acknowledged': 'Acknowledged by {name}',
  'alerts.dismiss': 'Dismiss',
  'alerts.monitor': 'Monitor',
  'alerts.since': 'since {time}',
  'alerts.failed': 'Not done: {message}',
  'rule.serviceLevelBelow': '{queue}: service level {value}, below {threshold}',
  'rule.waitingAtLeast': '{queue}: {value} waiting (alert from {threshold})',
  'rule.longestWaitAtLeastSeconds': '{queue}: a contact waited {value} (alert from {threshold})',
  'rule.agentsShortAtLeast': '{queue}: short by {value} agents (alert from {threshold})',
  'rule.unavailableAtLeastSeconds': '{agent}: unavailable for {value}',
  'rule.holdAtLeastSeconds': '{agent}: on hold for {value}',
  'rule.wrapupAtLeastSeconds': '{agent}: in wrap-up for {value}',
  'rule.ringNoAnswerPerHourAtLeast': '{agent}: {value} calls rang unanswered in the last hour',
  'rule.raisedHand': '{agent} raised a hand',
  'rule.raisedHandNote': '{agent} raised a hand: “{note}”',
} satisfies Record<string, string>;

export type AlertsKey = keyof typeof alertsEn;
