/**
 * Statistics latency (issue 4: p95 < 100 ms at 90 days in the reporting zone).
 * A server process on an existing database (the reference centre: `npm run seed
 * -- --days 90 --agents 500 --queues 40 --calls-per-day 30000 --db data/reference.db`)
 * answers each stats endpoint over loopback HTTP for ranges of 1, 30 and 90 days
 * ending on the data's last day, in the reporting zone and in another zone; this
 * process computes the same answers by scanning the raw fact rows and checks they
 * are equal. Then it times a rebuild of the rollups from the facts.
 *
 * `--store postgres|both` (issue 18) answers from PostgreSQL too: a throwaway cluster with the
 * benchmark's settings (bench/lib/postgres-bench.ts) loaded with the same centre
 * (bench/lib/load-into-postgres.ts). With both, each case is timed on one store and then the
 * other, which goes first alternating case by case, and the two stores' answers must be equal.
 * `--via service` times the statistics service in this process (what the route calls, its
 * answer serialised as the route does) instead of a server over HTTP.
 *
 *   node --import tsx bench/stats-latency.ts --db data/reference.db [--runs 20] [--fact-runs 3]
 *     [--directory <db>.centre.json] [--zone Asia/Shanghai] [--skip-rebuild]
 *     [--store sqlite|postgres|both] [--via http|service]
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { scopeOf } from '../server/auth/principal.js';
import { openDb } from '../server/db/client.js';
import { openPostgres } from '../server/db/postgres-client.js';
import { PostgresStore } from '../server/db/postgres-store.js';
import { SqliteStore } from '../server/db/sqlite-store.js';
import type { Dialect, Store } from '../server/db/store.js';
import { Directory } from '../server/directory/directory.js';
import { readMeta } from '../server/history/rollup-meta.js';
import { rebuildRollups } from '../server/history/rollup-rebuild.js';
import { StatsService, type RankedRequest } from '../server/stats/stats-service.js';
import { formatDay, Zone } from '../server/domain/zone.js';
import { startServerProcess, type ServerProcess } from '../test/support/server-process.js';
import { loadIntoPostgres } from './lib/load-into-postgres.js';
import { BENCH_SETTINGS, startBenchCluster, type BenchCluster } from './lib/postgres-bench.js';
import { percentile, printTable, saveResult } from './lib/report.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    directory: { type: 'string' },
    runs: { type: 'string', default: '20' },
    'fact-runs': { type: 'string', default: '3' },
    zone: { type: 'string' },
    'skip-rebuild': { type: 'boolean', default: false },
    store: { type: 'string', default: 'sqlite' },
    via: { type: 'string', default: 'http' },
  },
});
if (!values.db) throw new Error('--db <file> is required (a database filled by `npm run seed`)');
if (!['sqlite', 'postgres', 'both'].includes(values.store)) throw new Error('--store is sqlite, postgres or both');
if (!['http', 'service'].includes(values.via)) throw new Error('--via is http or service');
const dbFile = values.db;
const directoryFile = values.directory ?? `${dbFile}.centre.json`;
const runs = Number(values.runs);
const factRuns = Number(values['fact-runs']);
const dialects: Dialect[] = values.store === 'both' ? ['sqlite', 'postgres'] : [values.store as Dialect];

const db = openDb(dbFile);
const reporting = readMeta(db).timeZone!;
const other = values.zone ?? (Zone.of(reporting).name === 'Asia/Shanghai' ? 'America/Chicago' : 'Asia/Shanghai');
const newest = db.$client.prepare('SELECT max(started_at) FROM calls').pluck().get() as number;
const centre = JSON.parse(readFileSync(directoryFile, 'utf8')) as { supervisors: { email: string; password: string; queues: string[] }[] };
const admin = [...centre.supervisors].sort((a, b) => b.queues.length - a.queues.length)[0]!;
const scope = scopeOf(admin.queues);

/** One store's way of answering: its store (for the facts' answers) and a timed request. */
interface Target {
  store: Store;
  stats: StatsService;
  request(endpoint: Endpoint, req: RankedRequest): Promise<unknown>;
  close(): Promise<void>;
}

type Endpoint = 'agents' | 'queues' | 'wrapups';
interface Case {
  endpoint: Endpoint;
  days: number;
  req: RankedRequest;
  timesMs: Partial<Record<Dialect, number[]>>;
  loads: Partial<Record<Dialect, number[]>>;
  answer: Partial<Record<Dialect, unknown>>;
}
const cases: Case[] = [];
for (const tz of [reporting, other]) {
  const lastDay = Zone.of(tz).dayOf(newest);
  for (const days of [1, 30, 90])
    for (const endpoint of ['agents', 'queues', 'wrapups'] as Endpoint[])
      cases.push({ endpoint, days, req: { from: formatDay(lastDay - days + 1), to: formatDay(lastDay), tz, order: 'desc', limit: 10 }, timesMs: {}, loads: {}, answer: {} });
}

const rows: Record<string, string | number>[] = [];
const raw: object[] = [];
let cluster: BenchCluster | null = null;
const targets = new Map<Dialect, Target>();
try {
  for (const dialect of dialects) {
    let url: string | null = null;
    if (dialect === 'postgres') {
      cluster = await startBenchCluster();
      url = cluster.database('stats');
      const t0 = performance.now();
      await loadIntoPostgres(dbFile, url, (table) => table !== 'events' && table !== 'agent_state_changes');
      console.log(`loaded into PostgreSQL in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
    targets.set(dialect, await target(url));
  }

  // Each case on every store in turn, the first alternating; nothing else running.
  for (const [i, c] of cases.entries()) {
    for (const dialect of i % 2 === 0 ? dialects : [...dialects].reverse()) {
      const t = targets.get(dialect)!;
      const times: number[] = [];
      const loads: number[] = [];
      for (let r = 0; r < runs + 2; r++) {
        const t0 = performance.now();
        c.answer[dialect] = await t.request(c.endpoint, c.req);
        // The first two warm the caches.
        if (r >= 2) times.push(performance.now() - t0);
      }
      loads.push(loadavg()[0]!);
      c.timesMs[dialect] = times;
      c.loads[dialect] = loads;
      console.log(`${dialect} ${c.endpoint} ${c.days} d ${c.req.tz}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, load ${loads[0]!.toFixed(2)}`);
    }
    if (dialects.length === 2) assert.deepEqual(c.answer.postgres, c.answer.sqlite, `${c.endpoint} ${c.days} d in ${c.req.tz}: PostgreSQL's answer differs from SQLite's`);
  }

  // The same answers from the raw fact rows.
  for (const c of cases) {
    const isReporting = c.req.tz === reporting;
    const row: Record<string, string | number> = { endpoint: `/stats/${c.endpoint}`, range: `${c.days} d`, zone: isReporting ? `${c.req.tz} (reporting)` : c.req.tz! };
    for (const dialect of dialects) {
      const factMs: number[] = [];
      for (let i = 0; i < factRuns; i++) {
        const t0 = performance.now();
        const fromFacts = await targets.get(dialect)!.stats[c.endpoint](scope, c.req, 'facts');
        factMs.push(performance.now() - t0);
        assert.deepEqual(JSON.parse(JSON.stringify(fromFacts)), c.answer[dialect], `${dialect}: ${c.endpoint} ${c.days} d in ${c.req.tz} differs from the facts`);
      }
      const times = c.timesMs[dialect]!;
      const [p50, p95] = [percentile(times, 50), percentile(times, 95)];
      const prefix = dialects.length === 2 ? `${dialect} ` : '';
      row[`${prefix}p50 ms`] = p50.toFixed(1);
      row[`${prefix}p95 ms`] = p95.toFixed(1);
      if (factRuns > 0) {
        const facts = percentile(factMs, 50);
        row[`${prefix}raw facts p50 ms`] = facts.toFixed(0);
        row[`${prefix}facts ÷ rollups`] = `${(facts / p50).toFixed(0)}×`;
        console.log(`${dialect} ${c.endpoint} ${c.days} d ${c.req.tz}: facts ${facts.toFixed(0)} ms (same answer)`);
      }
      raw.push({ store: dialect, endpoint: c.endpoint, days: c.days, tz: c.req.tz, reportingZone: isReporting, timesMs: times, factMs, load: c.loads[dialect] });
    }
    if (dialects.length === 2) {
      const ratio = (p: number) => (percentile(c.timesMs.postgres!, p) / percentile(c.timesMs.sqlite!, p)).toFixed(2);
      row['postgres ÷ sqlite p50'] = ratio(50);
      row['postgres ÷ sqlite p95'] = ratio(95);
    }
    rows.push(row);
  }
} finally {
  for (const t of targets.values()) await t.close();
  cluster?.remove();
}

/** The store at `url` (PostgreSQL), or the SQLite file, answering over HTTP or in this process. */
async function target(url: string | null): Promise<Target> {
  const store = url ? PostgresStore.over(await openPostgres(url, { pool: 10, statementTimeoutMs: 0 })) : SqliteStore.over(db);
  const directory = await Directory.load(store);
  // Nothing ingests here: the history is as the seed wrote it.
  const stats = await StatsService.open(store, directory, { async upToDate() {} });
  const closeStore = async () => {
    if (url) await store.close();
  };
  if (values.via === 'service') {
    return { store, stats, close: closeStore, request: async (endpoint, req) => JSON.parse(JSON.stringify(await stats[endpoint](scope, req))) };
  }
  const server: ServerProcess = await startServerProcess({
    FLOORVIEW_DB: dbFile,
    FLOORVIEW_DIRECTORY: directoryFile,
    FLOORVIEW_SIMULATOR: 'off',
    FLOORVIEW_TIME_ZONE: reporting,
    ...(url ? { FLOORVIEW_DATABASE_URL: url } : {}),
  });
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  });
  const { token } = (await login.json()) as { token: string };
  return {
    store,
    stats,
    async close() {
      await server.stop();
      await closeStore();
    },
    async request(endpoint, req) {
      const query = new URLSearchParams({ from: req.from, to: req.to, tz: req.tz! });
      const res = await fetch(`${server.url}/api/v1/stats/${endpoint}?${query}`, { headers: { authorization: `Bearer ${token}` } });
      const answer = await res.json();
      if (res.status !== 200) throw new Error(`${endpoint}: ${res.status} ${JSON.stringify(answer)}`);
      return answer;
    },
  };
}

const calls = db.$client.prepare('SELECT count(*) FROM calls').pluck().get() as number;
let rebuildSeconds: number | null = null;
if (!values['skip-rebuild']) {
  const t0 = performance.now();
  rebuildRollups(db, reporting);
  rebuildSeconds = (performance.now() - t0) / 1000;
}
db.$client.close();

printTable(rows);
console.log(`${calls} calls; p50/p95 over ${runs} requests each (after 2 warm-up), raw facts over ${factRuns} computations (answers checked equal)`);
if (rebuildSeconds !== null) console.log(`rollup rebuild from the facts (SQLite): ${rebuildSeconds.toFixed(1)} s`);
saveResult('stats-latency', { db: dbFile, stores: dialects, via: values.via, postgresSettings: dialects.includes('postgres') ? BENCH_SETTINGS : null, calls, reportingZone: reporting, otherZone: other, runs, factRuns, rows, raw, rebuildSeconds });
