import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Store } from '../../server/db/store.js';
import { MAX_INTERRUPTIONS, ReportStore } from '../../server/reports/report-store.js';
import { readConfig } from '../../server/wiring/env.js';
import { openStore } from '../../server/wiring/open-store.js';
import { freePort, startServerProcess, type ServerProcess } from '../support/server-process.js';
import { openTestStore } from '../support/test-store.js';
import { centreEnv, eventFactory, INTEGRATION } from './harness.js';
import { createReport, downloadBytes, getReport, parseCsv, reportWhen, settled, type Client } from './report-helpers.js';

const WRAPUPS = 300;
const DAY = { from: '2026-03-02', to: '2026-03-02', tz: 'UTC' };

/** 300 answered calls on 2 March, round-robin over the four agents, each wrapped up. */
function day() {
  const ev = eventFactory(Date.parse('2026-03-02T08:00:00Z'));
  const reasons = ['w-resolved', 'w-followup'];
  return Array.from({ length: WRAPUPS }, (_, i) => {
    const callId = `c-${i}`;
    const agentId = `a-${(i % 4) + 1}`;
    const queueId = agentId === 'a-3' ? 'q-support' : 'q-sales';
    const t = i * 90;
    return [
      ev('call.queued', t, { callId, queueId }),
      ev('call.offered', t + 2, { callId, agentId }),
      ev('call.answered', t + 5, { callId, agentId }),
      ev('call.ended', t + 5 + (i % 7) * 10, { callId, by: 'caller' }),
      ev('wrapup.started', t + 5 + (i % 7) * 10, { agentId, callId }),
      ev('wrapup.completed', t + 20 + (i % 7) * 10, { agentId, callId, reasonId: reasons[i % 2] }),
    ];
  }).flat();
}

describe('report generation across restarts', () => {
  let dir: string;
  let env: Record<string, string>;
  let server: ServerProcess | null = null;
  let sam: Record<string, string> = {};
  const client: Client = {
    get: (path, headers = {}) => fetch(`${server!.url}${path}`, { headers }),
    post: (path, body, headers = {}) =>
      fetch(`${server!.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }),
  };
  const start = async () => {
    server = await startServerProcess(env);
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'floorview-reports-restart-'));
    env = {
      ...centreEnv(dir),
      PORT: String(await freePort()),
      // 2 March is judged by the real clock, however long ago that is.
      FLOORVIEW_EVENT_MAX_AGE_DAYS: '3650',
      FLOORVIEW_TIME_ZONE: 'UTC',
      // Ten rows a page and a rest between pages: generation takes seconds, so it can be caught in the middle.
      FLOORVIEW_REPORT_PAGE_ROWS: '10',
      FLOORVIEW_REPORT_PAUSE_MS: '100',
    };
    await start();
    const res = await client.post('/api/v1/events', { events: day() }, INTEGRATION);
    assert.equal(res.status, 200, await res.clone().text());
    const login = await client.post('/api/v1/auth/login', { email: 'sam@example.com', password: 'sam-password' });
    sam = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
  });
  after(async () => {
    await server?.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('resumes a report interrupted by kill -9 where it stopped, and generates the one still queued', async () => {
    const whole = (await createReport(client, sam, DAY)).report;
    const sales = (await createReport(client, sam, { ...DAY, queue: ['q-sales'] })).report;
    // Two are generated at a time: the third waits its turn.
    const support = (await createReport(client, sam, { ...DAY, queue: ['q-support'] })).report;
    const caught = await reportWhen(client, sam, whole.id, (r) => r.status === 'generating' && r.rowCount >= 20);
    assert.ok(caught.rowCount < WRAPUPS, 'caught in the middle');

    await server!.stop('SIGKILL');
    await start();
    // Picked up where it was: the rows written before the crash are kept, not written again.
    const resumed = await getReport(client, sam, whole.id);
    assert.ok(resumed.rowCount >= caught.rowCount, `${resumed.rowCount} ≥ ${caught.rowCount}`);

    const done = await Promise.all([whole, sales, support].map((r) => settled(client, sam, r.id)));
    assert.deepEqual(done.map((r) => [r.status, r.rowCount]), [['ready', WRAPUPS], ['ready', 225], ['ready', 75]]);

    // The resumed file is byte for byte the one an uninterrupted run writes.
    const fresh = (await createReport(client, sam, DAY)).report;
    assert.equal((await settled(client, sam, fresh.id)).status, 'ready');
    const bytes = await downloadBytes(client, sam, whole.id);
    assert.deepEqual(bytes, await downloadBytes(client, sam, fresh.id));
    const rows = parseCsv(bytes).slice(1);
    assert.equal(rows.length, WRAPUPS);
    assert.equal(new Set(rows.map((r) => `${r[0]}|${r[7]}`)).size, WRAPUPS, 'no row written twice');
  });

  it('resumes a report after a clean stop, without counting an interruption', async () => {
    const { report: job } = await createReport(client, sam, DAY);
    await reportWhen(client, sam, job.id, (r) => r.status === 'generating' && r.rowCount >= 20);
    await server!.stop('SIGTERM');
    const store = await openStore(readConfig(env));
    const row = await store.get(sql`SELECT status, lease_owner, interruptions FROM reports WHERE id = ${job.id}`);
    await store.close();
    assert.deepEqual(row, { status: 'generating', lease_owner: null, interruptions: 0 }, 'released, for the next start to take at once');
    await start();
    const done = await settled(client, sam, job.id);
    assert.deepEqual([done.status, done.rowCount], ['ready', WRAPUPS]);
  });
});

describe('report jobs whose holder is gone', () => {
  const dirs: string[] = [];
  const stores: Store[] = [];
  /** A store of its own for each test, of the run's dialect. */
  const openJobs = async () => {
    dirs.push(mkdtempSync(join(tmpdir(), 'floorview-report-jobs-')));
    stores.push(await openTestStore(dirs.at(-1)!));
    return new ReportStore(stores.at(-1)!);
  };
  after(async () => {
    for (const store of stores) await store.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const params = JSON.stringify({ request: {}, range: {}, fileName: 'x.csv' });

  it('waits out the lease of a holder on another host, then takes the job over', async () => {
    const store = await openJobs();
    await store.create({ id: 'r-1', supervisorId: 's-sam', params, createdAt: 0 });
    const other = 'another-host|42|abcd';
    assert.equal((await store.claim(other, 1_000, 16_000, () => false)).job?.id, 'r-1');
    // Its holder may be alive: nobody else takes it while the lease runs.
    assert.equal((await store.claim('me|1|ffff', 10_000, 25_000, () => false)).job, null);
    const taken = (await store.claim('me|1|ffff', 16_001, 31_000, () => false)).job;
    assert.deepEqual([taken?.id, taken?.leaseOwner, taken?.interruptions], ['r-1', 'me|1|ffff', 1]);
  });

  it(`fails a job whose holder died ${MAX_INTERRUPTIONS} times, rather than let it take nodes down forever`, async () => {
    const store = await openJobs();
    await store.create({ id: 'r-1', supervisorId: 's-sam', params, createdAt: 0 });
    const dead = () => true;
    // The first claim, then one after each of the first deaths.
    for (let i = 0; i < MAX_INTERRUPTIONS; i++) {
      const job = (await store.claim(`host|${i}|x`, i, i + 15_000, dead)).job;
      assert.deepEqual([job?.id, job?.interruptions], ['r-1', i], `attempt ${i + 1}`);
    }
    const last = await store.claim('host|99|x', 100, 15_100, dead);
    assert.equal(last.job, null);
    assert.deepEqual(last.failed.map((r) => [r.id, r.status, r.errorCode]), [['r-1', 'failed', 'interrupted']]);
    assert.match(last.failed[0]!.error!, /interrupted 3 times/);
  });
});
