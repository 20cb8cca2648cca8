import { z } from '@hono/zod-openapi';
import { instant, langSchema, namesSchema } from './names.js';
import { singleLine } from './plain-text.js';

/**
 * Directory administration (`/api/v1/admin/…`, admins only): the queues, agents, supervisors,
 * wrap-up reasons, integration keys and display tokens of the centre, and the audit of every
 * change to them. Nothing is deleted: a queue, agent, supervisor or reason is retired (it leaves
 * the live floor, sign-in and choices, but history and old reports keep its name), a key or token
 * is revoked. Lists include the retired and revoked, marked by `retiredAt` / `revokedAt`.
 *
 * Routes, below `/api/v1/admin`: for each of `queues`, `agents`, `supervisors`, `wrapup-reasons`,
 * `integration-keys` and `display-tokens`: `GET /<resource>` (the list), `POST /<resource>`
 * (create, 201), `PATCH /<resource>/{id}` (update the fields sent); `POST /<resource>/{id}/retire`
 * for the first four, `POST /<resource>/{id}/revoke` for keys and tokens. Queue assignments also
 * one at a time: `PUT` / `DELETE /agents/{id}/queues/{queueId}`. `GET /audit` pages the changes.
 * 400 names every bad field; 404 an unknown id; 409 a conflict (`id_in_use`, `email_in_use`,
 * `interface_in_use`, `unknown_queue`, `calls_waiting`, `retired`).
 */

/** An id chosen by the admin: it travels in URLs and CSVs, so plain characters only. */
const newId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'use letters, digits, ".", "_" and "-", starting with a letter or digit')
  .describe('Chosen once, never changed.');
const name = singleLine(z.string().trim().min(1).max(200));
const location = name.nullable().describe('A location (site) name; null for none.');
const queueIds = z.array(z.string().min(1).max(200)).max(1000);
const email = z.email().max(320);
/** Translations of a name, by language (`{"zh-CN": "销售"}`); a language left out shows the name. */
const namesInput = z.partialRecord(langSchema, name).describe('Translations of the name, by language; a language left out shows `name`.');

/** An interface or device on the PBX: `TECH/resource`, as Asterisk writes it (`PJSIP/1001`, `Local/1001@from-queue/n`). */
export const pbxInterface = singleLine(z.string().trim().min(3).max(200)).refine((v) => /^[A-Za-z][\w-]*\/\S+$/.test(v), {
  message: 'expected an interface as the PBX names it, TECH/resource (e.g. "PJSIP/1001")',
});

const serviceLevelSeconds = z.number().int().min(1).max(3600).describe('A call answered within this many seconds counts towards the service level.');
const shortAbandonSeconds = z.number().int().min(0).max(600).describe('A call abandoned within this many seconds is a short abandon, left out of the service level.');
// Erlang C cannot promise every call at once: below 1.
const serviceLevelTarget = z.number().min(0.01).max(0.99).describe('The share of calls to answer within `serviceLevelSeconds` (0.01–0.99): what staffing advice aims at.');
const retiredAt = instant.nullable().describe('When it was retired; null while in use.');
const revokedAt = instant.nullable().describe('When it was revoked; null while it works.');

// ── Resources, as the API answers them ───────────────────────────────────────────────────────

export const adminQueueSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    names: namesSchema,
    location: z.string().nullable(),
    serviceLevelSeconds: z.number().int(),
    shortAbandonSeconds: z.number().int(),
    serviceLevelTarget: z.number(),
    retiredAt,
  })
  .openapi('AdminQueue');

export const adminAgentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    location: z.string().nullable(),
    queues: z.array(z.string()).describe('Assigned queues, sorted.'),
    members: z.array(z.string()).describe('The interfaces that identify the agent on the PBX (queue members, devices).'),
    retiredAt,
  })
  .openapi('AdminAgent');

export const adminSupervisorSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    isAdmin: z.boolean(),
    device: z.string().nullable().describe('The supervisor’s phone on the PBX: where monitoring calls them from.'),
    queues: z.array(z.string()).describe('The queue scope: what the supervisor sees and acts on, sorted.'),
    hasPassword: z.boolean().describe('Whether password sign-in is possible; without one, only the identity provider signs them in.'),
    retiredAt,
  })
  .openapi('AdminSupervisor');

export const adminWrapupReasonSchema = z
  .object({ id: z.string(), name: z.string(), names: namesSchema, retiredAt })
  .openapi('AdminWrapupReason');

export const integrationKeySchema = z
  .object({ id: z.string(), label: z.string(), createdAt: instant.nullable().describe('Null for a key from the directory file.'), revokedAt })
  .openapi('IntegrationKey');

export const displayTokenSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    queues: z.array(z.string()).describe('The queues the wallboard shows, sorted.'),
    createdAt: instant.nullable().describe('Null for a token from the directory file.'),
    revokedAt,
  })
  .openapi('DisplayToken');

export const DIRECTORY_RESOURCES = ['queue', 'agent', 'supervisor', 'wrapupReason', 'integrationKey', 'displayToken'] as const;
export const DIRECTORY_ACTIONS = ['create', 'update', 'retire', 'revoke'] as const;

export const directoryChangeSchema = z
  .object({
    id: z.number().int(),
    at: instant,
    actor: z.object({ id: z.string(), name: z.string() }).describe('The admin who made the change, as named then.'),
    action: z.enum(DIRECTORY_ACTIONS),
    resource: z.enum(DIRECTORY_RESOURCES),
    resourceId: z.string(),
    before: z.record(z.string(), z.unknown()).nullable().describe('The resource before the change, as the admin API shows it; null for a create. Secrets never appear.'),
    after: z.record(z.string(), z.unknown()).nullable().describe('The resource after the change.'),
  })
  .openapi('DirectoryChange');

// ── Lists and answers ────────────────────────────────────────────────────────────────────────

export const adminQueueListSchema = z.object({ queues: z.array(adminQueueSchema) }).openapi('AdminQueueList');
export const adminQueueAnswerSchema = z.object({ queue: adminQueueSchema });
export const adminAgentListSchema = z.object({ agents: z.array(adminAgentSchema) }).openapi('AdminAgentList');
export const adminAgentAnswerSchema = z.object({ agent: adminAgentSchema });
export const adminSupervisorListSchema = z.object({ supervisors: z.array(adminSupervisorSchema) }).openapi('AdminSupervisorList');
export const adminSupervisorAnswerSchema = z.object({ supervisor: adminSupervisorSchema });
export const adminWrapupReasonListSchema = z.object({ wrapupReasons: z.array(adminWrapupReasonSchema) }).openapi('AdminWrapupReasonList');
export const adminWrapupReasonAnswerSchema = z.object({ wrapupReason: adminWrapupReasonSchema });
export const integrationKeyListSchema = z.object({ integrationKeys: z.array(integrationKeySchema) }).openapi('IntegrationKeyList');
export const integrationKeyAnswerSchema = z.object({ integrationKey: integrationKeySchema });
export const displayTokenListSchema = z.object({ displayTokens: z.array(displayTokenSchema) }).openapi('DisplayTokenList');
export const displayTokenAnswerSchema = z.object({ displayToken: displayTokenSchema });

const secret = z.string().describe('The secret, generated by the server and shown this once: only its hash is stored.');
export const integrationKeyCreatedSchema = z.object({ integrationKey: integrationKeySchema, secret }).openapi('IntegrationKeyCreated');
export const displayTokenCreatedSchema = z.object({ displayToken: displayTokenSchema, secret }).openapi('DisplayTokenCreated');

export const directoryChangePageSchema = z
  .object({
    entries: z.array(directoryChangeSchema).describe('Newest first.'),
    nextBefore: z.number().int().nullable().describe('Pass as `before` for the next (older) page; null on the last page.'),
  })
  .openapi('DirectoryChangePage');

export const directoryChangesQuery = z.object({
  before: z.coerce.number().int().positive().optional().describe('Only entries older than this id (the previous page’s `nextBefore`).'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

// ── Requests ─────────────────────────────────────────────────────────────────────────────────

export const createQueueBody = z
  .object({
    id: newId,
    name,
    names: namesInput.optional(),
    location: location.optional(),
    serviceLevelSeconds: serviceLevelSeconds.default(20),
    shortAbandonSeconds: shortAbandonSeconds.default(5),
    serviceLevelTarget: serviceLevelTarget.default(0.8),
  })
  .strict()
  .openapi('CreateQueue');

export const updateQueueBody = z
  .object({ name, names: namesInput, location, serviceLevelSeconds, shortAbandonSeconds, serviceLevelTarget })
  .partial()
  .strict()
  .openapi('UpdateQueue');

export const createAgentBody = z
  .object({
    id: newId,
    name,
    email: email.nullable().optional(),
    location: location.optional(),
    queues: queueIds.default([]).describe('Assigned queues: each must be a queue in use.'),
    members: z.array(pbxInterface).max(50).default([]).describe('Interfaces on the PBX; each identifies one agent only.'),
  })
  .strict()
  .openapi('CreateAgent');

export const updateAgentBody = z
  .object({
    name,
    email: email.nullable(),
    location,
    queues: queueIds.describe('Replaces the assigned queues.'),
    members: z.array(pbxInterface).max(50).describe('Replaces the interfaces.'),
  })
  .partial()
  .strict()
  .openapi('UpdateAgent');

const password = z.string().min(8).max(1024).describe('Sets password sign-in (stored hashed, never shown); omit for identity-provider sign-in only.');

export const createSupervisorBody = z
  .object({
    id: newId,
    name,
    email,
    isAdmin: z.boolean().default(false),
    device: pbxInterface.nullable().optional(),
    queues: queueIds.default([]).describe('The queue scope: each must be a queue in use.'),
    password: password.optional(),
  })
  .strict()
  .openapi('CreateSupervisor');

export const updateSupervisorBody = z
  .object({
    name,
    email,
    isAdmin: z.boolean(),
    device: pbxInterface.nullable(),
    queues: queueIds.describe('Replaces the queue scope; open streams follow at once.'),
    password: password.nullable().describe('A new password; null switches password sign-in off.'),
  })
  .partial()
  .strict()
  .openapi('UpdateSupervisor');

export const createWrapupReasonBody = z.object({ id: newId, name, names: namesInput.optional() }).strict().openapi('CreateWrapupReason');
export const updateWrapupReasonBody = z.object({ name, names: namesInput }).partial().strict().openapi('UpdateWrapupReason');

const label = singleLine(z.string().trim().min(1).max(200)).describe('What the key or token is for, e.g. "CRM" or "Floor 3 wallboard".');

export const createIntegrationKeyBody = z.object({ id: newId, label }).strict().openapi('CreateIntegrationKey');
export const updateIntegrationKeyBody = z.object({ label }).partial().strict().openapi('UpdateIntegrationKey');

export const createDisplayTokenBody = z
  .object({ id: newId, label, queues: queueIds.min(1).describe('The queues the wallboard shows: each must be a queue in use.') })
  .strict()
  .openapi('CreateDisplayToken');
export const updateDisplayTokenBody = z
  .object({ label, queues: queueIds.min(1).describe('Replaces the queues; an open wallboard follows at once.') })
  .partial()
  .strict()
  .openapi('UpdateDisplayToken');

export type AdminQueue = z.infer<typeof adminQueueSchema>;
export type AdminAgent = z.infer<typeof adminAgentSchema>;
export type AdminSupervisor = z.infer<typeof adminSupervisorSchema>;
export type AdminWrapupReason = z.infer<typeof adminWrapupReasonSchema>;
export type IntegrationKey = z.infer<typeof integrationKeySchema>;
export type DisplayToken = z.infer<typeof displayTokenSchema>;
export type DirectoryResource = (typeof DIRECTORY_RESOURCES)[number];
export type DirectoryAction = (typeof DIRECTORY_ACTIONS)[number];
/** One audited change to the directory: who, when, what, before → after. */
export type DirectoryChange = z.infer<typeof directoryChangeSchema>;

export type AdminQueueList = z.infer<typeof adminQueueListSchema>;
export type AdminQueueAnswer = z.infer<typeof adminQueueAnswerSchema>;
export type AdminAgentList = z.infer<typeof adminAgentListSchema>;
export type AdminAgentAnswer = z.infer<typeof adminAgentAnswerSchema>;
export type AdminSupervisorList = z.infer<typeof adminSupervisorListSchema>;
export type AdminSupervisorAnswer = z.infer<typeof adminSupervisorAnswerSchema>;
export type AdminWrapupReasonList = z.infer<typeof adminWrapupReasonListSchema>;
export type AdminWrapupReasonAnswer = z.infer<typeof adminWrapupReasonAnswerSchema>;
export type IntegrationKeyList = z.infer<typeof integrationKeyListSchema>;
export type IntegrationKeyAnswer = z.infer<typeof integrationKeyAnswerSchema>;
export type IntegrationKeyCreated = z.infer<typeof integrationKeyCreatedSchema>;
export type DisplayTokenList = z.infer<typeof displayTokenListSchema>;
export type DisplayTokenAnswer = z.infer<typeof displayTokenAnswerSchema>;
export type DisplayTokenCreated = z.infer<typeof displayTokenCreatedSchema>;
export type DirectoryChangePage = z.infer<typeof directoryChangePageSchema>;
export type DirectoryChangesQuery = z.input<typeof directoryChangesQuery>;

export type CreateQueueBody = z.input<typeof createQueueBody>;
export type UpdateQueueBody = z.input<typeof updateQueueBody>;
export type CreateAgentBody = z.input<typeof createAgentBody>;
export type UpdateAgentBody = z.input<typeof updateAgentBody>;
export type CreateSupervisorBody = z.input<typeof createSupervisorBody>;
export type UpdateSupervisorBody = z.input<typeof updateSupervisorBody>;
export type CreateWrapupReasonBody = z.input<typeof createWrapupReasonBody>;
export type UpdateWrapupReasonBody = z.input<typeof updateWrapupReasonBody>;
export type CreateIntegrationKeyBody = z.input<typeof createIntegrationKeyBody>;
export type UpdateIntegrationKeyBody = z.input<typeof updateIntegrationKeyBody>;
export type CreateDisplayTokenBody = z.input<typeof createDisplayTokenBody>;
export type UpdateDisplayTokenBody = z.input<typeof updateDisplayTokenBody>;
