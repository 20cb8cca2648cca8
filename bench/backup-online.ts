/**
 * Online backup: how long `npm run backup` takes beside a running server, how big the copy
 * is, and what live traffic feels meanwhile.
 *
 * Seeds a database with `--days` of simulated history (`npm run seed`), starts a server
 * process on it, posts a small live batch every 50 ms and times each answer: for 5 s
 * before, while `npm run backup` runs in its own process, and for 5 s after.
 *
 *   node --import tsx bench/backup-online.ts [--days 30] [--agents 100] [--queues 8] [--calls-per-day 4000]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { startServerProcess } from '../test/support/server-process.js';
import { percentile, printTable, saveResult } from './lib/report.js';

const { values } = parseArgs({
  options: {
    days: { type: 'string', default: '30' },
    agents: { type: 'string', default: '100' },
    queues: { type: 'string', default: '8' },
    'calls-per-day': { type: 'string', default: '4000' },
  },
});
const dir = mkdtempSync(join(tmpdir(), 'floorview-bench-backup-'));
const dbFile = join(dir, 'live.db');
const backupFile = join(dir, 'backup.db');

function measure() {
  const db = new Database(dbFile);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const events = db.prepare('select count(*) from events').pluck().get() as number;
  const calls = db.prepare('select count(*) from calls').pluck().get() as number;
  const autoVacuum = db.pragma('auto_vacuum', { simple: true }) as number;
  db.close();
  const size = statSync(dbFile).size + (existsSync(`${dbFile}-wal`) ? statSync(`${dbFile}-wal`).size : 0);
  return { events, calls, mb: size / 1024 / 1024, autoVacuum };
}

try {
  console.log(`Seeding ${values.days} days…`);
  const seeded = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'server/wiring/backfill-cli.ts', '--days', values.days, '--agents', values.agents, '--queues', values.queues, '--calls-per-day', values['calls-per-day'], '--db', dbFile],
    { stdio: 'inherit' },
  );
  if (seeded.status !== 0) throw new Error('seeding failed');
  const before = measure();
  console.log(`before: ${before.events} events, ${before.calls} calls, ${before.mb.toFixed(1)} MB (auto_vacuum ${before.autoVacuum})`);

  const centre = JSON.parse(readFileSync(`${dbFile}.centre.json`, 'utf8')) as { agents: { id: string }[]; integrationKeys: { secret: string }[] };
  const server = await startServerProcess({ FLOORVIEW_DB: dbFile, FLOORVIEW_DIRECTORY: `${dbFile}.centre.json`, FLOORVIEW_SIMULATOR: 'off' });
  let out = '';
  let backupDone = false;
  let backupSeconds = 0;
  let phase: 'before' | 'during' | 'after' = 'before';
  const samples: Record<string, number[]> = { before: [], during: [], after: [] };
  const load: Record<string, number> = {};
  let n = 0;
  let afterSince = 0;
  const t0 = performance.now();
  while (true) {
    if (phase === 'before' && performance.now() - t0 > 5_000) {
      phase = 'during';
      load.during = loadavg()[0]!;
      const b0 = performance.now();
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/ops/backup-cli.ts', '--db', dbFile, '--to', backupFile], { stdio: ['ignore', 'pipe', 'inherit'] });
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.once('exit', (code) => {
        if (code !== 0) throw new Error(`backup failed with ${code}`);
        backupSeconds = (performance.now() - b0) / 1000;
        backupDone = true;
      });
    }
    if (phase === 'during' && backupDone) {
      phase = 'after';
      afterSince = performance.now();
    }
    if (phase === 'after' && performance.now() - afterSince > 5_000) break;
    if (performance.now() - t0 > 600_000) throw new Error('the backup did not finish in 10 minutes');
    const at = new Date().toISOString();
    const events = Array.from({ length: 20 }, (_, i) => ({
      id: `live-${++n}`,
      type: 'agent.state_changed',
      agentId: centre.agents[(n + i) % centre.agents.length]!.id,
      state: n % 2 ? 'available' : 'unavailable',
      at,
    }));
    const s = performance.now();
    const res = await fetch(`${server.url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${centre.integrationKeys[0]!.secret}` },
      body: JSON.stringify({ events }),
    });
    await res.text();
    if (res.status !== 200) throw new Error(`ingest failed: ${res.status}`);
    samples[phase]!.push(performance.now() - s);
    await new Promise((r) => setTimeout(r, 50));
  }
  const line = /Backed up .*/.exec(out)?.[0] ?? '';
  await server.stop('SIGTERM');
  const copyMb = statSync(backupFile).size / 1024 / 1024;
  const rows = (['before', 'during', 'after'] as const).map((p) => ({
    phase: p,
    requests: samples[p]!.length,
    'p50 ms': percentile(samples[p]!, 50).toFixed(1),
    'p99 ms': percentile(samples[p]!, 99).toFixed(1),
    'max ms': Math.max(...samples[p]!).toFixed(1),
  }));
  printTable(rows);
  console.log(line);
  console.log(`backup: ${backupSeconds.toFixed(1)} s (process start included), copy ${copyMb.toFixed(1)} MB; load average ${load.during?.toFixed(2)} when it started`);
  saveResult('backup-online', { days: Number(values.days), before, backupSeconds, copyMb, backup: line, latency: rows, loadAverage: load.during });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
