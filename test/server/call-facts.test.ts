import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deriveCallFacts } from '../../server/domain/call-facts.js';
import type { CallEvent } from '../../server/domain/events.js';

const T0 = Date.parse('2026-11-02T01:00:00Z');
let seq = 0;
const e = (type: CallEvent['type'], sec: number, fields: Record<string, unknown>) =>
  ({ id: `e${++seq}`, seq, type, at: T0 + sec * 1000, ...fields }) as CallEvent;
const at = (sec: number) => T0 + sec * 1000;

/** Picks the metric columns, so expectations read like the glossary. */
const metrics = (h: Record<string, unknown>) => ({
  agentId: h.agentId,
  queueId: h.queueId,
  result: h.result,
  ringTime: h.ringTime,
  connectedTime: h.connectedTime,
  holdTime: h.holdTime,
  talkTime: h.talkTime,
  handleTime: h.handleTime,
});

describe('call facts (SPEC §4 glossary)', () => {
  // Rings 15 s at a-1 (no answer), 5 s at a-2 who talks, holds twice (30 s + 10 s, the
  // caller hangs up on hold), then 40 s of wrap-up.
  const bouncedThenAnswered = () => [
    e('call.queued', 0, { callId: 'c1', queueId: 'q-sales' }),
    e('call.offered', 2, { callId: 'c1', agentId: 'a-1' }),
    e('call.bounced', 17, { callId: 'c1', agentId: 'a-1' }),
    e('call.offered', 20, { callId: 'c1', agentId: 'a-2' }),
    e('call.answered', 25, { callId: 'c1', agentId: 'a-2' }),
    e('call.held', 60, { callId: 'c1' }),
    e('call.resumed', 90, { callId: 'c1' }),
    e('call.held', 100, { callId: 'c1' }),
    e('call.ended', 110, { callId: 'c1', by: 'caller' }),
    e('wrapup.started', 110, { agentId: 'a-2', callId: 'c1' }),
    e('wrapup.completed', 150, { agentId: 'a-2', callId: 'c1', reasonId: 'w-resolved' }),
  ];

  it('measures ring, connected, hold, talk and handle time per handling', () => {
    const f = deriveCallFacts('c1', bouncedThenAnswered());
    assert.deepEqual(f.handlings.map(metrics), [
      { agentId: 'a-1', queueId: 'q-sales', result: 'bounced', ringTime: 15, connectedTime: 0, holdTime: 0, talkTime: 0, handleTime: 15 },
      { agentId: 'a-2', queueId: 'q-sales', result: 'answered', ringTime: 5, connectedTime: 85, holdTime: 40, talkTime: 45, handleTime: 90 },
    ]);
  });

  it('measures the queue visit: wait until answered, the answering handling, and all handle time', () => {
    const [v] = deriveCallFacts('c1', bouncedThenAnswered()).visits;
    assert.deepEqual(
      { outcome: v!.outcome, agentId: v!.agentId, queueTime: v!.queueTime, holdTime: v!.holdTime, connectedTime: v!.connectedTime, handleTime: v!.handleTime },
      { outcome: 'answered', agentId: 'a-2', queueTime: 25, holdTime: 40, connectedTime: 85, handleTime: 105 },
    );
  });

  it('records the call and its wrap-up', () => {
    const f = deriveCallFacts('c1', bouncedThenAnswered());
    assert.equal(f.call.outcome, 'answered');
    assert.equal(f.call.endedBy, 'caller');
    assert.equal(f.call.answeredAt, at(25));
    assert.deepEqual(
      f.wrapups.map((w) => ({ agentId: w.agentId, queueId: w.queueId, reasonId: w.reasonId, wrapupTime: w.wrapupTime })),
      [{ agentId: 'a-2', queueId: 'q-sales', reasonId: 'w-resolved', wrapupTime: 40 }],
    );
  });

  it('gives the same facts whatever order the events arrive in', () => {
    const events = bouncedThenAnswered();
    const reversed = [...events].reverse();
    assert.deepEqual(deriveCallFacts('c1', reversed), deriveCallFacts('c1', events));
  });

  it('counts a caller hanging up while it rings as abandoned at that agent', () => {
    const f = deriveCallFacts('c2', [
      e('call.queued', 0, { callId: 'c2', queueId: 'q-sales' }),
      e('call.offered', 10, { callId: 'c2', agentId: 'a-1' }),
      e('call.ended', 14, { callId: 'c2', by: 'caller' }),
    ]);
    assert.deepEqual(f.handlings.map(metrics), [
      { agentId: 'a-1', queueId: 'q-sales', result: 'abandoned', ringTime: 4, connectedTime: 0, holdTime: 0, talkTime: 0, handleTime: 4 },
    ]);
    assert.equal(f.visits[0]!.outcome, 'abandoned');
    assert.equal(f.visits[0]!.queueTime, 14);
    assert.equal(f.call.outcome, 'abandoned');
  });

  it('counts an abandon while queued against the queue only', () => {
    const f = deriveCallFacts('c3', [
      e('call.queued', 0, { callId: 'c3', queueId: 'q-support' }),
      e('call.ended', 30, { callId: 'c3', by: 'caller', outcome: 'abandoned' }),
    ]);
    assert.equal(f.handlings.length, 0);
    assert.deepEqual([f.visits[0]!.outcome, f.visits[0]!.queueTime], ['abandoned', 30]);
  });

  it('counts a system ending while it rings as other-unanswered', () => {
    const f = deriveCallFacts('c4', [
      e('call.queued', 0, { callId: 'c4', queueId: 'q-sales' }),
      e('call.offered', 5, { callId: 'c4', agentId: 'a-1' }),
      e('call.ended', 8, { callId: 'c4', by: 'system', outcome: 'other' }),
    ]);
    assert.equal(f.handlings[0]!.result, 'other');
    assert.equal(f.visits[0]!.outcome, 'other');
    assert.equal(f.call.outcome, 'other');
  });

  const transfer = (withQueuedEvent: boolean) => [
    e('call.queued', 0, { callId: 'c5', queueId: 'q-sales' }),
    e('call.offered', 1, { callId: 'c5', agentId: 'a-1' }),
    e('call.answered', 3, { callId: 'c5', agentId: 'a-1' }),
    e('call.transferred', 63, { callId: 'c5', toQueueId: 'q-support' }),
    ...(withQueuedEvent ? [e('call.queued', 63, { callId: 'c5', queueId: 'q-support' })] : []),
    e('call.offered', 70, { callId: 'c5', agentId: 'a-3' }),
    e('call.answered', 72, { callId: 'c5', agentId: 'a-3' }),
    e('call.ended', 132, { callId: 'c5', by: 'agent' }),
  ];

  for (const withQueuedEvent of [true, false]) {
    it(`ends the first handling at a transfer and opens one visit in the new queue (${withQueuedEvent ? 'with' : 'without'} a call.queued)`, () => {
      const f = deriveCallFacts('c5', transfer(withQueuedEvent));
      assert.deepEqual(
        f.visits.map((v) => [v.queueId, v.outcome, v.queueTime, v.connectedTime, v.agentId]),
        [
          ['q-sales', 'answered', 3, 60, 'a-1'],
          ['q-support', 'answered', 9, 60, 'a-3'],
        ],
      );
      assert.deepEqual(
        f.handlings.map((h) => [h.agentId, h.queueId, h.result, h.handleTime]),
        [
          ['a-1', 'q-sales', 'answered', 62],
          ['a-3', 'q-support', 'answered', 62],
        ],
      );
    });
  }

  it('keeps outbound calls out of every queue', () => {
    const f = deriveCallFacts('c6', [
      e('call.dialed', 0, { callId: 'c6', agentId: 'a-2' }),
      e('call.answered', 8, { callId: 'c6', agentId: 'a-2' }),
      e('call.ended', 68, { callId: 'c6', by: 'agent' }),
    ]);
    assert.equal(f.call.direction, 'outbound');
    assert.equal(f.visits.length, 0);
    assert.deepEqual(metrics(f.handlings[0]!), {
      agentId: 'a-2', queueId: null, result: 'answered', ringTime: 8, connectedTime: 60, holdTime: 0, talkTime: 60, handleTime: 68,
    });
    assert.equal(f.handlings[0]!.direction, 'outbound');
  });

  it('leaves a live call open: no outcome, no durations yet', () => {
    const f = deriveCallFacts('c7', [
      e('call.queued', 0, { callId: 'c7', queueId: 'q-sales' }),
      e('call.offered', 2, { callId: 'c7', agentId: 'a-1' }),
      e('call.answered', 4, { callId: 'c7', agentId: 'a-1' }),
    ]);
    assert.equal(f.call.outcome, null);
    assert.equal(f.handlings[0]!.handleTime, undefined);
    assert.equal(f.visits[0]!.outcome, 'answered');
    assert.equal(f.visits[0]!.handleTime, null);
  });

  // a-1 answers in Sales and hands the call to a-2, who sends it to Support, where a-1 answers it again.
  const handledTwice = () => [
    e('call.queued', 0, { callId: 'c8', queueId: 'q-sales' }),
    e('call.offered', 2, { callId: 'c8', agentId: 'a-1' }),
    e('call.answered', 5, { callId: 'c8', agentId: 'a-1' }),
    e('call.transferred', 60, { callId: 'c8', toAgentId: 'a-2' }),
    e('wrapup.started', 60, { agentId: 'a-1', callId: 'c8' }),
    e('call.offered', 61, { callId: 'c8', agentId: 'a-2' }),
    e('call.answered', 63, { callId: 'c8', agentId: 'a-2' }),
    e('wrapup.completed', 80, { agentId: 'a-1', callId: 'c8', reasonId: 'w-resolved' }),
    e('call.transferred', 120, { callId: 'c8', toQueueId: 'q-support' }),
    e('wrapup.started', 120, { agentId: 'a-2', callId: 'c8' }),
    e('wrapup.completed', 121, { agentId: 'a-2', callId: 'c8', reasonId: 'w-followup' }),
    e('call.offered', 125, { callId: 'c8', agentId: 'a-1' }),
    e('call.answered', 130, { callId: 'c8', agentId: 'a-1' }),
    e('call.ended', 200, { callId: 'c8', by: 'caller' }),
    e('wrapup.started', 200, { agentId: 'a-1', callId: 'c8' }),
    e('wrapup.completed', 230, { agentId: 'a-1', callId: 'c8', reasonId: 'w-sale' }),
  ];

  it('keeps one wrap-up per handling when an agent handles the call twice', () => {
    const f = deriveCallFacts('c8', handledTwice());
    assert.deepEqual(
      f.wrapups.map((w) => ({ agentId: w.agentId, handling: w.handling, queueId: w.queueId, reasonId: w.reasonId, startedAt: w.startedAt, wrapupTime: w.wrapupTime })),
      [
        { agentId: 'a-1', handling: 1, queueId: 'q-sales', reasonId: 'w-resolved', startedAt: at(60), wrapupTime: 20 },
        { agentId: 'a-2', handling: 2, queueId: 'q-sales', reasonId: 'w-followup', startedAt: at(120), wrapupTime: 1 },
        { agentId: 'a-1', handling: 3, queueId: 'q-support', reasonId: 'w-sale', startedAt: at(200), wrapupTime: 30 },
      ],
    );
    assert.deepEqual(f.handlings.map((h) => [h.handling, h.agentId, h.queueId]), [[1, 'a-1', 'q-sales'], [2, 'a-2', 'q-sales'], [3, 'a-1', 'q-support']]);
    // The same whatever order the events arrive in.
    assert.deepEqual(deriveCallFacts('c8', handledTwice().reverse()).wrapups, f.wrapups);
  });

  it('gives a wrap-up with no handling of its agent handling 0, and one of no length without a start', () => {
    const f = deriveCallFacts('c9', [
      e('call.dialed', 0, { callId: 'c9', agentId: 'a-1' }),
      e('call.answered', 5, { callId: 'c9', agentId: 'a-1' }),
      e('call.ended', 50, { callId: 'c9', by: 'agent' }),
      e('wrapup.completed', 70, { agentId: 'a-1', callId: 'c9', reasonId: 'w-resolved' }),
      e('wrapup.completed', 71, { agentId: 'a-9', callId: 'c9', reasonId: 'w-resolved' }),
    ]);
    assert.deepEqual(
      f.wrapups.map((w) => [w.agentId, w.handling, w.queueId, w.wrapupTime]),
      [['a-1', 1, null, 0], ['a-9', 0, null, 0]],
    );
  });
});
