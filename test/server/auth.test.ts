import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { DISPLAY, startHarness, type Harness } from './harness.js';

describe('authentication', () => {
  let h: Harness;
  let clockOffset = 0;

  before(async () => {
    h = await startHarness({ clock: () => Date.now() + clockOffset });
  });
  after(() => h.close());

  const login = (email: string, password: string) => h.post('/api/v1/auth/login', { email, password });

  it('signs a supervisor in with a bearer token and an HttpOnly session cookie', async () => {
    const res = await login('Ava@Example.com', 'ava-password');
    assert.equal(res.status, 200);
    const body = (await res.json()) as { token: string; expiresAt: string; supervisor: { id: string; queues: string[] } };
    assert.equal(body.supervisor.id, 's-ava');
    assert.deepEqual(body.supervisor.queues, ['q-sales']);
    assert.ok(Date.parse(body.expiresAt) > Date.now() + 11 * 3_600_000);
    const cookie = res.headers.get('set-cookie')!;
    assert.match(cookie, /^fv_session=/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.doesNotMatch(cookie, /Secure/, 'plain http in tests');

    const viaCookie = await h.get('/api/v1/auth/me', { cookie: cookie.split(';')[0]! });
    assert.equal(((await viaCookie.json()) as { id: string }).id, 's-ava');
    const viaBearer = await h.get('/api/v1/auth/me', { authorization: `Bearer ${body.token}` });
    assert.equal(((await viaBearer.json()) as { kind: string }).kind, 'supervisor');
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const wrong = await login('ava@example.com', 'nope-nope');
    const unknown = await login('nobody@example.com', 'nope-nope');
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    assert.deepEqual(await wrong.json(), await unknown.json());
  });

  it('names missing fields of a sign-in', async () => {
    const res = await h.post('/api/v1/auth/login', { email: 'ava@example.com' });
    assert.equal(res.status, 400);
    assert.ok(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields.password);
  });

  it('slows down password guessing with 429 after ten failures', async () => {
    for (let i = 0; i < 10; i++) assert.equal((await login('ben@example.com', `guess-${i}-xx`)).status, 401);
    const blocked = await login('ben@example.com', 'ben-password');
    assert.equal(blocked.status, 429);
    assert.equal(((await blocked.json()) as { error: { code: string } }).error.code, 'too_many_attempts');
  });

  it('rejects an expired session with token_expired, and a signed-out one', async () => {
    const sam = await h.login('sam');
    assert.equal((await h.get('/api/v1/agents', sam)).status, 200);
    clockOffset = 12 * 3_600_000 + 1_000;
    try {
      const res = await h.get('/api/v1/agents', sam);
      assert.equal(res.status, 401);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'token_expired');
    } finally {
      clockOffset = 0;
    }
    const again = await h.login('sam');
    assert.equal((await h.post('/api/v1/auth/logout', {}, again)).status, 204);
    assert.equal((await h.get('/api/v1/agents', again)).status, 401);
  });

  it('accepts a display token as a read-only viewer of its queues', async () => {
    const me = (await (await h.get('/api/v1/auth/me', DISPLAY)).json()) as { kind: string; queues: string[] };
    assert.deepEqual([me.kind, me.queues], ['display', ['q-support']]);
    const queues = (await (await h.get('/api/v1/queues', DISPLAY)).json()) as { queues: { queueId: string; totalAgents: number }[] };
    assert.deepEqual(queues.queues.map((q) => [q.queueId, q.totalAgents]), [['q-support', 2]]);
    assert.equal((await h.get('/api/v1/audit', DISPLAY)).status, 403);
  });

  it('keeps no password or secret in clear in the database', async () => {
    const dump = (
      await h.services.store.all<{ v: string }>(sql`select password_hash as v from supervisors union all select secret_hash from integration_keys union all select secret_hash from display_tokens`)
    ).map((r) => r.v);
    assert.equal(dump.length, 5);
    for (const secret of ['ava-password', 'ben-password', 'sam-password', 'test-integration-secret', 'test-display-secret-0001']) {
      assert.ok(dump.every((v) => !v.includes(secret)), `${secret} is not stored`);
    }
    assert.ok(dump.slice(0, 3).every((v) => v.startsWith('scrypt$')));
  });
});
