import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support/imports.js';

/** The README's framework hosts are the files CI builds (test/e2e/*-host.test.ts), word for word. */
const SHOWN = [
  'test/e2e/hosts/react/src/app.tsx',
  'test/e2e/hosts/vue/vite.config.ts',
  'test/e2e/hosts/vue/src/App.vue',
  'test/e2e/hosts/vue/src/floor.ts',
  'test/e2e/hosts/angular/src/floor.component.ts',
  'test/e2e/hosts/angular/src/main.ts',
];

describe('README: framework hosts', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  for (const file of SHOWN) {
    it(`shows ${file} as it is built`, () => {
      const source = readFileSync(join(ROOT, file), 'utf8').trimEnd();
      assert.ok(readme.includes(`\n${source}\n\`\`\``), `README.md lacks the current ${file} in a code block: copy it in again`);
    });
  }
});
