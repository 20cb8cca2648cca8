import { createRoute, z } from '@hono/zod-openapi';
import { asSupervisor, requireViewer } from '../auth/middleware.js';
import type { Alert } from '../alerts/alert.js';
import { AGENT_RULES, QUEUE_RULES, RAISED_HAND } from '../alerts/alert-rules.js';
import { badRequest, notFound } from '../errors.js';
import type { Services } from '../services.js';
import { bearerSecurity, errors, json, namesSchema, router, type Same } from './openapi-common.js';
import { limitBody } from './body-limit.js';

const DAY = 86_400_000;
const MAX_RANGE_DAYS = 92;
const instant = z.string().describe('ISO-8601 instant.');

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

// The wire schema must describe exactly what the service sends.
export const alertMatches: Same<z.infer<typeof alertSchema>, Alert> = true;

const listAlerts = createRoute({
  method: 'get',
  path: '/',
  tags: ['Alerts'],
  summary: 'Alerts within your scope: the open ones, or the history of a range',
  description: [
    'A wallboard (display token) gets its queues’ alerts, not its agents’. Without `from`: the alerts open now, newest first. With `from` (and `to`, default now): every alert raised in [from, to), newest first, at most 92 days.',
    'Rules and limits come from the directory file’s `alerts` section (README “Alerts”). New, cleared and acknowledged alerts also arrive on the stream as `alerts`.',
  ].join('\n\n'),
  security: bearerSecurity,
  request: {
    query: z.object({
      from: z.iso.datetime({ offset: true }).optional(),
      to: z.iso.datetime({ offset: true }).optional(),
    }),
  },
  responses: { 200: json(z.object({ alerts: z.array(alertSchema), serverTime: instant }), 'Alerts.'), ...errors(400, 401, 403) },
});

const acknowledge = createRoute({
  method: 'post',
  path: '/{id}/ack',
  tags: ['Alerts'],
  summary: 'Acknowledge an alert, for every supervisor',
  description: 'The first acknowledgement stands: acknowledging again answers the alert as it is. Open and cleared alerts alike.',
  security: bearerSecurity,
  request: { params: z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: json(z.object({ alert: alertSchema }), 'The alert, acknowledged.'), ...errors(400, 401, 403, 404) },
});

export function alertRoutes(s: Services) {
  const app = router();
  app.use('*', limitBody(), requireViewer(s.auth));
  return app
    .openapi(listAlerts, (c) => {
      const { scope } = c.var.principal;
      const queuesOnly = c.var.principal.kind === 'display';
      const q = c.req.valid('query');
      if (q.from === undefined) {
        if (q.to !== undefined) throw badRequest('The request is invalid.', { to: 'give `from` with `to`' });
        return c.json({ alerts: s.alerts.list(scope, 'open', queuesOnly), serverTime: new Date(s.clock()).toISOString() }, 200);
      }
      const from = Date.parse(q.from);
      const to = q.to === undefined ? s.clock() : Date.parse(q.to);
      if (to <= from) throw badRequest('The request is invalid.', { to: 'must be after `from`' });
      if (to - from > MAX_RANGE_DAYS * DAY) throw badRequest('The request is invalid.', { to: `at most ${MAX_RANGE_DAYS} days after \`from\`` });
      return c.json({ alerts: s.alerts.list(scope, { from, to }, queuesOnly), serverTime: new Date(s.clock()).toISOString() }, 200);
    })
    .openapi(acknowledge, (c) => {
      const me = asSupervisor(c.var.principal);
      const alert = s.alerts.acknowledge(c.req.valid('param').id, me.id, me.scope);
      if (!alert) throw notFound('Alert');
      return c.json({ alert }, 200);
    });
}
