import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DISPLAY, startHarness, type Harness } from './harness.js';

/** `GET /auth/session`: a page asks whether it is signed in without logging a failed request when it is not. */
describe('the session probe', () => {
  let h: Harness;
  let clockOffset = 0;

  before(async () => {
    h = await startHarness({ clock: () => Date.now() + clockOffset });
  });
  after(() => h.close());

  const probe = async (headers: Record<string, string> = {}) => {
    const res = await h.get('/api/v1/auth/session', headers);
    assert.equal(res.status, 200, 'being signed out is an answer, not an error');
    return (await res.json()) as { signedIn: boolean; viewer?: { kind: string; id: string; queues: string[] } };
  };

  it('answers signed out, with a 200, for no credentials, an unknown cookie or token, and a stream ticket', async () => {
    assert.deepEqual(await probe(), { signedIn: false });
    assert.deepEqual(await probe({ cookie: 'fv_session=not-a-session' }), { signedIn: false });
    assert.deepEqual(await probe({ authorization: 'Bearer not-a-token' }), { signedIn: false });
    const ticket = (await (await h.post('/api/v1/auth/stream-ticket', {}, await h.login('ava'))).json()) as { ticket: string };
    assert.deepEqual(await probe({ authorization: `Bearer ${ticket.ticket}` }), { signedIn: false }, 'a ticket opens only the stream');
  });

  it('names the viewer of a session cookie, a bearer token and a display token, as /auth/me does', async () => {
    const res = await h.post('/api/v1/auth/login', { email: 'ava@example.com', password: 'ava-password' });
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const viaCookie = await probe({ cookie });
    assert.equal(viaCookie.signedIn, true);
    assert.deepEqual(viaCookie.viewer, await (await h.get('/api/v1/auth/me', { cookie })).json());
    assert.deepEqual({ kind: viaCookie.viewer!.kind, id: viaCookie.viewer!.id, queues: viaCookie.viewer!.queues }, { kind: 'supervisor', id: 's-ava', queues: ['q-sales'] });
    assert.equal((await probe(await h.login('ben'))).viewer?.id, 's-ben');
    assert.equal((await probe(DISPLAY)).viewer?.kind, 'display');
  });

  it('answers signed out once the session has expired', async () => {
    const headers = await h.login('ava');
    assert.equal((await probe(headers)).signedIn, true);
    clockOffset = 13 * 3_600_000;
    try {
      assert.deepEqual(await probe(headers), { signedIn: false });
    } finally {
      clockOffset = 0;
    }
  });
});
