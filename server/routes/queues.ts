import { createRoute } from '@hono/zod-openapi';
import { requireViewer } from '../auth/middleware.js';
import { scopedRows } from '../floor/scoped-rows.js';
import type { Services } from '../wiring/services.js';
import { queueListSchema, queueTrendQuery, queueTrendSchema, TREND_MAX_MINUTES, TREND_STEP_MS } from '../../contract/live.js';
import { bearerSecurity, errors, json, router } from './openapi-common.js';

const listQueues = createRoute({
  method: 'get',
  operationId: 'listQueues',
  path: '/',
  tags: ['Live'],
  summary: 'Live queue rows within your scope',
  security: bearerSecurity,
  responses: { 200: json(queueListSchema, 'Live queues.'), ...errors(401) },
});

const trend = createRoute({
  method: 'get',
  operationId: 'getQueueTrend',
  path: '/trend',
  tags: ['Live'],
  summary: 'Contacts waiting per queue over the last minutes (the live trend)',
  description: [
    `One point per queue every ${TREND_STEP_MS / 1000} s, oldest first, for the queues within your scope; the server keeps the last ${TREND_MAX_MINUTES} minutes.`,
    'A live chart loads this once, then appends the `waiting` of the streamed queue rows on the same grid; it loads it again after a reconnect.',
  ].join('\n\n'),
  security: bearerSecurity,
  request: { query: queueTrendQuery },
  responses: {
    200: json(queueTrendSchema, 'The trend.'),
    ...errors(400, 401),
  },
});

export function queueRoutes(s: Services) {
  const app = router();
  app.use('*', requireViewer(s.auth));
  return app
    .openapi(listQueues, (c) => {
      const now = s.clock();
      const { queues } = scopedRows(s.floor, c.var.principal.scope, [], c.var.principal.scope.queues, now);
      return c.json({ queues, serverTime: new Date(now).toISOString() }, 200);
    })
    .openapi(trend, (c) => {
      const { minutes } = c.req.valid('query');
      const series = s.queueTrend.read([...c.var.principal.scope.queues].sort(), minutes);
      return c.json(
        { start: new Date(series.start).toISOString(), stepSeconds: TREND_STEP_MS / 1000, queues: series.queues, serverTime: new Date(s.clock()).toISOString() },
        200,
      );
    });
}
