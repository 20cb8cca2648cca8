/** The keys of the `rollup_meta` table, read and written by the history, the statistics and the retention. */
export const META_KEYS = {
  version: 'version',
  timeZone: 'time_zone',
  thresholds: 'thresholds',
  sealedBefore: 'sealed_before',
  historyThrough: 'history_through',
  /** The agent-time accountant's line and state (server/history/agent-time-writer.ts), JSON. */
  agentTime: 'agent_time',
  /** Events before this instant may have been deleted by the retention (server/ops/retention.ts; server/history/fact-rederive.ts reads it). */
  prunedBefore: 'events_pruned_before',
} as const;
