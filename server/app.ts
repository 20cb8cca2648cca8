import { HTTPException } from 'hono/http-exception';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { sameOriginForCookies } from './auth/csrf.js';
import { contentSecurityPolicy } from './content-security-policy.js';
import { ApiError, type ErrorBody } from './lib/errors.js';
import { adminRoutes } from './routes/admin.js';
import { agentRoutes } from './routes/agents.js';
import { alertRoutes } from './routes/alerts.js';
import { handRoutes } from './routes/hand.js';
import { auditRoutes } from './routes/audit.js';
import { chatRoutes, conversationRoutes } from './routes/chat.js';
import { deskSessionRoutes } from './routes/desk-sessions.js';
import { authRoutes } from './routes/auth.js';
import { displaySessionRoutes } from './routes/display-session.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { oidcSignInRoutes } from './routes/oidc-sign-in.js';
import { router } from './routes/openapi-common.js';
import { queueRoutes } from './routes/queues.js';
import { reportRoutes } from './routes/reports.js';
import { staticRoutes } from './routes/static.js';
import { stateReasonRoutes } from './routes/state-reasons.js';
import { wrapupRoutes } from './routes/wrapup.js';
import { staffingRoutes } from './routes/staffing.js';
import { statsRoutes } from './routes/stats.js';
import { streamRoutes } from './routes/stream.js';
import type { Services } from './wiring/services.js';

const CODES: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

const MESSAGES: Record<number, string> = {
  415: 'Send the body as JSON with `Content-Type: application/json`.',
};

export function createApp(s: Services) {
  const allowed = new Set(s.config.FLOORVIEW_ALLOWED_ORIGINS);
  const app = router();

  // Widgets are embedded by pages on other origins: resources must be loadable cross-origin.
  app.use(
    '*',
    secureHeaders({
      crossOriginResourcePolicy: 'cross-origin',
      crossOriginOpenerPolicy: false,
      contentSecurityPolicy: contentSecurityPolicy(s.config.FLOORVIEW_ALLOWED_ORIGINS),
      // Framing is ruled by CSP frame-ancestors: X-Frame-Options cannot name an allowed portal, and a browser that knows both lets frame-ancestors win anyway.
      xFrameOptions: false,
    }),
  );
  const corsAllowed = cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    credentials: true,
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Authorization', 'Content-Type', 'Last-Event-ID'],
    maxAge: 600,
  });
  app.use('/api/*', corsAllowed);
  // Module scripts loaded by a portal on another origin are CORS requests too.
  app.use('/widgets/*', corsAllowed);
  app.use('/api/*', sameOriginForCookies(allowed));

  const api = router()
    .route('/', eventRoutes(s))
    .route('/', streamRoutes(s))
    .route('/', healthRoutes(s))
    .route('/auth', authRoutes(s))
    .route('/auth', displaySessionRoutes(s))
    .route('/auth', oidcSignInRoutes(s))
    // Before the agents routes: these take agent desk sessions and integration keys, which theirs refuse.
    .route('/', deskSessionRoutes(s))
    .route('/agents', chatRoutes(s))
    .route('/agents', handRoutes(s))
    .route('/agents', wrapupRoutes(s))
    .route('/agents', agentRoutes(s))
    .route('/conversations', conversationRoutes(s))
    .route('/queues', queueRoutes(s))
    .route('/state-reasons', stateReasonRoutes(s))
    .route('/audit', auditRoutes(s))
    .route('/stats', statsRoutes(s))
    .route('/staffing', staffingRoutes(s))
    .route('/alerts', alertRoutes(s))
    .route('/reports', reportRoutes(s))
    .route('/admin', adminRoutes(s));

  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description:
      'A Floorview session token (`POST /auth/login`, an agent desk token), a display token, an integration key where a route says so, or — with `FLOORVIEW_OIDC_ISSUER` set — the host portal’s OpenID Connect token (a JWT: its signature against the issuer’s JWKS, `iss`, `aud` = `FLOORVIEW_OIDC_AUDIENCE`, `exp`/`nbf`). A portal token names its person by `FLOORVIEW_OIDC_CLAIM` (default `email`), matched to a supervisor, else an agent; 401 with a code saying why a token is refused (`token_expired`, `token_not_yet_valid`, `token_wrong_audience`, `token_wrong_issuer`, `token_bad_signature`, `token_unknown_key`, `token_algorithm_refused`, `token_malformed`, `token_claim_missing`, `issuer_unavailable`), 403 `not_in_directory` for someone the directory does not list.',
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'cookie', { type: 'apiKey', in: 'cookie', name: 'fv_session' });
  api.openAPIRegistry.registerComponent('securitySchemes', 'ticket', { type: 'apiKey', in: 'query', name: 'ticket' });
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Floorview API',
      version: '1',
      description: 'Live floor state, supervisor commands and history for contact-center supervisors. Errors: `{error: {code, message, fields?}}`.',
    },
    servers: [{ url: '/api/v1' }],
  });

  app.route('/api/v1', api);
  app.route('/', staticRoutes());

  app.notFound((c) => c.json<ErrorBody>({ error: { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}` } }, 404));
  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json(err.body, err.status, err.headers);
    if (err instanceof HTTPException) {
      const status = err.status as ContentfulStatusCode;
      const message = MESSAGES[status] ?? (err.message || 'Request failed.');
      // Hono's own 400s (malformed JSON) are about the body as a whole: name it, as every 400 names its fields.
      const fields = status === 400 ? { '(body)': message } : undefined;
      return c.json<ErrorBody>({ error: { code: CODES[status] ?? 'error', message, ...(fields ? { fields } : {}) } }, status);
    }
    console.error(`${c.req.method} ${c.req.path} failed:`, err);
    return c.json<ErrorBody>({ error: { code: 'internal_error', message: 'The server failed to handle this request; the error is logged.' } }, 500);
  });
  return app;
}

