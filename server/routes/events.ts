import { createRoute } from '@hono/zod-openapi';
import { requireIntegration } from '../auth/middleware.js';
import { eventBatchSchema, ingestResultSchema, MAX_EVENTS_PER_BATCH } from '../ingest/event-schema.js';
import type { Services } from '../wiring/services.js';
import { limitBody } from './body-limit.js';
import { errors, json, jsonBody, router } from './openapi-common.js';

export const MAX_EVENT_BODY_BYTES = 4 * 1024 * 1024;

const postEvents = createRoute({
  method: 'post',
  operationId: 'postEvents',
  path: '/events',
  tags: ['Ingestion'],
  summary: 'Post telephony events (idempotent by event id)',
  description: `A batch of up to ${MAX_EVENTS_PER_BATCH} events, accepted or rejected as a whole. Events up to 30 s out of order still give the right live state; history is exact for any lateness. Authorization: \`Bearer <integration secret>\`.`,
  security: [{ bearer: [] }],
  request: { body: jsonBody(eventBatchSchema) },
  responses: {
    200: json(ingestResultSchema, 'Stored: how many were new and how many were repeats.'),
    ...errors(400, 401, 413),
  },
});

export function eventRoutes(s: Services) {
  const app = router();
  app.use(
    '/events',
    requireIntegration(s.auth, 'Posting events needs `Authorization: Bearer <integration key secret>`.'),
    limitBody(MAX_EVENT_BODY_BYTES, '; post smaller batches'),
  );
  return app.openapi(postEvents, async (c) => c.json(await s.ingest.ingest(c.req.valid('json').events), 200));
}
