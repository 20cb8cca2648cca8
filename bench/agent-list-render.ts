/**
 * Agent list rendering under load (issue 3; target: p95 < 16 ms per update frame).
 *
 * A real server runs in this process (2,000 agents over 40 queues, simulator
 * off); the built `dist/widgets/fv-agent-list.js` runs in headless Chromium on
 * that server's page and stream, signed in as the admin who sees every agent,
 * while this process posts 200 agent updates a second through the ingestion
 * API. The server coalesces them into ~10 delta frames a second, so each frame
 * carries ~20 changed rows — the real stream code path end to end.
 *
 * In the page, every delta frame is timed from its arrival to the list being
 * re-rendered and laid out (stream apply, filter/sort/group, Lit and virtualizer
 * render, style and layout; paint excluded). Frame intervals (rAF) and long
 * tasks are recorded alongside (a frame interval over 25 ms, 1.5 vsyncs, counts
 * as dropped), for each view: sorted by name, sorted by time
 * in state (rows move on most updates), grouped by queue.
 *
 *   node --import tsx bench/agent-list-render.ts [--agents 2000] [--rate 200] [--seconds 20]
 *     [--widgets dist/widgets]   a build's folder; give it twice (e.g. a build of main, then this one)
 *                                to measure both side by side on one server, alternating view by view
 *     [--rounds 1]               how many times each build measures each view; the order of the
 *                                builds flips every round, so a change in the machine's load hits both
 *     [--profile DIR]            each view's JS profile and renderer trace saved to DIR, with a summary:
 *                                the functions with the most self time, and script/style/layout/paint per frame
 *
 * Needs `npm run build` first (it measures the bundle a portal gets).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { createApp } from '../server/app.js';
import { generateCentre } from '../server/directory/generate-centre.js';
import { readConfig } from '../server/wiring/env.js';
import { createServices } from '../server/wiring/services.js';
import { CHROMIUM_ARGS, chromiumPath } from '../test/support/chromium.js';
import { median, percentile, printTable, saveResult } from './lib/report.js';

const { values } = parseArgs({
  options: {
    agents: { type: 'string', default: '2000' },
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '20' },
    /** Built widgets folders (e.g. the commit before a change, built into a temp dir, and dist/widgets). */
    widgets: { type: 'string', multiple: true, default: ['dist/widgets'] },
    rounds: { type: 'string', default: '1' },
    /** Writes each view's CPU profile (Chromium's) to this folder and prints where the time went. */
    profile: { type: 'string' },
  },
});
const agentCount = Number(values.agents);
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const WARMUP_MS = 3_000;

const builds = values.widgets;
for (const dir of builds) {
  if (existsSync(join(dir, 'fv-agent-list.js'))) continue;
  console.error(`No fv-agent-list.js in ${dir}: build the widgets first (npm run build)`);
  process.exit(1);
}

const centre = generateCentre({ agents: agentCount, queues: 40, seed: 1 });
const key = centre.integrationKeys[0]!.secret;
const dir = mkdtempSync(join(tmpdir(), 'floorview-bench-list-'));
writeFileSync(join(dir, 'centre.json'), JSON.stringify(centre));
const services = await createServices(
  readConfig({ FLOORVIEW_DB: join(dir, 'bench.db'), FLOORVIEW_DIRECTORY: join(dir, 'centre.json'), FLOORVIEW_SIMULATOR: 'off' }),
);
const app = createApp(services);
const url = await new Promise<string>((resolve) => {
  serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(`http://127.0.0.1:${info.port}`));
});

let eventId = 0;
const event = (type: string, fields: object) => ({ id: `bench-${++eventId}`, type, at: new Date().toISOString(), ...fields });
async function post(events: object[]): Promise<void> {
  for (let i = 0; i < events.length; i += 5_000) {
    const res = await fetch(`${url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ events: events.slice(i, i + 5_000) }),
    });
    if (res.status !== 200) throw new Error(`ingest: ${res.status} ${await res.text()}`);
  }
}

// Everyone signed in, available and in their queues: every update then changes what a row shows.
await post(
  centre.agents.flatMap((a) => [
    event('agent.signed_in', { agentId: a.id }),
    event('agent.state_changed', { agentId: a.id, state: 'available' }),
    ...a.queues.map((queueId) => event('agent.queue_joined', { agentId: a.id, queueId })),
  ]),
);

/** Each agent walks idle → ringing → connected → wrap-up → idle, with an occasional break; one step is one update. */
type Phase = 'idle' | 'ringing' | 'connected' | 'wrapup' | 'break';
const phases = new Map<string, { phase: Phase; callId: string }>(centre.agents.map((a) => [a.id, { phase: 'idle', callId: '' }]));
let callSeq = 0;
function step(): object[] {
  const agent = centre.agents[Math.floor(Math.random() * centre.agents.length)]!;
  const s = phases.get(agent.id)!;
  const agentId = agent.id;
  switch (s.phase) {
    case 'idle':
      if (Math.random() < 0.15) {
        s.phase = 'break';
        return [event('agent.state_changed', { agentId, state: 'unavailable', reason: 'Break' })];
      }
      s.phase = 'ringing';
      s.callId = `bench-call-${++callSeq}`;
      return [event('call.queued', { callId: s.callId, queueId: agent.queues[0] }), event('call.offered', { callId: s.callId, agentId })];
    case 'ringing':
      s.phase = 'connected';
      return [event('call.answered', { callId: s.callId, agentId })];
    case 'connected':
      s.phase = 'wrapup';
      return [event('call.ended', { callId: s.callId, by: 'caller' }), event('wrapup.started', { agentId, callId: s.callId })];
    case 'wrapup':
      s.phase = 'idle';
      return [event('wrapup.completed', { agentId, callId: s.callId, reasonId: centre.wrapupReasons[0]!.id })];
    case 'break':
      s.phase = 'idle';
      return [event('agent.state_changed', { agentId, state: 'available' })];
  }
}

let posting = true;
const TICK_MS = 50;
const poster = (async () => {
  const perTick = (rate * TICK_MS) / 1000;
  let next = Date.now();
  while (posting) {
    const batch: object[] = [];
    for (let i = 0; i < perTick; i++) batch.push(...step());
    await post(batch);
    next += TICK_MS;
    await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
  }
})();

const login = await fetch(`${url}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'admin@example.com', password: 'floorview-demo' }),
});
const { token } = (await login.json()) as { token: string };

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });

// Installed before the bundle loads: the widget's own EventSource gets timed listeners.
// Plain JS in a string: tsx's helpers would not exist in the page.
const TIMING_SCRIPT = `
  const bench = { recording: false, updates: [], frames: [], longTasks: [] };
  window.bench = bench;
  const nextTask = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
  const Native = window.EventSource;
  window.EventSource = class extends Native {
    addEventListener(type, listener, options) {
      if (type !== 'delta' || typeof listener !== 'function') return super.addEventListener(type, listener, options);
      super.addEventListener(type, (e) => {
        const start = performance.now();
        listener.call(this, e);
        const list = document.querySelector('fv-agent-list');
        list.updateComplete.then(nextTask).then(() => {
          // Style and layout now, as the coming frame would do them.
          void list.shadowRoot.querySelector('.body').offsetHeight;
          const ms = performance.now() - start;
          if (bench.recording) bench.updates.push({ ms, rows: (JSON.parse(e.data).agents ?? []).length });
        });
      }, options);
    }
  };
  let last = 0;
  const frame = (t) => {
    if (last && bench.recording) bench.frames.push(t - last);
    last = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  new PerformanceObserver((list) => {
    if (bench.recording) for (const e of list.getEntries()) bench.longTasks.push(e.duration);
  }).observe({ type: 'longtask' });
`;

/** A fresh page with one build's list on this server, live and showing every agent. */
async function openList(widgetsDir: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.addInitScript(TIMING_SCRIPT);
  // The bundles come from the chosen folder, so two builds can be measured side by side on one server.
  await page.route(`${url}/widgets/**`, (route) =>
    route.fulfill({ path: join(widgetsDir, new URL(route.request().url()).pathname.slice('/widgets/'.length)), contentType: 'text/javascript' }),
  );
  await page.route(`${url}/bench/agent-list.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8">
        <script type="module" src="/widgets/fv-agent-list.js"></script>
        <style>body { margin: 0; font-family: system-ui, sans-serif } fv-agent-list { height: 100vh }</style></head>
        <body><fv-agent-list token="${token}"></fv-agent-list></body></html>`,
    }),
  );
  await page.goto(`${url}/bench/agent-list.html`);
  await page.waitForFunction(
    (n) => {
      const list = document.querySelector('fv-agent-list');
      return list?.getAttribute('connection') === 'live' && list.shadowRoot!.querySelector('.count')?.textContent?.includes(`${n.toLocaleString('en')} agents`);
    },
    agentCount,
    { timeout: 30_000 },
  );
  return page;
}

interface Result {
  build: string;
  view: string;
  updates: { ms: number; rows: number }[];
  frames: number[];
  longTasks: number[];
}
const views: [name: string, attributes: Record<string, string>][] = [
  ['sorted by name', { view: 'list', sort: 'name' }],
  ['sorted by time in state', { view: 'list', sort: 'timeInState' }],
  ['grouped by queue', { view: 'queue', sort: 'name' }],
];
const results: Result[] = [];
if (values.profile) mkdirSync(values.profile, { recursive: true });
type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
};
const fileName = (name: string) => name.replace(/[^\w]+/g, '-').replace(/^-|-$/g, '');
/** Saves the profile (open it in Chromium's DevTools) and prints the functions with the most self time. */
function reportProfile(view: string, profile: unknown): void {
  const p = profile as CpuProfile;
  writeFileSync(join(values.profile!, `${fileName(view)}.cpuprofile`), JSON.stringify(p));
  const frames = new Map(p.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const f = frames.get(id)!;
    const where = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(where, (self.get(where) ?? 0) + p.timeDeltas[i]! / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`\n${view}: CPU self time by function (of ${total.toFixed(0)} ms)`);
  for (const [where, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${where}`);
}
/** The main thread's rendering phases, per delta frame: what the JS profile calls "(program)". */
const PHASES = { FunctionCall: 'script', UpdateLayoutTree: 'style', Layout: 'layout', PrePaint: 'pre-paint', Paint: 'paint', Layerize: 'layerize' };
function reportTrace(view: string, trace: Buffer, frames: number): void {
  writeFileSync(join(values.profile!, `${fileName(view)}.trace.json`), trace);
  const events = (JSON.parse(trace.toString()) as { traceEvents: { name: string; ph: string; dur?: number }[] }).traceEvents;
  const ms = new Map<string, number>();
  for (const e of events) if (e.ph === 'X' && e.dur && e.name in PHASES) ms.set(e.name, (ms.get(e.name) ?? 0) + e.dur / 1000);
  console.log(`${view}: main thread per delta frame: ${Object.entries(PHASES).map(([n, label]) => `${label} ${((ms.get(n) ?? 0) / frames).toFixed(2)} ms`).join(', ')}`);
}
/** Each view in turn on one build's page; its updates, frames and long tasks join those of earlier rounds. */
async function measure(build: string, label: string): Promise<void> {
  const page = await openList(build);
  const cdp = values.profile ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  }
  for (const [view, attributes] of views) await measureView(page, cdp, label, view, attributes);
  await page.close();
}

async function measureView(page: Page, cdp: CDPSession | null, build: string, view: string, attributes: Record<string, string>): Promise<void> {
  const name = builds.length > 1 ? `${build} ${view}` : view;
  await page.evaluate((attrs) => {
    const list = document.querySelector('fv-agent-list')!;
    for (const [k, v] of Object.entries(attrs)) list.setAttribute(k, v);
  }, attributes);
  await page.waitForTimeout(WARMUP_MS);
  if (cdp) await cdp.send('Profiler.start');
  if (cdp) await browser.startTracing(page, { categories: ['devtools.timeline', 'blink'] });
  await page.evaluate(() => Object.assign((window as unknown as { bench: object }).bench, { recording: true, updates: [], frames: [], longTasks: [] }));
  await page.waitForTimeout(seconds * 1000);
  if (cdp) reportProfile(name, (await cdp.send('Profiler.stop')).profile);
  if (cdp) reportTrace(name, await browser.stopTracing(), Math.max(1, await page.evaluate(() => (window as unknown as { bench: { updates: unknown[] } }).bench.updates.length)));
  const raw = await page.evaluate(() => {
    const b = (window as unknown as { bench: Omit<Result, 'view'> & { recording: boolean } }).bench;
    b.recording = false;
    return { updates: b.updates, frames: b.frames, longTasks: b.longTasks };
  });
  const result = results.find((r) => r.build === build && r.view === view);
  if (!result) results.push({ build, view, ...raw });
  else for (const k of ['updates', 'frames', 'longTasks'] as const) (result[k] as unknown[]).push(...raw[k]);
}

/** Builds named by their folder, or by their place in the command line when two share a name. */
const labels = builds.map((b, i) => (new Set(builds).size === builds.length ? b : `${i + 1}: ${b}`));
for (let round = 0; round < rounds; round++) {
  const order = builds.map((_, i) => i);
  if (round % 2 === 1) order.reverse();
  for (const i of order) await measure(builds[i]!, labels[i]!);
}

posting = false;
await poster;
await browser.close();
await services.close();
rmSync(dir, { recursive: true, force: true });

const ms = (n: number) => n.toFixed(1);
printTable(
  results.map((r) => {
    const times = r.updates.map((u) => u.ms);
    return {
      ...(builds.length > 1 ? { build: r.build } : {}),
      view: r.view,
      'delta frames': r.updates.length,
      'rows/frame': ms(median(r.updates.map((u) => u.rows))),
      'update median ms': ms(median(times)),
      'update p95 ms': ms(percentile(times, 95)),
      'update max ms': ms(Math.max(...times)),
      'rAF p95 ms': ms(percentile(r.frames, 95)),
      'dropped frames': `${((100 * r.frames.filter((f) => f > 25).length) / Math.max(1, r.frames.length)).toFixed(1)}%`,
      'long tasks': r.longTasks.length,
    };
  }),
);
saveResult('agent-list-render', { agents: agentCount, rate, seconds, rounds, builds, results });
process.exit(0);
