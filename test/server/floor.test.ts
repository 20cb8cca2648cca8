import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FloorEvent } from '../../server/domain/events.js';
import { applyEvent, emptyFloor, isWaiting, newTouched, type FloorState } from '../../server/domain/floor-state.js';
import { FloorTimeline, NO_WATERMARK } from '../../server/domain/floor-timeline.js';

const T0 = Date.parse('2026-11-02T09:00:00Z');
let seq = 0;
const e = (type: FloorEvent['type'], sec: number, fields: Record<string, unknown> = {}) =>
  ({ id: `e${++seq}`, seq, type, at: T0 + sec * 1000, ...fields }) as FloorEvent;

function run(events: FloorEvent[]): FloorState {
  const s = emptyFloor();
  const touched = newTouched();
  for (const ev of events) applyEvent(s, ev, touched);
  return s;
}

const contact = (s: FloorState, agentId: string) => {
  const a = s.agents.get(agentId)!;
  return { contactState: a.contactState, contactSince: a.contactSince === null ? null : (a.contactSince - T0) / 1000, callId: a.callId, direction: a.direction };
};

describe('floor projection', () => {
  const signIn = [
    e('agent.signed_in', 0, { agentId: 'a' }),
    e('agent.queue_joined', 0, { agentId: 'a', queueId: 'q' }),
    e('agent.state_changed', 1, { agentId: 'a', state: 'available' }),
  ];

  it('signs an agent in as unavailable until a state is set', () => {
    const s = run(signIn.slice(0, 1));
    assert.equal(s.agents.get('a')!.state, 'unavailable');
    assert.equal(run(signIn).agents.get('a')!.state, 'available');
  });

  it('walks an inbound call through ringing, connected, hold, connected, wrap-up and idle', () => {
    const steps: [FloorEvent, string | null][] = [
      [e('call.queued', 10, { callId: 'c', queueId: 'q' }), 'idle'],
      [e('call.offered', 12, { callId: 'c', agentId: 'a' }), 'ringing'],
      [e('call.answered', 15, { callId: 'c', agentId: 'a' }), 'connected'],
      [e('call.held', 40, { callId: 'c' }), 'hold'],
      [e('call.resumed', 60, { callId: 'c' }), 'connected'],
      [e('call.ended', 100, { callId: 'c', by: 'caller' }), 'idle'],
      [e('wrapup.started', 100, { agentId: 'a', callId: 'c' }), 'wrapup'],
      [e('wrapup.completed', 130, { agentId: 'a', callId: 'c', reasonId: 'w' }), 'idle'],
    ];
    const s = run(signIn);
    const t = newTouched();
    for (const [ev, expected] of steps) {
      applyEvent(s, ev, t);
      assert.equal(s.agents.get('a')!.contactState, expected, ev.type);
      if (ev.type !== 'call.queued') assert.equal(s.agents.get('a')!.contactSince, ev.at, `${ev.type} sets contactSince`);
    }
    assert.equal(s.calls.size, 0);
  });

  it('counts a call as waiting while queued or ringing, not once answered', () => {
    const s = run([...signIn, e('call.queued', 10, { callId: 'c', queueId: 'q' })]);
    assert.ok(isWaiting(s.calls.get('c')!));
    applyEvent(s, e('call.offered', 12, { callId: 'c', agentId: 'a' }), newTouched());
    assert.ok(isWaiting(s.calls.get('c')!));
    assert.equal(s.calls.get('c')!.waitingSince, T0 + 10_000);
    applyEvent(s, e('call.answered', 14, { callId: 'c', agentId: 'a' }), newTouched());
    assert.ok(!isWaiting(s.calls.get('c')!));
  });

  it('puts a bounced call back in the queue with its original wait and frees the agent', () => {
    const s = run([
      ...signIn,
      e('call.queued', 10, { callId: 'c', queueId: 'q' }),
      e('call.offered', 12, { callId: 'c', agentId: 'a' }),
      e('call.bounced', 27, { callId: 'c', agentId: 'a' }),
    ]);
    assert.deepEqual(contact(s, 'a'), { contactState: 'idle', contactSince: 27, callId: null, direction: null });
    assert.equal(s.calls.get('c')!.phase, 'queued');
    assert.equal(s.calls.get('c')!.waitingSince, T0 + 10_000);
  });

  it('frees the agent when the caller abandons while it rings', () => {
    const s = run([
      ...signIn,
      e('call.queued', 10, { callId: 'c', queueId: 'q' }),
      e('call.offered', 12, { callId: 'c', agentId: 'a' }),
      e('call.ended', 14, { callId: 'c', by: 'caller', outcome: 'abandoned' }),
    ]);
    assert.equal(contact(s, 'a').contactState, 'idle');
    assert.equal(s.calls.size, 0);
  });

  it('marks outbound calls and moves a transferred call to its new queue', () => {
    const s = run([
      ...signIn,
      e('call.dialed', 10, { callId: 'o', agentId: 'a' }),
      e('call.answered', 18, { callId: 'o', agentId: 'a' }),
    ]);
    assert.deepEqual(contact(s, 'a'), { contactState: 'connected', contactSince: 18, callId: 'o', direction: 'outbound' });
    applyEvent(s, e('call.transferred', 50, { callId: 'o', toQueueId: 'q2' }), newTouched());
    assert.equal(contact(s, 'a').contactState, 'idle');
    const c = s.calls.get('o')!;
    assert.equal(c.queueId, 'q2');
    assert.ok(isWaiting(c));
  });

  it('shows monitoring until it ends or the call ends', () => {
    const s = run([
      ...signIn,
      e('call.queued', 10, { callId: 'c', queueId: 'q' }),
      e('call.answered', 12, { callId: 'c', agentId: 'a' }),
      e('monitor.started', 20, { agentId: 'a', callId: 'c', supervisorId: 's', mode: 'monitor' }),
      e('monitor.started', 30, { agentId: 'a', callId: 'c', supervisorId: 's', mode: 'barge' }),
    ]);
    assert.deepEqual(s.agents.get('a')!.monitoredBy, { supervisorId: 's', mode: 'barge', since: T0 + 30_000 });
    applyEvent(s, e('call.ended', 60, { callId: 'c', by: 'agent' }), newTouched());
    assert.equal(s.agents.get('a')!.monitoredBy, null);
  });

  it('reports which agents and queues an event touched', () => {
    const s = run(signIn);
    const t = newTouched();
    applyEvent(s, e('call.queued', 10, { callId: 'c', queueId: 'q' }), t);
    applyEvent(s, e('call.offered', 11, { callId: 'c', agentId: 'a' }), t);
    assert.deepEqual([...t.agents], ['a']);
    assert.deepEqual([...t.queues], ['q']);
  });
});

describe('floor timeline (out-of-order events)', () => {
  const script = (): FloorEvent[] => {
    seq = 0;
    const list: FloorEvent[] = [
      e('agent.signed_in', 0, { agentId: 'a' }),
      e('agent.queue_joined', 0, { agentId: 'a', queueId: 'q' }),
      e('agent.state_changed', 1, { agentId: 'a', state: 'available' }),
      e('agent.signed_in', 2, { agentId: 'b' }),
      e('agent.queue_joined', 2, { agentId: 'b', queueId: 'q' }),
      e('agent.state_changed', 3, { agentId: 'b', state: 'available' }),
    ];
    for (let i = 0; i < 40; i++) {
      const t = 10 + i * 20;
      const agent = i % 2 ? 'a' : 'b';
      const c = `c${i}`;
      list.push(
        e('call.queued', t, { callId: c, queueId: 'q' }),
        e('call.offered', t + 1, { callId: c, agentId: agent }),
        e('call.answered', t + 3, { callId: c, agentId: agent }),
        e('call.held', t + 5, { callId: c }),
        e('call.resumed', t + 7, { callId: c }),
        e('call.ended', t + 12, { callId: c, by: 'caller' }),
        e('wrapup.started', t + 12, { agentId: agent, callId: c }),
        e('wrapup.completed', t + 15, { agentId: agent, callId: c, reasonId: 'w' }),
      );
    }
    // A tail whose outcome depends on order: calls still live when the script ends.
    list.push(
      e('agent.state_changed', 900, { agentId: 'a', state: 'unavailable', reason: 'Lunch' }),
      e('agent.state_changed', 902, { agentId: 'a', state: 'available' }),
      e('call.dialed', 903, { callId: 'out', agentId: 'a' }),
      e('call.answered', 905, { callId: 'out', agentId: 'a' }),
      e('call.held', 906, { callId: 'out' }),
      e('call.queued', 904, { callId: 'open', queueId: 'q' }),
      e('call.offered', 905, { callId: 'open', agentId: 'b' }),
      e('call.answered', 906, { callId: 'open', agentId: 'b' }),
      e('call.queued', 907, { callId: 'late', queueId: 'q' }),
    );
    return list;
  };

  const normal = (s: FloorState) => JSON.stringify({ agents: [...s.agents.entries()].sort(), calls: [...s.calls.entries()].sort() });

  it('ends in the same state whatever the arrival order within the window', () => {
    const events = script();
    const inOrder = new FloorTimeline(emptyFloor(), NO_WATERMARK);
    inOrder.apply(events);
    assert.equal(inOrder.state.agents.get('a')!.contactState, 'hold');
    assert.equal(inOrder.state.agents.get('b')!.contactState, 'connected');

    for (let seed = 1; seed <= 25; seed++) {
      // Every event arrives up to ~8 s of event time late, in batches of 1–5.
      let rnd = seed;
      const random = () => (rnd = (rnd * 48271) % 2147483647) / 2147483647;
      const arrival = events.map((ev) => ({ ev, key: ev.at + random() * 8_000 })).sort((x, y) => x.key - y.key);
      const shuffled = new FloorTimeline(emptyFloor(), NO_WATERMARK, 30_000, 2_000);
      for (let i = 0; i < arrival.length; ) {
        const size = 1 + Math.floor(random() * 5);
        shuffled.apply(arrival.slice(i, i + size).map((x) => x.ev));
        i += size;
      }
      assert.equal(normal(shuffled.state), normal(inOrder.state), `arrival order of seed ${seed}`);
    }
  });

  it('reports the agents a late event changed, even through a replay', () => {
    seq = 0;
    const tl = new FloorTimeline(emptyFloor(), NO_WATERMARK);
    tl.apply([e('agent.signed_in', 0, { agentId: 'a' }), e('agent.signed_in', 5, { agentId: 'b' })]);
    const touched = tl.apply([e('agent.state_changed', 3, { agentId: 'a', state: 'available' })]);
    assert.ok(touched.agents.has('a'));
    assert.equal(tl.state.agents.get('a')!.state, 'available');
    assert.equal(tl.state.agents.get('b')!.state, 'unavailable');
  });

  it('settles old events into the base and still applies events later than the window', () => {
    seq = 0;
    const tl = new FloorTimeline(emptyFloor(), NO_WATERMARK, 10_000, 1_000);
    tl.apply([e('agent.signed_in', 0, { agentId: 'a' })]);
    tl.apply([e('agent.signed_in', 60, { agentId: 'b' })]);
    assert.ok(tl.watermark >= T0, 'the window moved on');
    assert.equal(tl.settled.state.agents.get('a')!.state, 'unavailable');
    // 50 s late: beyond the window, applied as it comes rather than dropped.
    tl.apply([e('agent.state_changed', 10, { agentId: 'a', state: 'available' })]);
    assert.equal(tl.state.agents.get('a')!.state, 'available');
  });
});
