import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, sourceFiles } from '../support/imports.js';

/**
 * `npm start` runs the server compiled into dist/server/ (scripts/build-server.mjs), where every
 * module lands in one folder: a path taken from a module's own location (`import.meta.url`,
 * `import.meta.dirname`) would point elsewhere there. Files the server reads at run time are found
 * from server/lib/repo-root.ts, the one module that knows both layouts.
 */
describe('runtime paths', () => {
  it('no server code but repo-root.ts locates files from its own module', () => {
    const wrong = ['server', 'common', 'contract']
      .flatMap((dir) => sourceFiles(dir))
      .filter((file) => file !== 'server/lib/repo-root.ts' && /\bimport\.meta\.(url|dirname|filename)\b/.test(readFileSync(join(ROOT, file), 'utf8')));
    assert.deepEqual(wrong, []);
  });
});
