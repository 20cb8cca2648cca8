import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from '../auth/app-env.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** Page assets only: the demo folder also holds the demo centre's directory file, which is not for the web. */
const PAGE_ASSET = /\.(html|css|js|mjs|svg|png|ico|webmanifest)$/;

/** The widget bundles (`/widgets/<tag>.js`, SPEC §8) and the demo pages. */
export function staticRoutes() {
  const app = new Hono<AppEnv>();
  // Made on first use: the bundles may be built after the server started.
  let widgets: MiddlewareHandler<AppEnv> | null = null;
  app.use('/widgets/*', (c, next) => (widgets ??= serveStatic<AppEnv>({ root: join(repo, 'dist') }))(c, next));
  app.get('/', serveStatic({ path: join(repo, 'demo/index.html') }));
  // Browsers ask for /favicon.ico on pages that link no icon (the OpenAPI document, a report download): answer rather than 404.
  app.get('/favicon.ico', serveStatic({ path: join(repo, 'demo/favicon.svg') }));
  app.use('/*', async (c, next) => (PAGE_ASSET.test(c.req.path) ? serveStatic({ root: join(repo, 'demo') })(c, next) : next()));
  return app;
}
