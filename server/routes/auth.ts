import { createRoute } from '@hono/zod-openapi';
import { deleteCookie } from 'hono/cookie';
import { loginBody, sessionProbeSchema, sessionSchema, streamTicketSchema, viewerSchema } from '../../contract/auth.js';
import { clientAddress } from '../auth/client-address.js';
import { authenticateRequest, requirePasswordLogin, requireViewer, SESSION_COOKIE } from '../auth/middleware.js';
import type { Principal } from '../auth/principal.js';
import { setSessionCookie } from './session-cookie.js';
import { ApiError } from '../lib/errors.js';
import type { Services } from '../wiring/services.js';
import { limitBody } from './body-limit.js';
import { bearerSecurity, errors, json, jsonBody, optionalSecurity, publicSecurity, router } from './openapi-common.js';

const login = createRoute({
  method: 'post',
  operationId: 'login',
  path: '/login',
  tags: ['Auth'],
  summary: 'Sign in as a supervisor',
  description:
    'Returns a bearer token for embedded use and sets an HttpOnly session cookie. 403 `password_login_off` where password sign-in is switched off (`FLOORVIEW_PASSWORD_LOGIN=off`): sign in through the portal.',
  security: publicSecurity,
  request: {
    body: jsonBody(loginBody),
  },
  responses: {
    200: json(sessionSchema, 'Signed in.'),
    ...errors(400, 401, 403, 429),
  },
});

const logout = createRoute({
  method: 'post',
  operationId: 'logout',
  path: '/logout',
  tags: ['Auth'],
  summary: 'End the session (and the stream tickets issued from it)',
  security: bearerSecurity,
  responses: { 204: { description: 'Signed out.' }, ...errors(401) },
});

const me = createRoute({
  method: 'get',
  operationId: 'getViewer',
  path: '/me',
  tags: ['Auth'],
  summary: 'Who the credentials belong to, and their scope',
  security: bearerSecurity,
  responses: {
    200: json(viewerSchema, 'The caller.'),
    ...errors(401),
  },
});

const session = createRoute({
  method: 'get',
  operationId: 'probeSession',
  path: '/session',
  tags: ['Auth'],
  summary: 'Whether the request carries a valid session, and whose',
  description:
    'The probe a page or widget makes before it opens the stream: being signed out is an answer here, not an error, so a portal page without a session logs no failed request. `{signedIn: false}` for missing, unknown or expired credentials; otherwise `{signedIn: true, viewer}` as `GET /auth/me` would answer. A valid portal token for someone not in the directory is 403 `not_in_directory`.',
  security: optionalSecurity,
  responses: {
    200: json(sessionProbeSchema, 'Signed in or not.'),
    ...errors(403),
  },
});

const streamTicket = createRoute({
  method: 'post',
  operationId: 'createStreamTicket',
  path: '/stream-ticket',
  tags: ['Auth'],
  summary: 'A short-lived ticket for `GET /stream?ticket=…`',
  description: 'EventSource cannot send an Authorization header; a ticket lets a page on another origin open the stream without putting its long-lived token in a URL. Valid 5 minutes (reconnects within that time reuse it), and never beyond its session.',
  security: bearerSecurity,
  responses: { 200: json(streamTicketSchema, 'Issued.'), ...errors(401) },
});

export function authRoutes(s: Services) {
  const app = router();
  app.use('*', limitBody());
  app.use('/login', requirePasswordLogin(s.config.FLOORVIEW_PASSWORD_LOGIN));
  // Agent desk sessions too: the desk signs out, asks who it is, and opens the stream.
  app.use('/logout', requireViewer(s.auth, { agents: true }));
  app.use('/me', requireViewer(s.auth, { agents: true }));
  app.use('/stream-ticket', requireViewer(s.auth, { agents: true }));
  return app
    .openapi(login, async (c) => {
      const { email, password } = c.req.valid('json');
      const result = await s.auth.login(email, password, clientAddress(c, s.config.FLOORVIEW_TRUST_PROXY));
      setSessionCookie(c, s.config, result);
      return c.json(result, 200);
    })
    .openapi(logout, async (c) => {
      await s.auth.logout(c.var.principal);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    })
    .openapi(me, (c) => c.json(viewerBody(c.var.principal), 200))
    .openapi(session, async (c) => {
      const principal = await probe(() => authenticateRequest(c, s.auth));
      return c.json(principal ? { signedIn: true as const, viewer: viewerBody(principal) } : { signedIn: false as const }, 200);
    })
    .openapi(streamTicket, async (c) => c.json(await s.auth.issueStreamTicket(c.var.principal), 200));
}

/** `GET /auth/me`'s answer: who, their kind and scope. */
function viewerBody(p: Principal) {
  return {
    kind: p.kind,
    id: p.id,
    ...(p.kind === 'supervisor' || p.kind === 'agent' ? { name: p.name } : {}),
    isAdmin: p.kind === 'supervisor' && p.isAdmin,
    queues: [...p.scope.queues].sort(),
    expiresAt: p.expiresAt === null ? null : new Date(p.expiresAt).toISOString(),
  };
}

/** The principal, or null where authentication refuses the credentials (401); anything else is a real failure. */
async function probe(authenticate: () => Promise<Principal>): Promise<Principal | null> {
  try {
    return await authenticate();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}
