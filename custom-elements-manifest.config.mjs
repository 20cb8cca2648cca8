// `npm run manifest` writes custom-elements.json from the widgets' class JSDoc (litelement mode).
// The plugins adapt the analyzer to this code base: tags are registered through defineElement,
// attribute types are read through the type checker, and only what widgets/floorview.ts exports is kept.
import { definedElementsPlugin } from './scripts/manifest/defined-elements-plugin.mjs';
import { publicApiPlugin } from './scripts/manifest/public-api-plugin.mjs';
import { resolvedTypesPlugin } from './scripts/manifest/resolved-types-plugin.mjs';

export default {
  globs: ['widgets/**/*.ts'],
  outdir: '.',
  litelement: true,
  // package.json's `customElements` field is written by hand (the package's owner decides its paths).
  packagejson: false,
  plugins: [definedElementsPlugin(), resolvedTypesPlugin(), publicApiPlugin({ entry: 'widgets/floorview.ts' })],
};
