import { z } from '@hono/zod-openapi';
import { alertSchema } from './alerts.js';
import { messageSchema, readSchema } from './chat.js';
import { agentRowSchema, queueRowSchema } from './live.js';
import { instant } from './names.js';
import { platformStatusSchema } from './platform.js';
import { reportDeletionSchema, reportSchema } from './reports.js';

/**
 * The live stream's frames (`GET /stream`, SPEC §5): the rows that changed, and what was
 * published for this viewer only. The OpenAPI document carries them as schemas: a message's
 * `data` line is the JSON of a FloorFrame.
 */

export const streamQuery = z.object({
  ticket: z.string().max(200).optional(),
  lastEventId: z.string().max(100).optional(),
});

/** What a frame can carry for particular viewers only, by field name: present only when something was published for them. */
const viewerParts = {
  messages: z.array(messageSchema).optional().describe('Chat messages of the viewer’s conversations, new or changed; replace by id.'),
  reads: z.array(readSchema).optional().describe('One side read the other’s messages up to `throughId`.'),
  reports: z.array(reportSchema).optional().describe('A supervisor’s wrap-up reports, created or changed (status, progress); replace by id.'),
  reportsDeleted: z.array(reportDeletionSchema).optional().describe('`deleted` by the owner, or `limit` when a newer report made room.'),
  alerts: z.array(alertSchema).optional().describe('Alerts raised, cleared or acknowledged, for the supervisors (and wallboards) whose scope holds them.'),
};

export const floorFrameSchema = z
  .object({
    agents: z.array(agentRowSchema).describe('snapshot: every agent row in scope; delta: the rows that changed (replace by id).'),
    queues: z.array(queueRowSchema).describe('snapshot: every queue row in scope; delta: the rows that changed (replace by id).'),
    serverTime: instant,
    platform: platformStatusSchema.optional().describe('The telephony platform’s connection: in every snapshot, and in a delta when it changed.'),
    ...viewerParts,
  })
  .openapi('FloorFrame');

const message = (event: 'snapshot' | 'delta', description: string) =>
  z
    .object({
      id: z.string().describe('Send it back as `Last-Event-ID` (or `?lastEventId=`) to resume.'),
      event: z.literal(event),
      data: floorFrameSchema,
    })
    .describe(description);

export const streamMessageSchema = z
  .discriminatedUnion('event', [
    message('snapshot', 'The whole floor in scope: on connecting, and on resuming from an id too old to merge.').openapi('StreamSnapshot'),
    message('delta', 'What changed since the previous message, at most one per ~100 ms tick; on resuming, one merged delta of what was missed.').openapi('StreamDelta'),
  ])
  .openapi('StreamMessage');

export type FloorFrame = z.infer<typeof floorFrameSchema>;
/** A viewer's own part of a frame. */
export type ViewerParts = Pick<FloorFrame, keyof typeof viewerParts>;
/** One item of each viewer channel, by field name. */
export type ViewerChannels = { [K in keyof ViewerParts]-?: NonNullable<ViewerParts[K]>[number] };
export type StreamQuery = z.input<typeof streamQuery>;
