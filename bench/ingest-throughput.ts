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
 * `--synchronous both` does the same for durability: a server with FLOORVIEW_SYNCHRONOUS=full
 * (the default: an acknowledged batch is fsynced, so it survives power loss) beside one with
 * `normal` (fsync at checkpoints only), on the same batches in turn.
 *
 * Every run also times the anchor (issue 20): the same rows inserted straight into the event
 * table with better-sqlite3, one prepared statement, one transaction per batch, on a database
 * opened like the server's (same schema and indexes, WAL, the same `synchronous`), taking its
 * turn between the servers; the ratio of the medians says how close ingestion is to storing alone.
 *
 * `--store postgres|both` (issue 18) runs the servers on PostgreSQL too (FLOORVIEW_DATABASE_URL, a
 * database each on one throwaway cluster with the benchmark's settings: bench/lib/postgres-bench.ts),
 * in the same alternation, with PostgreSQL's own anchor: the server's multi-row insert of the event
 * log alone, one transaction per batch. `synchronous` is SQLite's: a PostgreSQL server commits as the
 * cluster's settings say (synchronous_commit on). Where the store's work runs differs (SQLite in the
 * server's process, PostgreSQL in the cluster's), so each turn also reports the cluster's CPU per event.
 *
 * `--profile DIR` starts the servers with `--cpu-prof --cpu-prof-dir=DIR` (written when they stop).
 *
 * `--baseline CHECKOUT` adds another checkout's server (a commit before a change: `git archive <commit>` unpacked,
 * with node_modules), with rollups and the first `synchronous`, taking its turn in the same alternation.
 *
 *   node --import tsx bench/ingest-throughput.ts [--runs 5] [--events 100000] [--rollups on|off|both] [--synchronous full|normal|both]
 *     [--store sqlite|postgres|both] [--span-minutes 720] [--profile DIR] [--baseline CHECKOUT]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCentre } from '../server/directory/generate-centre.js';
import type { Dialect } from '../server/db/store.js';
import type { EventRow } from '../server/ingest/event-store.js';
import { BENCH_SETTINGS, startBenchCluster, type BenchCluster } from './lib/postgres-bench.js';
import { rawInsert, rawInsertPostgres, rawRows, RAW_INSERT, type RawInsert } from './lib/raw-insert.js';
import { startServerProcess, type ServerProcess } from '../test/support/server-process.js';
import { callMix } from './lib/call-mix.js';
import { median, printTable, saveResult } from './lib/report.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    events: { type: 'string', default: '100000' },
    batch: { type: 'string', default: '500' },
    rollups: { type: 'string', default: 'on' },
    synchronous: { type: 'string', default: 'full' },
    // How much event time each run covers. Agent time (server/domain/agent-time.ts) writes rows per
    // agent and interval as event time passes, so 12 hours in seconds writes far more of them per
    // event than a real floor does (200 events/s: 100,000 events in about 8 minutes).
    'span-minutes': { type: 'string', default: '720' },
    profile: { type: 'string' },
    baseline: { type: 'string' },
    store: { type: 'string', default: 'sqlite' },
  },
});
const runs = Number(values.runs);
const perRun = Number(values.events);
const batchSize = Number(values.batch);
if (!['on', 'off', 'both'].includes(values.rollups)) throw new Error('--rollups is on, off or both');
if (!['full', 'normal', 'both'].includes(values.synchronous)) throw new Error('--synchronous is full, normal or both');
if (!['sqlite', 'postgres', 'both'].includes(values.store)) throw new Error('--store is sqlite, postgres or both');
const rollupModes = values.rollups === 'both' ? ['on', 'off'] : [values.rollups];
const syncModes = values.synchronous === 'both' ? ['full', 'normal'] : [values.synchronous];
const stores: Dialect[] = values.store === 'both' ? ['sqlite', 'postgres'] : [values.store as Dialect];
/** What the anchor of a server's turn is named: its store's, with SQLite's `synchronous`. */
const anchorName = (store: Dialect, synchronous: string) => (store === 'sqlite' ? `${RAW_INSERT.sqlite}, synchronous ${synchronous}` : RAW_INSERT.postgres);
interface Variant {
  store: Dialect;
  rollups: string;
  synchronous: string;
  name: string;
  checkout?: string;
}
/** One server per combination, named like "sqlite, rollups on, synchronous full" or "postgres, rollups on". */
const variants: Variant[] = [
  ...(stores.includes('sqlite')
    ? rollupModes.flatMap((rollups) => syncModes.map((synchronous) => ({ store: 'sqlite' as const, rollups, synchronous, name: `sqlite, rollups ${rollups}, synchronous ${synchronous}` })))
    : []),
  ...(stores.includes('postgres') ? rollupModes.map((rollups) => ({ store: 'postgres' as const, rollups, synchronous: syncModes[0]!, name: `postgres, rollups ${rollups}` })) : []),
  ...(values.baseline
    ? [{ store: 'sqlite' as const, rollups: 'on', synchronous: syncModes[0]!, name: `${values.baseline}: rollups on, synchronous ${syncModes[0]}`, checkout: values.baseline }]
    : []),
];
const modes = variants.map((v) => v.name);
/** The anchors take their turn with the servers: SQLite's one per `synchronous`, as the servers' commits wait that long; PostgreSQL's one. */
const anchors: { store: Dialect; synchronous: string; name: string }[] = [
  ...(stores.includes('sqlite') ? syncModes.map((synchronous) => ({ store: 'sqlite' as const, synchronous, name: anchorName('sqlite', synchronous) })) : []),
  ...(stores.includes('postgres') ? [{ store: 'postgres' as const, synchronous: syncModes[0]!, name: anchorName('postgres', syncModes[0]!) }] : []),
];
const turns = [...modes, ...anchors.map((a) => a.name)];
/** Whose CPU a turn's store work is counted in besides the server's (or this process's, for an anchor). */
const storeOf = new Map<string, Dialect>([...variants, ...anchors].map((t) => [t.name, t.store]));

const dir = mkdtempSync(join(tmpdir(), 'floorview-bench-ingest-'));
const centre = generateCentre({ agents: 500, queues: 40, seed: 1 });
const key = centre.integrationKeys[0]!.secret;
writeFileSync(join(dir, 'centre.json'), JSON.stringify(centre));
const servers = new Map<string, ServerProcess>();
const raws = new Map<string, RawInsert>();
let cluster: BenchCluster | null = null;

const rows: Record<string, string | number>[] = [];
try {
  if (stores.includes('postgres')) cluster = await startBenchCluster();
  for (const [i, v] of variants.entries()) {
    servers.set(
      v.name,
      await startServerProcess({
        FLOORVIEW_DB: join(dir, `bench-${i}.db`),
        ...(v.store === 'postgres' ? { FLOORVIEW_DATABASE_URL: cluster!.database(`bench_${i}`) } : {}),
        FLOORVIEW_DIRECTORY: join(dir, 'centre.json'),
        FLOORVIEW_SIMULATOR: 'off',
        FLOORVIEW_ROLLUP_MAINTENANCE: v.rollups,
        FLOORVIEW_SYNCHRONOUS: v.synchronous,
      }, values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : [], v.checkout),
    );
  }
  for (const [i, a] of anchors.entries()) {
    raws.set(a.name, a.store === 'sqlite' ? rawInsert(join(dir, `raw-${i}.db`), a.synchronous as 'full' | 'normal') : await rawInsertPostgres(cluster!.database('raw')));
  }
  for (let run = 1; run <= runs; run++) {
    // ~6.5 events per call on average (abandons are short); each run covers its own stretch of past time.
    const calls = Math.ceil(perRun / 6);
    const events = callMix(centre, {
      calls,
      startMs: Date.now() - (runs - run + 2) * 86_400_000,
      spacingMs: Math.floor((Number(values['span-minutes']) * 60_000) / calls),
      seed: run,
      tag: `r${run}`,
    }).slice(0, perRun);
    // The agents sign in before the stretch and out after it, as on a real floor: otherwise the
    // day between two runs would count as staffed time of every agent (server/domain/agent-time.ts).
    const iso = (ms: number) => new Date(ms).toISOString();
    const [first, last] = [Date.parse(events[0]!.at) - 60_000, Date.parse(events[events.length - 1]!.at) + 1_000];
    const shift = (type: 'agent.signed_in' | 'agent.signed_out', at: number) =>
      centre.agents.map((a) => ({ id: `r${run}-${type}-${a.id}`, type, at: iso(at), agentId: a.id }) as (typeof events)[number]);
    events.unshift(...shift('agent.signed_in', first));
    events.push(...shift('agent.signed_out', last));
    const bodies: string[] = [];
    for (let i = 0; i < events.length; i += batchSize) bodies.push(JSON.stringify({ events: events.slice(i, i + batchSize) }));
    // The same batches to each server and the anchor, in turn (alternating which goes first).
    const order = run % 2 === 1 ? turns : [...turns].reverse();
    for (const mode of order) {
      const raw = raws.get(mode);
      const store = storeOf.get(mode)!;
      rows.push({ run, server: mode, ...(raw ? await insert(raw, rawRows(events, batchSize), store) : await post(servers.get(mode)!, bodies, store)) });
    }
  }
} finally {
  for (const s of servers.values()) await s.stop();
  for (const r of raws.values()) await r.close();
  cluster?.remove();
  rmSync(dir, { recursive: true, force: true });
}


/** CPU seconds of the PostgreSQL cluster so far, for a turn on PostgreSQL (0 on SQLite: its work is in the server's process). */
function storeCpu(store: Dialect): number {
  return store === 'postgres' ? cluster!.cpuSeconds() : 0;
}

async function post(server: ServerProcess, bodies: readonly string[], store: Dialect) {
  const load = loadavg()[0]!;
  const cpu0 = server.cpuSeconds();
  const dbCpu0 = storeCpu(store);
  const t0 = performance.now();
  let next = 0;
  let accepted = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const res = await postOnce(server.url, body);
      const result = (await res.json()) as { accepted: number };
      if (res.status !== 200) throw new Error(`ingest failed: ${res.status} ${JSON.stringify(result)}`);
      accepted += result.accepted;
    }
  };
  await Promise.all([worker(), worker()]);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = server.cpuSeconds() - cpu0;
  const dbCpu = storeCpu(store) - dbCpu0;
  const rate = Math.round(accepted / seconds);
  console.log(`${accepted} events: ${rate} events/s`);
  return measured(accepted, seconds, cpu, dbCpu, load);
}

function measured(events: number, seconds: number, cpu: number, dbCpu: number, load: number) {
  return {
    events,
    seconds: seconds.toFixed(2),
    'events/s': Math.round(events / seconds),
    'server CPU': `${Math.round((cpu / seconds) * 100)} %`,
    'server CPU µs/event': Math.round((cpu / events) * 1e6),
    'PostgreSQL CPU µs/event': Math.round((dbCpu / events) * 1e6),
    'load (1 min)': load.toFixed(2),
  };
}

/** The anchor's turn: the rows are built beforehand, only the inserts and commits are timed; its "server" is this process. */
async function insert(raw: RawInsert, batches: readonly EventRow[][], store: Dialect) {
  const load = loadavg()[0]!;
  const cpu0 = process.cpuUsage();
  const dbCpu0 = storeCpu(store);
  const t0 = performance.now();
  let accepted = 0;
  for (const b of batches) accepted += await raw.insert(b);
  const seconds = (performance.now() - t0) / 1000;
  const { user, system } = process.cpuUsage(cpu0);
  const dbCpu = storeCpu(store) - dbCpu0;
  console.log(`${accepted} rows inserted: ${Math.round(accepted / seconds)} rows/s`);
  return measured(accepted, seconds, (user + system) / 1e6, dbCpu, load);
}

/**
 * A keep-alive socket the server closes just as a request goes out fails the request
 * (undici does not retry a POST); posting is idempotent by event id, so send it again.
 */
async function postOnce(url: string, body: string, attempts = 3): Promise<Response> {
  try {
    return await fetch(`${url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body,
    });
  } catch (err) {
    if (attempts <= 1) throw err;
    return postOnce(url, body, attempts - 1);
  }
}

printTable(rows);
const of = (m: string, column: string) => median(rows.filter((r) => r.server === m).map((r) => Number(r[column])));
const medians = Object.fromEntries(turns.map((m) => [m, of(m, 'events/s')]));
const cpuMedians = Object.fromEntries(turns.map((m) => [m, of(m, 'server CPU µs/event') + of(m, 'PostgreSQL CPU µs/event')]));
const loads = Object.fromEntries(turns.map((m) => [m, of(m, 'load (1 min)')]));
for (const m of turns) {
  console.log(`median, ${m}: ${medians[m]} events/s, ${cpuMedians[m]} µs of CPU per event (server and PostgreSQL), load ${loads[m]!.toFixed(2)} (target ≥ 20,000 events/s)`);
}
const compare = (a: string, b: string, what: string) => {
  if (medians[a] === undefined || medians[b] === undefined) return;
  console.log(`${what}: ${(medians[a]! / medians[b]!).toFixed(2)} of the throughput, ${(cpuMedians[a]! / cpuMedians[b]!).toFixed(2)}× the CPU per event`);
};
for (const s of syncModes) compare(`sqlite, rollups on, synchronous ${s}`, `sqlite, rollups off, synchronous ${s}`, `SQLite, rollups on ÷ off (synchronous ${s})`);
compare('postgres, rollups on', 'postgres, rollups off', 'PostgreSQL, rollups on ÷ off');
for (const r of rollupModes) compare(`sqlite, rollups ${r}, synchronous full`, `sqlite, rollups ${r}, synchronous normal`, `synchronous full ÷ normal (rollups ${r})`);
for (const r of rollupModes) compare(`postgres, rollups ${r}`, `sqlite, rollups ${r}, synchronous full`, `PostgreSQL ÷ SQLite (rollups ${r})`);
compare(RAW_INSERT.postgres, anchorName('sqlite', 'full'), `${RAW_INSERT.postgres} ÷ ${RAW_INSERT.sqlite}`);
for (const v of variants) compare(v.name, anchorName(v.store, v.synchronous), `${v.name} ÷ its store's raw insert (target ≥ 0.40)`);
saveResult('ingest-throughput', { stores, postgresSettings: cluster ? BENCH_SETTINGS : null, runs: rows, medianEventsPerSecond: medians[modes[0]!], medians, cpuMicrosPerEvent: cpuMedians, loads, batchSize });
