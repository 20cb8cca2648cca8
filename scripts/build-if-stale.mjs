// `npm start` builds the widget bundles only when a source is newer than the last build:
// a restart of the demo then starts at once. The build prints a few lines per bundle as it goes.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const built = 'dist/widgets/floorview.js';
const newest = (path) => {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
};
const sources = ['widgets', 'rollup.config.js', 'tsconfig.json', 'package-lock.json'].filter(existsSync);

if (existsSync(built) && newest(built) >= Math.max(...sources.map(newest))) {
  console.log('Widget bundles are up to date (npm run build rebuilds them).');
} else {
  console.log(existsSync(built) ? 'Widget sources changed: rebuilding the bundles…' : 'Building the widget bundles (once)…');
  const started = performance.now();
  execSync('npm run --silent build', { stdio: 'inherit' });
  console.log(`Widget bundles built in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}
