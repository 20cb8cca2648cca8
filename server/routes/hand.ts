import { createRoute, z } from '@hono/zod-openapi';
import { requireOwnDesk, requireViewer } from '../auth/middleware.js';
import type { Services } from '../wiring/services.js';
import { handAnswerSchema, raiseHandBody } from '../../contract/alerts.js';
import { limitBody } from './body-limit.js';
import { bearerSecurity, errors, json, jsonBody, router } from './openapi-common.js';

const agentParam = z.object({ id: z.string().min(1).max(200).openapi({ param: { name: 'id', in: 'path' } }) });
const handAnswer = json(handAnswerSchema, 'The raised hand’s alert; null when no hand is up.');

const getHand = createRoute({
  method: 'get',
  operationId: 'getHand',
  path: '/{id}/hand',
  tags: ['Raise hand'],
  summary: 'The agent’s raised hand, if it is up',
  security: bearerSecurity,
  request: { params: agentParam },
  responses: { 200: handAnswer, ...errors(401, 403) },
});

const raiseHand = createRoute({
  method: 'post',
  operationId: 'raiseHand',
  path: '/{id}/hand',
  tags: ['Raise hand'],
  summary: 'Raise a hand: ask the supervisors for help',
  description:
    'From the agent’s own desk: an alert (`raisedHand`) for the supervisors of the agent’s queues, at once, on their streams; the desk’s stream gets it back when one acknowledges. A hand already up stays as it is. It goes down with DELETE, or when the agent signs out.',
  security: bearerSecurity,
  request: {
    params: agentParam,
    body: jsonBody(raiseHandBody),
  },
  responses: { 200: handAnswer, ...errors(400, 401, 403) },
});

const lowerHand = createRoute({
  method: 'delete',
  operationId: 'lowerHand',
  path: '/{id}/hand',
  tags: ['Raise hand'],
  summary: 'Lower the hand: its alert clears',
  security: bearerSecurity,
  request: { params: agentParam },
  responses: { 200: handAnswer, ...errors(401, 403) },
});

/** `/agents/:id/hand`, for the agent's own desk. Mounted before the agents routes: these take agent desk sessions, which those refuse. */
export function handRoutes(s: Services) {
  const app = router();
  app.use('/:id/hand', limitBody(), requireViewer(s.auth, { agents: true }), requireOwnDesk('Only the agent’s own desk raises or lowers its hand.'));
  return app
    .openapi(getHand, (c) => c.json({ alert: s.alerts.handOf(c.req.valid('param').id) }, 200))
    .openapi(raiseHand, async (c) => c.json({ alert: await s.alerts.raiseHand(c.req.valid('param').id, c.req.valid('json').note ?? null) }, 200))
    .openapi(lowerHand, async (c) => c.json({ alert: await s.alerts.lowerHand(c.req.valid('param').id) }, 200));
}
