import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BusEntry, BusHandler } from '../../server/bus/bus-follower.js';
import { RedisBus } from '../../server/bus/redis-bus.js';
import { readConfig } from '../../server/wiring/env.js';
import { startRedisServer, type RedisServer } from '../support/redis-server.js';
import { waitUntil } from '../support/wait-until.js';
import { eventFactory, startHarness, type Harness } from './harness.js';

type Health = { bus: { state: string } | null };

/** Another node's view of the bus: every entry it read. */
class Follower implements BusHandler {
  readonly entries: BusEntry[] = [];
  apply(entry: BusEntry): void {
    this.entries.push(entry);
  }
  reset(): void {
    throw new Error('no reset expected');
  }
}

describe('a server with FLOORVIEW_REDIS_URL publishes on the live bus', () => {
  let redis: RedisServer;
  let h: Harness;
  let other: RedisBus;
  const seen = new Follower();
  const health = async () => ((await (await h.get('/api/v1/health')).json()) as Health).bus;

  before(async () => {
    redis = await startRedisServer();
    h = await startHarness({ env: { FLOORVIEW_REDIS_URL: redis.url } });
    other = new RedisBus(redis.url, { node: 'other', log: () => {} });
    other.follow(await other.position(), seen);
  });
  after(async () => {
    await other.close();
    await h.close();
    await redis.remove();
  });

  it('publishes each accepted batch once, with the seq the store gave its events; duplicates are not published again', async () => {
    const ev = eventFactory();
    const batch = [ev('agent.signed_in', 1, { agentId: 'a-1' }), ev('agent.state_changed', 2, { agentId: 'a-1', state: 'available' })];
    await h.events(...batch);
    await h.events(...batch);
    await waitUntil(() => seen.entries.some((e) => e.message.kind === 'events'), 'the other node reads the batch');
    const published = seen.entries.filter((e) => e.message.kind === 'events');
    assert.equal(published.length, 1);
    const message = published[0]!.message as Extract<BusEntry['message'], { kind: 'events' }>;
    assert.deepEqual(
      message.events.map((e) => e.type),
      ['agent.signed_in', 'agent.state_changed'],
    );
    assert.equal(message.backfill, false);
    assert.equal(message.events.at(-1)!.seq, h.services.floor.lastSeq);
    assert.match(published[0]!.node, /:\d+$/, 'the node that published it: host and process');
  });

  it('publishes a chat message for the viewers it names', async () => {
    const ava = await h.login('ava');
    const res = await h.post('/api/v1/agents/a-1/messages', { body: 'Bus check' }, ava);
    assert.equal(res.status, 201, await res.clone().text());
    const item = await waitUntil(
      () => seen.entries.map((e) => e.message).find((m) => m.kind === 'item' && m.item.channel === 'messages'),
      'the other node reads the chat message',
    );
    assert.equal(item.kind === 'item' && item.item.channel === 'messages' && item.item.data.body, 'Bus check');
    assert.ok(item.kind === 'item' && item.item.audience.includes('agent:a-1'));
  });

  it('says in /health whether the bus is connected, and recovers by itself when Redis comes back', async () => {
    await waitUntil(async () => (await health())?.state === 'connected', 'connected');
    await redis.halt();
    await waitUntil(async () => (await health())?.state === 'lost', 'lost while Redis is down');
    await redis.resume();
    await waitUntil(async () => (await health())?.state === 'connected', 'connected again');
  });
});

describe('FLOORVIEW_REDIS_URL', () => {
  it('starts a node while Redis is down: /health says lost, then connected once Redis is up, and the batches accepted since are published', async () => {
    const redis = await startRedisServer();
    await redis.halt();
    const h = await startHarness({ env: { FLOORVIEW_REDIS_URL: redis.url } });
    const bus = async () => ((await (await h.get('/api/v1/health')).json()) as Health).bus;
    try {
      await waitUntil(async () => (await bus())?.state === 'lost', 'lost: Redis cannot be reached');
      await redis.resume();
      await waitUntil(async () => (await bus())?.state === 'connected', 'connected once Redis is up');
      const other = new RedisBus(redis.url, { node: 'other', log: () => {} });
      try {
        const seen = new Follower();
        other.follow(await other.position(), seen);
        const ev = eventFactory();
        await h.events(ev('agent.signed_in', 1, { agentId: 'a-2' }));
        await waitUntil(() => seen.entries.length === 1, 'the batch is on the bus');
      } finally {
        await other.close();
      }
    } finally {
      await h.close();
      await redis.remove();
    }
  });

  it('is refused at start unless it is redis:// or rediss:// naming a host', () => {
    for (const url of ['http://cache.example:6379', 'redis://', 'cache.example:6379']) {
      assert.throws(() => readConfig({ FLOORVIEW_REDIS_URL: url }), /FLOORVIEW_REDIS_URL: must/, url);
    }
    assert.equal(readConfig({ FLOORVIEW_REDIS_URL: 'rediss://:secret@cache.example:6380/2' }).FLOORVIEW_REDIS_URL, 'rediss://:secret@cache.example:6380/2');
  });

  it('unset: the server has no bus, and says so in /health', async () => {
    const h = await startHarness();
    try {
      assert.equal(h.services.bus, null);
      assert.equal(((await (await h.get('/api/v1/health')).json()) as Health).bus, null);
    } finally {
      await h.close();
    }
  });
});
