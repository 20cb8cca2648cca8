import type { secureHeaders } from 'hono/secure-headers';

type Directives = NonNullable<NonNullable<Parameters<typeof secureHeaders>[0]>['contentSecurityPolicy']>;

/**
 * The Content-Security-Policy sent with everything served (demo pages, widget bundles, API answers), so
 * an injected script or style in a page has nowhere to run from: scripts and stylesheets come from this
 * server's files only. No 'unsafe-inline' is needed for styles because Lit adopts constructed
 * stylesheets and the widgets and echarts set styles through the CSSOM (`element.style`), neither of
 * which `style-src` governs; markup with a `style` attribute would be refused, so the widgets must not
 * write any (the CSP end-to-end test holds them to it).
 *
 * Framing: this server and the allowed portals (FLOORVIEW_ALLOWED_ORIGINS), which X-Frame-Options
 * cannot express (it knows only SAMEORIGIN), so a portal can frame the wallboard and nobody else can.
 */
export function contentSecurityPolicy(allowedOrigins: readonly string[]): Directives {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'self'", ...allowedOrigins],
  };
}
