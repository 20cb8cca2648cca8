import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventFactory, INTEGRATION, startHarness, type Harness } from './harness.js';

interface ErrorAnswer {
  error: { code: string; message: string; fields?: Record<string, string> };
}

describe('wrap-up reason chosen at the agent desk', () => {
  let h: Harness;
  let liNa: Record<string, string>;
  let olivia: Record<string, string>;
  const ev = eventFactory(Date.now() - 10 * 60_000);
  const desk = async (agentId: string) => ({
    authorization: `Bearer ${((await (await h.post(`/api/v1/agents/${agentId}/desk-token`, {}, INTEGRATION)).json()) as { token: string }).token}`,
  });
  const row = async (agentId: string) => {
    const { agents } = (await (await h.get('/api/v1/agents', await h.login('sam'))).json()) as { agents: { agentId: string; contactState: string }[] };
    return agents.find((a) => a.agentId === agentId)!;
  };

  before(async () => {
    h = await startHarness();
    liNa = await desk('a-1');
    olivia = await desk('a-3');
    // Li Na answered a Sales call and is in after-call work; nothing says why the call ended.
    await h.events(
      ev('agent.signed_in', 0, { agentId: 'a-1' }),
      ev('agent.state_changed', 1, { agentId: 'a-1', state: 'available' }),
      ev('call.queued', 10, { callId: 'c-1', queueId: 'q-sales' }),
      ev('call.offered', 12, { callId: 'c-1', agentId: 'a-1' }),
      ev('call.answered', 15, { callId: 'c-1', agentId: 'a-1' }),
      ev('call.ended', 75, { callId: 'c-1', by: 'caller' }),
      ev('wrapup.started', 75, { agentId: 'a-1', callId: 'c-1' }),
    );
  });
  after(() => h.close());

  it('lists the directory’s wrap-up reasons to the agent’s own desk', async () => {
    const res = await h.get('/api/v1/agents/a-1/wrapup-reasons', liNa);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), {
      wrapupReasons: [
        { id: 'w-resolved', name: 'Resolved', names: {} },
        { id: 'w-followup', name: 'Follow-up needed', names: {} },
      ],
    });
    assert.equal((await h.get('/api/v1/agents/a-1/wrapup-reasons', olivia)).status, 403);
  });

  it('refuses another agent, an unknown reason, and an agent not in wrap-up, recording nothing', async () => {
    const other = await h.post('/api/v1/agents/a-1/wrapup', { reasonId: 'w-resolved' }, olivia);
    assert.equal(other.status, 403);
    assert.match(((await other.json()) as ErrorAnswer).error.message, /own desk/);
    const unknown = await h.post('/api/v1/agents/a-1/wrapup', { reasonId: 'w-nope' }, liNa);
    assert.equal(unknown.status, 400);
    assert.deepEqual(((await unknown.json()) as ErrorAnswer).error.fields, { reasonId: 'unknown wrap-up reason "w-nope"' });
    const idle = await h.post('/api/v1/agents/a-3/wrapup', { reasonId: 'w-resolved' }, olivia);
    assert.equal(idle.status, 409);
    assert.equal(((await idle.json()) as ErrorAnswer).error.code, 'not_in_wrapup');
    assert.equal((await row('a-1')).contactState, 'wrapup');
  });

  it('completes the wrap-up with the chosen reason, once, in the live row and the history', async () => {
    const done = await h.post('/api/v1/agents/a-1/wrapup', { reasonId: 'w-followup' }, liNa);
    assert.equal(done.status, 200);
    assert.deepEqual(await done.json(), { callId: 'c-1', reasonId: 'w-followup' });
    assert.equal((await row('a-1')).contactState, 'idle');
    // The wrap-up is over: choosing again is refused, and nothing is counted twice.
    assert.equal((await h.post('/api/v1/agents/a-1/wrapup', { reasonId: 'w-resolved' }, liNa)).status, 409);
    const day = new Date().toISOString().slice(0, 10);
    const stats = await h.get(`/api/v1/stats/wrapups?from=${day}&to=${day}&tz=UTC`, await h.login('sam'));
    const body = (await stats.json()) as { reasonsByUse: { reasonId: string; completed: number }[] };
    assert.deepEqual(body.reasonsByUse.map((r) => [r.reasonId, r.completed]), [['w-followup', 1]]);
  });
});
