import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WAIT_MS } from '../support/wait-until.js';
import { eventFactory, startHarness, type Harness } from './harness.js';
import { openSse, type SseReader } from './sse-reader.js';

/**
 * Issue 13 defect 3: ending a session (sign-out, expiry, a wallboard's renewal
 * retiring the old one) ends every stream opened with it — by bearer token,
 * cookie, or a ticket minted from it — and /health stops counting them.
 */
describe('streams end with their session', () => {
  let h: Harness;
  let offset = 0;
  const ORIGIN = 'http://localhost';

  before(async () => {
    h = await startHarness({ clock: () => Date.now() + offset });
    await h.listen();
  });
  after(() => h.close());

  const streamClients = async () => ((await (await h.get('/api/v1/health')).json()) as { streamClients: number }).streamClients;
  const open = async (headers: Record<string, string>, query = '') => {
    const s = await openSse(`${h.url}/api/v1/stream${query}`, headers);
    assert.equal(s.status, 200);
    await s.next((m) => m.event === 'snapshot');
    return s;
  };
  const ticketFor = async (headers: Record<string, string>) =>
    `?ticket=${((await (await h.post('/api/v1/auth/stream-ticket', {}, headers)).json()) as { ticket: string }).ticket}`;
  /** The server ends the stream by itself; the bound only keeps a broken build from hanging the run. */
  const endsByItself = (s: SseReader) =>
    Promise.race([s.ended.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), WAIT_MS).unref())]);

  it('sign-out ends the bearer, ticket and cookie streams of that session, and only those', async () => {
    const sam = await h.login('sam');
    const login = await h.post('/api/v1/auth/login', { email: 'ava@example.com', password: 'ava-password' }, { origin: ORIGIN });
    const cookie = /fv_session=[^;]+/.exec(login.headers.get('set-cookie')!)![0];
    const other = await h.login('sam'); // Sam on another device: not signed out

    const base = await streamClients();
    const bearer = await open(sam);
    const ticketed = await open({}, await ticketFor(sam));
    const viaCookie = await open({ cookie });
    const bystander = await open(other);
    assert.equal(await streamClients(), base + 4);

    assert.equal((await h.post('/api/v1/auth/logout', {}, sam)).status, 204);
    assert.equal((await h.post('/api/v1/auth/logout', {}, { cookie, origin: ORIGIN })).status, 204);
    for (const s of [bearer, ticketed, viaCookie]) assert.ok(await endsByItself(s), 'the stream was ended');
    assert.equal(await streamClients(), base + 1, 'only the other device’s stream is counted');

    // The bystander still gets changes.
    const from = bystander.messages.length;
    await h.events(eventFactory()('agent.signed_in', 0, { agentId: 'a-1' }));
    await bystander.next((m) => m.event === 'delta', 10_000, from);
    bystander.close();
  });

  it('an expired session’s streams end by themselves', async () => {
    const ben = await h.login('ben');
    const base = await streamClients();
    const bearer = await open(ben);
    const ticketed = await open({}, await ticketFor(ben));
    offset = 12 * 3_600_000 + 1_000;
    try {
      for (const s of [bearer, ticketed]) assert.ok(await endsByItself(s), 'the expired stream was ended');
      assert.equal(await streamClients(), base);
    } finally {
      offset = 0;
    }
  });

  it('a wallboard’s renewal ends the streams of the session it retired', async () => {
    const exchanged = await h.post('/api/v1/auth/display-session', { token: 'test-display-secret-0001' }, { origin: ORIGIN });
    const old = /fv_display=[^;]+/.exec(exchanged.headers.get('set-cookie')!)![0];
    const stream = await open({ cookie: old });
    assert.equal((await h.post('/api/v1/auth/display-session/renew', {}, { cookie: old, origin: ORIGIN })).status, 200);
    assert.ok(await endsByItself(stream));
  });
});
