import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from './app-env.js';
import { ApiError, forbidden } from '../lib/errors.js';
import type { AuthService } from './auth-service.js';
import type { Principal } from './principal.js';

/** A supervisor's (or agent's) session. */
export const SESSION_COOKIE = 'fv_session';
/**
 * A wallboard's display session: its own cookie, so a wallboard opened in a supervisor's browser
 * does not replace the supervisor's session. Read on read requests only (and by the renewal), so it
 * can never carry a command.
 */
export const DISPLAY_COOKIE = 'fv_display';

export function bearerToken(header: string | undefined): string | null {
  const m = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return m ? m[1]! : null;
}

const SAFE_METHOD = /^(GET|HEAD|OPTIONS)$/;

export interface CredentialOptions {
  /** A `?ticket=` from the URL, where the route takes one (the stream, a download link). */
  ticket?: string | undefined;
  /** The renewal reads the display cookie first, whatever the method. */
  display?: 'first';
}

/**
 * Who is calling, from the one credential that counts: `Authorization: Bearer`, else a URL ticket
 * (where allowed), else the session cookie, else — on a read — the display cookie.
 */
export async function authenticateRequest(c: Context<AppEnv>, auth: AuthService, options: CredentialOptions = {}): Promise<Principal> {
  const bearer = bearerToken(c.req.header('authorization'));
  if (bearer) return auth.authenticateBearer(bearer);
  if (options.ticket !== undefined) return auth.authenticateTicket(options.ticket);
  const session = getCookie(c, SESSION_COOKIE);
  const display = getCookie(c, DISPLAY_COOKIE);
  if (options.display === 'first' && display) return auth.authenticate(display);
  const reading = SAFE_METHOD.test(c.req.method);
  if (session) {
    try {
      return await auth.authenticate(session);
    } catch (err) {
      // A supervisor's session that ran out does not take the wallboard beside it down.
      if (!(reading && display && err instanceof ApiError && err.status === 401)) throw err;
    }
  }
  if (display) {
    if (!reading) throw forbidden('A display session is read-only.');
    return auth.authenticate(display);
  }
  throw new ApiError(401, 'unauthenticated', 'Sign in first: no session cookie or bearer token.');
}

/**
 * Any signed-in viewer: supervisor session (bearer or cookie) or display token.
 * Agent desk sessions only where a route says so (`agents: true`): chat, who am I, the stream.
 */
export function requireViewer(auth: AuthService, options: { agents?: boolean; display?: 'first' } = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = await authenticateRequest(c, auth, { display: options.display });
    if (principal.kind === 'agent' && !options.agents) throw forbidden('An agent desk session opens the agent desk only: chat and the agent’s own live row.');
    c.set('principal', principal);
    await next();
  };
}

/** After `requireViewer(auth, {agents: true})`: only the desk of the agent the route's `:id` names; `refusal` says what it is for. */
export function requireOwnDesk(refusal: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const p = c.var.principal;
    if (p.kind !== 'agent' || p.id !== c.req.param('id')) throw forbidden(refusal);
    await next();
  };
}

/**
 * The telephony platform or the portal's back end, by an integration key's secret as the bearer
 * token; `refusal` tells the caller what the route takes.
 */
export function requireIntegration(auth: AuthService, refusal: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const secret = bearerToken(c.req.header('authorization'));
    if (!secret || (await auth.integrationKeyId(secret)) === null) throw new ApiError(401, 'unauthenticated', refusal);
    await next();
  };
}

/** FLOORVIEW_PASSWORD_LOGIN=off: the password sign-ins refuse before reading the password, saying where to sign in instead. */
export function requirePasswordLogin(enabled: boolean): MiddlewareHandler<AppEnv> {
  return async (_c, next) => {
    if (!enabled) {
      throw new ApiError(403, 'password_login_off', 'Password sign-in is switched off here (FLOORVIEW_PASSWORD_LOGIN=off): sign in through your portal.');
    }
    await next();
  };
}

/** A supervisor: display tokens are read-only. */
export function requireSupervisor(auth: AuthService): MiddlewareHandler<AppEnv> {
  const viewer = requireViewer(auth);
  return (c, next) =>
    viewer(c, async () => {
      asSupervisor(c.var.principal);
      await next();
    });
}

export function asSupervisor(p: Principal): Extract<Principal, { kind: 'supervisor' }> {
  if (p.kind !== 'supervisor') throw forbidden('Display tokens are read-only.');
  return p;
}
