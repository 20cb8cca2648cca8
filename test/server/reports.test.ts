import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Report, ReportDeletion } from '../../contract/reports.js';
import { DAY, handComputedDay } from './hand-computed-day.js';
import { DISPLAY, INTEGRATION, startHarness, type Harness } from './harness.js';
import { createReport, downloadBytes, downloadRecords, readyReport, settled } from './report-helpers.js';
import { openSse, type SseMessage } from './sse-reader.js';

type Json = Record<string, any>;
const day = { from: DAY, to: DAY };

/**
 * The rows of the hand-computed day (test/server/hand-computed-day.ts), worked
 * out from SPEC §4: one per completed wrap-up, oldest first; the call is the
 * agent's own connection (answered → ended or transferred on), its minutes the
 * connected time (hold included).
 *  c1 a-2: answered 09:00:25, ended 09:01:50 (85 s = 1.42 min); wrap-up 09:01:50–09:02:30 (40 s) Resolved
 *  c6 a-1: answered 09:11:43, transferred 09:12:43 (60 s); wrap-up 09:12:43–09:13:03 (20 s) Follow-up needed
 *  c6 a-3: answered 09:12:52, ended 09:13:52 (60 s); wrap-up 09:13:52–09:14:02 (10 s) Resolved
 *  c7 a-2 outbound: answered 11:00:08, ended 11:01:08 (60 s); wrap-up 11:01:08–11:01:38 (30 s) Resolved
 */
const UTC_ROWS = [
  ['Wang Wei', 'Shanghai', '2026-03-02 09:00:25', '2026-03-02 09:01:50', '1.42', 'Resolved', '0.67', '2026-03-02 09:01:50', '2026-03-02 09:02:30'],
  ['李娜', 'Shanghai', '2026-03-02 09:11:43', '2026-03-02 09:12:43', '1.00', 'Follow-up needed', '0.33', '2026-03-02 09:12:43', '2026-03-02 09:13:03'],
  ['Olivia Smith', 'Austin', '2026-03-02 09:12:52', '2026-03-02 09:13:52', '1.00', 'Resolved', '0.17', '2026-03-02 09:13:52', '2026-03-02 09:14:02'],
  ['Wang Wei', 'Shanghai', '2026-03-02 11:00:08', '2026-03-02 11:01:08', '1.00', 'Resolved', '0.50', '2026-03-02 11:01:08', '2026-03-02 11:01:38'],
];
const header = (tz: string) => [
  'Agent name', 'Location', `Call start (${tz})`, `Call end (${tz})`, 'Call minutes', 'Wrap-up reason', 'Wrap-up minutes', `Wrap-up start (${tz})`, `Wrap-up end (${tz})`,
];
/** `2026-03-02 09:00:25` eight hours on. */
const plus8h = (t: string) => new Date(Date.parse(`${t.replace(' ', 'T')}Z`) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

describe('wrap-up reason reports on the hand-computed day', () => {
  let h: Harness;
  let sam: Record<string, string>;
  let ava: Record<string, string>;
  let ben: Record<string, string>;

  before(async () => {
    h = await startHarness({ env: { FLOORVIEW_TIME_ZONE: 'UTC' }, stream: { tickMs: 20, heartbeatMs: 1_000 } });
    await h.events(...handComputedDay().reverse());
    await h.listen();
    [sam, ava, ben] = [await h.login('sam'), await h.login('ava'), await h.login('ben')];
  });
  after(() => h.close());

  describe('rows (SPEC §4)', () => {
    it('writes one row per completed wrap-up with the glossary’s columns, oldest first', async () => {
      const report = await readyReport(h, sam, { ...day, tz: 'UTC' });
      assert.deepEqual(await downloadRecords(h, sam, report.id), [header('UTC'), ...UTC_ROWS]);
      assert.deepEqual([report.rowCount, report.expectedRows, report.progress], [4, 4, 1]);
      assert.equal(report.fileName, 'wrapup-reasons_2026-03-02_2026-03-02.csv');
      assert.equal(report.size, (await downloadBytes(h, sam, report.id)).length);
    });

    it('writes every time in the report’s zone, and names the zone in the header', async () => {
      const report = await readyReport(h, sam, { ...day, tz: 'Asia/Shanghai' });
      const shifted = UTC_ROWS.map((r) => r.map((cell, i) => ([2, 3, 7, 8].includes(i) ? plus8h(cell) : cell)));
      assert.deepEqual(await downloadRecords(h, sam, report.id), [header('Asia/Shanghai'), ...shifted]);
      assert.deepEqual(report.range, { from: '2026-03-02T00:00:00+08:00', to: '2026-03-03T00:00:00+08:00', tz: 'Asia/Shanghai', timeFrom: null, timeTo: null });
    });

    it('has exactly the wrap-ups the wrap-up statistics count, for each scope and filter', async () => {
      const cases: [Record<string, string>, Json, string][] = [
        [sam, {}, ''],
        [ava, {}, ''],
        [ben, {}, ''],
        [sam, { queue: ['q-support'] }, 'queue=q-support'],
        [sam, { agent: ['a-2'] }, 'agent=a-2'],
        [sam, { location: 'Austin' }, 'location=Austin'],
        [sam, { timeFrom: '11:00', timeTo: '12:00' }, 'timeFrom=11:00&timeTo=12:00'],
      ];
      for (const [who, filters, query] of cases) {
        const report = await readyReport(h, who, { ...day, tz: 'UTC', ...filters });
        const stats = (await (await h.get(`/api/v1/stats/wrapups?from=${DAY}&to=${DAY}&tz=UTC&${query}`, who)).json()) as Json;
        const drill = (await (await h.get(`/api/v1/stats/calls?from=${DAY}&to=${DAY}&tz=UTC&by=wrapup&${query}`, who)).json()) as Json;
        const rows = (await downloadRecords(h, who, report.id)).slice(1);
        assert.equal(rows.length, stats.kpis.completed, JSON.stringify(filters));
        assert.equal(report.expectedRows, stats.kpis.completed);
        // The same wrap-ups as the drill-down behind the figure: agent and wrap-up end, in the same order.
        assert.deepEqual(
          rows.map((r) => [r[0], r[8]]),
          drill.calls.map((c: Json) => [c.agentName, c.endedAt.slice(0, 19).replace('T', ' ')]),
          JSON.stringify(filters),
        );
      }
      // Ava supervises Sales: c1 and c7 of Wang Wei (c7 is outbound: no queue, his), c6 of 李娜.
      const ava1 = await readyReport(h, ava, { ...day, tz: 'UTC' });
      assert.deepEqual((await downloadRecords(h, ava, ava1.id)).slice(1), [UTC_ROWS[0], UTC_ROWS[1], UTC_ROWS[3]]);
    });

    it('writes the header row in Simplified Chinese when asked', async () => {
      const report = await readyReport(h, sam, { ...day, tz: 'UTC', lang: 'zh-CN' });
      const [head, ...rows] = await downloadRecords(h, sam, report.id);
      assert.deepEqual(head, ['座席姓名', '位置', '呼叫开始时间 (UTC)', '呼叫结束时间 (UTC)', '通话分钟数', '总结原因', '总结分钟数', '总结开始时间 (UTC)', '总结结束时间 (UTC)']);
      assert.deepEqual(rows, UTC_ROWS);
    });

    it('writes only the header for a range with no wrap-ups', async () => {
      const report = await readyReport(h, sam, { from: '2026-02-01', to: '2026-02-01', tz: 'UTC' });
      assert.deepEqual(await downloadRecords(h, sam, report.id), [header('UTC')]);
      assert.deepEqual([report.rowCount, report.expectedRows], [0, 0]);
    });
  });

  describe('scope', () => {
    it('shows, downloads and deletes a report for its owner only: another supervisor gets 404', async () => {
      const report = await readyReport(h, sam, { ...day, tz: 'UTC' });
      for (const path of [`/api/v1/reports/${report.id}`, `/api/v1/reports/${report.id}/csv`]) {
        const res = await h.get(path, ben);
        assert.equal(res.status, 404, path);
        assert.equal(((await res.json()) as Json).error.code, 'not_found');
      }
      const del = await h.app.request(`/api/v1/reports/${report.id}`, { method: 'DELETE', headers: ben });
      assert.equal(del.status, 404);
      const bens = (await (await h.get('/api/v1/reports', ben)).json()) as { reports: Report[] };
      assert.ok(!bens.reports.some((r) => r.id === report.id));
      assert.equal((await h.get(`/api/v1/reports/${report.id}`, sam)).status, 200, 'still there for its owner');
    });

    it('refuses display tokens and agent desks (403), and callers without credentials (401)', async () => {
      const desk = await h.post('/api/v1/agents/a-1/desk-token', {}, INTEGRATION);
      const agent = { authorization: `Bearer ${((await desk.json()) as { token: string }).token}` };
      for (const who of [DISPLAY, agent]) {
        assert.equal((await h.get('/api/v1/reports', who)).status, 403);
        assert.equal((await h.post('/api/v1/reports', day, who)).status, 403);
      }
      assert.equal((await h.get('/api/v1/reports')).status, 401);
      assert.equal((await h.post('/api/v1/reports', day)).status, 401);
    });

    it('refuses a queue or an agent outside the scope with 403', async () => {
      for (const filters of [{ queue: ['q-support'] }, { agent: ['a-3'] }]) {
        const res = await h.post('/api/v1/reports', { ...day, ...filters }, ava);
        assert.equal(res.status, 403, JSON.stringify(filters));
      }
    });

    it('downloads with a stream ticket in the URL (for a plain link), not with a made-up one', async () => {
      const report = await readyReport(h, sam, { ...day, tz: 'UTC' });
      const ticket = ((await (await h.post('/api/v1/auth/stream-ticket', {}, sam)).json()) as { ticket: string }).ticket;
      const res = await fetch(`${h.url}/api/v1/reports/${report.id}/csv?ticket=${ticket}`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-disposition')!, /^attachment; filename="wrapup-reasons_2026-03-02_2026-03-02\.csv"$/);
      assert.equal(res.headers.get('cache-control'), 'private, no-store');
      assert.equal((await res.arrayBuffer()).byteLength, report.size);
      assert.equal((await fetch(`${h.url}/api/v1/reports/${report.id}/csv?ticket=not-a-ticket`)).status, 401);
      // Ben's own ticket does not open Sam's report.
      const bens = ((await (await h.post('/api/v1/auth/stream-ticket', {}, ben)).json()) as { ticket: string }).ticket;
      assert.equal((await fetch(`${h.url}/api/v1/reports/${report.id}/csv?ticket=${bens}`)).status, 404);
    });
  });

  describe('validation', () => {
    const fields = async (body: unknown) => {
      const res = await h.post('/api/v1/reports', body, sam);
      const json = (await res.json()) as Json;
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(json.error.code, 'invalid_request');
      return json.error.fields as Record<string, string>;
    };

    it('names each bad field with 400', async () => {
      assert.ok((await fields({ to: DAY })).from);
      assert.ok((await fields({ from: DAY })).to);
      assert.ok((await fields({ from: '2026-02-30', to: DAY })).from);
      assert.ok((await fields({ from: 'yesterday', to: DAY })).from);
      assert.ok((await fields({ from: '2026-03-09', to: DAY })).to);
      assert.ok((await fields({ from: '2025-01-01', to: DAY })).to, 'more than 400 days');
      assert.ok((await fields({ ...day, tz: 'Mars/Olympus' })).tz);
      assert.ok((await fields({ ...day, timeFrom: '9am' })).timeFrom);
      assert.ok((await fields({ ...day, timeFrom: '09:00', timeTo: '09:00' })).timeTo);
      assert.ok((await fields({ ...day, queue: ['q-nowhere'] })).queue);
      assert.ok((await fields({ ...day, queue: 'q-sales' })).queue, 'a list, not a string');
      assert.ok((await fields({ ...day, agent: ['a-nobody'] })).agent);
      assert.ok((await fields({ ...day, location: 'Atlantis' })).location);
      assert.ok((await fields({ ...day, lang: 'fr' })).lang);
      assert.ok((await fields({ ...day, format: 'xlsx' }))['(body)'], 'unknown fields are refused');
      const list = (await (await h.get('/api/v1/reports', sam)).json()) as { reports: Report[] };
      assert.ok(list.reports.every((r) => r.request.tz !== 'Mars/Olympus'), 'nothing was stored');
    });

    it('refuses a body that is not JSON, and an unknown id with 404', async () => {
      const res = await h.app.request('/api/v1/reports', { method: 'POST', headers: { ...sam, 'content-type': 'application/json' }, body: '{"from":' });
      assert.equal(res.status, 400);
      assert.equal((await h.get('/api/v1/reports/r-nope', sam)).status, 404);
      assert.equal((await h.get('/api/v1/reports/r-nope/csv', sam)).status, 404);
    });
  });

  describe('lifecycle', () => {
    it('deletes a report and its CSV', async () => {
      const report = await readyReport(h, sam, { ...day, tz: 'UTC' });
      const chunks = async () => (await h.services.store.get<{ n: number }>(sql`SELECT count(*) AS n FROM report_chunks WHERE report_id = ${report.id}`))?.n;
      assert.ok((await chunks())! > 0);
      const del = await h.app.request(`/api/v1/reports/${report.id}`, { method: 'DELETE', headers: sam });
      assert.equal(del.status, 204);
      assert.equal((await h.get(`/api/v1/reports/${report.id}`, sam)).status, 404);
      assert.equal(await chunks(), 0);
      assert.equal((await h.app.request(`/api/v1/reports/${report.id}`, { method: 'DELETE', headers: sam })).status, 404);
    });

    it('fails a report that cannot be written, with the reason, answers 409 for its CSV, and generates the next one', async () => {
      // A real failure of the store under the job, as a full disk would give.
      const { store } = h.services;
      if (store.dialect === 'sqlite') await store.run(sql`CREATE TRIGGER refuse_chunks BEFORE INSERT ON report_chunks BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
      else {
        await store.run(sql`CREATE FUNCTION refuse_chunks() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`);
        await store.run(sql`CREATE TRIGGER refuse_chunks BEFORE INSERT ON report_chunks FOR EACH ROW EXECUTE FUNCTION refuse_chunks()`);
      }
      const logged = console.error;
      console.error = () => {};
      let failed: Report;
      try {
        const { report } = await createReport(h, sam, { ...day, tz: 'UTC' });
        failed = await settled(h, sam, report.id);
      } finally {
        console.error = logged;
        await store.run(store.dialect === 'sqlite' ? sql`DROP TRIGGER refuse_chunks` : sql`DROP FUNCTION refuse_chunks() CASCADE`);
      }
      assert.equal(failed.status, 'failed');
      assert.equal(failed.error?.code, 'internal');
      assert.match(failed.error!.message, /could not be generated/);
      assert.ok(failed.finishedAt);
      const csv = await h.get(`/api/v1/reports/${failed.id}/csv`, sam);
      assert.equal(csv.status, 409);
      assert.match(((await csv.json()) as Json).error.message, /failed/);
      const next = await readyReport(h, sam, { ...day, tz: 'UTC' });
      assert.equal(next.rowCount, 4);
    });

    it('pushes each change to the owner’s stream only: queued, generating, ready, deleted', async () => {
      const samStream = await openSse(`${h.url}/api/v1/stream`, sam);
      const benStream = await openSse(`${h.url}/api/v1/stream`, ben);
      try {
        const items = (m: SseMessage): { reports?: Report[]; reportsDeleted?: ReportDeletion[] } => (m.event === 'delta' ? JSON.parse(m.data) : {});
        const { report } = await createReport(h, sam, { ...day, tz: 'UTC' });
        const ready = await samStream.next((m) => (items(m).reports ?? []).some((r) => r.id === report.id && r.status === 'ready'));
        // A tick carries every change since the last one, in order: the last is the report as it is now.
        assert.deepEqual(items(ready).reports!.findLast((r) => r.id === report.id), await (await h.get(`/api/v1/reports/${report.id}`, sam)).json());
        const seen = samStream.messages.flatMap((m) => (items(m).reports ?? []).filter((r) => r.id === report.id).map((r) => r.status));
        assert.deepEqual([...new Set(seen)], ['queued', 'generating', 'ready']);

        await h.app.request(`/api/v1/reports/${report.id}`, { method: 'DELETE', headers: sam });
        const gone = await samStream.next((m) => (items(m).reportsDeleted ?? []).some((d) => d.id === report.id));
        assert.deepEqual(items(gone).reportsDeleted, [{ id: report.id, reason: 'deleted' }]);
        assert.ok(!benStream.messages.some((m) => items(m).reports || items(m).reportsDeleted), 'Ben saw nothing of Sam’s reports');
      } finally {
        samStream.close();
        benStream.close();
      }
    });
  });

  it('documents every report endpoint in the OpenAPI description', async () => {
    const doc = (await (await h.get('/api/v1/openapi.json')).json()) as Json;
    const ops = [
      ['/reports', 'get', ['200', '401', '403']],
      ['/reports', 'post', ['202', '400', '401', '403']],
      ['/reports/{id}', 'get', ['200', '404']],
      ['/reports/{id}/csv', 'get', ['200', '404', '409']],
      ['/reports/{id}', 'delete', ['204', '404']],
    ] as const;
    for (const [path, method, statuses] of ops) {
      const op = doc.paths[path]?.[method];
      assert.ok(op, `${method} ${path}`);
      for (const s of statuses) assert.ok(op.responses[s], `${method} ${path} ${s}`);
    }
    assert.ok(doc.components.schemas.Report.properties.progress);
  });
});
