import { createRoute, z } from '@hono/zod-openapi';
import { requireViewer } from '../auth/middleware.js';
import { TREND_MAX_MINUTES, TREND_STEP_MS } from '../floor/queue-trend.js';
import { scopedRows } from '../floor/scoped-rows.js';
import type { Services } from '../wiring/services.js';
import { queueRowSchema } from '../../contract/live.js';
import { bearerSecurity, errors, json, router } from './openapi-common.js';

const listQueues = createRoute({
  method: 'get',
  path: '/',
  tags: ['Live'],
  summary: 'Live queue rows within your scope',
  security: bearerSecurity,
  responses: { 200: json(z.object({ queues: z.array(queueRowSchema), serverTime: z.string() }), 'Live queues.'), ...errors(401) },
});

const trend = createRoute({
  method: 'get',
  path: '/trend',
  tags: ['Live'],
  summary: 'Contacts waiting per queue over the last minutes (the live trend)',
  description: [
    `One point per queue every ${TREND_STEP_MS / 1000} s, oldest first, for the queues within your scope; the server keeps the last ${TREND_MAX_MINUTES} minutes.`,
    'A live chart loads this once, then appends the `waiting` of the streamed queue rows on the same grid; it loads it again after a reconnect.',
  ].join('\n\n'),
  security: bearerSecurity,
  request: {
    query: z.object({
      minutes: z.coerce.number().int().min(1).max(TREND_MAX_MINUTES).default(30).describe(`How far back, 1–${TREND_MAX_MINUTES}.`),
    }),
  },
  responses: {
    200: json(
      z
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
        .openapi('QueueTrend'),
      'The trend.',
    ),
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
