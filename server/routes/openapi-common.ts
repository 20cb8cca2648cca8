import { OpenAPIHono, z, type RouteConfig } from '@hono/zod-openapi';
import type { Context, ValidationTargets } from 'hono';
import type { AppEnv } from '../auth/app-env.js';
import { badRequest, fieldsFromIssues } from '../lib/errors.js';

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_request' }),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional().describe('One message per bad field, by path.'),
    }),
  })
  .openapi('Error');

const ERROR_TEXT: Record<number, string> = {
  400: 'Bad input; `fields` names each bad field.',
  401: 'No or expired credentials.',
  403: 'Outside your scope, credentials of another kind (a read-only display, an agent desk), or a cookie sent from an origin not allowed.',
  404: 'Unknown id.',
  409: 'Conflicts with live state; `message` says why.',
  413: 'Body too large.',
  415: 'The body is not sent as JSON (`Content-Type: application/json`).',
  429: 'Too many attempts.',
  502: 'The telephony platform refused or did not answer.',
  503: 'No telephony platform is connected.',
};

export function errors(...statuses: (keyof typeof ERROR_TEXT)[]) {
  return Object.fromEntries(
    statuses.map((s) => [s, { description: ERROR_TEXT[s]!, content: { 'application/json': { schema: errorSchema } } }]),
  );
}

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const bearerSecurity: Record<string, string[]>[] = [{ bearer: [] }, { cookie: [] }];
/** No credentials asked: sign-in, liveness. Said explicitly, so a reader (and the linter) knows it is meant. */
export const publicSecurity: Record<string, string[]>[] = [];
/** Credentials read when present, their absence an answer rather than a 401 (the `{}` requirement). */
export const optionalSecurity: Record<string, string[]>[] = [...bearerSecurity, {}];

/**
 * A router whose validation failures become our 400 body, naming every bad field of the
 * request: the route's validators check one part at a time (query, path, body) and stop at the
 * first that fails, so that failure also checks the parts not yet read.
 */
export function router(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  const register = app.openapi;
  app.openapi = ((route: RouteConfig, handler: never, hook?: never) =>
    register(withMiddlewareAnswers(route), handler, hook ?? (everyBadField(route) as never))) as typeof app.openapi;
  return app;
}

/**
 * The answers middleware gives before a route's own code runs, documented on every operation
 * they reach so that no route has to remember them: credentials missing (401) or of another
 * kind (403); for a request that may carry a body, a cookie from an origin not allowed (403)
 * and a body too large (413) or, where a JSON body is declared, not JSON (415).
 */
function withMiddlewareAnswers(route: RouteConfig): RouteConfig {
  const security = route.security ?? [];
  const credentials = security.length > 0 && security.every((requirement) => Object.keys(requirement).length > 0);
  const statuses = new Set<keyof typeof ERROR_TEXT>([
    ...(credentials ? [401, 403] : []),
    ...(route.method !== 'get' ? [403, 413] : []),
    ...(route.request?.body ? [415] : []),
  ]);
  return { ...route, responses: { ...errors(...statuses), ...route.responses } };
}

type Target = keyof ValidationTargets;
type Hook = (result: { success: boolean; error?: z.ZodError; target: Target }, c: Context<AppEnv>) => Promise<undefined>;

function everyBadField(route: RouteConfig): Hook {
  return async (result, c) => {
    if (result.success) return;
    let fields = fieldsFromIssues(result.error!.issues);
    for (const [target, schema] of declaredParts(route)) {
      if (target === result.target) continue;
      const value = await readPart(c, target);
      const parsed = value === undefined ? null : await schema.safeParseAsync(value);
      if (parsed && !parsed.success) fields = { ...fieldsFromIssues(parsed.error.issues), ...fields };
    }
    throw badRequest('The request is invalid.', fields);
  };
}

function declaredParts(route: RouteConfig): [Target, z.ZodType][] {
  const media = route.request?.body?.content['application/json'];
  const parts: [Target, unknown][] = [
    ['query', route.request?.query],
    ['param', route.request?.params],
    ['json', media && 'schema' in media ? media.schema : undefined],
  ];
  return parts.filter((p): p is [Target, z.ZodType] => p[1] instanceof z.ZodType);
}

/** The part as Hono's validator reads it; undefined when there is none to check. */
async function readPart(c: Context<AppEnv>, target: Target): Promise<unknown> {
  if (target === 'param') return c.req.param();
  if (target === 'query') return Object.fromEntries(Object.entries(c.req.queries()).map(([k, v]) => [k, v.length === 1 ? v[0] : v]));
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(c.req.header('content-type') ?? '')) return undefined;
  // Malformed JSON is named by the body's own validator once the parts before it pass.
  return c.req.json().catch(() => undefined);
}
