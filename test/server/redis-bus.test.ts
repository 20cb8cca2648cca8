import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import type { BusEntry, BusHandler, BusPosition, BusResetReason } from '../../server/bus/bus-follower.js';
import type { BusMessage } from '../../server/bus/bus-message.js';
import { formatOffset, parseOffset } from '../../server/bus/bus-offset.js';
import { busKeys } from '../../server/bus/bus-scripts.js';
import { RedisBus, type RedisBusOptions } from '../../server/bus/redis-bus.js';
import { startRedisServer, type RedisServer } from '../support/redis-server.js';
import { waitUntil } from '../support/wait-until.js';

/** A node's view of the bus: what it applied, and the resets it was told of. */
class Recorder implements BusHandler {
  readonly entries: BusEntry[] = [];
  readonly resets: { reason: BusResetReason; from: BusPosition }[] = [];
  apply(entry: BusEntry): void {
    this.entries.push(entry);
  }
  reset(reason: BusResetReason, from: BusPosition): void {
    this.resets.push({ reason, from });
  }
  /** The chat-like test messages applied, by their text. */
  get texts(): string[] {
    return this.entries.map((e) => textOf(e.message));
  }
}

/** A small message standing for any: the `command` kind carries a free string. */
const note = (text: string): BusMessage => ({ kind: 'command', commandId: text, supervisorId: 's1', agentId: 'a1', callId: null, outcome: 'sent' });
const textOf = (m: BusMessage) => (m.kind === 'command' ? m.commandId : m.kind);

describe('the live bus on Redis Streams', () => {
  let redis: RedisServer;
  const buses: RedisBus[] = [];
  let streams = 0;

  /** A node's bus on its own stream name per test, so tests share one Redis without sharing a stream. */
  const node = (name: string, stream: string, options: Partial<RedisBusOptions> = {}) => {
    const bus = new RedisBus(redis.url, { node: name, name: stream, log: () => {}, redis: { retryStrategy: () => 50 }, ...options });
    buses.push(bus);
    return bus;
  };
  const freshStream = () => `test:bus:${++streams}`;

  before(async () => {
    redis = await startRedisServer();
  });
  after(async () => {
    await Promise.all(buses.map((b) => b.close()));
    await redis.remove();
  });

  it('gives two nodes publishing at once the same entries in the same order, each node’s own in the order it published them', async () => {
    const stream = freshStream();
    const a = node('a', stream);
    const b = node('b', stream);
    const seenByA = new Recorder();
    const seenByB = new Recorder();
    a.follow(await a.position(), seenByA);
    b.follow(await b.position(), seenByB);

    const perNode = 200;
    await Promise.all([
      Promise.all(Array.from({ length: perNode }, (_, i) => a.publish(note(`a${i}`)))),
      Promise.all(Array.from({ length: perNode }, (_, i) => b.publish(note(`b${i}`)))),
    ]);
    await waitUntil(() => seenByA.entries.length === 2 * perNode && seenByB.entries.length === 2 * perNode, () => `both nodes read ${2 * perNode} entries (a ${seenByA.entries.length}, b ${seenByB.entries.length})`);

    assert.deepEqual(seenByA.texts, seenByB.texts);
    assert.deepEqual(seenByA.entries.map((e) => e.offset), seenByB.entries.map((e) => e.offset));
    for (const name of ['a', 'b']) {
      const own = seenByA.entries.filter((e) => e.node === name).map((e) => textOf(e.message));
      assert.deepEqual(own, Array.from({ length: perNode }, (_, i) => `${name}${i}`));
    }
    // Numbered without a hole, and both kinds interleaved: one order for the two nodes' messages.
    assert.deepEqual(seenByA.entries.map((e) => e.count), seenByA.entries.map((_, i) => seenByA.entries[0]!.count + i));
    assert.deepEqual(seenByA.resets, []);
  });

  it('replays from an offset taken on one node on another: exactly the entries after it, and a snapshot once it is trimmed away or of another epoch', async () => {
    const stream = freshStream();
    const a = node('a', stream, { maxlen: 100 });
    const b = node('b', stream, { maxlen: 100 });
    const offsets = [];
    for (let i = 0; i < 30; i++) offsets.push(await a.publish(note(`m${i}`)));

    // The offset as a client would carry it in Last-Event-ID, resumed on the other node.
    const sent = formatOffset(offsets[19]!);
    const replayed = await b.replay(parseOffset(sent)!);
    assert.notEqual(replayed, 'snapshot');
    assert.deepEqual((replayed as BusEntry[]).map((e) => textOf(e.message)), Array.from({ length: 10 }, (_, i) => `m${20 + i}`));
    assert.deepEqual(await b.replay(offsets[29]!), []);

    assert.equal(await b.replay({ epoch: 'feedfacecafe', id: offsets[19]!.id }), 'snapshot');
    for (let i = 0; i < 400; i++) await a.publish(note(`later${i}`));
    assert.equal(await b.replay(offsets[0]!), 'snapshot', 'the first offsets are trimmed away (MAXLEN ~ 100)');
    assert.equal(parseOffset('l2x9k3-17'), null, 'an id of the single-node stream is no bus offset');
  });

  it('resets a node that resumes from entries trimmed before it read them (a gap), then follows on', async () => {
    const stream = freshStream();
    const a = node('a', stream, { maxlen: 50 });
    const start = await a.position();
    for (let i = 0; i < 500; i++) await a.publish(note(`old${i}`));
    const late = new Recorder();
    node('late', stream, { maxlen: 50 }).follow(start, late);
    await waitUntil(() => late.resets.length === 1, 'the late node is reset');
    assert.equal(late.resets[0]!.reason, 'gap');
    assert.deepEqual(late.entries, [], 'nothing applied from a stream it cannot read whole');
    await a.publish(note('after-reset'));
    await waitUntil(() => late.texts.includes('after-reset'), 'the late node follows on after its reset');
    assert.deepEqual(late.texts, ['after-reset']);
  });

  it('begins a new epoch when the stream was emptied by hand: a follower resets instead of taking the next number for the old one', async () => {
    const stream = freshStream();
    const a = node('a', stream);
    const seen = new Recorder();
    const first = await a.publish(note('first'));
    a.follow(await a.position(), seen);
    const raw = new Redis(redis.url);
    await raw.xtrim(busKeys(stream).stream, 'MAXLEN', 0);
    raw.disconnect();
    const next = await a.publish(note('next'));
    assert.notEqual(next.epoch, first.epoch);
    await waitUntil(() => seen.resets.length === 1, 'the follower is reset');
    assert.equal(seen.resets[0]!.reason, 'epoch');
    assert.equal(await a.replay(first), 'snapshot');
  });

  it('resets a node on an entry in a format it cannot read, instead of skipping it', async () => {
    const stream = freshStream();
    const a = node('a', stream);
    const seen = new Recorder();
    const start = await a.position();
    a.follow(start, seen);
    // Another version's node, publishing in the stream's numbering but a format this one does not know.
    const raw = new Redis(redis.url);
    const keys = busKeys(stream);
    const count = await raw.hincrby(keys.meta, 'count', 1);
    await raw.xadd(keys.stream, '*', 'e', start.epoch, 'i', count, 'n', 'future', 'f', '2', 'm', '{"kind":"events"}');
    raw.disconnect();
    await waitUntil(() => seen.resets.length === 1, 'the node is reset');
    assert.equal(seen.resets[0]!.reason, 'unreadable');
    await a.publish(note('next'));
    await waitUntil(() => seen.texts.includes('next'), 'the node reads on');
    assert.equal(seen.resets.length, 1);
    assert.deepEqual(seen.texts, ['next']);
  });
});

describe('the live bus when Redis restarts', () => {
  it('says lost, then connected; a Redis that lost its data is a new epoch: followers reset, old offsets get a snapshot', async () => {
    const redis = await startRedisServer();
    const options = { log: () => {}, redis: { retryStrategy: () => 50 } };
    const a = new RedisBus(redis.url, { node: 'a', ...options });
    const b = new RedisBus(redis.url, { node: 'b', ...options });
    try {
      const seenByB = new Recorder();
      b.follow(await b.position(), seenByB);
      const before = await a.publish(note('before'));
      await waitUntil(() => seenByB.texts.includes('before'), 'b reads the first entry');
      await waitUntil(() => a.state === 'connected' && b.state === 'connected', 'both connected');
      const states: string[] = [];
      a.onState((s) => states.push(s));

      await redis.halt();
      await waitUntil(() => a.state === 'lost' && b.state === 'lost', () => `both say lost (a ${a.state}, b ${b.state})`);
      await assert.rejects(a.publish(note('while-down')), 'a publish fails while Redis is gone (the outbox will keep it)');
      await redis.resume();
      await waitUntil(() => a.state === 'connected' && b.state === 'connected', () => `both connected again (a ${a.state}, b ${b.state})`);
      assert.deepEqual(states, ['lost', 'connected']);

      await waitUntil(() => seenByB.resets.length === 1, 'b is reset: its stream is gone');
      assert.equal(seenByB.resets[0]!.reason, 'epoch');
      assert.notEqual(seenByB.resets[0]!.from.epoch, before.epoch);
      const after = await a.publish(note('after'));
      assert.equal(after.epoch, seenByB.resets[0]!.from.epoch, 'a publishes in the epoch b moved to');
      await waitUntil(() => seenByB.texts.includes('after'), 'b follows the new stream');
      assert.deepEqual(seenByB.texts, ['before', 'after']);
      assert.equal(await a.replay(before), 'snapshot');
    } finally {
      await a.close();
      await b.close();
      await redis.remove();
    }
  });

  it('keeps the epoch and every offset across a restart of a Redis that persists: followers read on without a reset', async () => {
    const redis = await startRedisServer({ persistent: true });
    const a = new RedisBus(redis.url, { node: 'a', log: () => {}, redis: { retryStrategy: () => 50 } });
    try {
      const seen = new Recorder();
      a.follow(await a.position(), seen);
      const first = await a.publish(note('before'));
      await redis.restart();
      await waitUntil(async () => a.state === 'connected' && (await a.publish(note('after')).then(() => true, () => false)), 'publishing again');
      await waitUntil(() => seen.texts.includes('after'), 'the follower reads on');
      assert.deepEqual(seen.resets, []);
      assert.deepEqual(seen.texts, ['before', 'after']);
      const replayed = await a.replay(first);
      assert.deepEqual(replayed !== 'snapshot' && replayed.map((e) => textOf(e.message)), ['after']);
    } finally {
      await a.close();
      await redis.remove();
    }
  });
});
