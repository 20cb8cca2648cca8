/**
 * npm run store:copy's throughput and memory (issue 18 point 4): each round copies the same
 * SQLite file into a new database of one throwaway cluster with a production's durability
 * (bench/lib/postgres-bench.ts), the copy its own process under /usr/bin/time for its peak
 * memory. Rows per second count the copy alone (its "Copied … in … s", without the check at the
 * end). The benchmarks' former loader, the anchor of BENCHMARKS.md's first table, now calls this
 * same code (bench/lib/load-into-postgres.ts), so it is no anchor any more.
 *
 *   node --import tsx bench/store-copy.ts --db <SQLite file> [--rounds 3]
 * (a centre from npm run seed -- --days 28 --agents 60 --queues 8 --db <file>)
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startBenchCluster } from './lib/postgres-bench.js';
import { median, printTable, saveResult } from './lib/report.js';

const { values } = parseArgs({ options: { db: { type: 'string' }, rounds: { type: 'string', default: '3' } }, strict: true });
if (!values.db || !existsSync(values.db)) throw new Error('--db <SQLite file> (an existing centre) is required');
const file = values.db;

interface Turn {
  rows: number;
  seconds: number;
  peakMiB: number;
}

function timed(args: string[]): Promise<{ out: string; peakMiB: number }> {
  const child = spawn('/usr/bin/time', ['-f', 'peak-rss-kib %M', process.execPath, '--import', 'tsx', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => {
      const peak = /peak-rss-kib (\d+)/.exec(err);
      if (code !== 0 || !peak) reject(new Error(`${args.join(' ')} failed (${code}):\n${out}\n${err}`));
      else resolve({ out, peakMiB: Number(peak[1]) / 1024 });
    }),
  );
}

async function storeCopy(url: string): Promise<Turn> {
  const { out, peakMiB } = await timed(['server/store-copy/store-copy-cli.ts', '--from', file, '--to', url]);
  const done = /Copied (\d+) rows of \d+ tables in ([\d.]+) s/.exec(out);
  if (!done || !/Verified/.test(out)) throw new Error(`store:copy did not copy and verify:\n${out}`);
  return { rows: Number(done[1]), seconds: Number(done[2]), peakMiB };
}

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const bench = await startBenchCluster();
const turns: Turn[] = [];
const loadBefore = load();
try {
  const rounds = Number(values.rounds);
  for (let round = 0; round < rounds; round++) {
    const turn = await storeCopy(bench.database(`copy_${round}`));
    turns.push(turn);
    console.log(`round ${round + 1}: ${turn.rows} rows in ${turn.seconds.toFixed(1)} s, peak ${turn.peakMiB.toFixed(0)} MiB (load ${load()})`);
  }
} finally {
  bench.remove();
}
const loadAfter = load();
const summary = [
  {
    rows: turns[0]!.rows,
    'median s': median(turns.map((t) => t.seconds)).toFixed(1),
    'median rows/s': Math.round(median(turns.map((t) => t.rows / t.seconds))),
    'median peak MiB': Math.round(median(turns.map((t) => t.peakMiB))),
  },
];
printTable(summary);
console.log(`load average before: ${loadBefore}; after: ${loadAfter}`);
saveResult('store-copy', { file, turns, summary, loadBefore, loadAfter });
