import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../auth/app-env.js';

/** A content-hashed file (everything in `chunks/`: rollup.config.js names nothing else so) never changes. */
export const HASHED_CACHE = 'public, max-age=31536000, immutable';
/**
 * An entry name (`fv-agent-list.js`, `floorview.min.js`) changes with every build. Kept, but checked on
 * every use: an unchanged file costs a 304 without a body, and a new release reaches the next page
 * load, never mixing an old entry with chunks a new build has removed.
 */
export const ENTRY_CACHE = 'public, no-cache';

const HASHED = /^\/widgets\/chunks\//;

/**
 * Cache headers and conditional requests for the widget bundles under `root` (the folder holding
 * `widgets/`), before serveStatic sends the file: a validator from the file's size and modification
 * time (`ETag`; serveStatic adds `Last-Modified`), and 304 when the browser's copy is current.
 */
export function bundleCaching(root: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const path = c.req.path;
    // serveStatic refuses these (and answers 404); there is nothing to validate.
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || path.includes('..') || path.includes('%')) return next();
    const file = await stat(join(root, path)).catch(() => null);
    if (!file?.isFile()) return next();
    const etag = `"${file.size.toString(36)}-${Math.floor(file.mtimeMs).toString(36)}"`;
    c.header('Cache-Control', HASHED.test(path) ? HASHED_CACHE : ENTRY_CACHE);
    c.header('ETag', etag);
    if (current(c.req.header('if-none-match'), c.req.header('if-modified-since'), etag, file.mtime)) {
      c.header('Last-Modified', file.mtime.toUTCString());
      return c.body(null, 304);
    }
    return next();
  };
}

/** RFC 9110 §13.2.2: If-None-Match when sent (weak comparison), else If-Modified-Since (whole seconds, as Last-Modified is). */
function current(ifNoneMatch: string | undefined, ifModifiedSince: string | undefined, etag: string, mtime: Date): boolean {
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch.split(',').some((tag) => {
      const t = tag.trim();
      return t === '*' || t.replace(/^W\//, '') === etag;
    });
  }
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Math.floor(mtime.getTime() / 1000) * 1000 <= since;
}
