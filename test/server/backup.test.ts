import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { waitUntil } from '../support/wait-until.js';
import { centre, INTEGRATION } from './harness.js';

/** Runs an npm script's CLI (as `npm run backup -- …` does) and collects its exit code and output. */
function cli(script: 'backup' | 'restore', args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', `server/ops/${script}-cli.ts`, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((r) => child.once('exit', (code) => r({ code, out })));
}

/** `n` answered and wrapped-up calls as one batch, an hour ago, spread over the agents and queues. */
function batch(tag: string, n: number) {
  const t0 = Date.now() - 3_600_000;
  const who = [
    ['a-1', 'q-sales'],
    ['a-2', 'q-sales'],
    ['a-3', 'q-support'],
    ['a-4', 'q-support'],
  ] as const;
  return Array.from({ length: n }, (_, i) => {
    const callId = `${tag}-c${i}`;
    const [agentId, queueId] = who[i % 4]!;
    const t = t0 + i * 1000;
    const at = (s: number) => new Date(t + s * 1000).toISOString();
    return [
      { id: `${callId}-1`, type: 'call.queued', callId, queueId, at: at(0) },
      { id: `${callId}-2`, type: 'call.offered', callId, agentId, at: at(3 + (i % 5)) },
      { id: `${callId}-3`, type: 'call.answered', callId, agentId, at: at(6 + (i % 5)) },
      { id: `${callId}-4`, type: 'call.ended', callId, by: 'agent', at: at(60 + (i % 7) * 5) },
      { id: `${callId}-5`, type: 'wrapup.started', callId, agentId, at: at(60 + (i % 7) * 5) },
      { id: `${callId}-6`, type: 'wrapup.completed', callId, agentId, reasonId: i % 3 ? 'w-resolved' : 'w-followup', at: at(80 + (i % 7) * 5) },
    ];
  }).flat();
}

async function post(url: string, events: object[]): Promise<Response> {
  return fetch(`${url}/api/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...INTEGRATION },
    body: JSON.stringify({ events }),
  });
}

async function statistics(url: string) {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'sam@example.com', password: 'sam-password' }),
  });
  const headers = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const range = `from=${day(-1)}&to=${day(0)}&tz=UTC`;
  const answers: Record<string, unknown> = {};
  for (const what of ['queues', 'agents', 'wrapups']) {
    const res = await fetch(`${url}/api/v1/stats/${what}?${range}`, { headers });
    assert.equal(res.status, 200);
    answers[what] = await res.json();
  }
  return answers;
}

describe('online backup and restore', () => {
  let dir: string;
  const servers: ServerProcess[] = [];
  // The backup copies the SQLite file, so these servers are on SQLite whichever store the run tests (no storeEnv);
  // a PostgreSQL centre's backups are pg_dump's, as the last test checks.
  const envFor = (db: string) => ({
    FLOORVIEW_DB: join(dir, db),
    FLOORVIEW_DIRECTORY: join(dir, 'centre.json'),
    FLOORVIEW_SIMULATOR: 'off',
  });
  const start = async (db: string) => {
    const s = await startServerProcess(envFor(db));
    servers.push(s);
    return s;
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'floorview-backup-'));
    writeFileSync(join(dir, 'centre.json'), JSON.stringify(centre));
  });
  after(async () => {
    for (const s of servers) await s.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes a backup from a server under ingest load that restores to a server with the same statistics', async () => {
    const source = await start('source.db');
    const backupFile = join(dir, 'backup.db');

    // Steady ingestion: whole batches of 20 calls, recorded as acknowledged.
    const acked: string[][] = [];
    let stop = false;
    let n = 0;
    const poster = async () => {
      while (!stop) {
        const events = batch(`b${++n}`, 20);
        const res = await post(source.url, events);
        assert.equal(res.status, 200, await res.clone().text());
        await res.body?.cancel();
        acked.push(events.map((e) => e.id));
      }
    };
    const load = [poster(), poster()];
    await waitUntil(() => acked.length >= 20, 'twenty batches acknowledged under load');

    const ackedBefore = acked.length;
    const backup = await cli('backup', ['--db', join(dir, 'source.db'), '--to', backupFile]);
    const ackedAfter = acked.length;
    stop = true;
    await Promise.all(load);
    assert.equal(backup.code, 0, backup.out);
    assert.match(backup.out, /Backed up .* events through #\d+/);

    // A consistent snapshot: every batch acknowledged before it began, and whole batches only.
    const copy = new Database(backupFile, { readonly: true });
    const ids = new Set(copy.prepare('select id from events').pluck().all() as string[]);
    const wire = (copy.prepare('select type, id, at, agent_id, call_id, queue_id, data from events order by seq').all() as Record<string, string | number | null>[]).map(
      (r) => ({
        id: r.id,
        type: r.type,
        at: new Date(r.at as number).toISOString(),
        ...(r.agent_id !== null ? { agentId: r.agent_id } : {}),
        ...(r.call_id !== null ? { callId: r.call_id } : {}),
        ...(r.queue_id !== null ? { queueId: r.queue_id } : {}),
        ...(r.data !== null ? JSON.parse(r.data as string) : {}),
      }),
    );
    copy.close();
    for (const [i, b] of acked.entries()) {
      const present = b.filter((id) => ids.has(id)).length;
      if (i < ackedBefore) assert.equal(present, b.length, `batch ${i}, acknowledged before the backup, is in it`);
      else assert.ok(present === 0 || present === b.length, `batch ${i} is in it whole or not at all (${present})`);
    }
    assert.ok(ids.size >= ackedBefore * 120, 'the copy holds the batches acknowledged before it');
    assert.ok(ackedAfter >= ackedBefore, 'ingestion went on meanwhile');

    // Restore refuses while a server has the database open.
    const refused = await cli('restore', ['--from', backupFile, '--db', join(dir, 'source.db')]);
    assert.equal(refused.code, 1);
    assert.match(refused.out, /open in another process: stop the server first/);

    // Stop it, restore over its file, start again.
    await source.stop('SIGTERM');
    const restored = await cli('restore', ['--from', backupFile, '--db', join(dir, 'source.db')]);
    assert.equal(restored.code, 0, restored.out);
    const back = await start('source.db');

    // The reference: a fresh server given exactly the events in the backup, in their order.
    const reference = await start('reference.db');
    for (let i = 0; i < wire.length; i += 5_000) {
      const res = await post(reference.url, wire.slice(i, i + 5_000));
      assert.equal(res.status, 200, await res.clone().text());
    }
    const expected = await statistics(reference.url);
    assert.ok(((expected.queues as { kpis: { answered: number } }).kpis.answered) >= ackedBefore * 20);
    assert.deepEqual(await statistics(back.url), expected);
    // And the restored log is the backup's: re-posting it is all duplicates.
    const again = await post(back.url, wire.slice(0, 5_000));
    assert.equal(((await again.json()) as { duplicates: number }).duplicates, Math.min(5_000, wire.length));
  });

  it('says to use PostgreSQL’s own backups when the centre is on PostgreSQL, and touches no file', async () => {
    const target = join(dir, 'never.db');
    const onUrl = await cli('backup', ['--to', target], { FLOORVIEW_DATABASE_URL: 'postgres://floorview@127.0.0.1:1/floorview' });
    assert.equal(onUrl.code, 2, onUrl.out);
    assert.match(onUrl.out, /PostgreSQL \(FLOORVIEW_DATABASE_URL\).*pg_dump/);
    const restore = await cli('restore', ['--from', target, '--db', 'postgresql://floorview@127.0.0.1:1/floorview']);
    assert.equal(restore.code, 2, restore.out);
    assert.match(restore.out, /pg_restore/);
    assert.equal(existsSync(target), false);
  });
});
