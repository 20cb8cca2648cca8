import { createRoute, z } from '@hono/zod-openapi';
import { platformStatusSchema } from '../../contract/platform.js';
import type { Services } from '../wiring/services.js';
import { json, publicSecurity, router } from './openapi-common.js';

const PING_MS = 2_000;

const state = {
  serverTime: z.string(),
  streamClients: z.number().int(),
  commands: z.string().nullable(),
  platform: platformStatusSchema,
  bus: z
    .object({ state: z.enum(['connecting', 'connected', 'lost']) })
    .nullable()
    .describe('The live bus of several nodes on Redis (FLOORVIEW_REDIS_URL): `lost` while the connection is down (it reconnects by itself); null when not configured.'),
  portalSignIn: z
    .object({
      issuer: z.string(),
      state: z.enum(['ready', 'unavailable']),
      problem: z.string().optional().describe('Why portal tokens cannot be verified now (the issuer unreachable at start, a discovery that names another issuer).'),
    })
    .nullable()
    .describe('Sign-in from the host portal (FLOORVIEW_OIDC_ISSUER); null when not configured.'),
};
const store = z.enum(['sqlite', 'postgres']).describe('The store: PostgreSQL when FLOORVIEW_DATABASE_URL is set, otherwise the SQLite file.');

const health = createRoute({
  method: 'get',
  operationId: 'getHealth',
  path: '/health',
  tags: ['Operations'],
  summary: 'Liveness, for load balancers and wallboards',
  security: publicSecurity,
  responses: {
    200: json(z.object({ status: z.literal('ok'), ...state, database: z.object({ store, state: z.literal('up') }) }), 'Up, the database answering.'),
    503: json(
      z.object({
        status: z.literal('unavailable'),
        ...state,
        database: z.object({ store, state: z.literal('down'), problem: z.string().describe('Which database does not answer, in words.') }),
      }),
      `The database does not answer within ${PING_MS / 1000} s: a load balancer takes this node out until it does again (it is asked afresh on every call).`,
    ),
  },
});

const storeNames = { sqlite: 'The SQLite database', postgres: 'PostgreSQL' } as const;

export function healthRoutes(s: Services) {
  return router().openapi(health, async (c) => {
    const common = {
      serverTime: new Date(s.clock()).toISOString(),
      streamClients: s.hub.clientCount,
      commands: s.commands.adapterName,
      platform: s.platform.status.current,
      bus: s.bus && { state: s.bus.state },
      portalSignIn: s.portal?.status ?? null,
    };
    const { dialect } = s.store;
    if (await s.store.ping(PING_MS)) return c.json({ status: 'ok' as const, ...common, database: { store: dialect, state: 'up' as const } }, 200);
    const problem = `${storeNames[dialect]} does not answer within ${PING_MS / 1000} s`;
    return c.json({ status: 'unavailable' as const, ...common, database: { store: dialect, state: 'down' as const, problem } }, 503);
  });
}
