/**
 * Wallboard memory over a simulated day (issue 5: a wallboard runs for weeks
 * without memory growth). Not a timed test: a report.
 *
 * A real server runs in this process on the bundled demo centre (60 agents,
 * 8 queues) with the simulator on a clock running `speed` times real time,
 * after one day of backfilled history; `demo/wallboard.html` runs in headless
 * Chromium with the demo display token, on that server's real stream. So a
 * simulated day of calls, state changes and midnight goes through the live
 * path in minutes: coalesced delta frames, the widget's rows, aggregate, trend
 * buffer (which fills and wraps many times over) and chart. Every
 * `drop-every-hours` simulated hours the server drops its streams, as a
 * restarting proxy would, so reconnects and trend reloads are exercised too.
 *
 * At every simulated hour the page is garbage-collected (CDP
 * HeapProfiler.collectGarbage) and its JS heap (Runtime.getHeapUsage; the
 * least of three readings) and DOM counters (nodes, event listeners) are read.
 *
 *   node --import tsx bench/wallboard-memory.ts [--hours 24] [--speed 240] [--drop-every-hours 3]
 *
 * Needs `npm run build` first (it measures the bundle a wall screen gets).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { chromium } from 'playwright-core';
import { createApp } from '../server/app.js';
import { readConfig } from '../server/wiring/env.js';
import { createServices } from '../server/wiring/services.js';
import { CHROMIUM_ARGS, chromiumPath } from '../test/support/chromium.js';
import { printTable, saveResult } from './lib/report.js';

const { values } = parseArgs({
  options: {
    hours: { type: 'string', default: '24' },
    speed: { type: 'string', default: '240' },
    'drop-every-hours': { type: 'string', default: '3' },
  },
});
const hours = Number(values.hours);
const speed = Number(values.speed);
const dropEvery = Number(values['drop-every-hours']);
const HOUR_MS = 3_600_000;

if (!existsSync('dist/widgets/fv-queue-realtime.js')) {
  console.error('Build the widgets first: npm run build');
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'floorview-bench-wall-'));
const t0 = Date.now();
/** Simulated time: `speed` times as fast as the wall clock. */
const clock = () => t0 + (Date.now() - t0) * speed;
const services = await createServices(
  readConfig({ FLOORVIEW_DB: join(dir, 'bench.db'), FLOORVIEW_SIMULATOR: 'on', FLOORVIEW_SIMULATOR_BACKFILL_DAYS: '1' }),
  { clock },
);
const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
  const s = serve({ fetch: createApp(services).fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
});
const { port } = server.address() as { port: number };
const url = `http://127.0.0.1:${port}`;

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
const errors: string[] = [];
page.on('pageerror', (e) => errors.push(e.message));
await page.goto(`${url}/wallboard.html?token=wallboard-demo-secret-change-me`);
await page.waitForFunction(() => document.querySelector('fv-queue-realtime')?.getAttribute('connection') === 'live', null, { timeout: 30_000 });
const cdp = await page.context().newCDPSession(page);

interface Sample {
  simHour: number;
  realSeconds: number;
  events: number;
  connection: string;
  heapUsedMB: number;
  heapTotalMB: number;
  domNodes: number;
  listeners: number;
}

const firstSeq = services.ingest.store!.lastSeq();
const samples: Sample[] = [];
/**
 * The heap that survives garbage collection: the least of three readings a
 * quarter second apart, each after two collections (the first frees what
 * finalizers release for the second), so a frame being handled at that moment
 * does not count as retained.
 */
async function retainedHeap(): Promise<{ usedSize: number; totalSize: number }> {
  let least: { usedSize: number; totalSize: number } | null = null;
  for (let i = 0; i < 3; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, 250));
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    if (!least || heap.usedSize < least.usedSize) least = heap;
  }
  return least!;
}

async function sample(simHour: number): Promise<void> {
  const heap = await retainedHeap();
  const dom = await cdp.send('Memory.getDOMCounters');
  const connection = (await page.evaluate(() => document.querySelector('fv-queue-realtime')?.getAttribute('connection'))) ?? '?';
  samples.push({
    simHour,
    realSeconds: Math.round((Date.now() - t0) / 1000),
    events: services.ingest.store!.lastSeq() - firstSeq,
    connection,
    heapUsedMB: Math.round((heap.usedSize / 2 ** 20) * 100) / 100,
    heapTotalMB: Math.round((heap.totalSize / 2 ** 20) * 100) / 100,
    domNodes: dom.nodes,
    listeners: dom.jsEventListeners,
  });
  const s = samples.at(-1)!;
  console.log(`  simulated hour ${String(simHour).padStart(2)}: heap ${s.heapUsedMB} MB, ${s.domNodes} nodes, ${s.listeners} listeners, ${s.events.toLocaleString('en')} events`);
}

console.log(`Wallboard on ${url}, ${hours} simulated hours at ${speed}× (${((hours * HOUR_MS) / speed / 60_000).toFixed(1)} min)…`);
const simStart = clock();
await sample(0);
for (let h = 1; h <= hours; h++) {
  const due = t0 + (simStart - t0 + h * HOUR_MS) / speed;
  await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
  await sample(h);
  // After the sample, so the page has the hour until the next one to reconnect and reload its trend.
  if (dropEvery > 0 && h % dropEvery === 0 && h < hours) {
    services.hub.stop();
    services.hub.start();
  }
}

await browser.close();
await new Promise<void>((r) => server.close(() => r()));
await services.close();
rmSync(dir, { recursive: true, force: true });

printTable(samples.map((s) => ({ ...s })));
// The first hour warms up (chart code loaded, trend buffer filled): growth is judged from there.
const warm = samples.slice(1);
const heaps = warm.map((s) => s.heapUsedMB);
const summary = {
  firstMB: heaps[0]!,
  lastMB: heaps.at(-1)!,
  maxMB: Math.max(...heaps),
  growthMB: Math.round((heaps.at(-1)! - heaps[0]!) * 100) / 100,
  domNodes: { first: warm[0]!.domNodes, last: warm.at(-1)!.domNodes, max: Math.max(...warm.map((s) => s.domNodes)) },
  listeners: { first: warm[0]!.listeners, last: warm.at(-1)!.listeners, max: Math.max(...warm.map((s) => s.listeners)) },
  events: samples.at(-1)!.events,
  pageErrors: errors,
};
console.log(
  `\nJS heap after GC (from hour 1): first ${summary.firstMB} MB, last ${summary.lastMB} MB, max ${summary.maxMB} MB (growth ${summary.growthMB} MB); ` +
    `DOM nodes ${summary.domNodes.first} → ${summary.domNodes.last}; listeners ${summary.listeners.first} → ${summary.listeners.last}; ` +
    `${summary.events.toLocaleString('en')} events; page errors: ${errors.length}`,
);
saveResult('wallboard-memory', { hours, speed, dropEveryHours: dropEvery, summary, samples });
