/**
 * `npm run seed` into a new SQLite file, this checkout beside others (`--baseline CHECKOUT`, repeatable: a
 * commit before a change, `git archive <commit>` unpacked with node_modules linked), alternating in one run
 * with the order flipped each round, so a change in the machine's load falls on every side. Each run is the
 * CLI as a user starts it (tsx, its own process), timed from spawn to exit; the CLI's own events/s is kept too.
 *
 *   node --import tsx bench/seed-cli.ts [--rounds 5] [--days 2] [--agents 60] [--queues 8] --baseline CHECKOUT
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { median, printTable, saveResult } from './lib/report.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    days: { type: 'string', default: '2' },
    agents: { type: 'string', default: '60' },
    queues: { type: 'string', default: '8' },
    baseline: { type: 'string', multiple: true, default: [] },
  },
});
const checkouts = [process.cwd(), ...values.baseline.map((c) => resolve(c))];
const dir = mkdtempSync(join(tmpdir(), 'floorview-bench-seed-'));

interface Run {
  seconds: number;
  eventsPerSecond: number;
  events: number;
}

function seed(checkout: string, db: string): Promise<Run> {
  const args = ['--import', 'tsx', 'server/wiring/backfill-cli.ts', '--days', values.days, '--agents', values.agents, '--queues', values.queues, '--db', db];
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: checkout, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, FLOORVIEW_DATABASE_URL: '' } });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((done, fail) =>
    child.once('exit', (code) => {
      if (code !== 0) return fail(new Error(`seed in ${checkout} exited ${code}:\n${out}`));
      const figure = (label: string) => Number(new RegExp(`^ +${label} +(\\d+)`, 'm').exec(out)?.[1]);
      done({ seconds: (performance.now() - t0) / 1000, eventsPerSecond: figure('events/s'), events: figure('events') });
    }),
  );
}

const runs = new Map<string, Run[]>(checkouts.map((c) => [c, []]));
const loadBefore = loadavg();
try {
  for (let round = 0; round < Number(values.rounds); round++) {
    const order = round % 2 === 0 ? checkouts : [...checkouts].reverse();
    for (const checkout of order) {
      const db = join(dir, `seed-${round}-${checkouts.indexOf(checkout)}.db`);
      const run = await seed(checkout, db);
      runs.get(checkout)!.push(run);
      console.log(`round ${round + 1}: ${checkout}: ${run.seconds.toFixed(1)} s, ${run.eventsPerSecond} events/s (CLI's), ${run.events} events`);
      rmSync(db, { force: true });
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const loadAfter = loadavg();
const first = median(runs.get(checkouts[0]!)!.map((r) => r.seconds));
const rows = checkouts.map((c) => {
  const rs = runs.get(c)!;
  const seconds = median(rs.map((r) => r.seconds));
  return {
    checkout: c,
    events: rs[0]!.events,
    'median s': seconds.toFixed(1),
    'median events/s (CLI)': median(rs.map((r) => r.eventsPerSecond)),
    'time ÷ this checkout': (seconds / first).toFixed(2),
  };
});
printTable(rows);
console.log(`load average ${loadBefore.map((l) => l.toFixed(1)).join(' ')} before, ${loadAfter.map((l) => l.toFixed(1)).join(' ')} after`);
saveResult('seed-cli', { args: values, loadBefore, loadAfter, runs: Object.fromEntries(runs) });
