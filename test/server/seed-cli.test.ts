import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { centre } from '../support/centre.js';
import { storeEnv } from '../support/test-store.js';
import { startHarness } from './harness.js';

interface Run {
  code: number | null;
  out: string;
  err: string;
}

/** Runs the seed as `npm run seed -- …` does, with a clean environment for the store. */
function seed(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/wiring/backfill-cli.ts', ...args], {
    env: { ...process.env, FLOORVIEW_DATABASE_URL: '', FLOORVIEW_DB: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((r) => child.once('exit', (code) => r({ code, out, err })));
}

describe('npm run seed', () => {
  let dir: string;
  let db: string;
  let directory: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'floorview-seed-'));
    // The run's store: the harness's SQLite file, or its PostgreSQL database (FLOORVIEW_TEST_STORE=postgres).
    db = storeEnv(dir).FLOORVIEW_DATABASE_URL ?? join(dir, 'floorview.db');
    directory = join(dir, 'centre.json');
    writeFileSync(directory, JSON.stringify(centre));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('fills the store with simulated history that a server started on it reports', async () => {
    const run = await seed(['--days', '0.5', '--calls-per-day', '2000', '--directory', directory, '--db', db]);
    assert.equal(run.code, 0, run.err);
    const calls = Number(/^ +calls +(\d+)$/m.exec(run.out)?.[1]);
    assert.ok(calls > 100, `about 500 calls in half a day at 2,000 a day:\n${run.out}`);

    const h = await startHarness({ dir });
    try {
      const today = new Date().toISOString().slice(0, 10);
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      const res = await h.get(`/api/v1/stats/queues?from=${yesterday}&to=${today}&tz=UTC`, await h.login('sam'));
      assert.equal(res.status, 200);
      const { queues } = (await res.json()) as { queues: { queueId: string; totalCalls: number; answered: number }[] };
      const total = queues.reduce((sum, q) => sum + q.totalCalls, 0);
      // Every inbound call the seed simulated is one the statistics count (outbound calls are not queued).
      assert.ok(total > 100 && total <= calls, `${total} queued calls of ${calls}`);
      assert.ok(queues.every((q) => q.answered > 0), JSON.stringify(queues));
    } finally {
      await h.close({ keepFiles: true });
    }
  });

  it('refuses a store that already holds events', async () => {
    const run = await seed(['--days', '0.1', '--directory', directory, '--db', db]);
    assert.equal(run.code, 2);
    assert.match(run.err, /already holds events \(up to #\d+\); seed a new, empty database/);
  });

  it('says what is wrong with a --db that is not a PostgreSQL URL it can use', async () => {
    const run = await seed(['--days', '0.1', '--directory', directory, '--db', 'postgres://user@[bad']);
    assert.equal(run.code, 2);
    assert.match(run.err, /FLOORVIEW_DATABASE_URL: must be postgres:\/\/user:password@host:5432\/database/);
  });
});
