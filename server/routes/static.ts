import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from '../auth/app-env.js';
import { REPO_ROOT } from '../lib/repo-root.js';
import { bundleCaching } from './bundle-caching.js';

/** Page assets only: the demo folder also holds the demo centre's directory file, which is not for the web. */
const PAGE_ASSET = /\.(html|css|js|mjs|svg|png|ico|webmanifest)$/;

/** The widget bundles (`/widgets/<tag>.js`, SPEC §8), the widgets' docs page (`/docs/`) and the demo pages. */
export function staticRoutes() {
  const app = new Hono<AppEnv>();
  // Made on first use: the bundles may be built after the server started.
  let widgets: MiddlewareHandler<AppEnv> | null = null;
  app.use('/widgets/*', bundleCaching(join(REPO_ROOT, 'dist')));
  app.use('/widgets/*', (c, next) => (widgets ??= serveStatic<AppEnv>({ root: join(REPO_ROOT, 'dist') }))(c, next));
  app.get('/', serveStatic({ path: join(REPO_ROOT, 'demo/index.html') }));
  // Generated from custom-elements.json (npm run manifest); its script and stylesheet beside it.
  app.get('/docs', (c) => c.redirect('/docs/', 301));
  app.get('/docs/', serveStatic({ path: join(REPO_ROOT, 'docs/index.html') }));
  app.use('/docs/*', async (c, next) => (PAGE_ASSET.test(c.req.path) ? serveStatic({ root: REPO_ROOT })(c, next) : next()));
  // Browsers ask for /favicon.ico on pages that link no icon (the OpenAPI document, a report download): answer rather than 404.
  app.get('/favicon.ico', serveStatic({ path: join(REPO_ROOT, 'demo/favicon.svg') }));
  app.use('/*', async (c, next) => (PAGE_ASSET.test(c.req.path) ? serveStatic({ root: join(REPO_ROOT, 'demo') })(c, next) : next()));
  return app;
}
