/**
 * Statistics latency (issue 4: p95 < 100 ms at 90 days in the reporting zone).
 * A server process on an existing database (the reference centre: `npm run seed
 * -- --days 90 --agents 500 --queues 40 --calls-per-day 30000 --db data/reference.db`)
 * answers each stats endpoint over loopback HTTP for ranges of 1, 30 and 90 days
 * ending on the data's last day, in the reporting zone and in another zone; this
 * process computes the same answers by scanning the raw fact rows and checks they
 * are equal. Then it times a rebuild of the rollups from the facts.
 *
 *   node --import tsx bench/stats-latency.ts --db data/reference.db [--runs 20] [--fact-runs 3]
 *     [--directory <db>.centre.json] [--zone Asia/Shanghai] [--skip-rebuild]
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { scopeOf } from '../server/auth/principal.js';
import { openDb } from '../server/db/client.js';
import { SqliteStore } from '../server/db/sqlite-store.js';
import { Directory } from '../server/directory/directory.js';
import { readMeta } from '../server/history/rollup-meta.js';
import { rebuildRollups } from '../server/history/rollup-rebuild.js';
import { StatsService, type RankedRequest } from '../server/stats/stats-service.js';
import { formatDay, Zone } from '../server/domain/zone.js';
import { startServerProcess } from '../test/support/server-process.js';
import { percentile, printTable, saveResult } from './lib/report.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    directory: { type: 'string' },
    runs: { type: 'string', default: '20' },
    'fact-runs': { type: 'string', default: '3' },
    zone: { type: 'string' },
    'skip-rebuild': { type: 'boolean', default: false },
  },
});
if (!values.db) throw new Error('--db <file> is required (a database filled by `npm run seed`)');
const dbFile = values.db;
const directoryFile = values.directory ?? `${dbFile}.centre.json`;
const runs = Number(values.runs);
const factRuns = Number(values['fact-runs']);

const db = openDb(dbFile);
const directory = await Directory.load(SqliteStore.over(db));
const reporting = readMeta(db).timeZone!;
const other = values.zone ?? (Zone.of(reporting).name === 'Asia/Shanghai' ? 'America/Chicago' : 'Asia/Shanghai');
// Nothing ingests here: the history is as the seed wrote it.
const stats = await StatsService.open(SqliteStore.over(db), directory, { async upToDate() {} });
const newest = db.$client.prepare('SELECT max(started_at) FROM calls').pluck().get() as number;

const centre = JSON.parse(readFileSync(directoryFile, 'utf8')) as { supervisors: { email: string; password: string; queues: string[] }[] };
const admin = [...centre.supervisors].sort((a, b) => b.queues.length - a.queues.length)[0]!;
const server = await startServerProcess({
  FLOORVIEW_DB: dbFile,
  FLOORVIEW_DIRECTORY: directoryFile,
  FLOORVIEW_SIMULATOR: 'off',
  FLOORVIEW_TIME_ZONE: reporting,
});

type Endpoint = 'agents' | 'queues' | 'wrapups';
interface Case {
  endpoint: Endpoint;
  days: number;
  req: RankedRequest;
  timesMs: number[];
  answer: unknown;
}
const cases: Case[] = [];
for (const tz of [reporting, other]) {
  const lastDay = Zone.of(tz).dayOf(newest);
  for (const days of [1, 30, 90])
    for (const endpoint of ['agents', 'queues', 'wrapups'] as Endpoint[])
      cases.push({ endpoint, days, req: { from: formatDay(lastDay - days + 1), to: formatDay(lastDay), tz, order: 'desc', limit: 10 }, timesMs: [], answer: null });
}

// Over HTTP first, with nothing else running.
try {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  });
  const { token } = (await login.json()) as { token: string };
  for (const c of cases) {
    const query = new URLSearchParams({ from: c.req.from, to: c.req.to, tz: c.req.tz! });
    for (let i = 0; i < runs + 2; i++) {
      const t0 = performance.now();
      const res = await fetch(`${server.url}/api/v1/stats/${c.endpoint}?${query}`, { headers: { authorization: `Bearer ${token}` } });
      c.answer = await res.json();
      if (res.status !== 200) throw new Error(`${c.endpoint}: ${res.status} ${JSON.stringify(c.answer)}`);
      // The first two warm the caches.
      if (i >= 2) c.timesMs.push(performance.now() - t0);
    }
    console.log(`${c.endpoint} ${c.days} d ${c.req.tz}: p50 ${percentile(c.timesMs, 50).toFixed(1)} ms, p95 ${percentile(c.timesMs, 95).toFixed(1)} ms`);
  }
} finally {
  await server.stop();
}

// The same answers from the raw fact rows.
const scope = scopeOf(admin.queues);
const rows: Record<string, string | number>[] = [];
const raw: object[] = [];
for (const c of cases) {
  const factMs: number[] = [];
  for (let i = 0; i < factRuns; i++) {
    const t0 = performance.now();
    const fromFacts = await stats[c.endpoint](scope, c.req, 'facts');
    factMs.push(performance.now() - t0);
    assert.deepEqual(JSON.parse(JSON.stringify(fromFacts)), c.answer, `${c.endpoint} ${c.days} d in ${c.req.tz} differs from the facts`);
  }
  const [p50, p95, facts] = [percentile(c.timesMs, 50), percentile(c.timesMs, 95), percentile(factMs, 50)];
  const isReporting = c.req.tz === reporting;
  raw.push({ endpoint: c.endpoint, days: c.days, tz: c.req.tz, reportingZone: isReporting, timesMs: c.timesMs, factMs });
  rows.push({
    endpoint: `/stats/${c.endpoint}`,
    range: `${c.days} d`,
    zone: isReporting ? `${c.req.tz} (reporting)` : c.req.tz!,
    'p50 ms': p50.toFixed(1),
    'p95 ms': p95.toFixed(1),
    'raw facts p50 ms': facts.toFixed(0),
    'facts ÷ rollups': `${(facts / p50).toFixed(0)}×`,
  });
  console.log(`${c.endpoint} ${c.days} d ${c.req.tz}: facts ${facts.toFixed(0)} ms (same answer)`);
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
if (rebuildSeconds !== null) console.log(`rollup rebuild from the facts: ${rebuildSeconds.toFixed(1)} s`);
saveResult('stats-latency', { db: dbFile, calls, reportingZone: reporting, otherZone: other, runs, factRuns, rows, raw, rebuildSeconds });
