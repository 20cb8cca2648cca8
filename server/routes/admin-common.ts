import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import { requireAdmin } from '../auth/require-admin.js';
import type { Services } from '../wiring/services.js';
import { limitBody } from './body-limit.js';
import { bearerSecurity, router } from './openapi-common.js';

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
