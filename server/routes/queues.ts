import { createRoute, z } from '@hono/zod-openapi';
import { requireViewer } from '../auth/middleware.js';
import { scopedRows } from '../floor/scoped-rows.js';
import type { Services } from '../services.js';
import { queueRowSchema } from './live-schemas.js';
import { bearerSecurity, errors, json, router } from './openapi-common.js';

const listQueues = createRoute({
  method: 'get',
  path: '/',
  tags: ['Live'],
  summary: 'Live queue rows within your scope',
  security: bearerSecurity,
  responses: { 200: json(z.object({ queues: z.array(queueRowSchema), serverTime: z.string() }), 'Live queues.'), ...errors(401) },
});

export function queueRoutes(s: Services) {
  const app = router();
  app.use('*', requireViewer(s.auth));
  return app.openapi(listQueues, (c) => {
    const now = s.clock();
    const { queues } = scopedRows(s.floor, c.var.principal.scope, [], c.var.principal.scope.queues, now);
    return c.json({ queues, serverTime: new Date(now).toISOString() }, 200);
  });
}
