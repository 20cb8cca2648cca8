import { createRoute, z } from '@hono/zod-openapi';
import { asSupervisor, requireViewer } from '../auth/middleware.js';
import { alertAnswerSchema, alertListSchema, alertsQuery } from '../../contract/alerts.js';
import { badRequest, notFound } from '../lib/errors.js';
import type { Services } from '../wiring/services.js';
import { limitBody } from './body-limit.js';
import { bearerSecurity, errors, json, router } from './openapi-common.js';

const DAY = 86_400_000;
const MAX_RANGE_DAYS = 92;
const listAlerts = createRoute({
  method: 'get',
  operationId: 'listAlerts',
  path: '/',
  tags: ['Alerts'],
  summary: 'Alerts within your scope: the open ones, or the history of a range',
  description: [
    'A wallboard (display token) gets its queues’ alerts, not its agents’. Without `from`: the alerts open now, newest first. With `from` (and `to`, default now): every alert raised in [from, to), newest first, at most 92 days.',
    'Rules and limits come from the directory file’s `alerts` section (README “Alerts”). New, cleared and acknowledged alerts also arrive on the stream as `alerts`.',
  ].join('\n\n'),
  security: bearerSecurity,
  request: { query: alertsQuery },
  responses: { 200: json(alertListSchema, 'Alerts.'), ...errors(400, 401, 403) },
});

const acknowledge = createRoute({
  method: 'post',
  operationId: 'acknowledgeAlert',
  path: '/{id}/ack',
  tags: ['Alerts'],
  summary: 'Acknowledge an alert, for every supervisor',
  description: 'The first acknowledgement stands: acknowledging again answers the alert as it is. Open and cleared alerts alike.',
  security: bearerSecurity,
  request: { params: z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: json(alertAnswerSchema, 'The alert, acknowledged.'), ...errors(400, 401, 403, 404) },
});

export function alertRoutes(s: Services) {
  const app = router();
  app.use('*', limitBody(), requireViewer(s.auth));
  return app
    .openapi(listAlerts, async (c) => {
      const { scope } = c.var.principal;
      const queuesOnly = c.var.principal.kind === 'display';
      const q = c.req.valid('query');
      if (q.from === undefined) {
        if (q.to !== undefined) throw badRequest('The request is invalid.', { to: 'give `from` with `to`' });
        return c.json({ alerts: await s.alerts.list(scope, 'open', queuesOnly), serverTime: new Date(s.clock()).toISOString() }, 200);
      }
      const from = Date.parse(q.from);
      const to = q.to === undefined ? s.clock() : Date.parse(q.to);
      if (to <= from) throw badRequest('The request is invalid.', { to: 'must be after `from`' });
      if (to - from > MAX_RANGE_DAYS * DAY) throw badRequest('The request is invalid.', { to: `at most ${MAX_RANGE_DAYS} days after \`from\`` });
      return c.json({ alerts: await s.alerts.list(scope, { from, to }, queuesOnly), serverTime: new Date(s.clock()).toISOString() }, 200);
    })
    .openapi(acknowledge, async (c) => {
      const me = asSupervisor(c.var.principal);
      const alert = await s.alerts.acknowledge(c.req.valid('param').id, me.id, me.scope);
      if (!alert) throw notFound('Alert');
      return c.json({ alert }, 200);
    });
}
