import { fileURLToPath } from 'node:url';

/**
 * The checkout's root, where the files the server reads at run time live (demo/, dist/widgets/,
 * server/db/migrations/). Two folders up from this module both as TypeScript (server/lib/) and
 * compiled (every file of dist/server/ sits directly in it, scripts/build-server.mjs): the one
 * place that knows, so each runs from either.
 */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
