import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { handComputedDay } from './hand-computed-day.js';
import { DISPLAY, startHarness, type Harness } from './harness.js';

/** The hand-computed day (./hand-computed-day.ts): one call per outcome, in the small test centre, UTC reporting zone. */
const day = 'from=2026-03-02&to=2026-03-02&tz=UTC';

type Json = Record<string, any>;

describe('GET /api/v1/stats/* on a hand-computed day', () => {
  let h: Harness;
  let sam: Record<string, string>;
  let ava: Record<string, string>;
  const get = async (path: string, auth: Record<string, string>) => {
    const res = await h.get(`/api/v1/stats/${path}`, auth);
    const body = (await res.json()) as Json;
    assert.equal(res.status, 200, JSON.stringify(body));
    return body;
  };

  before(async () => {
    h = await startHarness({ env: { FLOORVIEW_TIME_ZONE: 'UTC' } });
    // Out of order, as a platform may send them.
    await h.events(...handComputedDay().reverse());
    sam = await h.login('sam');
    ava = await h.login('ava');
  });
  after(() => h.close());

  describe('agents (C8)', () => {
    it('reports the agent KPIs over answered calls, outbound included except where inbound is named', async () => {
      const { kpis } = await get(`agents?${day}`, sam);
      // answered: c1 a-2, c6 a-1, c6 a-3, c7 a-2 outbound. Handle: a-1 15+4+62, a-2 90, a-2 out 68, a-3 62, a-4 3.
      // Occupancy: handle 81 + 158 + 62 + 3 = 304 s; idle a-1 799 + a-3 228 + a-4 57 = 1,084 s (a-2 never signed in).
      assert.deepEqual(kpis, { answeredCalls: 4, avgHandleTime: 76, avgInboundConnectedTime: 68.333, avgInboundHoldTime: 13.333, occupancy: 0.219 });
    });

    it('fills every column of the queue-agent table, with zero rows for assigned agents and a row for outbound calls', async () => {
      const { queueAgents } = await get(`agents?${day}`, sam);
      const row = (agentId: string, queueId: string | null) => {
        const r = queueAgents.find((x: Json) => x.agentId === agentId && x.queueId === queueId);
        assert.ok(r, `${agentId} × ${queueId}`);
        return r;
      };
      assert.equal(queueAgents.length, 6);
      assert.deepEqual(row('a-1', 'q-sales'), {
        agentName: '李娜', queueName: 'Sales', queueNames: {}, location: 'Shanghai',
        answered: 1, bounced: 1, abandoned: 1, otherUnanswered: 0, presented: 3,
        totalTalkTime: 60, avgTalkTime: 60, totalHoldTime: 0, avgHoldTime: 0, totalHandleTime: 81, avgHandleTime: 81,
        idleTime: 799, occupancy: 0.092,
        agentId: 'a-1', queueId: 'q-sales', direction: 'inbound',
      });
      assert.deepEqual(row('a-2', 'q-sales'), {
        agentName: 'Wang Wei', queueName: 'Sales', queueNames: {}, location: 'Shanghai',
        answered: 1, bounced: 0, abandoned: 0, otherUnanswered: 0, presented: 1,
        totalTalkTime: 45, avgTalkTime: 45, totalHoldTime: 40, avgHoldTime: 40, totalHandleTime: 90, avgHandleTime: 90,
        idleTime: 0, occupancy: 1,
        agentId: 'a-2', queueId: 'q-sales', direction: 'inbound',
      });
      assert.deepEqual(row('a-2', null), {
        agentName: 'Wang Wei', queueName: null, queueNames: {}, location: 'Shanghai',
        answered: 1, bounced: 0, abandoned: 0, otherUnanswered: 0, presented: 1,
        totalTalkTime: 60, avgTalkTime: 60, totalHoldTime: 0, avgHoldTime: 0, totalHandleTime: 68, avgHandleTime: 68,
        idleTime: 0, occupancy: null,
        agentId: 'a-2', queueId: null, direction: 'outbound',
      });
      assert.deepEqual(row('a-3', 'q-support'), {
        agentName: 'Olivia Smith', queueName: 'Support', queueNames: {}, location: 'Austin',
        answered: 1, bounced: 0, abandoned: 0, otherUnanswered: 0, presented: 1,
        totalTalkTime: 60, avgTalkTime: 60, totalHoldTime: 0, avgHoldTime: 0, totalHandleTime: 62, avgHandleTime: 62,
        idleTime: 228, occupancy: 0.2138,
        agentId: 'a-3', queueId: 'q-support', direction: 'inbound',
      });
      assert.deepEqual(row('a-4', 'q-sales'), {
        agentName: '<img src=x onerror=alert(1)>', queueName: 'Sales', queueNames: {}, location: 'Austin',
        answered: 0, bounced: 0, abandoned: 0, otherUnanswered: 1, presented: 1,
        totalTalkTime: 0, avgTalkTime: null, totalHoldTime: 0, avgHoldTime: null, totalHandleTime: 3, avgHandleTime: null,
        idleTime: 57, occupancy: 0.05,
        agentId: 'a-4', queueId: 'q-sales', direction: 'inbound',
      });
      // a-4 was idle in both queues at once: the idle time counts in each.
      assert.deepEqual([row('a-4', 'q-support').presented, row('a-4', 'q-support').idleTime, row('a-4', 'q-support').occupancy], [0, 57, 0]);
    });

    it('ranks agents by occupancy: handle ÷ (handle + idle), every call of theirs', async () => {
      const { occupancyByAgent } = await get(`agents?${day}`, sam);
      assert.deepEqual(occupancyByAgent, [
        { agentId: 'a-2', agentName: 'Wang Wei', value: 1, handleTime: 158, idleTime: 0 },
        { agentId: 'a-3', agentName: 'Olivia Smith', value: 0.2138, handleTime: 62, idleTime: 228 },
        { agentId: 'a-1', agentName: '李娜', value: 0.092, handleTime: 81, idleTime: 799 },
        { agentId: 'a-4', agentName: '<img src=x onerror=alert(1)>', value: 0.05, handleTime: 3, idleTime: 57 },
      ]);
      // Under a queue filter an agent's time is their time in those queues.
      const support = await get(`agents?${day}&queue=q-support`, sam);
      assert.deepEqual(support.occupancyByAgent.map((a: Json) => [a.agentId, a.value, a.idleTime]), [['a-3', 0.2138, 228], ['a-4', 0, 57]]);
      assert.equal(support.kpis.occupancy, 0.1787); // 62 ÷ (62 + 228 + 57) = 0.17867
    });

    it('ranks agents by average inbound connected and hold time, both ways, ties by name', async () => {
      const desc = await get(`agents?${day}`, sam);
      assert.deepEqual(
        desc.avgInboundConnectedTimeByAgent.map((a: Json) => [a.agentId, a.value, a.answered]),
        [['a-2', 85, 1], ['a-3', 60, 1], ['a-1', 60, 1]],
      );
      assert.deepEqual(desc.avgInboundHoldTimeByAgent.map((a: Json) => [a.agentId, a.value]), [['a-2', 40], ['a-3', 0], ['a-1', 0]]);
      const asc = await get(`agents?${day}&order=asc&limit=2`, sam);
      assert.deepEqual(asc.avgInboundConnectedTimeByAgent.map((a: Json) => a.agentId), ['a-3', 'a-1']);
    });

    it('trends average connected time per inbound connection hour by hour in the requested zone', async () => {
      const { trend, range } = await get(`agents?${day}`, sam);
      assert.equal(range.interval, 'hour');
      assert.equal(trend.length, 24);
      assert.deepEqual(trend[9], { period: '2026-03-02T09:00', start: '2026-03-02T09:00:00+00:00', connections: 3, avgConnectedTime: 68.333 });
      assert.equal(trend.filter((p: Json) => p.connections > 0).length, 1);
      // The same hour is 17:00 in Shanghai.
      const shanghai = await get('agents?from=2026-03-02&to=2026-03-02&tz=Asia/Shanghai', sam);
      assert.deepEqual(shanghai.trend.find((p: Json) => p.connections > 0).period, '2026-03-02T17:00');
    });
  });

  describe('queues (C12)', () => {
    it('reports the queue KPIs, service level and abandon rate', async () => {
      const { kpis, outcomes } = await get(`queues?${day}`, sam);
      // Service level: c6 Sales (3 s) and c6 Support (9 s) within threshold; c1 waited 25 s > 20 s.
      // Denominator: 3 answered + c2, c4, c8 abandoned after 5 s (c3 is a short abandon).
      assert.deepEqual(kpis, {
        answered: 3, abandoned: 4, avgHoldTime: 13.333, avgQueueWait: 12.333, serviceLevel: 0.3333, abandonRate: 0.5, totalCalls: 8,
      });
      assert.deepEqual(outcomes, { answered: 3, abandoned: 4, other: 1, totalCalls: 8 });
    });

    it('fills every column of the queue details table', async () => {
      const { queues } = await get(`queues?${day}`, sam);
      assert.deepEqual(queues, [
        {
          queueName: 'Sales', queueNames: {}, holdDuration: 40, avgHoldTime: 20, connectedDuration: 145, avgInboundConnected: 72.5,
          handleTime: 174, avgHandleTime: 87, queueTime: 28, avgQueueWait: 14,
          answered: 2, abandoned: 3, totalCalls: 6, other: 1, serviceLevel: 0.25, abandonRate: 0.5, queueId: 'q-sales',
        },
        {
          queueName: 'Support', queueNames: {}, holdDuration: 0, avgHoldTime: 0, connectedDuration: 60, avgInboundConnected: 60,
          handleTime: 62, avgHandleTime: 62, queueTime: 9, avgQueueWait: 9,
          answered: 1, abandoned: 1, totalCalls: 2, other: 0, serviceLevel: 0.5, abandonRate: 0.5, queueId: 'q-support',
        },
      ]);
    });

    it('charts wait and hold per queue and calls by outcome over time', async () => {
      const body = await get(`queues?${day}`, sam);
      assert.deepEqual(body.avgQueueWaitByQueue, [
        { queueId: 'q-sales', queueName: 'Sales', queueNames: {}, value: 14, answered: 2 },
        { queueId: 'q-support', queueName: 'Support', queueNames: {}, value: 9, answered: 1 },
      ]);
      assert.deepEqual(body.avgHoldTimeByQueue.map((q: Json) => [q.queueId, q.value]), [['q-sales', 20], ['q-support', 0]]);
      const busy = body.trend.filter((p: Json) => p.totalCalls > 0).map(({ start: _s, ...p }: Json) => p);
      assert.deepEqual(busy, [
        { period: '2026-03-02T09:00', answered: 3, abandoned: 3, other: 1, totalCalls: 7, staffedAgents: 0.4, agentsRequired: 2, agentsShort: 1.6 },
        { period: '2026-03-02T12:00', answered: 0, abandoned: 1, other: 0, totalCalls: 1, staffedAgents: 0, agentsRequired: 1, agentsShort: 1 },
      ]);
    });

    it('sets agents needed against agents staffed, period by period', async () => {
      const body = await get(`queues?${day}`, sam);
      // 08:00: a-1 staffed Sales its last minute (60 s ÷ 3,600 s rounds to 0.0); needed nothing.
      assert.deepEqual(
        body.trend.filter((p: Json) => p.staffedAgents > 0 || p.agentsRequired !== 0).map((p: Json) => [p.period, p.staffedAgents, p.agentsRequired]),
        [
          // Staffed: a-1 900 s + a-4 60 s in Sales, a-3 300 s + a-4 60 s in Support = 1,320 s of 3,600.
          // Needed: Sales 6 calls, 2 answered, work 174 s handle + 60 s wrap-up: 0.195 erlangs, 1 agent meets 80 % in 20 s;
          // Support 1 call, 62 s + 10 s: 1 agent.
          ['2026-03-02T09:00', 0.4, 2],
          // Support's one call, abandoned: at the day's work per Support call (72 s), 1 agent.
          ['2026-03-02T12:00', 0, 1],
        ],
      );
      // Short at 09:00: Sales 1 − 960 ÷ 3,600 = 0.733, Support 1 − 360 ÷ 3,600 = 0.9; added, 1.6. At 12:00, 1.
      assert.deepEqual(body.staffing, { periods: 24, understaffedPeriods: 2, largestShortfall: 1.6, avgShortfall: 1.3 });
      // Of chosen agents: their staffed time only.
      const a1 = await get(`queues?${day}&agent=a-1`, sam);
      assert.equal(a1.trend[9].staffedAgents, 0.3); // 900 s in Sales; Support not staffed by a-1
    });

    it('counts only the calls the chosen agents answered when filtered by agent', async () => {
      const { queues } = await get(`queues?${day}&agent=a-1`, sam);
      const sales = queues.find((q: Json) => q.queueId === 'q-sales');
      assert.deepEqual([sales.answered, sales.abandoned, sales.totalCalls, sales.avgQueueWait], [1, 0, 1, 3]);
    });
  });

  describe('wrap-ups (C9)', () => {
    it('reports the average wrap-up time and the queues with the highest and lowest averages', async () => {
      const { kpis } = await get(`wrapups?${day}`, sam);
      assert.deepEqual(kpis, {
        avgWrapupTime: 25,
        completed: 4,
        highestAvgWrapupQueue: { queueId: 'q-sales', queueName: 'Sales', queueNames: {}, completed: 2, avgWrapupTime: 30 },
        lowestAvgWrapupQueue: { queueId: 'q-support', queueName: 'Support', queueNames: {}, completed: 1, avgWrapupTime: 10 },
      });
    });

    it('ranks reasons by use, queues by average, agents by count and by average', async () => {
      const body = await get(`wrapups?${day}`, sam);
      assert.deepEqual(body.reasonsByUse, [
        { reasonId: 'w-resolved', reasonName: 'Resolved', reasonNames: {}, completed: 3, avgWrapupTime: 26.667 },
        { reasonId: 'w-followup', reasonName: 'Follow-up needed', reasonNames: {}, completed: 1, avgWrapupTime: 20 },
      ]);
      assert.deepEqual(body.queuesByAvgWrapupTime.map((q: Json) => [q.queueId, q.completed, q.avgWrapupTime]), [['q-sales', 2, 30], ['q-support', 1, 10]]);
      assert.deepEqual(body.agentsByCompleted.map((a: Json) => [a.agentId, a.completed, a.avgWrapupTime]), [['a-2', 2, 35], ['a-3', 1, 10], ['a-1', 1, 20]]);
      assert.deepEqual(body.agentsByAvgWrapupTime.map((a: Json) => a.agentId), ['a-2', 'a-1', 'a-3']);
      const bottom = await get(`wrapups?${day}&order=asc&limit=1`, sam);
      assert.deepEqual(bottom.reasonsByUse.map((r: Json) => r.reasonId), ['w-followup']);
    });

    it('trends the average wrap-up time', async () => {
      const { trend } = await get(`wrapups?${day}`, sam);
      assert.deepEqual(
        trend.filter((p: Json) => p.completed > 0).map((p: Json) => [p.period, p.completed, p.avgWrapupTime]),
        [['2026-03-02T09:00', 3, 23.333], ['2026-03-02T11:00', 1, 30]],
      );
    });
  });

  describe('calls (drill-down)', () => {
    it('lists the queue visits behind a queue figure, with times, agent, wait, talk, hold and wrap-up', async () => {
      const { calls } = await get(`calls?${day}&queue=q-sales&outcome=answered`, sam);
      assert.deepEqual(calls[0], {
        callId: 'c1', direction: 'inbound',
        startedAt: '2026-03-02T09:00:00.000Z', answeredAt: '2026-03-02T09:00:25.000Z', endedAt: '2026-03-02T09:01:50.000Z',
        queueId: 'q-sales', queueName: 'Sales', queueNames: {}, agentId: 'a-2', agentName: 'Wang Wei', outcome: 'answered',
        waitTime: 25, talkTime: 45, holdTime: 40, wrapupReasonId: 'w-resolved', wrapupReason: 'Resolved', wrapupReasonNames: {}, wrapupTime: 40,
      });
      assert.deepEqual(calls.map((c: Json) => c.callId), ['c1', 'c6']);
    });

    it('lists exactly the calls each figure counted', async () => {
      const ids = async (query: string) => (await get(`calls?${day}&${query}`, sam)).calls.map((c: Json) => c.callId);
      assert.deepEqual(await ids('outcome=abandoned'), ['c2', 'c3', 'c4', 'c8']);
      assert.deepEqual(await ids('outcome=other'), ['c5']);
      assert.deepEqual(await ids('by=agent&agent=a-1'), ['c1', 'c4', 'c6']);
      assert.deepEqual(await ids('by=agent&agent=a-1&outcome=bounced'), ['c1']);
      assert.deepEqual(await ids('by=agent&direction=outbound'), ['c7']);
      assert.deepEqual(await ids('by=wrapup&reason=w-resolved'), ['c1', 'c6', 'c7']);
    });

    it('pages with a cursor until the last page', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Json = await get(`calls?${day}&limit=3${cursor ? `&cursor=${cursor}` : ''}`, sam);
        seen.push(...page.calls.map((c: Json) => `${c.callId}/${c.queueId}`));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, ['c1/q-sales', 'c2/q-sales', 'c3/q-sales', 'c4/q-sales', 'c5/q-sales', 'c6/q-sales', 'c6/q-support', 'c8/q-support']);
    });

    it('refuses a cursor it did not issue, and bounced outside by=agent', async () => {
      const bad = await h.get(`/api/v1/stats/calls?${day}&cursor=bm9wZQ`, sam);
      assert.equal(bad.status, 400);
      assert.ok(((await bad.json()) as Json).error.fields.cursor);
      assert.equal((await h.get(`/api/v1/stats/calls?${day}&outcome=bounced`, sam)).status, 400);
    });
  });

  describe('scope', () => {
    it('shows a supervisor only their queues, and outbound calls of agents in them', async () => {
      const { kpis, queueAgents } = await get(`agents?${day}`, ava);
      assert.equal(kpis.answeredCalls, 3);
      assert.deepEqual(
        queueAgents.map((r: Json) => `${r.agentId}/${r.queueId}`).sort(),
        ['a-1/q-sales', 'a-2/null', 'a-2/q-sales', 'a-4/q-sales'],
      );
      const queues = await get(`queues?${day}`, ava);
      assert.deepEqual(queues.queues.map((q: Json) => q.queueId), ['q-sales']);
      const wrapups = await get(`wrapups?${day}`, ava);
      assert.deepEqual([wrapups.kpis.completed, wrapups.reasonsByUse.map((r: Json) => [r.reasonId, r.completed])], [3, [['w-resolved', 2], ['w-followup', 1]]]);
    });

    it('refuses a queue or an agent outside the scope with 403', async () => {
      for (const path of [`agents?${day}&queue=q-support`, `queues?${day}&queue=q-sales,q-support`, `wrapups?${day}&agent=a-3`, `calls?${day}&agent=a-3`]) {
        const res = await h.get(`/api/v1/stats/${path}`, ava);
        assert.equal(res.status, 403, path);
      }
    });

    it('leaves calls with no queue out when queues are chosen', async () => {
      const { queueAgents } = await get(`agents?${day}&queue=q-sales`, sam);
      assert.ok(!queueAgents.some((r: Json) => r.queueId === null));
    });

    it('filters agents by location', async () => {
      const { queueAgents } = await get(`agents?${day}&location=Austin`, sam);
      assert.deepEqual([...new Set(queueAgents.map((r: Json) => r.agentId))].sort(), ['a-3', 'a-4']);
    });

    it('lets a display token read the statistics of its queues only', async () => {
      const { queues } = await get(`queues?${day}`, DISPLAY);
      assert.deepEqual(queues.map((q: Json) => q.queueId), ['q-support']);
      assert.equal((await h.get(`/api/v1/stats/queues?${day}&queue=q-sales`, DISPLAY)).status, 403);
      assert.equal((await h.get(`/api/v1/stats/queues?${day}`)).status, 401);
    });
  });

  describe('validation', () => {
    const fields = async (query: string) => {
      const res = await h.get(`/api/v1/stats/agents?${query}`, sam);
      assert.equal(res.status, 400, query);
      return ((await res.json()) as Json).error.fields as Record<string, string>;
    };

    it('names each bad field', async () => {
      assert.ok((await fields('from=2026-03-09&to=2026-03-02')).to);
      assert.ok((await fields('from=2025-01-01&to=2026-03-02')).to);
      assert.ok((await fields('from=2026-02-30&to=2026-03-02')).from);
      assert.ok((await fields('from=yesterday&to=2026-03-02')).from);
      assert.ok((await fields('from=2026-03-01&to=2026-03-02&tz=Mars/Olympus')).tz);
      assert.ok((await fields('from=2026-03-01&to=2026-03-02&timeFrom=9am')).timeFrom);
      assert.ok((await fields('from=2026-03-01&to=2026-03-02&timeFrom=09:00&timeTo=09:00')).timeTo);
      assert.ok((await fields('from=2026-03-01&to=2026-03-02&queue=q-nowhere')).queue);
      assert.ok((await fields('from=2026-03-01&to=2026-03-02&location=Atlantis')).location);
      assert.ok((await fields('to=2026-03-02')).from);
    });

    it('accepts instants and a time-of-day window, and says what it counted', async () => {
      const { range, kpis } = await get('agents?from=2026-03-02T09:05:00Z&to=2026-03-02T09:20:00%2B00:00&timeFrom=09:10&timeTo=10:00', sam);
      // 09:05 snaps to 09:15: the first handling offered from 09:15 on is c9 (still connected), so nothing counts.
      assert.deepEqual(range, { from: '2026-03-02T09:15:00+00:00', to: '2026-03-02T09:30:00+00:00', tz: 'UTC', timeFrom: '09:10', timeTo: '10:00', interval: 'hour' });
      assert.equal(kpis.answeredCalls, 0);
    });
  });

  it('documents every statistics endpoint in the OpenAPI description', async () => {
    const doc = (await (await h.get('/api/v1/openapi.json')).json()) as Json;
    for (const path of ['/stats/agents', '/stats/queues', '/stats/wrapups', '/stats/calls']) {
      const op = doc.paths[path]?.get;
      assert.ok(op, path);
      assert.ok(op.responses['200'] && op.responses['400'] && op.responses['403'], path);
      assert.match(op.description, /multiple of 15 minutes/);
    }
  });
});
