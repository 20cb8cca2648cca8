import { bigint, doublePrecision, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

// History facts: derived from the event log, rebuildable.

export const calls = pgTable(
  'calls',
  {
    id: text('id').primaryKey(),
    direction: text('direction', { enum: ['inbound', 'outbound'] }).notNull(),
    /** The first queue the call entered (null for outbound). */
    queueId: text('queue_id'),
    startedAt: bigint('started_at', { mode: 'number' }).notNull(),
    answeredAt: bigint('answered_at', { mode: 'number' }),
    endedAt: bigint('ended_at', { mode: 'number' }),
    endedBy: text('ended_by', { enum: ['caller', 'agent', 'system'] }),
    /** answered | abandoned | other; null while the call is still open. */
    outcome: text('outcome', { enum: ['answered', 'abandoned', 'other'] }),
  },
  (t) => [index('calls_started').on(t.startedAt)],
);

/** One stay of a call in one queue: from queued to answered, abandoned, ended or transferred away. */
export const queueVisits = pgTable(
  'queue_visits',
  {
    callId: text('call_id').notNull(),
    visit: integer('visit').notNull(),
    queueId: text('queue_id').notNull(),
    queuedAt: bigint('queued_at', { mode: 'number' }).notNull(),
    answeredAt: bigint('answered_at', { mode: 'number' }),
    leftAt: bigint('left_at', { mode: 'number' }),
    /** answered | abandoned | other; null while waiting. */
    outcome: text('outcome', { enum: ['answered', 'abandoned', 'other'] }),
    /** The agent who answered. */
    agentId: text('agent_id'),
    queueTime: doublePrecision('queue_time'),
    holdTime: doublePrecision('hold_time'),
    connectedTime: doublePrecision('connected_time'),
    /** Ring + connected time of every agent the call was presented to during this visit. */
    handleTime: doublePrecision('handle_time'),
  },
  (t) => [
    primaryKey({ columns: [t.callId, t.visit] }),
    index('queue_visits_queue_time').on(t.queueId, t.queuedAt),
    // The drill-down list pages through visits in time order across many queues.
    index('queue_visits_time').on(t.queuedAt),
  ],
);

/** One presentation of a call to one agent (SPEC §4 handling). */
export const handlings = pgTable(
  'handlings',
  {
    callId: text('call_id').notNull(),
    handling: integer('handling').notNull(),
    agentId: text('agent_id').notNull(),
    /** The queue the call came from; null for outbound. */
    queueId: text('queue_id'),
    direction: text('direction', { enum: ['inbound', 'outbound'] }).notNull(),
    offeredAt: bigint('offered_at', { mode: 'number' }).notNull(),
    answeredAt: bigint('answered_at', { mode: 'number' }),
    endedAt: bigint('ended_at', { mode: 'number' }),
    /** answered | bounced | abandoned | other (= otherUnanswered); null while ringing or connected. */
    result: text('result', { enum: ['answered', 'bounced', 'abandoned', 'other'] }),
    ringTime: doublePrecision('ring_time'),
    connectedTime: doublePrecision('connected_time'),
    holdTime: doublePrecision('hold_time'),
    talkTime: doublePrecision('talk_time'),
    handleTime: doublePrecision('handle_time'),
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
export const wrapups = pgTable(
  'wrapups',
  {
    callId: text('call_id').notNull(),
    handling: integer('handling').notNull(),
    agentId: text('agent_id').notNull(),
    queueId: text('queue_id'),
    startedAt: bigint('started_at', { mode: 'number' }).notNull(),
    completedAt: bigint('completed_at', { mode: 'number' }),
    reasonId: text('reason_id'),
    wrapupTime: doublePrecision('wrapup_time'),
  },
  (t) => [
    primaryKey({ columns: [t.callId, t.handling, t.agentId] }),
    index('wrapups_time').on(t.startedAt),
    // Wrap-up reasons of chosen agents are read from the facts (the reason rollup has no agent).
    index('wrapups_agent_time').on(t.agentId, t.startedAt),
  ],
);

/** Agent state history: one row per sign-in, sign-out and state change. */
export const agentStateChanges = pgTable(
  'agent_state_changes',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    agentId: text('agent_id').notNull(),
    at: bigint('at', { mode: 'number' }).notNull(),
    state: text('state', { enum: ['available', 'unavailable', 'signed_out'] }).notNull(),
    reason: text('reason'),
  },
  (t) => [index('agent_state_changes_agent_time').on(t.agentId, t.at)],
);
