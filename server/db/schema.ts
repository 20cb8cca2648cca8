import { blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Names } from '../../widgets/core/local-name.js';

/*
 * Instants are epoch milliseconds (integer) so range scans stay numeric;
 * durations are seconds (real), as the API reports them.
 */

// ── Directory (configured, SPEC §3) ──────────────────────────────────────────

export const locations = sqliteTable('locations', {
  name: text('name').primaryKey(),
});

/** A name's translations by language (the directory file's `names`), JSON. */
const names = () => text('names', { mode: 'json' }).$type<Names>().notNull().default({});

export const queues = sqliteTable('queues', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  names: names(),
  location: text('location'),
  serviceLevelSeconds: integer('service_level_seconds').notNull().default(20),
  shortAbandonSeconds: integer('short_abandon_seconds').notNull().default(5),
  /** The share of calls to answer within serviceLevelSeconds (0–1): what staffing advice aims at. */
  serviceLevelTarget: real('service_level_target').notNull().default(0.8),
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
  names: names(),
});

/** Unavailable reasons with their translations; replaced as a whole on load (events carry the text, not a key). */
export const stateReasons = sqliteTable('state_reasons', {
  name: text('name').primaryKey(),
  names: names(),
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
    kind: text('kind', { enum: ['supervisor', 'display', 'stream_ticket', 'agent'] }).notNull(),
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

// ── Interval rollups (maintained with the facts; rebuildable: npm run rollups:rebuild) ──
//
// Nine families of additive counters (server/domain/rollup-cells.ts), each at four
// levels: 15-minute UTC buckets (`bucket` = epoch ms of the interval start), UTC
// hours (`hour` = epoch ms of the hour), and days and months of the reporting time
// zone (`day` = the local date as days since 1970-01-01, `month` = months since
// January 1970); hours, days and months are summed from the buckets once they are
// two hours old (server/history/day-sealing.ts).
// - 15-minute and hour tables lead with the period: ingestion writes a few adjacent
//   pages per batch, and trends and the edges of a range read them in time order.
//   Every whole-hour offset zone's days and hours are whole UTC hours.
// - Day and month tables lead with the dimensions, so one key's days are adjacent:
//   with `*_keys` (every key), a long range is read by one seek per key, no sort.
//   The narrow families' (inbound_queue, wrapup_queue, queue) day tables have
//   `*_trend` indexes covering the per-day sums trends read in day order.
// The migration creates these tables WITHOUT ROWID (drizzle cannot say so): rows
// live in the primary-key b-tree, halving the reads.

const agentQueueCounters = () => ({
  answered: integer('answered').notNull(),
  bounced: integer('bounced').notNull(),
  abandoned: integer('abandoned').notNull(),
  otherUnanswered: integer('other_unanswered').notNull(),
  ringMs: integer('ring_ms').notNull(),
  connectedMs: integer('connected_ms').notNull(),
  holdMs: integer('hold_ms').notNull(),
});

const agentQueueDims = () => ({
  agentId: text('agent_id').notNull(),
  /** '' for no queue (outbound). */
  queueId: text('queue_id').notNull(),
  direction: text('direction', { enum: ['inbound', 'outbound'] }).notNull(),
});

export const agentQueueBuckets = sqliteTable(
  'agent_queue_buckets',
  { bucket: integer('bucket').notNull(), ...agentQueueDims(), ...agentQueueCounters() },
  (t) => [primaryKey({ columns: [t.bucket, t.agentId, t.queueId, t.direction] })],
);

export const agentQueueHours = sqliteTable(
  'agent_queue_hours',
  { hour: integer('hour').notNull(), ...agentQueueDims(), ...agentQueueCounters() },
  (t) => [primaryKey({ columns: [t.hour, t.agentId, t.queueId, t.direction] })],
);

export const agentQueueDays = sqliteTable(
  'agent_queue_days',
  { ...agentQueueDims(), day: integer('day').notNull(), ...agentQueueCounters() },
  (t) => [primaryKey({ columns: [t.agentId, t.queueId, t.direction, t.day] })],
);

export const agentQueueMonths = sqliteTable(
  'agent_queue_months',
  { ...agentQueueDims(), month: integer('month').notNull(), ...agentQueueCounters() },
  (t) => [primaryKey({ columns: [t.agentId, t.queueId, t.direction, t.month] })],
);

export const agentQueueKeys = sqliteTable('agent_queue_keys', agentQueueDims(), (t) => [
  primaryKey({ columns: [t.agentId, t.queueId, t.direction] }),
]);

const queueCounters = () => ({
  answered: integer('answered').notNull(),
  abandoned: integer('abandoned').notNull(),
  other: integer('other').notNull(),
  /** Answered within the queue's service-level threshold. */
  answeredInServiceLevel: integer('answered_in_service_level').notNull(),
  /** Abandoned after the queue's short-abandon threshold. */
  abandonedAfterShort: integer('abandoned_after_short').notNull(),
  /** Queue time of answered calls. */
  answeredQueueMs: integer('answered_queue_ms').notNull(),
  holdMs: integer('hold_ms').notNull(),
  connectedMs: integer('connected_ms').notNull(),
  handleMs: integer('handle_ms').notNull(),
});

export const queueBuckets = sqliteTable(
  'queue_buckets',
  { bucket: integer('bucket').notNull(), queueId: text('queue_id').notNull(), ...queueCounters() },
  (t) => [primaryKey({ columns: [t.bucket, t.queueId] })],
);

export const queueHours = sqliteTable(
  'queue_hours',
  { hour: integer('hour').notNull(), queueId: text('queue_id').notNull(), ...queueCounters() },
  (t) => [primaryKey({ columns: [t.hour, t.queueId] })],
);

export const queueDays = sqliteTable(
  'queue_days',
  { queueId: text('queue_id').notNull(), day: integer('day').notNull(), ...queueCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.day] }), index('queue_days_trend').on(t.day, t.queueId, t.answered, t.abandoned, t.other)],
);

export const queueMonths = sqliteTable(
  'queue_months',
  { queueId: text('queue_id').notNull(), month: integer('month').notNull(), ...queueCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.month] })],
);

export const queueKeys = sqliteTable('queue_keys', { queueId: text('queue_id').primaryKey() });

const wrapupCounters = () => ({
  completed: integer('completed').notNull(),
  wrapupMs: integer('wrapup_ms').notNull(),
});

const wrapupAgentDims = () => ({
  agentId: text('agent_id').notNull(),
  /** '' for no queue (outbound). */
  queueId: text('queue_id').notNull(),
});

export const wrapupAgentBuckets = sqliteTable(
  'wrapup_agent_buckets',
  { bucket: integer('bucket').notNull(), ...wrapupAgentDims(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.bucket, t.agentId, t.queueId] })],
);

export const wrapupAgentHours = sqliteTable(
  'wrapup_agent_hours',
  { hour: integer('hour').notNull(), ...wrapupAgentDims(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.hour, t.agentId, t.queueId] })],
);

export const wrapupAgentDays = sqliteTable(
  'wrapup_agent_days',
  { ...wrapupAgentDims(), day: integer('day').notNull(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.agentId, t.queueId, t.day] })],
);

export const wrapupAgentMonths = sqliteTable(
  'wrapup_agent_months',
  { ...wrapupAgentDims(), month: integer('month').notNull(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.agentId, t.queueId, t.month] })],
);

export const wrapupAgentKeys = sqliteTable('wrapup_agent_keys', wrapupAgentDims(), (t) => [
  primaryKey({ columns: [t.agentId, t.queueId] }),
]);

const wrapupReasonDims = () => ({
  /** '' for no queue (outbound). */
  queueId: text('queue_id').notNull(),
  reasonId: text('reason_id').notNull(),
  /** Only for wrap-ups with no queue (scoped by agent); '' otherwise. */
  agentId: text('agent_id').notNull(),
});

export const wrapupReasonBuckets = sqliteTable(
  'wrapup_reason_buckets',
  { bucket: integer('bucket').notNull(), ...wrapupReasonDims(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.bucket, t.queueId, t.reasonId, t.agentId] })],
);

export const wrapupReasonHours = sqliteTable(
  'wrapup_reason_hours',
  { hour: integer('hour').notNull(), ...wrapupReasonDims(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.hour, t.queueId, t.reasonId, t.agentId] })],
);

export const wrapupReasonDays = sqliteTable(
  'wrapup_reason_days',
  { ...wrapupReasonDims(), day: integer('day').notNull(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.reasonId, t.agentId, t.day] })],
);

export const wrapupReasonMonths = sqliteTable(
  'wrapup_reason_months',
  { ...wrapupReasonDims(), month: integer('month').notNull(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.reasonId, t.agentId, t.month] })],
);

export const wrapupReasonKeys = sqliteTable('wrapup_reason_keys', wrapupReasonDims(), (t) => [
  primaryKey({ columns: [t.queueId, t.reasonId, t.agentId] }),
]);

const wrapupReasonTotalDims = () => ({
  /** '' for no queue (outbound). */
  queueId: text('queue_id').notNull(),
  reasonId: text('reason_id').notNull(),
});

export const wrapupReasonTotalBuckets = sqliteTable(
  'wrapup_reason_total_buckets',
  { bucket: integer('bucket').notNull(), ...wrapupReasonTotalDims(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.bucket, t.queueId, t.reasonId] })],
);

export const wrapupReasonTotalHours = sqliteTable(
  'wrapup_reason_total_hours',
  { hour: integer('hour').notNull(), ...wrapupReasonTotalDims(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.hour, t.queueId, t.reasonId] })],
);

export const wrapupReasonTotalDays = sqliteTable(
  'wrapup_reason_total_days',
  { ...wrapupReasonTotalDims(), day: integer('day').notNull(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.reasonId, t.day] })],
);

export const wrapupReasonTotalMonths = sqliteTable(
  'wrapup_reason_total_months',
  { ...wrapupReasonTotalDims(), month: integer('month').notNull(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.reasonId, t.month] })],
);

export const wrapupReasonTotalKeys = sqliteTable('wrapup_reason_total_keys', wrapupReasonTotalDims(), (t) => [
  primaryKey({ columns: [t.queueId, t.reasonId] }),
]);

// The narrow families: by queue, with the agent kept only for facts with no queue
// (so a supervisor's scope still applies to them). Trends of requests with no agent
// filter read them: a few dozen rows per period instead of one per agent and queue.

const narrowDims = () => ({
  /** '' for no queue. */
  queueId: text('queue_id').notNull(),
  /** Only for facts with no queue; '' otherwise. */
  agentId: text('agent_id').notNull(),
});

const inboundQueueCounters = () => ({
  answered: integer('answered').notNull(),
  connectedMs: integer('connected_ms').notNull(),
});

export const inboundQueueBuckets = sqliteTable(
  'inbound_queue_buckets',
  { bucket: integer('bucket').notNull(), ...narrowDims(), ...inboundQueueCounters() },
  (t) => [primaryKey({ columns: [t.bucket, t.queueId, t.agentId] })],
);

export const inboundQueueHours = sqliteTable(
  'inbound_queue_hours',
  { hour: integer('hour').notNull(), ...narrowDims(), ...inboundQueueCounters() },
  (t) => [primaryKey({ columns: [t.hour, t.queueId, t.agentId] })],
);

export const inboundQueueDays = sqliteTable(
  'inbound_queue_days',
  { ...narrowDims(), day: integer('day').notNull(), ...inboundQueueCounters() },
  (t) => [
    primaryKey({ columns: [t.queueId, t.agentId, t.day] }),
    index('inbound_queue_days_trend').on(t.day, t.queueId, t.agentId, t.answered, t.connectedMs),
  ],
);

export const inboundQueueMonths = sqliteTable(
  'inbound_queue_months',
  { ...narrowDims(), month: integer('month').notNull(), ...inboundQueueCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.agentId, t.month] })],
);

export const inboundQueueKeys = sqliteTable('inbound_queue_keys', narrowDims(), (t) => [primaryKey({ columns: [t.queueId, t.agentId] })]);

export const wrapupQueueBuckets = sqliteTable(
  'wrapup_queue_buckets',
  { bucket: integer('bucket').notNull(), ...narrowDims(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.bucket, t.queueId, t.agentId] })],
);

export const wrapupQueueHours = sqliteTable(
  'wrapup_queue_hours',
  { hour: integer('hour').notNull(), ...narrowDims(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.hour, t.queueId, t.agentId] })],
);

export const wrapupQueueDays = sqliteTable(
  'wrapup_queue_days',
  { ...narrowDims(), day: integer('day').notNull(), ...wrapupCounters() },
  (t) => [
    primaryKey({ columns: [t.queueId, t.agentId, t.day] }),
    index('wrapup_queue_days_trend').on(t.day, t.queueId, t.agentId, t.completed, t.wrapupMs),
  ],
);

export const wrapupQueueMonths = sqliteTable(
  'wrapup_queue_months',
  { ...narrowDims(), month: integer('month').notNull(), ...wrapupCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.agentId, t.month] })],
);

export const wrapupQueueKeys = sqliteTable('wrapup_queue_keys', narrowDims(), (t) => [primaryKey({ columns: [t.queueId, t.agentId] })]);

// Agent time: how long agents were staffed (signed in; per queue: and joined) and idle
// (available, no call, no wrap-up), accounted from the agents' state over time
// (server/domain/agent-time.ts). Queue '' is the agent's time whatever the queue.
const agentTimeCounters = () => ({
  staffedMs: integer('staffed_ms').notNull(),
  idleMs: integer('idle_ms').notNull(),
});

const agentTimeDims = () => ({
  agentId: text('agent_id').notNull(),
  /** '' for the agent's time whatever the queue. */
  queueId: text('queue_id').notNull(),
});

export const agentTimeBuckets = sqliteTable(
  'agent_time_buckets',
  { bucket: integer('bucket').notNull(), ...agentTimeDims(), ...agentTimeCounters() },
  (t) => [primaryKey({ columns: [t.bucket, t.agentId, t.queueId] })],
);

export const agentTimeHours = sqliteTable(
  'agent_time_hours',
  { hour: integer('hour').notNull(), ...agentTimeDims(), ...agentTimeCounters() },
  (t) => [primaryKey({ columns: [t.hour, t.agentId, t.queueId] })],
);

export const agentTimeDays = sqliteTable(
  'agent_time_days',
  { ...agentTimeDims(), day: integer('day').notNull(), ...agentTimeCounters() },
  (t) => [primaryKey({ columns: [t.agentId, t.queueId, t.day] })],
);

export const agentTimeMonths = sqliteTable(
  'agent_time_months',
  { ...agentTimeDims(), month: integer('month').notNull(), ...agentTimeCounters() },
  (t) => [primaryKey({ columns: [t.agentId, t.queueId, t.month] })],
);

export const agentTimeKeys = sqliteTable('agent_time_keys', agentTimeDims(), (t) => [primaryKey({ columns: [t.agentId, t.queueId] })]);

/** The same added over agents, per queue: what queue history's staffed agents read. */
export const queueTimeBuckets = sqliteTable(
  'queue_time_buckets',
  { bucket: integer('bucket').notNull(), queueId: text('queue_id').notNull(), ...agentTimeCounters() },
  (t) => [primaryKey({ columns: [t.bucket, t.queueId] })],
);

export const queueTimeHours = sqliteTable(
  'queue_time_hours',
  { hour: integer('hour').notNull(), queueId: text('queue_id').notNull(), ...agentTimeCounters() },
  (t) => [primaryKey({ columns: [t.hour, t.queueId] })],
);

export const queueTimeDays = sqliteTable(
  'queue_time_days',
  { queueId: text('queue_id').notNull(), day: integer('day').notNull(), ...agentTimeCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.day] }), index('queue_time_days_trend').on(t.day, t.queueId, t.staffedMs, t.idleMs)],
);

export const queueTimeMonths = sqliteTable(
  'queue_time_months',
  { queueId: text('queue_id').notNull(), month: integer('month').notNull(), ...agentTimeCounters() },
  (t) => [primaryKey({ columns: [t.queueId, t.month] })],
);

export const queueTimeKeys = sqliteTable('queue_time_keys', { queueId: text('queue_id').primaryKey() });

/**
 * What the rollups were built with: `version` (of the definitions), `time_zone` (of days and months),
 * `thresholds` (queues' service-level settings), `sealed_before` (the seal line, server/history/day-sealing.ts).
 */
export const rollupMeta = sqliteTable('rollup_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

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

/**
 * Wrap-up reason reports (C10), generated in the background (server/reports/).
 * `seq` orders a supervisor's reports for the limit of 50 (created_at can tie);
 * a job is held by one process at a time through its lease (`lease_owner`,
 * `lease_until`), and `cursor` is where its next page starts, so a job
 * interrupted by a crash resumes where its last chunk ended.
 */
export const reports = sqliteTable(
  'reports',
  {
    id: text('id').primaryKey(),
    supervisorId: text('supervisor_id').notNull(),
    seq: integer('seq').notNull().default(0),
    status: text('status', { enum: ['queued', 'generating', 'ready', 'failed'] }).notNull(),
    /** The request and the range it resolved to, as JSON (server/reports/report.ts). */
    params: text('params').notNull(),
    createdAt: integer('created_at').notNull(),
    startedAt: integer('started_at'),
    finishedAt: integer('finished_at'),
    /** Rows written so far; all of them once ready. */
    rowCount: integer('row_count'),
    /** Rows the statistics count for the same range and filters, when generation began: the measure of progress. */
    expectedRows: integer('expected_rows'),
    /** Bytes of CSV written so far (the download's length once ready). */
    byteSize: integer('byte_size').notNull().default(0),
    /** Chunks written so far: the next chunk's `seq`. */
    chunkCount: integer('chunk_count').notNull().default(0),
    cursor: text('cursor'),
    leaseOwner: text('lease_owner'),
    leaseUntil: integer('lease_until'),
    /** Times a process died holding the job; at 3 it fails rather than crash a node again. */
    interruptions: integer('interruptions').notNull().default(0),
    errorCode: text('error_code'),
    error: text('error'),
  },
  (t) => [index('reports_supervisor_seq').on(t.supervisorId, t.seq), index('reports_status').on(t.status, t.seq)],
);

/** A report's CSV, a page of rows per chunk, deflated; deleted with the report. */
export const reportChunks = sqliteTable(
  'report_chunks',
  {
    reportId: text('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    rowCount: integer('row_count').notNull(),
    data: blob('data', { mode: 'buffer' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.seq] })],
);

/**
 * Alerts (server/alerts/): raised by a rule on a queue or an agent, cleared when its
 * condition has passed, acknowledged by one supervisor for everyone. Kept after they
 * clear: `GET /alerts` is their history.
 */
export const alerts = sqliteTable(
  'alerts',
  {
    /** Raising order: also the id clients see. */
    seq: integer('seq').primaryKey(),
    rule: text('rule').notNull(),
    queueId: text('queue_id'),
    agentId: text('agent_id'),
    /** The rule's limit when raised, in the rule's unit (count, seconds, share 0–1). */
    threshold: real('threshold').notNull(),
    /** The figure that crossed it, when raised. */
    value: real('value').notNull(),
    raisedAt: integer('raised_at').notNull(),
    clearedAt: integer('cleared_at'),
    ackedBy: text('acked_by'),
    ackedAt: integer('acked_at'),
    /** What an agent who raised a hand wrote, if anything. */
    note: text('note'),
  },
  (t) => [index('alerts_raised').on(t.raisedAt), index('alerts_open').on(t.clearedAt)],
);
