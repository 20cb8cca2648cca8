/*
 * npm run rollups:rebuild on a SQLite centre, this checkout beside another (the commit before a change), alternating:
 *   node --import tsx bench/rebuild-cli.ts --db data/centre.db --baseline /tmp/before [--rounds 4] [--time-zone America/Chicago]
 * Each run rebuilds a fresh copy of --db. Reports per side the median of the process's wall time, of the
 * command's own "done in" and of its facts step, with the load average before and after.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { db: { type: 'string' }, baseline: { type: 'string' }, rounds: { type: 'string', default: '4' }, 'time-zone': { type: 'string', default: 'America/Chicago' } },
  strict: true,
});
if (!values.db || !values.baseline) throw new Error('--db <SQLite centre> and --baseline <checkout> are required');

/** The rebuild command lived in server/history/ before it moved to server/wiring/. */
const cliOf = (checkout: string) => ['server/wiring/rebuild-cli.ts', 'server/history/rebuild-cli.ts'].find((f) => existsSync(join(checkout, f)))!;
const sides = { baseline: resolve(values.baseline), this: resolve('.') };
const scratch = mkdtempSync(join(tmpdir(), 'floorview-rebuild-bench-'));
const results: Record<string, { wall: number[]; done: number[]; facts: number[] }> = { baseline: { wall: [], done: [], facts: [] }, this: { wall: [], done: [], facts: [] } };
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

console.log(`load before: ${load()}`);
try {
  for (let round = 1; round <= Number(values.rounds); round++) {
    for (const [side, checkout] of Object.entries(sides)) {
      const db = join(scratch, `${side}.db`);
      copyFileSync(values.db, db);
      const t0 = performance.now();
      const out = execFileSync(process.execPath, ['--import', 'tsx', cliOf(checkout), '--db', db, '--time-zone', values['time-zone']], { cwd: checkout }).toString();
      const wall = (performance.now() - t0) / 1000;
      const done = Number(/done in ([\d.]+) s/.exec(out)![1]);
      const facts = Number(/^facts .* in ([\d.]+) s$/m.exec(out)![1]);
      results[side]!.wall.push(wall);
      results[side]!.done.push(done);
      results[side]!.facts.push(facts);
      console.log(`round ${round} ${side}: process ${wall.toFixed(2)} s, done in ${done} s, facts ${facts} s`);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(`load after: ${load()}`);
for (const [side, r] of Object.entries(results)) {
  console.log(`${side}: median process ${median(r.wall).toFixed(2)} s, done in ${median(r.done)} s, facts ${median(r.facts)} s`);
}
