// `npm start` and the CLIs build what they run only when a source is newer than the last
// build: a restart of the demo then starts at once. It reports on stderr, so a CLI's own output
// stays alone on stdout. Arguments name what to check:
// `widgets` (the bundles the server serves) and `server` (the compiled server and CLIs).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildServer, SERVER_OUT } from './build-server.mjs';

const newest = (path) => {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
};

const artifacts = {
  widgets: {
    built: 'dist/widgets/floorview.js',
    sources: ['widgets', 'common', 'contract', 'rollup.config.js'],
    name: 'widget bundles',
    build: () => execSync('npm run --silent build', { stdio: 'inherit' }),
  },
  server: {
    built: join(SERVER_OUT, 'main.js'),
    sources: ['server', 'common', 'contract', 'scripts/build-server.mjs'],
    name: 'compiled server and CLIs',
    build: buildServer,
  },
};

for (const which of process.argv.slice(2)) {
  const { built, sources, name, build } = artifacts[which];
  const inputs = [...sources, 'tsconfig.json', 'package-lock.json'].filter(existsSync);
  if (existsSync(built) && newest(built) >= Math.max(...inputs.map(newest))) {
    console.error(`The ${name} are up to date.`);
    continue;
  }
  console.error(existsSync(built) ? `Sources changed: rebuilding the ${name}…` : `Building the ${name} (once)…`);
  const started = performance.now();
  await build();
  console.error(`The ${name} built in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}
