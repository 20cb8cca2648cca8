import { createRoute } from '@hono/zod-openapi';
import { requireViewer } from '../auth/middleware.js';
import type { Services } from '../wiring/services.js';
import { bearerSecurity, errors, json, router } from './openapi-common.js';
import { agentStatsSchema, callPageSchema, callsQuery, queueStatsSchema, rankedQuery, wrapupStatsSchema } from '../../contract/stats.js';

const RANGES = `
**Ranges.** \`from\` and \`to\` are local days in \`tz\` (\`YYYY-MM-DD\`; \`to\` included) or ISO instants with an offset (\`to\` excluded); at most 400 days.
Figures are kept per 15-minute interval and each fact counts in the interval of its start (a handling when offered, a queue visit when queued, a wrap-up when it started), once it is over (ended, left the queue, completed).
An interval counts when its start lies in the range and, with \`timeFrom\`/\`timeTo\`, its local start time lies in that window each day; a boundary inside an interval moves to the next interval start, and \`range\` in the answer says what was counted.
That is exact in every zone whose offset from UTC is a multiple of 15 minutes — every zone in use today, DST changes included (such a day has 23 or 25 hours).
For a historical offset that is not (local mean time before the 20th century), day and hour boundaries snap to the next 15-minute interval start in the same way.
Whole days of the reporting zone (\`FLOORVIEW_TIME_ZONE\`) are read from daily totals and whole UTC hours from hourly ones, so long ranges answer fastest there and in zones whose offset is a whole number of hours.

**Scope.** Only queues in your scope (a display token: its queues). \`queue\` or \`agent\` outside it is 403. Calls with no queue (outbound) count for agents assigned to one of your queues, unless \`queue\` is given.`;

const ERRORS = errors(400, 401, 403);

const agentStats = createRoute({
  method: 'get',
  operationId: 'getAgentStats',
  path: '/agents',
  tags: ['History'],
  summary: 'Agent statistics: KPIs, connected-time trend, by-agent charts, the queue-agent table (C8)',
  description: `Each presentation of a call to an agent counts in the interval it was offered; totals are over every presentation and averages over answered calls (SPEC §4).${RANGES}`,
  security: bearerSecurity,
  request: { query: rankedQuery },
  responses: { 200: json(agentStatsSchema, 'Agent statistics.'), ...ERRORS },
});

const queueStats = createRoute({
  method: 'get',
  operationId: 'getQueueStats',
  path: '/queues',
  tags: ['History'],
  summary: 'Queue history: KPIs, calls by outcome and their trend, wait and hold by queue, the queue details table (C12)',
  description: `Each stay of a call in a queue counts in the interval it was queued (a transferred call counts in each queue). With \`agent\`, only calls those agents answered count (read from the call records, slower over long ranges).${RANGES}`,
  security: bearerSecurity,
  request: { query: rankedQuery },
  responses: { 200: json(queueStatsSchema, 'Queue history.'), ...ERRORS },
});

const wrapupStats = createRoute({
  method: 'get',
  operationId: 'getWrapupStats',
  path: '/wrapups',
  tags: ['History'],
  summary: 'Wrap-up statistics: KPIs, trend, top/bottom reasons, queues and agents (C9)',
  description: `Each completed wrap-up counts in the interval it started. With \`agent\` or \`location\`, reasons are read from the call records (slower over long ranges).${RANGES}`,
  security: bearerSecurity,
  request: { query: rankedQuery },
  responses: { 200: json(wrapupStatsSchema, 'Wrap-up statistics.'), ...ERRORS },
});

const calls = createRoute({
  method: 'get',
  operationId: 'listCalls',
  path: '/calls',
  tags: ['History'],
  summary: 'The calls behind a figure, oldest first, a page at a time',
  description: `Drill-down: the same facts, range, scope and filters as the figure (choose \`by\` to match it), with times, queue, agent, outcome, wait, talk, hold and wrap-up reason. Page with \`cursor\` = the previous page's \`nextCursor\`.${RANGES}`,
  security: bearerSecurity,
  request: { query: callsQuery },
  responses: { 200: json(callPageSchema, 'A page of calls.'), ...ERRORS },
});

export function statsRoutes(s: Services) {
  const { stats } = s;
  const app = router();
  app.use('*', requireViewer(s.auth));
  return app
    .openapi(agentStats, async (c) => c.json(await stats.agents(c.var.principal.scope, c.req.valid('query')), 200))
    .openapi(queueStats, async (c) => c.json(await stats.queues(c.var.principal.scope, c.req.valid('query')), 200))
    .openapi(wrapupStats, async (c) => c.json(await stats.wrapups(c.var.principal.scope, c.req.valid('query')), 200))
    .openapi(calls, async (c) => c.json(await stats.calls(c.var.principal.scope, c.req.valid('query')), 200));
}
