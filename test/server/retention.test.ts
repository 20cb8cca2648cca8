import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { readConfig } from '../../server/wiring/env.js';
import { saveFloor } from '../../server/floor/floor-snapshot.js';
import { pruneEvents } from '../../server/ops/retention.js';
import { rederiveFacts } from '../../server/history/fact-rederive.js';
import { rebuildRollupsOf } from '../../server/history/rollup-rebuild.js';
import { answeredCall, eventFactory, startHarness, type Harness } from './harness.js';

const DAY = 86_400_000;

describe('event retention', () => {
  let h: Harness;
  let now = Date.parse('2026-03-20T12:00:00Z');
  let sam: Record<string, string>;
  const count = async (where = sql`1 = 1`) => (await h.services.store.get<{ n: number }>(sql`select count(*) as n from events where ${where}`))!.n;
  const oldCalls = () => h.services.store.all(sql`select * from calls where id like 'old-%' order by id`);
  const stats = async (from: string, to: string) => (await (await h.get(`/api/v1/stats/queues?from=${from}&to=${to}&tz=UTC`, sam)).json()) as object;

  function calls(ev: ReturnType<typeof eventFactory>, tag: string, n: number) {
    return Array.from({ length: n }, (_, i) => answeredCall(ev, `${tag}-${i}`, i * 120)).flat();
  }

  before(async () => {
    h = await startHarness({ clock: () => now, env: { FLOORVIEW_EVENT_MAX_AGE_DAYS: '10', FLOORVIEW_EVENT_RETENTION_DAYS: '12', FLOORVIEW_TIME_ZONE: 'UTC' } });
    sam = await h.login('sam');
  });
  after(() => h.close());

  it('refuses a retention shorter than the acceptance window allows', () => {
    assert.throws(() => readConfig({ FLOORVIEW_EVENT_MAX_AGE_DAYS: '90', FLOORVIEW_EVENT_RETENTION_DAYS: '91' }), /at least FLOORVIEW_EVENT_MAX_AGE_DAYS \+ 2 \(92\)/);
    assert.equal(readConfig({ FLOORVIEW_EVENT_MAX_AGE_DAYS: '90', FLOORVIEW_EVENT_RETENTION_DAYS: '92' }).FLOORVIEW_EVENT_RETENTION_DAYS, 92);
    assert.equal(readConfig({}).FLOORVIEW_EVENT_RETENTION_DAYS, null, 'off by default');
  });

  it('deletes raw events older than the retention in small steps, keeping facts, rollups and what re-derivation needs', async () => {
    // 9 days ago (inside the window then), and an hour ago.
    await h.events(...calls(eventFactory(now - 9 * DAY), 'old', 40));
    const oldDay = new Date(now - 9 * DAY).toISOString().slice(0, 10);
    now += 5 * DAY; // the old calls are 14 days old now, past the 12-day retention
    sam = await h.login('sam');
    await h.events(...calls(eventFactory(now - 3_600_000), 'new', 10));
    const today = new Date(now).toISOString().slice(0, 10);
    const before = { old: await stats(oldDay, oldDay), today: await stats(today, today) };
    assert.equal((before.old as { kpis: { answered: number } }).kpis.answered, 40);
    await saveFloor(h.services.store, h.services.floor, now);
    const oldFacts = await oldCalls();

    const run = await pruneEvents(h.services.store, now, { days: 12, stepRows: 50, pauseMs: 0 });
    assert.equal(run.deleted, 240);
    assert.equal(await count(sql`at < ${now - 12 * DAY}`), 0);
    assert.equal(await count(sql`call_id like 'new-%'`), 60, 'recent events stay');
    assert.deepEqual({ old: await stats(oldDay, oldDay), today: await stats(today, today) }, before, 'statistics unchanged');
    if (h.services.store.dialect === 'sqlite') assert.ok(run.freedPages > 0, 'a new SQLite file hands the freed pages back (auto_vacuum = incremental)');
    else assert.equal(run.freedPages, 0, "PostgreSQL's vacuum reuses the space, nothing is handed back here");

    // A rebuild from the log re-derives the calls it still has whole and keeps the others' facts.
    await rederiveFacts(h.services.store);
    await rebuildRollupsOf(h.services.store, 'UTC');
    assert.deepEqual(await oldCalls(), oldFacts);
    assert.deepEqual({ old: await stats(oldDay, oldDay), today: await stats(today, today) }, before, 'statistics unchanged after a rebuild');
  });

  it('rollups:rebuild refuses a database a server has open', async () => {
    const db = h.config.FLOORVIEW_DATABASE_URL ?? h.config.FLOORVIEW_DB;
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/wiring/rebuild-cli.ts', '--db', db], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise((r) => child.once('exit', r));
    assert.equal(code, 2);
    assert.match(err, /open in another process.*: stop the server first/);
  });

  it('never deletes events the history or the saved floor has not taken in', async () => {
    await h.events(...calls(eventFactory(now - 3_600_000), 'unsaved', 1));
    const newest = (await h.services.store.get<{ s: number }>(sql`select max(seq) as s from events`))!.s;
    // As if the clock jumped past everything: only what the saved floor covers may go.
    const run = await pruneEvents(h.services.store, now + 100 * DAY, { days: 12, pauseMs: 0 });
    assert.ok(run.deleted > 0);
    assert.equal(await count(sql`seq = ${newest}`), 1, 'the event after the last floor snapshot stays');
  });
});
