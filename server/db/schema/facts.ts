import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// History facts: derived from the event log, rebuildable.

export const calls = sqliteTable(
  'calls',
  {
    id: text('id').primaryKey(),
    direction: text('direction', { enum: ['inbound', 'outbound'] }).notNull(),
    /** The first queue the call entered (null for outbound). */
    queueId: text('queue_id'),
    startedAt: integer('started_at').notNull(),
    answeredAt: integer('answered_at'),
    endedAt: integer('ended_at'),
    endedBy: text('ended_by', { enum: ['caller', 'agent', 'system'] }),
    /** answered | abandoned | other; null while the call is still open. */
    outcome: text('outcome', { enum: ['answered', 'abandoned', 'other'] }),
  },
  (t) => [index('calls_started').on(t.startedAt)],
);

/** One stay of a call in one queue: from queued to answered, abandoned, ended or transferred away. */
export const queueVisits = sqliteTable(
  'queue_visits',
  {
    callId: text('call_id').notNull(),
    visit: integer('visit').notNull(),
    queueId: text('queue_id').notNull(),
    queuedAt: integer('queued_at').notNull(),
    answeredAt: integer('answered_at'),
    leftAt: integer('left_at'),
    /** answered | abandoned | other; null while waiting. */
    outcome: text('outcome', { enum: ['answered', 'abandoned', 'other'] }),
    /** The agent who answered. */
    agentId: text('agent_id'),
    queueTime: real('queue_time'),
    holdTime: real('hold_time'),
    connectedTime: real('connected_time'),
    /** Ring + connected time of every agent the call was presented to during this visit. */
    handleTime: real('handle_time'),
  },
  (t) => [
    primaryKey({ columns: [t.callId, t.visit] }),
    index('queue_visits_queue_time').on(t.queueId, t.queuedAt),
    // The drill-down list pages through visits in time order across many queues.
    index('queue_visits_time').on(t.queuedAt),
  ],
);

/** One presentation of a call to one agent (SPEC §4 handling). */
export const handlings = sqliteTable(
  'handlings',
  {
    callId: text('call_id').notNull(),
    handling: integer('handling').notNull(),
    agentId: text('agent_id').notNull(),
    /** The queue the call came from; null for outbound. */
    queueId: text('queue_id'),
    direction: text('direction', { enum: ['inbound', 'outbound'] }).notNull(),
    offeredAt: integer('offered_at').notNull(),
    answeredAt: integer('answered_at'),
    endedAt: integer('ended_at'),
    /** answered | bounced | abandoned | other (= otherUnanswered); null while ringing or connected. */
    result: text('result', { enum: ['answered', 'bounced', 'abandoned', 'other'] }),
    ringTime: real('ring_time'),
    connectedTime: real('connected_time'),
    holdTime: real('hold_time'),
    talkTime: real('talk_time'),
    handleTime: real('handle_time'),
  },
  (t) => [
    primaryKey({ columns: [t.callId, t.handling] }),
    index('handlings_agent_time').on(t.agentId, t.offeredAt),
    index('handlings_time').on(t.offeredAt),
  ],
);

/**
 * One wrap-up: the after-call work of one handling (an agent who handles a call
 * twice, after a transfer back, wraps up twice). `handling` is the agent's
 * handling of the call the wrap-up follows, 0 when the agent had none.
 */
export const wrapups = sqliteTable(
  'wrapups',
  {
    callId: text('call_id').notNull(),
    handling: integer('handling').notNull(),
    agentId: text('agent_id').notNull(),
    queueId: text('queue_id'),
    startedAt: integer('started_at').notNull(),
    completedAt: integer('completed_at'),
    reasonId: text('reason_id'),
    wrapupTime: real('wrapup_time'),
  },
  (t) => [
    primaryKey({ columns: [t.callId, t.handling, t.agentId] }),
    index('wrapups_time').on(t.startedAt),
    // Wrap-up reasons of chosen agents are read from the facts (the reason rollup has no agent).
    index('wrapups_agent_time').on(t.agentId, t.startedAt),
  ],
);

/** Agent state history: one row per sign-in, sign-out and state change. */
export const agentStateChanges = sqliteTable(
  'agent_state_changes',
  {
    seq: integer('seq').primaryKey(),
    agentId: text('agent_id').notNull(),
    at: integer('at').notNull(),
    state: text('state', { enum: ['available', 'unavailable', 'signed_out'] }).notNull(),
    reason: text('reason'),
  },
  (t) => [index('agent_state_changes_agent_time').on(t.agentId, t.at)],
);
