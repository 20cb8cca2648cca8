// Compiles the server (server/, common/, contract/) to JavaScript in dist/server/: `npm start`
// and the CLIs run it with plain node, without compiling TypeScript on every start (tsx).
// One bundle per entry with shared chunks, packages left as imports of node_modules. Every
// output file sits directly in dist/server/, two folders below the checkout, as
// server/lib/repo-root.ts expects: it finds demo/, dist/widgets/ and the migrations from there.
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const SERVER_OUT = 'dist/server';

/** Output name → source: the server and the CLIs package.json runs. */
export const SERVER_ENTRIES = {
  main: 'server/main.ts',
  seed: 'server/wiring/backfill-cli.ts',
  'rollups-rebuild': 'server/wiring/rebuild-cli.ts',
  backup: 'server/ops/backup-cli.ts',
  restore: 'server/ops/restore-cli.ts',
  'store-copy': 'server/store-copy/store-copy-cli.ts',
  'import-queue-log': 'server/wiring/queue-log-cli.ts',
};

export async function buildServer() {
  // Chunk names carry a content hash: start from an empty folder so stale ones do not pile up.
  rmSync(SERVER_OUT, { recursive: true, force: true });
  await build({
    entryPoints: SERVER_ENTRIES,
    outdir: SERVER_OUT,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    packages: 'external',
    tsconfig: 'tsconfig.json',
    logLevel: 'warning',
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await buildServer();
