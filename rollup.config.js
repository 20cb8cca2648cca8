import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import { transform } from 'esbuild';

/**
 * One ES module per widget, plus `floorview.js` with all of them (SPEC §8:
 * `/widgets/<tag>.js`), and `floorview.min.js`, all of them in one file for a CDN.
 * Each widget is built on its own so a host needs one script tag and gets only its
 * widget's code; what they share is Lit, one chunk built first that every widget
 * imports (so a page with two widgets downloads it once), and what they load lazily
 * (echarts for charts, the agent list's actions, the virtualizer's layout) are chunks
 * fetched when needed. `floorview.min.js` needs none of them but echarts.
 * Everything in `chunks/` has a content hash in its name, and nothing else does: the
 * server caches that folder for good (server/routes/static.ts).
 * Type checking is `npm run typecheck`'s job: the build only transpiles.
 * Rollup runs the builds one after another in this process: the work they have in
 * common (transpiling a module) is done once.
 */
const WIDGETS = {
  'fv-provider': 'widgets/provider/define.ts',
  'fv-agent-list': 'widgets/agent-list/define.ts',
  'fv-queue-realtime': 'widgets/queue-realtime/define.ts',
  'fv-chat': 'widgets/chat/define.ts',
  'fv-agent-desk': 'widgets/agent-desk/define.ts',
  'fv-agent-stats': 'widgets/agent-stats/define.ts',
  'fv-queue-history': 'widgets/queue-history/define.ts',
  'fv-wrapup-stats': 'widgets/wrapup-stats/define.ts',
  'fv-wrapup-reports': 'widgets/wrapup-reports/define.ts',
  'fv-directory-admin': 'widgets/directory-admin/define.ts',
  floorview: 'widgets/floorview.ts',
};

// Chunk names carry a content hash: start from an empty folder so stale ones do not pile up.
rmSync('dist/widgets', { recursive: true, force: true });

/**
 * gzip budgets in KB (issue 3) of what a widget loads before it runs. Since issue 16 that is its file
 * and the shared Lit chunk, which holds all of Lit any widget uses: each budget grew by what its first
 * load grew by when Lit moved out (1.2–2.7 KB), the room left under it unchanged; the live queues and
 * the agent desk, 0.2 KB over theirs before (26.7 of 26.5, 23.2 of 23), got what they load, no room.
 * Issue 12's tokenProvider grew each by what it added (0.4–0.6 KB; its refresh logic is a lazy chunk),
 * and the live queues and the chat, over theirs by 0.1 KB after the stream's field deltas, by that too.
 * Issue 20 goal 7: the agent list's sort order kept between frames (0.3 KB), in both files that carry it.
 */
const BUDGETS = {
  'fv-agent-list.js': 32.7,
  'fv-chat.js': 23.4,
  'fv-agent-desk.js': 26.4,
  'fv-queue-realtime.js': 29.8,
  'fv-agent-stats.js': 28.6,
  'fv-queue-history.js': 29.2,
  'fv-wrapup-stats.js': 28.6,
  'fv-wrapup-reports.js': 27.1,
  // Issue 12: the directory administration, all seven sections and both catalogues in the first load
  // (an admin's page, seldom beside the others); the all-in-one file grew by what it adds (11.4 KB).
  'fv-directory-admin.js': 28.2,
  // and issue 12's sign-in with the OpenID provider by its 0.5 KB (the per-widget files fetch every sign-in form lazily instead).
  'floorview.min.js': 99.4,
};

/**
 * Our TypeScript to JavaScript, a file at a time, with esbuild: the transform the widget tests
 * run (web-test-runner.config.mjs), with the same compiler options, so the bundles carry the
 * decorator and `accessor` semantics the tests prove (standard decorators: no
 * experimentalDecorators in tsconfig.json). Packages in node_modules are JavaScript already.
 */
const tsconfigRaw = JSON.parse(readFileSync('tsconfig.json', 'utf8'));
const transpiled = new Map();
function typescript() {
  return {
    name: 'floorview-typescript',
    // Our imports name the emitted file (`./provider.js` for provider.ts), as TypeScript's module resolution wants.
    resolveId(source, importer) {
      if (!importer?.endsWith('.ts') || !source.startsWith('.') || !source.endsWith('.js')) return null;
      const ts = resolve(dirname(importer), `${source.slice(0, -3)}.ts`);
      return existsSync(ts) ? ts : null;
    },
    async transform(code, id) {
      if (!id.endsWith('.ts') || id.includes('node_modules')) return null;
      const hit = transpiled.get(id);
      if (hit?.source === code) return hit.result;
      const { code: js, map } = await transform(code, { loader: 'ts', format: 'esm', target: 'es2022', tsconfigRaw, sourcemap: 'external', sourcefile: id });
      const result = { code: js, map };
      transpiled.set(id, { source: code, result });
      return result;
    },
  };
}

/**
 * Minified with esbuild too: terser made files 2–4 % smaller but took most of the build time.
 */
function minify() {
  return {
    name: 'floorview-minify',
    async renderChunk(code) {
      const { code: min, map } = await transform(code, { minify: true, format: 'esm', target: 'es2022', legalComments: 'none', sourcemap: 'external' });
      return { code: min, map };
    },
  };
}

/**
 * Chunks built once, before the widgets, that every widget build imports instead of bundling:
 * echarts, registered in widgets/core/charts.ts (`chunks/charts-<hash>.js`, imported lazily by the
 * chart widgets: a page with several fetches echarts once, and the build tree-shakes and minifies
 * it once), and Lit (`chunks/lit-<hash>.js`, imported by every widget).
 */
const CHARTS = resolve('widgets/core/charts.ts');
const charts = { file: null, size: null };
const lit = { file: null, size: null };

/**
 * Every Lit module the widgets or the virtualizer import, with the names taken from it: the Lit chunk
 * exports those and no more (0.6 KB gzip less than all of the modules' exports), and is the one copy
 * of Lit a page runs. Names the virtualizer takes from its own two modules are listed where the
 * widgets take them from. The build stops on a module or a name not listed, and on a listed name no
 * build imports.
 */
const LIT_IMPORTS = {
  lit: ['LitElement', 'css', 'html', 'noChange', 'nothing', 'svg'],
  'lit/decorators.js': ['property', 'state'],
  'lit/async-directive.js': ['AsyncDirective', 'directive', 'PartType'],
  'lit/directive.js': [],
  'lit/decorators/property.js': [],
  'lit/directives/repeat.js': ['repeat'],
  'lit/directives/live.js': ['live'],
  'lit/directives/keyed.js': ['keyed'],
  '@lit/task': ['Task', 'TaskStatus', 'initialState'],
  '@lit/context': ['ContextRoot', 'consume', 'createContext', 'provide'],
};
const LIT_EXPORTS = new Set(Object.values(LIT_IMPORTS).flat());
const litUsed = new Set();
const LIT_PACKAGE = /^(lit|lit-html|lit-element|@lit\/[^/]+)(\/|$)/;
const LIT_ENTRY = '\0floorview-lit';

/**
 * Resolves the shared chunks' imports to their built files (Lit only when `withLit`: floorview.min.js
 * carries its own). Rollup names an absolute external by its path from the input's folder, then
 * imports it relative to each chunk that loads it: named so, it lands at dist/widgets/<file>.
 */
function sharedChunks(input, { withLit }) {
  const external = (shared, what) => {
    if (!shared.file) throw new Error(`the ${what} chunk is built first (rollup.config.js)`);
    return { id: resolve(dirname(input), shared.file), external: 'relative' };
  };
  return {
    name: 'floorview-shared-chunks',
    async resolveId(source, importer, options) {
      if (!importer) return null;
      if (withLit && LIT_PACKAGE.test(source)) {
        if (!(source in LIT_IMPORTS)) this.error(`${importer} imports ${source}: add it to LIT_IMPORTS in rollup.config.js`);
        return external(lit, 'Lit');
      }
      if (!/(^|[\\/])charts\.js$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === CHARTS ? external(charts, 'charts') : resolved;
    },
    generateBundle(_options, bundle) {
      if (!withLit) return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const names = Object.entries(chunk.importedBindings).flatMap(([from, names]) => (basename(from) === basename(lit.file) ? names : []));
        const missing = names.filter((n) => !LIT_EXPORTS.has(n));
        if (missing.length) this.error(`${chunk.fileName} imports ${missing.join(', ')} from Lit: add it to LIT_IMPORTS in rollup.config.js`);
        names.forEach((n) => litUsed.add(n));
      }
    },
  };
}

/**
 * Minifiers leave CSS in `css` template literals as written: esbuild's CSS minifier
 * squeezes those of our own style files (`*.styles.ts`). An interpolation (`${light}`,
 * a list of declarations) stands in as a custom property while it runs; a template that
 * is only declarations is minified inside a rule it is then taken out of.
 */
function minifyCss() {
  const hole = (i) => `--fv-hole-${i}:0`;
  const squeeze = async (body, id) => {
    const holes = [];
    const text = body.replace(/\$\{[^}]*\}/g, (expr) => `${hole(holes.push(expr) - 1)};`);
    const declarations = !text.includes('{');
    const { code, warnings } = await transform(declarations ? `x{${text}}` : text, { loader: 'css', minify: true });
    if (warnings.length) throw new Error(`${id}: ${warnings.map((w) => w.text).join('; ')}`);
    // Declarations end with `;`: the template they are put into goes on after them.
    let out = declarations ? `${code.trim().slice(2, -1)};` : code.trim();
    holes.forEach((expr, i) => {
      const at = new RegExp(`${hole(i)}(;|(?=}))`);
      if (!at.test(out)) throw new Error(`${id}: \`${expr}\` must stand for declarations`);
      out = out.replace(at, expr);
    });
    return out;
  };
  return {
    name: 'floorview-minify-css',
    async transform(code, id) {
      if (!id.endsWith('.styles.ts')) return null;
      const template = /css\s*`([^`]*)`/g;
      const squeezed = await Promise.all([...code.matchAll(template)].map((m) => squeeze(m[1], id)));
      return { code: code.replace(template, () => `css\`${squeezed.shift()}\``), map: null };
    },
  };
}

/** Widgets may `import type` from server/ (erased); server code itself must never reach a bundle. */
function noServerCode() {
  return {
    name: 'floorview-no-server-code',
    load(id) {
      if (/[\\/]server[\\/]/.test(id) && !id.includes('node_modules')) this.error(`${id} is server code: widgets may only \`import type\` from server/`);
      return null;
    },
  };
}

/**
 * Prints each file's size, and each entry's total: what a page loads before the widget runs (the
 * entry and the chunks it imports) and with the chunks it loads lazily. Fails when the former is
 * over the widget's budget.
 */
function sizes() {
  return {
    name: 'floorview-sizes',
    generateBundle(_options, bundle) {
      const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
      const line = (name, size) => console.log(`  ${name.padEnd(30)} ${kb(size.min).padStart(9)} min ${kb(size.gz).padStart(8)} gzip`);
      const shared = [charts, lit].filter((c) => c.file);
      const measured = new Map(shared.map((c) => [c.file, c.size]));
      const local = (name) => (bundle[name] || measured.has(name) ? name : null);
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const size = { min: Buffer.byteLength(file.code), gz: gzipSync(file.code, { level: 9 }).length };
        measured.set(file.fileName, size);
        line(file.fileName, size);
      }
      /** The files `names` load, themselves included, following static imports (and dynamic ones when asked). */
      const closure = (names, dynamic, seen = new Set()) => {
        for (const id of names) {
          const name = local(id);
          if (!name || seen.has(name)) continue;
          seen.add(name);
          if (bundle[name]) closure([...bundle[name].imports, ...(dynamic ? bundle[name].dynamicImports : [])], dynamic, seen);
        }
        return seen;
      };
      const total = (files) => [...files].reduce((t, f) => ({ min: t.min + measured.get(f).min, gz: t.gz + measured.get(f).gz }), { min: 0, gz: 0 });
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk' || !file.isEntry) continue;
        const initial = closure([file.fileName], false);
        const all = closure([file.fileName], true);
        const first = total(initial);
        if (initial.size > 1) line(`${file.fileName} + imports`, first);
        if (all.size > initial.size) line(`${file.fileName} + lazy chunks`, total(all));
        const budget = BUDGETS[file.fileName];
        if (budget && first.gz > budget * 1024) this.error(`${file.fileName} loads ${kb(first.gz)} gzip before it runs, over its ${budget} KB budget`);
      }
    },
  };
}

const plugins = (input, { withLit = true } = {}) => [
  noServerCode(),
  replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
  sharedChunks(input, { withLit }),
  nodeResolve({ browser: true }),
  typescript(),
  minifyCss(),
  minify(),
  sizes(),
];

/** Notes a shared chunk's file name and size for the builds after it. */
const sharedFile = (shared) => ({
  name: 'floorview-shared-file',
  generateBundle(_options, bundle) {
    const [file] = Object.values(bundle).filter((f) => f.type === 'chunk');
    shared.file = file.fileName;
    shared.size = { min: Buffer.byteLength(file.code), gz: gzipSync(file.code, { level: 9 }).length };
  },
});

const chartsBuild = {
  input: CHARTS,
  output: { dir: 'dist/widgets', format: 'es', entryFileNames: 'chunks/charts-[hash].js', sourcemap: true },
  plugins: [...plugins(CHARTS), sharedFile(charts)],
};

const litBuild = {
  input: { lit: LIT_ENTRY },
  // Exports are the Lit chunk's purpose: keep every one of the modules', used by a widget or not.
  preserveEntrySignatures: 'strict',
  output: { dir: 'dist/widgets', format: 'es', entryFileNames: 'chunks/[name]-[hash].js', sourcemap: true },
  plugins: [
    {
      name: 'floorview-lit-entry',
      resolveId: (id) => (id === LIT_ENTRY ? id : null),
      load: (id) => (id === LIT_ENTRY ? Object.entries(LIT_IMPORTS).map(([m, names]) => `export { ${names.join(', ')} } from '${m}';`).join('\n') : null),
    },
    ...plugins(LIT_ENTRY, { withLit: false }),
    sharedFile(lit),
  ],
};

/** All widgets and Lit in one file, for a host copying one file to its CDN: the lazy chunks are inlined, but echarts. */
const cdnBuild = {
  input: 'widgets/floorview.ts',
  output: { dir: 'dist/widgets', format: 'es', entryFileNames: 'floorview.min.js', inlineDynamicImports: true, sourcemap: true },
  plugins: [
    {
      name: 'floorview-lit-used',
      // The last build: every widget build has reported what it imports from Lit.
      buildStart() {
        const unused = [...LIT_EXPORTS].filter((n) => !litUsed.has(n));
        if (unused.length) this.error(`no widget imports ${unused.join(', ')} from Lit: take it out of LIT_IMPORTS in rollup.config.js`);
      },
    },
    ...plugins('widgets/floorview.ts', { withLit: false }),
  ],
};

export default [
  chartsBuild,
  litBuild,
  ...Object.entries(WIDGETS).map(([name, input]) => ({
    input,
    output: { dir: 'dist/widgets', format: 'es', entryFileNames: `${name}.js`, chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true },
    plugins: plugins(input),
  })),
  cdnBuild,
];
