import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DISPLAY_TOKEN } from '../support/centre.js';
import { startHarness, type Harness } from './harness.js';
import { openSse } from './sse-reader.js';

/** The wallboard's sign-in: `POST /auth/display-session {token}` → an HttpOnly cookie of a read-only, queue-scoped session. */
describe('display session (wallboard)', () => {
  let now = Date.parse('2026-03-02T08:00:00Z');
  let h: Harness;

  before(async () => {
    h = await startHarness({ clock: () => now });
    await h.listen();
  });
  after(() => h.close());

  const exchange = (token: unknown) => h.post('/api/v1/auth/display-session', token === undefined ? {} : { token });
  const cookieOf = (res: Response) => {
    const header = res.headers.get('set-cookie') ?? '';
    const m = /fv_display=([^;]+)/.exec(header);
    assert.ok(m, `a session cookie in ${header}`);
    return { header, cookie: `fv_display=${m[1]}` };
  };

  it('sets a long-lived HttpOnly session cookie and returns no token', async () => {
    const res = await exchange(DISPLAY_TOKEN);
    assert.equal(res.status, 200);
    const body = (await res.json()) as Record<string, unknown>;
    assert.deepEqual(body, { kind: 'display', id: 'wall', queues: ['q-support'], expiresAt: new Date(now + 30 * 86_400_000).toISOString() });
    const { header } = cookieOf(res);
    assert.match(header, /HttpOnly/i);
    assert.match(header, /SameSite=Lax/i);
    assert.match(header, /Path=\//);
    assert.equal(new Date(/Expires=([^;]+)/i.exec(header)![1]!).getTime(), Math.floor((now + 30 * 86_400_000) / 1000) * 1000);
    assert.ok(!JSON.stringify(body).includes(/fv_display=([^;]+)/.exec(header)![1]!), 'the session token is only in the cookie');
  });

  it('reads only the token’s queues, and changes nothing', async () => {
    const { cookie } = cookieOf(await exchange(DISPLAY_TOKEN));
    const me = (await (await h.get('/api/v1/auth/me', { cookie })).json()) as { kind: string; queues: string[] };
    assert.deepEqual([me.kind, me.queues], ['display', ['q-support']]);
    const queues = (await (await h.get('/api/v1/queues', { cookie })).json()) as { queues: { queueId: string }[] };
    assert.deepEqual(queues.queues.map((q) => q.queueId), ['q-support']);
    const agents = (await (await h.get('/api/v1/agents', { cookie })).json()) as { agents: { agentId: string }[] };
    assert.deepEqual(agents.agents.map((a) => a.agentId).sort(), ['a-3', 'a-4']);
    const command = await h.post('/api/v1/agents/a-3/state', { state: 'available' }, { cookie, origin: 'http://localhost' });
    assert.equal(command.status, 403);
    const stream = await openSse(`${h.url}/api/v1/stream`, { cookie });
    try {
      const snapshot = await stream.next((m) => m.event === 'snapshot');
      assert.deepEqual((JSON.parse(snapshot.data) as { queues: { queueId: string }[] }).queues.map((q) => q.queueId), ['q-support']);
    } finally {
      stream.close();
    }
  });

  it('refuses an unknown or malformed token', async () => {
    for (const token of ['not-a-display-token', 'test-integration-secret']) {
      const res = await exchange(token);
      assert.equal(res.status, 401, token);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'unauthenticated');
      assert.equal(res.headers.get('set-cookie'), null);
    }
    // A supervisor's session token is no display token.
    const ava = (await h.login('ava')).authorization!.slice('Bearer '.length);
    assert.equal((await exchange(ava)).status, 401);
    const missing = await exchange(undefined);
    assert.equal(missing.status, 400);
    assert.ok(((await missing.json()) as { error: { fields: Record<string, string> } }).error.fields.token);
  });

  it('renews the session, retiring the old one', async () => {
    const old = cookieOf(await exchange(DISPLAY_TOKEN)).cookie;
    now += 20 * 86_400_000;
    const res = await h.post('/api/v1/auth/display-session/renew', {}, { cookie: old, origin: 'http://localhost' });
    assert.equal(res.status, 200);
    const renewed = cookieOf(res).cookie;
    assert.notEqual(renewed, old);
    assert.equal((await h.get('/api/v1/queues', { cookie: old })).status, 401);
    assert.equal((await h.get('/api/v1/queues', { cookie: renewed })).status, 200);
    assert.equal((await h.post('/api/v1/auth/display-session/renew', {}, await h.login('ava'))).status, 403);
    assert.equal((await h.post('/api/v1/auth/display-session/renew', {})).status, 401);
  });

  it('expires after 30 days without renewal', async () => {
    const { cookie } = cookieOf(await exchange(DISPLAY_TOKEN));
    now += 30 * 86_400_000 + 1;
    const res = await h.get('/api/v1/queues', { cookie });
    assert.equal(res.status, 401);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'token_expired');
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await h.get('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
    assert.ok(doc.paths['/auth/display-session']);
    assert.ok(doc.paths['/auth/display-session/renew']);
  });
});
