/**
 * Fills a database with simulated history:
 *   npm run seed -- --days 90 --agents 500 --queues 40 --calls-per-day 30000 --db data/reference.db --seed 1
 * --db is a SQLite file or a postgres:// URL (server/wiring/cli-store.ts). With --directory the centre
 * comes from that file; otherwise one is generated, written next to the database (<db>.centre.json;
 * data/<database>.centre.json for PostgreSQL) and loaded. The floor is saved at the end, so a server
 * started on the database carries on from it.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { StartupError } from '../db/postgres-startup-errors.js';
import type { Store } from '../db/store.js';
import { Directory } from '../directory/directory.js';
import { DirectoryFileError, readDirectoryFile, type DirectoryFile } from '../directory/directory-file.js';
import { centreJson, generateCentre } from '../directory/generate-centre.js';
import { upsertDirectory } from '../directory/upsert-directory.js';
import { restoreFloor, saveFloor } from '../floor/floor-snapshot.js';
import { lastSeq } from '../ingest/event-log.js';
import { IngestService } from '../ingest/ingest-service.js';
import { History } from '../history/history.js';
import { readMetaOf } from '../history/rollup-meta.js';
import { rebuildRollupsOf } from '../history/rollup-rebuild.js';
import { systemZoneName } from '../domain/zone.js';
import { cliStoreConfig } from './cli-store.js';
import { openStore, storeLabel, type StoreConfig } from './open-store.js';
import { progressLines } from '../simulator/backfill.js';
import { Simulator } from '../simulator/simulator.js';
import { DAY_MS } from '../simulator/time-zones.js';

const USAGE = `Usage: npm run seed -- [options]
  --days <n>            days of history ending now (default 14)
  --agents <n>          agents in the generated centre (default 60)
  --queues <n>          queues in the generated centre (default 8)
  --calls-per-day <n>   inbound calls a day (default about 45 per agent)
  --seed <n>            random seed (default 1)
  --db <file | url>     SQLite file or postgres:// URL to fill (default FLOORVIEW_DATABASE_URL,
                        else FLOORVIEW_DB, else data/floorview.db); must hold no events yet
  --directory <file>    use this directory file instead of generating a centre
  --rollups-at-end      build the statistics rollups once from the facts at the end
                        instead of keeping them while simulating`;

function fail(message: string): never {
  console.error(`seed: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function storeOf(db: string | undefined): StoreConfig {
  try {
    return cliStoreConfig(db);
  } catch (err) {
    fail((err as Error).message);
  }
}

/** Where a generated centre is written: beside the SQLite file, or in data/ under the PostgreSQL database's name. */
function centreFileOf(store: StoreConfig): string {
  if (!store.FLOORVIEW_DATABASE_URL) return `${store.FLOORVIEW_DB}.centre.json`;
  return `data/${decodeURIComponent(new URL(store.FLOORVIEW_DATABASE_URL).pathname.slice(1)) || 'postgres'}.centre.json`;
}

/** The database's size on disk, for the closing lines. */
async function sizeOf(database: Store, store: StoreConfig): Promise<number> {
  if (database.dialect === 'postgres') return Number((await database.get<{ bytes: number }>(sql`select pg_database_size(current_database()) as bytes`))?.bytes ?? 0);
  await database.exclusive((db) => db.$client.pragma('wal_checkpoint(TRUNCATE)'));
  return [store.FLOORVIEW_DB, `${store.FLOORVIEW_DB}-wal`].reduce((sum, f) => sum + (existsSync(f) ? statSync(f).size : 0), 0);
}

function readArgs() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        days: { type: 'string', default: '14' },
        agents: { type: 'string' },
        queues: { type: 'string' },
        'calls-per-day': { type: 'string' },
        seed: { type: 'string', default: '1' },
        db: { type: 'string' },
        directory: { type: 'string' },
        'rollups-at-end': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    fail((err as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (values.directory !== undefined && (values.agents !== undefined || values.queues !== undefined))
    fail('--agents and --queues describe a generated centre; they cannot be combined with --directory');
  const number = (name: string, raw: string | undefined, min: number, max: number, integer = true) => {
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max)
      fail(`--${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got "${raw}"`);
    return n;
  };
  return {
    days: number('days', values.days, 0.001, 3650, false)!,
    agents: number('agents', values.agents, 1, 100_000) ?? 60,
    queues: number('queues', values.queues, 1, 10_000) ?? 8,
    callsPerDay: number('calls-per-day', values['calls-per-day'], 0, 10_000_000),
    seed: number('seed', values.seed, -(2 ** 31), 2 ** 31 - 1)!,
    store: storeOf(values.db),
    directory: values.directory,
    rollupsAtEnd: values['rollups-at-end'],
  };
}

const args = readArgs();
let centre: DirectoryFile;
try {
  centre = args.directory
    ? readDirectoryFile(args.directory)
    : generateCentre({ agents: args.agents, queues: args.queues, seed: args.seed });
} catch (err) {
  if (err instanceof DirectoryFileError) fail(err.message);
  throw err;
}

const where = storeLabel(args.store);
const database = await openStore(args.store).catch((err: unknown) => {
  if (!(err instanceof StartupError)) throw err;
  console.error(`seed: ${err.message}`);
  process.exit(1);
});
const existing = await lastSeq(database);
if (existing > 0) {
  await database.close();
  fail(`${where} already holds events (up to #${existing}); seed a new, empty database`);
}
if (!args.directory) {
  const file = centreFileOf(args.store);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, centreJson(centre));
  console.log(`Centre: ${centre.agents.length} agents, ${centre.queues.length} queues, written to ${file}`);
}
await upsertDirectory(database, centre);
const directory = await Directory.load(database);
const floor = await restoreFloor(database, directory);
const ingest = new IngestService(database, directory, Date.now);
ingest.onIngested((fresh) => floor.apply(fresh));
const history = (await History.open(database, ingest.store, Date.now, { rollups: !args.rollupsAtEnd })).follow(ingest);
const simulator = new Simulator({ directory, seed: args.seed, callsPerDay: args.callsPerDay });

const to = Date.now();
const from = Math.round(to - args.days * DAY_MS);
console.log(
  `Simulating ${new Date(from).toISOString()} → ${new Date(to).toISOString()}, ${simulator.callsPerDay} calls a day, seed ${args.seed}`,
);
const stats = await simulator.backfill(ingest, from, to, { onProgress: progressLines(from, to, (line) => console.log(line)) });
// A bulk load is done when its history is written too.
await history.upToDate();
await saveFloor(database, floor, to);
let rollupSeconds: number | null = null;
if (args.rollupsAtEnd) {
  const t0 = performance.now();
  await rebuildRollupsOf(database, (await readMetaOf(database)).timeZone ?? systemZoneName());
  rollupSeconds = (performance.now() - t0) / 1000;
}
const size = await sizeOf(database, args.store);
await database.close();

console.log(
  [
    'Done.',
    `  events       ${stats.events} (${stats.accepted} new, ${stats.duplicates} already stored)`,
    `  calls        ${stats.calls}`,
    `  seconds      ${stats.seconds.toFixed(1)}`,
    `  events/s     ${Math.round(stats.eventsPerSecond)}${args.rollupsAtEnd ? ' (without rollups)' : ''}`,
    ...(rollupSeconds === null
      ? []
      : [`  rollups      built in ${rollupSeconds.toFixed(1)} s (${Math.round(stats.events / (stats.seconds + rollupSeconds))} events/s overall)`]),
    `  database     ${where}, ${(size / 2 ** 20).toFixed(1)} MiB`,
  ].join('\n'),
);
