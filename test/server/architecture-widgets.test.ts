import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { importsOf, ROOT, sourceFiles } from '../support/imports.js';

/**
 * The boundary between the widgets and the server: a widget bundle never carries server code,
 * and gets the API's shapes from `contract/` as types only (its schemas would bring zod along);
 * runtime code both sides share lives in `common/`, which leans on nothing of either side;
 * the server never reaches into widget code. `contract/` itself stands alone.
 */

/** The top-level folder a relative specifier lands in; null for a package. */
function folderOf(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return relative(ROOT, resolve(ROOT, dirname(file), specifier)).split(/[\\/]/)[0]!;
}

describe('architecture: widgets, contract, common, server', () => {
  it('widgets import nothing from server/, and contract/ with `import type` only', () => {
    const wrong: string[] = [];
    for (const file of sourceFiles('widgets')) {
      for (const { specifier, typeOnly } of importsOf(readFileSync(join(ROOT, file), 'utf8'))) {
        const folder = folderOf(file, specifier);
        if (folder === 'server') wrong.push(`${file} imports ${specifier} (server code)`);
        else if (folder === 'contract' && !typeOnly) wrong.push(`${file} imports ${specifier} without \`import type\` (zod would land in the bundle)`);
        else if (folder !== null && !['widgets', 'contract', 'common'].includes(folder)) wrong.push(`${file} imports ${specifier}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('contract/ imports only zod and itself', () => {
    const wrong: string[] = [];
    for (const file of sourceFiles('contract')) {
      for (const { specifier } of importsOf(readFileSync(join(ROOT, file), 'utf8'))) {
        const folder = folderOf(file, specifier);
        const allowed = folder === null ? ['zod', '@hono/zod-openapi'].includes(specifier) : folder === 'contract';
        if (!allowed) wrong.push(`${file} imports ${specifier}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('common/ imports only itself and contract/ types; server/ nothing of widgets/', () => {
    const wrong: string[] = [];
    for (const file of sourceFiles('common')) {
      for (const { specifier, typeOnly } of importsOf(readFileSync(join(ROOT, file), 'utf8'))) {
        const folder = folderOf(file, specifier);
        if (folder !== 'common' && !(folder === 'contract' && typeOnly)) wrong.push(`${file} imports ${specifier}`);
      }
    }
    for (const file of sourceFiles('server')) {
      for (const { specifier } of importsOf(readFileSync(join(ROOT, file), 'utf8'))) {
        if (folderOf(file, specifier) === 'widgets') wrong.push(`${file} imports ${specifier} (widget code)`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('finds the imports it checks', () => {
    // A scanner that matched nothing would pass everything.
    assert.deepEqual(importsOf("import type { A } from '../../contract/live.js';\nimport {\n  b,\n} from '../server/x.js';\nconst c = import('./c.js');"), [
      { specifier: '../../contract/live.js', typeOnly: true },
      { specifier: '../server/x.js', typeOnly: false },
      { specifier: './c.js', typeOnly: false },
    ]);
  });
});
