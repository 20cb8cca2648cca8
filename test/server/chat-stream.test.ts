import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ChatMessage, ChatRead } from '../../contract/chat.js';
import { centre, eventFactory, INTEGRATION, startHarness, type Harness } from './harness.js';
import { frame, openSse, type SseMessage, type SseReader } from './sse-reader.js';

type Headers = Record<string, string>;
interface ChatFrame {
  agents: { agentId: string; monitoredBy: { supervisorId: string; mode: string } | null }[];
  queues: { queueId: string }[];
  messages?: ChatMessage[];
  reads?: ChatRead[];
}
const chatFrame = (m: SseMessage) => JSON.parse(m.data) as ChatFrame;
const hasMessage = (body: string) => (m: SseMessage) => m.event === 'delta' && (chatFrame(m).messages ?? []).some((x) => x.body === body);
const messagesIn = (s: SseReader) => s.messages.filter((m) => m.event === 'delta' || m.event === 'snapshot').flatMap((m) => chatFrame(m).messages ?? []);

async function deskToken(h: Harness, agentId: string): Promise<Headers> {
  const res = await h.post(`/api/v1/agents/${agentId}/desk-token`, {}, INTEGRATION);
  return { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
}

async function say(h: Harness, agentId: string, body: string, who: Headers, supervisorId?: string): Promise<ChatMessage> {
  const res = await h.post(`/api/v1/agents/${agentId}/messages`, supervisorId ? { body, supervisorId } : { body }, who);
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as ChatMessage;
}

/** Opens a stream and waits for its first frame. */
async function live(h: Harness, who: Headers): Promise<SseReader> {
  const s = await openSse(`${h.url}/api/v1/stream`, who);
  await s.next((m) => m.event === 'snapshot' || m.event === 'delta');
  return s;
}

describe('chat on the live stream', () => {
  let h: Harness;
  let ava: Headers;
  let sam: Headers;
  let ben: Headers;
  let liNa: Headers;

  before(async () => {
    h = await startHarness({ stream: { tickMs: 20, heartbeatMs: 100 } });
    await h.listen();
    [ava, sam, ben] = [await h.login('ava'), await h.login('sam'), await h.login('ben')];
    liNa = await deskToken(h, 'a-1');
  });
  after(() => h.close());

  it('delivers a message live to the supervisor and the agent of the conversation, and to no one else', async () => {
    const streams = { ava: await live(h, ava), liNa: await live(h, liNa), sam: await live(h, sam), ben: await live(h, ben) };
    const sent = await say(h, 'a-1', 'Please join Sales after this call', ava);
    for (const s of [streams.ava, streams.liNa]) {
      const delta = chatFrame(await s.next(hasMessage(sent.body)));
      assert.deepEqual(delta.messages, [sent], 'the stored message, as the POST answered it');
    }
    // Sam supervises a-1 too: a message of his own arrives, and Ava's never did.
    const own = await say(h, 'a-1', 'Sam here', sam);
    await streams.sam.next(hasMessage(own.body));
    assert.deepEqual(messagesIn(streams.sam).map((m) => m.body), ['Sam here']);
    const reply = await say(h, 'a-1', 'Will do', liNa, 's-ava');
    await streams.ava.next(hasMessage(reply.body));
    await streams.liNa.next(hasMessage(reply.body));
    assert.deepEqual(messagesIn(streams.liNa).map((m) => m.body), ['Please join Sales after this call', 'Sam here', 'Will do']);
    assert.deepEqual(messagesIn(streams.ben), [], 'Ben is in no conversation');
    for (const s of Object.values(streams)) s.close();
  });

  it('sends read receipts to both sides, with the reader’s unread count', async () => {
    const a = await live(h, ava);
    const agent = await live(h, liNa);
    const m = await say(h, 'a-1', 'Read me', ava);
    await agent.next(hasMessage(m.body));
    await h.post('/api/v1/agents/a-1/messages/read', { supervisorId: 's-ava' }, liNa);
    for (const s of [a, agent]) {
      const receipt = chatFrame(await s.next((x) => x.event === 'delta' && (chatFrame(x).reads ?? []).length > 0)).reads![0]!;
      assert.deepEqual([receipt.reader, receipt.supervisorId, receipt.throughId, receipt.unread], ['agent', 's-ava', m.id, 0]);
    }
    a.close();
    agent.close();
  });

  it('gives an agent desk its own live row and its queues, not its colleagues’', async () => {
    const ev = eventFactory(Date.now() - 60_000);
    await h.events(ev('agent.signed_in', 0, { agentId: 'a-1' }), ev('agent.signed_in', 0, { agentId: 'a-2' }));
    const s = await openSse(`${h.url}/api/v1/stream`, liNa);
    const snap = frame(await s.next((m) => m.event === 'snapshot'));
    assert.deepEqual(snap.agents.map((a) => a.agentId), ['a-1']);
    assert.deepEqual(snap.queues.map((q) => q.queueId), ['q-sales']);

    await h.events(
      ev('agent.state_changed', 1, { agentId: 'a-2', state: 'available' }),
      ev('agent.state_changed', 2, { agentId: 'a-1', state: 'available' }),
      ev('call.queued', 3, { callId: 'c-1', queueId: 'q-sales', direction: 'inbound' }),
      ev('call.offered', 4, { callId: 'c-1', agentId: 'a-1' }),
      ev('call.answered', 5, { callId: 'c-1', agentId: 'a-1' }),
      ev('monitor.started', 6, { agentId: 'a-1', callId: 'c-1', supervisorId: 's-ava', mode: 'coach' }),
    );
    const coached = await s.next((m) => m.event === 'delta' && chatFrame(m).agents.some((a) => a.monitoredBy !== null));
    const { supervisorId, mode } = chatFrame(coached).agents[0]!.monitoredBy!;
    assert.deepEqual([supervisorId, mode], ['s-ava', 'coach']);
    assert.ok(s.messages.every((m) => !m.data.includes('"a-2"')), 'never a colleague’s row');
    s.close();
  });

  it('resumes after a disconnect with the missed messages, each exactly once', async () => {
    const first = await live(h, ava);
    const watcher = await live(h, sam);
    const before = await say(h, 'a-2', 'before the cut', ava);
    const seen = await first.next(hasMessage(before.body));
    first.close();

    const missed = [await say(h, 'a-2', 'missed 1', ava), await say(h, 'a-2', 'missed 2', ava)];
    // Ticks go out in order: once Sam has a later message, the missed ones are in the history, and the resume must come from it.
    await say(h, 'a-1', 'for Sam', sam);
    await watcher.next(hasMessage('for Sam'));
    watcher.close();

    const resumed = await openSse(`${h.url}/api/v1/stream`, { ...ava, 'last-event-id': seen.id! });
    const catchUp = await resumed.next((m) => m.event === 'delta' || m.event === 'snapshot');
    assert.equal(catchUp.event, 'delta', 'resumed, not a new snapshot');
    assert.deepEqual(chatFrame(catchUp).messages?.map((m) => m.body), ['missed 1', 'missed 2']);
    const after = await say(h, 'a-2', 'after the resume', ava);
    await resumed.next(hasMessage(after.body));
    assert.deepEqual(messagesIn(resumed).map((m) => m.id), [...missed.map((m) => m.id), after.id], 'nothing lost, nothing twice');
    resumed.close();
  });
});

describe('chat on the live stream, resuming from too long ago', () => {
  let h: Harness;

  before(async () => {
    // A short memory: three items.
    h = await startHarness({ stream: { tickMs: 20, heartbeatMs: 100, historyItems: 3 } });
    await h.listen();
  });
  after(() => h.close());

  it('answers with a snapshot, after which the messages are all there to fetch', async () => {
    const ava = await h.login('ava');
    const first = await live(h, ava);
    // Another tab of Ava's, open throughout: it sees each message go out.
    const tab = await live(h, ava);
    const m0 = await say(h, 'a-1', 'm0', ava);
    const seen = await first.next(hasMessage(m0.body));
    first.close();
    for (let i = 1; i <= 6; i++) {
      await say(h, 'a-1', `m${i}`, ava);
      // One tick per message, so the history holds them one by one and must forget the oldest.
      await tab.next(hasMessage(`m${i}`));
    }
    tab.close();
    const resumed = await openSse(`${h.url}/api/v1/stream`, { ...ava, 'last-event-id': seen.id! });
    const answer = await resumed.next((m) => m.event === 'delta' || m.event === 'snapshot');
    assert.equal(answer.event, 'snapshot', 'never a silent gap');
    assert.equal(chatFrame(answer).messages, undefined);
    resumed.close();
    const thread = ((await (await h.get('/api/v1/agents/a-1/messages', ava)).json()) as { messages: ChatMessage[] }).messages;
    assert.deepEqual(thread.map((m) => m.body), ['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6']);
  });
});

describe('chat on the live stream, sharing a scope’s frame', () => {
  // Amy supervises the same queue as Ava: one scope, two viewers.
  const sameScope = { ...centre, supervisors: [...centre.supervisors, { id: 's-amy', name: 'Amy', email: 'amy@example.com', password: 'amy-password', queues: ['q-sales'] }] };
  let h: Harness;

  before(async () => {
    // Ticks only when the test says, so a floor change and a message go out in the same frame.
    h = await startHarness({ centre: sameScope, stream: { tickMs: Infinity, heartbeatMs: 3_600_000 } });
    await h.listen();
  });
  after(() => h.close());

  it('adds a viewer’s own items to the scope’s rows, serialized once, and leaves the others’ frame as it was', async () => {
    const ava = await h.login('ava');
    const amyRes = await h.post('/api/v1/auth/login', { email: 'amy@example.com', password: 'amy-password' });
    const amy = { authorization: `Bearer ${((await amyRes.json()) as { token: string }).token}` };
    const [forAva, forAmy] = [await openSse(`${h.url}/api/v1/stream`, ava), await openSse(`${h.url}/api/v1/stream`, amy)];
    for (const s of [forAva, forAmy]) await s.next((m) => m.event === 'snapshot');

    const ev = eventFactory(Date.now() - 60_000);
    await h.events(ev('agent.signed_in', 0, { agentId: 'a-2' }));
    await say(h, 'a-2', 'Same tick', ava);
    h.services.hub.tick();
    const [a, b] = [await forAva.next((m) => m.event === 'delta'), await forAmy.next((m) => m.event === 'delta')];
    assert.equal(a.id, b.id, 'one tick');
    assert.deepEqual(chatFrame(b).messages, undefined, 'Amy gets no one else’s chat');
    assert.ok(a.data.startsWith(b.data.slice(0, -1)), 'Ava’s frame is Amy’s bytes with her own items added');
    assert.deepEqual(chatFrame(a).agents, chatFrame(b).agents);
    assert.deepEqual(chatFrame(a).messages?.map((m) => m.body), ['Same tick']);
    forAva.close();
    forAmy.close();
  });
});
