import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Names } from '../../../contract/names.js';

// The directory: configured, not derived (SPEC §3).

export const locations = sqliteTable('locations', {
  name: text('name').primaryKey(),
});

/** A name's translations by language (the directory file's `names`), JSON. */
const names = () => text('names', { mode: 'json' }).$type<Names>().notNull().default({});
/** When an admin retired the entry (epoch ms); null while in use. Retired entries stay: history names them. */
const retiredAt = () => integer('retired_at');

export const queues = sqliteTable('queues', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  names: names(),
  location: text('location'),
  serviceLevelSeconds: integer('service_level_seconds').notNull().default(20),
  shortAbandonSeconds: integer('short_abandon_seconds').notNull().default(5),
  /** The share of calls to answer within serviceLevelSeconds (0–1): what staffing advice aims at. */
  serviceLevelTarget: real('service_level_target').notNull().default(0.8),
  retiredAt: retiredAt(),
});

export const agents = sqliteTable('agents', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  location: text('location'),
  email: text('email'),
  retiredAt: retiredAt(),
});

export const agentQueues = sqliteTable(
  'agent_queues',
  {
    agentId: text('agent_id').notNull().references(() => agents.id),
    queueId: text('queue_id').notNull().references(() => queues.id),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.queueId] }), index('agent_queues_queue').on(t.queueId)],
);

/** The interfaces that identify an agent on the PBX (directory file `members`), as written there; unique across agents by their key (server/directory/pbx-interface.ts). */
export const agentMembers = sqliteTable(
  'agent_members',
  {
    agentId: text('agent_id').notNull().references(() => agents.id),
    member: text('member').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.member] })],
);

export const supervisors = sqliteTable(
  'supervisors',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    /** Empty when the supervisor signs in through the identity provider only. */
    passwordHash: text('password_hash').notNull(),
    isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
    /** The supervisor's phone on the PBX (`PJSIP/2001`): where monitoring calls them from. */
    device: text('device'),
    retiredAt: retiredAt(),
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
  retiredAt: retiredAt(),
});

/** Unavailable reasons with their translations; replaced as a whole on load (events carry the text, not a key). */
export const stateReasons = sqliteTable('state_reasons', {
  name: text('name').primaryKey(),
  names: names(),
});
