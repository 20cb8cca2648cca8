/**
 * Ingestion throughput (issue: ≥ 20,000 events/s sustained, batches of 500).
 * The server runs in its own process on a fresh SQLite file holding the reference
 * centre (500 agents, 40 queues); this process posts pre-serialized batches of
 * realistic call lifecycles over loopback HTTP, two requests in flight, run after
 * run on the same growing database.
 *
 * `--rollups both` measures what keeping the statistics rollups costs: two servers,
 * with and without rollup maintenance (FLOORVIEW_ROLLUP_MAINTENANCE, for benchmarks
 * only), each on its own database, take the same runs in turn, so both see the
 * same machine load; the ratio of their medians is the figure to compare.
 *
 *   node --import tsx bench/ingest-throughput.ts [--runs 5] [--events 100000] [--rollups on|off|both]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCentre } from '../server/directory/generate-centre.js';
import { startServerProcess, type ServerProcess } from '../test/support/server-process.js';
import { callMix } from './lib/call-mix.js';
import { median, printTable, saveResult } from './lib/report.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    events: { type: 'string', default: '100000' },
    batch: { type: 'string', default: '500' },
    rollups: { type: 'string', default: 'on' },
  },
});
const runs = Number(values.runs);
const perRun = Number(values.events);
const batchSize = Number(values.batch);
if (!['on', 'off', 'both'].includes(values.rollups)) throw new Error('--rollups is on, off or both');
const modes = values.rollups === 'both' ? ['on', 'off'] : [values.rollups];

const dir = mkdtempSync(join(tmpdir(), 'floorview-bench-ingest-'));
const centre = generateCentre({ agents: 500, queues: 40, seed: 1 });
const key = centre.integrationKeys[0]!.secret;
writeFileSync(join(dir, 'centre.json'), JSON.stringify(centre));
const servers = new Map<string, ServerProcess>();

const rows: Record<string, string | number>[] = [];
try {
  for (const mode of modes) {
    servers.set(
      mode,
      await startServerProcess({
        FLOORVIEW_DB: join(dir, `bench-${mode}.db`),
        FLOORVIEW_DIRECTORY: join(dir, 'centre.json'),
        FLOORVIEW_SIMULATOR: 'off',
        FLOORVIEW_ROLLUP_MAINTENANCE: mode,
      }),
    );
  }
  for (let run = 1; run <= runs; run++) {
    // ~6.5 events per call on average (abandons are short); each run covers its own stretch of past time.
    const calls = Math.ceil(perRun / 6);
    const events = callMix(centre, {
      calls,
      startMs: Date.now() - (runs - run + 2) * 86_400_000,
      spacingMs: Math.floor(43_200_000 / calls),
      seed: run,
      tag: `r${run}`,
    }).slice(0, perRun);
    const bodies: string[] = [];
    for (let i = 0; i < events.length; i += batchSize) bodies.push(JSON.stringify({ events: events.slice(i, i + batchSize) }));
    // The same batches to each server, in turn (alternating which goes first).
    const order = run % 2 === 1 ? modes : [...modes].reverse();
    for (const mode of order) rows.push({ run, rollups: mode, ...(await post(servers.get(mode)!, bodies)) });
  }
} finally {
  for (const s of servers.values()) await s.stop();
  rmSync(dir, { recursive: true, force: true });
}

async function post(server: ServerProcess, bodies: readonly string[]) {
  const load = loadavg()[0]!;
  const cpu0 = server.cpuSeconds();
  const t0 = performance.now();
  let next = 0;
  let accepted = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const res = await fetch(`${server.url}/api/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body,
      });
      const result = (await res.json()) as { accepted: number };
      if (res.status !== 200) throw new Error(`ingest failed: ${res.status} ${JSON.stringify(result)}`);
      accepted += result.accepted;
    }
  };
  await Promise.all([worker(), worker()]);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = server.cpuSeconds() - cpu0;
  const rate = Math.round(accepted / seconds);
  console.log(`${accepted} events: ${rate} events/s`);
  return {
    events: accepted,
    seconds: seconds.toFixed(2),
    'events/s': rate,
    'server CPU': `${Math.round((cpu / seconds) * 100)} %`,
    'server CPU µs/event': Math.round((cpu / accepted) * 1e6),
    'load (1 min)': load.toFixed(2),
  };
}

printTable(rows);
const medians = Object.fromEntries(modes.map((m) => [m, median(rows.filter((r) => r.rollups === m).map((r) => Number(r['events/s'])))]));
const cpuMedians = Object.fromEntries(modes.map((m) => [m, median(rows.filter((r) => r.rollups === m).map((r) => Number(r['server CPU µs/event'])))]));
for (const m of modes) console.log(`median with rollups ${m}: ${medians[m]} events/s, ${cpuMedians[m]} µs of server CPU per event (target ≥ 20,000 events/s)`);
if (modes.length === 2) console.log(`rollups on ÷ off: ${(medians.on! / medians.off!).toFixed(2)} of the throughput, ${(cpuMedians.on! / cpuMedians.off!).toFixed(2)}× the CPU per event`);
saveResult('ingest-throughput', { runs: rows, medianEventsPerSecond: medians.on ?? medians.off, medians, cpuMicrosPerEvent: cpuMedians, batchSize });
