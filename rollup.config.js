import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import { transform } from 'esbuild';

/**
 * One self-contained ES module per widget, plus `floorview.js` with all of them
 * (SPEC §8: `/widgets/<tag>.js`). Each is built on its own so a host needs one
 * script tag; only code imported lazily (echarts for charts, the virtualizer's
 * layout) becomes a separate chunk, fetched by the entry when needed.
 * Type checking is `npm run typecheck`'s job: the build only transpiles.
 * Rollup runs the builds one after another in this process: the work they have in
 * common (transpiling a module) is done once, and echarts is bundled once, first, as
 * the charts chunk every chart widget loads lazily (below).
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
  floorview: 'widgets/floorview.ts',
};

// Chunk names carry a content hash: start from an empty folder so stale ones do not pile up.
rmSync('dist/widgets', { recursive: true, force: true });

/** gzip budgets in KB (issue 3). */
const BUDGETS = { 'fv-agent-list.js': 30.5, 'fv-chat.js': 20, 'fv-agent-desk.js': 23, 'fv-queue-realtime.js': 26.5, 'fv-agent-stats.js': 26, 'fv-queue-history.js': 26.5, 'fv-wrapup-stats.js': 26, 'fv-wrapup-reports.js': 25 };

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
 * echarts, registered in widgets/core/charts.ts, in one chunk of its own (`chunks/charts-<hash>.js`),
 * built once before the widgets: every chart widget's build leaves it out and imports that file
 * lazily, so a page with several chart widgets fetches echarts once, and the build tree-shakes and
 * minifies echarts once instead of once per chart widget.
 */
const CHARTS = resolve('widgets/core/charts.ts');
const charts = { file: null, size: null };
const chartsId = (input) => resolve(dirname(input), charts.file);
function chartsChunk(input) {
  return {
    name: 'floorview-charts-chunk',
    async resolveId(source, importer, options) {
      if (!importer || !/(^|[\\/])charts\.js$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (resolved?.id !== CHARTS) return resolved;
      if (!charts.file) this.error('the charts chunk is built first (the first build of rollup.config.js)');
      // Rollup names an absolute external by its path from the input's folder, then imports it
      // relative to each chunk that loads it: named so, it lands at dist/widgets/<charts.file>.
      return { id: chartsId(input), external: true };
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
      const measured = new Map(charts.file ? [[charts.file, charts.size]] : []);
      const local = (name) => (bundle[name] || name === charts.file ? name : null);
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

const plugins = (input) => [
  noServerCode(),
  replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
  chartsChunk(input),
  nodeResolve({ browser: true }),
  typescript(),
  minifyCss(),
  minify(),
  sizes(),
];

const chartsBuild = {
  input: CHARTS,
  output: { dir: 'dist/widgets', format: 'es', entryFileNames: 'chunks/charts-[hash].js', sourcemap: true },
  plugins: [
    ...plugins(CHARTS),
    {
      name: 'floorview-charts-file',
      generateBundle(_options, bundle) {
        const [file] = Object.values(bundle).filter((f) => f.type === 'chunk');
        charts.file = file.fileName;
        charts.size = { min: Buffer.byteLength(file.code), gz: gzipSync(file.code, { level: 9 }).length };
      },
    },
  ],
};

export default [
  chartsBuild,
  ...Object.entries(WIDGETS).map(([name, input]) => ({
    input,
    output: { dir: 'dist/widgets', format: 'es', entryFileNames: `${name}.js`, chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true },
    plugins: plugins(input),
  })),
];
