import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { psql, startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { waitUntil } from '../support/wait-until.js';
import { SIMULATED, STEP_MS } from './e2e-run.js';

/**
 * `FLOORVIEW_DATABASE_URL=postgres://… npm start` (issue 18): the simulated demo on an empty PostgreSQL
 * database of a throwaway cluster backfills its history there, and the statistics, reports and chat
 * answer from it; restarted on the same database it carries on, without a second backfill.
 */
describe('the demo on PostgreSQL', () => {
  let cluster: PostgresCluster;
  let dir: string;
  let env: Record<string, string>;
  let database: string;
  let server: ServerProcess;
  let auth: Record<string, string>;

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}/api/v1${path}`, { ...init, headers: { 'content-type': 'application/json', ...auth, ...init.headers } });
  const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
  const queueStats = async () => {
    const res = await api(`/stats/queues?from=${day(-1)}&to=${day(0)}&tz=UTC`);
    assert.equal(res.status, 200);
    return ((await res.json()) as { queues: { queueId: string; totalCalls: number; answered: number }[] }).queues;
  };
  const signIn = async () => {
    const res = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.com', password: 'floorview-demo' }),
    });
    assert.equal(res.status, 200);
    auth = { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
  };

  before(async () => {
    cluster = await startPostgresCluster();
    dir = mkdtempSync(join(tmpdir(), 'floorview-demo-pg-'));
    psql(cluster.adminUrl, 'create database floorview');
    const url = new URL(cluster.adminUrl);
    url.pathname = '/floorview';
    database = url.toString();
    // FLOORVIEW_DB too, to see that nothing is written to a SQLite file.
    env = { ...SIMULATED, FLOORVIEW_DATABASE_URL: database, FLOORVIEW_DB: join(dir, 'not-used.db') };
    server = await startServerProcess(env);
    await signIn();
  });

  after(async () => {
    await server?.stop();
    cluster?.remove();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('backfills the simulated history into PostgreSQL and serves its statistics', async () => {
    const queues = await queueStats();
    const total = queues.reduce((sum, q) => sum + q.totalCalls, 0);
    assert.ok(total > 100, `a simulated day of calls in the statistics, got ${total}: ${JSON.stringify(queues)}`);
    assert.ok(queues.some((q) => q.answered > 0));
    assert.ok(Number(psql(database, 'select count(*) from calls')) > 0, 'the call facts are in PostgreSQL');
    assert.equal(existsSync(env.FLOORVIEW_DB!), false, 'no SQLite file');
  });

  it('generates a wrap-up report from the backfilled calls', async () => {
    const created = await api('/reports', { method: 'POST', body: JSON.stringify({ from: day(-1), to: day(0), tz: 'UTC' }) });
    assert.equal(created.status, 202);
    const location = created.headers.get('location')!;
    const id = location.split('/').pop()!;
    const report = await waitUntil(
      async () => {
        const r = (await (await api(`/reports/${id}`)).json()) as { status: string };
        assert.notEqual(r.status, 'failed');
        return r.status === 'ready' && r;
      },
      'the report generated',
      { timeoutMs: STEP_MS, intervalMs: 200 },
    );
    assert.equal(report.status, 'ready');
    const csv = await (await api(`/reports/${id}/csv`)).text();
    assert.ok(csv.trim().split('\n').length > 10, `wrap-up rows in the CSV:\n${csv.slice(0, 500)}`);
  });

  it('sends a chat message to an agent and reads it back', async () => {
    const sent = await api('/agents/a-001/messages', { method: 'POST', body: JSON.stringify({ body: 'Ready for the 10 o’clock peak?' }) });
    assert.equal(sent.status, 201);
    const { messages } = (await (await api('/agents/a-001/messages')).json()) as { messages: { body: string }[] };
    assert.ok(messages.some((m) => m.body === 'Ready for the 10 o’clock peak?'));
  });

  it('starts again on the same database without a second backfill, keeping its figures', async () => {
    const before = (await queueStats()).reduce((sum, q) => sum + q.totalCalls, 0);
    await server.stop();
    server = await startServerProcess(env);
    await signIn();
    const afterRestart = (await queueStats()).reduce((sum, q) => sum + q.totalCalls, 0);
    // The live centre adds calls meanwhile; a second backfill would double the day.
    assert.ok(afterRestart >= before && afterRestart < before * 1.5, `${before} calls before the restart, ${afterRestart} after`);
  });
});
