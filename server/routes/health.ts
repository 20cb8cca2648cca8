import { createRoute, z } from '@hono/zod-openapi';
import { platformStatusSchema } from '../../contract/platform.js';
import type { Services } from '../wiring/services.js';
import { json, publicSecurity, router } from './openapi-common.js';

const health = createRoute({
  method: 'get',
  operationId: 'getHealth',
  path: '/health',
  tags: ['Operations'],
  summary: 'Liveness, for load balancers and wallboards',
  security: publicSecurity,
  responses: {
    200: json(
      z.object({
        status: z.literal('ok'),
        serverTime: z.string(),
        streamClients: z.number().int(),
        commands: z.string().nullable(),
        platform: platformStatusSchema,
        database: z
          .object({ store: z.enum(['sqlite', 'postgres']), state: z.enum(['up', 'down']) })
          .describe('The store (FLOORVIEW_DATABASE_URL: PostgreSQL, otherwise the SQLite file) and whether it answers within 2 s.'),
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
      }),
      'Up.',
    ),
  },
});

export function healthRoutes(s: Services) {
  return router().openapi(health, async (c) =>
    c.json(
      {
        status: 'ok' as const,
        serverTime: new Date(s.clock()).toISOString(),
        streamClients: s.hub.clientCount,
        commands: s.commands.adapterName,
        platform: s.platform.status.current,
        database: { store: s.store.dialect, state: (await s.store.ping(2_000)) ? ('up' as const) : ('down' as const) },
        bus: s.bus && { state: s.bus.state },
        portalSignIn: s.portal?.status ?? null,
      },
      200,
    ),
  );
}
