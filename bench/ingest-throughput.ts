/**
 * Ingestion throughput (issue: ≥ 20,000 events/s sustained, batches of 500).
 * The server runs in its own process on a fresh SQLite file holding the reference
 * centre (500 agents, 40 queues); this process posts pre-serialized batches of
 * realistic call lifecycles over loopback HTTP, two requests in flight, run after
 * run on the same growing database.
 *
 *   node --import tsx bench/ingest-throughput.ts [--runs 5] [--events 100000]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCentre } from '../server/directory/generate-centre.js';
import { startServerProcess } from '../test/support/server-process.js';
import { callMix } from './lib/call-mix.js';
import { median, printTable, saveResult } from './lib/report.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, events: { type: 'string', default: '100000' }, batch: { type: 'string', default: '500' } },
});
const runs = Number(values.runs);
const perRun = Number(values.events);
const batchSize = Number(values.batch);

const dir = mkdtempSync(join(tmpdir(), 'floorview-bench-ingest-'));
const centre = generateCentre({ agents: 500, queues: 40, seed: 1 });
const key = centre.integrationKeys[0]!.secret;
writeFileSync(join(dir, 'centre.json'), JSON.stringify(centre));
const server = await startServerProcess({
  FLOORVIEW_DB: join(dir, 'bench.db'),
  FLOORVIEW_DIRECTORY: join(dir, 'centre.json'),
  FLOORVIEW_SIMULATOR: 'off',
});

const rows: Record<string, string | number>[] = [];
try {
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
    rows.push({
      run,
      events: accepted,
      seconds: seconds.toFixed(2),
      'events/s': Math.round(accepted / seconds),
      'server CPU': `${Math.round((cpu / seconds) * 100)} %`,
    });
    console.log(`run ${run}: ${Math.round(accepted / seconds)} events/s`);
  }
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}

const rate = median(rows.map((r) => Number(r['events/s'])));
printTable(rows);
console.log(`median: ${rate} events/s (target ≥ 20,000)`);
saveResult('ingest-throughput', { runs: rows, medianEventsPerSecond: rate, batchSize });
