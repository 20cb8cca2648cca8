/**
 * Wrap-up reason reports (issue 7): rows per second and peak memory generating
 * a 90-day report on the reference centre (500 agents, 40 queues, ~30,000 calls
 * a day), and the same for streaming its CSV out.
 *
 * The reference database is only read (never migrated or written): what the
 * reports read — the directory, the facts and the migration history — is
 * copied once into a scratch database, which this code's migrations and rollup
 * rebuild then bring up to date (kept for the next run while the source is
 * unchanged). Each generation, and each download of what it generated, runs in
 * a fresh process, so the memory measured is its own; medians over the runs.
 *
 * `--store postgres|both` (issue 18) generates the same reports on PostgreSQL too: a throwaway
 * cluster with the benchmark's settings (bench/lib/postgres-bench.ts) loaded with the scratch
 * copy's tables (bench/lib/load-into-postgres.ts). With both, every run generates and downloads
 * on one store and then the other, which goes first alternating run by run, and the two CSVs
 * must be the same size (test/server/reports-both-stores.test.ts checks them byte for byte).
 *
 *   node --import tsx bench/report-generation.ts [--db /tmp/fvdata/reference.db] [--directory <db>.centre.json]
 *     [--days 90] [--runs 3] [--page-rows 2000] [--work .tmp/report-bench] [--store sqlite|postgres|both]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { scopeOf } from '../server/auth/principal.js';
import { openDb } from '../server/db/client.js';
import { META_KEYS } from '../server/db/meta-keys.js';
import { openPostgres } from '../server/db/postgres-client.js';
import { PostgresStore } from '../server/db/postgres-store.js';
import { SqliteStore } from '../server/db/sqlite-store.js';
import type { Dialect, Store } from '../server/db/store.js';
import { Directory } from '../server/directory/directory.js';
import type { Report } from '../contract/reports.js';
import { DEFAULT_RUNNER_OPTIONS } from '../server/reports/report-runner.js';
import { ReportService } from '../server/reports/report-service.js';
import type { HistoryCatchUp } from '../server/history/history.js';
import { readMeta } from '../server/history/rollup-meta.js';
import { syncRollups } from '../server/history/rollup-rebuild.js';
import { formatDay, Zone } from '../server/domain/zone.js';
import type { ViewerItem } from '../server/stream/stream-hub.js';
import { loadIntoPostgres } from './lib/load-into-postgres.js';
import { BENCH_SETTINGS, startBenchCluster, type BenchCluster } from './lib/postgres-bench.js';
import { median, printTable, saveResult } from './lib/report.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: '/tmp/fvdata/reference.db' },
    directory: { type: 'string' },
    days: { type: 'string', default: '90' },
    runs: { type: 'string', default: '3' },
    work: { type: 'string', default: '.tmp/report-bench' },
    'page-rows': { type: 'string' },
    measure: { type: 'string' },
    download: { type: 'string' },
    supervisor: { type: 'string' },
    store: { type: 'string', default: 'sqlite' },
  },
});
if (!['sqlite', 'postgres', 'both'].includes(values.store)) throw new Error('--store is sqlite, postgres or both');

/** What a report reads, and what the migrations and the rollup rebuild need to bring it to this code's schema. */
const COPIED = ['__drizzle_migrations', 'locations', 'queues', 'agents', 'agent_queues', 'supervisors', 'supervisor_queues', 'wrapup_reasons', 'rollup_meta', 'calls', 'queue_visits', 'handlings', 'wrapups'];

interface Generated {
  supervisor: string;
  queues: number;
  reportId: string;
  rows: number;
  pageRows: number;
  generateSeconds: number;
  rowsPerSecond: number;
  rssBaselineMiB: number;
  rssPeakMiB: number;
  heapPeakMiB: number;
  /** How long live requests could wait on the event loop while the report was generated. */
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
}

interface Downloaded {
  csvBytes: number;
  downloadSeconds: number;
  downloadMiBps: number;
  rssBaselineMiB: number;
  rssPeakMiB: number;
  heapBaselineMiB: number;
  heapPeakMiB: number;
}

type Measured = Generated & { download: Downloaded; load: number };

/** Nothing ingests here: the history is as the seed wrote it. */
const written: HistoryCatchUp = { async upToDate() {} };
const MiB = 2 ** 20;

if (values.measure && values.download) await measureDownload(values.measure, values.supervisor!, values.download);
else if (values.measure) await measure(values.measure, values.supervisor!, Number(values.days));
else await main();

async function main(): Promise<void> {
  const source = resolve(values.db!);
  const directoryFile = values.directory ?? `${source}.centre.json`;
  const scratch = await prepare(source, resolve(values.work!));
  const stores: Dialect[] = values.store === 'both' ? ['sqlite', 'postgres'] : [values.store as Dialect];
  // Where each store's copy is: the scratch file, or a database on the bench cluster loaded from it.
  const location = new Map<Dialect, string>([['sqlite', scratch]]);
  let cluster: BenchCluster | null = null;
  if (stores.includes('postgres')) {
    cluster = await startBenchCluster();
    const url = cluster.database('reports');
    await loadIntoPostgres(scratch, url, (table) => COPIED.includes(table));
    location.set('postgres', url);
  }
  try {
    await measureAll(stores, location, directoryFile, source);
  } finally {
    cluster?.remove();
  }
}

async function measureAll(stores: Dialect[], location: ReadonlyMap<Dialect, string>, directoryFile: string, source: string): Promise<void> {
  const centre = JSON.parse(readFileSync(directoryFile, 'utf8')) as { supervisors: { id: string; queues: string[] }[] };
  const bySize = [...centre.supervisors].sort((a, b) => b.queues.length - a.queues.length);
  // The whole centre (the supervisor with most queues), and a supervisor with the fewest: a filtered scan.
  const cases = [bySize[0]!, bySize[bySize.length - 1]!];
  const runs = Number(values.runs);
  const results: { store: Dialect; runs: Measured[] }[] = [];
  for (const s of cases) {
    const each = new Map<Dialect, Measured[]>(stores.map((store) => [store, []]));
    for (let i = 0; i < runs; i++) {
      for (const store of i % 2 === 0 ? stores : [...stores].reverse()) {
        const load = loadavg()[0]!;
        const at = location.get(store)!;
        const generated = await child<Generated>(['--measure', at, '--supervisor', s.id]);
        const download = await child<Downloaded>(['--measure', at, '--supervisor', s.id, '--download', generated.reportId]);
        console.log(
          `${store} ${s.id} run ${i + 1}: ${generated.rows} rows in ${generated.generateSeconds.toFixed(1)} s (${Math.round(generated.rowsPerSecond)} rows/s), ` +
            `peak RSS ${generated.rssPeakMiB.toFixed(0)} MiB; download ${(download.csvBytes / MiB).toFixed(0)} MiB at ${download.downloadMiBps.toFixed(0)} MiB/s, load ${load.toFixed(2)}`,
        );
        each.get(store)!.push({ ...generated, download, load });
      }
      if (stores.length === 2) {
        const [a, b] = stores.map((store) => each.get(store)![i]!.download.csvBytes);
        if (a !== b) throw new Error(`${s.id}: the CSV is ${a} bytes on SQLite and ${b} on PostgreSQL`);
      }
    }
    for (const [store, list] of each) results.push({ store, runs: list });
  }
  const med = (list: Measured[], value: (m: Measured) => number) => median(list.map(value));
  const rows = results.map(({ store, runs: list }) => ({
    store,
    scope: `${list[0]!.supervisor} (${list[0]!.queues} queues)`,
    rows: list[0]!.rows,
    'generate s': med(list, (m) => m.generateSeconds).toFixed(1),
    'rows/s': Math.round(med(list, (m) => m.rowsPerSecond)),
    'RSS base→peak MiB': `${med(list, (m) => m.rssBaselineMiB).toFixed(0)}→${med(list, (m) => m.rssPeakMiB).toFixed(0)}`,
    'heap peak MiB': med(list, (m) => m.heapPeakMiB).toFixed(0),
    'loop delay p99/max ms': `${med(list, (m) => m.eventLoopDelayP99Ms).toFixed(0)}/${med(list, (m) => m.eventLoopDelayMaxMs).toFixed(0)}`,
    'CSV MiB': (list[0]!.download.csvBytes / MiB).toFixed(0),
    'download MiB/s': med(list, (m) => m.download.downloadMiBps).toFixed(0),
    'download RSS base→peak MiB': `${med(list, (m) => m.download.rssBaselineMiB).toFixed(0)}→${med(list, (m) => m.download.rssPeakMiB).toFixed(0)}`,
    'download heap base→peak MiB': `${med(list, (m) => m.download.heapBaselineMiB).toFixed(0)}→${med(list, (m) => m.download.heapPeakMiB).toFixed(0)}`,
    load: med(list, (m) => m.load).toFixed(2),
  }));
  printTable(rows);
  if (stores.length === 2) {
    for (const s of cases) {
      const of = (store: Dialect, value: (m: Measured) => number) => med(results.find((r) => r.store === store && r.runs[0]!.supervisor === s.id)!.runs, value);
      const ratio = (value: (m: Measured) => number) => (of('postgres', value) / of('sqlite', value)).toFixed(2);
      console.log(`${s.id}: PostgreSQL ÷ SQLite ${ratio((m) => m.rowsPerSecond)} of the rows/s, ${ratio((m) => m.download.downloadMiBps)} of the download MiB/s`);
    }
  }
  console.log(`${values.days}-day report ending on the data's last day, ${runs} runs each (medians); each generation and each download in a fresh process; source ${source}`);
  saveResult('report-generation', { source, stores, postgresSettings: stores.includes('postgres') ? BENCH_SETTINGS : null, days: Number(values.days), runs, rows, raw: results });
}

/** The scratch copy, made once per source database (its size and time identify it), then migrated and its rollups rebuilt. */
async function prepare(source: string, work: string): Promise<string> {
  const stat = statSync(source);
  const stamp = JSON.stringify({ source, size: stat.size, mtime: stat.mtimeMs });
  const scratch = join(work, 'reports.db');
  const copiedStamp = join(work, 'copied.json');
  const readyStamp = join(work, 'ready.json');
  const t0 = performance.now();
  if (!(existsSync(scratch) && existsSync(copiedStamp) && readFileSync(copiedStamp, 'utf8') === stamp)) {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    copy(source, scratch);
    writeFileSync(copiedStamp, stamp);
  }
  if (!(existsSync(readyStamp) && readFileSync(readyStamp, 'utf8') === stamp)) {
    // Statistics for the migrations only: without them the planner reads a correlated subquery of a
    // migration through an agent's whole history (hours on this size). Dropped before measuring,
    // so the measured queries plan as in production, which never runs ANALYZE.
    const raw = new Database(scratch);
    raw.exec('ANALYZE');
    raw.close();
    console.log('migrating the copy and rebuilding its rollups (once)…');
    const db = openDb(scratch);
    db.$client.exec('DROP TABLE IF EXISTS sqlite_stat1; DROP TABLE IF EXISTS sqlite_stat4;');
    db.$client.close();
    const fresh = openDb(scratch);
    syncRollups(fresh, readMeta(fresh).timeZone ?? 'UTC');
    fresh.$client.close();
    writeFileSync(readyStamp, stamp);
    console.log(`scratch copy ready in ${((performance.now() - t0) / 1000).toFixed(0)} s: ${scratch}`);
  } else {
    openDb(scratch).$client.close(); // migrations added since the copy was made
  }
  return scratch;
}

/** Every table's definition (the migrations alter some), the rows of the ones a report needs, then the indexes. */
function copy(source: string, scratch: string): void {
  const src = new Database(source, { readonly: true, fileMustExist: true });
  const dst = new Database(scratch);
  dst.pragma('journal_mode = WAL');
  dst.pragma('synchronous = OFF');
  const schema = src.prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'").all() as { type: string; name: string; sql: string }[];
  for (const t of schema.filter((x) => x.type === 'table')) dst.exec(t.sql);
  for (const table of COPIED) {
    const columns = (src.prepare(`SELECT * FROM "${table}" LIMIT 0`).columns() as { name: string }[]).map((c) => `"${c.name}"`);
    const insert = dst.prepare(`INSERT INTO "${table}" (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    const flush = dst.transaction((rows: unknown[][]) => {
      for (const r of rows) insert.run(r);
    });
    let batch: unknown[][] = [];
    for (const row of src.prepare(`SELECT * FROM "${table}"`).raw().iterate() as IterableIterator<unknown[]>) {
      batch.push(row);
      if (batch.length === 50_000) {
        flush(batch);
        batch = [];
      }
    }
    flush(batch);
    console.log(`copied ${table}: ${(dst.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number).toLocaleString('en')} rows`);
  }
  for (const x of schema.filter((s) => s.type !== 'table')) dst.exec(x.sql);
  src.close();
  dst.close();
}

function child<T>(args: string[]): Promise<T> {
  const pageRows = values['page-rows'] ? ['--page-rows', values['page-rows']] : [];
  return new Promise((resolvePromise, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', 'bench/report-generation.ts', ...args, '--days', values.days!, ...pageRows], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.once('exit', (code) => (code === 0 ? resolvePromise(JSON.parse(out.trim().split('\n').pop()!) as T) : reject(new Error(`measure exited ${code}`))));
  });
}

/** Peak RSS and heap, sampled every 20 ms from `start()`. */
function memorySampler() {
  const peak = { rss: 0, heap: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heap = Math.max(peak.heap, m.heapUsed);
  };
  let timer: NodeJS.Timeout | undefined;
  return {
    peak,
    start: () => (timer = setInterval(sample, 20)),
    stop: () => {
      sample();
      clearInterval(timer);
    },
  };
}

/** One 90-day report generated by the report service, as the server runs it (its runner, pages, chunks). */
async function measure(at: string, supervisorId: string, days: number): Promise<void> {
  const store = await openAt(at);
  const directory = await Directory.load(store);
  const supervisor = directory.supervisors.get(supervisorId)!;
  const zone = Zone.of((await store.get<{ value: string }>(sql`SELECT value FROM rollup_meta WHERE key = ${META_KEYS.timeZone}`))?.value ?? 'UTC');
  const newest = (await store.get<{ newest: number }>(sql`SELECT max(started_at) AS newest FROM wrapups`))!.newest;
  const lastDay = zone.dayOf(newest);
  let done: ((r: Report) => void) | null = null;
  const publish = (item: ViewerItem) => {
    if (item.channel === 'reports' && (item.data.status === 'ready' || item.data.status === 'failed')) done?.(item.data);
  };
  const pageRows = values['page-rows'] ? Number(values['page-rows']) : DEFAULT_RUNNER_OPTIONS.pageRows;
  const service = new ReportService(store, written, directory, zone.name, publish, Date.now, { pageRows });
  const baseline = process.memoryUsage().rss;
  const memory = memorySampler();
  const loop = monitorEventLoopDelay({ resolution: 10 });

  memory.start();
  service.start();
  loop.enable();
  const t0 = performance.now();
  const finished = new Promise<Report>((r) => (done = r));
  const { report } = await service.create({ id: supervisor.id, scope: scopeOf(supervisor.queues) }, { from: formatDay(lastDay - days + 1), to: formatDay(lastDay), tz: zone.name });
  const ready = await finished;
  const generateSeconds = (performance.now() - t0) / 1000;
  loop.disable();
  memory.stop();
  await service.stop();
  await store.close();
  if (ready.status !== 'ready') throw new Error(`report failed: ${JSON.stringify(ready.error)}`);
  const result: Generated = {
    supervisor: supervisor.id,
    queues: supervisor.queues.length,
    reportId: report.id,
    rows: ready.rowCount,
    pageRows,
    generateSeconds,
    rowsPerSecond: ready.rowCount / generateSeconds,
    rssBaselineMiB: baseline / MiB,
    rssPeakMiB: memory.peak.rss / MiB,
    heapPeakMiB: memory.peak.heap / MiB,
    eventLoopDelayP99Ms: loop.percentile(99) / 1e6,
    eventLoopDelayMaxMs: loop.max / 1e6,
  };
  console.log(JSON.stringify(result));
}

/** The report's CSV read through the download stream to the end, in a fresh process: does memory stay flat? */
async function measureDownload(at: string, supervisorId: string, reportId: string): Promise<void> {
  const store = await openAt(at);
  const service = new ReportService(store, written, await Directory.load(store), 'UTC', () => {});
  const baseline = process.memoryUsage();
  const memory = memorySampler();
  memory.start();
  const t0 = performance.now();
  const { report, body } = await service.csv(supervisorId, reportId);
  let bytes = 0;
  const reader = body.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) bytes += r.value.byteLength;
  const seconds = (performance.now() - t0) / 1000;
  memory.stop();
  await store.close();
  if (bytes !== report.size) throw new Error(`downloaded ${bytes} bytes, the report has ${report.size}`);
  const result: Downloaded = {
    csvBytes: bytes,
    downloadSeconds: seconds,
    downloadMiBps: bytes / MiB / seconds,
    rssBaselineMiB: baseline.rss / MiB,
    rssPeakMiB: memory.peak.rss / MiB,
    heapBaselineMiB: baseline.heapUsed / MiB,
    heapPeakMiB: memory.peak.heap / MiB,
  };
  console.log(JSON.stringify(result));
}

/** The scratch file, or the PostgreSQL database at a postgres:// URL (with the server's default pool). */
async function openAt(at: string): Promise<Store> {
  if (at.startsWith('postgres://')) return PostgresStore.over(await openPostgres(at, { pool: 10, statementTimeoutMs: 0 }));
  return SqliteStore.over(openDb(at));
}
