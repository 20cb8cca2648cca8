import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { clientAddress } from '../auth/client-address.js';
import { requireViewer, SESSION_COOKIE } from '../auth/middleware.js';
import type { Services } from '../services.js';
import { bearerSecurity, errors, json, jsonBody, router } from './openapi-common.js';

const supervisorSchema = z
  .object({ id: z.string(), name: z.string(), email: z.string(), isAdmin: z.boolean(), queues: z.array(z.string()) })
  .openapi('Supervisor');

const login = createRoute({
  method: 'post',
  path: '/login',
  tags: ['Auth'],
  summary: 'Sign in as a supervisor',
  description: 'Returns a bearer token for embedded use and sets an HttpOnly session cookie.',
  request: {
    body: jsonBody(z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) }).openapi('Login')),
  },
  responses: {
    200: json(z.object({ token: z.string(), expiresAt: z.string(), supervisor: supervisorSchema }).openapi('Session'), 'Signed in.'),
    ...errors(400, 401, 403, 429),
  },
});

const logout = createRoute({
  method: 'post',
  path: '/logout',
  tags: ['Auth'],
  summary: 'End the session (and the stream tickets issued from it)',
  security: bearerSecurity,
  responses: { 204: { description: 'Signed out.' }, ...errors(401) },
});

const me = createRoute({
  method: 'get',
  path: '/me',
  tags: ['Auth'],
  summary: 'Who the credentials belong to, and their scope',
  security: bearerSecurity,
  responses: {
    200: json(
      z
        .object({
          kind: z.enum(['supervisor', 'display', 'agent']),
          id: z.string(),
          name: z.string().optional(),
          isAdmin: z.boolean(),
          queues: z.array(z.string()),
          expiresAt: z.string().nullable(),
        })
        .openapi('Viewer'),
      'The caller.',
    ),
    ...errors(401),
  },
});

const streamTicket = createRoute({
  method: 'post',
  path: '/stream-ticket',
  tags: ['Auth'],
  summary: 'A short-lived ticket for `GET /stream?ticket=…`',
  description: 'EventSource cannot send an Authorization header; a ticket lets a page on another origin open the stream without putting its long-lived token in a URL. Valid 5 minutes (reconnects within that time reuse it), and never beyond its session.',
  security: bearerSecurity,
  responses: { 200: json(z.object({ ticket: z.string(), expiresAt: z.string() }).openapi('StreamTicket'), 'Issued.'), ...errors(401) },
});

export function authRoutes(s: Services) {
  const secure = (url: string) =>
    s.config.FLOORVIEW_SECURE_COOKIES === 'on' || (s.config.FLOORVIEW_SECURE_COOKIES === 'auto' && url.startsWith('https:'));
  const app = router();
  // Agent desk sessions too: the desk signs out, asks who it is, and opens the stream.
  app.use('/logout', requireViewer(s.auth, { agents: true }));
  app.use('/me', requireViewer(s.auth, { agents: true }));
  app.use('/stream-ticket', requireViewer(s.auth, { agents: true }));
  return app
    .openapi(login, async (c) => {
      const { email, password } = c.req.valid('json');
      const result = await s.auth.login(email, password, clientAddress(c, s.config.FLOORVIEW_TRUST_PROXY));
      setCookie(c, SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: secure(c.req.url),
        path: '/',
        expires: new Date(result.expiresAt),
      });
      return c.json(result, 200);
    })
    .openapi(logout, (c) => {
      s.auth.logout(c.var.principal);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    })
    .openapi(me, (c) => {
      const p = c.var.principal;
      return c.json(
        {
          kind: p.kind,
          id: p.id,
          ...(p.kind === 'supervisor' || p.kind === 'agent' ? { name: p.name } : {}),
          isAdmin: p.kind === 'supervisor' && p.isAdmin,
          queues: [...p.scope.queues].sort(),
          expiresAt: p.expiresAt === null ? null : new Date(p.expiresAt).toISOString(),
        },
        200,
      );
    })
    .openapi(streamTicket, (c) => c.json(s.auth.issueStreamTicket(c.var.principal), 200));
}
