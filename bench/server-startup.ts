/**
 * Server startup before and after issue 16: `node --import tsx server/main.ts` (TypeScript
 * compiled as it loads, what `npm start` ran) beside `node dist/server/main.js` (compiled once
 * by scripts/build-server.mjs, what it runs now). Each start is timed from spawning the process
 * to the first `GET /api/v1/health` answering 200, on a database already seeded (a restart,
 * the simulated centre on, as `npm start` runs it). The two alternate, the first of a pair
 * swapping each round, so a busy moment of the shared machine falls on both.
 *
 *   node --import tsx bench/server-startup.ts [--runs 9] [--days 14]
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '../test/support/server-process.js';
import { median, printTable, saveResult } from './lib/report.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' }, days: { type: 'string', default: '14' } } });
const dir = mkdtempSync(join(tmpdir(), 'floorview-bench-startup-'));
const db = join(dir, 'start.db');

const VARIANTS = {
  tsx: ['--import', 'tsx', 'server/main.ts'],
  compiled: ['dist/server/main.js'],
} as const;
type Variant = keyof typeof VARIANTS;

/** Milliseconds from spawn to the first healthy answer, and the 1-minute load average then. */
async function start(variant: Variant): Promise<{ ms: number; load: number }> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, VARIANTS[variant], {
    env: { ...process.env, FLOORVIEW_DB: db, FLOORVIEW_DIRECTORY: `${db}.centre.json`, HOST: '127.0.0.1', PORT: String(port) },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${variant} exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then((r) => r.ok, () => false);
      if (ok) return { ms: performance.now() - t0, load: loadavg()[0]! };
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    await new Promise((r) => {
      child.once('exit', r);
      child.kill('SIGTERM');
    });
  }
}

try {
  console.log(`Seeding ${values.days} days of the default centre…`);
  const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'server/wiring/backfill-cli.ts', '--days', values.days, '--db', db], { stdio: 'inherit' });
  if (seeded.status !== 0) throw new Error('seeding failed');
  const b0 = performance.now();
  if (spawnSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' }).status !== 0) throw new Error('compiling failed');
  const compileMs = performance.now() - b0;

  const samples: Record<Variant, { ms: number; load: number }[]> = { tsx: [], compiled: [] };
  await start('tsx'); // warms the OS file cache and tsx's own cache for both sides alike
  await start('compiled');
  for (let i = 0; i < Number(values.runs); i++) {
    const order: Variant[] = i % 2 ? ['compiled', 'tsx'] : ['tsx', 'compiled'];
    for (const v of order) samples[v].push(await start(v));
    console.log(`round ${i + 1}: tsx ${samples.tsx.at(-1)!.ms.toFixed(0)} ms, compiled ${samples.compiled.at(-1)!.ms.toFixed(0)} ms`);
  }
  const row = (v: Variant) => ({
    start: v === 'tsx' ? 'node --import tsx server/main.ts' : 'node dist/server/main.js',
    'median ms': median(samples[v].map((s) => s.ms)).toFixed(0),
    'min ms': Math.min(...samples[v].map((s) => s.ms)).toFixed(0),
    'max ms': Math.max(...samples[v].map((s) => s.ms)).toFixed(0),
    'median load': median(samples[v].map((s) => s.load)).toFixed(2),
  });
  printTable([row('tsx'), row('compiled')]);
  console.log(`compiling the server (scripts/build-server.mjs): ${compileMs.toFixed(0)} ms, once per change`);
  saveResult('server-startup', { runs: Number(values.runs), days: Number(values.days), compileMs, samples });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
