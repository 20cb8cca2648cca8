import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DISPLAY, eventFactory, startHarness, type Harness } from './harness.js';

/** Ben supervises Support only: a-1 and a-2 (Sales) are outside his scope; a-4 is in both queues. */
describe('scope on every route', () => {
  let h: Harness;
  let ben: Record<string, string>;

  before(async () => {
    h = await startHarness();
    ben = await h.login('ben');
    const ev = eventFactory();
    await h.events(...['a-1', 'a-2', 'a-3', 'a-4'].map((agentId) => ev('agent.signed_in', 0, { agentId })));
  });
  after(() => h.close());

  const commands: [string, string, unknown?][] = [
    ['POST', 'state', { state: 'available' }],
    ['POST', 'sign-out'],
    ['PUT', 'queues/q-sales'],
    ['DELETE', 'queues/q-sales'],
    ['POST', 'monitor', { mode: 'monitor' }],
    ['DELETE', 'monitor'],
  ];

  for (const [method, path, body] of commands) {
    it(`refuses ${method} /agents/:id/${path} for an agent outside the supervisor's queues`, async () => {
      const res = await h.app.request(`/api/v1/agents/a-1/${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...ben },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      assert.equal(res.status, 403);
      const error = ((await res.json()) as { error: { code: string } }).error;
      assert.equal(error.code, 'forbidden');
    });

    it(`refuses ${method} /agents/:id/${path} to a display token`, async () => {
      const res = await h.app.request(`/api/v1/agents/a-3/${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...DISPLAY },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      assert.equal(res.status, 403);
    });
  }

  it('refuses to touch an in-scope agent’s membership of a queue outside scope', async () => {
    const res = await h.app.request('/api/v1/agents/a-4/queues/q-sales', { method: 'DELETE', headers: ben });
    assert.equal(res.status, 403);
  });

  it('lists only in-scope agents, queues and queue memberships', async () => {
    const agents = (await (await h.get('/api/v1/agents', ben)).json()) as { agents: { agentId: string; queues: { queueId: string }[] }[] };
    assert.deepEqual(agents.agents.map((a) => a.agentId).sort(), ['a-3', 'a-4']);
    assert.ok(agents.agents.every((a) => a.queues.every((q) => q.queueId === 'q-support')));
    const queues = (await (await h.get('/api/v1/queues', ben)).json()) as { queues: { queueId: string }[] };
    assert.deepEqual(queues.queues.map((q) => q.queueId), ['q-support']);
    assert.equal((await h.get('/api/v1/agents/a-1', ben)).status, 403);
    assert.equal((await h.get('/api/v1/agents/a-4', ben)).status, 200);
  });

  it('asks for credentials on every read route', async () => {
    for (const path of ['/api/v1/agents', '/api/v1/agents/a-1', '/api/v1/queues', '/api/v1/audit', '/api/v1/auth/me']) {
      const res = await h.get(path);
      assert.equal(res.status, 401, path);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'unauthenticated');
    }
  });
});
