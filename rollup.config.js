import { rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

/**
 * One self-contained ES module per widget, plus `floorview.js` with all of them
 * (SPEC §8: `/widgets/<tag>.js`). Each is built on its own so a host needs one
 * script tag; only code imported lazily (echarts for charts, the virtualizer's
 * layout) becomes a separate chunk, fetched by the entry when needed.
 * Type checking is `npm run typecheck`'s job: the build only transpiles.
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
const BUDGETS = { 'fv-agent-list.js': 30, 'fv-chat.js': 20, 'fv-agent-desk.js': 22, 'fv-queue-realtime.js': 25, 'fv-agent-stats.js': 25, 'fv-queue-history.js': 25, 'fv-wrapup-stats.js': 25, 'fv-wrapup-reports.js': 25 };

/**
 * Terser leaves CSS in `css` template literals as written: collapse comments and
 * whitespace in our own style files (`*.styles.ts`), keeping `${…}` interpolations.
 */
function minifyCss() {
  const squeeze = (text) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{}:;,>])\s*/g, '$1')
      .replace(/;}/g, '}');
  return {
    name: 'floorview-minify-css',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return null;
      const out = code.replace(/css\s*`([^`]*)`/g, (_whole, body) => `css\`${body.split(/(\$\{[^}]*\})/).map((part, i) => (i % 2 ? part : squeeze(part))).join('')}\``);
      return { code: out, map: null };
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
      const measured = new Map();
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const size = { min: Buffer.byteLength(file.code), gz: gzipSync(file.code, { level: 9 }).length };
        measured.set(file.fileName, size);
        line(file.fileName, size);
      }
      /** The files `names` load, themselves included, following static imports (and dynamic ones when asked). */
      const closure = (names, dynamic, seen = new Set()) => {
        for (const name of names) {
          if (seen.has(name) || !bundle[name]) continue;
          seen.add(name);
          closure([...bundle[name].imports, ...(dynamic ? bundle[name].dynamicImports : [])], dynamic, seen);
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

export default Object.entries(WIDGETS).map(([name, input]) => ({
  input,
  output: {
    dir: 'dist/widgets',
    format: 'es',
    entryFileNames: `${name}.js`,
    chunkFileNames: 'chunks/[name]-[hash].js',
    // tslib (TypeScript's decorator helpers, and echarts' class helpers) in a chunk of its own: the
    // charts chunk then depends on nothing of the entry that loaded it, so every widget's build emits
    // the same file under the same name, and a page with several chart widgets fetches echarts once.
    manualChunks: (id) => (/[\\/]node_modules[\\/]tslib[\\/]/.test(id) ? 'tslib' : undefined),
    sourcemap: true,
  },
  plugins: [
    noServerCode(),
    replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
    nodeResolve({ browser: true }),
    typescript({ tsconfig: './tsconfig.widgets.json', outputToFilesystem: false }),
    minifyCss(),
    terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
    sizes(),
  ],
}));
