import { z } from '@hono/zod-openapi';
import { namesSchema } from './names.js';
import { onceValid } from './once-valid.js';
import { dayOrInstant, timeOfDay, timeZoneName } from './time-fields.js';

/** History figures (SPEC §4, C8/C9/C12): the queries and the answers of `/stats/*`. */

// ── Query ───────────────────────────────────────────────────────────────────

/** `?queue=a&queue=b` or `?queue=a,b`. */
const idList = (what: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? undefined : [v].flat().flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean)))
    .pipe(z.array(z.string().max(200)).max(500).optional())
    .openapi({ description: `${what}; repeat the parameter or separate ids with commas.`, example: 'q-sales' });

const rangeQuery = {
  from: dayOrInstant.openapi({ description: 'First local day (`YYYY-MM-DD`) or an ISO instant with an offset.', example: '2026-03-01' }),
  to: dayOrInstant.openapi({ description: 'Last local day, included (`YYYY-MM-DD`), or an ISO instant, excluded.', example: '2026-03-07' }),
  tz: timeZoneName
    .optional()
    .openapi({ description: 'IANA time zone for dates, the time-of-day window and trend labels. Default: the reporting zone (`FLOORVIEW_TIME_ZONE`).', example: 'Asia/Shanghai' }),
  timeFrom: timeOfDay.optional().openapi({ description: 'Each day, count only intervals starting at or after this local time.', example: '09:00' }),
  timeTo: timeOfDay.optional().openapi({ description: 'Each day, count only intervals starting before this local time (`24:00`: end of day). Earlier than `timeFrom`: the window wraps past midnight.', example: '17:00' }),
  queue: idList('Only these queues (each in your scope)'),
  agent: idList('Only these agents (each in your scope)'),
  location: z.string().min(1).max(200).optional().openapi({ description: 'Only agents at this location (queue figures: queues at this location).' }),
};

export const rankedQuery = z.object({
  ...rangeQuery,
  order: z.enum(['asc', 'desc']).default('desc').openapi({ description: 'Order of every ranked list: `desc` highest first (top), `asc` lowest first (bottom).' }),
  limit: z.coerce.number().int().min(1).max(1000).default(10).openapi({ description: 'Length of every ranked list (top N).' }),
});

export const callsQuery = z.object({
  ...rangeQuery,
  by: z
    .enum(['queue', 'agent', 'wrapup'])
    .default('queue')
    .openapi({
      description:
        'What a row is, matching the figure drilled into: `queue` a stay in a queue (queue figures, counted when queued); `agent` a presentation of a call to an agent (agent figures, counted when offered; outbound calls included); `wrapup` a completed wrap-up (wrap-up figures, counted when it started).',
    }),
  outcome: z
    .enum(['answered', 'bounced', 'abandoned', 'other'])
    .optional()
    .openapi({ description: 'by=queue: the visit’s outcome; by=agent: the handling’s result (`bounced`, and `other` = otherUnanswered); by=wrapup: the call’s outcome.' }),
  direction: z.enum(['inbound', 'outbound']).optional(),
  reason: z.string().min(1).max(200).optional().openapi({ description: 'Wrap-up reason id.' }),
  cursor: z.string().max(500).optional().openapi({ description: '`nextCursor` of the previous page.' }),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
}).refine((q) => q.outcome !== 'bounced' || q.by === 'agent', { path: ['outcome'], message: '`bounced` applies to by=agent only', ...onceValid('outcome', 'by') });

// ── Answers ─────────────────────────────────────────────────────────────────

const seconds = (what: string) => z.number().describe(`${what}, seconds`);
const meanSeconds = (what: string) => z.number().nullable().describe(`${what}, seconds; null when there is nothing to average`);
const share = (what: string) => z.number().nullable().describe(`${what}, 0–1; null when the denominator is 0`);
const count = (what: string) => z.number().int().describe(what);

const rangeSchema = z
  .object({
    from: z.string().describe('Start of the first counted interval, in `tz`.'),
    to: z.string().describe('End of the last counted interval, in `tz`.'),
    tz: z.string(),
    timeFrom: z.string().nullable(),
    timeTo: z.string().nullable(),
    interval: z.enum(['hour', 'day']).describe('Trend step: hours for ranges up to 2 days, days beyond.'),
  })
  .openapi('StatsRange');

const trendPoint = z.object({
  period: z.string().describe('Local date (`2026-03-08`) or hour (`2026-03-08T14:00`) in `tz`.'),
  start: z.string().describe('First counted instant of the point, in `tz`.'),
});

const queueAgentRow = z
  .object({
    agentName: z.string(),
    queueName: z.string().nullable().describe('null: calls with no queue (outbound).'),
    queueNames: namesSchema,
    location: z.string().nullable().describe('The agent’s location.'),
    answered: count('Presented calls the agent answered.'),
    bounced: count('Rang at the agent, not answered, back to the queue.'),
    abandoned: count('The caller hung up while it rang at the agent.'),
    otherUnanswered: count('Not answered for another reason (ended by the system, transferred away while ringing, no answer outbound).'),
    presented: count('answered + bounced + abandoned + otherUnanswered.'),
    totalTalkTime: seconds('Connected minus hold'),
    avgTalkTime: meanSeconds('totalTalkTime ÷ answered'),
    totalHoldTime: seconds('Hold'),
    avgHoldTime: meanSeconds('totalHoldTime ÷ answered'),
    totalHandleTime: seconds('Ring + connected time of every presentation'),
    avgHandleTime: meanSeconds('totalHandleTime ÷ answered'),
    idleTime: seconds('Idle (signed in, available, no call, no wrap-up) while joined to the queue; 0 on the row of calls with no queue'),
    occupancy: share('totalHandleTime ÷ (totalHandleTime + idleTime); null also on the row of calls with no queue'),
    agentId: z.string(),
    queueId: z.string().nullable(),
    direction: z.enum(['inbound', 'outbound']),
  })
  .openapi('QueueAgentRow');

const agentOccupancy = z
  .object({
    agentId: z.string(),
    agentName: z.string(),
    value: z.number().describe('handleTime ÷ (handleTime + idleTime), 0–1'),
    handleTime: seconds('Ring + connected time of every call presented to or dialled by the agent'),
    idleTime: seconds('Signed in, available, with no call and no wrap-up'),
  })
  .openapi('AgentOccupancy');

const agentAverage = z
  .object({ agentId: z.string(), agentName: z.string(), value: seconds('Per answered inbound call'), answered: count('Answered inbound calls.') })
  .openapi('AgentAverage');

export const agentStatsSchema = z
  .object({
    range: rangeSchema,
    kpis: z.object({
      answeredCalls: count('Calls answered (inbound and outbound).'),
      avgHandleTime: meanSeconds('Ring + connected time ÷ answered calls'),
      avgInboundConnectedTime: meanSeconds('Inbound connected time (hold included) ÷ answered inbound calls'),
      avgInboundHoldTime: meanSeconds('Inbound hold time ÷ answered inbound calls'),
      occupancy: share('Handle time ÷ (handle time + idle time) of every agent within the filters'),
    }),
    trend: z
      .array(z.object({ ...trendPoint.shape, connections: count('Answered inbound calls.'), avgConnectedTime: meanSeconds('Connected time per connection') }))
      .describe('Average inbound connected time per connection over time.'),
    avgInboundConnectedTimeByAgent: z.array(agentAverage),
    avgInboundHoldTimeByAgent: z.array(agentAverage),
    occupancyByAgent: z.array(agentOccupancy).describe('Agents with handle or idle time, by occupancy.'),
    queueAgents: z.array(queueAgentRow).describe('Every assigned agent × queue within the filters (zeros included), and rows of calls with no queue.'),
  })
  .openapi('AgentStats');

const outcomes = z.object({
  answered: count('Answered.'),
  abandoned: count('The caller hung up or left a voicemail before an answer.'),
  other: count('Ended unanswered otherwise (no key chosen, overflow, transferred away).'),
  totalCalls: count('answered + abandoned + other.'),
});

const queueAverage = z
  .object({ queueId: z.string(), queueName: z.string(), queueNames: namesSchema, value: seconds('Per answered call'), answered: count('Answered calls.') })
  .openapi('QueueAverage');

const queueDetailsRow = z
  .object({
    queueName: z.string(),
    queueNames: namesSchema,
    holdDuration: seconds('Hold'),
    avgHoldTime: meanSeconds('holdDuration ÷ answered'),
    connectedDuration: seconds('Connected, hold included'),
    avgInboundConnected: meanSeconds('connectedDuration ÷ answered'),
    handleTime: seconds('Ring + connected time of every agent the call was presented to'),
    avgHandleTime: meanSeconds('handleTime ÷ answered'),
    queueTime: seconds('Queue time of answered calls'),
    avgQueueWait: meanSeconds('queueTime ÷ answered (ASA)'),
    answered: outcomes.shape.answered,
    abandoned: outcomes.shape.abandoned,
    totalCalls: outcomes.shape.totalCalls,
    other: outcomes.shape.other,
    serviceLevel: share('Answered within the queue’s threshold ÷ (answered + abandoned after the short-abandon threshold)'),
    abandonRate: share('abandoned ÷ totalCalls'),
    queueId: z.string(),
  })
  .openapi('QueueDetailsRow');

/** Per trend period: the agents its load needed against the agents staffed. */
const periodStaffing = z.object({
  staffedAgents: z
    .number()
    .describe('Agents signed in and joined to each queue, on average over the period, added over the queues (one decimal; an agent in two queues counts in each).'),
  agentsRequired: z
    .number()
    .int()
    .nullable()
    .describe(
      'Fewest agents meeting each queue’s service-level target for the period’s load (Erlang C: its calls, and the handle plus wrap-up time of its answered calls), added over the queues; a period with calls and none answered takes the queue’s work per call over the range; null when a queue had calls and none in the range was answered.',
    ),
  agentsShort: z.number().nullable().describe('Agents short, each queue’s shortfall against its own staffing added (one decimal); null with agentsRequired.'),
});

const staffingSummary = z.object({
  periods: count('Trend periods with a known need.'),
  understaffedPeriods: count('Of those, periods with a queue staffed below its need.'),
  largestShortfall: z.number().describe('agentsShort of the worst period (one decimal); 0 when none was short.'),
  avgShortfall: z.number().nullable().describe('Agents short on average over the understaffed periods (one decimal); null when none.'),
});

export const queueStatsSchema = z
  .object({
    range: rangeSchema,
    kpis: z.object({
      answered: outcomes.shape.answered,
      abandoned: outcomes.shape.abandoned,
      avgHoldTime: meanSeconds('Hold ÷ answered'),
      avgQueueWait: meanSeconds('Queue time of answered calls ÷ answered (ASA)'),
      serviceLevel: queueDetailsRow.shape.serviceLevel,
      abandonRate: queueDetailsRow.shape.abandonRate,
      totalCalls: outcomes.shape.totalCalls,
    }),
    outcomes: outcomes.describe('Calls by outcome.'),
    trend: z
      .array(
        z.object({
          ...trendPoint.shape,
          ...outcomes.shape,
          ...periodStaffing.shape,
        }),
      )
      .describe('Calls by outcome, and agents needed against agents staffed, over time.'),
    staffing: staffingSummary.describe('How the trend’s periods were staffed against their need.'),
    avgQueueWaitByQueue: z.array(queueAverage),
    avgHoldTimeByQueue: z.array(queueAverage),
    queues: z.array(queueDetailsRow).describe('Every queue within the filters, zeros included.'),
  })
  .openapi('QueueStats');

const queueWrapups = z
  .object({ queueId: z.string(), queueName: z.string(), queueNames: namesSchema, completed: count('Wrap-ups completed.'), avgWrapupTime: meanSeconds('Wrap-up time') })
  .openapi('QueueWrapups');
const agentWrapups = z
  .object({ agentId: z.string(), agentName: z.string(), completed: count('Wrap-ups completed.'), avgWrapupTime: meanSeconds('Wrap-up time') })
  .openapi('AgentWrapups');
const reasonWrapups = z
  .object({ reasonId: z.string(), reasonName: z.string(), reasonNames: namesSchema, completed: count('Times chosen.'), avgWrapupTime: meanSeconds('Wrap-up time') })
  .openapi('ReasonWrapups');

export const wrapupStatsSchema = z
  .object({
    range: rangeSchema,
    kpis: z.object({
      avgWrapupTime: meanSeconds('Wrap-up time of all agents'),
      completed: count('Wrap-ups completed.'),
      highestAvgWrapupQueue: queueWrapups.nullable(),
      lowestAvgWrapupQueue: queueWrapups.nullable(),
    }),
    trend: z.array(z.object({ ...trendPoint.shape, completed: count('Wrap-ups completed.'), avgWrapupTime: meanSeconds('Wrap-up time') })),
    reasonsByUse: z.array(reasonWrapups).describe('Ranked by times chosen.'),
    queuesByAvgWrapupTime: z.array(queueWrapups).describe('Ranked by average wrap-up time; wrap-ups with no queue (outbound) are not in any.'),
    agentsByCompleted: z.array(agentWrapups).describe('Ranked by wrap-ups completed.'),
    agentsByAvgWrapupTime: z.array(agentWrapups).describe('Ranked by average wrap-up time.'),
  })
  .openapi('WrapupStats');

const callRow = z
  .object({
    callId: z.string(),
    direction: z.enum(['inbound', 'outbound']),
    startedAt: z.string().describe('When the row counts: queued (by=queue), offered (by=agent), wrap-up started (by=wrapup).'),
    answeredAt: z.string().nullable(),
    endedAt: z.string().nullable().describe('Left the queue, handling ended, or wrap-up completed.'),
    queueId: z.string().nullable(),
    queueName: z.string().nullable(),
    queueNames: namesSchema,
    agentId: z.string().nullable().describe('by=queue: the agent who answered.'),
    agentName: z.string().nullable(),
    outcome: z.string().nullable(),
    waitTime: z.number().nullable().describe('The caller’s queue time, seconds.'),
    talkTime: z.number().nullable(),
    holdTime: z.number().nullable(),
    wrapupReasonId: z.string().nullable(),
    wrapupReason: z.string().nullable(),
    wrapupReasonNames: namesSchema,
    wrapupTime: z.number().nullable(),
  })
  .openapi('CallRow');

export const callPageSchema = z
  .object({ range: rangeSchema, calls: z.array(callRow), nextCursor: z.string().nullable() })
  .openapi('CallPage');

export type RankedQuery = z.input<typeof rankedQuery>;
export type CallsQuery = z.input<typeof callsQuery>;

/** What was counted: the first bucket's start and the last bucket's end, in the request's zone; the trend's step. */
export type RangeEcho = z.infer<typeof rangeSchema>;
/** A trend point's label: a local date or hour in the request's zone, and its first counted instant. */
export type TrendLabel = z.infer<typeof trendPoint>;

export type AgentStats = z.infer<typeof agentStatsSchema>;
/** One row of the queue-agent table (SPEC §4); outbound calls are a row of their own with no queue. */
export type QueueAgentRow = z.infer<typeof queueAgentRow>;
export type AgentAverage = z.infer<typeof agentAverage>;
/** An agent's occupancy over the range: handle time ÷ (handle time + idle time), every call of theirs. */
export type AgentOccupancy = z.infer<typeof agentOccupancy>;

export type QueueStats = z.infer<typeof queueStatsSchema>;
/** One row of the queue details table of the history (SPEC §4, C12); not the live `QueueRow`. */
export type QueueDetailsRow = z.infer<typeof queueDetailsRow>;
export type QueueAverage = z.infer<typeof queueAverage>;
export type Outcomes = z.infer<typeof outcomes>;
export type PeriodStaffing = z.infer<typeof periodStaffing>;
export type StaffingSummary = z.infer<typeof staffingSummary>;

export type WrapupStats = z.infer<typeof wrapupStatsSchema>;
export type QueueWrapups = z.infer<typeof queueWrapups>;
export type AgentWrapups = z.infer<typeof agentWrapups>;
export type ReasonWrapups = z.infer<typeof reasonWrapups>;

export type CallPage = z.infer<typeof callPageSchema>;
export type CallRow = z.infer<typeof callRow>;
