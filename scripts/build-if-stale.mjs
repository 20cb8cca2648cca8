// `npm start` builds the widget bundles only when a source is newer than the last build:
// a restart of the demo then starts at once instead of after a minute of rollup.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const built = 'dist/widgets/floorview.js';
const newest = (path) => {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
};
const sources = ['widgets', 'rollup.config.js', 'tsconfig.json', 'tsconfig.widgets.json', 'package-lock.json'].filter(existsSync);

if (existsSync(built) && newest(built) >= Math.max(...sources.map(newest))) {
  console.log('Widget bundles are up to date (npm run build rebuilds them).');
} else {
  execSync('npm run build', { stdio: 'inherit' });
}
