import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { Config } from '../wiring/env.js';
import type { AppEnv } from '../auth/app-env.js';
import { SESSION_COOKIE } from '../auth/middleware.js';

/** `Secure` behind TLS (or always, or never for plain-HTTP development: FLOORVIEW_SECURE_COOKIES). */
export function secureCookies(c: Context<AppEnv>, config: Config): boolean {
  return config.FLOORVIEW_SECURE_COOKIES === 'on' || (config.FLOORVIEW_SECURE_COOKIES === 'auto' && c.req.url.startsWith('https:'));
}

/** The session cookie a sign-in ends with: HttpOnly, so no script on the page holds the credential. */
export function setSessionCookie(c: Context<AppEnv>, config: Config, session: { token: string; expiresAt: string }): void {
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: secureCookies(c, config),
    path: '/',
    expires: new Date(session.expiresAt),
  });
}
