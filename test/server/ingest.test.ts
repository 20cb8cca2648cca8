import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { eventFactory, INTEGRATION, startHarness, type Harness } from './harness.js';

describe('POST /api/v1/events', () => {
  let h: Harness;
  const ev = eventFactory();
  const count = async () => (await h.services.store.get<{ n: number }>(sql`select count(*) as n from events`))!.n;

  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('refuses a request without a valid integration key', async () => {
    const batch = { events: [ev('agent.signed_in', 0, { agentId: 'a-1' })] };
    assert.equal((await h.post('/api/v1/events', batch)).status, 401);
    const wrong = await h.post('/api/v1/events', batch, { authorization: 'Bearer nope' });
    assert.equal(wrong.status, 401);
    assert.equal(((await wrong.json()) as { error: { code: string } }).error.code, 'unauthenticated');
    // A supervisor's or display token is not an integration key either.
    assert.equal((await h.post('/api/v1/events', batch, await h.login('sam'))).status, 401);
  });

  it('names every bad field and stores nothing from a batch with one bad event', async () => {
    const before = await count();
    const res = await h.post(
      '/api/v1/events',
      {
        events: [
          ev('agent.signed_in', 1, { agentId: 'a-1' }),
          { id: 'x1', type: 'agent.state_changed', at: 'yesterday', agentId: 'a-1', state: 'asleep' },
          { id: 'x2', type: 'call.offered', at: new Date().toISOString(), callId: 'c-1' },
          { id: 'x3', type: 'teleport', at: new Date().toISOString() },
        ],
      },
      INTEGRATION,
    );
    assert.equal(res.status, 400);
    const body = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
    assert.equal(body.error.code, 'invalid_request');
    assert.ok(body.error.fields['events[1].at'], JSON.stringify(body));
    assert.ok(body.error.fields['events[1].state']);
    assert.ok(body.error.fields['events[2].agentId']);
    assert.ok(body.error.fields['events[3].type']);
    assert.equal(body.error.fields['events[0].agentId'], undefined);
    assert.equal(await count(), before);
  });

  it('refuses references to unknown directory entries, unassigned queues and future instants', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const res = await h.post(
      '/api/v1/events',
      {
        events: [
          ev('agent.signed_in', 1, { agentId: 'a-404' }),
          ev('agent.queue_joined', 1, { agentId: 'a-3', queueId: 'q-sales' }),
          ev('call.queued', 1, { callId: 'c-9', queueId: 'q-nowhere' }),
          ev('wrapup.completed', 1, { agentId: 'a-1', callId: 'c-9', reasonId: 'w-404' }),
          { ...ev('agent.signed_out', 0, { agentId: 'a-1' }), at: future },
        ],
      },
      INTEGRATION,
    );
    assert.equal(res.status, 400);
    const { fields } = ((await res.json()) as { error: { fields: Record<string, string> } }).error;
    assert.match(fields['events[0].agentId']!, /unknown agent "a-404"/);
    assert.match(fields['events[1].queueId']!, /not assigned/);
    assert.match(fields['events[2].queueId']!, /unknown queue/);
    assert.match(fields['events[3].reasonId']!, /unknown wrap-up reason/);
    assert.match(fields['events[4].at']!, /future/);
  });

  it('answers malformed JSON, a wrong shape and an oversized body with clear errors', async () => {
    const malformed = await h.post('/api/v1/events', '{"events": [', INTEGRATION);
    assert.equal(malformed.status, 400);
    const { error } = (await malformed.json()) as { error: { code: string; fields: Record<string, string> } };
    assert.equal(error.code, 'invalid_request');
    assert.deepEqual(Object.keys(error.fields), ['(body)'], 'names the body as the bad field');

    const shape = await h.post('/api/v1/events', { events: [] }, INTEGRATION);
    assert.equal(shape.status, 400);
    assert.ok(((await shape.json()) as { error: { fields: Record<string, string> } }).error.fields.events);

    const huge = { events: [ev('agent.signed_in', 1, { agentId: 'a-1' })], padding: 'x'.repeat(5 * 1024 * 1024) };
    const big = await h.post('/api/v1/events', huge, INTEGRATION);
    assert.equal(big.status, 413);
    assert.equal(((await big.json()) as { error: { code: string } }).error.code, 'too_large');
  });

  it('ignores events it already has, across batches and within one', async () => {
    const a = ev('agent.signed_in', 10, { agentId: 'a-2' });
    const b = ev('agent.state_changed', 11, { agentId: 'a-2', state: 'available' });
    assert.deepEqual(await h.events(a, b), { accepted: 2, duplicates: 0 });
    assert.deepEqual(await h.events(a, b), { accepted: 0, duplicates: 2 });
    const c = ev('agent.state_changed', 12, { agentId: 'a-2', state: 'unavailable', reason: 'Lunch' });
    assert.deepEqual(await h.events(c, c, a), { accepted: 1, duplicates: 2 });
    const row = (await (await h.get('/api/v1/agents/a-2', await h.login('ava'))).json()) as { state: string; stateReason: string };
    assert.equal(row.state, 'unavailable');
    assert.equal(row.stateReason, 'Lunch');
    // The agent state history is stored with the events, once each.
    const states = await h.services.store.all<{ state: string; reason: string | null }>(
      sql`SELECT state, reason FROM agent_state_changes WHERE agent_id = 'a-2' ORDER BY seq`,
    );
    assert.deepEqual(states, [
      { state: 'unavailable', reason: null },
      { state: 'available', reason: null },
      { state: 'unavailable', reason: 'Lunch' },
    ]);
  });

  it('keeps hostile strings as data', async () => {
    const reason = '=HYPERLINK("http://evil")<script>alert(1)</script>';
    await h.events(ev('agent.signed_in', 20, { agentId: 'a-4' }), ev('agent.state_changed', 21, { agentId: 'a-4', state: 'unavailable', reason }));
    const res = await h.get('/api/v1/agents/a-4', await h.login('sam'));
    const row = (await res.json()) as { name: string; stateReason: string };
    assert.equal(row.stateReason, reason);
    assert.equal(row.name, '<img src=x onerror=alert(1)>');
    assert.match(res.headers.get('content-type')!, /application\/json/);
  });

  it('describes every route in the OpenAPI document', async () => {
    const res = await h.get('/api/v1/openapi.json');
    assert.equal(res.status, 200);
    const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };
    for (const [path, method] of [
      ['/events', 'post'],
      ['/auth/login', 'post'],
      ['/agents', 'get'],
      ['/agents/{id}/state', 'post'],
      ['/agents/{id}/sign-out', 'post'],
      ['/agents/{id}/queues/{queueId}', 'put'],
      ['/agents/{id}/queues/{queueId}', 'delete'],
      ['/agents/{id}/monitor', 'post'],
      ['/agents/{id}/monitor', 'delete'],
      ['/queues', 'get'],
      ['/stream', 'get'],
      ['/audit', 'get'],
    ] as const) {
      assert.ok(doc.paths[path]?.[method], `${method.toUpperCase()} ${path} is documented`);
    }
    assert.ok(doc.components.schemas.Event);
    assert.ok(doc.components.schemas.AgentRow);
  });
});
