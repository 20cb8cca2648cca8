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
  return router().openapi(health, (c) =>
    c.json(
      {
        status: 'ok' as const,
        serverTime: new Date(s.clock()).toISOString(),
        streamClients: s.hub.clientCount,
        commands: s.commands.adapterName,
        platform: s.platform.status.current,
        portalSignIn: s.portal?.status ?? null,
      },
      200,
    ),
  );
}
