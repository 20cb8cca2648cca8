import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Report, ReportCreated } from '../../contract/reports.js';
import { MAX_REPORTS_PER_SUPERVISOR } from '../../contract/reports.js';
import { storeEnv } from '../support/test-store.js';
import { startHarness, type Harness } from './harness.js';
import { createReport } from './report-helpers.js';

const body = { from: '2026-03-02', to: '2026-03-02', tz: 'UTC' };

describe('at most 50 reports per supervisor', () => {
  let h: Harness;
  let sam: Record<string, string>;
  let ben: Record<string, string>;
  let ava: Record<string, string>;

  before(async () => {
    h = await startHarness({ env: { FLOORVIEW_TIME_ZONE: 'UTC' } });
    await h.listen();
    [sam, ben, ava] = [await h.login('sam'), await h.login('ben'), await h.login('ava')];
  });
  after(() => h.close());

  const list = async (who: Record<string, string>) => ((await (await h.get('/api/v1/reports', who)).json()) as { reports: Report[]; limit: number });
  const seqs = async (supervisorId: string) =>
    new Map((await h.services.store.all<{ id: string; seq: number }>(sql`SELECT id, seq FROM reports WHERE supervisor_id = ${supervisorId}`)).map((r) => [r.id, r.seq]));
  const maxSeq = async () => (await h.services.store.get<{ seq: number }>(sql`SELECT coalesce(max(seq), 0) AS seq FROM reports`))!.seq;
  /** Creates over real HTTP, all at once. */
  const createAtOnce = (who: Record<string, string>, n: number) =>
    Promise.all(
      Array.from({ length: n }, async () => {
        const res = await fetch(`${h.url}/api/v1/reports`, { method: 'POST', headers: { ...who, 'content-type': 'application/json' }, body: JSON.stringify(body) });
        assert.equal(res.status, 202);
        return (await res.json()) as ReportCreated;
      }),
    );

  it('drops the oldest report when the 51st is generated', async () => {
    const ids: string[] = [];
    for (let i = 0; i < MAX_REPORTS_PER_SUPERVISOR; i++) {
      const created = await createReport(h, sam, body);
      assert.deepEqual(created.dropped, []);
      ids.push(created.report.id);
    }
    const fiftyFirst = await createReport(h, sam, body);
    assert.deepEqual(fiftyFirst.dropped.map((r) => r.id), [ids[0]]);
    const { reports, limit } = await list(sam);
    assert.equal(limit, 50);
    assert.deepEqual(reports.map((r) => r.id), [fiftyFirst.report.id, ...ids.slice(1).reverse()], 'newest first, the oldest gone');
    assert.equal((await h.get(`/api/v1/reports/${ids[0]}`, sam)).status, 404);
  });

  it('keeps exactly the newest 50 when many are created at once, and tells each creator what it dropped', async () => {
    const before = await maxSeq();
    const [bens, avas] = await Promise.all([createAtOnce(ben, 80), createAtOnce(ava, 10)]);
    const created = bens.map((c) => c.report.id);
    const dropped = bens.flatMap((c) => c.dropped.map((d) => d.id));
    const remaining = (await list(ben)).reports.map((r) => r.id);

    assert.equal(remaining.length, 50);
    assert.equal(dropped.length, 30);
    assert.equal(new Set(dropped).size, 30, 'each report dropped once');
    assert.deepEqual([...remaining, ...dropped].sort(), [...created].sort(), 'every report is either kept or was dropped');
    assert.equal((await list(ava)).reports.length, 10, 'another supervisor’s reports are not touched');
    assert.ok(avas.every((c) => c.dropped.length === 0));

    // Creation order is the seq, one number per report in the order the creations committed: Ben's are all of
    // this batch's numbers but Ava's. The kept ones must be Ben's 50 highest.
    const avaSeqs = new Set((await seqs('s-ava')).values());
    const bensSeqs = Array.from({ length: 90 }, (_, i) => before + 1 + i).filter((s) => !avaSeqs.has(s));
    const kept = [...(await seqs('s-ben')).values()].sort((a, b) => a - b);
    assert.deepEqual(kept, bensSeqs.slice(-50));
    // Each creator dropped only reports older than its own.
    for (const c of bens) for (const d of c.dropped) assert.ok(Date.parse(d.createdAt) <= Date.parse(c.report.createdAt));
  });

  it('never holds more than 50, with another process creating reports in the same database at the same time', async () => {
    const { params } = (await h.services.store.get<{ params: string }>(sql`SELECT params FROM reports LIMIT 1`))!;
    // A second writer on the same database (another Floorview node would be one), creating Sam's reports in a loop
    // and counting them between creations: a limit applied outside the creating transaction would show 51.
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `import { sql } from 'drizzle-orm';
         import { readConfig } from './server/wiring/env.ts';
         import { openStore } from './server/wiring/open-store.ts';
         import { ReportStore } from './server/reports/report-store.ts';
         const db = await openStore(readConfig(process.env));
         const store = new ReportStore(db);
         const count = async () => (await db.get(sql\`SELECT count(*) AS n FROM reports WHERE supervisor_id = 's-sam'\`)).n;
         let most = 0;
         const ids = [];
         for (let i = 0; i < 300; i++) {
           ids.push((await store.create({ id: 'r-child-' + i, supervisorId: 's-sam', params: process.env.FV_PARAMS, createdAt: Date.now() })).created.id);
           most = Math.max(most, await count());
           // A breath between transactions: SQLite's busy wait is not a queue, and a writer in a
           // tight loop can starve the server's for longer than its busy timeout on a loaded machine.
           await new Promise((r) => setTimeout(r, 1));
         }
         await db.close();
         console.log(JSON.stringify({ ids, most }));`,
      ],
      { env: { ...process.env, FLOORVIEW_DB: h.config.FLOORVIEW_DB, ...storeEnv(h.dir), FV_PARAMS: params }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

    let most = 0;
    const mine: string[] = [];
    // Until the child is done: create over HTTP and count, interleaved with its writes.
    while (child.exitCode === null) {
      mine.push((await createReport(h, sam, body)).report.id);
      most = Math.max(most, (await list(sam)).reports.length);
      // In-process requests resolve without I/O: let the child's exit be noticed.
      await new Promise((r) => setImmediate(r));
    }
    assert.equal(await exited, 0);
    const result = JSON.parse(out) as { ids: string[]; most: number };
    assert.ok(mine.length > 0);
    assert.ok(result.most <= 50 && most <= 50, `at most 50 seen (child ${result.most}, server ${most})`);
    const kept = [...(await seqs('s-sam')).entries()].sort((a, b) => a[1] - b[1]);
    assert.equal(kept.length, 50);
    // Seqs are consecutive across both writers: the 50 kept are the 50 newest of all.
    assert.equal(kept[49]![1] - kept[0]![1], 49);
    assert.equal(kept[49]![1], await maxSeq());
  });
});
