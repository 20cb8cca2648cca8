#!/usr/bin/env node
// The widget and end-to-end tests drive a system Chromium (no browser downloads).
// Finds one; when there is none, installs Debian's `chromium` if this runs as root
// with apt-get, else stops and says what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

// Keep in step with test/support/chromium.ts, which the tests use to find it.
const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

function executable(path) {
  if (!path) return false;
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name) {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

if (candidates.some(executable)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && onPath('apt-get')) {
  console.log('No Chromium found: installing Debian’s chromium package (apt-get)…');
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  process.exit(0);
}

console.error(
  'The widget and end-to-end tests need Chromium and none was found (CHROME_PATH, /usr/bin/chromium, chromium-browser, google-chrome).\n' +
    'Install it, e.g. `sudo apt-get install chromium` (Debian/Ubuntu), or point CHROME_PATH at a Chrome or Chromium binary.',
);
process.exit(1);
