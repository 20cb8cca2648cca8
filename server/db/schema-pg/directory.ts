import { bigint, boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Names } from '../../../contract/names.js';

// The directory: configured, not derived (SPEC §3).

export const locations = pgTable('locations', {
  name: text('name').primaryKey(),
});

/** A name's translations by language (the directory file's `names`), JSON. */
const names = () => jsonb('names').$type<Names>().notNull().default({});
/** When an admin retired the entry (epoch ms); null while in use. Retired entries stay: history names them. */
const retiredAt = () => bigint('retired_at', { mode: 'number' });

export const queues = pgTable('queues', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  names: names(),
  location: text('location'),
  serviceLevelSeconds: integer('service_level_seconds').notNull().default(20),
  shortAbandonSeconds: integer('short_abandon_seconds').notNull().default(5),
  /** The share of calls to answer within serviceLevelSeconds (0–1): what staffing advice aims at. */
  serviceLevelTarget: doublePrecision('service_level_target').notNull().default(0.8),
  retiredAt: retiredAt(),
});

export const agents = pgTable('agents', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  location: text('location'),
  email: text('email'),
  retiredAt: retiredAt(),
});

export const agentQueues = pgTable(
  'agent_queues',
  {
    agentId: text('agent_id').notNull().references(() => agents.id),
    queueId: text('queue_id').notNull().references(() => queues.id),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.queueId] }), index('agent_queues_queue').on(t.queueId)],
);

/** The interfaces that identify an agent on the PBX (directory file `members`), as written there; unique across agents by their key (server/directory/pbx-interface.ts). */
export const agentMembers = pgTable(
  'agent_members',
  {
    agentId: text('agent_id').notNull().references(() => agents.id),
    member: text('member').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.member] })],
);

export const supervisors = pgTable(
  'supervisors',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    /** Empty when the supervisor signs in through the identity provider only. */
    passwordHash: text('password_hash').notNull(),
    isAdmin: boolean('is_admin').notNull().default(false),
    /** The supervisor's phone on the PBX (`PJSIP/2001`): where monitoring calls them from. */
    device: text('device'),
    retiredAt: retiredAt(),
  },
  (t) => [uniqueIndex('supervisors_email').on(t.email)],
);

export const supervisorQueues = pgTable(
  'supervisor_queues',
  {
    supervisorId: text('supervisor_id').notNull().references(() => supervisors.id),
    queueId: text('queue_id').notNull().references(() => queues.id),
  },
  (t) => [primaryKey({ columns: [t.supervisorId, t.queueId] })],
);

export const wrapupReasons = pgTable('wrapup_reasons', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  names: names(),
  retiredAt: retiredAt(),
});

/** Unavailable reasons with their translations; replaced as a whole on load (events carry the text, not a key). */
export const stateReasons = pgTable('state_reasons', {
  name: text('name').primaryKey(),
  names: names(),
});
