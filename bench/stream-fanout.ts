/**
 * Stream fan-out (SPEC §5; targets: p50 ≤ 150 ms, p99 ≤ 300 ms event-to-client,
 * ≤ 25 KB server memory per client; 10,000 idle connections in one process).
 *
 * The server runs in its own process with the reference centre plus 40
 * supervisors and 10 display tokens of varied scopes. A separate load process
 * holds the SSE connections; this process posts 200 events/s, each an agent
 * state change whose reason is its own send-time marker, and the load process
 * measures when each one reaches each client in scope: a delivery is one
 * (event, client) pair.
 *
 *   node --import tsx bench/stream-fanout.ts [--clients 2000] [--seconds 30] [--idle 10000]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCentre } from '../server/directory/generate-centre.js';
import { startServerProcess, type ServerProcess } from '../test/support/server-process.js';
import { benchEvent, openingEvents, postEvents } from './lib/floorview-events.js';
import { LoadProcess, type SseTarget } from './lib/load-process.js';
import { sendPaced } from './lib/paced-messages.js';
import { printTable, saveResult } from './lib/report.js';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '30' },
    rate: { type: 'string', default: '200' },
    idle: { type: 'string', default: '10000' },
  },
});
const clients = Number(values.clients);
const seconds = Number(values.seconds);
const rate = Number(values.rate);
const idleClients = Number(values.idle);

const base = generateCentre({ agents: 500, queues: 40, seed: 1 });
let rnd = 42;
const random = () => (rnd = (rnd * 48271) % 2147483647) / 2147483647;
const someQueues = (min: number, max: number) => {
  const n = min + Math.floor(random() * (max - min + 1));
  return [...new Set(Array.from({ length: n }, () => base.queues[Math.floor(random() * base.queues.length)]!.id))];
};
const centre = {
  ...base,
  supervisors: Array.from({ length: 40 }, (_, i) => ({
    id: `bench-s${i}`,
    name: `Supervisor ${i}`,
    email: `bench-s${i}@example.com`,
    password: 'bench-password',
    queues: someQueues(1, 5),
  })),
  displayTokens: Array.from({ length: 10 }, (_, i) => ({ id: `bench-d${i}`, secret: `bench-display-secret-${i}-xxxx`, queues: someQueues(4, 10) })),
};
const key = centre.integrationKeys[0]!.secret;

const dir = mkdtempSync(join(tmpdir(), 'floorview-bench-stream-'));
writeFileSync(join(dir, 'centre.json'), JSON.stringify(centre));
const env = { FLOORVIEW_DB: join(dir, 'bench.db'), FLOORVIEW_DIRECTORY: join(dir, 'centre.json'), FLOORVIEW_SIMULATOR: 'off' };

async function targets(server: ServerProcess): Promise<SseTarget[]> {
  const tokens: string[] = [];
  for (const s of centre.supervisors) {
    const res = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: s.email, password: s.password }),
    });
    tokens.push(`Bearer ${((await res.json()) as { token: string }).token}`);
  }
  // Three in four viewers are supervisors, one in four wallboards.
  const list: string[] = [];
  for (let i = 0; i < 40; i++) list.push(tokens[i]!, tokens[(i + 13) % 40]!, tokens[(i + 27) % 40]!, `Bearer ${centre.displayTokens[i % 10]!.secret}`);
  return list.map((authorization) => ({ url: `${server.url}/api/v1/stream?delta=fields`, headers: { authorization } }));
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function activePhase(): Promise<Record<string, unknown>> {
  const server = await startServerProcess(env);
  try {
    await postEvents(server.url, key, openingEvents(centre.agents));
    const list = await targets(server);
    await settle(1000);
    const rssBefore = server.rss();

    const load = new LoadProcess();
    const c = await load.connect(list, clients, 'snapshot');
    await settle(3000);
    const rssConnected = server.rss();
    await load.record();

    // Each event a random agent's state change, its reason the event's send-time marker.
    const cpu0 = server.cpuSeconds();
    const sent = await sendPaced(rate, seconds, (batch) =>
      postEvents(server.url, key, batch.map(({ marker }) => {
        const a = centre.agents[Math.floor(random() * centre.agents.length)]!;
        return benchEvent('agent.state_changed', { agentId: a.id, state: 'unavailable', reason: marker });
      })),
    );
    const cpu = server.cpuSeconds() - cpu0;
    await settle(1000);
    const report = await load.report();
    const rssAfter = server.rss();
    await load.close();
    return {
      clients,
      connectedWithSnapshot: c.ready,
      connectErrors: c.errors,
      eventsPerSecond: Math.round(sent.messages / sent.seconds),
      deliveries: report.deliveries,
      framesReceived: report.messages,
      latencyP50ms: Math.round(report.p50),
      latencyP99ms: Math.round(report.p99),
      latencyMaxMs: Math.round(report.max),
      serverCpuPercent: Math.round((cpu / sent.seconds) * 100),
      memoryPerClientKB: Math.round((rssConnected - rssBefore) / clients / 1024),
      serverRssMB: Math.round(rssAfter / 2 ** 20),
      mbReceivedPerSecond: (report.bytes / sent.seconds / 2 ** 20).toFixed(1),
    };
  } finally {
    await server.stop();
  }
}

async function idlePhase(): Promise<Record<string, unknown>> {
  const server = await startServerProcess(env);
  try {
    const list = await targets(server);
    await settle(1000);
    const rssBefore = server.rss();
    const load = new LoadProcess();
    const t0 = performance.now();
    const c = await load.connect(list, idleClients, 'snapshot');
    const connectSeconds = (performance.now() - t0) / 1000;
    await settle(5000);
    const cpu0 = server.cpuSeconds();
    await settle(20_000);
    const idleCpu = (server.cpuSeconds() - cpu0) / 20;
    const rss = server.rss();
    await load.close();
    return {
      idleClients,
      connectedWithSnapshot: c.ready,
      connectErrors: c.errors,
      connectSeconds: connectSeconds.toFixed(1),
      memoryPerClientKB: Math.round((rss - rssBefore) / idleClients / 1024),
      serverRssMB: Math.round(rss / 2 ** 20),
      idleServerCpuPercent: Math.round(idleCpu * 100),
    };
  } finally {
    await server.stop();
  }
}

try {
  const active = await activePhase();
  printTable([Object.fromEntries(Object.entries(active).map(([k, v]) => [k, String(v)]))]);
  const idle = idleClients > 0 ? await idlePhase() : null;
  if (idle) printTable([Object.fromEntries(Object.entries(idle).map(([k, v]) => [k, String(v)]))]);
  saveResult('stream-fanout', { active, idle });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
