import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { freePort, startServerProcess, type ServerProcess } from '../support/server-process.js';
import { centreEnv, eventFactory, INTEGRATION } from './harness.js';

describe('restart recovery', () => {
  let dir: string;
  let env: Record<string, string>;
  let url: string;
  let server: ServerProcess | null = null;
  const start = async () => {
    server = await startServerProcess(env);
    url = server.url;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'floorview-restart-'));
    // The same port across restarts, like a real deployment.
    env = { ...centreEnv(dir), PORT: String(await freePort()) };
  });
  after(async () => {
    await server?.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  const post = async (events: object[]) => {
    const res = await fetch(`${url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...INTEGRATION },
      body: JSON.stringify({ events }),
    });
    assert.equal(res.status, 200, await res.clone().text());
  };
  let token = '';
  const view = async () => {
    const headers = { authorization: `Bearer ${token}` };
    const agents = (await (await fetch(`${url}/api/v1/agents`, { headers })).json()) as { agents: unknown[] };
    const queues = (await (await fetch(`${url}/api/v1/queues`, { headers })).json()) as { queues: Record<string, unknown>[] };
    // Ticking figures depend on when they are read; today's service figures and the agents needed on when they were last recounted (every ~10 s).
    const recounted = ['answered', 'abandoned', 'totalCalls', 'answeredInServiceLevel', 'abandonedAfterShort', 'serviceLevel', 'abandonRate', 'agentsRequired', 'recentCalls', 'recentAhtSeconds'];
    return {
      agents: agents.agents,
      queues: queues.queues.map(({ asOf: _a, longestWait: _w, ...q }) => Object.fromEntries(Object.entries(q).filter(([k]) => !recounted.includes(k)))),
    };
  };

  it('shows the same live floor after kill -9, with and without a saved snapshot', async () => {
    const ev = eventFactory(Date.now() - 20 * 60_000);
    await start();
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'sam@example.com', password: 'sam-password' }),
    });
    token = ((await login.json()) as { token: string }).token;

    await post([
      ...['a-1', 'a-2', 'a-3', 'a-4'].map((agentId) => ev('agent.signed_in', 0, { agentId })),
      ev('agent.queue_joined', 1, { agentId: 'a-1', queueId: 'q-sales' }),
      ev('agent.queue_joined', 1, { agentId: 'a-4', queueId: 'q-support' }),
      ev('agent.state_changed', 2, { agentId: 'a-1', state: 'available' }),
      ev('agent.state_changed', 2, { agentId: 'a-2', state: 'unavailable', reason: 'Lunch' }),
      ev('agent.state_changed', 2, { agentId: 'a-4', state: 'available' }),
      ev('call.queued', 10, { callId: 'c-1', queueId: 'q-sales' }),
      ev('call.queued', 12, { callId: 'c-2', queueId: 'q-support' }),
    ]);
    // Out of order: the answer arrives before the offer.
    await post([ev('call.answered', 15, { callId: 'c-1', agentId: 'a-1' })]);
    await post([ev('call.offered', 13, { callId: 'c-1', agentId: 'a-1' }), ev('call.held', 40, { callId: 'c-1' })]);
    const before = await view();
    assert.equal((before.agents as { agentId: string; contactState: string }[]).find((a) => a.agentId === 'a-1')!.contactState, 'hold');

    // Killed before any snapshot was saved: everything comes back from the event log.
    await server!.stop('SIGKILL');
    await start();
    assert.deepEqual(await view(), before);

    // A clean stop saves a snapshot; events after it are replayed on top after another crash.
    await server!.stop('SIGTERM');
    await start();
    await post([ev('call.resumed', 50, { callId: 'c-1' }), ev('call.offered', 51, { callId: 'c-2', agentId: 'a-4' })]);
    const later = await view();
    await server!.stop('SIGKILL');
    await start();
    assert.deepEqual(await view(), later);
    assert.notDeepEqual(later, before);
  });
});
