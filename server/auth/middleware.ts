import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.js';
import { ApiError, forbidden } from '../errors.js';
import type { AuthService } from './auth-service.js';
import type { Principal } from './principal.js';

export const SESSION_COOKIE = 'fv_session';

export function bearerToken(header: string | undefined): string | null {
  const m = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return m ? m[1]! : null;
}

/**
 * Any signed-in viewer: supervisor session (bearer or cookie) or display token.
 * Agent desk sessions only where a route says so (`agents: true`): chat, who am I, the stream.
 */
export function requireViewer(auth: AuthService, options: { agents?: boolean } = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization')) ?? getCookie(c, SESSION_COOKIE) ?? null;
    if (!token) throw new ApiError(401, 'unauthenticated', 'Sign in first: no session cookie or bearer token.');
    const principal = auth.authenticate(token);
    if (principal.kind === 'agent' && !options.agents) throw forbidden('An agent desk session opens the agent desk only: chat and the agent’s own live row.');
    c.set('principal', principal);
    await next();
  };
}

/** A supervisor: display tokens are read-only. */
export function requireSupervisor(auth: AuthService): MiddlewareHandler<AppEnv> {
  const viewer = requireViewer(auth);
  return (c, next) =>
    viewer(c, async () => {
      if (c.var.principal.kind !== 'supervisor') throw forbidden('Display tokens are read-only.');
      await next();
    });
}

export function asSupervisor(p: Principal): Extract<Principal, { kind: 'supervisor' }> {
  if (p.kind !== 'supervisor') throw forbidden('Display tokens are read-only.');
  return p;
}
