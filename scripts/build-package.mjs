// `npm run build:package`: the installable widgets package in dist/package/ (npm name `floorview`),
// beside the script-tag bundles rollup builds. Unbundled ES2022 modules compiled file by file from
// widgets/ and common/ (the host's bundler resolves lit, echarts… once for the whole page), their
// `.d.ts` declarations with contract/'s types standing alone (no zod), the custom-elements manifest,
// and a package.json written from the root one. `npm pack dist/package` makes the tarball.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build } from 'esbuild';
import ts from 'typescript';
import { contractDeclarations } from './package/contract-declarations.mjs';
import { checkPackage } from './package/check-package.mjs';

const OUT = 'dist/package';
const root = JSON.parse(readFileSync('package.json', 'utf8'));
const range = (name) => root.dependencies[name] ?? root.devDependencies[name];

/** The public modules: `floorview` (every widget), `floorview/<widget>` (one: the widgets all-in-one registers), `floorview/react`. */
const widgets = [...readFileSync('widgets/floorview.ts', 'utf8').matchAll(/^import '\.\/([\w-]+)\/define\.js';$/gm)].map((m) => m[1]);
const entries = {
  '.': 'widgets/floorview.ts',
  ...Object.fromEntries(widgets.map((dir) => [`./${dir}`, `widgets/${dir}/define.ts`])),
  './react': 'widgets/react/components.ts',
};
const js = (source) => `./${source.replace(/\.ts$/, '.js')}`;
const dts = (source) => `./${source.replace(/\.ts$/, '.d.ts')}`;

const DEPENDENCIES = ['lit', 'echarts', '@lit/context', '@lit/task', '@lit-labs/virtualizer'];
const OPTIONAL_PEERS = ['@lit/react', 'react'];

rmSync(OUT, { recursive: true, force: true });

// JavaScript: the modules the entries reach by value (type-only imports are erased, so contract/'s
// schemas and zod stay out), each transpiled as the widget tests and the bundles transpile it.
const tsconfigRaw = JSON.parse(readFileSync('tsconfig.json', 'utf8'));
const { metafile } = await build({ entryPoints: Object.values(entries), bundle: true, packages: 'external', write: false, outdir: OUT, metafile: true, format: 'esm', tsconfigRaw, logLevel: 'error' });
const modules = Object.keys(metafile.inputs);
await build({ entryPoints: modules, outdir: OUT, outbase: '.', format: 'esm', target: 'es2022', tsconfigRaw, logLevel: 'error' });

// Declarations: tsc's, from the same entries, in the same folders.
const { options } = ts.convertCompilerOptionsFromJson(tsconfigRaw.compilerOptions, '.');
const program = ts.createProgram(Object.values(entries), { ...options, noEmit: false, declaration: true, emitDeclarationOnly: true, outDir: OUT, rootDir: '.', types: [] });
const contract = contractDeclarations(program);
// tsc names the types it infers (a render()'s TemplateResult) from lit-html, which lit re-exports:
// a host depends on lit, and a strict installer (pnpm) lets it reach only that.
const viaLit = (text) => text.replace(/import\("lit-html(\/[^"]*)?"\)/g, (_, path = '') => `import("lit${path}")`);
// Type errors are `npm run typecheck`'s to report; what fails here is a type a declaration cannot name.
const { diagnostics } = program.emit(undefined, (file, text) => {
  const source = relative(OUT, file).replace(/\.d\.ts$/, '.ts');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, viaLit(source.startsWith('contract/') ? contract(source, text) : text));
});
if (diagnostics.length) throw new Error(ts.formatDiagnosticsWithColorAndContext(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\n' }));

// The manifest (`npm run manifest`, checked in) names the source modules; the package's copy names
// the modules it ships.
const shipped = (key, value) => (['path', 'module'].includes(key) && typeof value === 'string' ? value.replace(/\.ts$/, '.js') : value);
writeFileSync(join(OUT, 'custom-elements.json'), JSON.stringify(JSON.parse(readFileSync('custom-elements.json', 'utf8'), shipped), null, 2));

const pick = (names) => Object.fromEntries(names.map((name) => [name, range(name)]));
const pkg = {
  name: 'floorview',
  version: root.version,
  description: 'Contact-center supervisor widgets: Lit web components for a Floorview server.',
  type: 'module',
  exports: {
    ...Object.fromEntries(Object.entries(entries).map(([path, source]) => [path, { types: dts(source), default: js(source) }])),
    './custom-elements.json': './custom-elements.json',
    './package.json': './package.json',
  },
  types: dts(entries['.']),
  files: ['widgets', 'common', 'contract', 'custom-elements.json'],
  // Only the modules that register elements (or lead to them) run anything on import; echarts'
  // registration of the chart types is charts.js's reason to be, loaded when a chart is drawn.
  // floorview/react registers a widget as it makes the widget's component (a pure call each).
  sideEffects: [js(entries['.']), './widgets/*/define.js', './widgets/core/charts.js'],
  customElements: 'custom-elements.json',
  dependencies: pick(DEPENDENCIES),
  peerDependencies: pick(OPTIONAL_PEERS),
  peerDependenciesMeta: Object.fromEntries(OPTIONAL_PEERS.map((name) => [name, { optional: true }])),
};
writeFileSync(join(OUT, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);

checkPackage(OUT, pkg);
console.log(`${OUT}: ${pkg.name} ${pkg.version}, ${modules.length} modules, ${Object.keys(entries).length} entries`);
