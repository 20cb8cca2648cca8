import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { call } from './admin-helpers.js';
import { handComputedDay } from './hand-computed-day.js';
import { startHarness, type Harness } from './harness.js';

const day = 'from=2026-03-02&to=2026-03-02&tz=UTC';

describe('a queue threshold changed by an admin, live', () => {
  let h: Harness;
  let sam: Record<string, string>;
  const salesLevel = async () => {
    const res = await h.get(`/api/v1/stats/queues?${day}`, sam);
    assert.equal(res.status, 200);
    const { queues } = (await res.json()) as { queues: { queueId: string; serviceLevel: number }[] };
    return queues.find((q) => q.queueId === 'q-sales')!.serviceLevel;
  };

  before(async () => {
    h = await startHarness({ env: { FLOORVIEW_TIME_ZONE: 'UTC' } });
    await h.events(...handComputedDay());
    sam = await h.login('sam');
  });
  after(() => h.close());

  it('counts service level with the new threshold at once, as a restart would', async () => {
    // Sales (test/server/stats.test.ts): c6 answered after 3 s, c1 after 25 s, over a 20 s threshold; 2 answered + 2 abandoned after 5 s.
    assert.equal(await salesLevel(), 0.25);
    assert.equal((await call(h, 'PATCH', '/queues/q-sales', sam, { serviceLevelSeconds: 30 })).status, 200);
    assert.equal(await salesLevel(), 0.5);
    assert.equal((await call(h, 'PATCH', '/queues/q-sales', sam, { serviceLevelSeconds: 20 })).status, 200);
    assert.equal(await salesLevel(), 0.25);
  });
});

describe('a call still open in wrap-up when its queue threshold changes', () => {
  it('is counted once, with the new threshold, when its wrap-up ends', async () => {
    const h = await startHarness({ env: { FLOORVIEW_TIME_ZONE: 'UTC' } });
    try {
      const events = handComputedDay();
      // c1 (answered after 25 s) ends its wrap-up only after the change: its history is written twice, before and after.
      const late = events.findIndex((e) => e.type === 'wrapup.completed' && 'callId' in e && e.callId === 'c1');
      const [wrapupCompleted] = events.splice(late, 1);
      await h.events(...events);
      const sam = await h.login('sam');
      const salesLevel = async () => {
        const res = await h.get(`/api/v1/stats/queues?${day}`, sam);
        assert.equal(res.status, 200);
        const { queues } = (await res.json()) as { queues: { queueId: string; serviceLevel: number }[] };
        return queues.find((q) => q.queueId === 'q-sales')!.serviceLevel;
      };
      assert.equal(await salesLevel(), 0.25);
      assert.equal((await call(h, 'PATCH', '/queues/q-sales', sam, { serviceLevelSeconds: 30 })).status, 200);
      assert.equal(await salesLevel(), 0.5);
      await h.events(wrapupCompleted!);
      assert.equal(await salesLevel(), 0.5);
    } finally {
      await h.close();
    }
  });
});
