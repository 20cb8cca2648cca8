import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { mergeRows } from '../../common/row-patch.js';
import type { AgentRow, QueueRow } from '../../contract/live.js';
import type { FloorDelta, FloorSnapshot } from '../../contract/stream.js';
import { waitUntil, WAIT_MS } from '../support/wait-until.js';
import { eventFactory, startHarness, type Harness } from './harness.js';
import { openSse, type SseMessage, type SseReader } from './sse-reader.js';

/** Field deltas (issue 20): what a client with `?delta=fields` receives, and that applying it gives the server's rows. */

const data = (m: SseMessage) => JSON.parse(m.data) as FloorSnapshot & FloorDelta;

/** A client's rows, kept as the widgets' stream client keeps them (common/row-patch.ts). */
class ClientRows {
  readonly agents = new Map<string, AgentRow>();
  readonly queues = new Map<string, QueueRow>();
  lastId: string | null = null;
  ids: string[] = [];

  apply(m: SseMessage): void {
    if (m.event !== 'snapshot' && m.event !== 'delta') return;
    const f = data(m);
    if (m.event === 'snapshot') {
      this.agents.clear();
      this.queues.clear();
    }
    mergeRows(this.agents, 'agentId', f.agents);
    mergeRows(this.queues, 'queueId', f.queues);
    this.lastId = m.id;
    this.ids.push(m.id!);
  }
}

const sorted = <T>(rows: Iterable<T>, key: (r: T) => string) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));

describe('GET /api/v1/stream?delta=fields', () => {
  let h: Harness;
  let ava: Record<string, string>;
  let offset = 0;
  const ev = eventFactory(Date.now() - 30 * 60_000);

  before(async () => {
    // An hour's tick: only the leading edge (or the test's own tick()) sends a frame within a test.
    h = await startHarness({ clock: () => Date.now() + offset, stream: { tickMs: 3_600_000, heartbeatMs: 3_600_000 } });
    await h.listen();
    ava = await h.login('ava');
    await h.events(ev('agent.signed_in', 0, { agentId: 'a-1' }), ev('agent.signed_in', 0, { agentId: 'a-2' }));
    h.services.hub.tick();
  });
  after(() => h.close());

  it('sends a lone change at once, coalesces the changes that follow within a tick, and is instant again after a quiet tick', async () => {
    offset += 2 * 3_600_000;
    const s = await openSse(`${h.url}/api/v1/stream?delta=fields`, ava);
    await s.next((m) => m.event === 'snapshot');

    let seen = s.messages.length;
    await h.events(ev('agent.state_changed', 10, { agentId: 'a-1', state: 'available' }));
    const lone = data(await s.next((m) => m.event === 'delta', WAIT_MS, seen));
    assert.deepEqual(lone.agents?.map((a) => a.agentId), ['a-1'], 'out at once, an hour before the next tick');

    seen = s.messages.length;
    await h.events(ev('agent.state_changed', 11, { agentId: 'a-1', state: 'unavailable', reason: 'Lunch' }));
    await h.events(ev('agent.state_changed', 12, { agentId: 'a-2', state: 'available' }));
    h.services.hub.tick();
    const both = data(await s.next((m) => m.event === 'delta', WAIT_MS, seen));
    assert.deepEqual(both.agents?.map((a) => a.agentId).sort(), ['a-1', 'a-2'], 'the two changes within the tick went out in one frame');

    offset += 3_600_000;
    seen = s.messages.length;
    await h.events(ev('agent.state_changed', 13, { agentId: 'a-2', state: 'unavailable', reason: 'Training' }));
    const again = data(await s.next((m) => m.event === 'delta', WAIT_MS, seen));
    assert.deepEqual(again.agents?.map((a) => a.agentId), ['a-2'], 'a tick after the last frame, a change goes out at once again');
    s.close();
  });

  it('sends of a changed row only its changed fields, and leaves out what did not change', async () => {
    const s = await openSse(`${h.url}/api/v1/stream?delta=fields`, ava);
    const snap = data(await s.next((m) => m.event === 'snapshot'));
    const before = snap.agents.find((a) => a.agentId === 'a-2')!;
    assert.equal(before.state, 'unavailable');
    // The previous test's stream may have ended on the server before this one began: the scope is then
    // built afresh, and its first frame sends rows whole (stream-hub.ts, `fresh`). A frame first.
    let seen = s.messages.length;
    await h.events(ev('agent.state_changed', 19, { agentId: 'a-1', state: 'unavailable', reason: 'Break' }));
    h.services.hub.tick();
    await s.next((m) => m.event === 'delta', WAIT_MS, seen);

    seen = s.messages.length;
    await h.events(ev('agent.state_changed', 20, { agentId: 'a-2', state: 'unavailable', reason: 'Coaching' }));
    h.services.hub.tick();
    const delta = data(await s.next((m) => m.event === 'delta', WAIT_MS, seen));
    assert.deepEqual(delta.agents, [{ agentId: 'a-2', stateReason: 'Coaching', stateSince: ev('x', 20).at }]);
    assert.equal(delta.queues, undefined, 'no queue figure moved: the unavailable count is the same');
    s.close();
  });

  it('still sends changed rows whole to a client that did not ask for field deltas', async () => {
    const s = await openSse(`${h.url}/api/v1/stream`, ava);
    await s.next((m) => m.event === 'snapshot');
    const seen = s.messages.length;
    await h.events(ev('agent.state_changed', 30, { agentId: 'a-2', state: 'unavailable', reason: 'Meeting' }));
    h.services.hub.tick();
    const delta = data(await s.next((m) => m.event === 'delta', WAIT_MS, seen));
    assert.equal(delta.agents?.[0]?.name, 'Wang Wei', 'the whole row');
    assert.deepEqual(delta.queues, [], 'both lists, as earlier clients read them');
    s.close();
  });
});

describe('field deltas, resumed at any point, converge to the server’s rows', () => {
  let h: Harness;
  let ava: Record<string, string>;
  const NOW = Date.now();
  let second = 0;
  const ev = eventFactory(NOW - 60 * 60_000);

  before(async () => {
    // A still clock keeps each queue row's `asOf` as the REST API reports it; ticks only when the property says.
    h = await startHarness({ clock: () => NOW, stream: { tickMs: Infinity, heartbeatMs: 3_600_000, historyTicks: 4 } });
    await h.listen();
    ava = await h.login('ava');
  });
  after(() => h.close());

  const agent = fc.constantFrom('a-1', 'a-2', 'a-3', 'a-4');
  const step = fc.oneof(
    fc.record({ kind: fc.constant('state' as const), agent, state: fc.constantFrom('available', 'unavailable'), reason: fc.constantFrom(null, 'Lunch', 'Training') }),
    fc.record({ kind: fc.constantFrom('signed_in' as const, 'signed_out' as const), agent }),
    fc.record({ kind: fc.constant('queued' as const), queue: fc.constantFrom('q-sales', 'q-support') }),
    fc.record({ kind: fc.constantFrom('tick' as const, 'drop' as const, 'resume' as const) }),
  );
  type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

  let calls = 0;
  function eventOf(s: Step): object | null {
    second++;
    if (s.kind === 'state') return ev('agent.state_changed', second, { agentId: s.agent, state: s.state, ...(s.reason && { reason: s.reason }) });
    if (s.kind === 'signed_in' || s.kind === 'signed_out') return ev(`agent.${s.kind}`, second, { agentId: s.agent });
    if (s.kind === 'queued') return ev('call.queued', second, { callId: `c-${++calls}`, queueId: s.queue });
    return null;
  }

  async function serverRows() {
    const agents = ((await (await h.get('/api/v1/agents', ava)).json()) as { agents: AgentRow[] }).agents;
    const queues = ((await (await h.get('/api/v1/queues', ava)).json()) as { queues: QueueRow[] }).queues;
    return { agents: sorted(agents, (a) => a.agentId), queues: sorted(queues, (q) => q.queueId) };
  }

  it('holds for any changes, ticks, drops and resumes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 25 }), async (steps) => {
        const client = new ClientRows();
        let stream: SseReader | null = null;
        let applied = 0;
        const drain = () => {
          for (; stream && applied < stream.messages.length; applied++) client.apply(stream.messages[applied]!);
        };
        const open = async () => {
          stream = await openSse(`${h.url}/api/v1/stream?delta=fields`, { ...ava, ...(client.lastId && { 'last-event-id': client.lastId }) });
          applied = 0;
        };
        const close = () => {
          drain();
          stream?.close();
          stream = null;
        };
        await open();
        await stream!.next((m) => m.event === 'snapshot');
        for (const s of steps) {
          const event = eventOf(s);
          if (event) await h.events(event);
          else if (s.kind === 'tick') h.services.hub.tick();
          else if (s.kind === 'drop') close();
          else if (!stream) await open();
          drain();
        }
        if (!stream) await open();
        let server = await serverRows();
        await waitUntil(
          async () => {
            h.services.hub.tick();
            drain();
            server = await serverRows();
            const held = { agents: sorted(client.agents.values(), (a) => a.agentId), queues: sorted(client.queues.values(), (q) => q.queueId) };
            try {
              assert.deepEqual(held, server);
              return true;
            } catch {
              return false;
            }
          },
          () => `client rows ${JSON.stringify({ agents: [...client.agents.values()], queues: [...client.queues.values()] })} ≠ server ${JSON.stringify(server)}`,
        );
        const seqs = client.ids.map((id) => Number(id.split('-')[1]));
        assert.deepEqual(seqs, [...new Set(seqs)].sort((a, b) => a - b), `ids strictly increase, nothing repeated: ${seqs.join(',')}`);
        close();
      }),
      { numRuns: 25 },
    );
  });
});
