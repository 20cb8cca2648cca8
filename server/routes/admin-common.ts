import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import { requireAdmin } from '../auth/require-admin.js';
import type { Services } from '../wiring/services.js';
import { limitBody } from './body-limit.js';
import { bearerSecurity, errors, json, jsonBody, router } from './openapi-common.js';

/** Every admin operation: one tag, the signed-in admin's credentials. */
export const adminRoute = <R extends Omit<RouteConfig, 'tags' | 'security'>>(route: R) =>
  createRoute({ ...route, tags: ['Directory administration'], security: bearerSecurity });

export const idParams = z.object({ id: z.string().min(1).max(200).openapi({ param: { name: 'id', in: 'path' } }) });

/** A router for one admin resource: admins only, small bodies. */
export function adminRouter(s: Services) {
  const app = router();
  app.use('*', limitBody(), requireAdmin(s.auth));
  return app;
}

/** What an admin resource's four operations say and carry: its list, one entry, the create's answer, the bodies. */
interface ResourceSpec<L extends z.ZodType, A extends z.ZodType, C extends z.ZodType, N extends z.ZodType, U extends z.ZodType, E extends 'retire' | 'revoke'> {
  /** In operation ids: `Queue` → adminListQueues, adminCreateQueue… */
  name: string;
  list: [L, string];
  create: [C, N, string];
  update: [U, A, string];
  end: [E, string];
}

/** The list, create, update and retire (or revoke) operations of one admin resource. */
export function resourceRoutes<L extends z.ZodType, A extends z.ZodType, C extends z.ZodType, N extends z.ZodType, U extends z.ZodType, E extends 'retire' | 'revoke'>(
  spec: ResourceSpec<L, A, C, N, U, E>,
) {
  const [listSchema, listSummary] = spec.list;
  const [createBody, created, createSummary] = spec.create;
  const [updateBody, answer, updateSummary] = spec.update;
  const [end, endSummary] = spec.end;
  const Verb = end === 'retire' ? 'Retire' : 'Revoke';
  return {
    list: adminRoute({ method: 'get', operationId: `adminList${spec.name}s`, path: '/', summary: listSummary, responses: { 200: json(listSchema, 'The list.') } }),
    create: adminRoute({
      method: 'post',
      operationId: `adminCreate${spec.name}`,
      path: '/',
      summary: createSummary,
      request: { body: jsonBody(createBody) },
      responses: { 201: json(created, 'Created.'), ...errors(400, 409) },
    }),
    update: adminRoute({
      method: 'patch',
      operationId: `adminUpdate${spec.name}`,
      path: '/{id}',
      summary: updateSummary,
      request: { params: idParams, body: jsonBody(updateBody) },
      responses: { 200: json(answer, 'As changed.'), ...errors(400, 404, 409) },
    }),
    end: adminRoute({
      method: 'post',
      operationId: `admin${Verb}${spec.name}`,
      path: `/{id}/${end}` as `/{id}/${E}`,
      summary: endSummary,
      request: { params: idParams },
      responses: { 200: json(answer, `${Verb}d.`), ...errors(400, 404, 409) },
    }),
  };
}
