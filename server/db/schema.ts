import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/*
 * Instants are epoch milliseconds (integer) so range scans stay numeric;
 * durations are seconds (real), as the API reports them.
 */

// ── Directory (configured, SPEC §3) ──────────────────────────────────────────

export const locations = sqliteTable('locations', {
  name: text('name').primaryKey(),
});

export const queues = sqliteTable('queues', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  location: text('location'),
  serviceLevelSeconds: integer('service_level_seconds').notNull().default(20),
  shortAbandonSeconds: integer('short_abandon_seconds').notNull().default(5),
});

export const agents = sqliteTable('agents', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  location: text('location'),
  email: text('email'),
});

export const agentQueues = sqliteTable(
  'agent_queues',
  {
    agentId: text('agent_id').notNull().references(() => agents.id),
    queueId: text('queue_id').notNull().references(() => queues.id),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.queueId] }), index('agent_queues_queue').on(t.queueId)],
);

export const supervisors = sqliteTable(
  'supervisors',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('supervisors_email').on(t.email)],
);

export const supervisorQueues = sqliteTable(
  'supervisor_queues',
  {
    supervisorId: text('supervisor_id').notNull().references(() => supervisors.id),
    queueId: text('queue_id').notNull().references(() => queues.id),
  },
  (t) => [primaryKey({ columns: [t.supervisorId, t.queueId] })],
);

export const wrapupReasons = sqliteTable('wrapup_reasons', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
});

/** Integration keys and display tokens: high-entropy secrets, stored as SHA-256. */
export const integrationKeys = sqliteTable(
  'integration_keys',
  {
    id: text('id').primaryKey(),
    secretHash: text('secret_hash').notNull(),
  },
  (t) => [uniqueIndex('integration_keys_secret').on(t.secretHash)],
);

export const displayTokens = sqliteTable(
  'display_tokens',
  {
    id: text('id').primaryKey(),
    secretHash: text('secret_hash').notNull(),
  },
  (t) => [uniqueIndex('display_tokens_secret').on(t.secretHash)],
);

export const displayTokenQueues = sqliteTable(
  'display_token_queues',
  {
    tokenId: text('token_id').notNull().references(() => displayTokens.id),
    queueId: text('queue_id').notNull().references(() => queues.id),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.queueId] })],
);

/**
 * Sign-in sessions and short-lived stream tickets. `id` is the SHA-256 of the
 * token the client holds, so a leaked database cannot be replayed.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['supervisor', 'display', 'stream_ticket'] }).notNull(),
    principalId: text('principal_id').notNull(),
    /** For a stream ticket: the session it was issued from, revoked with it. */
    parentId: text('parent_id'),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sessions_expires').on(t.expiresAt)],
);

// ── Event log ───────────────────────────────────────────────────────────────

/** Every accepted event, once. `seq` is the arrival order; `id` makes posting idempotent. */
export const events = sqliteTable(
  'events',
  {
    seq: integer('seq').primaryKey(),
    id: text('id').notNull(),
    type: text('type').notNull(),
    at: integer('at').notNull(),
    agentId: text('agent_id'),
    callId: text('call_id'),
    queueId: text('queue_id'),
    /** The remaining fields of the event, as JSON; null when there are none. */
    data: text('data'),
  },
  (t) => [uniqueIndex('events_id').on(t.id), index('events_at').on(t.at), index('events_call').on(t.callId)],
);

/** Floor projection checkpoint: everything up to `watermark` among events up to `lastSeq`. */
export const floorSnapshots = sqliteTable('floor_snapshots', {
  id: integer('id').primaryKey(),
  lastSeq: integer('last_seq').notNull(),
  watermark: integer('watermark').notNull(),
  state: text('state').notNull(),
  savedAt: integer('saved_at').notNull(),
});

// ── History facts (derived from the event log; rebuildable) ─────────────────

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
  (t) => [primaryKey({ columns: [t.callId, t.visit] }), index('queue_visits_queue_time').on(t.queueId, t.queuedAt)],
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

export const wrapups = sqliteTable(
  'wrapups',
  {
    callId: text('call_id').notNull(),
    agentId: text('agent_id').notNull(),
    queueId: text('queue_id'),
    startedAt: integer('started_at').notNull(),
    completedAt: integer('completed_at'),
    reasonId: text('reason_id'),
    wrapupTime: real('wrapup_time'),
  },
  (t) => [primaryKey({ columns: [t.callId, t.agentId] }), index('wrapups_time').on(t.startedAt)],
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

// ── Supervisor activity ─────────────────────────────────────────────────────

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey(),
    at: integer('at').notNull(),
    supervisorId: text('supervisor_id').notNull(),
    action: text('action').notNull(),
    agentId: text('agent_id'),
    queueId: text('queue_id'),
    detail: text('detail'),
    /** sent | refused | failed */
    outcome: text('outcome', { enum: ['sent', 'refused', 'failed'] }).notNull(),
    message: text('message'),
  },
  (t) => [index('audit_log_at').on(t.at), index('audit_log_supervisor').on(t.supervisorId, t.at)],
);

export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey(),
    agentId: text('agent_id').notNull(),
    supervisorId: text('supervisor_id').notNull(),
    sender: text('sender', { enum: ['supervisor', 'agent'] }).notNull(),
    body: text('body').notNull(),
    sentAt: integer('sent_at').notNull(),
    readAt: integer('read_at'),
  },
  (t) => [index('messages_conversation').on(t.agentId, t.supervisorId, t.id)],
);

export const reports = sqliteTable(
  'reports',
  {
    id: text('id').primaryKey(),
    supervisorId: text('supervisor_id').notNull(),
    status: text('status', { enum: ['queued', 'generating', 'ready', 'failed'] }).notNull(),
    params: text('params').notNull(),
    createdAt: integer('created_at').notNull(),
    finishedAt: integer('finished_at'),
    rowCount: integer('row_count'),
    error: text('error'),
  },
  (t) => [index('reports_supervisor').on(t.supervisorId, t.createdAt)],
);
