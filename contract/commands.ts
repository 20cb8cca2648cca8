import { z } from '@hono/zod-openapi';
import { namesSchema } from './names.js';
import { singleLine } from './plain-text.js';

/** Supervisor commands on an agent (C3, C5, C6, C7): what they take and answer; the effect arrives on the stream. */

export const commandAcceptedSchema = z.object({ commandId: z.string() }).openapi('CommandAccepted');

export const stateBody = z
  .object({
    state: z.enum(['available', 'unavailable']),
    reason: singleLine(z.string().trim().min(1).max(100)).optional().describe('Only for unavailable; plain text.'),
  })
  .strict()
  .openapi('StateChange');

export const monitorBody = z
  .object({ mode: z.enum(['monitor', 'coach', 'barge']).describe('monitor: listen; coach: speak to the agent only; barge: join the conversation.') })
  .strict()
  .openapi('MonitorRequest');

/** The directory's state reasons, offered when a supervisor makes an agent unavailable. */
export const stateReasonListSchema = z.object({ stateReasons: z.array(z.object({ name: z.string(), names: namesSchema }).openapi('StateReason')) });

export type CommandAccepted = z.infer<typeof commandAcceptedSchema>;
export type StateChange = z.input<typeof stateBody>;
export type MonitorRequest = z.input<typeof monitorBody>;
export type StateReasonList = z.infer<typeof stateReasonListSchema>;
export type StateReason = StateReasonList['stateReasons'][number];
