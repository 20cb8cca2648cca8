import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from './app-env.js';
import { ApiError } from '../lib/errors.js';
import { bearerToken, DISPLAY_COOKIE, SESSION_COOKIE } from './middleware.js';

const SAFE_METHOD = /^(GET|HEAD|OPTIONS)$/;

/**
 * Cross-site request forgery: a page on another origin can make the browser send our cookies with a
 * form post, and SameSite=Lax does not stop pages of the same site (another port, a sibling
 * subdomain). So an unsafe request without a bearer token — carried by a cookie, or a sign-in that
 * would set one — must say where it comes from (`Origin`, or `Sec-Fetch-Site` where a browser sends
 * no Origin), and that must be this server or an allowed portal. Every content type and an empty body
 * count: hono/csrf checks form types only, and its same-origin test compares the scheme, which a
 * TLS-terminating proxy changes. A request with neither header is no browser's: refused when it
 * carries a cookie (a script has no reason to send one without an Origin), let through otherwise,
 * so a non-browser client can still sign in for a bearer token.
 */
export function sameOriginForCookies(allowedOrigins: Iterable<string>): MiddlewareHandler<AppEnv> {
  const allowed = new Set(allowedOrigins);
  return async (c, next) => {
    if (SAFE_METHOD.test(c.req.method) || bearerToken(c.req.header('authorization'))) return next();
    const origin = c.req.header('origin');
    const fetchSite = c.req.header('sec-fetch-site');
    const refuse = (why: string) => {
      throw new ApiError(403, 'cross_origin_request', `${c.req.method} refused: ${why}. Send a bearer token, or call from this server’s pages or an origin in FLOORVIEW_ALLOWED_ORIGINS.`);
    };
    if (origin !== undefined) {
      if (!allowed.has(origin) && !sameHost(origin, c.req.url)) refuse(`the request comes from ${origin}, another origin`);
    } else if (fetchSite !== undefined) {
      if (fetchSite !== 'same-origin' && fetchSite !== 'none') refuse(`the request comes from a ${fetchSite} page`);
    } else if (getCookie(c, SESSION_COOKIE) !== undefined || getCookie(c, DISPLAY_COOKIE) !== undefined) {
      refuse('a request carried by a session cookie must say where it comes from (Origin)');
    }
    await next();
  };
}

/** Host and port, not scheme: behind a TLS proxy the server sees http for the browser's https. */
function sameHost(origin: string, requestUrl: string): boolean {
  try {
    return new URL(origin).host === new URL(requestUrl).host;
  } catch {
    return false; // `null` (a sandboxed frame, a file) and other opaque origins
  }
}
