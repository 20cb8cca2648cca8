import { z } from '@hono/zod-openapi';
import { namesSchema } from './names.js';
import { orNull } from './or-null.js';
import { singleLine } from './plain-text.js';

/** The rules an alert can be raised by: limits on a queue's figures, on an agent's, and an agent's raised hand. */
export const QUEUE_RULES = ['serviceLevelBelow', 'waitingAtLeast', 'longestWaitAtLeastSeconds', 'agentsShortAtLeast'] as const;
export const AGENT_RULES = ['unavailableAtLeastSeconds', 'holdAtLeastSeconds', 'wrapupAtLeastSeconds', 'ringNoAnswerPerHourAtLeast'] as const;
/** Not a rule on a figure: an agent asking for help from the desk; raised at once, cleared when the hand goes down. */
export const RAISED_HAND = 'raisedHand';

const instant = z.string().describe('ISO-8601 instant.');

/** An alert as the API and the stream send it (`GET /alerts`, the stream's `alerts`). */
export const alertSchema = z
  .object({
    id: z.number().int(),
    rule: z.enum([...QUEUE_RULES, ...AGENT_RULES, RAISED_HAND]).describe('A queue rule, an agent rule, or `raisedHand`: an agent asked for help from the desk.'),
    queueId: z.string().nullable().describe('A queue rule’s queue; null for an agent rule.'),
    queueName: z.string().nullable(),
    queueNames: namesSchema,
    agentId: z.string().nullable().describe('An agent rule’s agent; null for a queue rule.'),
    agentName: z.string().nullable(),
    threshold: z.number().describe('The rule’s limit in its unit: a count, seconds, or a share 0–1 (serviceLevelBelow).'),
    value: z.number().describe('The figure that crossed it, when raised.'),
    raisedAt: instant,
    clearedAt: instant.nullable().describe('Null while open.'),
    acknowledged: z.object({ supervisorId: z.string(), supervisorName: z.string(), at: instant }).nullable(),
    note: z.string().nullable().describe('What an agent who raised a hand wrote; null otherwise.'),
  })
  .openapi('Alert');

export const alertsQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export const alertListSchema = z.object({ alerts: z.array(alertSchema), serverTime: instant });
export const alertAnswerSchema = z.object({ alert: alertSchema });

/** An agent's raised hand (from the desk): its alert, or null when no hand is up. */
export const handAnswerSchema = z.object({ alert: orNull(alertSchema) });
export const raiseHandBody = z
  .object({ note: singleLine(z.string().trim().min(1).max(200)).optional().describe('A line for the supervisors, e.g. what the caller asks.') })
  .strict()
  .openapi('RaiseHand');

export type QueueRule = (typeof QUEUE_RULES)[number];
export type AgentRule = (typeof AGENT_RULES)[number];
export type AlertRule = QueueRule | AgentRule | typeof RAISED_HAND;
export type Alert = z.infer<typeof alertSchema>;
export type AlertsQuery = z.input<typeof alertsQuery>;
export type AlertList = z.infer<typeof alertListSchema>;
export type AlertAnswer = z.infer<typeof alertAnswerSchema>;
export type HandAnswer = z.infer<typeof handAnswerSchema>;
export type RaiseHandBody = z.input<typeof raiseHandBody>;
