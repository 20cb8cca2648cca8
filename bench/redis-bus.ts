/**
 * The live bus's own cost (issue 19's ground): what Floorview's publish (a Lua script that checks
 * the epoch, numbers the entry and XADDs it) and its follower (XREAD BLOCK, every entry's epoch and
 * number checked, the message decoded) add over the anchor, a plain `XADD … MAXLEN ~ N` read by a
 * plain `XREAD BLOCK` loop on the same throwaway Redis, in the same process.
 *
 * Two figures per side, in alternating rounds (anchor first in odd rounds): the latency from the
 * publish call to the follower handing the message on (p50/p99) at a steady `--rate` of batches a
 * second, and the throughput of `--burst` batches published at once. Each message is a batch of
 * `--events` floor events, as the ingestion publishes them.
 *
 *   node --import tsx bench/redis-bus.ts [--rounds 3] [--rate 500] [--seconds 5] [--burst 20000] [--events 10]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import type { BusMessage } from '../server/bus/bus-message.js';
import { RedisBus } from '../server/bus/redis-bus.js';
import type { FloorEvent } from '../server/domain/events.js';
import { startRedisServer } from '../test/support/redis-server.js';
import { median, percentile, printTable, saveResult } from './lib/report.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    rate: { type: 'string', default: '500' },
    seconds: { type: 'string', default: '5' },
    burst: { type: 'string', default: '20000' },
    events: { type: 'string', default: '10' },
  },
});
const rounds = Number(values.rounds);
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const burst = Number(values.burst);
const eventsPerBatch = Number(values.events);
const MAXLEN = 50_000;

/** A publisher and a follower: `publish` resolves when Redis took the message; `onMessage` is called as the follower hands each on. */
interface Side {
  publish(message: BusMessage): Promise<unknown>;
  onMessage: (message: BusMessage) => void;
  close(): Promise<void>;
}

let seq = 0;
/** A batch as ingestion publishes it: agents' state changes with their seqs; the marker (the call id field) carries the batch's number. */
function batch(n: number): BusMessage {
  const at = Date.now();
  const events = Array.from({ length: eventsPerBatch }, (_, i): FloorEvent => ({
    seq: ++seq,
    id: `bench-${seq}`,
    at,
    type: 'agent.state_changed',
    agentId: `a-${i}`,
    state: 'available',
    reason: String(n),
  }));
  return { kind: 'events', events, backfill: false };
}
const numberOf = (m: BusMessage) => (m.kind === 'events' && m.events[0]?.type === 'agent.state_changed' ? Number(m.events[0].reason) : -1);

async function floorviewSide(url: string, name: string): Promise<Side> {
  const publisher = new RedisBus(url, { node: 'bench-a', name, maxlen: MAXLEN });
  const follower = new RedisBus(url, { node: 'bench-b', name, maxlen: MAXLEN });
  const side: Side = {
    publish: (m) => publisher.publish(m),
    onMessage: () => {},
    async close() {
      await publisher.close();
      await follower.close();
    },
  };
  follower.follow(await follower.position(), { apply: (entry) => side.onMessage(entry.message), reset: () => {} });
  return side;
}

async function anchorSide(url: string, name: string): Promise<Side> {
  const publisher = new Redis(url);
  const reader = new Redis(url);
  let closed = false;
  // A fresh stream per round: reading it from its beginning misses nothing.
  let last = '0';
  const side: Side = {
    publish: (m) => publisher.xadd(name, 'MAXLEN', '~', MAXLEN, '*', 'm', JSON.stringify(m)),
    onMessage: () => {},
    async close() {
      closed = true;
      reader.disconnect();
      await done;
      publisher.disconnect();
    },
  };
  const done = (async () => {
    while (!closed) {
      const reply = await reader.xread('COUNT', 500, 'BLOCK', 5_000, 'STREAMS', name, last).catch(() => null);
      for (const [id, fields] of reply?.[0]?.[1] ?? []) {
        last = id;
        side.onMessage(JSON.parse(fields[1]!) as BusMessage);
      }
    }
  })();
  return side;
}

/** Steady load: `rate` batches a second for `seconds`; each batch's publish-to-follower latency in ms. */
async function steady(side: Side): Promise<number[]> {
  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  const total = rate * seconds;
  let all!: () => void;
  const finished = new Promise<void>((r) => (all = r));
  side.onMessage = (m) => {
    const n = numberOf(m);
    latencies.push(performance.now() - sentAt.get(n)!);
    if (latencies.length === total) all();
  };
  const t0 = performance.now();
  for (let n = 0; n < total; n++) {
    const wait = t0 + (n * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    sentAt.set(n, performance.now());
    void side.publish(batch(n));
  }
  await finished;
  return latencies;
}

/** `burst` batches published at once; batches a second until the follower has handed on the last. */
async function throughput(side: Side): Promise<number> {
  let seen = 0;
  let all!: () => void;
  const finished = new Promise<void>((r) => (all = r));
  side.onMessage = () => {
    if (++seen === burst) all();
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: burst }, (_, n) => side.publish(batch(n))));
  await finished;
  return burst / ((performance.now() - t0) / 1000);
}

const redis = await startRedisServer();
const loadBefore = loadavg();
const results: Record<'anchor' | 'floorview', { p50: number[]; p99: number[]; perSecond: number[] }> = {
  anchor: { p50: [], p99: [], perSecond: [] },
  floorview: { p50: [], p99: [], perSecond: [] },
};
try {
  for (let round = 1; round <= rounds; round++) {
    const order = round % 2 === 1 ? (['anchor', 'floorview'] as const) : (['floorview', 'anchor'] as const);
    for (const which of order) {
      const name = `bench:${which}:${round}`;
      const side = which === 'anchor' ? await anchorSide(redis.url, name) : await floorviewSide(redis.url, name);
      try {
        const latencies = await steady(side);
        results[which].p50.push(percentile(latencies, 50));
        results[which].p99.push(percentile(latencies, 99));
        results[which].perSecond.push(await throughput(side));
      } finally {
        await side.close();
      }
      console.error(`round ${round} ${which}: p50 ${results[which].p50.at(-1)!.toFixed(2)} ms, p99 ${results[which].p99.at(-1)!.toFixed(2)} ms, ${Math.round(results[which].perSecond.at(-1)!)} batches/s`);
    }
  }
} finally {
  await redis.remove();
}
const loadAfter = loadavg();

const row = (which: 'anchor' | 'floorview') => ({
  side: which === 'anchor' ? 'plain XADD / XREAD' : 'Floorview bus',
  'latency p50 ms': median(results[which].p50).toFixed(2),
  'latency p99 ms': median(results[which].p99).toFixed(2),
  'burst batches/s': Math.round(median(results[which].perSecond)),
});
console.log(`${rounds} rounds, medians; ${rate} batches/s for ${seconds} s, then ${burst} at once; ${eventsPerBatch} events a batch`);
console.log(`load average before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${loadAfter.map((l) => l.toFixed(2)).join(' ')}`);
printTable([row('anchor'), row('floorview')]);
console.log(
  `Floorview / plain: latency p50 ${(median(results.floorview.p50) / median(results.anchor.p50)).toFixed(2)}×, p99 ${(median(results.floorview.p99) / median(results.anchor.p99)).toFixed(2)}×, throughput ${(median(results.floorview.perSecond) / median(results.anchor.perSecond)).toFixed(2)}×`,
);
saveResult('redis-bus', { rounds, rate, seconds, burst, eventsPerBatch, loadBefore, loadAfter, results });
