import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WAIT_MS } from '../support/wait-until.js';
import { call } from './admin-helpers.js';
import { DISPLAY, startHarness, type Harness } from './harness.js';
import { openSse, type SseReader } from './sse-reader.js';

/**
 * An admin's change reaches open streams at once (issue 12 point 4): each gets a fresh snapshot in
 * the scope its viewer has now, a resume from before the change is a snapshot too, and a revoked
 * wallboard or retired supervisor is cut off. Real streams on a listening server.
 */
describe('directory changes on open streams', () => {
  let h: Harness;
  let sam: Record<string, string>;
  before(async () => {
    h = await startHarness();
    await h.listen();
    sam = await h.login('sam');
  });
  after(() => h.close());

  const open = async (headers: Record<string, string>, lastEventId?: string) => {
    const s = await openSse(`${h.url}/api/v1/stream`, { ...headers, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) });
    assert.equal(s.status, 200);
    await s.next((m) => m.event === 'snapshot' || m.event === 'delta');
    return s;
  };
  /** The rows of the next snapshot after message `from`. */
  const nextSnapshot = async (s: SseReader, from: number) => {
    const m = await s.next((x) => x.event === 'snapshot', WAIT_MS, from);
    const frame = JSON.parse(m.data) as { agents: { agentId: string }[]; queues: { queueId: string }[] };
    return { agents: frame.agents.map((a) => a.agentId).sort(), queues: frame.queues.map((q) => q.queueId).sort() };
  };
  const endsByItself = (s: SseReader) => Promise.race([s.ended.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), WAIT_MS).unref())]);

  it('a supervisor whose scope changes gets a fresh snapshot of the new scope at once, and a resume from before it is a snapshot', async () => {
    const ben = await h.login('ben');
    const stream = await open(ben);
    const before = stream.messages.length;
    const lastId = stream.messages.findLast((m) => m.id !== null)!.id!;
    assert.equal((await call(h, 'PATCH', '/supervisors/s-ben', sam, { queues: ['q-sales'] })).status, 200);
    assert.deepEqual(await nextSnapshot(stream, before), { agents: ['a-1', 'a-2', 'a-4'], queues: ['q-sales'] });
    stream.close();

    const resumed = await open(ben, lastId);
    assert.equal(resumed.messages.find((m) => m.event === 'snapshot' || m.event === 'delta')!.event, 'snapshot', 'never a delta across the change');
    assert.deepEqual((await nextSnapshot(resumed, 0)).queues, ['q-sales']);
    resumed.close();
    await call(h, 'PATCH', '/supervisors/s-ben', sam, { queues: ['q-support'] });
  });

  it('an agent moved between queues moves on every board', async () => {
    const ava = await open(await h.login('ava'));
    const ben = await open(await h.login('ben'));
    const [fromAva, fromBen] = [ava.messages.length, ben.messages.length];
    assert.equal((await call(h, 'PATCH', '/agents/a-3', sam, { queues: ['q-sales'] })).status, 200);
    assert.ok((await nextSnapshot(ava, fromAva)).agents.includes('a-3'), 'Sales now shows a-3');
    assert.ok(!(await nextSnapshot(ben, fromBen)).agents.includes('a-3'), 'Support no longer does');
    ava.close();
    ben.close();
    await call(h, 'PATCH', '/agents/a-3', sam, { queues: ['q-support'] });
  });

  it('a new queue appears on the open boards whose scope takes it', async () => {
    const board = await open(sam);
    await call(h, 'POST', '/queues', sam, { id: 'q-vip', name: 'VIP' });
    await call(h, 'PATCH', '/supervisors/s-sam', sam, { queues: ['q-sales', 'q-support', 'q-vip'] });
    // The queue's creation sends a snapshot too (without it: in nobody's scope yet); the scope's change, one with it.
    const shown = await board.next((m) => m.event === 'snapshot' && m.data.includes('"queueId":"q-vip"'));
    assert.deepEqual((JSON.parse(shown.data) as { queues: { queueId: string }[] }).queues.map((q) => q.queueId).sort(), ['q-sales', 'q-support', 'q-vip']);
    board.close();
  });

  it('a revoked display token’s wallboard is disconnected and its session refused', async () => {
    const exchange = await h.post('/api/v1/auth/display-session', { token: DISPLAY.authorization.slice('Bearer '.length) });
    const cookie = /fv_display=[^;]+/.exec(exchange.headers.get('set-cookie')!)![0];
    const byCookie = await open({ cookie });
    const byBearer = await open(DISPLAY);
    assert.equal((await call(h, 'POST', '/display-tokens/wall/revoke', sam)).status, 200);
    assert.equal(await endsByItself(byCookie), true, 'the wallboard on its session is cut off');
    assert.equal(await endsByItself(byBearer), true, 'and the one on the token itself');
    assert.equal((await h.get('/api/v1/queues', { cookie })).status, 401);
    assert.equal((await h.post('/api/v1/auth/display-session', { token: DISPLAY.authorization.slice('Bearer '.length) })).status, 401);
  });

  it('a retired supervisor’s stream ends and they cannot sign in again', async () => {
    await call(h, 'POST', '/supervisors', sam, { id: 's-eve', name: 'Eve', email: 'eve@example.com', password: 'eve-password', queues: ['q-sales'] });
    const login = await h.post('/api/v1/auth/login', { email: 'eve@example.com', password: 'eve-password' });
    const { token } = (await login.json()) as { token: string };
    const stream = await open({ authorization: `Bearer ${token}` });
    assert.equal((await call(h, 'POST', '/supervisors/s-eve/retire', sam)).status, 200);
    assert.equal(await endsByItself(stream), true);
    assert.equal((await h.post('/api/v1/auth/login', { email: 'eve@example.com', password: 'eve-password' })).status, 401);
  });
});
