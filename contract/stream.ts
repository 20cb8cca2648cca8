import { z } from '@hono/zod-openapi';
import { alertSchema } from './alerts.js';
import { messageSchema, readSchema } from './chat.js';
import { agentRowSchema, queueRowSchema } from './live.js';
import { instant } from './names.js';
import { platformStatusSchema } from './platform.js';
import { reportDeletionSchema, reportSchema } from './reports.js';

/**
 * The live stream's frames (`GET /stream`, SPEC §5): a snapshot of every row in scope, then
 * deltas of the fields that changed, and what was published for this viewer only. The OpenAPI
 * document carries them as schemas: a message's `data` line is the JSON of a FloorSnapshot or a
 * FloorDelta (common/row-patch.ts merges a delta's rows).
 */

export const streamQuery = z.object({
  ticket: z.string().max(200).optional(),
  lastEventId: z.string().max(100).optional(),
  delta: z
    .enum(['rows', 'fields'])
    .default('rows')
    .describe('`fields`: a delta carries only the fields that changed (this library asks for it); `rows`: whole changed rows, as releases before it read them.'),
});

/** What a frame can carry for particular viewers only, by field name: present only when something was published for them. */
const viewerParts = {
  messages: z.array(messageSchema).optional().describe('Chat messages of the viewer’s conversations, new or changed; replace by id.'),
  reads: z.array(readSchema).optional().describe('One side read the other’s messages up to `throughId`.'),
  reports: z.array(reportSchema).optional().describe('A supervisor’s wrap-up reports, created or changed (status, progress); replace by id.'),
  reportsDeleted: z.array(reportDeletionSchema).optional().describe('`deleted` by the owner, or `limit` when a newer report made room.'),
  alerts: z.array(alertSchema).optional().describe('Alerts raised, cleared or acknowledged, for the supervisors (and wallboards) whose scope holds them.'),
};

/** Every row in scope: on connecting, and on resuming from an id too old to merge. */
export const floorSnapshotSchema = z
  .object({
    agents: z.array(agentRowSchema).describe('Every agent row in scope.'),
    queues: z.array(queueRowSchema).describe('Every queue row in scope.'),
    serverTime: instant,
    platform: platformStatusSchema.optional().describe('The telephony platform’s connection.'),
    ...viewerParts,
  })
  .openapi('FloorSnapshot');

const agentRowChangeSchema = agentRowSchema
  .partial()
  .required({ agentId: true })
  .openapi('AgentRowChange', { description: 'The fields of an agent row that changed, set over the row held (the whole row when it is new to the viewer).' });

const queueRowChangeSchema = queueRowSchema
  .partial()
  .required({ queueId: true })
  .openapi('QueueRowChange', {
    description: 'The fields of a queue row that changed, set over the row held (the whole row when it is new to the viewer); `asOf` and `longestWait` come with every change, alone they send nothing.',
  });

/** What changed since the previous message: only the fields that changed, and only what is not empty. */
export const floorDeltaSchema = z
  .object({
    agents: z.array(agentRowChangeSchema).optional().describe('Agent rows that changed: set the fields given over the row with that `agentId`.'),
    queues: z.array(queueRowChangeSchema).optional().describe('Queue rows that changed: set the fields given over the row with that `queueId`.'),
    serverTime: instant,
    platform: platformStatusSchema.optional().describe('The telephony platform’s connection, when it changed.'),
    ...viewerParts,
  })
  .openapi('FloorDelta');

const message = <T extends z.ZodTypeAny>(event: 'snapshot' | 'delta', data: T, description: string) =>
  z
    .object({
      id: z.string().describe('Send it back as `Last-Event-ID` (or `?lastEventId=`) to resume.'),
      event: z.literal(event),
      data,
    })
    .describe(description);

export const streamMessageSchema = z
  .discriminatedUnion('event', [
    message('snapshot', floorSnapshotSchema, 'The whole floor in scope: on connecting, and on resuming from an id too old to merge.').openapi('StreamSnapshot'),
    message(
      'delta',
      floorDeltaSchema,
      'What changed since the previous message: a lone change at once, changes coming faster at most one message per ~100 ms tick; on resuming, one merged delta of what was missed (its rows whole).',
    ).openapi('StreamDelta'),
  ])
  .openapi('StreamMessage');

export type FloorSnapshot = z.infer<typeof floorSnapshotSchema>;
export type FloorDelta = z.infer<typeof floorDeltaSchema>;
export type AgentRowChange = z.infer<typeof agentRowChangeSchema>;
export type QueueRowChange = z.infer<typeof queueRowChangeSchema>;
/** A viewer's own part of a frame. */
export type ViewerParts = Pick<FloorSnapshot, keyof typeof viewerParts>;
/** One item of each viewer channel, by field name. */
export type ViewerChannels = { [K in keyof ViewerParts]-?: NonNullable<ViewerParts[K]>[number] };
export type StreamQuery = z.input<typeof streamQuery>;
