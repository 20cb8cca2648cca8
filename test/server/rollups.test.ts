import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { scopeOf } from '../../server/auth/principal.js';
import { generateCentre } from '../../server/directory/generate-centre.js';
import { Simulator } from '../../server/simulator/simulator.js';
import { rebuildRollupsOf } from '../../server/history/rollup-rebuild.js';
import { FAMILY_NAMES, ROLLUP_TABLES } from '../../server/history/rollup-tables.js';
import { StatsService, type RankedRequest } from '../../server/stats/stats-service.js';
import { byColumns, centre, eventFactory, startHarness, type Harness } from './harness.js';
import { rebuildFromTheLog, storedRows } from './stored-rows.js';

type Json = Record<string, any>;

/** Rows straight from the tables, once the history of every accepted event is written (as every reader of them does first). */
async function rows(h: Harness, sql: string): Promise<unknown[][]> {
  await h.services.history.upToDate();
  return storedRows(h.services.store, sql);
}

/** Every rollup and fact row, in key order: equal dumps are equal stores. */
async function dump(h: Harness, tables: readonly string[]): Promise<Record<string, unknown[][]>> {
  await h.services.history.upToDate();
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, (await storedRows(h.services.store, `SELECT * FROM ${t}`)).sort(byColumns)])));
}
const ROLLUPS = FAMILY_NAMES.flatMap((f) => [ROLLUP_TABLES[f].buckets, ROLLUP_TABLES[f].hours, ROLLUP_TABLES[f].days, ROLLUP_TABLES[f].months]);
const FACTS = ['calls', 'queue_visits', 'handlings', 'wrapups'];

describe('interval rollups', () => {
  describe('late events', () => {
    let h: Harness;
    let sam: Record<string, string>;
    // 09:31 as first reported; the call really queued at 09:29, and wrap-up started at 09:44:30.
    const t0 = Date.parse('2026-03-02T09:31:00Z');
    const ev = eventFactory(t0);
    const queueRows = () => rows(h, "SELECT bucket, answered, answered_queue_ms FROM queue_buckets WHERE queue_id = 'q-sales'");
    const wrapupRows = () => rows(h, "SELECT bucket, completed, wrapup_ms FROM wrapup_agent_buckets WHERE agent_id = 'a-1'");
    const at = (hhmm: string) => Date.parse(`2026-03-02T${hhmm}:00Z`);
    const answeredBetween = async (from: string, to: string) => {
      const res = await h.get(`/api/v1/stats/queues?from=2026-03-02T${from}:00Z&to=2026-03-02T${to}:00Z&tz=UTC`, sam);
      return ((await res.json()) as Json).kpis.answered;
    };

    before(async () => {
      h = await startHarness({ env: { FLOORVIEW_TIME_ZONE: 'UTC' } });
      sam = await h.login('sam');
      await h.events(
        ev('call.queued', 0, { callId: 'L1', queueId: 'q-sales' }),
        ev('call.offered', 5, { callId: 'L1', agentId: 'a-1' }),
        ev('call.answered', 10, { callId: 'L1', agentId: 'a-1' }),
        ev('call.ended', 810, { callId: 'L1', by: 'agent' }),
        ev('wrapup.completed', 850, { agentId: 'a-1', callId: 'L1', reasonId: 'w-resolved' }),
      );
    });
    after(() => h.close());

    it('counts facts in the interval of their start as first reported', async () => {
      assert.deepEqual(await queueRows(), [[at('09:30'), 1, 10_000]]);
      assert.deepEqual(await wrapupRows(), [[at('09:45'), 1, 0]]);
      assert.equal(await answeredBetween('09:30', '09:45'), 1);
    });

    it('moves a contribution to the right interval and out of the wrong one when an earlier event arrives', async () => {
      await h.events(ev('call.queued', -120, { callId: 'L1', queueId: 'q-sales' }), ev('wrapup.started', 810, { agentId: 'a-1', callId: 'L1' }));
      assert.deepEqual(await queueRows(), [[at('09:15'), 1, 130_000]]);
      assert.deepEqual(await wrapupRows(), [[at('09:30'), 1, 40_000]]);
      assert.equal(await answeredBetween('09:30', '09:45'), 0);
      assert.equal(await answeredBetween('09:15', '09:30'), 1);
    });

    it('moves it just the same after a restart, when the call’s previous facts come from the store', async () => {
      await h.events(
        ev('call.queued', 600, { callId: 'L2', queueId: 'q-sales' }),
        ev('call.offered', 601, { callId: 'L2', agentId: 'a-2' }),
        ev('call.answered', 602, { callId: 'L2', agentId: 'a-2' }),
        ev('call.ended', 700, { callId: 'L2', by: 'agent' }),
      );
      await h.close({ keepFiles: true });
      h = await startHarness({ dir: h.dir, env: { FLOORVIEW_TIME_ZONE: 'UTC' } });
      sam = await h.login('sam');
      assert.equal(await answeredBetween('09:30', '09:45'), 1);
      await h.events(ev('call.queued', -180, { callId: 'L2', queueId: 'q-sales' }));
      assert.equal(await answeredBetween('09:30', '09:45'), 0);
      assert.equal(await answeredBetween('09:15', '09:30'), 2);
    });

    it('sums buckets into their day once behind the seal line, and moves late contributions between sealed days', async () => {
      const days = () => rows(h, "SELECT day, answered, answered_queue_ms FROM queue_days WHERE queue_id = 'q-sales' ORDER BY day");
      const hours = () => rows(h, "SELECT hour, answered, answered_queue_ms FROM queue_hours WHERE queue_id = 'q-sales' ORDER BY hour");
      const line = async () => Number((await rows(h, "SELECT value FROM rollup_meta WHERE key = 'sealed_before'"))[0]![0]);
      const [mar1, mar2] = [Date.parse('2026-03-01') / 86_400_000, Date.parse('2026-03-02') / 86_400_000];
      // The line starts at the first data (09:30); both calls then moved to before it.
      assert.equal(await line(), at('09:30'));
      assert.deepEqual(await days(), [[mar2, 2, 130_000 + 782_000]]);
      assert.deepEqual(await hours(), [[at('09:00'), 2, 130_000 + 782_000]]);
      // Data at 02:30 the next day moves the line two hours behind it.
      await h.events(ev('call.queued', 61_140, { callId: 'L3', queueId: 'q-support' }), ev('call.ended', 61_150, { callId: 'L3', by: 'caller' }));
      assert.equal(await line(), Date.parse('2026-03-03T00:30:00Z'));
      assert.deepEqual(await days(), [[mar2, 2, 130_000 + 782_000]]);
      // L2 really entered the queue at 23:55 the day before.
      await h.events(ev('call.queued', -34_560, { callId: 'L2', queueId: 'q-sales' }));
      assert.deepEqual(await days(), [
        [mar1, 1, 35_162_000],
        [mar2, 1, 130_000],
      ]);
      assert.deepEqual(await hours(), [
        [Date.parse('2026-03-01T23:00:00Z'), 1, 35_162_000],
        [at('09:00'), 1, 130_000],
      ]);
      assert.equal(await answeredBetween('09:15', '09:30'), 1);
    });

    it('counts the service level again when a queue’s threshold changes', async () => {
      const serviceLevel = async () => {
        const res = await h.get('/api/v1/stats/queues?from=2026-03-02&to=2026-03-02&tz=UTC&queue=q-sales', sam);
        return ((await res.json()) as Json).kpis.serviceLevel;
      };
      assert.equal(await serviceLevel(), 0);
      await h.close({ keepFiles: true });
      const slower = { ...centre, queues: centre.queues.map((q) => (q.id === 'q-sales' ? { ...q, serviceLevelSeconds: 150 } : q)) };
      h = await startHarness({ dir: h.dir, centre: slower, env: { FLOORVIEW_TIME_ZONE: 'UTC' } });
      sam = await h.login('sam');
      // L1 waited 130 s.
      assert.equal(await serviceLevel(), 1);
    });
  });

  describe('a call one agent handles twice', () => {
    let h: Harness;
    let sam: Record<string, string>;
    const ev = eventFactory(Date.parse('2026-04-07T10:00:00Z'));
    const day = 'from=2026-04-07&to=2026-04-07&tz=UTC';

    before(async () => {
      h = await startHarness({ env: { FLOORVIEW_TIME_ZONE: 'UTC' } });
      sam = await h.login('sam');
      // a-1 answers in Sales and hands the call to a-2, who sends it to Support, where a-1 answers it again.
      await h.events(
        ev('call.queued', 0, { callId: 'T1', queueId: 'q-sales' }),
        ev('call.offered', 2, { callId: 'T1', agentId: 'a-1' }),
        ev('call.answered', 5, { callId: 'T1', agentId: 'a-1' }),
        ev('call.transferred', 60, { callId: 'T1', toAgentId: 'a-2' }),
        ev('wrapup.started', 60, { agentId: 'a-1', callId: 'T1' }),
        ev('call.offered', 61, { callId: 'T1', agentId: 'a-2' }),
        ev('call.answered', 63, { callId: 'T1', agentId: 'a-2' }),
        ev('wrapup.completed', 80, { agentId: 'a-1', callId: 'T1', reasonId: 'w-resolved' }),
        ev('call.transferred', 120, { callId: 'T1', toQueueId: 'q-support' }),
        ev('wrapup.started', 120, { agentId: 'a-2', callId: 'T1' }),
        ev('wrapup.completed', 121, { agentId: 'a-2', callId: 'T1', reasonId: 'w-followup' }),
        ev('call.offered', 125, { callId: 'T1', agentId: 'a-1' }),
        ev('call.answered', 130, { callId: 'T1', agentId: 'a-1' }),
        ev('call.ended', 200, { callId: 'T1', by: 'caller' }),
      );
      // The last wrap-up arrives in a later batch.
      await h.events(ev('wrapup.started', 200, { agentId: 'a-1', callId: 'T1' }), ev('wrapup.completed', 230, { agentId: 'a-1', callId: 'T1', reasonId: 'w-followup' }));
    });
    after(() => h.close());

    it('counts both of the agent’s wrap-ups, each in its own queue', async () => {
      const stats = (await (await h.get(`/api/v1/stats/wrapups?${day}`, sam)).json()) as Json;
      assert.equal(stats.kpis.completed, 3);
      assert.deepEqual(
        stats.agentsByCompleted.map((a: Json) => [a.agentId, a.completed, a.avgWrapupTime]),
        [['a-1', 2, 25], ['a-2', 1, 1]],
      );
      assert.deepEqual(
        stats.queuesByAvgWrapupTime.map((q: Json) => [q.queueId, q.completed, q.avgWrapupTime]),
        [['q-support', 1, 30], ['q-sales', 2, 10.5]],
      );
      assert.deepEqual(stats.reasonsByUse.map((r: Json) => [r.reasonId, r.completed]), [['w-followup', 2], ['w-resolved', 1]]);
    });

    it('lists each wrap-up with the handling it follows, a page at a time', async () => {
      const rows: Json[] = [];
      let cursor: string | null = null;
      do {
        const page = (await (await h.get(`/api/v1/stats/calls?${day}&by=wrapup&limit=1${cursor ? `&cursor=${cursor}` : ''}`, sam)).json()) as Json;
        rows.push(...page.calls);
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(
        rows.map((r) => [r.agentId, r.queueId, r.wrapupReasonId, r.wrapupTime, r.talkTime]),
        [
          ['a-1', 'q-sales', 'w-resolved', 20, 55],
          ['a-2', 'q-sales', 'w-followup', 1, 57],
          ['a-1', 'q-support', 'w-followup', 30, 70],
        ],
      );
      const byAgent = (await (await h.get(`/api/v1/stats/calls?${day}&by=agent&agent=a-1`, sam)).json()) as Json;
      assert.deepEqual(byAgent.calls.map((r: Json) => [r.queueId, r.wrapupTime]), [['q-sales', 20], ['q-support', 30]]);
    });

    it('re-derives the same wrap-ups from the event log, and rebuilds the same rollups', async () => {
      const maintained = await dump(h, [...FACTS, ...ROLLUPS]);
      assert.equal(maintained.wrapups!.length, 3);
      await rebuildFromTheLog(h.services.store, 'UTC');
      assert.deepEqual(await dump(h, [...FACTS, ...ROLLUPS]), maintained);
    });
  });

  describe('across months', () => {
    let h: Harness;
    let stats: StatsService;
    const ev = eventFactory(Date.parse('2026-01-01T00:00:00Z'));
    /** An answered Sales call with a wrap-up, starting at `iso`. */
    const call = (id: string, iso: string) => {
      const s = (Date.parse(iso) - Date.parse('2026-01-01T00:00:00Z')) / 1000;
      return [
        ev('call.queued', s, { callId: id, queueId: 'q-sales' }),
        ev('call.offered', s + 4, { callId: id, agentId: 'a-1' }),
        ev('call.answered', s + 9, { callId: id, agentId: 'a-1' }),
        ev('call.ended', s + 200, { callId: id, by: 'caller' }),
        ev('wrapup.started', s + 200, { agentId: 'a-1', callId: id }),
        ev('wrapup.completed', s + 230, { agentId: 'a-1', callId: id, reasonId: 'w-resolved' }),
      ];
    };
    const request = (r: Partial<RankedRequest>): RankedRequest => ({ from: '2026-01-15', to: '2026-03-02', tz: 'UTC', order: 'desc', limit: 10, ...r });
    const same = async (r: Partial<RankedRequest>) => {
      const scope = scopeOf(['q-sales', 'q-support']);
      assert.deepEqual(await stats.agents(scope, request(r)), await stats.agents(scope, request(r), 'facts'));
      assert.deepEqual(await stats.queues(scope, request(r)), await stats.queues(scope, request(r), 'facts'));
      assert.deepEqual(await stats.wrapups(scope, request(r)), await stats.wrapups(scope, request(r), 'facts'));
    };
    const months = () => rows(h, "SELECT month, answered FROM queue_months WHERE queue_id = 'q-sales' ORDER BY month");

    before(async () => {
      h = await startHarness({ env: { FLOORVIEW_TIME_ZONE: 'UTC' } });
      for (const [id, at] of [
        ['m1', '2026-01-30T10:00:00Z'],
        ['m2', '2026-02-01T10:00:00Z'],
        ['m3', '2026-02-14T10:00:00Z'],
        ['m4', '2026-02-28T23:50:00Z'],
        ['m5', '2026-03-01T00:10:00Z'],
        ['m6', '2026-03-03T10:00:00Z'],
      ] as const)
        await h.events(...call(id, at));
      stats = h.services.stats;
    });
    after(() => h.close());

    it('sums a month once its last day is sealed, and reads whole months from it', async () => {
      // 2026-01 is month 672 since January 1970.
      assert.deepEqual(await months(), [[672, 1], [673, 3]]);
      assert.equal((await stats.queues(scopeOf(['q-sales']), request({}))).kpis.answered, 5);
      await same({});
      await same({ from: '2026-02-01', to: '2026-02-28' });
      await same({ from: '2026-01-31T12:00:00Z', to: '2026-03-01T00:15:00Z', tz: 'Asia/Kathmandu' });
    });

    it('brings a sealed month up to date when one of its calls arrives late', async () => {
      await h.events(...call('late', '2026-02-10T10:00:00Z'));
      assert.deepEqual(await months(), [[672, 1], [673, 4]]);
      await same({});
      const maintained = await dump(h, ROLLUPS);
      await rebuildRollupsOf(h.services.store, 'UTC');
      assert.deepEqual(await dump(h, ROLLUPS), maintained);
    });
  });

  describe('on a simulated week across a DST change (reporting zone America/Chicago)', () => {
    let h: Harness;
    let stats: StatsService;
    const from = Date.parse('2026-03-04T06:00:00Z');
    const to = Date.parse('2026-03-11T06:00:00Z');
    const everything = () => scopeOf(h.services.directory.queues.keys());
    const request = (r: Partial<RankedRequest>): RankedRequest => ({ from: '2026-03-05', to: '2026-03-10', order: 'desc', limit: 1000, ...r });

    before(async () => {
      const sim = generateCentre({ agents: 40, queues: 6, seed: 3 });
      h = await startHarness({ centre: sim, env: { FLOORVIEW_TIME_ZONE: 'America/Chicago' } });
      await new Simulator({ directory: h.services.directory, seed: 3 }).backfill(h.services.ingest, from, to);
      stats = h.services.stats;
    });
    after(() => h.close());

    it('holds presented = answered + bounced + abandoned + otherUnanswered against the handling records', async () => {
      const { queueAgents, kpis } = await stats.agents(everything(), request({}));
      const counted = new Map(
        (
          await storedRows(
            h.services.store,
            `SELECT agent_id, coalesce(queue_id, ''), direction, count(*) FROM handlings
             WHERE ended_at IS NOT NULL AND offered_at >= ${Date.parse('2026-03-05T06:00:00Z')} AND offered_at < ${Date.parse('2026-03-11T05:00:00Z')} GROUP BY 1, 2, 3`,
          )
        ).map(([a, q, d, n]) => [`${a}/${q}/${d}`, Number(n)]),
      );
      assert.ok(kpis.answeredCalls > 1000);
      for (const r of queueAgents) {
        assert.equal(r.presented, r.answered + r.bounced + r.abandoned + r.otherUnanswered);
        assert.equal(r.presented, counted.get(`${r.agentId}/${r.queueId ?? ''}/${r.direction}`) ?? 0, `${r.agentId} × ${r.queueId}`);
      }
    });

    it('holds totalCalls = answered + abandoned + other against the queue visit records', async () => {
      const { queues, kpis } = await stats.queues(everything(), request({}));
      const counted = new Map(
        (
          await storedRows(
            h.services.store,
            `SELECT queue_id, count(*) FROM queue_visits WHERE left_at IS NOT NULL AND queued_at >= ${Date.parse('2026-03-05T06:00:00Z')} AND queued_at < ${Date.parse('2026-03-11T05:00:00Z')} GROUP BY 1`,
          )
        ).map(([q, n]) => [q as string, Number(n)]),
      );
      assert.equal(kpis.totalCalls, kpis.answered + kpis.abandoned + queues.reduce((n, q) => n + q.other, 0));
      for (const q of queues) {
        assert.equal(q.totalCalls, q.answered + q.abandoned + q.other);
        assert.equal(q.totalCalls, counted.get(q.queueId) ?? 0, q.queueId);
      }
    });

    const variants: [string, Partial<RankedRequest>][] = [
      ['whole days in the reporting zone', {}],
      ['one day', { from: '2026-03-08', to: '2026-03-08' }],
      ['whole days in UTC', { tz: 'UTC' }],
      ['whole days in India (+05:30)', { tz: 'Asia/Kolkata' }],
      ['whole days in Shanghai (hour rows at the edges and in the trend), two queues', { tz: 'Asia/Shanghai', queue: ['q-sales', 'q-billing'] }],
      ['two days in Tokyo (an hourly trend from hour rows)', { from: '2026-03-06', to: '2026-03-07', tz: 'Asia/Tokyo' }],
      ['one agent in Shanghai', { tz: 'Asia/Shanghai', agent: ['a-003'] }],
      ['instants inside intervals', { from: '2026-03-05T13:07:00-06:00', to: '2026-03-09T20:52:00Z' }],
      ['a time-of-day window', { timeFrom: '08:30', timeTo: '18:00' }],
      ['a window past midnight', { timeFrom: '20:00', timeTo: '06:00', tz: 'Asia/Shanghai' }],
      ['two queues', { queue: ['q-sales', 'q-billing'] }],
      ['one agent', { agent: ['a-003'] }],
      ['one location', { location: 'Austin' }],
      ['ascending, top 3', { order: 'asc', limit: 3 }],
    ];

    for (const [name, r] of variants) {
      it(`gives exactly the figures computed from the raw facts: ${name}`, async () => {
        const req = request(r);
        const scope = everything();
        assert.deepEqual(await stats.agents(scope, req, 'rollups'), await stats.agents(scope, req, 'facts'));
        assert.deepEqual(await stats.queues(scope, req, 'rollups'), await stats.queues(scope, req, 'facts'));
        assert.deepEqual(await stats.wrapups(scope, req, 'rollups'), await stats.wrapups(scope, req, 'facts'));
      });
    }

    it('gives a supervisor’s scope exactly the figures computed from the raw facts', async () => {
      const scope = scopeOf(['q-sales', 'q-vip']);
      for (const req of [request({}), request({ tz: 'Asia/Shanghai' }), request({ from: '2026-03-08', to: '2026-03-08', tz: 'UTC' })]) {
        assert.deepEqual(await stats.agents(scope, req, 'rollups'), await stats.agents(scope, req, 'facts'));
        assert.deepEqual(await stats.queues(scope, req, 'rollups'), await stats.queues(scope, req, 'facts'));
        assert.deepEqual(await stats.wrapups(scope, req, 'rollups'), await stats.wrapups(scope, req, 'facts'));
      }
    });

    it('splits the trend into the local days of the request, 23 hours on the day DST starts', async () => {
      const chicago = await stats.queues(everything(), request({ from: '2026-03-07', to: '2026-03-09' }));
      const utc = await stats.queues(everything(), request({ from: '2026-03-07', to: '2026-03-09', tz: 'UTC' }));
      assert.deepEqual(chicago.trend.map((p) => p.start), ['2026-03-07T00:00:00-06:00', '2026-03-08T00:00:00-06:00', '2026-03-09T00:00:00-05:00']);
      assert.deepEqual(utc.trend.map((p) => p.period), ['2026-03-07', '2026-03-08', '2026-03-09']);
      // The same calls, cut at other midnights.
      assert.notDeepEqual(chicago.trend.map((p) => p.totalCalls), utc.trend.map((p) => p.totalCalls));
      const hours = await stats.queues(everything(), request({ from: '2026-03-08', to: '2026-03-08' }));
      assert.equal(hours.trend.length, 23);
      assert.equal(hours.outcomes.totalCalls, hours.trend.reduce((n, p) => n + p.totalCalls, 0));
      assert.equal(chicago.trend[1]!.totalCalls, hours.outcomes.totalCalls);
    });

    it('rebuilds the rollups from the facts exactly as they were maintained', async () => {
      const maintained = await dump(h, ROLLUPS);
      await rebuildRollupsOf(h.services.store, 'America/Chicago');
      assert.deepEqual(await dump(h, ROLLUPS), maintained);
    });

    it('re-derives the facts from the event log and rebuilds the rollups exactly as they were maintained', async () => {
      const maintained = await dump(h, [...FACTS, ...ROLLUPS]);
      const calls = await rebuildFromTheLog(h.services.store, 'America/Chicago');
      assert.ok(calls > 10_000);
      assert.deepEqual(await dump(h, [...FACTS, ...ROLLUPS]), maintained);
    });

    it('recuts the daily totals when the reporting zone changes', async () => {
      await h.close({ keepFiles: true });
      h = await startHarness({ dir: h.dir, centre: generateCentre({ agents: 40, queues: 6, seed: 3 }), env: { FLOORVIEW_TIME_ZONE: 'Asia/Shanghai' } });
      stats = h.services.stats;
      assert.equal(stats.reportingZone.name, 'Asia/Shanghai');
      const req = request({ tz: 'Asia/Shanghai' });
      assert.deepEqual(await stats.agents(everything(), req, 'rollups'), await stats.agents(everything(), req, 'facts'));
      const recut = await dump(h, ROLLUPS);
      await rebuildRollupsOf(h.services.store, 'Asia/Shanghai');
      assert.deepEqual(await dump(h, ROLLUPS), recut);
    });
  });
});
