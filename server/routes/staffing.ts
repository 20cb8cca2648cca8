import { createRoute, z } from '@hono/zod-openapi';
import { requireSupervisor } from '../auth/middleware.js';
import { agentsRequired, staffingWith, trafficErlangs } from '../domain/erlang-c.js';
import { badRequest } from '../lib/errors.js';
import type { Services } from '../wiring/services.js';
import { bearerSecurity, errors, json, router } from './openapi-common.js';

/** Far beyond any one queue (a 100,000-agent centre), and few enough steps to answer at once: the work grows with the agents. */
const MAX_ERLANGS = 100_000;
const MAX_AGENTS = 2 * MAX_ERLANGS;

const positive = (what: string) => z.coerce.number().positive().finite().describe(what);
const share = (what: string) => z.coerce.number().gt(0).lt(1).describe(what);

const query = z.object({
  callsPerInterval: z.coerce.number().min(0).finite().describe('Calls offered in the interval.'),
  intervalMinutes: positive('Length of the interval, minutes.').max(1440),
  ahtSeconds: positive('Average handle time (talk, hold and wrap-up), seconds.'),
  targetSeconds: z.coerce.number().min(0).finite().describe('The service-level threshold: answered within this many seconds…'),
  targetServiceLevel: share('…this share of the calls (0–1, exclusive).'),
  agents: z.coerce.number().int().positive().max(MAX_AGENTS).optional().describe('Also the figures with this many agents.'),
});

const staffingSchema = z
  .object({
    agents: z.number().int(),
    serviceLevel: z.number().describe('Share answered within `targetSeconds`.'),
    probabilityOfWaiting: z.number().describe('Share of calls that wait at all.'),
    asa: z.number().describe('Average speed of answer over all calls, seconds.'),
    occupancy: z.number().describe('Traffic ÷ agents.'),
  })
  .openapi('Staffing');

const erlangC = createRoute({
  method: 'get',
  operationId: 'computeErlangC',
  path: '/erlang-c',
  tags: ['Staffing'],
  summary: 'Erlang C: the agents a load needs for a service-level target, and the figures with a given number',
  description:
    'Traffic in erlangs is calls per second × AHT. `agentsRequired` is the fewest agents whose service level at `targetSeconds` reaches `targetServiceLevel`, with its figures in `atRequired`; with `agents`, the figures for that many are at the top level. Fewer agents than the traffic have no steady state (the queue grows without end): 400 naming `agents`.',
  security: bearerSecurity,
  request: { query },
  responses: {
    200: json(
      z.object({
        trafficErlangs: z.number(),
        agentsRequired: z.number().int(),
        atRequired: staffingSchema,
        ...staffingSchema.partial().shape,
      }),
      'The staffing.',
    ),
    ...errors(400, 401, 403),
  },
});

export function staffingRoutes(s: Services) {
  const app = router();
  app.use('*', requireSupervisor(s.auth));
  return app.openapi(erlangC, (c) => {
    const q = c.req.valid('query');
    const load = { callsPerInterval: q.callsPerInterval, intervalSeconds: q.intervalMinutes * 60, ahtSeconds: q.ahtSeconds };
    const target = { seconds: q.targetSeconds, serviceLevel: q.targetServiceLevel };
    const traffic = trafficErlangs(load);
    if (traffic > MAX_ERLANGS) throw badRequest('The load is too large.', { callsPerInterval: `the load is ${Math.round(traffic)} erlangs; at most ${MAX_ERLANGS} are computed` });
    const required = agentsRequired(load, target);
    let given = {};
    if (q.agents !== undefined) {
      try {
        given = staffingWith(load, q.agents, target);
      } catch (err) {
        if (err instanceof RangeError) throw badRequest('Too few agents for the load.', { agents: err.message });
        throw err;
      }
    }
    return c.json({ trafficErlangs: traffic, agentsRequired: required.agents, atRequired: required, ...given }, 200);
  });
}
