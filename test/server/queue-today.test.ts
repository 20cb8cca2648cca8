import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { QueueRow } from '../../contract/live.js';
import { queueDayFigures } from '../../server/domain/queue-today.js';
import { DISPLAY, startHarness, type Harness } from './harness.js';

/**
 * Today's service level and abandon rate on the live queue rows (SPEC §4), in
 * America/Chicago, on 15 January 2026 (UTC−6): local midnight is 06:00 UTC.
 * Sales: service level 20 s, short abandon 5 s (the defaults).
 */
const ZONE = 'America/Chicago';
const MIDNIGHT = Date.parse('2026-01-15T06:00:00Z');
const NEXT_MIDNIGHT = Date.parse('2026-01-16T06:00:00Z');

describe('today’s service level and abandon rate per queue', () => {
  let h: Harness;
  let now = MIDNIGHT + 6 * 3_600_000;
  let n = 0;
  let ava: Record<string, string>;

  /** A call queued in Sales `at` ms, then answered, abandoned, ended otherwise, or left waiting after `seconds`. */
  const call = (at: number, seconds: number, outcome: 'answered' | 'abandoned' | 'other' | 'waiting') => {
    const callId = `c-${++n}`;
    const ev = (type: string, t: number, fields: object = {}) => ({ id: `${callId}-${type}`, type, at: new Date(t).toISOString(), callId, ...fields });
    const end = at + seconds * 1000;
    const events: object[] = [ev('call.queued', at, { queueId: 'q-sales', direction: 'inbound' })];
    if (outcome === 'answered') events.push(ev('call.offered', at, { agentId: 'a-1' }), ev('call.answered', end, { agentId: 'a-1' }), ev('call.ended', end + 60_000, { by: 'agent' }));
    if (outcome === 'abandoned') events.push(ev('call.ended', end, { by: 'caller' }));
    if (outcome === 'other') events.push(ev('call.ended', end, { by: 'system', outcome: 'other' }));
    return events;
  };

  const rows = async (headers: Record<string, string>) => {
    const body = (await (await h.get('/api/v1/queues', headers)).json()) as { queues: QueueRow[] };
    return new Map(body.queues.map((q) => [q.queueId, q]));
  };

  before(async () => {
    // The stream never ticks here, so what the service marks dirty stays observable.
    h = await startHarness({ env: { FLOORVIEW_TIME_ZONE: ZONE, FLOORVIEW_SESSION_HOURS: '48' }, clock: () => now, stream: { tickMs: 3_600_000 } });
    ava = await h.login('ava');
    const t = MIDNIGHT + 3_600_000;
    await h.events(
      // Queued ten seconds before local midnight and answered after it: yesterday's.
      ...call(MIDNIGHT - 10_000, 15, 'answered'),
      ...call(t, 10, 'answered'), // within 20 s
      ...call(t + 60_000, 20, 'answered'), // exactly 20 s: within
      ...call(t + 120_000, 25, 'answered'), // too slow
      ...call(t + 180_000, 3, 'abandoned'), // short abandon: not against service level
      ...call(t + 240_000, 5, 'abandoned'), // exactly 5 s: still short
      ...call(t + 300_000, 40, 'abandoned'), // counts against service level
      ...call(t + 360_000, 60, 'other'),
      ...call(t + 420_000, 0, 'waiting'), // no outcome yet: not counted
    );
    await h.services.queueToday.refresh();
  });
  after(() => h.close());

  it('derives the ratios from the counts, null when there is nothing to divide', () => {
    assert.deepEqual(queueDayFigures({ answered: 3, abandoned: 3, other: 1, answeredInServiceLevel: 2, abandonedAfterShort: 1 }), {
      answered: 3,
      abandoned: 3,
      totalCalls: 7,
      answeredInServiceLevel: 2,
      abandonedAfterShort: 1,
      serviceLevel: 0.5,
      abandonRate: 0.4286,
    });
    const none = queueDayFigures({ answered: 0, abandoned: 0, other: 0, answeredInServiceLevel: 0, abandonedAfterShort: 0 });
    assert.equal(none.serviceLevel, null);
    assert.equal(none.abandonRate, null);
  });

  it('counts the visits queued since local midnight, with the short-abandon rule', async () => {
    const sales = (await rows(ava)).get('q-sales')!;
    assert.deepEqual(
      {
        answered: sales.answered,
        abandoned: sales.abandoned,
        totalCalls: sales.totalCalls,
        answeredInServiceLevel: sales.answeredInServiceLevel,
        abandonedAfterShort: sales.abandonedAfterShort,
        serviceLevel: sales.serviceLevel,
        abandonRate: sales.abandonRate,
      },
      // SL = 2 within 20 s ÷ (3 answered + 1 abandoned after 5 s); abandon rate = 3 ÷ 7.
      { answered: 3, abandoned: 3, totalCalls: 7, answeredInServiceLevel: 2, abandonedAfterShort: 1, serviceLevel: 0.5, abandonRate: 0.4286 },
    );
    assert.equal(sales.waiting, 1);
  });

  it('shows a queue without calls today as zeros with null ratios, to a display token too', async () => {
    const support = (await rows(DISPLAY)).get('q-support')!;
    assert.deepEqual([support.answered, support.abandoned, support.totalCalls, support.serviceLevel, support.abandonRate], [0, 0, 0, null, null]);
  });

  it('marks only the queues whose figures changed, so the stream sends them', async () => {
    h.services.floor.takeDirty();
    await h.services.queueToday.refresh();
    assert.equal(h.services.floor.takeDirty().queues.size, 0, 'nothing came in: nothing re-sent');
    now += 60_000;
    await h.events(...call(now - 30_000, 12, 'answered'));
    h.services.floor.takeDirty();
    await h.services.queueToday.refresh();
    assert.deepEqual([...h.services.floor.takeDirty().queues], ['q-sales']);
    const sales = (await rows(ava)).get('q-sales')!;
    assert.deepEqual([sales.answered, sales.serviceLevel], [4, 0.6]);
  });

  it('starts again from zero at local midnight, counting a visit by when it was queued', async () => {
    now = NEXT_MIDNIGHT - 20_000;
    // Queued at 23:59:50 local and abandoned after midnight: the 15th's.
    await h.events(...call(NEXT_MIDNIGHT - 10_000, 30, 'abandoned'));
    now = NEXT_MIDNIGHT - 1_000;
    await h.services.queueToday.refresh();
    const lateEvening = (await rows(ava)).get('q-sales')!;
    assert.deepEqual([lateEvening.abandoned, lateEvening.abandonedAfterShort, lateEvening.totalCalls], [4, 2, 9]);

    now = NEXT_MIDNIGHT + 1_000;
    h.services.floor.takeDirty();
    await h.services.queueToday.refresh();
    assert.ok(h.services.floor.takeDirty().queues.has('q-sales'), 'the new day is sent without waiting for an event');
    const sales = (await rows(ava)).get('q-sales')!;
    assert.deepEqual([sales.answered, sales.abandoned, sales.totalCalls, sales.serviceLevel, sales.abandonRate], [0, 0, 0, null, null]);

    await h.events(...call(NEXT_MIDNIGHT + 500, 8, 'answered'));
    now = NEXT_MIDNIGHT + 60_000;
    await h.services.queueToday.refresh();
    const first = (await rows(ava)).get('q-sales')!;
    assert.deepEqual([first.answered, first.totalCalls, first.serviceLevel, first.abandonRate], [1, 1, 1, 0]);
  });
});
