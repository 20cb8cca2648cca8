import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { QueueRow } from '../../contract/live.js';
import { queueStaffing } from '../../server/domain/queue-staffing.js';
import { periodStaffing, staffingSummary } from '../../server/stats/period-staffing.js';
import { startHarness, type Harness } from './harness.js';

/**
 * Agents needed now on the live queue rows: Erlang C over the last 30 minutes (the default
 * window), with each queue's threshold and an 80 % target (the directory's default).
 * Sales answers within 20 s, Support within 30 s (test/server/harness.ts).
 */
const NOW = Date.parse('2026-01-15T12:00:00Z');
const MIN = 60_000;

describe('agents needed per queue, live', () => {
  let h: Harness;
  let now = NOW;
  let ava: Record<string, string>;
  let ben: Record<string, string>;
  let n = 0;

  const ev = (callId: string, type: string, t: number, fields: object = {}) => ({ id: `${callId}-${type}`, type, at: new Date(t).toISOString(), callId, ...fields });
  /** A call queued at `t`: answered at once by `agentId` and ended after `handle` s, wrapped up for `wrapup` s after; else abandoned after 3 s. */
  const call = (queueId: string, t: number, answer?: { agentId: string; handle: number; wrapup?: number }) => {
    const callId = `c-${++n}`;
    const events: object[] = [ev(callId, 'call.queued', t, { queueId, direction: 'inbound' })];
    if (!answer) return [...events, ev(callId, 'call.ended', t + 3_000, { by: 'caller' })];
    const end = t + answer.handle * 1000;
    const agentId = answer.agentId;
    events.push(ev(callId, 'call.offered', t, { agentId }), ev(callId, 'call.answered', t, { agentId }), ev(callId, 'call.ended', end, { by: 'agent' }));
    if (answer.wrapup) {
      events.push(ev(callId, 'wrapup.started', end, { agentId }), ev(callId, 'wrapup.completed', end + answer.wrapup * 1000, { agentId, reasonId: 'w-resolved' }));
    }
    return events;
  };
  const rows = async (headers: Record<string, string>) => {
    const body = (await (await h.get('/api/v1/queues', headers)).json()) as { queues: QueueRow[] };
    return new Map(body.queues.map((q) => [q.queueId, q]));
  };
  const figures = (q: QueueRow) => ({ agentsRequired: q.agentsRequired, recentCalls: q.recentCalls, recentAhtSeconds: q.recentAhtSeconds });

  before(async () => {
    h = await startHarness({ env: { FLOORVIEW_SESSION_HOURS: '48' }, clock: () => now, stream: { tickMs: 3_600_000 } });
    ava = await h.login('ava');
    ben = await h.login('ben');
    const start = NOW - 29 * MIN;
    // Sales: the published example — 100 calls in 30 minutes at 180 s each, 80 % in 20 s → 14 agents.
    // Five are answered (every 20th, 180 s each, by one agent), 95 abandoned: the load is what was offered.
    const sales: object[] = [];
    for (let i = 0; i < 100; i++) sales.push(...call('q-sales', start + i * 15_000, i % 20 === 0 ? { agentId: 'a-1', handle: 180 } : undefined));
    // Before the window: not counted.
    sales.push(...call('q-sales', NOW - 31 * MIN));
    // Support: 40 calls, four answered with 150 s of handling and 30 s of wrap-up each: 180 s of work.
    const support: object[] = [];
    for (let i = 0; i < 40; i++) support.push(...call('q-support', start + i * 30_000, i % 10 === 0 ? { agentId: 'a-3', handle: 150, wrapup: 30 } : undefined));
    await h.events(...sales);
    await h.events(...support);
    await h.services.queueToday.refresh();
  });
  after(() => h.close());

  it('matches the published Erlang C figure from the window’s arrivals and handle time', async () => {
    const sales = (await rows(ava)).get('q-sales')!;
    assert.deepEqual(figures(sales), { agentsRequired: 14, recentCalls: 100, recentAhtSeconds: 180 });
  });

  it('counts wrap-up as work: 40 calls at 150 s + 30 s in 30 minutes, 80 % in 30 s need 7 agents', async () => {
    // Traffic 40 ÷ 1800 s × 180 s = 4 erlangs. By hand (Erlang B recursion): 6 agents answer
    // 79.6 % within 30 s (P(wait) 0.2848), 7 agents 91.8 % (P(wait) 0.1351): 7.
    const support = (await rows(ben)).get('q-support')!;
    assert.deepEqual(figures(support), { agentsRequired: 7, recentCalls: 40, recentAhtSeconds: 180 });
    // Without the wrap-up (150 s: 3.33 erlangs) six would do: the wrap-up is what asks for the seventh.
    assert.equal(queueStaffing({ arrivals: 40, handled: 4, workSeconds: 600 }, 1800, { seconds: 30, serviceLevel: 0.8 }).agentsRequired, 6);
  });

  it('needs nobody without calls, and says it does not know while no call of the window was handled', () => {
    assert.deepEqual(queueStaffing({ arrivals: 0, handled: 0, workSeconds: 0 }, 1800, { seconds: 20, serviceLevel: 0.8 }), {
      agentsRequired: 0,
      recentCalls: 0,
      recentAhtSeconds: null,
    });
    assert.deepEqual(queueStaffing({ arrivals: 12, handled: 0, workSeconds: 0 }, 1800, { seconds: 20, serviceLevel: 0.8 }), {
      agentsRequired: null,
      recentCalls: 12,
      recentAhtSeconds: null,
    });
  });

  it('follows the window as it slides, with no event coming in, and re-sends only what changed', async () => {
    h.services.floor.takeDirty();
    // Eleven minutes on, the window starts ten minutes after the first call: Sales' first 40 calls
    // (two of them answered) fall out of it.
    now = NOW + 11 * MIN;
    await h.services.queueToday.refresh();
    assert.deepEqual([...h.services.floor.takeDirty().queues].sort(), ['q-sales', 'q-support']);
    const sales = (await rows(ava)).get('q-sales')!;
    // 60 calls of 180 s in 30 minutes: 6 erlangs; by the same tables, 9 agents for 80 % in 20 s.
    assert.deepEqual(figures(sales), { agentsRequired: 9, recentCalls: 60, recentAhtSeconds: 180 });
    await h.services.queueToday.refresh();
    assert.equal(h.services.floor.takeDirty().queues.size, 0, 'nothing moved: nothing re-sent');
    // Half an hour later nothing is left.
    now = NOW + 40 * MIN;
    await h.services.queueToday.refresh();
    assert.deepEqual(figures((await rows(ava)).get('q-sales')!), { agentsRequired: 0, recentCalls: 0, recentAhtSeconds: null });
  });
});

describe('agents needed against staffed, per history period', () => {
  const HOUR = 3_600_000;
  const target = { seconds: 20, serviceLevel: 0.8 };
  // 100 calls an hour at 180 s (no wrap-up): 5 erlangs, 8 agents meet 80 % in 20 s (a published table's figure, as live).
  const busy = [100, 100, 100 * 180_000] as const;

  it('adds each queue’s shortfall: one queue’s spare agents do not cover another’s', () => {
    const [p] = periodStaffing(
      [
        { target, loads: [busy], staffedMs: [10 * HOUR] },
        { target, loads: [busy], staffedMs: [6.5 * HOUR] },
      ],
      [HOUR],
    );
    assert.deepEqual(p, { staffedAgents: 16.5, agentsRequired: 16, agentsShort: 1.5 });
  });

  it('takes the range’s work per call for a period whose calls none were answered', () => {
    // 10:00: 30 calls, none answered; at the range's 180 s a call, 1.5 erlangs: 3 agents answer 79.95 % in 20 s, so 4.
    const periods = periodStaffing([{ target, loads: [busy, [30, 0, 0]], staffedMs: [4 * HOUR, HOUR] }], [HOUR, HOUR]);
    assert.deepEqual(periods[1], { staffedAgents: 1, agentsRequired: 4, agentsShort: 3 });
    assert.deepEqual(staffingSummary(periods), { periods: 2, understaffedPeriods: 2, largestShortfall: 4, avgShortfall: 3.5 });
  });

  it('does not know the need while no call of the range was answered', () => {
    const periods = periodStaffing([{ target, loads: [[0, 0, 0], [3, 0, 0]], staffedMs: [0, HOUR] }], [HOUR, HOUR]);
    assert.deepEqual(periods, [
      { staffedAgents: 0, agentsRequired: 0, agentsShort: 0 },
      { staffedAgents: 1, agentsRequired: null, agentsShort: null },
    ]);
    assert.deepEqual(staffingSummary(periods), { periods: 1, understaffedPeriods: 0, largestShortfall: 0, avgShortfall: null });
  });

  it('averages staffed time over the counted length of the period', () => {
    // A 09:00–09:30 window: half an hour of a 5-agent queue counts as 5 agents, not 2.5.
    const [p] = periodStaffing([{ target, loads: [[0, 0, 0]], staffedMs: [2.5 * HOUR] }], [HOUR / 2]);
    assert.deepEqual(p, { staffedAgents: 5, agentsRequired: 0, agentsShort: 0 });
  });
});
