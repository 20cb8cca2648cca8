import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateCentre } from '../../server/directory/generate-centre.js';
import { Simulator } from '../../server/simulator/simulator.js';
import { startHarness, type Harness } from './harness.js';
import { storedRows } from './stored-rows.js';

/**
 * Today's figures on the live queue rows and in the queue history are one definition
 * (common/metrics.ts) over the same queue visits, so on a simulated day they agree:
 * to the call once every visit has closed, and before that apart by exactly the answered
 * visits still in progress (live counts a visit once answered, history once it has closed).
 */
const ZONE = 'America/Chicago';
const DAY = '2026-03-05';
const MIDNIGHT = Date.parse('2026-03-05T06:00:00Z');
const NOON = MIDNIGHT + 12 * 3_600_000;
const LATE = MIDNIGHT + 24 * 3_600_000 - 1_000;

interface Figures {
  answered: number;
  abandoned: number;
  totalCalls: number;
  serviceLevel: number | null;
  abandonRate: number | null;
}
const FIELDS = ['answered', 'abandoned', 'totalCalls', 'serviceLevel', 'abandonRate'] as const;
const pick = (row: Figures): Figures => Object.fromEntries(FIELDS.map((f) => [f, row[f]])) as unknown as Figures;

describe('live and history figures of a simulated day', () => {
  let h: Harness;
  let now = MIDNIGHT;
  let admin: Record<string, string>;
  let simulator: Simulator;
  let reached = MIDNIGHT;

  const simulateUntil = async (to: number) => {
    now = to;
    await simulator.backfill(h.services.ingest, reached, to);
    reached = to;
    await h.services.queueToday.refresh();
  };

  const live = async () => {
    const body = (await (await h.get('/api/v1/queues', admin)).json()) as { queues: (Figures & { queueId: string })[] };
    return new Map(body.queues.map((q) => [q.queueId, pick(q)]));
  };

  const history = async () => {
    const res = await h.get(`/api/v1/stats/queues?from=${DAY}&to=${DAY}&tz=${encodeURIComponent(ZONE)}`, admin);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { queues: (Figures & { queueId: string })[] };
    return new Map(body.queues.map((q) => [q.queueId, pick(q)]));
  };

  /** Answered visits queued today whose call has not ended (or moved on) yet, per queue. */
  const answeredInProgress = async () =>
    new Map(
      (
        await storedRows(h.services.store, `SELECT queue_id, count(*) FROM queue_visits WHERE queued_at >= ${MIDNIGHT} AND outcome = 'answered' AND left_at IS NULL GROUP BY 1`)
      ).map(([queueId, n]) => [queueId as string, Number(n)]),
    );

  before(async () => {
    h = await startHarness({ centre: generateCentre({ agents: 30, queues: 4, seed: 11 }), env: { FLOORVIEW_TIME_ZONE: ZONE, FLOORVIEW_SESSION_HOURS: '48' }, clock: () => now });
    const res = await h.post('/api/v1/auth/login', { email: 'admin@example.com', password: 'floorview-demo' });
    admin = { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
    simulator = new Simulator({ directory: h.services.directory, seed: 11 });
  });
  after(() => h.close());

  it('differ at noon by the answered calls still in progress, and nothing else', async () => {
    await simulateUntil(NOON);
    const [liveRows, historyRows, open] = [await live(), await history(), await answeredInProgress()];
    assert.ok([...open.values()].reduce((a, b) => a + b, 0) > 0, 'some answered calls are still in progress at noon');
    for (const [queueId, l] of liveRows) {
      const hist = historyRows.get(queueId) ?? { answered: 0, abandoned: 0, totalCalls: 0 };
      const inProgress = open.get(queueId) ?? 0;
      assert.ok(l.totalCalls > 0, `${queueId} had calls`);
      assert.equal(l.answered, hist.answered + inProgress, `${queueId} answered`);
      assert.equal(l.totalCalls, hist.totalCalls + inProgress, `${queueId} calls`);
      assert.equal(l.abandoned, hist.abandoned, `${queueId} abandoned`);
    }
  });

  it('agree on every figure once the day’s calls have ended', async () => {
    await simulateUntil(LATE);
    // The few calls still going at the day's last second end now, as the platform would report.
    const going = (await storedRows(h.services.store, 'SELECT DISTINCT call_id FROM queue_visits WHERE left_at IS NULL')).map(([callId]) => callId as string);
    const ends = going.map((callId) => ({ id: `end-${callId}`, type: 'call.ended', at: new Date(LATE).toISOString(), callId, by: 'agent' }));
    assert.equal((await h.post('/api/v1/events', { events: ends }, { authorization: 'Bearer pbx-demo-secret-change-me' })).status, 200);
    await h.services.queueToday.refresh();
    assert.equal((await answeredInProgress()).size, 0, 'no call in progress');
    const [liveRows, historyRows] = [await live(), await history()];
    assert.equal(liveRows.size, 4);
    for (const [queueId, l] of liveRows) assert.deepEqual(l, historyRows.get(queueId), queueId);
  });
});
