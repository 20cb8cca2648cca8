import { needsLinking } from '@angular/compiler-cli/linker';
import linker from '@angular/compiler-cli/linker/babel';
// @angular/compiler-cli brings @babel/core: its linker is a Babel plugin.
import { transformAsync } from '@babel/core';
import { defineConfig } from 'vite';

/**
 * Angular's own packages ship partially compiled; the linker finishes them at build time, as
 * the Angular CLI does, so the browser needs no compiler. Our code was compiled by ngc already.
 */
const angularLinker = {
  name: 'angular-linker',
  async transform(code, id) {
    if (!needsLinking(id, code)) return null;
    const result = await transformAsync(code, { filename: id, plugins: [linker], configFile: false, babelrc: false, sourceMaps: false, compact: false });
    return result?.code ?? null;
  },
};

export default defineConfig({ plugins: [angularLinker] });
