import { createRoute, z } from '@hono/zod-openapi';
import { agentLoginBody, agentSessionSchema } from '../../contract/auth.js';
import { clientAddress } from '../auth/client-address.js';
import { requireIntegration, requirePasswordLogin } from '../auth/middleware.js';
import type { Services } from '../wiring/services.js';
import { limitBody } from './body-limit.js';
import { errors, json, jsonBody, publicSecurity, router } from './openapi-common.js';

const deskToken = createRoute({
  method: 'post',
  operationId: 'createDeskToken',
  path: '/agents/{id}/desk-token',
  tags: ['Agent desk'],
  summary: 'Issue an agent desk token (integration)',
  description:
    'The telephony platform (or the portal’s back end) vouches for the agent it has signed in: `Authorization: Bearer <integration key secret>`. The token opens only the agent desk — the agent’s own chat and live row — and lives as long as a supervisor session (`FLOORVIEW_SESSION_HOURS`); `POST /auth/logout` with it ends it.',
  security: [{ bearer: [] }],
  request: { params: z.object({ id: z.string().min(1).max(200).openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: json(agentSessionSchema, 'Issued.'), ...errors(401, 404) },
});

const agentLogin = createRoute({
  method: 'post',
  operationId: 'agentLogin',
  path: '/auth/agent-login',
  tags: ['Agent desk'],
  summary: 'Agent desk sign-in with a directory-file password',
  description:
    'For agents the directory file gives a `password` (the demo’s agents: `floorview-demo`). Either `email` or `agentId`. Returns a bearer token for the agent desk; no cookie is set, so a supervisor signed in on the same browser stays signed in. 403 `password_login_off` where password sign-in is switched off (`FLOORVIEW_PASSWORD_LOGIN=off`).',
  security: publicSecurity,
  request: {
    body: jsonBody(agentLoginBody),
  },
  responses: { 200: json(agentSessionSchema, 'Signed in.'), ...errors(400, 401, 403, 429) },
});

/** How agents get a desk session. Mounted at the API root, before the agents routes (which refuse what is not a viewer session). */
export function deskSessionRoutes(s: Services) {
  const app = router();
  app.use('/auth/agent-login', limitBody(), requirePasswordLogin(s.config.FLOORVIEW_PASSWORD_LOGIN));
  app.use('/agents/:id/desk-token', requireIntegration(s.auth, 'Desk tokens are issued to integrations: `Authorization: Bearer <integration key secret>`.'));
  return app
    .openapi(deskToken, async (c) => c.json(await s.auth.issueAgentSession(c.req.valid('param').id), 200))
    .openapi(agentLogin, async (c) => {
      const { email, agentId, password } = c.req.valid('json');
      const login = email !== undefined ? { email } : { agentId: agentId! };
      return c.json(await s.auth.agentLogin(login, password, s.agentCredentials, clientAddress(c, s.config.FLOORVIEW_TRUST_PROXY)), 200);
    });
}
