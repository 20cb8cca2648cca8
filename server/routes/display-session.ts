import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { displaySessionSchema, displayTokenExchangeBody } from '../../contract/auth.js';
import type { AppEnv } from '../auth/app-env.js';
import type { DisplaySession } from '../auth/auth-service.js';
import { DISPLAY_COOKIE, requireViewer } from '../auth/middleware.js';
import { secureCookies } from './session-cookie.js';
import type { Services } from '../wiring/services.js';
import { limitBody } from './body-limit.js';
import { bearerSecurity, errors, json, jsonBody, publicSecurity, router } from './openapi-common.js';

const exchange = createRoute({
  method: 'post',
  operationId: 'createDisplaySession',
  path: '/display-session',
  tags: ['Auth'],
  summary: 'Exchange a display token for a wallboard session cookie',
  description: [
    'A wallboard is opened once with `?token=<display token>`; its page posts the token here and takes it out of the URL.',
    'The answer sets the HttpOnly `fv_display` cookie (30 days; apart from a supervisor’s `fv_session`, so a wallboard and a supervisor share a browser; renew it with `POST /auth/display-session/renew`): read-only, scoped to the token’s queues. The token itself is not returned, so no script on the page holds a credential.',
  ].join('\n\n'),
  security: publicSecurity,
  request: { body: jsonBody(displayTokenExchangeBody) },
  responses: { 200: json(displaySessionSchema, 'Session cookie set.'), ...errors(400, 401) },
});

const renew = createRoute({
  method: 'post',
  operationId: 'renewDisplaySession',
  path: '/display-session/renew',
  tags: ['Auth'],
  summary: 'Renew a wallboard session',
  description: 'Replaces the display session presented (cookie or display token) with a fresh 30-day one. A wallboard calls it daily.',
  security: bearerSecurity,
  responses: { 200: json(displaySessionSchema, 'Session cookie replaced.'), ...errors(401, 403) },
});

/** Wallboard sign-in (issue 5): display token in, HttpOnly cookie out. */
export function displaySessionRoutes(s: Services) {
  const answer = (c: Context<AppEnv>, session: DisplaySession) => {
    setCookie(c, DISPLAY_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: secureCookies(c, s.config),
      path: '/',
      expires: new Date(session.expiresAt),
    });
    return { kind: 'display' as const, ...session.display, expiresAt: session.expiresAt };
  };
  const app = router();
  app.use('/display-session/*', limitBody());
  app.use('/display-session/renew', requireViewer(s.auth, { display: 'first' }));
  return app
    .openapi(exchange, async (c) => c.json(answer(c, await s.auth.openDisplaySession(c.req.valid('json').token)), 200))
    .openapi(renew, async (c) => c.json(answer(c, await s.auth.renewDisplaySession(c.var.principal)), 200));
}
