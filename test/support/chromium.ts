import { accessSync, constants } from 'node:fs';

/** Where the tests and benchmarks find the system Chromium (scripts/ensure-chromium.mjs installs one when there is none). */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Root needs no sandbox; the rest keeps a test browser quiet and off the network. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function chromiumPath(): string {
  const found = [process.env.CHROME_PATH, ...CANDIDATES].find((path) => {
    if (!path) return false;
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
  if (!found) throw new Error('No Chromium found: run `node scripts/ensure-chromium.mjs`, or set CHROME_PATH.');
  return found;
}
