import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TREND_MAX_MINUTES, TREND_STEP_MS } from '../../contract/live.js';
import { DISPLAY, startHarness, type Harness } from './harness.js';

interface TrendBody {
  start: string;
  stepSeconds: number;
  queues: { queueId: string; waiting: (number | null)[] }[];
}

/** The history behind the live trend chart: `GET /queues/trend`. The clock is the test's; samples are taken by hand. */
describe('queue trend', () => {
  const T0 = Date.parse('2026-03-02T08:00:00Z');
  let now = T0;
  let h: Harness;
  let ava: Record<string, string>;
  let n = 0;

  const queued = (queueId: string, at = now) => ({ id: `q-${++n}`, type: 'call.queued', at: new Date(at).toISOString(), callId: `c-${n}`, queueId, direction: 'inbound' });
  const abandoned = (callId: string, at = now) => ({ id: `e-${++n}`, type: 'call.ended', at: new Date(at).toISOString(), callId, by: 'caller' });
  const trend = async (minutes: number, headers: Record<string, string>) => {
    const res = await h.get(`/api/v1/queues/trend?minutes=${minutes}`, headers);
    assert.equal(res.status, 200);
    return (await res.json()) as TrendBody;
  };
  /** One sample per step from now on, `steps` times. */
  const run = (steps: number) => {
    for (let i = 0; i < steps; i++) {
      now += TREND_STEP_MS;
      h.services.queueTrend.sample();
    }
  };

  before(async () => {
    h = await startHarness({ clock: () => now, env: { FLOORVIEW_SESSION_HOURS: '24' } });
    ava = await h.login('ava');
  });
  after(() => h.close());

  it('records contacts waiting every 10 s and serves the last minutes, oldest first', async () => {
    run(1);
    await h.events(queued('q-sales'), queued('q-sales'));
    run(1);
    await h.events(abandoned('c-1'));
    run(1);
    const body = await trend(1, ava);
    assert.equal(body.stepSeconds, 10);
    // The points before the first sample come from the queue visits at start: none waited.
    assert.deepEqual(body.queues, [{ queueId: 'q-sales', waiting: [0, 0, 0, 0, 2, 1] }]);
    assert.equal(Date.parse(body.start), now - 5 * TREND_STEP_MS);
  });

  it('serves only the queues in the caller’s scope', async () => {
    await h.events(queued('q-support'));
    run(1);
    const sam = await h.login('sam');
    assert.deepEqual((await trend(1, sam)).queues.map((q) => q.queueId), ['q-sales', 'q-support']);
    assert.deepEqual((await trend(1, await h.login('ben'))).queues.map((q) => q.queueId), ['q-support']);
    const display = await trend(1, DISPLAY);
    assert.deepEqual(display.queues.map((q) => q.queueId), ['q-support']);
    assert.equal(display.queues[0]!.waiting.at(-1), 1);
    assert.equal((await h.get('/api/v1/queues/trend')).status, 401);
  });

  it('keeps at most four hours, however long it runs', async () => {
    run((TREND_MAX_MINUTES * 60_000) / TREND_STEP_MS + 100);
    const body = await trend(TREND_MAX_MINUTES, ava);
    const points = body.queues[0]!.waiting;
    assert.equal(points.length, (TREND_MAX_MINUTES * 60_000) / TREND_STEP_MS);
    assert.ok(points.every((p) => p === 1), 'every point known, the oldest ones overwritten');
    assert.equal(Date.parse(body.start), now - (points.length - 1) * TREND_STEP_MS);
    const tooFar = await h.get(`/api/v1/queues/trend?minutes=${TREND_MAX_MINUTES + 1}`, ava);
    assert.equal(tooFar.status, 400);
    assert.ok(((await tooFar.json()) as { error: { fields: Record<string, string> } }).error.fields.minutes);
  });

  it('marks the time the server was not sampling as unknown', async () => {
    now += 5 * TREND_STEP_MS;
    h.services.queueTrend.sample();
    assert.deepEqual((await trend(1, ava)).queues[0]!.waiting, [1, null, null, null, null, 1]);
  });

  it('refills the history from the queue visits after a restart', async () => {
    // Sales: c-2 waits from T0+10 s on; a call queued and abandoned between samples leaves no point.
    await h.events(queued('q-sales', now + 1_000), abandoned(`c-${n}`, now + 12_000));
    const dir = h.dir;
    await h.close({ keepFiles: true });
    now += 3 * TREND_STEP_MS;
    h = await startHarness({ dir, clock: () => now, env: { FLOORVIEW_SESSION_HOURS: '24' } });
    const body = await trend(1, await h.login('ava'));
    // Points at now−50 s … now: c-2 waiting throughout; the short call was waiting at now−20 s only.
    assert.deepEqual(body.queues[0]!.waiting, [1, 1, 1, 2, 1, 1]);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await h.get('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
    assert.ok(doc.paths['/queues/trend']);
  });
});
