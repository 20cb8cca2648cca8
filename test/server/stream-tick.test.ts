import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readConfig } from '../../server/wiring/env.js';
import { WAIT_MS } from '../support/wait-until.js';
import { eventFactory, startHarness, type Harness } from './harness.js';
import { openSse } from './sse-reader.js';

const ev = eventFactory(Date.now() - 10 * 60_000);

describe('FLOORVIEW_STREAM_TICK_MS', () => {
  let h: Harness;

  before(async () => {
    // No `stream` option: the tick comes from the environment, as on a real server.
    h = await startHarness({ env: { FLOORVIEW_STREAM_TICK_MS: '700' } });
    await h.listen();
  });
  after(() => h.close());

  it('spaces the frames of a busy floor by the configured tick', async () => {
    const ava = await h.login('ava');
    const s = await openSse(`${h.url}/api/v1/stream`, ava);
    await s.next((m) => m.event === 'snapshot');
    const times: number[] = [];
    for (const [second, state] of [[1, 'available'], [2, 'unavailable'], [3, 'available']] as const) {
      const seen = s.messages.length;
      await h.events(ev('agent.state_changed', second, { agentId: 'a-1', state }));
      // Each frame's serverTime is the server's clock when it went out: a lower bound a loaded machine cannot break.
      const delta = await s.next((m) => m.event === 'delta', WAIT_MS, seen);
      times.push(Date.parse((JSON.parse(delta.data) as { serverTime: string }).serverTime));
    }
    assert.ok(times[1]! - times[0]! >= 699, `frames ${times[1]! - times[0]!} ms apart, the tick is 700`);
    assert.ok(times[2]! - times[1]! >= 699, `frames ${times[2]! - times[1]!} ms apart, the tick is 700`);
    s.close();
  });

  it('is refused at start when it is not a whole number of ms from 1 to 1000', () => {
    for (const bad of ['0', '1001', '2.5', 'fast']) assert.throws(() => readConfig({ FLOORVIEW_STREAM_TICK_MS: bad }), /FLOORVIEW_STREAM_TICK_MS/);
    assert.equal(readConfig({}).FLOORVIEW_STREAM_TICK_MS, 25);
    assert.equal(readConfig({ FLOORVIEW_STREAM_TICK_MS: '25' }).FLOORVIEW_STREAM_TICK_MS, 25);
  });
});
