/**
 * Live delivery side by side with nginx + nchan (issue 20): the same load from one load
 * process against one nginx worker with nchan and one Floorview server process, measured
 * alternating in one run at each client count.
 *
 * The load: N SSE subscribers over 40 scopes (nchan: 40 channels, `nchan_subscriber
 * eventsource`; Floorview: 40 display tokens of one queue each, every agent in one queue),
 * 200 messages/s, each a change of one agent's state whose reason is its send-time marker,
 * going to the one scope of that agent's queue (N/40 clients). A delivery is one
 * (message, client) pair.
 *
 *   node --import tsx bench/fanout-vs-nchan.ts [--clients 2000,5000,10000] [--seconds 20] [--rounds 3]
 *   node --import tsx bench/fanout-vs-nchan.ts --quick      # smoke run: 200 and 1,000 clients, 5 s, one round
 *   … --baseline <checkout>   # also another commit's server (e.g. `git archive <commit>` unpacked, with node_modules), in the same alternation
 *   … --ticks 100,25,10       # one Floorview server per stream tick (FLOORVIEW_STREAM_TICK_MS), in the same alternation
 *   … --env NAME=VALUE,…      # more environment for this checkout's servers (e.g. a setting under trial)
 *   … --cpu-prof <dir>        # this checkout's servers write a V8 CPU profile there when they stop
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCentre } from '../server/directory/generate-centre.js';
import { startServerProcess } from '../test/support/server-process.js';
import { benchEvent, openingEvents, postEvents } from './lib/floorview-events.js';
import { LoadProcess, type LoadReport, type SseTarget } from './lib/load-process.js';
import { startNchan } from './lib/nginx-nchan.js';
import { sendPaced, type PacedMessage } from './lib/paced-messages.js';
import { median, printTable, saveResult } from './lib/report.js';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '2000,5000,10000' },
    seconds: { type: 'string', default: '20' },
    rounds: { type: 'string', default: '3' },
    rate: { type: 'string', default: '200' },
    quick: { type: 'boolean', default: false },
    baseline: { type: 'string' },
    ticks: { type: 'string' },
    env: { type: 'string', default: '' },
    'cpu-prof': { type: 'string' },
  },
});
const sizes = (values.quick ? '200,1000' : values.clients).split(',').map(Number);
const seconds = values.quick ? 5 : Number(values.seconds);
const rounds = values.quick ? 1 : Number(values.rounds);
const rate = Number(values.rate);
const SCOPES = 40;
const P99_HELD_MS = 300;

// Every agent in exactly one queue and every viewer's scope one queue: a change goes to one scope, as a publish goes to one channel.
const base = generateCentre({ agents: 500, queues: SCOPES, seed: 1 });
const centre = {
  ...base,
  agents: base.agents.map((a, i) => ({ ...a, queues: [base.queues[i % SCOPES]!.id] })),
  displayTokens: base.queues.map((q, i) => ({ id: `bench-d${i}`, secret: `bench-display-secret-${i}-xxxx`, queues: [q.id] })),
};
const key = centre.integrationKeys[0]!.secret;
/** Message n changes agent n mod 500: each agent changes once every 2.5 s, so no two changes of one row meet in a tick. */
const agentOf = (m: PacedMessage) => centre.agents[m.n % centre.agents.length]!;
const scopeOf = (m: PacedMessage) => (m.n % centre.agents.length) % SCOPES;

interface Product {
  /** `Floorview`, `nchan`, or `Floorview <baseline>`. */
  name: string;
  targets: SseTarget[];
  readyOn: 'response' | 'snapshot';
  send(batch: PacedMessage[]): Promise<void>;
  cpuSeconds(): number;
  rss(): number;
  rssBeforeClients: number;
}

const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

const extraEnv: Record<string, string> = Object.fromEntries(values.env.split(',').filter(Boolean).map((kv) => kv.split('=', 2) as [string, string]));

async function floorview(dir: string, name: string, env: Record<string, string>, checkout?: string) {
  writeFileSync(join(dir, 'centre.json'), JSON.stringify(centre));
  const db = join(dir, `${name.replace(/\W+/g, '-')}.db`);
  const profile = values['cpu-prof'] && !checkout ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`] : [];
  const server = await startServerProcess({ FLOORVIEW_DB: db, FLOORVIEW_DIRECTORY: join(dir, 'centre.json'), FLOORVIEW_SIMULATOR: 'off', ...env }, profile, checkout);
  await postEvents(server.url, key, openingEvents(centre.agents));
  await settle(2000);
  const product: Product = {
    name,
    // Field-level deltas, as the widgets ask for them (a server from before them ignores the parameter).
    targets: centre.displayTokens.map((t) => ({ url: `${server.url}/api/v1/stream?delta=fields`, headers: { authorization: `Bearer ${t.secret}` } })),
    readyOn: 'snapshot',
    send: (batch) => postEvents(server.url, key, batch.map((m) => benchEvent('agent.state_changed', { agentId: agentOf(m).id, state: 'unavailable', reason: m.marker }))),
    cpuSeconds: () => server.cpuSeconds(),
    rss: () => server.rss(),
    rssBeforeClients: server.rss(),
  };
  return { product, stop: () => server.stop() };
}

async function nchan() {
  const server = await startNchan();
  // The same change as Floorview's row delta would minimally carry: which agent, its state, the reason, since when.
  // One POST per message is nchan's HTTP publishing; kept-alive connections keep the publisher's own cost low.
  const agent = new Agent({ keepAlive: true, maxSockets: rate / 20 });
  const publish = (m: PacedMessage) =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify({ agents: [{ id: agentOf(m).id, state: 'unavailable', stateReason: m.marker, stateSince: new Date().toISOString() }] });
      const req = request(`${server.url}/pub/s${scopeOf(m)}`, { method: 'POST', agent, headers: { accept: 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode! < 300 ? resolve() : reject(new Error(`nchan publish: ${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end(body);
    });
  const product: Product = {
    name: 'nchan',
    targets: Array.from({ length: SCOPES }, (_, i) => ({ url: `${server.url}/sub/s${i}`, headers: {} })),
    readyOn: 'response',
    send: async (batch) => void (await Promise.all(batch.map(publish))),
    cpuSeconds: () => server.cpuSeconds(),
    rss: () => server.rss(),
    rssBeforeClients: server.rss(),
  };
  return {
    product,
    stop: () => {
      agent.destroy();
      return server.stop();
    },
  };
}

interface Phase {
  round: number;
  product: string;
  clients: number;
  connected: number;
  loadBefore: string;
  loadAfter: string;
  messagesPerSecond: number;
  deliveriesPerSecond: number;
  /** Of the (message, client) pairs the scopes call for. */
  deliveredShare: number;
  p50: number;
  p99: number;
  max: number;
  cpuPer1000: number;
  bytesPerSecond: number;
  bytesPerDelivery: number;
  loadCpuShare: number;
}

async function phase(round: number, p: Product, clients: number): Promise<Phase> {
  const loadBefore = loadavg();
  const load = new LoadProcess();
  try {
    const c = await load.connect(p.targets, clients, p.readyOn);
    await settle(2000);
    await load.record();
    const cpu0 = p.cpuSeconds();
    const t0 = performance.now();
    const sent = await sendPaced(rate, seconds, p.send);
    // The last messages' deliveries, counted in the same window as the CPU they cost.
    await settle(1500);
    const cpu = p.cpuSeconds() - cpu0;
    const window = (performance.now() - t0) / 1000;
    const r: LoadReport = await load.report();
    if (r.silent > 0) throw new Error(`${p.name}: ${r.silent} of ${r.ready} subscribers received nothing in ${seconds} s; its setup does not deliver`);
    return {
      round,
      product: p.name,
      clients,
      connected: c.ready,
      loadBefore,
      loadAfter: loadavg(),
      messagesPerSecond: sent.messages / sent.seconds,
      deliveriesPerSecond: r.deliveries / sent.seconds,
      deliveredShare: r.deliveries / ((sent.messages * c.ready) / SCOPES),
      p50: r.p50,
      p99: r.p99,
      max: r.max,
      cpuPer1000: (cpu / r.deliveries) * 1000,
      bytesPerSecond: r.bytes / sent.seconds,
      bytesPerDelivery: r.bytes / r.deliveries,
      loadCpuShare: r.loadCpuSeconds / window,
    };
  } finally {
    await load.close();
    // Let the server see every close before the next phase measures it.
    await settle(3000);
  }
}

const ms = (v: number) => (v < 20 ? v.toFixed(1) : Math.round(v).toString());
const n = (v: number) => Math.round(v).toLocaleString('en');
const ratio = (a: number, b: number) => `${(a / b).toFixed(a / b < 10 ? 2 : 1)}×`;

/** The issue's table: one Floorview server against nchan, medians per client count, with ratios. */
function summary(phases: Phase[], fv: Product, nc: Product) {
  const med = (product: Product, clients: number, pick: (p: Phase) => number) =>
    median(phases.filter((p) => p.product === product.name && p.clients === clients).map(pick));
  const rows: Record<string, string>[] = [];
  const row = (figure: string, [a, b]: readonly [number, number], show: (v: number) => string) =>
    rows.push({ figure, [fv.name]: show(a), nchan: show(b), ratio: ratio(a, b) });
  for (const c of sizes) {
    const both = (pick: (p: Phase) => number) => [med(fv, c, pick), med(nc, c, pick)] as const;
    const [fp50, np50] = both((p) => p.p50);
    const [fp99, np99] = both((p) => p.p99);
    rows.push({ figure: `${n(c)} clients: publish → receive p50 / p99`, [fv.name]: `${ms(fp50)} / ${ms(fp99)} ms`, nchan: `${ms(np50)} / ${ms(np99)} ms`, ratio: `${ratio(fp50, np50)} / ${ratio(fp99, np99)}` });
    const [fs, ns] = both((p) => p.deliveredShare);
    row(`${n(c)} clients: deliveries/s (share of the scopes' due)`, both((p) => p.deliveriesPerSecond), n);
    rows.at(-1)![fv.name] += ` (${(fs * 100).toFixed(1)} %)`;
    rows.at(-1)!.nchan += ` (${(ns * 100).toFixed(1)} %)`;
    row(`${n(c)} clients: server CPU per 1,000 deliveries`, both((p) => p.cpuPer1000), (v) => `${v.toFixed(4)} s`);
    row(`${n(c)} clients: bytes sent to clients`, both((p) => p.bytesPerSecond), (v) => `${(v / 1e6).toFixed(2)} MB/s`);
    row(`${n(c)} clients: bytes per delivery`, both((p) => p.bytesPerDelivery), (v) => `${Math.round(v)} B`);
  }
  const held = (product: Product) => {
    const ok = sizes.filter((c) => med(product, c, (p) => p.p99) < P99_HELD_MS);
    const best = ok.length > 0 ? Math.max(...ok) : 0;
    const over = sizes.filter((c) => c > best).map((c) => `${n(c)}: ${ms(med(product, c, (p) => p.p99))} ms`);
    return { best, text: `${n(best)}${over.length > 0 ? ` (${over.join(', ')})` : best > 0 ? ` (${ms(med(product, best, (p) => p.p99))} ms)` : ''}` };
  };
  const [hf, hn] = [held(fv), held(nc)];
  rows.push({ figure: `most clients held at p99 < ${P99_HELD_MS} ms (of ${sizes.map(n).join(', ')})`, [fv.name]: hf.text, nchan: hn.text, ratio: hn.best > 0 ? ratio(hf.best, hn.best) : '—' });
  row('server memory (RSS) before any client', [fv.rssBeforeClients, nc.rssBeforeClients], (v) => `${Math.round(v / 2 ** 20)} MB`);
  return rows;
}

const dir = mkdtempSync(join(tmpdir(), 'floorview-bench-nchan-vs-'));
const stops: (() => Promise<void>)[] = [];
const stopAll = async () => {
  for (const stop of stops.reverse()) await stop();
  rmSync(dir, { recursive: true, force: true });
};
// Ctrl-C or a kill mid-run still stops the servers: they are our children, not to be left behind.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stopAll().then(() => process.exit(130)));
try {
  console.log(`load average at the start: ${loadavg()}`);
  const floorviews: Product[] = [];
  const own: [string, Record<string, string>][] = values.ticks
    ? values.ticks.split(',').map((t) => [`Floorview tick ${t}`, { ...extraEnv, FLOORVIEW_STREAM_TICK_MS: t }])
    : [['Floorview', extraEnv]];
  const servers: [string, Record<string, string>, string?][] = [...own, ...(values.baseline ? [[`Floorview ${values.baseline}`, {}, values.baseline] as [string, Record<string, string>, string]] : [])];
  for (const [name, env, checkout] of servers) {
    const fv = await floorview(dir, name, env, checkout);
    stops.push(fv.stop);
    floorviews.push(fv.product);
  }
  const nc = await nchan();
  stops.push(nc.stop);
  // Warm-up without clients: every agent leaves `available` once (a change that also moves its queue's row,
  // which later messages no longer do) and every server's code paths are hot before anything is measured.
  for (const p of [...floorviews, nc.product]) await sendPaced(rate, (2 * centre.agents.length) / rate + 1, p.send);
  const phases: Phase[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const [i, clients] of sizes.entries()) {
      // Alternating: which goes first changes with every phase pair, so neither always meets the other's aftermath.
      const order = (round + i) % 2 === 1 ? [nc.product, ...floorviews] : [...floorviews.toReversed(), nc.product];
      for (const p of order) {
        const ph = await phase(round, p, clients);
        phases.push(ph);
        console.log(
          `round ${round} ${p.name.padEnd(20)} ${String(clients).padStart(6)} clients: p50 ${ms(ph.p50)} ms, p99 ${ms(ph.p99)} ms, ${n(ph.deliveriesPerSecond)} deliveries/s, ` +
            `load ${ph.loadBefore} → ${ph.loadAfter}`,
        );
      }
    }
  }
  console.log(`load average at the end: ${loadavg()}\n`);
  printTable(
    phases.map((p) => ({
      round: p.round,
      product: p.product,
      clients: p.clients,
      connected: p.connected,
      'load avg before → after': `${p.loadBefore} → ${p.loadAfter}`,
      'msg/s': p.messagesPerSecond.toFixed(0),
      'deliveries/s': n(p.deliveriesPerSecond),
      delivered: `${(p.deliveredShare * 100).toFixed(1)} %`,
      'p50 ms': ms(p.p50),
      'p99 ms': ms(p.p99),
      'max ms': ms(p.max),
      'CPU s/1,000': p.cpuPer1000.toFixed(4),
      'MB/s': (p.bytesPerSecond / 1e6).toFixed(2),
      'B/delivery': Math.round(p.bytesPerDelivery),
      'load process CPU': `${Math.round(p.loadCpuShare * 100)} %`,
    })),
  );
  console.log(`\nMedians of ${rounds} round(s), ${seconds} s of ${rate} messages/s each:\n`);
  for (const fv of floorviews) {
    printTable(summary(phases, fv, nc.product));
    console.log();
  }
  const memory = Object.fromEntries([...floorviews, nc.product].map((p) => [p.name, p.rssBeforeClients]));
  saveResult('fanout-vs-nchan', { sizes, seconds, rounds, rate, memory, phases });
} finally {
  await stopAll();
}
