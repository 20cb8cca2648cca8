import { z } from '@hono/zod-openapi';
import { singleLine } from '../../contract/plain-text.js';

/** The wire form of SPEC §3 events: what integrations post and the simulator produces. */

const id = (what: string) =>
  z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
    .describe(what);

const base = {
  id: id('Unique event id; a repeated id is ignored, so posting is idempotent.'),
  at: z.iso
    .datetime({ offset: true })
    .describe(
      "When it happened (ISO-8601 instant): at most FLOORVIEW_EVENT_MAX_AGE_DAYS (default 90) before the server's clock, never before 2000, and at most FLOORVIEW_EVENT_MAX_FUTURE_SECONDS (default 300) after it.",
    ),
};
const agentId = id('Agent id from the directory.');
const callId = id('Call id, opaque, chosen by the platform.');
const queueId = id('Queue id from the directory.');

const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S, description: string) =>
  z.object({ type: z.literal(type), ...base, ...shape }).strict().openapi(`Event_${type.replace('.', '_')}`, { description });

export const eventSchema = z
  .discriminatedUnion('type', [
    ev('agent.signed_in', { agentId }, 'Agent starts a session; state is unavailable until set.'),
    ev('agent.signed_out', { agentId }, 'Agent session ends.'),
    ev(
      'agent.state_changed',
      { agentId, state: z.enum(['available', 'unavailable']), reason: singleLine(z.string().min(1).max(100)).optional().describe('Plain text: no control characters or bidi overrides.') },
      'Agent becomes available or unavailable (with an optional reason).',
    ),
    ev('agent.queue_joined', { agentId, queueId }, 'Agent joins an assigned queue.'),
    ev('agent.queue_left', { agentId, queueId }, 'Agent leaves an assigned queue.'),
    ev(
      'call.queued',
      { callId, queueId, direction: z.literal('inbound').optional() },
      'Caller enters a queue (again after a bounce or transfer).',
    ),
    ev('call.offered', { callId, agentId }, 'Call rings at an agent (is presented to them).'),
    ev('call.bounced', { callId, agentId }, 'Rang, not answered (ring-no-answer); back to the queue.'),
    ev('call.answered', { callId, agentId }, 'Agent connected (also: the far end of an outbound call picked up).'),
    ev('call.held', { callId }, 'Hold segment starts.'),
    ev('call.resumed', { callId }, 'Hold segment ends.'),
    ev(
      'call.transferred',
      { callId, toQueueId: queueId.optional(), toAgentId: agentId.optional() },
      "Agent hands the call on; that agent's handling ends.",
    ),
    ev('call.dialed', { callId, agentId }, 'Agent starts an outbound call (it rings at the far end until answered).'),
    ev(
      'call.ended',
      {
        callId,
        by: z.enum(['caller', 'agent', 'system']),
        outcome: z
          .enum(['abandoned', 'other'])
          .optional()
          .describe('For never-answered inbound calls; default: abandoned when the caller hung up, else other.'),
      },
      'Call over.',
    ),
    ev('wrapup.started', { agentId, callId }, 'After-call work begins.'),
    ev('wrapup.completed', { agentId, callId, reasonId: id('Wrap-up reason id.') }, 'Wrap-up reason chosen; after-call work ends.'),
    ev(
      'monitor.started',
      { agentId, callId, supervisorId: id('Supervisor id.'), mode: z.enum(['monitor', 'coach', 'barge']) },
      "A supervisor joined the agent's call, or changed mode (the platform confirms a monitor command).",
    ),
    ev('monitor.ended', { agentId, supervisorId: id('Supervisor id.') }, 'The supervisor left the call.'),
  ])
  .openapi('Event');

export const MAX_EVENTS_PER_BATCH = 5_000;

export const eventBatchSchema = z
  .object({ events: z.array(eventSchema).min(1).max(MAX_EVENTS_PER_BATCH) })
  .strict()
  .openapi('EventBatch');

export const ingestResultSchema = z
  .object({
    accepted: z.number().int().describe('New events stored and applied.'),
    duplicates: z.number().int().describe('Events whose id was already stored (or repeated in this batch); ignored.'),
  })
  .openapi('IngestResult');

export type WireEvent = z.infer<typeof eventSchema>;
