import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventFactory, startHarness, type Harness } from './harness.js';
import { openSse } from './sse-reader.js';

/**
 * Issue 13 defect 7: a wallboard opened in the supervisor's own browser must not
 * replace the supervisor's session. A browser's cookie jar, kept by hand: each
 * Set-Cookie replaces the cookie of that name.
 */
describe('wallboard and supervisor side by side in one browser', () => {
  let h: Harness;
  const jar = new Map<string, string>();
  const ORIGIN = 'http://localhost';

  before(async () => {
    h = await startHarness();
    await h.listen();
    await h.events(eventFactory()('agent.signed_in', 0, { agentId: 'a-3' }));
  });
  after(() => h.close());

  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=') as [string, string];
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  };
  const cookie = () => ({ cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), origin: ORIGIN });

  it('keeps the supervisor signed in and able to act after the wallboard signs in', async () => {
    keep(await h.post('/api/v1/auth/login', { email: 'sam@example.com', password: 'sam-password' }, { origin: ORIGIN }));
    const wall = keep(await h.post('/api/v1/auth/display-session', { token: 'test-display-secret-0001' }, { origin: ORIGIN }));
    assert.equal(wall.status, 200);
    assert.deepEqual([...jar.keys()].sort(), ['fv_display', 'fv_session'], 'two cookies, neither replaced');

    const me = (await (await h.get('/api/v1/auth/me', cookie())).json()) as { kind: string };
    assert.equal(me.kind, 'supervisor', 'reads go as the supervisor while signed in');
    const message = await h.post('/api/v1/agents/a-3/messages', { body: 'Can you take the next call?' }, cookie());
    assert.equal(message.status, 201, await message.clone().text());

    // The wallboard renews its own session, not the supervisor's.
    const renewed = keep(await h.post('/api/v1/auth/display-session/renew', {}, cookie()));
    assert.equal(renewed.status, 200, await renewed.clone().text());
    assert.equal(((await renewed.json()) as { kind: string }).kind, 'display');
  });

  it('reads with the display cookie alone (the wallboard), and never acts with it', async () => {
    const wallOnly = { cookie: `fv_display=${jar.get('fv_display')}`, origin: ORIGIN };
    const me = (await (await h.get('/api/v1/auth/me', wallOnly)).json()) as { kind: string; queues: string[] };
    assert.deepEqual([me.kind, me.queues], ['display', ['q-support']]);
    const stream = await openSse(`${h.url}/api/v1/stream`, wallOnly);
    try {
      assert.equal(stream.status, 200);
      await stream.next((m) => m.event === 'snapshot');
    } finally {
      stream.close();
    }
    const command = await h.post('/api/v1/agents/a-3/state', { state: 'available' }, wallOnly);
    assert.equal(command.status, 403);
  });

  it('signing the supervisor out leaves the wallboard signed in', async () => {
    keep(await h.post('/api/v1/auth/logout', {}, cookie()));
    assert.deepEqual([...jar.keys()], ['fv_display']);
    const me = (await (await h.get('/api/v1/auth/me', cookie())).json()) as { kind: string };
    assert.equal(me.kind, 'display');
  });
});
