import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';
import type { AuthService } from './auth-service.js';
import { forbidden } from '../lib/errors.js';
import { requireViewer } from './middleware.js';

/** A supervisor with the admin role (the directory's `isAdmin`, however they signed in): directory administration. */
export function requireAdmin(auth: AuthService): MiddlewareHandler<AppEnv> {
  const viewer = requireViewer(auth);
  return (c, next) =>
    viewer(c, async () => {
      const p = c.var.principal;
      if (p.kind !== 'supervisor' || !p.isAdmin) throw forbidden('Directory administration is for admins.');
      await next();
    });
}

/** The admin as the audit names them. */
export function actorOf(p: AppEnv['Variables']['principal']): { id: string; name: string } {
  if (p.kind !== 'supervisor') throw forbidden('Directory administration is for admins.');
  return { id: p.id, name: p.name };
}
