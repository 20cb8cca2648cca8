import { z } from '@hono/zod-openapi';
import { instant, namesSchema } from './names.js';

/** The live rows of SPEC §4, as the API and the stream send them. */

export const agentRowSchema = z
  .object({
    agentId: z.string(),
    name: z.string(),
    location: z.string().nullable(),
    state: z.enum(['available', 'unavailable', 'signed_out']),
    stateReason: z.string().nullable().describe('As the directory’s state reasons name it when it lists the text (in any language), else as typed.'),
    stateReasonNames: namesSchema,
    stateSince: instant.nullable(),
    queues: z.array(z.object({ queueId: z.string(), joined: z.boolean() })).describe('Assigned queues within your scope.'),
    contactState: z.enum(['idle', 'ringing', 'connected', 'hold', 'wrapup']),
    contactSince: instant.nullable(),
    direction: z.enum(['inbound', 'outbound']).nullable(),
    monitoredBy: z
      .object({ supervisorId: z.string(), supervisorName: z.string(), mode: z.enum(['monitor', 'coach', 'barge']), since: instant })
      .nullable()
      .describe('Who is monitoring the agent’s call, and how.'),
  })
  .openapi('AgentRow');

export const queueRowSchema = z
  .object({
    queueId: z.string(),
    queueName: z.string(),
    queueNames: namesSchema,
    location: z.string().nullable(),
    waiting: z.number().int().describe('Contacts in the queue now, not yet answered.'),
    longestWait: z.number().describe('Seconds, at `asOf`.'),
    longestWaitSince: instant.nullable(),
    totalAgents: z.number().int().describe('Agents assigned.'),
    staffedAgents: z.number().int().describe('Assigned agents who joined and are signed in.'),
    idleAgents: z.number().int().describe('Staffed agents available and not on a contact.'),
    unavailableAgents: z.number().int().describe('Staffed agents who are unavailable.'),
    answered: z.number().int().describe('Today (since local midnight of the reporting time zone): queue visits answered.'),
    abandoned: z.number().int().describe('Today: queue visits abandoned by the caller.'),
    totalCalls: z.number().int().describe('Today: answered + abandoned + other, counted per queue visit once its outcome is known.'),
    answeredInServiceLevel: z.number().int().describe('Today: answered within the queue’s service-level threshold.'),
    abandonedAfterShort: z.number().int().describe('Today: abandoned after the queue’s short-abandon threshold.'),
    serviceLevel: z.number().nullable().describe('Today: answeredInServiceLevel ÷ (answered + abandonedAfterShort), 0–1; null when that is zero.'),
    abandonRate: z.number().nullable().describe('Today: abandoned ÷ totalCalls, 0–1; null when no call was counted.'),
    agentsRequired: z
      .number()
      .int()
      .nullable()
      .describe(
        'Agents the queue needs now (Erlang C) to answer its service-level target share within its threshold, from the calls queued over the last FLOORVIEW_STAFFING_WINDOW_MINUTES and their handle time; compare with staffedAgents. Null while no call of the window has been handled.',
      ),
    recentCalls: z.number().int().describe('Calls queued over the staffing window.'),
    recentAhtSeconds: z.number().int().nullable().describe('Average handle time plus wrap-up of the window’s answered, ended calls; null when none.'),
    asOf: instant,
  })
  .openapi('QueueRow');

export const agentListSchema = z.object({ agents: z.array(agentRowSchema), serverTime: z.string() });
export const queueListSchema = z.object({ queues: z.array(queueRowSchema), serverTime: z.string() });

/** The live trend's grid: one point every 10 s, the last four hours kept. */
export const TREND_STEP_MS = 10_000;
export const TREND_MAX_MINUTES = 240;

export const queueTrendQuery = z.object({
  minutes: z.coerce.number().int().min(1).max(TREND_MAX_MINUTES).default(30).describe(`How far back, 1–${TREND_MAX_MINUTES}.`),
});

export const queueTrendSchema = z
  .object({
    start: z.string().describe('Instant of the first point; point i is at start + i × stepSeconds.'),
    stepSeconds: z.number().int(),
    queues: z.array(
      z.object({
        queueId: z.string(),
        waiting: z.array(z.number().int().nullable()).describe('Contacts waiting at each point; null where the server was not running.'),
      }),
    ),
    serverTime: z.string(),
  })
  .openapi('QueueTrend');

export type AgentRow = z.infer<typeof agentRowSchema>;
/** A queue now, with today's figures (SPEC §4: service level, abandon rate and their counts) and its staffing need. */
export type QueueRow = z.infer<typeof queueRowSchema>;
export type AgentList = z.infer<typeof agentListSchema>;
export type QueueList = z.infer<typeof queueListSchema>;
export type QueueTrendQuery = z.input<typeof queueTrendQuery>;
/** `GET /queues/trend`: contacts waiting per queue on the trend's grid, oldest first. */
export type QueueTrend = z.infer<typeof queueTrendSchema>;
