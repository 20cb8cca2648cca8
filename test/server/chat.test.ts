import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ChatConversation, ChatMessage, ChatRead } from '../../contract/chat.js';
import { centre, DISPLAY, INTEGRATION, startHarness, type Harness } from './harness.js';

/** The small test centre, with desk passwords for two agents (the demo's way of signing agents in). */
const withPasswords = {
  ...centre,
  agents: centre.agents.map((a) =>
    a.id === 'a-1' ? { ...a, password: 'li-na-desk-password' } : a.id === 'a-3' ? { ...a, email: 'olivia@example.com', password: 'olivia-desk-password' } : a,
  ),
};

type Headers = Record<string, string>;
interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

async function deskToken(h: Harness, agentId: string): Promise<Headers> {
  const res = await h.post(`/api/v1/agents/${agentId}/desk-token`, {}, INTEGRATION);
  assert.equal(res.status, 200, await res.clone().text());
  return { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
}

const send = async (h: Harness, agentId: string, body: unknown, who: Headers) => h.post(`/api/v1/agents/${agentId}/messages`, body, who);
async function sent(h: Harness, agentId: string, body: unknown, who: Headers): Promise<ChatMessage> {
  const res = await send(h, agentId, body, who);
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as ChatMessage;
}
async function page(h: Harness, path: string, who: Headers): Promise<{ messages: ChatMessage[]; hasMore: boolean }> {
  const res = await h.get(path, who);
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as { messages: ChatMessage[]; hasMore: boolean };
}
async function conversations(h: Harness, who: Headers): Promise<ChatConversation[]> {
  const res = await h.get('/api/v1/conversations', who);
  assert.equal(res.status, 200, await res.clone().text());
  return ((await res.json()) as { conversations: ChatConversation[] }).conversations;
}
async function refused(res: Response, status: number): Promise<ErrorBody['error']> {
  assert.equal(res.status, status, await res.clone().text());
  return ((await res.json()) as ErrorBody).error;
}

describe('chat: /api/v1/agents/:id/messages', () => {
  let h: Harness;
  let ava: Headers;
  let sam: Headers;
  let liNa: Headers;

  before(async () => {
    h = await startHarness({ centre: withPasswords });
    [ava, sam] = [await h.login('ava'), await h.login('sam')];
    liNa = await deskToken(h, 'a-1');
  });
  after(() => h.close());

  it('keeps a conversation between one supervisor and one agent, oldest first, paged back with `before`', async () => {
    const mine = [];
    for (let i = 1; i <= 5; i++) mine.push(await sent(h, 'a-2', { body: `note ${i}` }, ava));
    assert.deepEqual(
      { ...mine[0], sentAt: 'x' },
      { id: mine[0]!.id, agentId: 'a-2', supervisorId: 's-ava', supervisorName: 'Ava', sender: 'supervisor', body: 'note 1', sentAt: 'x', readAt: null },
    );
    const latest = await page(h, '/api/v1/agents/a-2/messages?limit=2', ava);
    assert.deepEqual(latest.messages.map((m) => m.body), ['note 4', 'note 5']);
    assert.equal(latest.hasMore, true);
    const earlier = await page(h, `/api/v1/agents/a-2/messages?limit=2&before=${latest.messages[0]!.id}`, ava);
    assert.deepEqual(earlier.messages.map((m) => m.body), ['note 2', 'note 3']);
    const first = await page(h, `/api/v1/agents/a-2/messages?limit=2&before=${earlier.messages[0]!.id}`, ava);
    assert.deepEqual([first.messages.map((m) => m.body), first.hasMore], [['note 1'], false]);
    // Sam supervises a-2 too, but Ava's conversation is not his.
    assert.deepEqual((await page(h, '/api/v1/agents/a-2/messages', sam)).messages, []);
  });

  it('counts unread messages per conversation and marks them read, on both sides', async () => {
    const question = await sent(h, 'a-1', { body: 'Can you take the VIP queue after lunch?' }, ava);
    assert.equal((await conversations(h, liNa)).find((c) => c.supervisorId === 's-ava')!.unread, 1);
    const yes = await sent(h, 'a-1', { body: 'Yes', supervisorId: 's-ava' }, liNa);
    const when = await sent(h, 'a-1', { body: 'From 13:00?', supervisorId: 's-ava' }, liNa);
    assert.equal(yes.sender, 'agent');

    const forAva = (await conversations(h, ava)).find((c) => c.agentId === 'a-1')!;
    assert.deepEqual([forAva.agentName, forAva.unread, forAva.lastMessage!.id], ['李娜', 2, when.id]);

    const partly = await h.post('/api/v1/agents/a-1/messages/read', { throughId: yes.id }, ava);
    assert.equal(partly.status, 200);
    const [receipt] = ((await partly.json()) as { reads: ChatRead[] }).reads;
    assert.deepEqual({ ...receipt, readAt: 'x' }, { agentId: 'a-1', supervisorId: 's-ava', reader: 'supervisor', throughId: yes.id, readAt: 'x', unread: 1 });
    assert.equal((await conversations(h, ava)).find((c) => c.agentId === 'a-1')!.unread, 1);
    await h.post('/api/v1/agents/a-1/messages/read', {}, ava);
    assert.equal((await conversations(h, ava)).find((c) => c.agentId === 'a-1')!.unread, 0);
    const nothingLeft = await h.post('/api/v1/agents/a-1/messages/read', {}, ava);
    assert.deepEqual(await nothingLeft.json(), { reads: [] });

    // The agent reads Ava's question: Ava sees it read.
    await h.post('/api/v1/agents/a-1/messages/read', { supervisorId: 's-ava' }, liNa);
    const thread = (await page(h, '/api/v1/agents/a-1/messages', ava)).messages;
    assert.ok(thread.find((m) => m.id === question.id)!.readAt, 'Ava’s question is read');
    assert.ok(thread.filter((m) => m.sender === 'agent').every((m) => m.readAt), 'the replies are read');
  });

  it('lists an agent’s conversations with every supervisor who supervises them, talked to or not', async () => {
    const list = await conversations(h, liNa);
    assert.deepEqual(list.map((c) => [c.supervisorName, c.lastMessage === null]), [['Ava', false], ['Sam', true]]);
    assert.ok(list.every((c) => c.agentId === 'a-1'));
  });

  it('keeps a supervisor to the agents in their scope', async () => {
    assert.equal((await refused(await send(h, 'a-3', { body: 'hi' }, ava), 403)).message, 'Agent "a-3" is not in any of your queues.');
    await refused(await h.get('/api/v1/agents/a-3/messages', ava), 403);
    await refused(await h.post('/api/v1/agents/a-3/messages/read', {}, ava), 403);
    await refused(await h.get('/api/v1/agents/a-1/messages?supervisor=s-sam', ava), 403);
    await refused(await send(h, 'a-1', { body: 'hi', supervisorId: 's-sam' }, ava), 403);
    assert.equal((await send(h, 'a-3', { body: 'hi Olivia' }, sam)).status, 201);
    const ben = await h.login('ben');
    await refused(await h.get('/api/v1/agents/a-1/messages', ben), 403);
    assert.deepEqual((await conversations(h, ben)).map((c) => c.agentId), [], 'Ben sees none of Ava’s or Sam’s conversations');
  });

  it('keeps an agent to their own conversations and the agent desk', async () => {
    await refused(await h.get('/api/v1/agents/a-2/messages', liNa), 403);
    await refused(await send(h, 'a-2', { body: 'hi', supervisorId: 's-ava' }, liNa), 403);
    await refused(await h.post('/api/v1/agents/a-2/messages/read', {}, liNa), 403);
    const noTarget = await refused(await send(h, 'a-1', { body: 'hi' }, liNa), 400);
    assert.equal(noTarget.fields?.supervisorId, 'Required when an agent sends a message.');
    assert.equal((await refused(await send(h, 'a-1', { body: 'hi', supervisorId: 's-ben' }, liNa), 403)).message, 'Ben does not supervise any of your queues.');
    await refused(await send(h, 'a-1', { body: 'hi', supervisorId: 's-nobody' }, liNa), 404);
    for (const path of ['/api/v1/agents', '/api/v1/agents/a-1', '/api/v1/queues', '/api/v1/audit']) await refused(await h.get(path, liNa), 403);
    await refused(await h.post('/api/v1/agents/a-1/state', { state: 'available' }, liNa), 403);
    const me = (await (await h.get('/api/v1/auth/me', liNa)).json()) as { kind: string; id: string; name: string };
    assert.deepEqual([me.kind, me.id, me.name], ['agent', 'a-1', '李娜']);
  });

  it('gives display tokens no chat', async () => {
    await refused(await h.get('/api/v1/agents/a-3/messages', DISPLAY), 403);
    await refused(await send(h, 'a-3', { body: 'hi' }, DISPLAY), 403);
    await refused(await h.get('/api/v1/conversations', DISPLAY), 403);
  });

  it('refuses bad input with a clear message and stores nothing', async () => {
    const before = (await page(h, '/api/v1/agents/a-4/messages', ava)).messages.length;
    assert.equal((await refused(await send(h, 'a-4', { body: '' }, ava), 400)).fields?.body, 'The message is empty: write something first.');
    assert.equal((await refused(await send(h, 'a-4', { body: ' \n\t ' }, ava), 400)).fields?.body, 'The message is empty: write something first.');
    assert.ok((await refused(await send(h, 'a-4', {}, ava), 400)).fields?.body);
    assert.ok((await refused(await send(h, 'a-4', { body: 42 }, ava), 400)).fields?.body);
    assert.ok((await refused(await send(h, 'a-4', { body: 'hi', extra: true }, ava), 400)).fields);
    const tenKb = await refused(await send(h, 'a-4', { body: 'x'.repeat(10_000) }, ava), 400);
    assert.equal(tenKb.fields?.body, 'Too long: at most 2000 characters, this one has 10000.');
    const huge = await refused(await send(h, 'a-4', { body: 'x'.repeat(100_000) }, ava), 413);
    assert.equal(huge.message, 'The body is larger than 64 KiB.');
    await refused(await send(h, 'a-4', '{"body": "unfinished', ava), 400);
    await refused(await send(h, 'a-nobody', { body: 'hi' }, ava), 404);
    await refused(await h.get('/api/v1/agents/a-4/messages?limit=1000', ava), 400);
    await refused(await h.get('/api/v1/agents/a-4/messages?before=abc', ava), 400);
    await refused(await send(h, 'a-4', { body: 'hi' }, {}), 401);
    assert.equal((await page(h, '/api/v1/agents/a-4/messages', ava)).messages.length, before);
  });

  it('keeps HTML and scripts as the text they are', async () => {
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script> & "quotes"\nsecond line';
    const m = await sent(h, 'a-4', { body: hostile }, ava);
    assert.equal(m.body, hostile);
    const res = await h.get('/api/v1/agents/a-4/messages', ava);
    assert.match(res.headers.get('content-type')!, /^application\/json/);
    assert.equal(((await res.json()) as { messages: ChatMessage[] }).messages.at(-1)!.body, hostile);
  });

  it('trims blanks around a message and keeps the lines inside it', async () => {
    assert.equal((await sent(h, 'a-4', { body: '  line one\nline two \n' }, ava)).body, 'line one\nline two');
  });

  it('slows down a sender who floods', async () => {
    const ben = await h.login('ben');
    for (let i = 0; i < 30; i++) await sent(h, 'a-3', { body: `ping ${i}` }, ben);
    const error = await refused(await send(h, 'a-3', { body: 'one more' }, ben), 429);
    assert.equal(error.code, 'too_many_messages');
  });
});

describe('chat: agent desk sign-in', () => {
  let h: Harness;

  before(async () => {
    h = await startHarness({ centre: withPasswords });
  });
  after(() => h.close());

  it('issues desk tokens to integrations only', async () => {
    await refused(await h.post('/api/v1/agents/a-1/desk-token', {}), 401);
    await refused(await h.post('/api/v1/agents/a-1/desk-token', {}, await h.login('ava')), 401);
    await refused(await h.post('/api/v1/agents/a-nobody/desk-token', {}, INTEGRATION), 404);
    const res = await h.post('/api/v1/agents/a-2/desk-token', {}, INTEGRATION);
    const session = (await res.json()) as { token: string; expiresAt: string; agent: { id: string; name: string } };
    assert.deepEqual(session.agent, { id: 'a-2', name: 'Wang Wei' });
    assert.ok(Date.parse(session.expiresAt) > Date.now());
    const who = { authorization: `Bearer ${session.token}` };
    assert.equal((await h.get('/api/v1/agents/a-2/messages', who)).status, 200);
    assert.equal((await h.post('/api/v1/auth/logout', {}, who)).status, 204);
    await refused(await h.get('/api/v1/agents/a-2/messages', who), 401);
  });

  it('signs an agent in with the password from the directory file, by email or agent id', async () => {
    const byEmail = await h.post('/api/v1/auth/agent-login', { email: 'LI.NA@example.com', password: 'li-na-desk-password' });
    assert.equal(byEmail.status, 200);
    assert.equal(byEmail.headers.get('set-cookie'), null, 'no cookie: a supervisor signed in on this browser stays signed in');
    assert.deepEqual(((await byEmail.json()) as { agent: object }).agent, { id: 'a-1', name: '李娜' });
    const byId = await h.post('/api/v1/auth/agent-login', { agentId: 'a-3', password: 'olivia-desk-password' });
    assert.equal(byId.status, 200);

    assert.equal((await refused(await h.post('/api/v1/auth/agent-login', { agentId: 'a-3', password: 'li-na-desk-password' }), 401)).message, 'Agent, email or password is incorrect.');
    await refused(await h.post('/api/v1/auth/agent-login', { agentId: 'a-2', password: 'anything-at-all' }), 401);
    await refused(await h.post('/api/v1/auth/agent-login', { email: 'nobody@example.com', password: 'anything-at-all' }), 401);
    await refused(await h.post('/api/v1/auth/agent-login', { password: 'li-na-desk-password' }), 400);
    await refused(await h.post('/api/v1/auth/agent-login', { email: 'li.na@example.com', agentId: 'a-1', password: 'li-na-desk-password' }), 400);
  });
});

describe('chat: persistence', () => {
  it('keeps messages and read state across a restart', async () => {
    const first = await startHarness({ centre: withPasswords });
    const ava = await first.login('ava');
    const liNa = await deskToken(first, 'a-1');
    const question = await sent(first, 'a-1', { body: '今天下午能加班吗?' }, ava);
    await sent(first, 'a-1', { body: '可以', supervisorId: 's-ava' }, liNa);
    await first.post('/api/v1/agents/a-1/messages/read', {}, liNa);
    await first.close({ keepFiles: true });

    const second = await startHarness({ centre: withPasswords, dir: first.dir });
    try {
      const thread = (await page(second, '/api/v1/agents/a-1/messages', await second.login('ava'))).messages;
      assert.deepEqual(thread.map((m) => [m.sender, m.body, m.readAt !== null]), [
        ['supervisor', '今天下午能加班吗?', true],
        ['agent', '可以', false],
      ]);
      assert.equal(thread[0]!.id, question.id);
      assert.equal((await conversations(second, await second.login('ava'))).find((c) => c.agentId === 'a-1')!.unread, 1);
    } finally {
      await second.close();
    }
  });
});
