import assert from 'node:assert/strict';
import { get, type IncomingMessage } from 'node:http';
import { connect, createServer, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { EventSource } from 'eventsource';
import { createParser } from 'eventsource-parser';
import { waitUntil, WAIT_MS } from '../support/wait-until.js';
import { centre, DISPLAY, eventFactory, startHarness, type Harness } from './harness.js';
import { frame, openSse, type SseMessage } from './sse-reader.js';

const ev = eventFactory(Date.now() - 10 * 60_000);

describe('GET /api/v1/stream', () => {
  let h: Harness;
  let ava: Record<string, string>;
  let clockOffset = 0;

  before(async () => {
    h = await startHarness({
      clock: () => Date.now() + clockOffset,
      stream: { tickMs: 20, heartbeatMs: 100 },
      env: { FLOORVIEW_ALLOWED_ORIGINS: 'https://portal.example' },
    });
    await h.listen();
    ava = await h.login('ava');
    await h.events(ev('agent.signed_in', 0, { agentId: 'a-1' }), ev('agent.signed_in', 0, { agentId: 'a-3' }));
  });
  after(() => h.close());

  it('starts with a snapshot of the viewer’s scope and sends only in-scope changes after', async () => {
    const s = await openSse(`${h.url}/api/v1/stream`, ava);
    assert.equal(s.status, 200);
    assert.match(s.headers.get('content-type')!, /text\/event-stream/);
    assert.equal(s.headers.get('x-accel-buffering'), 'no');
    const snap = frame(await s.next((m) => m.event === 'snapshot'));
    assert.deepEqual(snap.agents.map((a) => a.agentId).sort(), ['a-1', 'a-2', 'a-4']);
    assert.deepEqual(snap.queues.map((q) => q.queueId), ['q-sales']);
    // a-4 is in Sales and Support: Ava sees only the queue she supervises.
    assert.deepEqual(snap.agents.find((a) => a.agentId === 'a-4')!.queues.map((q) => q.queueId), ['q-sales']);

    const seen = s.messages.length;
    await h.events(ev('agent.state_changed', 5, { agentId: 'a-3', state: 'available' }));
    await h.events(ev('agent.state_changed', 6, { agentId: 'a-1', state: 'available' }));
    const delta = frame(await s.next((m) => m.event === 'delta', WAIT_MS, seen));
    assert.deepEqual(delta.agents.map((a) => a.agentId), ['a-1'], 'a-3 is outside Ava’s scope');
    assert.ok(s.messages.every((m) => m.event !== 'delta' || !m.data.includes('"a-3"')));
    s.close();
  });

  it('gives a display token its own scope, read-only', async () => {
    const s = await openSse(`${h.url}/api/v1/stream`, DISPLAY);
    const snap = frame(await s.next((m) => m.event === 'snapshot'));
    assert.deepEqual(snap.agents.map((a) => a.agentId).sort(), ['a-3', 'a-4']);
    assert.deepEqual(snap.queues.map((q) => q.queueId), ['q-support']);
    s.close();
  });

  it('refuses to stream without credentials and with a revoked ticket, and a ticket anywhere but the stream', async () => {
    const none = await fetch(`${h.url}/api/v1/stream`);
    assert.equal(none.status, 401);
    assert.equal(((await none.json()) as { error: { code: string } }).error.code, 'unauthenticated');

    const sam = await h.login('sam');
    const { ticket } = (await (await h.post('/api/v1/auth/stream-ticket', {}, sam)).json()) as { ticket: string };
    const ok = await openSse(`${h.url}/api/v1/stream?ticket=${encodeURIComponent(ticket)}`);
    assert.equal(ok.status, 200);
    await ok.next((m) => m.event === 'snapshot');
    ok.close();
    // A ticket travels in a URL: it opens the stream, never the rest of the API.
    const asBearer = await h.get('/api/v1/agents', { authorization: `Bearer ${ticket}` });
    assert.equal(asBearer.status, 401);
    assert.match(((await asBearer.json()) as { error: { message: string } }).error.message, /only the stream/);
    assert.equal((await h.post('/api/v1/auth/logout', {}, sam)).status, 204);
    const revoked = await fetch(`${h.url}/api/v1/stream?ticket=${encodeURIComponent(ticket)}`);
    assert.equal(revoked.status, 401);
  });

  it('allows only configured portal origins to read the stream cross-origin', async () => {
    const allowed = await openSse(`${h.url}/api/v1/stream`, { ...ava, origin: 'https://portal.example' });
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://portal.example');
    assert.equal(allowed.headers.get('access-control-allow-credentials'), 'true');
    allowed.close();
    const other = await openSse(`${h.url}/api/v1/stream`, { ...ava, origin: 'https://evil.example' });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    other.close();
  });

  it('sends a comment heartbeat so proxies keep idle streams open', async () => {
    const s = await openSse(`${h.url}/api/v1/stream`, ava);
    const hb = await s.next((m) => m.event === ':');
    assert.equal(hb.comment, 'heartbeat');
    s.close();
  });

  it('answers a Last-Event-ID from another server boot with a fresh snapshot', async () => {
    const s = await openSse(`${h.url}/api/v1/stream`, { ...ava, 'last-event-id': 'zz0other-12' });
    assert.equal((await s.next((m) => m.event === 'snapshot' || m.event === 'delta')).event, 'snapshot');
    s.close();
  });

  it('streams plain frames, without chunk framing, to an HTTP/1.0 client', async () => {
    const url = new URL(h.url);
    const socket = connect(Number(url.port), '127.0.0.1');
    let wire = '';
    socket.setEncoding('utf8').on('data', (text: string) => (wire += text));
    socket.write(`GET /api/v1/stream HTTP/1.0\r\nHost: ${url.host}\r\nAuthorization: ${ava.authorization}\r\n\r\n`);
    await waitUntil(() => wire.includes('event: snapshot\ndata: ') && wire.endsWith('\n\n'), 'the snapshot arrived');
    const seen = wire.length;
    await h.events(ev('agent.state_changed', 7, { agentId: 'a-2', state: 'available' }));
    await waitUntil(() => wire.slice(seen).includes('event: delta\n') && wire.endsWith('\n\n'), 'a delta arrived');
    const [head, body] = wire.split('\r\n\r\n') as [string, string];
    assert.doesNotMatch(head, /transfer-encoding/i);
    // Heartbeats (every 100 ms here) may come between the frames.
    assert.match(body.replaceAll(': heartbeat\n\n', ''), /^retry: 2000\n\nid: \S+\nevent: snapshot\ndata: \{.*\}\n\nid: \S+\nevent: delta\ndata: \{.*\}\n\n$/s);
    assert.doesNotMatch(body, /\r\n/, 'no chunk sizes between the frames');
    socket.destroy();
  });

  it('resumes a real EventSource after a forced disconnect, losing and repeating nothing', async () => {
    // A TCP relay we can cut, standing for a flaky network between browser and server.
    const port = Number(new URL(h.url).port);
    const sockets = new Set<Socket>();
    const relay = createServer((client) => {
      const upstream = connect(port, '127.0.0.1');
      sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      const drop = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
    });
    await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
    const relayPort = (relay.address() as { port: number }).port;

    const received: { type: string; id: string; agents: { agentId: string; stateReason: string | null }[] }[] = [];
    const state = new Map<string, string | null>();
    const es = new EventSource(`http://127.0.0.1:${relayPort}/api/v1/stream`, {
      fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, ...ava } }),
    });
    const onMessage = (type: string) => (m: MessageEvent) => {
      const f = JSON.parse(m.data as string) as { agents: { agentId: string; stateReason: string | null }[] };
      received.push({ type, id: m.lastEventId, agents: f.agents });
      for (const a of f.agents) state.set(a.agentId, a.stateReason);
    };
    es.addEventListener('snapshot', onMessage('snapshot'));
    es.addEventListener('delta', onMessage('delta'));
    await waitUntil(() => received.length > 0, 'snapshot received');
    await h.events(ev('agent.state_changed', 30, { agentId: 'a-1', state: 'unavailable', reason: 'before-cut' }));
    await waitUntil(() => state.get('a-1') === 'before-cut', 'live delta received');

    for (const sock of sockets) sock.destroy();
    await h.events(
      ev('agent.state_changed', 31, { agentId: 'a-1', state: 'unavailable', reason: 'missed-1' }),
      ev('agent.signed_in', 31, { agentId: 'a-2' }),
    );
    h.services.hub.tick(); // the missed changes span two frames
    await h.events(ev('agent.state_changed', 32, { agentId: 'a-2', state: 'unavailable', reason: 'missed-2' }));
    await waitUntil(() => state.get('a-2') === 'missed-2', 'missed changes delivered after the reconnect');
    es.close();
    relay.close();

    const types = received.map((r) => r.type);
    assert.equal(types.filter((t) => t === 'snapshot').length, 1, `resumed with a delta, not a new snapshot: ${types.join(',')}`);
    const ids = received.map((r) => Number(r.id.split('-')[1]));
    assert.deepEqual(ids, [...new Set(ids)].sort((a, b) => a - b), 'ids strictly increase: nothing repeated');
    assert.equal(state.get('a-1'), 'missed-1');

    // The client's view equals the server's.
    const server = (await (await h.get('/api/v1/agents', ava)).json()) as { agents: { agentId: string; stateReason: string | null }[] };
    for (const a of server.agents) assert.equal(state.get(a.agentId), a.stateReason, a.agentId);
  });

  it('closes the stream when the session behind it expires', async () => {
    const ben = await h.login('ben');
    const s = await openSse(`${h.url}/api/v1/stream`, ben);
    await s.next((m) => m.event === 'snapshot');
    clockOffset = 13 * 3_600_000;
    try {
      let ended = false;
      void s.ended.then(() => (ended = true));
      await waitUntil(() => ended, 'the stream closed after expiry');
      const again = await fetch(`${h.url}/api/v1/stream`, { headers: ben });
      assert.equal(again.status, 401);
      assert.equal(((await again.json()) as { error: { code: string } }).error.code, 'token_expired');
    } finally {
      clockOffset = 0;
    }
  });
});

// Large frames (many agents, long names and reasons), so the kernel's socket buffers
// (up to tens of MB on loopback) fill within a few seconds and the backlog reaches the server.
const big = {
  ...centre,
  agents: Array.from({ length: 600 }, (_, i) => ({ id: `b-${i}`, name: `Agent ${i} ${'x'.repeat(180)}`, queues: ['q-sales'] })),
};
const reason = (round: number) => `${round} ${'r'.repeat(95)}`;

describe('GET /api/v1/stream with a client that stops reading', () => {
  let h: Harness;

  before(async () => {
    // The healthy client reads in this same process, behind the server and the posting loop: on a
    // busy machine it can trail by more than lagBytes for a moment. Only a client that stays behind
    // for stallMs is cut, so a few seconds tell the paused socket (behind for good) from it.
    h = await startHarness({ centre: big, stream: { tickMs: 10, heartbeatMs: 50, lagBytes: 32 * 1024, stallMs: 3_000 } });
    await h.listen();
  });
  after(() => h.close());

  it('stops writing to it, cuts it off, and keeps serving a healthy client', async () => {
    const ava = await h.login('ava');
    const healthy = await openSse(`${h.url}/api/v1/stream`, ava);
    await healthy.next((m) => m.event === 'snapshot');

    const url = new URL(h.url);
    const stalled = connect(Number(url.port), '127.0.0.1');
    await new Promise<void>((r) => stalled.once('connect', r));
    stalled.write(`GET /api/v1/stream HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: ${ava.authorization}\r\n\r\n`);
    stalled.pause(); // never read again: the kernel buffers fill, then the server's backlog grows
    await waitUntil(() => h.services.hub.clientCount === 2, 'the server serves both clients');

    // A paused socket does not notice the server's reset, so watch the server's side.
    const cut = () => h.services.hub.clientCount === 1;
    const toggle = eventFactory(Date.now() - 60_000);
    let round = 0;
    await waitUntil(async () => {
      if (round < 400 && !cut()) {
        await h.events(...big.agents.map((a) => toggle('agent.state_changed', round / 10, { agentId: a.id, state: 'unavailable', reason: reason(round) })));
        round++;
      }
      return cut();
    }, 'the stalled client was cut off');
    assert.equal(healthy.messages.filter((m) => m.event === 'snapshot').length, 1, 'the healthy client never needed a new snapshot');

    // The healthy client still gets changes.
    const seen = healthy.messages.length;
    await h.events(toggle('agent.state_changed', 100, { agentId: 'b-7', state: 'unavailable', reason: 'after-cut' }));
    await healthy.next((m) => m.event === 'delta' && m.data.includes('after-cut'), WAIT_MS, seen);
    healthy.close();
    stalled.destroy();
  });
});

describe('GET /api/v1/stream with a client that falls behind for a while', () => {
  let h: Harness;

  before(async () => {
    // Never cut off here: the client reads again long before stallMs.
    h = await startHarness({ centre: big, stream: { tickMs: 10, heartbeatMs: 3_600_000, lagBytes: 32 * 1024, stallMs: 3_600_000 } });
    await h.listen();
  });
  after(() => h.close());

  it('skips its frames while its backlog is high, then catches it up with one merged delta, no snapshot', async () => {
    const ava = await h.login('ava');
    const messages: SseMessage[] = [];
    const parser = createParser({ onEvent: (e) => messages.push({ id: e.id ?? null, event: e.event ?? 'message', data: e.data }) });
    // node:http stops reading the socket while the paused response holds a few KB: the kernel's buffers fill, then the server's.
    const res = await new Promise<IncomingMessage>((resolve, reject) => get(`${h.url}/api/v1/stream`, { headers: ava }, resolve).on('error', reject));
    res.pause();
    await waitUntil(() => h.services.hub.clientCount === 1, 'the server serves the client');
    // A reading client paces the rounds: each round is a frame of its own.
    const pace = await openSse(`${h.url}/api/v1/stream`, ava);
    const toggle = eventFactory(Date.now() - 60_000);
    const ROUNDS = 50; // about 15 MB of frames: more than the loopback buffers hold for a reader that stopped
    for (let round = 0; round < ROUNDS; round++) {
      const from = pace.messages.length;
      await h.events(...big.agents.map((a) => toggle('agent.state_changed', round / 10, { agentId: a.id, state: 'unavailable', reason: reason(round) })));
      await pace.next((m) => m.event === 'delta' && m.data.includes(reason(round)), WAIT_MS, from);
    }
    pace.close();
    res.setEncoding('utf8');
    res.on('data', (text: string) => parser.feed(text));
    res.resume();

    // Whole rows (no ?delta=fields): the last row seen of each agent is its state on the client.
    const last = new Map<string, string | null>();
    const seen: SseMessage[] = [];
    await waitUntil(() => {
      for (const m of messages.splice(0)) {
        seen.push(m);
        for (const a of frame(m).agents) last.set(a.agentId, a.stateReason);
      }
      return big.agents.every((a) => last.get(a.id) === reason(ROUNDS - 1));
    }, 'the client holds every agent as the last round left it');
    assert.deepEqual(seen.map((m) => m.event).filter((e) => e === 'snapshot'), ['snapshot'], 'caught up without a new snapshot');
    const seqs = seen.map((m) => Number(m.id!.split('-')[1]));
    assert.ok(seqs.every((seq, i) => i === 0 || seq > seqs[i - 1]!), 'ids only grow');
    assert.ok(seqs.some((seq, i) => i > 0 && seq > seqs[i - 1]! + 1), 'frames were skipped while it lagged: the catch-up merged them');
    res.destroy();
  });
});
