import { createRoute } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { oidcStartQuery, signInMethodsSchema } from '../../contract/auth.js';
import type { OidcSignIn } from '../auth/oidc-sign-in.js';
import { secureCookies, setSessionCookie } from './session-cookie.js';
import { FLOW_TTL_MS } from '../auth/sign-in-flows.js';
import { ApiError, badRequest } from '../lib/errors.js';
import type { Services } from '../wiring/services.js';
import { errorSchema, errors, json, publicSecurity, router } from './openapi-common.js';

/** The cookie that binds a sign-in under way to this browser; sent back only to the callback. */
export const FLOW_COOKIE = 'fv_oidc_flow';
const FLOW_PATH = '/api/v1/auth/oidc';

const refusal = (description: string) => ({ description, content: { 'application/json': { schema: errorSchema } } });

const methods = createRoute({
  method: 'get',
  operationId: 'getSignInMethods',
  path: '/methods',
  tags: ['Auth'],
  summary: 'How one signs in here: passwords, the OpenID provider',
  description: 'What a sign-in form shows: the password fields, a “Sign in with <provider>” button, or both.',
  security: publicSecurity,
  responses: { 200: json(signInMethodsSchema, 'The sign-in methods.') },
});

const start = createRoute({
  method: 'get',
  operationId: 'startOidcSignIn',
  path: '/oidc/start',
  tags: ['Auth'],
  summary: 'Sign in with the OpenID provider (a page navigates here)',
  description: [
    'Redirects to the provider’s authorization endpoint: the authorization-code flow with PKCE (S256), `state` and `nonce`. The flow is kept on the server for 10 minutes and bound to this browser by the HttpOnly `fv_oidc_flow` cookie.',
    'After the provider, `GET /auth/oidc/callback` sets the session cookie and returns to `returnTo`, which must be a page of this server (another origin is refused: no open redirect).',
  ].join('\n\n'),
  security: publicSecurity,
  request: { query: oidcStartQuery },
  responses: {
    302: { description: 'To the provider’s sign-in page.' },
    ...errors(400, 404),
    503: refusal('The provider could not be reached (its discovery document).'),
  },
});

const callback = createRoute({
  method: 'get',
  operationId: 'finishOidcSignIn',
  path: '/oidc/callback',
  tags: ['Auth'],
  summary: 'Where the provider sends the browser back (the redirect URI to register)',
  description:
    'Checks the answer against the flow this browser started (state, then the code exchange with the PKCE verifier, the ID token’s signature, issuer, audience and nonce), matches the ID token’s claim (FLOORVIEW_OIDC_CLAIM) to a supervisor or agent of the directory, sets the HttpOnly session cookie and redirects to the flow’s `returnTo`. A flow is used once: a replayed callback is refused.',
  security: publicSecurity,
  responses: {
    302: { description: 'Signed in: back to the page the sign-in started from.' },
    400: refusal('No sign-in under way in this browser (none started, already completed, expired) or an answer whose `state` is not its own.'),
    401: refusal('The provider refused the sign-in, or its answer did not verify, or the ID token lacks the claim.'),
    403: refusal('`not_in_directory`: the person is not a supervisor (or agent) of the directory.'),
    404: refusal('Sign-in with a provider is not configured.'),
    503: refusal('The provider could not be reached.'),
  },
});

/** "Sign in with <provider>" (authorization code + PKCE) and the sign-in methods a form shows. */
export function oidcSignInRoutes(s: Services) {
  const configured = (): OidcSignIn => {
    if (!s.oidcSignIn) throw new ApiError(404, 'oidc_not_configured', 'Sign-in with an OpenID provider is not configured here (FLOORVIEW_OIDC_CLIENT_ID).');
    return s.oidcSignIn;
  };
  return router()
    .openapi(methods, (c) =>
      c.json({ password: s.config.FLOORVIEW_PASSWORD_LOGIN, oidc: s.oidcSignIn ? { providerName: s.config.FLOORVIEW_OIDC_PROVIDER_NAME } : null }, 200),
    )
    .openapi(start, async (c) => {
      const sso = configured();
      const { role, returnTo } = c.req.valid('query');
      const redirectUri = s.config.FLOORVIEW_OIDC_REDIRECT_URI ?? new URL(`${FLOW_PATH}/callback`, c.req.url).href;
      const { url, flowId } = await sso.start(role, pageOfThisServer(returnTo, redirectUri), redirectUri);
      setCookie(c, FLOW_COOKIE, flowId, {
        httpOnly: true,
        // Lax: the provider's redirect back is a top-level navigation from its site, which Lax lets the cookie ride.
        sameSite: 'Lax',
        secure: secureCookies(c, s.config),
        path: FLOW_PATH,
        maxAge: FLOW_TTL_MS / 1000,
      });
      return c.redirect(url, 302);
    })
    .openapi(callback, async (c) => {
      const sso = configured();
      const flowId = getCookie(c, FLOW_COOKIE);
      deleteCookie(c, FLOW_COOKIE, { path: FLOW_PATH });
      const person = await sso.finish(flowId, new URL(c.req.url).searchParams);
      const session = person.role === 'supervisor' ? await s.auth.issueSupervisorSession(person.id) : await s.auth.issueAgentSession(person.id);
      setSessionCookie(c, s.config, session);
      return c.redirect(person.returnTo, 302);
    });
}

/**
 * `returnTo` as an absolute URL of this server (the callback's origin), or a 400: a sign-in never
 * ends on another site. Absolute, so a path like `//evil.example` cannot turn into a host.
 */
function pageOfThisServer(returnTo: string, redirectUri: string): string {
  const origin = new URL(redirectUri).origin;
  let page: URL | null = null;
  try {
    page = new URL(returnTo, origin);
  } catch {
    // Unparseable: refused below.
  }
  if (page?.origin !== origin) throw badRequest('The request is invalid.', { returnTo: `Must be a page of this server (${origin}), given as a path or a URL of that origin.` });
  return page.href;
}
